//! The content tokenizer (expat's `contentTok` / `cdataSectionTok`): splits element
//! content into data runs, newlines, tags, references, comments, PIs and CDATA markers.

use super::scan::{self, char_at, reference, Ch, Ref, Scan};

/// A raw attribute of a start tag: name span and value span (inside the quotes).
#[derive(Debug, Clone, Copy)]
pub struct RawAtt {
    pub name: (usize, usize),
    pub value: (usize, usize),
}

/// One token of content.
#[derive(Debug, Clone)]
pub enum Tok {
    /// Characters other than markup and line ends.
    Data,
    /// A line end (LF, CR or CR LF).
    Newline,
    StartTag { name: (usize, usize), atts: Vec<RawAtt>, empty: bool },
    EndTag { name: (usize, usize) },
    Ref(Ref),
    Comment { body: (usize, usize) },
    Pi { target: (usize, usize), data: (usize, usize) },
    CdataOpen,
    /// `]]>` closing a CDATA section.
    CdataClose,
    /// The end of the buffer inside a data run that may continue (`]` or `]]`).
    Trailing,
}

/// The outcome of tokenizing at one offset.
pub enum Next {
    Tok(Tok, usize),
    /// Nothing more can be read (an incomplete token, or the buffer is empty).
    Partial,
    /// The buffer ends inside a multi-byte character.
    PartialChar,
    Invalid(usize),
}

impl From<Scan<Tok>> for Next {
    fn from(s: Scan<Tok>) -> Next {
        match s {
            Scan::Ok(t, e) => Next::Tok(t, e),
            Scan::Partial => Next::Partial,
            Scan::Invalid(i) => Next::Invalid(i),
        }
    }
}

/// A run of data characters from `i` (which holds no markup): its end.
fn data_run(b: &[u8], i: usize, cdata: bool) -> Next {
    let mut j = i;
    while j < b.len() {
        match b[j] {
            b'<' | b'&' if !cdata => break,
            b'\r' | b'\n' => break,
            b']' => match scan::starts(b, j, b"]]>") {
                Some(true) => {
                    if cdata || j > i {
                        break;
                    }
                    return Next::Invalid(j + 2);
                }
                None => {
                    if j > i {
                        break;
                    }
                    return Next::Tok(Tok::Trailing, j);
                }
                Some(false) => j += 1,
            },
            _ => match char_at(b, j) {
                Ch::Char(_, n) => j += n,
                Ch::Partial => {
                    return if j > i { Next::Tok(Tok::Data, j) } else { Next::PartialChar };
                }
                Ch::Bad => {
                    return if j > i { Next::Tok(Tok::Data, j) } else { Next::Invalid(j) };
                }
            },
        }
    }
    Next::Tok(Tok::Data, j)
}

/// A newline at `i`; a CR at the end of the buffer waits unless `last`.
fn newline(b: &[u8], i: usize, last: bool) -> Next {
    if b[i] == b'\r' {
        match b.get(i + 1) {
            Some(b'\n') => return Next::Tok(Tok::Newline, i + 2),
            None if !last => return Next::Partial,
            _ => {}
        }
    }
    Next::Tok(Tok::Newline, i + 1)
}

/// The next token of a CDATA section at `i`.
pub fn cdata_token(b: &[u8], i: usize, last: bool) -> Next {
    if i >= b.len() {
        return Next::Partial;
    }
    match b[i] {
        b'\r' | b'\n' => newline(b, i, last),
        b']' => match scan::starts(b, i, b"]]>") {
            Some(true) => Next::Tok(Tok::CdataClose, i + 3),
            None => Next::Partial,
            Some(false) => cdata_data(b, i),
        },
        _ => cdata_data(b, i),
    }
}

fn cdata_data(b: &[u8], i: usize) -> Next {
    // A `]` that does not open `]]>` is data.
    let j = if b[i] == b']' { i + 1 } else { i };
    match data_run(b, j, true) {
        Next::Tok(_, e) => Next::Tok(Tok::Data, e),
        Next::PartialChar if j > i => Next::Tok(Tok::Data, j),
        other => other,
    }
}

/// The next token of element content at `i` (`last`: no more input will come).
pub fn content_token(b: &[u8], i: usize, last: bool) -> Next {
    if i >= b.len() {
        return Next::Partial;
    }
    match b[i] {
        b'<' => markup(b, i).into(),
        b'&' => match reference(b, i) {
            Scan::Ok(r, e) => Next::Tok(Tok::Ref(r), e),
            Scan::Partial => Next::Partial,
            Scan::Invalid(k) => Next::Invalid(k),
        },
        b'\r' | b'\n' => newline(b, i, last),
        _ => match data_run(b, i, false) {
            Next::Tok(Tok::Trailing, _) if last => Next::Tok(Tok::Data, b.len()),
            other => other,
        },
    }
}

/// A token starting with `<` at `i`.
pub fn markup(b: &[u8], i: usize) -> Scan<Tok> {
    let j = i + 1;
    if j >= b.len() {
        return Scan::Partial;
    }
    match b[j] {
        b'/' => end_tag(b, j + 1),
        b'?' => pi(b, j + 1),
        b'!' => {
            match scan::starts(b, j, b"!--") {
                Some(true) => return comment(b, j + 3),
                None => return Scan::Partial,
                Some(false) => {}
            }
            match scan::starts(b, j, b"![CDATA[") {
                Some(true) => Scan::Ok(Tok::CdataOpen, j + 8),
                None => Scan::Partial,
                Some(false) => Scan::Invalid(if b.get(j + 1) == Some(&b'[') { j + 2 } else { j + 1 }),
            }
        }
        _ => start_tag(b, j),
    }
}

/// `<!--` seen; the comment body runs from `i` to `-->`; `--` may not occur inside.
pub fn comment(b: &[u8], i: usize) -> Scan<Tok> {
    match scan::find(b, i, b"--") {
        Scan::Ok(k, after) => {
            if after >= b.len() {
                return Scan::Partial;
            }
            if b[after] == b'>' { Scan::Ok(Tok::Comment { body: (i, k) }, after + 1) } else { Scan::Invalid(after) }
        }
        Scan::Partial => Scan::Partial,
        Scan::Invalid(k) => Scan::Invalid(k),
    }
}

/// `<?` seen; target name at `i`, then optional white space and data up to `?>`.
pub fn pi(b: &[u8], i: usize) -> Scan<Tok> {
    let e = match scan::name(b, i) {
        Scan::Ok((), e) => e,
        Scan::Partial => return Scan::Partial,
        Scan::Invalid(k) => return Scan::Invalid(k),
    };
    if scan::is_space(b[e]) {
        let d = scan::skip_space(b, e);
        return match scan::find(b, d, b"?>") {
            Scan::Ok(k, after) => Scan::Ok(Tok::Pi { target: (i, e), data: (d, k) }, after),
            Scan::Partial => Scan::Partial,
            Scan::Invalid(k) => Scan::Invalid(k),
        };
    }
    match scan::starts(b, e, b"?>") {
        Some(true) => Scan::Ok(Tok::Pi { target: (i, e), data: (e, e) }, e + 2),
        None => Scan::Partial,
        Some(false) => Scan::Invalid(if b[e] == b'?' { e + 1 } else { e }),
    }
}

/// `</` seen; the name at `i`, white space, `>`.
fn end_tag(b: &[u8], i: usize) -> Scan<Tok> {
    let e = match scan::name(b, i) {
        Scan::Ok((), e) => e,
        Scan::Partial => return Scan::Partial,
        Scan::Invalid(k) => return Scan::Invalid(k),
    };
    let k = scan::skip_space(b, e);
    if k >= b.len() {
        return Scan::Partial;
    }
    if b[k] == b'>' { Scan::Ok(Tok::EndTag { name: (i, e) }, k + 1) } else { Scan::Invalid(k) }
}

/// `<` seen; a start tag whose name begins at `i`.
fn start_tag(b: &[u8], i: usize) -> Scan<Tok> {
    let mut k = match scan::name(b, i) {
        Scan::Ok((), e) => e,
        Scan::Partial => return Scan::Partial,
        Scan::Invalid(k) => return Scan::Invalid(k),
    };
    let name = (i, k);
    let mut atts = Vec::new();
    loop {
        let s = scan::skip_space(b, k);
        if s >= b.len() {
            return Scan::Partial;
        }
        match b[s] {
            b'>' => return Scan::Ok(Tok::StartTag { name, atts, empty: false }, s + 1),
            b'/' => {
                if s + 1 >= b.len() {
                    return Scan::Partial;
                }
                return if b[s + 1] == b'>' { Scan::Ok(Tok::StartTag { name, atts, empty: true }, s + 2) } else { Scan::Invalid(s + 1) };
            }
            _ if s == k => return Scan::Invalid(s),
            _ => {}
        }
        let ne = match scan::name(b, s) {
            Scan::Ok((), e) => e,
            Scan::Partial => return Scan::Partial,
            Scan::Invalid(k) => return Scan::Invalid(k),
        };
        let eq = scan::skip_space(b, ne);
        if eq >= b.len() {
            return Scan::Partial;
        }
        if b[eq] != b'=' {
            return Scan::Invalid(eq);
        }
        let q = scan::skip_space(b, eq + 1);
        if q >= b.len() {
            return Scan::Partial;
        }
        if b[q] != b'"' && b[q] != b'\'' {
            return Scan::Invalid(q);
        }
        let value = match att_value(b, q) {
            Scan::Ok(v, e) => {
                k = e;
                v
            }
            Scan::Partial => return Scan::Partial,
            Scan::Invalid(k) => return Scan::Invalid(k),
        };
        atts.push(RawAtt { name: (s, ne), value });
    }
}

/// A quoted attribute value at `q`: no `<`, and every `&` opens a well-formed reference.
fn att_value(b: &[u8], q: usize) -> Scan<(usize, usize)> {
    let quote = b[q];
    let mut j = q + 1;
    loop {
        if j >= b.len() {
            return Scan::Partial;
        }
        match b[j] {
            c if c == quote => return Scan::Ok((q + 1, j), j + 1),
            b'<' => return Scan::Invalid(j),
            b'&' => match reference(b, j) {
                Scan::Ok(_, e) => j = e,
                Scan::Partial => return Scan::Partial,
                Scan::Invalid(k) => return Scan::Invalid(k),
            },
            _ => match char_at(b, j) {
                Ch::Char(_, n) => j += n,
                Ch::Partial => return Scan::Partial,
                Ch::Bad => return Scan::Invalid(j),
            },
        }
    }
}
