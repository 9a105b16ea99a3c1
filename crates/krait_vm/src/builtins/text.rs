//! Builtin functions about text: repr, ascii, chr, ord, format.

use crate::object::{Payload, Value};
use crate::types::methods::{method, MethodDef};
use crate::vm::{PyResult, Vm};

pub const FUNCTIONS: &[MethodDef] = &[
    method("repr", "(obj, /)", repr),
    method("ascii", "(obj, /)", ascii),
    method("chr", "(i, /)", chr),
    method("ord", "(c, /)", ord),
    method("format", "(value, format_spec='', /)", format),
];

fn repr(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    Ok(Value::Obj(vm.repr(&a[0])?))
}

/// ascii(obj): repr with non-ASCII characters escaped.
fn ascii(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    Ok(Value::Obj(vm.ascii(&a[0])?))
}

/// chr(i): the one-character string for code point `i`.
fn chr(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let v = &a[0];
    if let Value::Float(_) = v {
        return Err(vm.new_type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = crate::types::int::index_of(vm, v)?;
    let cp: i64 = match i64::try_from(&n) {
        Ok(i) => i,
        Err(_) => return Err(vm.new_overflow_error("Python int too large to convert to C int")),
    };
    if !(0..=0x10ffff).contains(&cp) {
        if i32::try_from(cp).is_err() {
            return Err(vm.new_overflow_error(if cp < 0 { "signed integer is less than minimum" } else { "signed integer is greater than maximum" }));
        }
        return Err(vm.new_value_error("chr() arg not in range(0x110000)"));
    }
    let c = crate::types::str::char_of(vm, cp as u32)?;
    let mut buf = [0u8; 4];
    Ok(vm.new_str(c.encode_utf8(&mut buf)))
}

/// ord(c): the code point of a one-character str, or the value of a one-byte bytes.
fn ord(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let v = &a[0];
    let (kind, len, value) = match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Str(s)) => {
            let mut chars = s.as_str().chars();
            ("string", s.char_len(), chars.next().map(|c| i64::from(krait_bytecode::surrogate::code_point(c))))
        }
        Some(Payload::Bytes(b)) => ("bytes", b.len(), b.first().map(|&x| x as i64)),
        Some(Payload::ByteArray(b)) => {
            let b = b.borrow();
            ("bytearray", b.len(), b.first().map(|&x| x as i64))
        }
        _ => {
            let n = vm.type_name(v);
            return Err(vm.new_type_error(format!("ord() expected string of length 1, but {n} found")));
        }
    };
    match (len, value) {
        (1, Some(x)) => Ok(Value::Int(x)),
        _ if kind == "string" => Err(vm.new_type_error(format!("ord() expected a character, but string of length {len} found"))),
        _ => Err(vm.new_type_error(format!("ord() expected a character, but {kind} of length {len} found"))),
    }
}

/// format(value, spec): `type(value).__format__(value, spec)`, which must return a str.
fn format(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    if a[1].as_obj().and_then(|o| o.as_str()).is_none() {
        let n = vm.type_name(&a[1]);
        return Err(vm.new_type_error(format!("format() argument 2 must be str, not {n}")));
    }
    vm.format(&a[0], &a[1]).map(Value::Obj)
}
