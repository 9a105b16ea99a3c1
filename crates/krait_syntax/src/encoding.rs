//! PEP 263 source encodings: a UTF-8 byte order mark and the `coding:` cookie on the
//! first or second line (CPython's tokenizer.c `check_bom`/`check_coding_spec`, and
//! `tokenize.detect_encoding`), plus the decoders every build has (UTF-8, Latin-1).

/// What the start of a source file declares.
#[derive(Debug, PartialEq, Eq)]
pub struct Declared {
    /// The cookie's encoding, normalised as CPython does (`utf-8`, `iso-8859-1`, else as
    /// written); `None` without a cookie.
    pub cookie: Option<String>,
    /// The file starts with a UTF-8 BOM (already removed from the body).
    pub bom: bool,
}

/// Find the BOM and the coding cookie; the body is what follows the BOM. A BOM with a
/// cookie other than UTF-8 is CPython's "encoding problem: NAME with BOM".
pub fn detect(bytes: &[u8]) -> Result<(Declared, &[u8]), String> {
    let (bom, body) = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let mut lines = body.split_inclusive(|&b| b == b'\n');
    let first = lines.next().unwrap_or(&[]);
    let mut cookie = cookie_of(first);
    if cookie.is_none() && is_blank_or_comment(first) {
        cookie = lines.next().and_then(cookie_of);
    }
    if bom {
        if let Some(c) = &cookie {
            if c != "utf-8" {
                return Err(format!("encoding problem: {c} with BOM"));
            }
        }
    }
    Ok((Declared { cookie, bom }, body))
}

/// Decode `body` with the builtin decoders: `None` when `encoding` needs a codec from
/// the runtime; `Err(position)` of the first byte that is not valid UTF-8.
pub fn decode_builtin(encoding: Option<&str>, body: &[u8]) -> Option<Result<String, usize>> {
    match encoding {
        None | Some("utf-8") => Some(match std::str::from_utf8(body) {
            Ok(s) => Ok(s.to_string()),
            Err(e) => Err(e.valid_up_to()),
        }),
        Some("iso-8859-1") => Some(Ok(body.iter().map(|&b| char::from(b)).collect())),
        Some(_) => None,
    }
}

/// The text of a source file for display (traceback lines): declared encoding when it is
/// a builtin one, undecodable bytes replaced.
pub fn decode_lossy(bytes: &[u8]) -> String {
    match detect(bytes) {
        Ok((d, body)) if d.cookie.as_deref() == Some("iso-8859-1") => body.iter().map(|&b| char::from(b)).collect(),
        Ok((_, body)) => String::from_utf8_lossy(body).into_owned(),
        Err(_) => String::from_utf8_lossy(bytes).into_owned(),
    }
}

/// `^[ \t\f]*(?:[#\r\n]|$)`: only after such a first line is the second one examined.
fn is_blank_or_comment(line: &[u8]) -> bool {
    let rest = trim_indent(line);
    matches!(rest.first(), None | Some(b'#' | b'\r' | b'\n'))
}

fn trim_indent(line: &[u8]) -> &[u8] {
    let n = line.iter().take_while(|&&b| matches!(b, b' ' | b'\t' | b'\x0c')).count();
    &line[n..]
}

/// `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)`, normalised.
fn cookie_of(line: &[u8]) -> Option<String> {
    let rest = trim_indent(line);
    let comment = rest.strip_prefix(b"#")?;
    let mut i = 0;
    while i + 7 <= comment.len() {
        if comment[i..].starts_with(b"coding") && matches!(comment[i + 6], b':' | b'=') {
            let after = &comment[i + 7..];
            let after = &after[after.iter().take_while(|&&b| matches!(b, b' ' | b'\t')).count()..];
            let n = after.iter().take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.')).count();
            if n > 0 {
                return Some(normal_name(&String::from_utf8_lossy(&after[..n])));
            }
        }
        i += 1;
    }
    None
}

/// get_normal_name: the spellings of UTF-8 and Latin-1 become `utf-8` and `iso-8859-1`.
fn normal_name(name: &str) -> String {
    let head: String = name.chars().take(12).map(|c| if c == '_' { '-' } else { c.to_ascii_lowercase() }).collect();
    let is = |base: &str| head == base || head.starts_with(&format!("{base}-"));
    if is("utf-8") {
        "utf-8".to_string()
    } else if is("latin-1") || is("iso-8859-1") || is("iso-latin-1") {
        "iso-8859-1".to_string()
    } else {
        name.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies() {
        let d = |s: &[u8]| detect(s).map(|(d, _)| d.cookie);
        assert_eq!(d(b"# -*- coding: latin-1 -*-\nx"), Ok(Some("iso-8859-1".into())));
        assert_eq!(d(b"#!/bin/python\n# vim: set fileencoding=UTF_8 :\n"), Ok(Some("utf-8".into())));
        assert_eq!(d(b"x = 1\n# coding: latin-1\n"), Ok(None));
        assert_eq!(d(b"# coding=cp1252\n"), Ok(Some("cp1252".into())));
        assert_eq!(d(b"\xef\xbb\xbf# coding: latin-1\n"), Err("encoding problem: iso-8859-1 with BOM".into()));
        assert_eq!(detect(b"\xef\xbb\xbfx").map(|(d, b)| (d.bom, b.len())), Ok((true, 1)));
        assert_eq!(decode_builtin(None, b"a\xe9"), Some(Err(1)));
        assert_eq!(decode_builtin(Some("iso-8859-1"), b"a\xe9"), Some(Ok("a\u{e9}".into())));
    }
}
