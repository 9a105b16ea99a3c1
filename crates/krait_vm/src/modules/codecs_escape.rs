//! The escape codecs of `_codecs`: `unicode_escape_*`, `raw_unicode_escape_*` and
//! `escape_*` (bytes), as used by `str.encode("unicode_escape")` and `ast.unparse`.

use super::codecs::errors_arg;
use super::util::str_arg;
use crate::object::Value;
use crate::types::bytes::{buffer_arg, new_bytes};
use crate::vm::{PyErr, PyResult, Vm};

/// The bytes of a decoder's argument: a bytes-like object, or a str as UTF-8.
fn data_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match v.as_obj().and_then(|o| o.as_str()) {
        Some(s) => Ok(s.as_str().as_bytes().to_vec()),
        None => buffer_arg(vm, v),
    }
}

/// unicode_escape_encode / raw_unicode_escape_encode (PyUnicode_AsUnicodeEscapeString,
/// PyUnicode_AsRawUnicodeEscapeString).
fn encode_escaped(text: &str, raw: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        let cp = c as u32;
        match c {
            _ if raw && cp < 0x100 => out.push(cp as u8),
            '\\' => out.extend_from_slice(b"\\\\"),
            '\t' => out.extend_from_slice(b"\\t"),
            '\n' => out.extend_from_slice(b"\\n"),
            '\r' => out.extend_from_slice(b"\\r"),
            ' '..='~' => out.push(cp as u8),
            _ if cp < 0x100 => out.extend_from_slice(format!("\\x{cp:02x}").as_bytes()),
            _ if cp < 0x10000 => out.extend_from_slice(format!("\\u{cp:04x}").as_bytes()),
            _ => out.extend_from_slice(format!("\\U{cp:08x}").as_bytes()),
        }
    }
    out
}

/// A bad escape: where it starts and ends in the input, and CPython's reason.
struct Bad {
    start: usize,
    end: usize,
    reason: &'static str,
}

/// Parse up to `n` hex digits at `data[pos..]`: the value, or how many digits were valid.
fn hex_digits(data: &[u8], pos: usize, n: usize) -> Result<u32, usize> {
    let mut v = 0u32;
    for i in 0..n {
        match data.get(pos + i).and_then(|&b| (b as char).to_digit(16)) {
            Some(d) => v = v * 16 + d,
            None => return Err(i),
        }
    }
    Ok(v)
}

/// One escape after the backslash at `pos`: the character(s) it stands for and the
/// position after it (unicode-escape; `raw` decodes only \u and \U).
fn decode_escape(data: &[u8], pos: usize, raw: bool, out: &mut String) -> Result<usize, Bad> {
    let Some(&kind) = data.get(pos + 1) else {
        if raw {
            out.push('\\');
            return Ok(pos + 1);
        }
        return Err(Bad { start: pos, end: data.len(), reason: "\\ at end of string" });
    };
    let simple = |c: char, out: &mut String| {
        out.push(c);
        Ok(pos + 2)
    };
    if raw && kind != b'u' && kind != b'U' {
        // A backslash pair is literal, so "\\\\u" is no escape.
        let n = if kind == b'\\' { 2 } else { 1 };
        out.extend(std::iter::repeat_n('\\', n));
        return Ok(pos + n);
    }
    match kind {
        b'\n' => Ok(pos + 2),
        b'\\' => simple('\\', out),
        b'\'' => simple('\'', out),
        b'"' => simple('"', out),
        b'b' => simple('\x08', out),
        b'f' => simple('\x0c', out),
        b't' => simple('\t', out),
        b'n' => simple('\n', out),
        b'r' => simple('\r', out),
        b'v' => simple('\x0b', out),
        b'a' => simple('\x07', out),
        b'0'..=b'7' => {
            let mut v = 0u32;
            let mut i = pos + 1;
            while i < pos + 4 && matches!(data.get(i), Some(b'0'..=b'7')) {
                v = v * 8 + (data[i] - b'0') as u32;
                i += 1;
            }
            out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
            Ok(i)
        }
        b'x' | b'u' | b'U' => {
            let (n, reason) = match kind {
                b'x' => (2, "truncated \\xXX escape"),
                b'u' => (4, "truncated \\uXXXX escape"),
                _ => (8, "truncated \\UXXXXXXXX escape"),
            };
            let v = hex_digits(data, pos + 2, n).map_err(|valid| Bad { start: pos, end: pos + 2 + valid, reason })?;
            match char::from_u32(v) {
                Some(c) => {
                    out.push(c);
                    Ok(pos + 2 + n)
                }
                None if v < 0x110000 => Err(Bad { start: pos, end: pos + 2 + n, reason: "lone surrogates are not supported in krait strings" }),
                None => Err(Bad { start: pos, end: pos + 2 + n, reason: "illegal Unicode character" }),
            }
        }
        b'N' => Err(Bad { start: pos, end: pos + 2, reason: "\\N{...} escapes are not supported by krait's unicode_escape codec" }),
        _ => {
            out.push('\\');
            Ok(pos + 1)
        }
    }
}

/// unicode_escape_decode / raw_unicode_escape_decode: the text and the bytes used.
fn decode_escaped(vm: &mut Vm, data: &[u8], errors: &str, raw: bool) -> PyResult<String> {
    let mut out = String::with_capacity(data.len());
    let mut pos = 0;
    while pos < data.len() {
        if data[pos] != b'\\' {
            out.push(data[pos] as char);
            pos += 1;
            continue;
        }
        match decode_escape(data, pos, raw, &mut out) {
            Ok(next) => pos = next,
            Err(bad) => {
                match errors {
                    "strict" => return Err(decode_error(vm, data, &bad, raw)),
                    "ignore" => {}
                    "replace" => out.push('\u{fffd}'),
                    "backslashreplace" => data[bad.start..bad.end].iter().for_each(|b| out.push_str(&format!("\\x{b:02x}"))),
                    _ => return Err(vm.new_lookup_error(format!("unknown error handler name '{errors}'"))),
                }
                pos = bad.end.max(bad.start + 1);
            }
        }
    }
    Ok(out)
}

fn decode_error(vm: &mut Vm, data: &[u8], bad: &Bad, raw: bool) -> PyErr {
    if bad.reason.contains("krait") {
        return vm.new_not_implemented_error(bad.reason);
    }
    let cls = vm.exc.unicode_decode_error.clone();
    let name = vm.new_str(if raw { "rawunicodeescape" } else { "unicodeescape" });
    let obj = new_bytes(vm, data.to_vec());
    let reason = vm.new_str(bad.reason);
    vm.new_exception(&cls, vec![name, obj, Value::Int(bad.start as i64), Value::Int(bad.end as i64), reason])
}

/// `unicode_escape_encode(str, errors=None)` and the raw variant → (bytes, length).
pub fn encode(vm: &mut Vm, a: &[Value], raw: bool) -> PyResult<Value> {
    let text = str_arg(vm, &a[0], "argument 1")?;
    errors_arg(vm, &a[1])?;
    let b = new_bytes(vm, encode_escaped(&text, raw));
    Ok(vm.new_tuple(vec![b, Value::Int(text.chars().count() as i64)]))
}

/// `unicode_escape_decode(data, errors=None, final=True)` and the raw variant → (str, consumed).
pub fn decode(vm: &mut Vm, a: &[Value], raw: bool) -> PyResult<Value> {
    let data = data_arg(vm, &a[0])?;
    let errors = errors_arg(vm, &a[1])?;
    let s = decode_escaped(vm, &data, &errors, raw)?;
    let s = vm.new_str(&s);
    Ok(vm.new_tuple(vec![s, Value::Int(data.len() as i64)]))
}
