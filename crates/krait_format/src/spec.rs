//! The format-spec mini-language `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`
//! (mirrors `parse_internal_render_format_spec` in Python/formatter_unicode.c).

use crate::error::{FormatError, FormatResult};
use crate::unicode::decimal_value;

/// The thousands separator requested by a spec (CPython's `LocaleType`, minus the current locale,
/// which only type 'n' selects).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    /// No separator.
    None,
    /// ',' every three digits.
    Comma,
    /// '_' every three digits.
    Underscore,
    /// '_' every four digits (types b, o, x, X).
    UnderscoreFour,
}

/// A parsed format spec. `ty` is `'\0'` when no type was given and the caller's default is none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatSpec {
    pub fill: char,
    /// One of '<', '>', '=', '^'.
    pub align: char,
    /// '+', '-' or ' ' if given.
    pub sign: Option<char>,
    /// 'z': coerce negative zero to zero.
    pub no_neg_0: bool,
    /// '#': alternate form.
    pub alternate: bool,
    pub width: Option<usize>,
    pub grouping: Grouping,
    pub precision: Option<usize>,
    pub ty: char,
}

/// "'%c'" for printable ASCII, else "'\xHH'" (mirrors the two-case messages of formatter_unicode.c).
pub(crate) fn quoted_code(c: char) -> String {
    let cp = krait_bytecode::surrogate::code_point(c);
    if cp > 32 && cp < 128 {
        format!("'{c}'")
    } else {
        format!("'\\x{cp:x}'")
    }
}

/// `unknown_presentation_type`: "Unknown format code 'x' for object of type 'T'".
pub fn unknown_format_code(ty: char, type_name: &str) -> FormatError {
    FormatError::value(format!(
        "Unknown format code {} for object of type '{}'",
        quoted_code(ty),
        truncate_name(type_name)
    ))
}

/// `%.200s` of a type name.
pub(crate) fn truncate_name(name: &str) -> &str {
    match name.char_indices().nth(200) {
        Some((i, _)) => &name[..i],
        None => name,
    }
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// `get_integer`: reads decimal digits (any Unicode decimal digit) from `chars[*pos..]`.
/// Returns `Ok(None)` when there are none.
fn read_integer(chars: &[char], pos: &mut usize) -> FormatResult<Option<usize>> {
    let start = *pos;
    let mut acc: i64 = 0;
    while let Some(d) = chars.get(*pos).and_then(|&c| decimal_value(c)) {
        let d = i64::from(d);
        if acc > (i64::MAX - d) / 10 {
            return Err(FormatError::value("Too many decimal digits in format string"));
        }
        acc = acc * 10 + d;
        *pos += 1;
    }
    Ok((*pos > start).then_some(acc as usize))
}

impl FormatSpec {
    /// Parses `spec` for an object of type `type_name`, whose default presentation type is
    /// `default_type` ('\0' for none) and default alignment `default_align`:
    /// str uses ('s', '<'), int ('d', '>'), float and complex ('\0', '>').
    pub fn parse(spec: &str, default_type: char, default_align: char, type_name: &str) -> FormatResult<FormatSpec> {
        let chars: Vec<char> = spec.chars().collect();
        let end = chars.len();
        let mut pos = 0;
        let mut out = FormatSpec {
            fill: ' ',
            align: default_align,
            sign: None,
            no_neg_0: false,
            alternate: false,
            width: None,
            grouping: Grouping::None,
            precision: None,
            ty: default_type,
        };
        let mut fill_given = false;
        let mut align_given = false;
        if end >= 2 && is_align(chars[1]) {
            out.fill = chars[0];
            out.align = chars[1];
            fill_given = true;
            align_given = true;
            pos = 2;
        } else if end >= 1 && is_align(chars[0]) {
            out.align = chars[0];
            align_given = true;
            pos = 1;
        }
        if let Some(&c @ ('+' | '-' | ' ')) = chars.get(pos) {
            out.sign = Some(c);
            pos += 1;
        }
        if chars.get(pos) == Some(&'z') {
            out.no_neg_0 = true;
            pos += 1;
        }
        if chars.get(pos) == Some(&'#') {
            out.alternate = true;
            pos += 1;
        }
        if !fill_given && chars.get(pos) == Some(&'0') {
            out.fill = '0';
            if !align_given && default_align == '>' {
                out.align = '=';
            }
            pos += 1;
        }
        out.width = read_integer(&chars, &mut pos)?;
        if chars.get(pos) == Some(&',') {
            out.grouping = Grouping::Comma;
            pos += 1;
        }
        if chars.get(pos) == Some(&'_') {
            if out.grouping != Grouping::None {
                return Err(comma_and_underscore());
            }
            out.grouping = Grouping::Underscore;
            pos += 1;
        }
        if chars.get(pos) == Some(&',') && out.grouping == Grouping::Underscore {
            return Err(comma_and_underscore());
        }
        if chars.get(pos) == Some(&'.') {
            pos += 1;
            match read_integer(&chars, &mut pos)? {
                Some(p) => out.precision = Some(p),
                None => return Err(FormatError::value("Format specifier missing precision")),
            }
        }
        if end - pos > 1 {
            return Err(FormatError::value(format!(
                "Invalid format specifier '{spec}' for object of type '{}'",
                truncate_name(type_name)
            )));
        }
        if end - pos == 1 {
            out.ty = chars[pos];
        }
        if out.grouping != Grouping::None {
            match out.ty {
                'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => {}
                'b' | 'o' | 'x' | 'X' if out.grouping == Grouping::Underscore => {
                    out.grouping = Grouping::UnderscoreFour;
                }
                ty => {
                    let sep = if out.grouping == Grouping::Comma { ',' } else { '_' };
                    return Err(FormatError::value(format!("Cannot specify '{sep}' with {}.", quoted_code(ty))));
                }
            }
        }
        Ok(out)
    }
}

fn comma_and_underscore() -> FormatError {
    FormatError::value("Cannot specify both ',' and '_'.")
}
