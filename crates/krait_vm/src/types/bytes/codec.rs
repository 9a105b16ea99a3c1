//! The codecs krait implements natively (utf-8, ascii, latin-1, utf-16, utf-32) with the error handlers
//! strict, ignore, replace, backslashreplace (both ways), surrogateescape, surrogatepass and
//! xmlcharrefreplace (encoding):
//! shared by `bytes.decode`, `str(b, encoding)`, `str.encode`, `bytes(s, encoding)`, the
//! `_codecs` module and `_io.TextIOWrapper` (which decodes incrementally).

use crate::object::Value;
use crate::vm::{PyErr, PyResult, Vm};
use krait_bytecode::surrogate;

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

    /// The name errors report: decoders name the byte order they read, the BOM-writing
    /// encoders `utf-16` / `utf-32`.
    fn name(self, decoding: bool) -> &'static str {
        match self {
            Codec::Utf16(None) if !decoding => "utf-16",
            Codec::Utf32(None) if !decoding => "utf-32",
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
                if !s.is_ascii() && surrogate::has_surrogates(&s) {
                    return Err(vm.new_not_implemented_error(surrogate::UNREPRESENTABLE));
                }
                out.push_str(&s);
                pos += n;
                continue;
            }
            Step::Bad(n, reason) if !final_ && pos + n == data.len() && matches!(reason, "unexpected end of data" | "truncated data") => break,
            Step::Bad(n, reason) => (pos, pos + n, reason),
        };
        let raise = |vm: &mut Vm| {
            let obj = super::new_bytes(vm, data.to_vec());
            Err(unicode_error(vm, true, codec, obj, start, end, reason))
        };
        pos = end;
        match errors {
            "strict" => return raise(vm),
            "surrogatepass" => match encoded_surrogate(codec, &data[start..]) {
                Some((cp, n)) => {
                    out.push(surrogate::char_for(cp).unwrap_or('\u{fffd}'));
                    pos = start + n;
                }
                None => return raise(vm),
            },
            "surrogateescape" => {
                // PyCodec_SurrogateEscapeErrors: up to 4 bytes >= 128 become U+DC80..U+DCFF.
                let n = data[start..end].iter().take(4).take_while(|&&b| b >= 0x80).count();
                if n == 0 {
                    return raise(vm);
                }
                out.extend(data[start..start + n].iter().filter_map(|&b| surrogate::char_for(0xDC00 + u32::from(b))));
                pos = start + n;
            }
            "ignore" => {}
            "replace" => out.push('\u{fffd}'),
            "backslashreplace" => data[start..end].iter().for_each(|b| out.push_str(&format!("\\x{b:02x}"))),
            _ => return Err(unknown_handler(vm, errors)),
        }
    }
    Ok((out, pos))
}

/// The surrogate `bytes` start with in `codec` and its length, as the `surrogatepass` handler
/// reads it (PyCodec_SurrogatePassErrors): only the UTF codecs can pass surrogates.
fn encoded_surrogate(codec: Codec, bytes: &[u8]) -> Option<(u32, usize)> {
    let (cp, n) = match codec {
        Codec::Utf8 => match bytes {
            [0xed, b1 @ 0xa0..=0xbf, b2 @ 0x80..=0xbf, ..] => (0xd000 | (u32::from(*b1 & 0x3f) << 6) | u32::from(*b2 & 0x3f), 3),
            _ => return None,
        },
        Codec::Utf16(be) => {
            let b: [u8; 2] = bytes.get(..2)?.try_into().ok()?;
            (u32::from(if be == Some(true) { u16::from_be_bytes(b) } else { u16::from_le_bytes(b) }), 2)
        }
        Codec::Utf32(be) => {
            let b: [u8; 4] = bytes.get(..4)?.try_into().ok()?;
            (if be == Some(true) { u32::from_be_bytes(b) } else { u32::from_le_bytes(b) }, 4)
        }
        Codec::Ascii | Codec::Latin1 => return None,
    };
    (0xd800..0xe000).contains(&cp).then_some((cp, n))
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

/// Appends the encoding of code point `cp` (any, surrogates included) in a codec that can
/// encode it.
fn push_code_point(out: &mut Vec<u8>, codec: Codec, cp: u32) {
    let be = |b: Option<bool>| b == Some(true);
    match codec {
        Codec::Ascii | Codec::Latin1 => out.push(cp as u8),
        Codec::Utf8 => match char::from_u32(cp) {
            Some(c) => out.extend_from_slice(c.encode_utf8(&mut [0u8; 4]).as_bytes()),
            None => out.extend_from_slice(&[0xe0 | (cp >> 12) as u8, 0x80 | ((cp >> 6) & 0x3f) as u8, 0x80 | (cp & 0x3f) as u8]),
        },
        Codec::Utf16(b) => {
            let mut units = [0u16; 2];
            let units: &[u16] = match char::from_u32(cp) {
                Some(c) => c.encode_utf16(&mut units),
                None => {
                    units[0] = cp as u16;
                    &units[..1]
                }
            };
            for u in units {
                out.extend_from_slice(&if be(b) { u.to_be_bytes() } else { u.to_le_bytes() });
            }
        }
        Codec::Utf32(b) => out.extend_from_slice(&if be(b) { cp.to_be_bytes() } else { cp.to_le_bytes() }),
    }
}

/// Encode `text` with `codec`.
///
/// The UTF-8 and UTF-16/32 (surrogates) and ASCII/latin-1 (above the range) encoders report
/// unencodable characters to the error handler as CPython's do.
pub fn encode_with(vm: &mut Vm, codec: Codec, text: &str, errors: &str) -> PyResult<Vec<u8>> {
    if codec == Codec::Utf8 && (text.is_ascii() || !surrogate::has_surrogates(text)) {
        return Ok(text.as_bytes().to_vec());
    }
    let (limit, reason, utf) = match codec {
        Codec::Ascii => (0x80, "ordinal not in range(128)", false),
        Codec::Latin1 => (0x100, "ordinal not in range(256)", false),
        _ => (0x110000, "surrogates not allowed", true),
    };
    let encodable = |c: char| if utf { !surrogate::is_surrogate(c) } else { (c as u32) < limit };
    let mut out = Vec::with_capacity(text.len());
    match codec {
        Codec::Utf16(None) => out.extend_from_slice(&[0xff, 0xfe]),
        Codec::Utf32(None) => out.extend_from_slice(&[0xff, 0xfe, 0, 0]),
        _ => {}
    }
    let named = codec;
    let codec = codec.after_bom();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if encodable(chars[i]) {
            push_code_point(&mut out, codec, chars[i] as u32);
            i += 1;
            continue;
        }
        // The UTF-8, ASCII and latin-1 encoders report a run; UTF-16/32 one character.
        let end = if matches!(codec, Codec::Utf16(_) | Codec::Utf32(_)) { i + 1 } else { i + chars[i..].iter().take_while(|&&c| !encodable(c)).count() };
        let run: Vec<u32> = chars[i..end].iter().map(|&c| surrogate::code_point(c)).collect();
        let raise = |vm: &mut Vm, start: usize| {
            let obj = vm.new_str(text);
            Err(unicode_error(vm, false, named, obj, start, end, reason))
        };
        let mut replacement = String::new();
        match errors {
            "strict" => return raise(vm, i),
            "surrogatepass" if utf => run.iter().for_each(|&cp| push_code_point(&mut out, codec, cp)),
            "surrogatepass" => return raise(vm, i),
            // A one-byte replacement is no whole UTF-16/32 code unit: CPython fails there too.
            "surrogateescape" if matches!(codec, Codec::Utf16(_) | Codec::Utf32(_)) => return raise(vm, i),
            "surrogateescape" => {
                // Each U+DC80..U+DCFF becomes its byte; the first other character fails.
                for (k, &cp) in run.iter().enumerate() {
                    if !(0xdc80..=0xdcff).contains(&cp) {
                        return raise(vm, i + k);
                    }
                    out.push(cp as u8);
                }
            }
            "ignore" => {}
            "replace" => run.iter().for_each(|_| replacement.push('?')),
            "backslashreplace" => run.iter().for_each(|&cp| crate::types::str_methods::repr::push_escape(&mut replacement, cp)),
            "xmlcharrefreplace" => run.iter().for_each(|&cp| replacement.push_str(&format!("&#{cp};"))),
            _ => return Err(unknown_handler(vm, errors)),
        }
        replacement.bytes().for_each(|b| push_code_point(&mut out, codec, u32::from(b)));
        i = end;
    }
    Ok(out)
}

/// UnicodeDecodeError / UnicodeEncodeError(encoding, object, start, end, reason).
fn unicode_error(vm: &mut Vm, decoding: bool, codec: Codec, obj: Value, start: usize, end: usize, reason: &str) -> PyErr {
    let cls = if decoding { vm.exc.unicode_decode_error.clone() } else { vm.exc.unicode_encode_error.clone() };
    let args = vec![vm.new_str(codec.name(decoding)), obj, Value::Int(start as i64), Value::Int(end as i64), vm.new_str(reason)];
    vm.new_exception(&cls, args)
}
