//! The codecs krait implements natively (utf-8, ascii, latin-1, utf-16, utf-32) with the error handlers
//! strict, ignore, replace, backslashreplace (both ways) and xmlcharrefreplace (encoding):
//! shared by `bytes.decode`, `str(b, encoding)`, `str.encode`, `bytes(s, encoding)`, the
//! `_codecs` module and `_io.TextIOWrapper` (which decodes incrementally).

use crate::object::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// A natively implemented codec.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Codec {
    Utf8,
    Ascii,
    Latin1,
    /// UTF-16 / UTF-32: big-endian or not; `None` reads a BOM (and writes one, little-endian).
    Utf16(Option<bool>),
    Utf32(Option<bool>),
}

impl Codec {
    /// The codec for an encoding name, normalised as `encodings.normalize_encoding` does.
    pub fn lookup(vm: &mut Vm, enc: &str) -> PyResult<Codec> {
        let norm: String = enc.trim().chars().map(|c| if c.is_ascii_alphanumeric() || c == '.' { c.to_ascii_lowercase() } else { '_' }).collect();
        match norm.as_str() {
            "utf_8" | "utf8" | "u8" | "utf" | "cp65001" => Ok(Codec::Utf8),
            "ascii" | "us_ascii" | "646" | "us" => Ok(Codec::Ascii),
            "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819" | "iso_ir_100" => Ok(Codec::Latin1),
            "utf_16" | "utf16" | "u16" => Ok(Codec::Utf16(None)),
            "utf_16_le" | "utf_16le" => Ok(Codec::Utf16(Some(false))),
            "utf_16_be" | "utf_16be" => Ok(Codec::Utf16(Some(true))),
            "utf_32" | "utf32" | "u32" => Ok(Codec::Utf32(None)),
            "utf_32_le" | "utf_32le" => Ok(Codec::Utf32(Some(false))),
            "utf_32_be" | "utf_32be" => Ok(Codec::Utf32(Some(true))),
            _ => Err(vm.new_lookup_error(format!("unknown encoding: {enc}"))),
        }
    }

    /// The codec that continues a stream begun by this one: a BOM-writing codec writes its
    /// BOM (little-endian) only first.
    pub fn after_bom(self) -> Codec {
        match self {
            Codec::Utf16(None) => Codec::Utf16(Some(false)),
            Codec::Utf32(None) => Codec::Utf32(Some(false)),
            c => c,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Utf16(Some(true)) => "utf-16-be",
            Codec::Utf16(_) => "utf-16-le",
            Codec::Utf32(Some(true)) => "utf-32-be",
            Codec::Utf32(_) => "utf-32-le",
        }
    }
}

fn unknown_handler(vm: &mut Vm, errors: &str) -> PyErr {
    vm.new_lookup_error(format!("unknown error handler name '{errors}'"))
}

/// One decoding step at a position: decoded text and the bytes it used, or a bad run.
enum Step {
    Text(String, usize),
    Bad(usize, &'static str),
}

/// UTF-16 code units from `rest` until the first error (CPython's utf-16 decoder rules).
fn step_utf16(rest: &[u8], be: bool) -> Step {
    let unit = |i: usize| -> Option<u16> {
        let b = rest.get(i..i + 2)?;
        Some(if be { u16::from_be_bytes([b[0], b[1]]) } else { u16::from_le_bytes([b[0], b[1]]) })
    };
    let mut out = String::new();
    let mut i = 0;
    let bad = loop {
        let Some(u) = unit(i) else {
            if i < rest.len() {
                break Some((rest.len() - i, "truncated data"));
            }
            break None;
        };
        match u {
            0xd800..=0xdbff => match unit(i + 2) {
                Some(lo @ 0xdc00..=0xdfff) => {
                    let cp = 0x10000 + (((u as u32) - 0xd800) << 10) + (lo as u32 - 0xdc00);
                    out.push(char::from_u32(cp).unwrap_or('\u{fffd}'));
                    i += 4;
                }
                Some(_) => break Some((2, "illegal UTF-16 surrogate")),
                None => break Some((rest.len() - i, "unexpected end of data")),
            },
            0xdc00..=0xdfff => break Some((2, "illegal encoding")),
            u => {
                out.push(char::from_u32(u as u32).unwrap_or('\u{fffd}'));
                i += 2;
            }
        }
    };
    match bad {
        Some((n, reason)) if i == 0 => Step::Bad(n, reason),
        _ => Step::Text(out, i),
    }
}

/// UTF-32 code units from `rest` until the first error.
fn step_utf32(rest: &[u8], be: bool) -> Step {
    let mut out = String::new();
    let mut i = 0;
    let bad = loop {
        let Some(b) = rest.get(i..i + 4) else {
            break (i < rest.len()).then(|| (rest.len() - i, "truncated data"));
        };
        let cp = if be { u32::from_be_bytes([b[0], b[1], b[2], b[3]]) } else { u32::from_le_bytes([b[0], b[1], b[2], b[3]]) };
        match char::from_u32(cp) {
            Some(c) => out.push(c),
            None if (0xd800..0xe000).contains(&cp) => break Some((4, "code point in surrogate code point range(0xd800, 0xe000)")),
            None => break Some((4, "code point not in range(0x110000)")),
        }
        i += 4;
    };
    match bad {
        Some((n, reason)) if i == 0 => Step::Bad(n, reason),
        _ => Step::Text(out, i),
    }
}

fn step(codec: Codec, rest: &[u8]) -> Step {
    let ascii_prefix = |n: usize| Step::Text(rest[..n].iter().map(|&b| b as char).collect(), n);
    match codec {
        Codec::Latin1 => Step::Text(rest.iter().map(|&b| b as char).collect(), rest.len()),
        Codec::Ascii => match rest.iter().position(|&b| b >= 0x80) {
            Some(0) => Step::Bad(1, "ordinal not in range(128)"),
            Some(i) => ascii_prefix(i),
            None => ascii_prefix(rest.len()),
        },
        Codec::Utf8 => match std::str::from_utf8(rest) {
            Ok(s) => Step::Text(s.to_string(), rest.len()),
            Err(e) if e.valid_up_to() > 0 => {
                let i = e.valid_up_to();
                Step::Text(String::from_utf8_lossy(&rest[..i]).into_owned(), i)
            }
            Err(e) => match e.error_len() {
                None => Step::Bad(rest.len(), "unexpected end of data"),
                Some(n) if matches!(rest[0], 0xc2..=0xf4) => Step::Bad(n, "invalid continuation byte"),
                Some(n) => Step::Bad(n, "invalid start byte"),
            },
        },
        Codec::Utf16(be) => step_utf16(rest, be.unwrap_or(false)),
        Codec::Utf32(be) => step_utf32(rest, be.unwrap_or(false)),
    }
}

/// Resolve a BOM-reading codec against the data: the byte order and the BOM's length.
pub fn resolve_bom(codec: Codec, data: &[u8]) -> (Codec, usize) {
    match codec {
        Codec::Utf16(None) => match data {
            [0xff, 0xfe, ..] => (Codec::Utf16(Some(false)), 2),
            [0xfe, 0xff, ..] => (Codec::Utf16(Some(true)), 2),
            _ => (Codec::Utf16(Some(false)), 0),
        },
        Codec::Utf32(None) => match data {
            [0xff, 0xfe, 0, 0, ..] => (Codec::Utf32(Some(false)), 4),
            [0, 0, 0xfe, 0xff, ..] => (Codec::Utf32(Some(true)), 4),
            _ => (Codec::Utf32(Some(false)), 0),
        },
        c => (c, 0),
    }
}

/// Decode `data` (PyUnicode_Decode for the native codecs).
/// Other encodings go through the codec registry.
pub fn decode(vm: &mut Vm, data: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let Ok(codec) = Codec::lookup(vm, encoding) else {
        let obj = super::new_bytes(vm, data.to_vec());
        let r = crate::modules::codecs::via_registry(vm, encoding, 1, obj, errors)?;
        return match r.as_obj().and_then(|o| o.as_str()) {
            Some(s) => Ok(s.as_str().to_string()),
            None => {
                let n = vm.type_name(&r);
                Err(vm.new_type_error(format!("'{encoding}' decoder returned '{n}' instead of 'str'; use codecs.decode() to decode to arbitrary types")))
            }
        };
    };
    decode_with(vm, codec, data, errors, true).map(|(s, _)| s)
}

/// Decode `data` with `codec`: the text and the number of bytes used, which is less than
/// all when `final_` is false and `data` ends inside a character (the incremental decoders).
pub fn decode_with(vm: &mut Vm, codec: Codec, data: &[u8], errors: &str, final_: bool) -> PyResult<(String, usize)> {
    let (codec, mut pos) = resolve_bom(codec, data);
    let mut out = String::with_capacity(data.len());
    while pos < data.len() {
        let (start, end, reason) = match step(codec, &data[pos..]) {
            Step::Text(s, n) => {
                out.push_str(&s);
                pos += n;
                continue;
            }
            Step::Bad(n, reason) if !final_ && pos + n == data.len() && matches!(reason, "unexpected end of data" | "truncated data") => break,
            Step::Bad(n, reason) => (pos, pos + n, reason),
        };
        match errors {
            "strict" | "surrogatepass" => {
                let obj = super::new_bytes(vm, data.to_vec());
                return Err(unicode_error(vm, true, codec, obj, start, end, reason));
            }
            "ignore" => {}
            "replace" => out.push('\u{fffd}'),
            "backslashreplace" => data[start..end].iter().for_each(|b| out.push_str(&format!("\\x{b:02x}"))),
            // Lone surrogates cannot live in a Rust string: the replacement character stands in.
            "surrogateescape" => out.extend(std::iter::repeat_n('\u{fffd}', end - start)),
            _ => return Err(unknown_handler(vm, errors)),
        }
        pos = end;
    }
    Ok((out, pos))
}

/// Encode `text` (PyUnicode_AsEncodedString for the native codecs).
/// Other encodings go through the codec registry.
pub fn encode(vm: &mut Vm, text: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let Ok(codec) = Codec::lookup(vm, encoding) else {
        let obj = vm.new_str(text);
        let r = crate::modules::codecs::via_registry(vm, encoding, 0, obj, errors)?;
        return match super::buffer(&r) {
            Some(b) if !r.as_obj().is_some_and(|o| o.as_str().is_some()) => Ok(b),
            _ => {
                let n = vm.type_name(&r);
                Err(vm.new_type_error(format!("'{encoding}' encoder returned '{n}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types")))
            }
        };
    };
    encode_with(vm, codec, text, errors)
}

/// Encode `text` with `codec`.
pub fn encode_with(vm: &mut Vm, codec: Codec, text: &str, errors: &str) -> PyResult<Vec<u8>> {
    let limit = match codec {
        Codec::Utf8 => return Ok(text.as_bytes().to_vec()),
        Codec::Ascii => 0x80,
        Codec::Latin1 => 0x100,
        Codec::Utf16(be) => {
            let mut out = if be.is_none() { vec![0xff, 0xfe] } else { Vec::new() };
            for u in text.encode_utf16() {
                out.extend_from_slice(&if be == Some(true) { u.to_be_bytes() } else { u.to_le_bytes() });
            }
            return Ok(out);
        }
        Codec::Utf32(be) => {
            let mut out = if be.is_none() { vec![0xff, 0xfe, 0, 0] } else { Vec::new() };
            for c in text.chars() {
                out.extend_from_slice(&if be == Some(true) { (c as u32).to_be_bytes() } else { (c as u32).to_le_bytes() });
            }
            return Ok(out);
        }
    };
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i] as u32;
        if c < limit {
            out.push(c as u8);
            i += 1;
            continue;
        }
        let end = i + chars[i..].iter().take_while(|&&c| c as u32 >= limit).count();
        let run = &chars[i..end];
        match errors {
            "strict" | "surrogateescape" | "surrogatepass" => {
                let obj = vm.new_str(text);
                let reason = format!("ordinal not in range({limit})");
                return Err(unicode_error(vm, false, codec, obj, i, end, &reason));
            }
            "ignore" => {}
            "replace" => out.extend(run.iter().map(|_| b'?')),
            "backslashreplace" => {
                for &c in run {
                    let n = c as u32;
                    let e = if n <= 0xff { format!("\\x{n:02x}") } else if n <= 0xffff { format!("\\u{n:04x}") } else { format!("\\U{n:08x}") };
                    out.extend_from_slice(e.as_bytes());
                }
            }
            "xmlcharrefreplace" => run.iter().for_each(|&c| out.extend_from_slice(format!("&#{};", c as u32).as_bytes())),
            _ => return Err(unknown_handler(vm, errors)),
        }
        i = end;
    }
    Ok(out)
}

/// UnicodeDecodeError / UnicodeEncodeError(encoding, object, start, end, reason).
fn unicode_error(vm: &mut Vm, decoding: bool, codec: Codec, obj: Value, start: usize, end: usize, reason: &str) -> PyErr {
    let cls = if decoding { vm.exc.unicode_decode_error.clone() } else { vm.exc.unicode_encode_error.clone() };
    let args = vec![vm.new_str(codec.name()), obj, Value::Int(start as i64), Value::Int(end as i64), vm.new_str(reason)];
    vm.new_exception(&cls, args)
}
