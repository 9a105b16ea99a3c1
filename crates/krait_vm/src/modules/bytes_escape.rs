//! The bytes `escape` codec of `_codecs` (`escape_encode` / `escape_decode`: pickle's
//! STRING opcode), as CPython's Objects/bytesobject.c does it. Decoding errors support the
//! strict, ignore and replace handlers.

use super::codecs::errors_arg;
use super::util::str_arg;
use crate::object::Value;
use crate::types::bytes::{buffer_arg, new_bytes};
use crate::types::methods::{method, MethodDef};
use crate::vm::{PyErr, PyResult, Vm};

/// The functions this file adds to `_codecs`.
pub const METHODS: &[MethodDef] = &[
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
