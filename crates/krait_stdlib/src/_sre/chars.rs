//! Character predicates and case mappings of the SRE engine (sre.c's `SRE_IS_*`,
//! `sre_lower_*`, `sre_upper_*`, `sre_category`): ASCII, locale (C locale) and Unicode
//! (CPython's unicodedata 14.0 tables: digits and spaces from `krait_format::unicode`,
//! alphanumerics from `alnum_table`).

use super::alnum_table::ALNUM;
use super::constants::*;

/// Code points that have case mappings in Rust's (newer) Unicode tables but none in
/// unicodedata 14.0, which CPython 3.11 uses.
const CASED_AFTER_14: [(u32, u32); 10] = [
    (0x19B, 0x19B), (0x264, 0x264), (0x1C89, 0x1C8A), (0xA7CB, 0xA7CF), (0xA7D2, 0xA7D5), (0xA7DA, 0xA7DC),
    (0x10D50, 0x10D65), (0x10D70, 0x10D85), (0x16EA0, 0x16EB8), (0x16EBB, 0x16ED3),
];

/// The character for Rust's case mappings, unless CPython 3.11 maps it to itself.
fn case_mapped(ch: u32) -> Option<char> {
    if CASED_AFTER_14.iter().any(|&(a, b)| (a..=b).contains(&ch)) {
        return None;
    }
    char::from_u32(ch)
}

fn is_ascii_digit(ch: u32) -> bool {
    (0x30..=0x39).contains(&ch)
}

/// `SRE_IS_SPACE`: ASCII whitespace (`\t\n\v\f\r` and space).
fn is_ascii_space(ch: u32) -> bool {
    matches!(ch, 0x09..=0x0D | 0x20)
}

fn is_ascii_alnum(ch: u32) -> bool {
    ch < 128 && (ch as u8).is_ascii_alphanumeric()
}

/// `SRE_IS_WORD`: ASCII letters, digits and underscore.
pub fn is_ascii_word(ch: u32) -> bool {
    is_ascii_alnum(ch) || ch == u32::from(b'_')
}

/// `SRE_LOC_IS_WORD` in the C locale.
pub fn is_loc_word(ch: u32) -> bool {
    is_ascii_word(ch)
}

/// `SRE_IS_LINEBREAK`: only `\n`.
pub fn is_linebreak(ch: u32) -> bool {
    ch == 0x0A
}

/// `Py_UNICODE_ISDECIMAL`.
fn is_uni_digit(ch: u32) -> bool {
    char::from_u32(ch).and_then(krait_format::unicode::decimal_value).is_some()
}

/// `Py_UNICODE_ISSPACE`.
fn is_uni_space(ch: u32) -> bool {
    char::from_u32(ch).is_some_and(krait_format::unicode::is_space)
}

/// `Py_UNICODE_ISLINEBREAK`.
fn is_uni_linebreak(ch: u32) -> bool {
    matches!(ch, 0x0A..=0x0D | 0x1C..=0x1E | 0x85 | 0x2028 | 0x2029)
}

/// `SRE_UNI_IS_WORD`: `Py_UNICODE_ISALNUM` or underscore.
pub fn is_uni_word(ch: u32) -> bool {
    if ch < 128 {
        return is_ascii_word(ch);
    }
    let idx = ALNUM.partition_point(|&(first, _)| first <= ch);
    idx > 0 && ch <= ALNUM[idx - 1].1
}

/// `sre_lower_ascii`.
pub fn lower_ascii(ch: u32) -> u32 {
    if (0x41..=0x5A).contains(&ch) { ch + 32 } else { ch }
}

/// `sre_lower_locale` / `sre_upper_locale` in the C locale.
pub fn lower_locale(ch: u32) -> u32 {
    lower_ascii(ch)
}

pub fn upper_locale(ch: u32) -> u32 {
    if (0x61..=0x7A).contains(&ch) { ch - 32 } else { ch }
}

/// `sre_lower_unicode` (`Py_UNICODE_TOLOWER`: the first code point of the full mapping).
pub fn lower_unicode(ch: u32) -> u32 {
    if ch < 128 {
        return lower_ascii(ch);
    }
    case_mapped(ch).and_then(|c| c.to_lowercase().next()).map_or(ch, u32::from)
}

/// `sre_upper_unicode` (`Py_UNICODE_TOUPPER`: the first code point of the full mapping).
pub fn upper_unicode(ch: u32) -> u32 {
    if ch < 128 {
        return upper_locale(ch);
    }
    case_mapped(ch).and_then(|c| c.to_uppercase().next()).map_or(ch, u32::from)
}

/// `char_loc_ignore`.
pub fn char_loc_ignore(pattern: u32, ch: u32) -> bool {
    ch == pattern || lower_locale(ch) == pattern || upper_locale(ch) == pattern
}

/// `sre_category`.
pub fn category(cat: u32, ch: u32) -> bool {
    match cat {
        CATEGORY_DIGIT => is_ascii_digit(ch),
        CATEGORY_NOT_DIGIT => !is_ascii_digit(ch),
        CATEGORY_SPACE => is_ascii_space(ch),
        CATEGORY_NOT_SPACE => !is_ascii_space(ch),
        CATEGORY_WORD => is_ascii_word(ch),
        CATEGORY_NOT_WORD => !is_ascii_word(ch),
        CATEGORY_LINEBREAK => is_linebreak(ch),
        CATEGORY_NOT_LINEBREAK => !is_linebreak(ch),
        CATEGORY_LOC_WORD => is_loc_word(ch),
        CATEGORY_LOC_NOT_WORD => !is_loc_word(ch),
        CATEGORY_UNI_DIGIT => is_uni_digit(ch),
        CATEGORY_UNI_NOT_DIGIT => !is_uni_digit(ch),
        CATEGORY_UNI_SPACE => is_uni_space(ch),
        CATEGORY_UNI_NOT_SPACE => !is_uni_space(ch),
        CATEGORY_UNI_WORD => is_uni_word(ch),
        CATEGORY_UNI_NOT_WORD => !is_uni_word(ch),
        CATEGORY_UNI_LINEBREAK => is_uni_linebreak(ch),
        CATEGORY_UNI_NOT_LINEBREAK => !is_uni_linebreak(ch),
        _ => false,
    }
}
