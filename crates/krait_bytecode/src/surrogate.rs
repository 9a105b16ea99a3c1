//! How krait's UTF-8 text holds lone surrogates: code point U+D800+k (k < 2048) is stored as
//! the stand-in character U+10F000+k, 2048 code points of plane 16's private use area. (Not the
//! last 2048: U+10FFFF, U+10FFFD and the plane's other ends are common in real programs, e.g. in
//! regular expression classes `[\U00010000-\U0010FFFF]` of the stdlib and PyYAML.)
//!
//! Every str in krait (the VM's `PyStr`, the AST's string constants, [`Constant::Str`]) uses
//! this convention, so length, indexing, slicing, concatenation and searching treat a
//! surrogate as one character for free. Code that exposes code points (`ord`, codecs, `repr`,
//! hashing, ordering, marshal) translates with [`code_point`]; code that makes characters from
//! code points uses [`char_for`]. Real characters U+10F000..U+10F7FF cannot be represented:
//! the boundaries that would create one report [`UNREPRESENTABLE`] (NotImplementedError).
//!
//! [`Constant::Str`]: crate::Constant::Str

/// The stand-in of U+D800.
pub const STAND_IN_BASE: u32 = 0x10F000;

/// The message of the NotImplementedError raised for a real U+10F000..U+10F7FF character.
pub const UNREPRESENTABLE: &str = "characters U+10F000..U+10F7FF are not supported (krait stores lone surrogates in that range)";

/// The character storing code point `cp`: itself, or a surrogate's stand-in; `None` for
/// U+10F000..U+10F7FF (not representable) and above 0x10FFFF.
#[inline]
pub fn char_for(cp: u32) -> Option<char> {
    match cp {
        0xD800..=0xDFFF => char::from_u32(cp - 0xD800 + STAND_IN_BASE),
        STAND_IN_BASE..=STAND_IN_LAST => None,
        _ => char::from_u32(cp),
    }
}

const STAND_IN_LAST: u32 = STAND_IN_BASE + 0x7FF;

/// The Python code point of a stored character (a stand-in gives its surrogate).
#[inline]
pub fn code_point(c: char) -> u32 {
    let cp = c as u32;
    if is_surrogate(c) {
        cp - STAND_IN_BASE + 0xD800
    } else {
        cp
    }
}

/// Whether `c` stands for a lone surrogate.
#[inline]
pub fn is_surrogate(c: char) -> bool {
    (STAND_IN_BASE..=STAND_IN_LAST).contains(&(c as u32))
}

/// Whether `s` holds a surrogate's stand-in (for text from outside krait, such as source files
/// or valid UTF-8 bytes: a real U+10F000..U+10F7FF character). Stand-ins are the only
/// characters whose UTF-8 starts `F4 8F 80..9F`; callers skip ASCII text (`is_ascii`) first.
pub fn has_surrogates(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(p) = b[i..].iter().position(|&x| x == 0xF4) {
        let at = i + p;
        if b.get(at + 1) == Some(&0x8F) && b.get(at + 2).is_some_and(|&x| x <= 0x9F) {
            return true;
        }
        i = at + 1;
    }
    false
}

/// The order of two strs by code point (CPython's `unicode_compare`): UTF-8 byte order,
/// except that surrogates sort between U+D7FF and U+E000.
pub fn compare(a: &str, b: &str) -> std::cmp::Ordering {
    let o = a.cmp(b);
    if o.is_eq() || !(has_surrogates(a) || has_surrogates(b)) {
        return o;
    }
    let mut x = a.chars();
    let mut y = b.chars();
    loop {
        match (x.next(), y.next()) {
            (Some(c), Some(d)) if c == d => {}
            (Some(c), Some(d)) => return code_point(c).cmp(&code_point(d)),
            (c, d) => return c.is_some().cmp(&d.is_some()),
        }
    }
}

/// `s.encode('utf-8', 'surrogatepass')`: each surrogate as its own 3-byte sequence.
pub fn encode_surrogatepass(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        if is_surrogate(c) {
            let cp = code_point(c);
            out.extend_from_slice(&[0xE0 | (cp >> 12) as u8, 0x80 | ((cp >> 6) & 0x3F) as u8, 0x80 | (cp & 0x3F) as u8]);
        } else {
            let mut buf = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        }
    }
    out
}

/// Why a byte string is not `surrogatepass` UTF-8: the bad run `start..end` and the reason
/// as CPython's utf-8 decoder words it, or an unrepresentable character.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    Invalid { start: usize, end: usize, reason: &'static str },
    Unrepresentable,
}

/// The code point and length of the UTF-8 sequence (surrogates allowed when `pass`) starting
/// `b` (not empty), or the bad run's length and reason as CPython's decoder reports them.
pub fn utf8_sequence(b: &[u8], pass: bool) -> Result<(u32, usize), (usize, &'static str)> {
    let Some(&b0) = b.first() else { return Err((0, "unexpected end of data")) };
    let (len, lo, hi) = match b0 {
        0x00..=0x7F => return Ok((b0 as u32, 1)),
        0xC2..=0xDF => (2, 0x80, 0xBF),
        0xE0 => (3, 0xA0, 0xBF),
        0xED if !pass => (3, 0x80, 0x9F),
        0xE1..=0xEF => (3, 0x80, 0xBF),
        0xF0 => (4, 0x90, 0xBF),
        0xF1..=0xF3 => (4, 0x80, 0xBF),
        0xF4 => (4, 0x80, 0x8F),
        _ => return Err((1, "invalid start byte")),
    };
    let mut cp = (b0 as u32) & (0x7F >> len);
    for k in 1..len {
        let Some(&c) = b.get(k) else { return Err((b.len(), "unexpected end of data")) };
        let (l, h) = if k == 1 { (lo, hi) } else { (0x80, 0xBF) };
        if !(l..=h).contains(&c) {
            return Err((k, "invalid continuation byte"));
        }
        cp = (cp << 6) | (c as u32 & 0x3F);
    }
    Ok((cp, len))
}

/// `bytes.decode('utf-8', 'surrogatepass')` into krait text.
pub fn decode_surrogatepass(bytes: &[u8]) -> Result<String, DecodeError> {
    if let Ok(s) = std::str::from_utf8(bytes) {
        if !s.is_ascii() && has_surrogates(s) {
            return Err(DecodeError::Unrepresentable);
        }
        return Ok(s.to_string());
    }
    let mut out = String::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match utf8_sequence(&bytes[i..], true) {
            Ok((cp, n)) => {
                out.push(char_for(cp).ok_or(DecodeError::Unrepresentable)?);
                i += n;
            }
            Err((n, reason)) => return Err(DecodeError::Invalid { start: i, end: i + n, reason }),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mapping_round_trips() {
        for cp in [0u32, 0x41, 0xD7FF, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xE000, 0xFFFF, 0x10000, 0x10EFFF, 0x10F800, 0x10FFFF] {
            assert_eq!(char_for(cp).map(code_point), Some(cp));
        }
        assert_eq!(char_for(0x10F000), None);
        assert_eq!(char_for(0x10F7FF), None);
        assert_eq!(char_for(0x10F800), Some('\u{10F800}'));
        assert_eq!(char_for(0x10FFFF), Some('\u{10FFFF}'));
        assert!(!has_surrogates("\u{10FFFF}\u{10F800}\u{10EFFF}"));
        assert!(has_surrogates("a\u{10F7FF}"));
        assert!(is_surrogate(char_for(0xDC80).unwrap_or('a')));
    }

    #[test]
    fn surrogatepass_bytes_match_cpython() {
        // python3 -c "print('a\ud800\udc00\udfff€'.encode('utf-8','surrogatepass'))"
        let s: String = ['a', char_for(0xD800).unwrap_or('a'), char_for(0xDC00).unwrap_or('a'), char_for(0xDFFF).unwrap_or('a'), '€'].iter().collect();
        let b = encode_surrogatepass(&s);
        assert_eq!(b, b"a\xed\xa0\x80\xed\xb0\x80\xed\xbf\xbf\xe2\x82\xac");
        assert_eq!(decode_surrogatepass(&b), Ok(s));
        assert_eq!(decode_surrogatepass("\u{10F000}".as_bytes()), Err(DecodeError::Unrepresentable));
        assert_eq!(decode_surrogatepass(b"\xed\xa0\x80\xf4\x8f\x9f\xbf"), Err(DecodeError::Unrepresentable));
        assert_eq!(decode_surrogatepass("\u{10FFFF}".as_bytes()), Ok("\u{10FFFF}".to_string()));
        assert_eq!(decode_surrogatepass(b"a\xff"), Err(DecodeError::Invalid { start: 1, end: 2, reason: "invalid start byte" }));
    }

    #[test]
    fn surrogates_sort_between_d7ff_and_e000() {
        let s = char_for(0xD800).unwrap_or('a').to_string();
        assert!(compare("\u{D7FF}", &s).is_lt());
        assert!(compare(&s, "\u{E000}").is_lt());
        assert!(compare(&s, "\u{10000}").is_lt());
        assert!(compare("ab", &format!("ab{s}")).is_lt());
    }
}
