//! The backslash-escape codecs of `_codecs`: `unicode_escape_*`, `raw_unicode_escape_*`
//! (pickle's protocol 0 text) and `escape_*` (bytes; pickle's STRING opcode), as CPython's
//! Objects/unicodeobject.c and Objects/bytesobject.c do them. Decoding errors support the
//! strict, ignore and replace handlers.

use super::codecs::errors_arg;
use super::util::str_arg;
use crate::object::Value;
use crate::types::bytes::{buffer_arg, new_bytes};
use crate::types::methods::{method, MethodDef};
use crate::vm::{PyErr, PyResult, Vm};

/// The functions this file adds to `_codecs`.
pub const METHODS: &[MethodDef] = &[
    method("unicode_escape_encode", "(str, errors=None, /)", |vm, a| encode(vm, a, false)),
    method("raw_unicode_escape_encode", "(str, errors=None, /)", |vm, a| encode(vm, a, true)),
    method("unicode_escape_decode", "(data, errors=None, final=True, /)", |vm, a| decode(vm, a, false)),
    method("raw_unicode_escape_decode", "(data, errors=None, final=True, /)", |vm, a| decode(vm, a, true)),
    method("escape_encode", "(data, errors=None, /)", escape_encode),
    method("escape_decode", "(data, errors=None, /)", escape_decode),
];

/// Appends `\xhh`, `\uhhhh` or `\Uhhhhhhhh` for `c`.
fn push_hex_escape(out: &mut Vec<u8>, c: u32) {
    let text = if c < 0x100 {
        format!("\\x{c:02x}")
    } else if c < 0x10000 {
        format!("\\u{c:04x}")
    } else {
        format!("\\U{c:08x}")
    };
    out.extend_from_slice(text.as_bytes());
}

// PyUnicode_AsUnicodeEscapeString / PyUnicode_AsRawUnicodeEscapeString
fn encode(vm: &mut Vm, a: &[Value], raw: bool) -> PyResult<Value> {
    let text = str_arg(vm, &a[0], "argument 1")?;
    errors_arg(vm, &a[1])?;
    let mut out = Vec::with_capacity(text.len());
    for ch in text.chars() {
        let c = ch as u32;
        if raw {
            if c < 0x100 {
                out.push(c as u8);
            } else {
                push_hex_escape(&mut out, c);
            }
            continue;
        }
        match ch {
            '\\' => out.extend_from_slice(b"\\\\"),
            '\t' => out.extend_from_slice(b"\\t"),
            '\n' => out.extend_from_slice(b"\\n"),
            '\r' => out.extend_from_slice(b"\\r"),
            ' '..='~' => out.push(c as u8),
            _ => push_hex_escape(&mut out, c),
        }
    }
    let n = text.chars().count();
    let b = new_bytes(vm, out);
    Ok(vm.new_tuple(vec![b, Value::Int(n as i64)]))
}

/// How a decoding error is handled: `Err` for strict, else what to append.
fn decode_error(vm: &mut Vm, encoding: &str, errors: &str, data: &[u8], start: usize, end: usize, reason: &str) -> PyResult<&'static str> {
    match errors {
        "ignore" => Ok(""),
        "replace" => Ok("\u{fffd}"),
        "strict" => {
            let cls = vm.exc.unicode_decode_error.clone();
            let obj = new_bytes(vm, data.to_vec());
            let args = vec![vm.new_str(encoding), obj, Value::Int(start as i64), Value::Int(end as i64), vm.new_str(reason)];
            Err(vm.new_exception(&cls, args))
        }
        other => Err(vm.new_not_implemented_error(format!("the '{other}' error handler of the {encoding} codec"))),
    }
}

/// The value of up to `n` hex digits at `data[i..]` (exactly `n` needed): `Err(count)` gives
/// how many hex digits there were.
fn hex_digits(data: &[u8], i: usize, n: usize) -> Result<u32, usize> {
    let mut v = 0u32;
    for k in 0..n {
        match data.get(i + k).and_then(|b| (*b as char).to_digit(16)) {
            Some(d) => v = v * 16 + d,
            None => return Err(k),
        }
    }
    Ok(v)
}

// _PyUnicode_DecodeUnicodeEscapeInternal / _PyUnicode_DecodeRawUnicodeEscapeStateful
fn decode(vm: &mut Vm, a: &[Value], raw: bool) -> PyResult<Value> {
    let data = match &a[0] {
        Value::Obj(o) if o.as_str().is_some() => str_arg(vm, &a[0], "argument 1")?.into_bytes(),
        v => buffer_arg(vm, v)?,
    };
    let errors = errors_arg(vm, &a[1])?;
    let final_ = a[2].is_null() || vm.is_true(&a[2])?;
    let encoding = if raw { "rawunicodeescape" } else { "unicodeescape" };
    let mut out = String::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        if b != b'\\' {
            out.push(b as char);
            i += 1;
            continue;
        }
        let start = i;
        if raw {
            // \u escapes count only after an odd number of backslashes.
            let mut j = i;
            while j < data.len() && data[j] == b'\\' {
                j += 1;
            }
            let run = j - i;
            let escape = run % 2 == 1 && matches!(data.get(j), Some(b'u' | b'U'));
            let literal = if escape { run - 1 } else { run };
            out.extend(std::iter::repeat('\\').take(literal));
            i += literal;
            if !escape {
                continue;
            }
        }
        let Some(&kind) = data.get(i + 1) else {
            if !final_ {
                break;
            }
            let r = decode_error(vm, encoding, &errors, &data, start, data.len(), "\\ at end of string")?;
            out.push_str(r);
            break;
        };
        i += 2;
        let simple = match kind {
            b'\n' => Some(None),
            b'\\' => Some(Some('\\')),
            b'\'' => Some(Some('\'')),
            b'"' => Some(Some('"')),
            b'b' => Some(Some('\x08')),
            b'f' => Some(Some('\x0c')),
            b't' => Some(Some('\t')),
            b'n' => Some(Some('\n')),
            b'r' => Some(Some('\r')),
            b'v' => Some(Some('\x0b')),
            b'a' => Some(Some('\x07')),
            _ => None,
        };
        if !raw {
            if let Some(c) = simple {
                out.extend(c);
                continue;
            }
            if let b'0'..=b'7' = kind {
                let mut v = u32::from(kind - b'0');
                for _ in 0..2 {
                    match data.get(i) {
                        Some(d @ b'0'..=b'7') => {
                            v = v * 8 + u32::from(d - b'0');
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
                continue;
            }
        }
        let (count, what) = match kind {
            b'x' if !raw => (2, "truncated \\xXX escape"),
            b'u' => (4, "truncated \\uXXXX escape"),
            b'U' => (8, "truncated \\UXXXXXXXX escape"),
            b'N' if !raw => {
                return Err(vm.new_not_implemented_error("\\N{...} escapes in the unicode_escape codec (needs unicodedata)"));
            }
            _ => {
                // Not an escape: kept as it is.
                out.push('\\');
                out.push(kind as char);
                continue;
            }
        };
        match hex_digits(&data, i, count) {
            Ok(v) => match char::from_u32(v) {
                Some(c) => {
                    out.push(c);
                    i += count;
                }
                None => {
                    i += count;
                    let reason = if raw { "\\Uxxxxxxxx out of range" } else { "illegal Unicode character" };
                    let r = decode_error(vm, encoding, &errors, &data, start, i, reason)?;
                    out.push_str(r);
                }
            },
            Err(k) => {
                if !final_ && i + k == data.len() {
                    i = start;
                    break;
                }
                i += k;
                let r = decode_error(vm, encoding, &errors, &data, start, i, what)?;
                out.push_str(r);
            }
        }
    }
    let consumed = i.min(data.len());
    let s = vm.new_str(&out);
    Ok(vm.new_tuple(vec![s, Value::Int(consumed as i64)]))
}

// PyBytes_Repr's escaping without the quotes (escape_encode)
fn escape_encode(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let data = match &a[0] {
        Value::Obj(o) if matches!(o.payload, crate::object::Payload::Bytes(_)) => buffer_arg(vm, &a[0])?,
        v => {
            let n = vm.type_name(v);
            return Err(vm.new_type_error(format!("argument 1 must be bytes, not {n}")));
        }
    };
    let mut out = Vec::with_capacity(data.len());
    for &b in &data {
        match b {
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\'' => out.extend_from_slice(b"\\'"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            0x20..=0x7e => out.push(b),
            _ => push_hex_escape(&mut out, u32::from(b)),
        }
    }
    let b = new_bytes(vm, out);
    Ok(vm.new_tuple(vec![b, Value::Int(data.len() as i64)]))
}

fn value_error(vm: &mut Vm, msg: String) -> PyErr {
    vm.new_value_error(msg)
}

// _PyBytes_DecodeEscape
fn escape_decode(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let data = match &a[0] {
        Value::Obj(o) if o.as_str().is_some() => str_arg(vm, &a[0], "argument 1")?.into_bytes(),
        v => buffer_arg(vm, v)?,
    };
    let errors = errors_arg(vm, &a[1])?;
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        if data[i] != b'\\' {
            out.push(data[i]);
            i += 1;
            continue;
        }
        i += 1;
        let Some(&kind) = data.get(i) else {
            return Err(value_error(vm, "Trailing \\ in string".into()));
        };
        i += 1;
        match kind {
            b'\n' => {}
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'b' => out.push(0x08),
            b'f' => out.push(0x0c),
            b't' => out.push(b'\t'),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b'v' => out.push(0x0b),
            b'a' => out.push(0x07),
            b'0'..=b'7' => {
                let mut v = u32::from(kind - b'0');
                for _ in 0..2 {
                    match data.get(i) {
                        Some(d @ b'0'..=b'7') => {
                            v = v * 8 + u32::from(d - b'0');
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out.push(v as u8);
            }
            b'x' => match hex_digits(&data, i, 2) {
                Ok(v) => {
                    out.push(v as u8);
                    i += 2;
                }
                Err(_) => match errors.as_str() {
                    "ignore" => i += hex_digits(&data, i, 1).map_or(0, |_| 1),
                    "replace" => {
                        out.push(b'?');
                        i += hex_digits(&data, i, 1).map_or(0, |_| 1);
                    }
                    "strict" => return Err(value_error(vm, format!("invalid \\x escape at position {}", i - 2))),
                    other => return Err(value_error(vm, format!("decoding error; unknown error handling code: {other}"))),
                },
            },
            _ => {
                out.push(b'\\');
                out.push(kind);
            }
        }
    }
    let b = new_bytes(vm, out);
    Ok(vm.new_tuple(vec![b, Value::Int(data.len() as i64)]))
}
