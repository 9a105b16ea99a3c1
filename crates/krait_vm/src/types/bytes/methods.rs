//! bytes/bytearray conversions and predicates: decode, hex, translate, maketrans, and the
//! `is*` tests.

use super::{buffer, data, new_bytes, new_like, with_data};
use crate::object::Value;
use crate::types::methods::{method, MethodDef, MethodKind};
use crate::types::str_methods::convert::str_param;
use crate::types::str_methods::pystr;
use crate::vm::{PyResult, Vm};

pub const METHODS: &[MethodDef] = &[
    method("decode", "(self, /, encoding='utf-8', errors='strict')", decode),
    method("hex", "(self, /, sep=?, bytes_per_sep=1)", hex),
    method("translate", "(self, table, /, delete=?)", translate),
    MethodDef { name: "maketrans", sig: "(frm, to, /)", func: maketrans, kind: MethodKind::StaticMethod },
    method("isascii", "(self, /)", |_, a| test(a, |d| d.is_ascii())),
    method("isalnum", "(self, /)", |_, a| test(a, |d| !d.is_empty() && d.iter().all(u8::is_ascii_alphanumeric))),
    method("isalpha", "(self, /)", |_, a| test(a, |d| !d.is_empty() && d.iter().all(u8::is_ascii_alphabetic))),
    method("isdigit", "(self, /)", |_, a| test(a, |d| !d.is_empty() && d.iter().all(u8::is_ascii_digit))),
    method("isspace", "(self, /)", |_, a| test(a, |d| !d.is_empty() && d.iter().all(|&b| super::split::is_space(b)))),
    method("islower", "(self, /)", |_, a| test(a, |d| d.iter().any(u8::is_ascii_lowercase) && !d.iter().any(u8::is_ascii_uppercase))),
    method("isupper", "(self, /)", |_, a| test(a, |d| d.iter().any(u8::is_ascii_uppercase) && !d.iter().any(u8::is_ascii_lowercase))),
    method("istitle", "(self, /)", |_, a| test(a, istitle)),
];

fn test(a: &[Value], f: impl FnOnce(&[u8]) -> bool) -> PyResult<Value> {
    Ok(Value::Bool(with_data(&a[0], f).unwrap_or(false)))
}

/// bytes.istitle: cased runs start upper and continue lower; at least one cased byte.
fn istitle(d: &[u8]) -> bool {
    let (mut cased, mut prev_cased) = (false, false);
    for &b in d {
        if b.is_ascii_uppercase() {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if b.is_ascii_lowercase() {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

fn decode(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let enc = str_param(vm, &a[1], "decode", "encoding")?;
    let errors = str_param(vm, &a[2], "decode", "errors")?;
    let s = super::codec::decode(vm, &data(&a[0]), &enc, &errors)?;
    Ok(vm.new_str(&s))
}

/// `d` as hex digits, with `sep` between groups of `per_sep` bytes counted from the right
/// (from the left when negative) (_Py_strhex_impl).
pub fn to_hex(d: &[u8], sep: Option<char>, per_sep: i64) -> String {
    let mut out = String::with_capacity(d.len() * 3);
    let group = per_sep.unsigned_abs() as usize;
    for (i, b) in d.iter().enumerate() {
        if let Some(s) = sep.filter(|_| group > 0 && i > 0) {
            let boundary = if per_sep > 0 { (d.len() - i).is_multiple_of(group) } else { i.is_multiple_of(group) };
            if boundary {
                out.push(s);
            }
        }
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// The `sep` argument of hex(): one ASCII character given as str or bytes.
pub fn hex_sep(vm: &mut Vm, v: &Value) -> PyResult<Option<char>> {
    if v.is_null() {
        return Ok(None);
    }
    let chars: Vec<char> = match (pystr(v), buffer(v)) {
        (Some(s), _) => s.as_str().chars().collect(),
        (None, Some(b)) => b.iter().map(|&c| c as char).collect(),
        _ => {
            let n = vm.type_name(v);
            return Err(vm.new_type_error(format!("object of type '{n}' has no len()")));
        }
    };
    if chars.len() != 1 {
        return Err(vm.new_value_error("sep must be length 1."));
    }
    if !chars[0].is_ascii() {
        return Err(vm.new_value_error("sep must be ASCII."));
    }
    Ok(Some(chars[0]))
}

fn hex(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let sep = hex_sep(vm, &a[1])?;
    let per = match crate::types::int::int_arg(&a[2]) {
        Some(crate::types::int::IntArg::Small(i)) => i,
        _ => {
            let n = vm.type_name(&a[2]);
            return Err(vm.new_type_error(format!("'{n}' object cannot be interpreted as an integer")));
        }
    };
    Ok(vm.new_str(&to_hex(&data(&a[0]), sep, per)))
}

fn translate(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let table = if a[1].is_none() {
        None
    } else {
        let t = super::buffer_arg(vm, &a[1])?;
        if t.len() != 256 {
            return Err(vm.new_value_error("translation table must be 256 characters long"));
        }
        Some(t)
    };
    let delete = if a[2].is_null() { Vec::new() } else { super::buffer_arg(vm, &a[2])? };
    let out: Vec<u8> = data(&a[0]).into_iter().filter(|b| !delete.contains(b)).map(|b| table.as_ref().map_or(b, |t| t[b as usize])).collect();
    Ok(new_like(vm, &a[0], out))
}

fn maketrans(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let frm = super::buffer_arg(vm, &a[0])?;
    let to = super::buffer_arg(vm, &a[1])?;
    if frm.len() != to.len() {
        return Err(vm.new_value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (f, t) in frm.iter().zip(&to) {
        table[*f as usize] = *t;
    }
    Ok(new_bytes(vm, table))
}
