//! The raw-unicode-escape codec of `_codecs` (`raw_unicode_escape_encode` / `_decode`),
//! which pickle protocols 0 and 1 use for str.

use super::util::str_arg;
use crate::object::Value;
use crate::types::bytes::{buffer_arg, new_bytes};
use crate::vm::{PyResult, Vm};

/// raw_unicode_escape_encode(str, errors=None) → (bytes, consumed): Latin-1 characters
/// as themselves, others as `\uXXXX` / `\UXXXXXXXX`.
pub fn encode(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let s = str_arg(vm, &a[0], "raw_unicode_escape_encode() argument 1")?;
    let mut out = Vec::with_capacity(s.len());
    let mut n = 0;
    for c in s.chars() {
        n += 1;
        let cp = c as u32;
        if cp < 0x100 {
            out.push(cp as u8);
        } else if cp < 0x10000 {
            out.extend_from_slice(format!("\\u{cp:04x}").as_bytes());
        } else {
            out.extend_from_slice(format!("\\U{cp:08x}").as_bytes());
        }
    }
    let b = new_bytes(vm, out);
    Ok(vm.new_tuple(vec![b, Value::Int(n)]))
}

/// raw_unicode_escape_decode(data, errors=None, final=True) → (str, consumed): bytes as
/// Latin-1 except `\uXXXX` and `\UXXXXXXXX` after an odd run of backslashes.
pub fn decode(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let data = match a[0].as_obj().and_then(|o| o.as_str()) {
        Some(s) => s.as_str().as_bytes().to_vec(),
        None => buffer_arg(vm, &a[0])?,
    };
    let mut out = String::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        if b != b'\\' {
            out.push(b as char);
            i += 1;
            continue;
        }
        // A run of backslashes: all but possibly the last stay as they are.
        let run = data[i..].iter().take_while(|&&x| x == b'\\').count();
        let escaping = run % 2 == 1;
        for _ in 0..run - usize::from(escaping) {
            out.push('\\');
        }
        i += run - usize::from(escaping);
        if !escaping {
            continue;
        }
        let width = match data.get(i + 1) {
            Some(b'u') => 4,
            Some(b'U') => 8,
            _ => {
                out.push('\\');
                i += 1;
                continue;
            }
        };
        let digits = data.get(i + 2..i + 2 + width).and_then(|d| std::str::from_utf8(d).ok()).filter(|d| d.bytes().all(|x| x.is_ascii_hexdigit()));
        let c = digits.and_then(|d| u32::from_str_radix(d, 16).ok());
        match c {
            Some(cp) => match char::from_u32(cp) {
                Some(ch) => out.push(ch),
                None => return Err(escape_error(vm, &a[0], i, i + 2 + width, "\\Uxxxxxxxx out of range")),
            },
            None => {
                let end = (i + 2..data.len().min(i + 2 + width)).find(|&k| !data[k].is_ascii_hexdigit()).unwrap_or(data.len().min(i + 2 + width));
                let msg = if width == 4 { "truncated \\uXXXX escape" } else { "truncated \\UXXXXXXXX escape" };
                return Err(escape_error(vm, &a[0], i, end, msg));
            }
        }
        i += 2 + width;
    }
    let s = vm.new_str(&out);
    Ok(vm.new_tuple(vec![s, Value::Int(data.len() as i64)]))
}

fn escape_error(vm: &mut Vm, obj: &Value, start: usize, end: usize, reason: &str) -> crate::vm::PyErr {
    let cls = vm.exc.unicode_decode_error.clone();
    let data = buffer_arg(vm, obj).unwrap_or_default();
    let args = vec![vm.new_str("rawunicodeescape"), new_bytes(vm, data), Value::Int(start as i64), Value::Int(end as i64), vm.new_str(reason)];
    vm.new_exception(&cls, args)
}
