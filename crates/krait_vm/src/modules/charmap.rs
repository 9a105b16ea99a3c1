//! The charmap codec functions of `_codecs` (`charmap_decode`, `charmap_encode`,
//! `charmap_build`) that the table-driven codecs in `encodings` (cp437, cp1252, …) use.

use krait_bytecode::surrogate::code_point;
use super::codecs::errors_arg;
use super::util::str_arg;
use crate::object::Value;
use crate::types::bytes::{buffer_arg, new_bytes};
use crate::vm::{PyResult, Vm};

/// UnicodeDecodeError / UnicodeEncodeError for the unmapped run `start..end`.
fn undefined(vm: &mut Vm, decoding: bool, obj: Value, start: usize, end: usize) -> crate::vm::PyErr {
    let cls = if decoding { vm.exc.unicode_decode_error.clone() } else { vm.exc.unicode_encode_error.clone() };
    let args = vec![vm.new_str("charmap"), obj, Value::Int(start as i64), Value::Int(end as i64), vm.new_str("character maps to <undefined>")];
    vm.new_exception(&cls, args)
}

/// The character `mapping` gives for byte `b`: a str table (U+FFFE: undefined) or a
/// mapping to str, int or None. None when undefined.
fn decode_one(vm: &mut Vm, mapping: &Value, table: Option<&[char]>, b: u8) -> PyResult<Option<String>> {
    if let Some(t) = table {
        return Ok(t.get(b as usize).filter(|&&c| c != '\u{fffe}').map(|c| c.to_string()));
    }
    let v = match vm.get_item(mapping, &Value::Int(i64::from(b))) {
        Ok(v) => v,
        Err(e) if vm.is_subtype(&e.0.class(), &vm.exc.lookup_error.clone()) => return Ok(None),
        Err(e) => return Err(e),
    };
    if v.is_none() {
        return Ok(None);
    }
    if let Some(s) = v.as_obj().and_then(|o| o.as_str()) {
        let s = s.as_str();
        return Ok(if s == "\u{fffe}" { None } else { Some(s.to_string()) });
    }
    match v {
        Value::Int(n) => match u32::try_from(n).ok().filter(|&c| c < 0x110000) {
            Some(c) => Ok(Some(crate::types::str::char_of(vm, c)?.to_string())),
            None => Err(vm.new_type_error("character mapping must be in range(0x110000)")),
        },
        _ => Err(vm.new_type_error("character mapping must return integer, None or str")),
    }
}

/// charmap_decode(data, errors=None, mapping=None) → (str, consumed)
pub fn charmap_decode(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let data = buffer_arg(vm, &a[0])?;
    let errors = errors_arg(vm, &a[1])?;
    let mapping = &a[2];
    if mapping.is_none() || mapping.is_null() {
        let s: String = data.iter().map(|&b| b as char).collect();
        let s = vm.new_str(&s);
        return Ok(vm.new_tuple(vec![s, Value::Int(data.len() as i64)]));
    }
    let table: Option<Vec<char>> = mapping.as_obj().and_then(|o| o.as_str()).map(|s| s.as_str().chars().collect());
    let mut out = String::with_capacity(data.len());
    for (i, &b) in data.iter().enumerate() {
        match decode_one(vm, mapping, table.as_deref(), b)? {
            Some(s) => out.push_str(&s),
            None => match errors.as_str() {
                "ignore" => {}
                "replace" => out.push('\u{fffd}'),
                "backslashreplace" => out.push_str(&format!("\\x{b:02x}")),
                _ => {
                    let obj = new_bytes(vm, data.clone());
                    return Err(undefined(vm, true, obj, i, i + 1));
                }
            },
        }
    }
    let s = vm.new_str(&out);
    Ok(vm.new_tuple(vec![s, Value::Int(data.len() as i64)]))
}

/// The bytes `mapping` gives for `c` (a dict of code point → int, bytes or None).
fn encode_one(vm: &mut Vm, mapping: &Value, c: char) -> PyResult<Option<Vec<u8>>> {
    let v = match vm.get_item(mapping, &Value::Int(i64::from(code_point(c)))) {
        Ok(v) => v,
        Err(e) if vm.is_subtype(&e.0.class(), &vm.exc.lookup_error.clone()) => return Ok(None),
        Err(e) => return Err(e),
    };
    match v {
        Value::None => Ok(None),
        Value::Int(n) => match u8::try_from(n) {
            Ok(b) => Ok(Some(vec![b])),
            Err(_) => Err(vm.new_type_error("character mapping must be in range(256)")),
        },
        _ => match crate::types::bytes::buffer(&v) {
            Some(b) => Ok(Some(b)),
            None => Err(vm.new_type_error("character mapping must return integer, bytes or None, not str")),
        },
    }
}

/// The bytes for `c` under `mapping` (None: latin-1).
fn map_char(vm: &mut Vm, mapping: &Value, c: char) -> PyResult<Option<Vec<u8>>> {
    if mapping.is_none() || mapping.is_null() {
        return Ok(u8::try_from(c as u32).ok().map(|b| vec![b]));
    }
    encode_one(vm, mapping, c)
}

/// UnicodeEncodeError for the run of unmappable characters starting at `start`.
fn unencodable(vm: &mut Vm, mapping: &Value, text: &str, chars: &[char], start: usize) -> crate::vm::PyErr {
    let mut end = start + 1;
    while end < chars.len() && matches!(map_char(vm, mapping, chars[end]), Ok(None)) {
        end += 1;
    }
    let obj = vm.new_str(text);
    undefined(vm, false, obj, start, end)
}

/// charmap_encode(str, errors=None, mapping=None) → (bytes, consumed)
pub fn charmap_encode(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let text = str_arg(vm, &a[0], "argument 1")?;
    let errors = errors_arg(vm, &a[1])?;
    let mapping = &a[2];
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let bytes = map_char(vm, mapping, c)?;
        match bytes {
            Some(b) => out.extend_from_slice(&b),
            None => match errors.as_str() {
                "ignore" => {}
                "replace" => match map_char(vm, mapping, '?')? {
                    Some(b) => out.extend_from_slice(&b),
                    None => return Err(unencodable(vm, mapping, &text, &chars, i)),
                },
                _ => return Err(unencodable(vm, mapping, &text, &chars, i)),
            },
        }
    }
    let n = text.chars().count();
    let b = new_bytes(vm, out);
    Ok(vm.new_tuple(vec![b, Value::Int(n as i64)]))
}

/// charmap_build(decoding_table) → the encoding map (a dict code point → byte; CPython
/// builds an opaque EncodingMap with the same lookups).
pub fn charmap_build(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let table = str_arg(vm, &a[0], "charmap_build() argument")?;
    let d = vm.new_dict();
    for (i, c) in table.chars().enumerate().take(256) {
        if c != '\u{fffe}' {
            vm.set_item(&d, &Value::Int(i64::from(code_point(c))), Value::Int(i as i64))?;
        }
    }
    Ok(d)
}
