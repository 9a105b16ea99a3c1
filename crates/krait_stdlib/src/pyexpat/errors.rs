//! Expat's error codes (`enum XML_Error`), their constant names and message texts, as
//! `pyexpat.errors` and `ErrorString` expose them.

/// (code, constant name, message) for every error expat 2.5 defines.
pub const ERRORS: &[(i64, &str, &str)] = &[
    (1, "XML_ERROR_NO_MEMORY", "out of memory"),
    (2, "XML_ERROR_SYNTAX", "syntax error"),
    (3, "XML_ERROR_NO_ELEMENTS", "no element found"),
    (4, "XML_ERROR_INVALID_TOKEN", "not well-formed (invalid token)"),
    (5, "XML_ERROR_UNCLOSED_TOKEN", "unclosed token"),
    (6, "XML_ERROR_PARTIAL_CHAR", "partial character"),
    (7, "XML_ERROR_TAG_MISMATCH", "mismatched tag"),
    (8, "XML_ERROR_DUPLICATE_ATTRIBUTE", "duplicate attribute"),
    (9, "XML_ERROR_JUNK_AFTER_DOC_ELEMENT", "junk after document element"),
    (10, "XML_ERROR_PARAM_ENTITY_REF", "illegal parameter entity reference"),
    (11, "XML_ERROR_UNDEFINED_ENTITY", "undefined entity"),
    (12, "XML_ERROR_RECURSIVE_ENTITY_REF", "recursive entity reference"),
    (13, "XML_ERROR_ASYNC_ENTITY", "asynchronous entity"),
    (14, "XML_ERROR_BAD_CHAR_REF", "reference to invalid character number"),
    (15, "XML_ERROR_BINARY_ENTITY_REF", "reference to binary entity"),
    (16, "XML_ERROR_ATTRIBUTE_EXTERNAL_ENTITY_REF", "reference to external entity in attribute"),
    (17, "XML_ERROR_MISPLACED_XML_PI", "XML or text declaration not at start of entity"),
    (18, "XML_ERROR_UNKNOWN_ENCODING", "unknown encoding"),
    (19, "XML_ERROR_INCORRECT_ENCODING", "encoding specified in XML declaration is incorrect"),
    (20, "XML_ERROR_UNCLOSED_CDATA_SECTION", "unclosed CDATA section"),
    (21, "XML_ERROR_EXTERNAL_ENTITY_HANDLING", "error in processing external entity reference"),
    (22, "XML_ERROR_NOT_STANDALONE", "document is not standalone"),
    (23, "XML_ERROR_UNEXPECTED_STATE", "unexpected parser state - please send a bug report"),
    (24, "XML_ERROR_ENTITY_DECLARED_IN_PE", "entity declared in parameter entity"),
    (25, "XML_ERROR_FEATURE_REQUIRES_XML_DTD", "requested feature requires XML_DTD support in Expat"),
    (26, "XML_ERROR_CANT_CHANGE_FEATURE_ONCE_PARSING", "cannot change setting once parsing has begun"),
    (27, "XML_ERROR_UNBOUND_PREFIX", "unbound prefix"),
    (28, "XML_ERROR_UNDECLARING_PREFIX", "must not undeclare prefix"),
    (29, "XML_ERROR_INCOMPLETE_PE", "incomplete markup in parameter entity"),
    (30, "XML_ERROR_XML_DECL", "XML declaration not well-formed"),
    (31, "XML_ERROR_TEXT_DECL", "text declaration not well-formed"),
    (32, "XML_ERROR_PUBLICID", "illegal character(s) in public id"),
    (33, "XML_ERROR_SUSPENDED", "parser suspended"),
    (34, "XML_ERROR_NOT_SUSPENDED", "parser not suspended"),
    (35, "XML_ERROR_ABORTED", "parsing aborted"),
    (36, "XML_ERROR_FINISHED", "parsing finished"),
    (37, "XML_ERROR_SUSPEND_PE", "cannot suspend in external parameter entity"),
    (38, "XML_ERROR_RESERVED_PREFIX_XML", "reserved prefix (xml) must not be undeclared or bound to another namespace name"),
    (39, "XML_ERROR_RESERVED_PREFIX_XMLNS", "reserved prefix (xmlns) must not be declared or undeclared"),
    (40, "XML_ERROR_RESERVED_NAMESPACE_URI", "prefix must not be bound to one of the reserved namespace names"),
    (41, "XML_ERROR_INVALID_ARGUMENT", "invalid argument"),
    (42, "XML_ERROR_NO_BUFFER", "a successful prior call to function XML_GetBuffer is required"),
    (43, "XML_ERROR_AMPLIFICATION_LIMIT_BREACH", "limit on input amplification factor (from DTD and entities) breached"),
];

/// XML_ErrorString: the message of `code`, if it is one.
pub fn message(code: i64) -> Option<&'static str> {
    ERRORS.iter().find(|e| e.0 == code).map(|e| e.2)
}

pub const NO_ELEMENTS: i64 = 3;
pub const SYNTAX: i64 = 2;
pub const INVALID_TOKEN: i64 = 4;
pub const UNCLOSED_TOKEN: i64 = 5;
pub const PARTIAL_CHAR: i64 = 6;
pub const TAG_MISMATCH: i64 = 7;
pub const DUPLICATE_ATTRIBUTE: i64 = 8;
pub const JUNK_AFTER_DOC_ELEMENT: i64 = 9;
pub const PARAM_ENTITY_REF: i64 = 10;
pub const UNDEFINED_ENTITY: i64 = 11;
pub const RECURSIVE_ENTITY_REF: i64 = 12;
pub const ASYNC_ENTITY: i64 = 13;
pub const BAD_CHAR_REF: i64 = 14;
pub const BINARY_ENTITY_REF: i64 = 15;
pub const ATTRIBUTE_EXTERNAL_ENTITY_REF: i64 = 16;
pub const MISPLACED_XML_PI: i64 = 17;
pub const UNCLOSED_CDATA_SECTION: i64 = 20;
pub const EXTERNAL_ENTITY_HANDLING: i64 = 21;
pub const NOT_STANDALONE: i64 = 22;
pub const CANT_CHANGE_FEATURE_ONCE_PARSING: i64 = 26;
pub const UNBOUND_PREFIX: i64 = 27;
pub const UNDECLARING_PREFIX: i64 = 28;
pub const XML_DECL: i64 = 30;
pub const FINISHED: i64 = 36;
pub const RESERVED_PREFIX_XML: i64 = 38;
pub const RESERVED_PREFIX_XMLNS: i64 = 39;
