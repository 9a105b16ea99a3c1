//! printf-style (`str % args`) format strings split into literal text and conversion specs
//! (mirrors `unicode_format_arg_parse` in Objects/unicodeobject.c).

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::error::{FormatError, FormatResult};

/// A width or precision as written: absent, a number, or `*` (taken from the arguments).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    Absent,
    Given(usize),
    Star,
}

/// The flags `-`, `+`, ` `, `#`, `0` of a conversion (CPython's F_LJUST, F_SIGN, F_BLANK,
/// F_ALT, F_ZERO).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PercentFlags {
    pub left: bool,
    pub sign: bool,
    pub blank: bool,
    pub alt: bool,
    pub zero: bool,
}

/// One conversion such as `%(name)-08.3f`.
///
/// The caller (the VM) processes it in CPython's order: look up `key` in the mapping if present
/// (the mapping replaces the argument tuple from then on), then take a `*` width and a `*`
/// precision from the arguments (see [`PercentSpec::set_star_width`] and
/// [`PercentSpec::set_star_precision`]), then take the value, then dispatch on `conversion`; an
/// unknown conversion character (including '%' after flags) raises
/// [`unsupported_format_character`] with `index` only after the value was taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PercentSpec {
    pub key: Option<String>,
    pub flags: PercentFlags,
    pub width: Count,
    pub precision: Count,
    /// The conversion character (length modifiers h, l, L already skipped).
    pub conversion: char,
    /// Index, in characters of the format string, of the conversion character.
    pub index: usize,
    /// A parse error that CPython raises only after the key lookup and after taking the `*`
    /// arguments recorded in `width`/`precision` ("incomplete format", "width too big",
    /// "precision too big"): the caller does those steps, then raises this instead of taking the
    /// value. It is always the last piece.
    pub error: Option<FormatError>,
}

/// A piece of a printf-style format string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Text to copy as is ("%%" yields a literal "%").
    Literal(&'a str),
    /// A conversion taking an argument.
    Conversion(PercentSpec),
}

/// The ValueError for an unknown conversion character at character index `index`.
pub fn unsupported_format_character(ch: char, index: usize) -> FormatError {
    let shown = if ('\u{1f}'..='~').contains(&ch) { ch } else { '?' };
    FormatError::value(format!("unsupported format character '{shown}' (0x{:x}) at index {index}", krait_bytecode::surrogate::code_point(ch)))
}

impl PercentSpec {
    /// Applies a `*` width taken from the arguments (`PyLong_AsSsize_t`; a negative width means
    /// left-justify).
    pub fn set_star_width(&mut self, value: &BigInt) -> FormatResult<()> {
        let w = value
            .to_i64()
            .ok_or_else(|| FormatError::overflow("Python int too large to convert to C ssize_t"))?;
        if w < 0 {
            self.flags.left = true;
        }
        self.width = Count::Given(w.unsigned_abs() as usize);
        Ok(())
    }

    /// Applies a `*` precision taken from the arguments (`_PyLong_AsInt`; negative means 0).
    pub fn set_star_precision(&mut self, value: &BigInt) -> FormatResult<()> {
        let p = value
            .to_i32()
            .ok_or_else(|| FormatError::overflow("Python int too large to convert to C int"))?;
        self.precision = Count::Given(if value.is_negative() { 0 } else { p as usize });
        Ok(())
    }
}

/// Iterator over the pieces of a printf-style format string. An `Err` ("incomplete format key")
/// or a conversion carrying an [`PercentSpec::error`] ends the iteration.
pub struct PercentParser<'a> {
    fmt: &'a str,
    /// Byte offset of the next unread character.
    pos: usize,
    /// Character index of the next unread character.
    index: usize,
    failed: bool,
}

impl<'a> PercentParser<'a> {
    pub fn new(fmt: &'a str) -> Self {
        PercentParser { fmt, pos: 0, index: 0, failed: false }
    }

    fn next_char(&mut self) -> Option<char> {
        let c = self.fmt[self.pos..].chars().next()?;
        self.pos += c.len_utf8();
        self.index += 1;
        Some(c)
    }

    fn peek(&self) -> Option<char> {
        self.fmt[self.pos..].chars().next()
    }

    /// Reads digits following `first`; `limit` bounds the value (else `err`).
    fn number(&mut self, first: char, limit: usize, err: &str) -> FormatResult<(usize, Option<char>)> {
        let mut value = first as usize - '0' as usize;
        loop {
            let Some(c) = self.next_char() else { return Ok((value, None)) };
            let Some(d) = c.to_digit(10) else { return Ok((value, Some(c))) };
            if value > (limit - d as usize) / 10 {
                return Err(FormatError::value(err));
            }
            value = value * 10 + d as usize;
        }
    }

    /// Parses a conversion after its '%' (which was not followed by another '%'). Errors after
    /// the key are stored in the spec (see [`PercentSpec::error`]).
    fn conversion(&mut self) -> FormatResult<PercentSpec> {
        let mut key = None;
        if self.peek() == Some('(') {
            self.next_char();
            let start = self.pos;
            let mut depth = 1;
            loop {
                match self.next_char() {
                    None => return Err(FormatError::value("incomplete format key")),
                    Some('(') => depth += 1,
                    Some(')') => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    Some(_) => {}
                }
            }
            key = Some(self.fmt[start..self.pos - 1].to_owned());
        }
        let mut spec = PercentSpec {
            key,
            flags: PercentFlags::default(),
            width: Count::Absent,
            precision: Count::Absent,
            conversion: '\0',
            index: 0,
            error: None,
        };
        if let Err(e) = self.conversion_body(&mut spec) {
            spec.error = Some(e);
        }
        Ok(spec)
    }

    /// Flags, width, precision, length modifier and conversion character.
    fn conversion_body(&mut self, spec: &mut PercentSpec) -> FormatResult<()> {
        let incomplete = || FormatError::value("incomplete format");
        let mut c = self.next_char().ok_or_else(incomplete)?;
        loop {
            match c {
                '-' => spec.flags.left = true,
                '+' => spec.flags.sign = true,
                ' ' => spec.flags.blank = true,
                '#' => spec.flags.alt = true,
                '0' => spec.flags.zero = true,
                _ => break,
            }
            c = self.next_char().ok_or_else(incomplete)?;
        }
        if c == '*' {
            spec.width = Count::Star;
            c = self.next_char().ok_or_else(incomplete)?;
        } else if c.is_ascii_digit() {
            let (w, next) = self.number(c, i64::MAX as usize, "width too big")?;
            spec.width = Count::Given(w);
            c = next.ok_or_else(incomplete)?;
        }
        if c == '.' {
            spec.precision = Count::Given(0);
            c = self.next_char().ok_or_else(incomplete)?;
            if c == '*' {
                spec.precision = Count::Star;
                c = self.next_char().ok_or_else(incomplete)?;
            } else if c.is_ascii_digit() {
                let (p, next) = self.number(c, i32::MAX as usize, "precision too big")?;
                spec.precision = Count::Given(p);
                c = next.ok_or_else(incomplete)?;
            }
        }
        if matches!(c, 'h' | 'l' | 'L') {
            c = self.next_char().ok_or_else(incomplete)?;
        }
        spec.conversion = c;
        spec.index = self.index - 1;
        Ok(())
    }
}

impl<'a> Iterator for PercentParser<'a> {
    type Item = FormatResult<Piece<'a>>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed || self.pos >= self.fmt.len() {
            return None;
        }
        let rest = &self.fmt[self.pos..];
        if !rest.starts_with('%') {
            let len = rest.find('%').unwrap_or(rest.len());
            let text = &rest[..len];
            self.pos += len;
            self.index += text.chars().count();
            return Some(Ok(Piece::Literal(text)));
        }
        self.next_char();
        if self.peek() == Some('%') {
            let start = self.pos;
            self.next_char();
            return Some(Ok(Piece::Literal(&self.fmt[start..self.pos])));
        }
        match self.conversion() {
            Ok(spec) => {
                self.failed = spec.error.is_some();
                Some(Ok(Piece::Conversion(spec)))
            }
            Err(e) => {
                self.failed = true;
                Some(Err(e))
            }
        }
    }
}
