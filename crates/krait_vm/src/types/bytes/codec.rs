//! The codecs krait implements natively (utf-8, ascii, latin-1) with the error handlers
//! strict, ignore, replace, backslashreplace (both ways) and xmlcharrefreplace (encoding):
//! shared by `bytes.decode`, `str(b, encoding)`, `str.encode` and `bytes(s, encoding)`.

use crate::object::Value;
use crate::vm::{PyErr, PyResult, Vm};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    /// The codec for an encoding name, normalised as `encodings.normalize_encoding` does.
    fn lookup(vm: &mut Vm, enc: &str) -> PyResult<Codec> {
        let norm: String = enc.trim().chars().map(|c| if c.is_ascii_alphanumeric() || c == '.' { c.to_ascii_lowercase() } else { '_' }).collect();
        match norm.as_str() {
            "utf_8" | "utf8" | "u8" | "utf" | "cp65001" => Ok(Codec::Utf8),
            "ascii" | "us_ascii" | "646" | "us" => Ok(Codec::Ascii),
            "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819" | "iso_ir_100" => Ok(Codec::Latin1),
            _ => Err(vm.new_lookup_error(format!("unknown encoding: {enc}"))),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }
}

fn unknown_handler(vm: &mut Vm, errors: &str) -> PyErr {
    vm.new_lookup_error(format!("unknown error handler name '{errors}'"))
}

/// Decode `data` (PyUnicode_Decode for the native codecs).
pub fn decode(vm: &mut Vm, data: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let codec = Codec::lookup(vm, encoding)?;
    let mut out = String::with_capacity(data.len());
    let mut pos = 0;
    while pos < data.len() {
        let rest = &data[pos..];
        // (length of the decodable prefix, length of the bad run, reason)
        let (good, bad, reason) = match codec {
            Codec::Latin1 => {
                out.extend(rest.iter().map(|&b| b as char));
                break;
            }
            Codec::Ascii => match rest.iter().position(|&b| b >= 0x80) {
                None => (rest.len(), 0, ""),
                Some(i) => (i, 1, "ordinal not in range(128)"),
            },
            Codec::Utf8 => match std::str::from_utf8(rest) {
                Ok(_) => (rest.len(), 0, ""),
                Err(e) => {
                    let i = e.valid_up_to();
                    match e.error_len() {
                        None => (i, rest.len() - i, "unexpected end of data"),
                        Some(n) => {
                            let start_ok = matches!(rest[i], 0xc2..=0xf4);
                            (i, n, if start_ok { "invalid continuation byte" } else { "invalid start byte" })
                        }
                    }
                }
            },
        };
        // The prefix is ASCII or valid UTF-8 by construction.
        out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or_default());
        if bad == 0 {
            break;
        }
        let (start, end) = (pos + good, pos + good + bad);
        match errors {
            "strict" | "surrogateescape" | "surrogatepass" => {
                let obj = super::new_bytes(vm, data.to_vec());
                return Err(unicode_error(vm, true, codec, obj, start, end, reason));
            }
            "ignore" => {}
            "replace" => out.push('\u{fffd}'),
            "backslashreplace" => data[start..end].iter().for_each(|b| out.push_str(&format!("\\x{b:02x}"))),
            _ => return Err(unknown_handler(vm, errors)),
        }
        pos = end;
    }
    Ok(out)
}

/// Encode `text` (PyUnicode_AsEncodedString for the native codecs).
pub fn encode(vm: &mut Vm, text: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = Codec::lookup(vm, encoding)?;
    let limit = match codec {
        Codec::Utf8 => return Ok(text.as_bytes().to_vec()),
        Codec::Ascii => 0x80,
        Codec::Latin1 => 0x100,
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
