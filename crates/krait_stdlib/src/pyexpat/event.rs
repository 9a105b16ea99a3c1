//! What the parser core reports: parse events (one per handler call expat would make),
//! the handler slots that decide how some constructs are reported, and positions.

/// A content model as `ElementDeclHandler` receives it: (type, quantifier, name, children).
#[derive(Debug, Clone)]
pub struct Model {
    pub ctype: i64,
    pub quant: i64,
    pub name: Option<String>,
    pub children: Vec<Model>,
}

/// One parse event.
#[derive(Debug, Clone)]
pub enum Event {
    XmlDecl { version: Option<String>, encoding: Option<String>, standalone: i64 },
    StartDoctype { name: String, sysid: Option<String>, pubid: Option<String>, internal: bool },
    EndDoctype,
    EntityDecl { name: String, param: bool, value: Option<String>, sysid: Option<String>, pubid: Option<String>, notation: Option<String> },
    NotationDecl { name: String, sysid: Option<String>, pubid: Option<String> },
    ElementDecl { name: String, model: Model },
    AttlistDecl { elname: String, attname: String, atype: String, default: Option<String>, required: bool },
    /// Attributes as (name, value); the first `specified` were written in the tag.
    StartElement { name: String, attrs: Vec<(String, String)>, specified: usize },
    EndElement { name: String },
    Data(String),
    Pi { target: String, data: String },
    Comment(String),
    StartCdata,
    EndCdata,
    StartNs { prefix: Option<String>, uri: Option<String> },
    EndNs { prefix: Option<String> },
    /// Markup passed through to the default handler.
    Default(String),
    SkippedEntity { name: String, param: bool },
    ExternalEntityRef { context: Option<String>, sysid: Option<String>, pubid: Option<String> },
    NotStandalone,
}

/// Which handlers are set, as bits indexed like `xmlparser::HANDLERS`; the core asks
/// only about those that change what it reports.
#[derive(Clone, Copy, Default)]
pub struct Want(pub u32);

impl Want {
    pub const START_ELEMENT: u32 = 1 << 0;
    pub const END_ELEMENT: u32 = 1 << 1;
    pub const CHARACTER_DATA: u32 = 1 << 2;
    pub const PI: u32 = 1 << 3;
    pub const COMMENT: u32 = 1 << 4;
    pub const START_CDATA: u32 = 1 << 7;
    pub const END_CDATA: u32 = 1 << 8;
    pub const XML_DECL: u32 = 1 << 9;
    pub const START_DOCTYPE: u32 = 1 << 10;
    pub const END_DOCTYPE: u32 = 1 << 11;
    pub const ENTITY_DECL: u32 = 1 << 12;
    pub const NOTATION_DECL: u32 = 1 << 13;
    pub const UNPARSED_ENTITY_DECL: u32 = 1 << 14;
    pub const DEFAULT: u32 = 1 << 15;
    pub const DEFAULT_EXPAND: u32 = 1 << 16;
    pub const EXTERNAL_ENTITY_REF: u32 = 1 << 17;
    pub const SKIPPED_ENTITY: u32 = 1 << 18;
    pub const ELEMENT_DECL: u32 = 1 << 19;
    pub const ATTLIST_DECL: u32 = 1 << 20;
    pub const NOT_STANDALONE: u32 = 1 << 21;

    pub fn has(self, bit: u32) -> bool {
        self.0 & bit != 0
    }

    /// Is any default handler set?
    pub fn default(self) -> bool {
        self.has(Self::DEFAULT | Self::DEFAULT_EXPAND)
    }
}

/// A place in the input: line (from 1), column in characters (from 0), byte index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: i64,
    pub col: i64,
    pub byte: i64,
}

impl Position {
    pub const START: Position = Position { line: 1, col: 0, byte: 0 };

    /// Move over `b` (UTF-8): newlines (LF, CR, CR LF) start a line; a character is one
    /// column. Byte indexes count the input's encoding: `width` is 0 for UTF-8, else the
    /// bytes of a code unit (1 for single-byte encodings, 2 for UTF-16).
    pub fn advance(&mut self, b: &[u8], width: u8) {
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            if c == b'\n' || c == b'\r' {
                self.line += 1;
                self.col = 0;
                if c == b'\r' && b.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
            } else if c & 0xC0 != 0x80 {
                self.col += 1;
            }
            if width > 0 && c & 0xC0 != 0x80 {
                // Characters beyond the BMP take two UTF-16 code units.
                let units = if width == 2 && c >= 0xF0 { 2 } else { 1 };
                self.byte += i64::from(width) * units;
            }
            i += 1;
        }
        if width == 0 {
            self.byte += b.len() as i64;
        }
    }
}
