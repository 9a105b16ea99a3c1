//! Character classes and low-level scanning over the parser's UTF-8 buffer: names,
//! whitespace, quoted literals, references. Every scanner reports `Partial` when the
//! buffer ends before the construct does, so the caller can wait for more input.

/// The outcome of scanning one construct starting at some offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scan<T> {
    /// Found; `usize` is the offset just after it.
    Ok(T, usize),
    /// The buffer ends inside the construct.
    Partial,
    /// Not well-formed at this offset.
    Invalid(usize),
}

/// One decoded character of the buffer.
pub enum Ch {
    Char(char, usize),
    /// The buffer ends inside a multi-byte sequence.
    Partial,
    /// Malformed UTF-8 or a character XML forbids.
    Bad,
}

/// The character at `i` (which must be < b.len()).
pub fn char_at(b: &[u8], i: usize) -> Ch {
    let c0 = b[i];
    if c0 < 0x80 {
        return if c0 < 0x20 && !matches!(c0, b'\t' | b'\n' | b'\r') { Ch::Bad } else { Ch::Char(c0 as char, 1) };
    }
    let n = match c0 {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return Ch::Bad,
    };
    let avail = (b.len() - i).min(n);
    for k in 1..avail {
        if b[i + k] & 0xC0 != 0x80 {
            return Ch::Bad;
        }
    }
    if avail < n {
        return Ch::Partial;
    }
    match std::str::from_utf8(&b[i..i + n]).ok().and_then(|s| s.chars().next()) {
        Some(c) if c != '\u{FFFE}' && c != '\u{FFFF}' => Ch::Char(c, n),
        _ => Ch::Bad,
    }
}

/// XML's `S` production.
pub fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r')
}

/// May `c` start a name?
pub fn is_name_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_' || c == ':' || (!c.is_ascii() && (c.is_alphabetic() || ('\u{3007}'..='\u{3029}').contains(&c)))
}

/// May `c` continue a name?
pub fn is_name_char(c: char) -> bool {
    is_name_start(c) || c.is_ascii_digit() || c == '-' || c == '.' || c == '\u{B7}' || (!c.is_ascii() && (c.is_alphanumeric() || is_combining(c)))
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}' | '\u{483}'..='\u{486}' | '\u{591}'..='\u{5C4}' | '\u{64B}'..='\u{652}' | '\u{670}' | '\u{6D6}'..='\u{6ED}' | '\u{901}'..='\u{903}' | '\u{93C}'..='\u{94D}' | '\u{951}'..='\u{954}' | '\u{962}'..='\u{963}')
}

/// A name at `i`: its end offset. Invalid at `i` if no name starts there.
pub fn name(b: &[u8], i: usize) -> Scan<()> {
    let mut j = i;
    loop {
        if j >= b.len() {
            return Scan::Partial;
        }
        match char_at(b, j) {
            Ch::Partial => return Scan::Partial,
            Ch::Bad => return Scan::Invalid(j),
            Ch::Char(c, n) => {
                let ok = if j == i { is_name_start(c) } else { is_name_char(c) };
                if !ok {
                    return if j == i { Scan::Invalid(j) } else { Scan::Ok((), j) };
                }
                j += n;
            }
        }
    }
}

/// Skip whitespace from `i`: the first non-space offset (may be b.len()).
pub fn skip_space(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && is_space(b[i]) {
        i += 1;
    }
    i
}

/// Does `b[i..]` start with `lit`? None when the buffer ends first but agrees so far.
pub fn starts(b: &[u8], i: usize, lit: &[u8]) -> Option<bool> {
    let avail = b.len().saturating_sub(i);
    let n = avail.min(lit.len());
    if b[i..i + n] != lit[..n] {
        return Some(false);
    }
    if n < lit.len() { None } else { Some(true) }
}

/// Find `pat` from `i`, checking characters on the way: the offset of `pat`.
pub fn find(b: &[u8], i: usize, pat: &[u8]) -> Scan<usize> {
    let mut j = i;
    while j < b.len() {
        if b[j] == pat[0] {
            match starts(b, j, pat) {
                Some(true) => return Scan::Ok(j, j + pat.len()),
                None => return Scan::Partial,
                Some(false) => {}
            }
        }
        match char_at(b, j) {
            Ch::Char(_, n) => j += n,
            Ch::Partial => return Scan::Partial,
            Ch::Bad => return Scan::Invalid(j),
        }
    }
    Scan::Partial
}

/// A reference after `&` at `i` (which points at `&`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ref {
    /// `&name;`: the name's span.
    Entity(usize, usize),
    /// `&#N;` / `&#xN;`: the code point (None if out of range).
    Char(Option<u32>),
}

/// Scan a reference starting with `&` at `i`.
pub fn reference(b: &[u8], i: usize) -> Scan<Ref> {
    let j = i + 1;
    if j >= b.len() {
        return Scan::Partial;
    }
    if b[j] != b'#' {
        return match name(b, j) {
            Scan::Ok((), e) => {
                if b[e] == b';' { Scan::Ok(Ref::Entity(j, e), e + 1) } else { Scan::Invalid(e) }
            }
            Scan::Partial => Scan::Partial,
            Scan::Invalid(k) => Scan::Invalid(k),
        };
    }
    let mut k = j + 1;
    let hex = k < b.len() && b[k] == b'x';
    if hex {
        k += 1;
    }
    let start = k;
    let mut value: u32 = 0;
    let mut overflow = false;
    loop {
        if k >= b.len() {
            return Scan::Partial;
        }
        let c = b[k];
        let d = if hex { (c as char).to_digit(16) } else { (c as char).to_digit(10) };
        match d {
            Some(d) => {
                value = match value.checked_mul(if hex { 16 } else { 10 }).and_then(|v| v.checked_add(d)) {
                    Some(v) if v <= 0x10FFFF => v,
                    _ => {
                        overflow = true;
                        0
                    }
                };
                k += 1;
            }
            None if c == b';' && k > start => {
                return Scan::Ok(Ref::Char(if overflow { None } else { Some(value) }), k + 1);
            }
            None => return Scan::Invalid(k),
        }
    }
}

/// The character a character reference denotes, if XML allows it.
pub fn char_ref_value(v: Option<u32>) -> Option<char> {
    let c = char::from_u32(v?)?;
    let ok = match c as u32 {
        0x9 | 0xA | 0xD => true,
        n if n < 0x20 => false,
        0xFFFE | 0xFFFF => false,
        _ => true,
    };
    ok.then_some(c)
}

/// A quoted literal at `i` (which must hold `"` or `'`): the span of its contents.
pub fn literal(b: &[u8], i: usize) -> Scan<(usize, usize)> {
    let q = b[i];
    let mut j = i + 1;
    loop {
        if j >= b.len() {
            return Scan::Partial;
        }
        if b[j] == q {
            return Scan::Ok((i + 1, j), j + 1);
        }
        match char_at(b, j) {
            Ch::Char(_, n) => j += n,
            Ch::Partial => return Scan::Partial,
            Ch::Bad => return Scan::Invalid(j),
        }
    }
}

/// The text of `b[s..e]` (the buffer holds checked UTF-8 wherever a token was accepted).
pub fn text(b: &[u8], s: usize, e: usize) -> String {
    String::from_utf8_lossy(&b[s..e]).into_owned()
}

/// Normalise line ends of `s`: CR LF and lone CR become LF (XML 1.0 §2.11).
pub fn normalize_newlines(s: &str) -> String {
    if !s.contains('\r') {
        return s.to_string();
    }
    s.replace("\r\n", "\n").replace('\r', "\n")
}
