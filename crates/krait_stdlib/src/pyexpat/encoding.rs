//! Input decoding: finds the document's encoding (byte order mark, XML declaration,
//! or the one given to ParserCreate) and turns each chunk of input into UTF-8 for the
//! core, keeping incomplete sequences for the next chunk.

/// A supported input encoding.
#[derive(Debug, Clone, PartialEq)]
pub enum Enc {
    Utf8,
    Utf16 { big: bool },
    Latin1,
    Ascii,
    /// A single-byte encoding given by a table of 256 characters (None: not mapped).
    Table(Vec<Option<char>>),
}

/// What feeding a chunk produced.
pub enum Fed {
    Text(Vec<u8>),
    /// Encoding `name` is not built in: supply a table with [`Decoder::set_table`].
    NeedTable(String),
    /// Input that cannot be decoded (after the good text before it), with the error.
    Bad(Vec<u8>, i64),
}

pub struct Decoder {
    enc: Option<Enc>,
    /// The encoding given by ParserCreate or XML_SetEncoding; it wins over the document.
    pub forced: Option<String>,
    pending: Vec<u8>,
}

/// The built-in encoding called `name` (expat's names, case-insensitive).
pub fn builtin(name: &str) -> Option<Enc> {
    Some(match name.to_ascii_uppercase().as_str() {
        "UTF-8" | "UTF8" => Enc::Utf8,
        "UTF-16" | "UTF-16BE" => Enc::Utf16 { big: true },
        "UTF-16LE" => Enc::Utf16 { big: false },
        "ISO-8859-1" | "LATIN-1" | "LATIN1" => Enc::Latin1,
        "US-ASCII" | "ASCII" => Enc::Ascii,
        _ => return None,
    })
}

impl Decoder {
    pub fn new(forced: Option<String>) -> Decoder {
        Decoder { enc: None, forced, pending: Vec::new() }
    }

    /// Bytes per code unit of the input (0 for UTF-8).
    pub fn byte_width(&self) -> u8 {
        match self.enc {
            None | Some(Enc::Utf8) => 0,
            Some(Enc::Utf16 { .. }) => 2,
            Some(_) => 1,
        }
    }

    /// Is the input converted (expat then reports character data in pieces of at most
    /// 1024 bytes)?
    pub fn converts(&self) -> bool {
        !matches!(self.enc, None | Some(Enc::Utf8))
    }

    /// Use `table` for the encoding asked for by [`Fed::NeedTable`].
    pub fn set_table(&mut self, table: Vec<Option<char>>) {
        self.enc = Some(Enc::Table(table));
    }

    /// Decode `data` (more may follow unless `last`).
    pub fn feed(&mut self, data: &[u8], last: bool) -> Fed {
        self.pending.extend_from_slice(data);
        if self.enc.is_none() {
            match self.detect(last) {
                Some(Ok(e)) => self.enc = Some(e),
                Some(Err(name)) => return Fed::NeedTable(name),
                None => return Fed::Text(Vec::new()),
            }
        }
        self.decode(last)
    }

    /// Choose the encoding from the start of the input, or None to wait for more.
    fn detect(&mut self, last: bool) -> Option<Result<Enc, String>> {
        let p = &self.pending;
        if p.starts_with(&[0xEF, 0xBB, 0xBF]) {
            self.pending.drain(..3);
            return Some(self.named().unwrap_or(Ok(Enc::Utf8)));
        }
        if p.starts_with(&[0xFE, 0xFF]) || p.starts_with(&[0xFF, 0xFE]) {
            let big = p[0] == 0xFE;
            self.pending.drain(..2);
            return Some(Ok(Enc::Utf16 { big }));
        }
        // A document starts with ASCII, so a zero byte first or second means UTF-16.
        if p.len() >= 2 && (p[0] == 0 || p[1] == 0) {
            return Some(Ok(Enc::Utf16 { big: p[0] == 0 }));
        }
        if let Some(f) = self.named() {
            return Some(f);
        }
        let decl = b"<?xml";
        let n = p.len().min(decl.len());
        if p[..n] != decl[..n] || p.is_empty() && last {
            return Some(Ok(Enc::Utf8));
        }
        let end = p.windows(2).position(|w| w == b"?>");
        let Some(end) = end else {
            return if last || p.len() > 1024 || p.len() < n { Some(Ok(Enc::Utf8)) } else { None };
        };
        match declared_encoding(&p[..end]) {
            Some(name) => Some(builtin(&name).map(Ok).unwrap_or(Err(name))),
            None => Some(Ok(Enc::Utf8)),
        }
    }

    /// The forced encoding, if any.
    fn named(&self) -> Option<Result<Enc, String>> {
        let f = self.forced.as_ref()?;
        Some(builtin(f).map(Ok).unwrap_or_else(|| Err(f.clone())))
    }

    fn decode(&mut self, last: bool) -> Fed {
        let Some(enc) = &self.enc else { return Fed::Text(Vec::new()) };
        let p = std::mem::take(&mut self.pending);
        let mut out = Vec::with_capacity(p.len());
        match enc {
            Enc::Utf8 => return Fed::Text(p),
            Enc::Latin1 => {
                for &c in &p {
                    push_char(&mut out, c as char);
                }
            }
            Enc::Ascii => {
                for (i, &c) in p.iter().enumerate() {
                    if c >= 0x80 {
                        self.pending = p[i..].to_vec();
                        return Fed::Bad(out, super::errors::INVALID_TOKEN);
                    }
                    out.push(c);
                }
            }
            Enc::Table(t) => {
                for (i, &c) in p.iter().enumerate() {
                    match t[c as usize] {
                        Some(ch) => push_char(&mut out, ch),
                        None => {
                            self.pending = p[i..].to_vec();
                            return Fed::Bad(out, super::errors::INVALID_TOKEN);
                        }
                    }
                }
            }
            Enc::Utf16 { big } => {
                let units: Vec<u16> = p.chunks_exact(2).map(|w| if *big { u16::from_be_bytes([w[0], w[1]]) } else { u16::from_le_bytes([w[0], w[1]]) }).collect();
                let mut used = units.len() * 2;
                let mut k = 0;
                while k < units.len() {
                    let u = units[k];
                    if (0xD800..0xDC00).contains(&u) {
                        if k + 1 >= units.len() {
                            used = k * 2;
                            break;
                        }
                        let lo = units[k + 1];
                        if !(0xDC00..0xE000).contains(&lo) {
                            self.pending = p[k * 2..].to_vec();
                            return Fed::Bad(out, super::errors::INVALID_TOKEN);
                        }
                        let c = 0x10000 + ((u32::from(u) - 0xD800) << 10) + (u32::from(lo) - 0xDC00);
                        push_char(&mut out, char::from_u32(c).unwrap_or('\u{FFFD}'));
                        k += 2;
                    } else if (0xDC00..0xE000).contains(&u) {
                        self.pending = p[k * 2..].to_vec();
                        return Fed::Bad(out, super::errors::INVALID_TOKEN);
                    } else {
                        push_char(&mut out, char::from_u32(u32::from(u)).unwrap_or('\u{FFFD}'));
                        k += 1;
                    }
                }
                self.pending = p[used..].to_vec();
                if last && !self.pending.is_empty() {
                    return Fed::Bad(out, super::errors::UNCLOSED_TOKEN);
                }
            }
        }
        Fed::Text(out)
    }
}

fn push_char(out: &mut Vec<u8>, c: char) {
    let mut tmp = [0u8; 4];
    out.extend_from_slice(c.encode_utf8(&mut tmp).as_bytes());
}

/// The `encoding` pseudo-attribute of an XML declaration `<?xml ... ` (without `?>`).
fn declared_encoding(decl: &[u8]) -> Option<String> {
    let s = String::from_utf8_lossy(decl);
    let k = s.find("encoding")?;
    let rest = s[k + 8..].trim_start().strip_prefix('=')?.trim_start();
    let q = rest.chars().next()?;
    if q != '"' && q != '\'' {
        return None;
    }
    let body = &rest[1..];
    Some(body[..body.find(q)?].to_string())
}
