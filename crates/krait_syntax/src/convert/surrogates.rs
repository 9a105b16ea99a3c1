//! Lone surrogates in string literals: ruff decodes `\ud800`-style escapes to U+FFFD, so the
//! literal's source is re-read to store krait's stand-ins there (krait_bytecode::surrogate).

use super::Converter;
use krait_bytecode::surrogate;
use ruff_python_ast::{self as r, StringFlags};
use ruff_text_size::TextRange;
use std::borrow::Cow;
use std::rc::Rc;

impl Converter<'_> {
    /// The value of a (possibly implicitly concatenated) string literal.
    pub(crate) fn string_literal(&mut self, value: &r::StringLiteralValue) -> Rc<str> {
        let all = value.to_str();
        if all.is_ascii() {
            return all.into();
        }
        let mut out = String::with_capacity(all.len());
        for part in value.iter() {
            out.push_str(&self.literal_part(part));
        }
        out.into()
    }

    /// The text of one string token `"..."` (also a plain part of an f-string concatenation).
    pub(crate) fn literal_part<'v>(&mut self, part: &'v r::StringLiteral) -> Cow<'v, str> {
        self.literal_text(&part.value, part.range, part.flags.opener_len().to_usize(), part.flags.prefix().is_raw())
    }

    /// The text of one literal piece: ruff's decoded `value` of the source at `range`, whose
    /// first `opener` bytes are prefix and quotes (0 for f-string text). Only non-ASCII text
    /// with U+FFFD is re-read; a real U+10F000..U+10F7FF character (which krait cannot hold)
    /// is recorded for [`Converter::unrepresentable`].
    pub(crate) fn literal_text<'v>(&mut self, value: &'v str, range: TextRange, opener: usize, raw: bool) -> Cow<'v, str> {
        if value.is_ascii() {
            return Cow::Borrowed(value);
        }
        if surrogate::has_surrogates(value) {
            self.unrepresentable.get_or_insert(range);
            return Cow::Borrowed(value);
        }
        if raw || !value.contains('\u{FFFD}') {
            return Cow::Borrowed(value);
        }
        let body = self.text(range).get(opener..).unwrap_or("");
        let sources = replacement_sources(body);
        let mut next = sources.into_iter();
        Cow::Owned(value.chars().map(|c| if c == '\u{FFFD}' { next.next().flatten().and_then(surrogate::char_for).unwrap_or(c) } else { c }).collect())
    }
}

/// What produced each U+FFFD of a non-raw literal body, in order: `Some(cp)` for a surrogate
/// escape `\uXXXX` / `\UXXXXXXXX`, `None` for a real U+FFFD (the character itself, its escape or
/// `\N{REPLACEMENT CHARACTER}`).
fn replacement_sources(body: &str) -> Vec<Option<u32>> {
    let mut out = Vec::new();
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c == '\u{FFFD}' {
            out.push(None);
        }
        if c != '\\' {
            continue;
        }
        let digits = match chars.next() {
            Some('u') => 4,
            Some('U') => 8,
            Some('N') => {
                let rest = chars.as_str();
                let name = rest.strip_prefix('{').and_then(|r| r.split_once('}')).map_or("", |(n, _)| n);
                if name.eq_ignore_ascii_case("REPLACEMENT CHARACTER") {
                    out.push(None);
                }
                continue;
            }
            Some('\u{FFFD}') => {
                out.push(None);
                continue;
            }
            // `\\`, `\'`, `\x41`, octal and the rest never give U+FFFD.
            _ => continue,
        };
        let hex: String = chars.clone().take(digits).collect();
        let Ok(cp) = u32::from_str_radix(&hex, 16) else { continue };
        match cp {
            0xD800..=0xDFFF => out.push(Some(cp)),
            0xFFFD => out.push(None),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::replacement_sources;

    #[test]
    fn sources_in_order() {
        assert_eq!(replacement_sources(r"a\ud800\\ud800\ufffd\U0000dfff\N{replacement character}"), vec![Some(0xD800), None, Some(0xDFFF), None]);
        assert_eq!(replacement_sources("\u{FFFD}\\udc80'"), vec![None, Some(0xDC80)]);
    }
}
