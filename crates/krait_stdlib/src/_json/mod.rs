//! The `_json` module: the native speedups of `json` (scanstring, make_scanner,
//! make_encoder, encode_basestring, encode_basestring_ascii).

mod encoder;
mod scanner;

use crate::util::{new_module, set};
use krait_vm::object::{PyRef, Slots, Value};
use krait_vm::types::methods::method;
use krait_vm::{PyErr, PyResult, Vm};

/// Build the `_json` module.
pub fn make_module(vm: &mut Vm) -> PyRef {
    let (m, d) = new_module(vm, "_json", &[
        method("scanstring", "(string, end, strict=True, /)", scanner::py_scanstring),
        method("encode_basestring_ascii", "(s, /)", |vm, a| escape_fn(vm, &a[0], escape_ascii)),
        method("encode_basestring", "(s, /)", |vm, a| escape_fn(vm, &a[0], escape_unicode)),
    ]);
    let slots = Slots { new: Some(scanner::scanner_new), call: Some(scanner::scanner_call), ..Slots::default() };
    let t = crate::util::new_type(vm, "_json", "_json.Scanner", None, slots, 0, &[]);
    set(vm, &d, "make_scanner", Value::Obj(t));
    let slots = Slots { new: Some(encoder::encoder_new), call: Some(encoder::encoder_call), ..Slots::default() };
    let t = crate::util::new_type(vm, "_json", "_json.Encoder", None, slots, 0, &[]);
    set(vm, &d, "make_encoder", Value::Obj(t));
    m
}

/// json.decoder.JSONDecodeError(msg, doc, pos)
fn decode_error(vm: &mut Vm, msg: &str, doc: &Value, pos: usize) -> PyErr {
    let cls = match krait_vm::import::import_absolute(vm, "json.decoder").and_then(|m| vm.get_attr_str(&Value::Obj(m), "JSONDecodeError")) {
        Ok(c) => c,
        Err(e) => return e,
    };
    let m = vm.new_str(msg);
    match vm.call_positional(&cls, &[m, doc.clone(), Value::Int(pos as i64)]) {
        Ok(Value::Obj(e)) => PyErr(e),
        Ok(_) => vm.new_system_error("JSONDecodeError is not an exception"),
        Err(e) => e,
    }
}

fn escape_fn(vm: &mut Vm, v: &Value, f: fn(&mut String, &str)) -> PyResult<Value> {
    let Some(s) = v.as_obj().and_then(|o| o.as_str()) else {
        let n = vm.type_name(v);
        return Err(vm.new_type_error(format!("first argument must be a string, not {n}")));
    };
    let mut out = String::with_capacity(s.as_str().len() + 2);
    f(&mut out, s.as_str());
    Ok(vm.new_str(&out))
}

/// The short escape of `c`, if JSON has one.
fn short_escape(c: char) -> Option<&'static str> {
    Some(match c {
        '"' => "\\\"",
        '\\' => "\\\\",
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        '\u{8}' => "\\b",
        '\u{c}' => "\\f",
        _ => return None,
    })
}

/// ascii_escape_unicode: `s` quoted, with every non-printable-ASCII character as \uXXXX
/// (UTF-16 surrogate pairs above the BMP).
fn escape_ascii(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        if let Some(e) = short_escape(c) {
            out.push_str(e);
        } else if (' '..='~').contains(&c) {
            out.push(c);
        } else if krait_bytecode::surrogate::is_surrogate(c) {
            out.push_str(&format!("\\u{:04x}", krait_bytecode::surrogate::code_point(c)));
        } else {
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{u:04x}"));
            }
        }
    }
    out.push('"');
}

/// escape_unicode: `s` quoted, escaping only quotes, backslashes and control characters.
fn escape_unicode(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        if let Some(e) = short_escape(c) {
            out.push_str(e);
        } else if (c as u32) < 0x20 {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out.push('"');
}
