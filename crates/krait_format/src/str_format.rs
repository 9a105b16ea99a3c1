//! `str.format` strings: the markup iterator over literal text and replacement fields, and the
//! field-name splitter (mirrors `MarkupIterator_next`, `parse_field`, `field_name_split` and
//! `FieldNameIterator_next` in Objects/stringlib/unicode_format.h).

use crate::error::{FormatError, FormatResult};
use crate::unicode::decimal_value;

/// One replacement field `{field_name!conversion:format_spec}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field<'a> {
    pub field_name: &'a str,
    /// The character after '!', if any (validity is checked when rendering: r, s or a).
    pub conversion: Option<char>,
    /// The spec after ':' ("" if none); may itself contain fields to expand.
    pub format_spec: &'a str,
    /// Whether `format_spec` contains '{' and must be expanded (recursively, one level less).
    pub spec_needs_expanding: bool,
}

/// What each step of the iterator gives, as `_string.formatter_parser` does: literal text (with
/// "{{"/"}}" already unescaped), then possibly a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkupItem<'a> {
    pub literal: &'a str,
    pub field: Option<Field<'a>>,
}

/// Iterator over a `str.format` string. Errors are reported when reached, so fields before
/// them are rendered first, as in CPython; an error ends the iteration.
///
/// `str.format` renders each field in order: look up the object (see [`field_name_split`]),
/// apply the conversion ([`unknown_conversion`] for other than r/s/a), expand the spec if
/// needed (recursion depth starts at 2; at 0 raise ValueError "Max string recursion exceeded"),
/// then call `format(obj, spec)`.
pub struct MarkupIter<'a> {
    s: &'a str,
    pos: usize,
    done: bool,
}

impl<'a> MarkupIter<'a> {
    pub fn new(s: &'a str) -> Self {
        MarkupIter { s, pos: 0, done: false }
    }

    fn step(&mut self) -> FormatResult<Option<MarkupItem<'a>>> {
        let s = self.s;
        if self.pos >= s.len() {
            return Ok(None);
        }
        let start = self.pos;
        let rest = &s[start..];
        let Some(brace_at) = rest.find(['{', '}']) else {
            self.pos = s.len();
            return Ok(Some(MarkupItem { literal: rest, field: None }));
        };
        let brace = rest.as_bytes()[brace_at];
        let after = start + brace_at + 1;
        let next = s.as_bytes().get(after).copied();
        if brace == b'}' && next != Some(b'}') {
            return Err(FormatError::value("Single '}' encountered in format string"));
        }
        if brace == b'{' && next.is_none() {
            return Err(FormatError::value("Single '{' encountered in format string"));
        }
        if next == Some(brace) {
            // An escaped brace: the literal keeps one of the two.
            self.pos = after + 1;
            return Ok(Some(MarkupItem { literal: &s[start..after], field: None }));
        }
        let literal = &s[start..after - 1];
        self.pos = after;
        let field = self.parse_field()?;
        Ok(Some(MarkupItem { literal, field: Some(field) }))
    }

    /// `parse_field`: from after '{' through the closing '}'.
    fn parse_field(&mut self) -> FormatResult<Field<'a>> {
        let s = self.s;
        let b = s.as_bytes();
        let name_start = self.pos;
        let mut last = None;
        while self.pos < b.len() {
            let c = b[self.pos];
            self.pos += 1;
            match c {
                b'{' => return Err(FormatError::value("unexpected '{' in field name")),
                b'[' => {
                    while self.pos < b.len() && b[self.pos] != b']' {
                        self.pos += 1;
                    }
                }
                b'}' | b':' | b'!' => {
                    last = Some(c);
                    break;
                }
                _ => {}
            }
        }
        let Some(stop) = last else {
            return Err(FormatError::value("expected '}' before end of string"));
        };
        let field_name = &s[name_start..self.pos - 1];
        let mut field = Field { field_name, conversion: None, format_spec: "", spec_needs_expanding: false };
        if stop == b'}' {
            return Ok(field);
        }
        if stop == b'!' {
            let Some(conv) = s[self.pos..].chars().next() else {
                return Err(FormatError::value("end of string while looking for conversion specifier"));
            };
            field.conversion = Some(conv);
            self.pos += conv.len_utf8();
            if let Some(&c) = b.get(self.pos) {
                self.pos += 1;
                if c == b'}' {
                    return Ok(field);
                }
                if c != b':' {
                    return Err(FormatError::value("expected ':' after conversion specifier"));
                }
            }
        }
        let spec_start = self.pos;
        let mut depth = 1;
        while self.pos < b.len() {
            let c = b[self.pos];
            self.pos += 1;
            match c {
                b'{' => {
                    field.spec_needs_expanding = true;
                    depth += 1;
                }
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        field.format_spec = &s[spec_start..self.pos - 1];
                        return Ok(field);
                    }
                }
                _ => {}
            }
        }
        Err(FormatError::value("unmatched '{' in format spec"))
    }
}

impl<'a> Iterator for MarkupIter<'a> {
    type Item = FormatResult<MarkupItem<'a>>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let item = self.step().transpose();
        self.done = !matches!(item, Some(Ok(_)));
        item
    }
}

/// ValueError for a conversion other than r, s, a.
pub fn unknown_conversion(conv: char) -> FormatError {
    let cp = krait_bytecode::surrogate::code_point(conv);
    if cp > 32 && cp < 127 {
        FormatError::value(format!("Unknown conversion specifier {conv}"))
    } else {
        FormatError::value(format!("Unknown conversion specifier \\x{cp:x}"))
    }
}

/// The first part of a field name: a positional index or a keyword.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKey<'a> {
    Index(usize),
    Name(&'a str),
}

/// One `.attr` or `[key]` after the first part of a field name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldAccessor<'a> {
    Attr(&'a str),
    /// `[digits]`: an integer index.
    Index(usize),
    /// `[text]`: a string key.
    Key(&'a str),
}

/// Automatic field numbering state of one `str.format` call (CPython's `AutoNumber`).
#[derive(Debug, Clone, Default)]
pub struct AutoNumber {
    /// None until the first numeric field; then whether numbering is automatic.
    automatic: Option<bool>,
    next: usize,
}

/// `get_integer` of field names: the value if all characters are decimal digits.
fn field_integer(text: &str) -> FormatResult<Option<usize>> {
    if text.is_empty() {
        return Ok(None);
    }
    let mut acc: usize = 0;
    for c in text.chars() {
        let Some(d) = decimal_value(c) else { return Ok(None) };
        acc = acc
            .checked_mul(10)
            .and_then(|a| a.checked_add(d as usize))
            .filter(|&a| a <= isize::MAX as usize)
            .ok_or_else(|| FormatError::value("Too many decimal digits in format string"))?;
    }
    Ok(Some(acc))
}

/// `field_name_split`: the first part of a field name, resolved with automatic numbering when
/// `auto` is given (str.format; without it, as `_string.formatter_field_name_split`, an empty
/// name is `Name("")`), and the lazily parsed accessors that follow.
pub fn field_name_split<'a>(name: &'a str, auto: Option<&mut AutoNumber>) -> FormatResult<(FieldKey<'a>, FieldAccessors<'a>)> {
    let split = name.find(['.', '[']).unwrap_or(name.len());
    let first = &name[..split];
    let rest = FieldAccessors { s: &name[split..], done: false };
    let index = field_integer(first)?;
    let empty = first.is_empty();
    if let Some(auto) = auto {
        if empty || index.is_some() {
            let state = *auto.automatic.get_or_insert(empty);
            if state && !empty {
                return Err(FormatError::value(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
            if !state && empty {
                return Err(FormatError::value(
                    "cannot switch from manual field specification to automatic field numbering",
                ));
            }
        }
        if empty {
            let n = auto.next;
            auto.next += 1;
            return Ok((FieldKey::Index(n), rest));
        }
    }
    Ok((index.map_or(FieldKey::Name(first), FieldKey::Index), rest))
}

/// Iterator over the `.attr` / `[key]` parts of a field name (`FieldNameIterator`); an error
/// ends it.
#[derive(Debug, Clone)]
pub struct FieldAccessors<'a> {
    s: &'a str,
    done: bool,
}

impl<'a> FieldAccessors<'a> {
    fn step(&mut self) -> FormatResult<Option<FieldAccessor<'a>>> {
        let Some(kind) = self.s.chars().next() else { return Ok(None) };
        let body = &self.s[1..];
        let accessor = match kind {
            '.' => {
                let end = body.find(['.', '[']).unwrap_or(body.len());
                self.s = &body[end..];
                let attr = &body[..end];
                if attr.is_empty() {
                    return Err(FormatError::value("Empty attribute in format string"));
                }
                FieldAccessor::Attr(attr)
            }
            '[' => {
                let Some(end) = body.find(']') else {
                    return Err(FormatError::value("Missing ']' in format string"));
                };
                self.s = &body[end + 1..];
                let key = &body[..end];
                if key.is_empty() {
                    return Err(FormatError::value("Empty attribute in format string"));
                }
                match field_integer(key)? {
                    Some(i) => FieldAccessor::Index(i),
                    None => FieldAccessor::Key(key),
                }
            }
            _ => {
                return Err(FormatError::value("Only '.' or '[' may follow ']' in format field specifier"));
            }
        };
        Ok(Some(accessor))
    }
}

impl<'a> Iterator for FieldAccessors<'a> {
    type Item = FormatResult<FieldAccessor<'a>>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let item = self.step().transpose();
        self.done = !matches!(item, Some(Ok(_)));
        item
    }
}
