//! Conversions to and from int: the `int(x, base)` constructor (long_new), and int →
//! float (PyLong_AsDouble).

use super::{int_arg, IntArg};
use crate::object::{Args, Payload, PyRef, Value};
use crate::types::native::{bind, Signature};
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_traits::FromPrimitive;

/// int → float, OverflowError when too large.
pub fn int_to_f64(vm: &mut Vm, v: IntArg<'_>) -> PyResult<f64> {
    match v {
        IntArg::Small(i) => Ok(i as f64),
        IntArg::Big(b) => krait_format::int_to_f64(b).map_err(|e| vm.format_error(e)),
    }
}

/// int's `new` slot: `int()`, `int(x)`, `int(x, base)` (long_new_impl).
pub(super) fn int_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    let sig = Signature::cached("(x=?, /, base=?)");
    let bound = bind(vm, &sig, "int", args)?;
    let (x, base) = (bound.as_slice()[0].clone(), bound.as_slice()[1].clone());
    let v = int_new_from(vm, &x, &base)?;
    if cls.is(&vm.types.int) {
        return Ok(v);
    }
    let b = super::bigint_of(&v).unwrap_or_default();
    Ok(vm.wrap(Payload::Int(b), cls))
}

/// The exact int for `int(x)` / `int(x, base)`; `Null` for omitted arguments.
pub fn int_new_from(vm: &mut Vm, x: &Value, base: &Value) -> PyResult<Value> {
    if x.is_null() {
        if !base.is_null() {
            return Err(vm.new_type_error("int() missing string argument"));
        }
        return Ok(Value::Int(0));
    }
    if !base.is_null() {
        let b = match int_arg(base) {
            Some(IntArg::Small(b)) if b == 0 || (2..=36).contains(&b) => b as u32,
            Some(_) => return Err(vm.new_value_error("int() base must be >= 2 and <= 36, or 0")),
            None => {
                let n = vm.type_name(base);
                return Err(vm.new_type_error(format!("'{n}' object cannot be interpreted as an integer")));
            }
        };
        return match text_of(x) {
            Some(t) => from_text(vm, x, &t, b),
            None => Err(vm.new_type_error("int() can't convert non-string with explicit base")),
        };
    }
    if let Some(a) = int_arg(x) {
        return Ok(match a {
            IntArg::Small(i) => Value::Int(i),
            IntArg::Big(b) => {
                let b = b.clone();
                vm.new_bigint(b)
            }
        });
    }
    if let Some(f) = crate::types::float::float_arg(x) {
        return float_to_int(vm, f);
    }
    if let Some(t) = text_of(x) {
        return from_text(vm, x, &t, 10);
    }
    let ty = vm.type_of(x);
    let slots = ty.as_type().map(|t| t.slots()).unwrap_or_default();
    for (slot, name) in [(slots.int, "__int__"), (slots.index, "__index__")] {
        if let Some(f) = slot {
            let r = f(vm, x)?;
            if vm.is_not_implemented(&r) {
                continue;
            }
            return exact_int_result(vm, r, name);
        }
    }
    let trunc = vm.intern("__trunc__");
    if let Some(m) = vm.lookup_type_attr(&ty, &trunc) {
        let r = vm.call_positional(&m, std::slice::from_ref(x))?;
        if int_arg(&r).is_some() {
            return int_new_from(vm, &r, &Value::Null);
        }
        let slot = vm.type_of(&r).as_type().and_then(|t| t.slots().index);
        return match slot {
            Some(f) => {
                let v = f(vm, &r)?;
                exact_int_result(vm, v, "__index__")
            }
            None => {
                let n = vm.type_name(&r);
                Err(vm.new_type_error(format!("__trunc__ returned non-Integral (type {n})")))
            }
        };
    }
    // Any other buffer (memoryview): its bytes, parsed as bytes are.
    if let Some(b) = crate::types::bytes::buffer(x) {
        let bytes = crate::types::bytes::new_bytes(vm, b);
        if let Some(t) = text_of(&bytes) {
            return from_text(vm, &bytes, &t, 10);
        }
    }
    let n = vm.type_name(x);
    Err(vm.new_type_error(format!("int() argument must be a string, a bytes-like object or a real number, not '{n}'")))
}

/// Check that `__int__`/`__index__` returned an int; return it as an exact int.
fn exact_int_result(vm: &mut Vm, r: Value, name: &str) -> PyResult<Value> {
    match super::bigint_of(&r) {
        Some(b) => Ok(vm.new_bigint(b)),
        None => {
            let n = vm.type_name(&r);
            Err(vm.new_type_error(format!("{name} returned non-int (type {n})")))
        }
    }
}

/// `int(f)`: truncation toward zero (PyLong_FromDouble).
pub fn float_to_int(vm: &mut Vm, f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(vm.new_value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(vm.new_overflow_error("cannot convert float infinity to integer"));
    }
    let t = f.trunc();
    if (i64::MIN as f64..-(i64::MIN as f64)).contains(&t) {
        return Ok(Value::Int(t as i64));
    }
    let b = BigInt::from_f64(t).unwrap_or_default();
    Ok(vm.new_bigint(b))
}

/// The text of a str, bytes or bytearray argument.
fn text_of(x: &Value) -> Option<String> {
    let o = x.as_obj()?;
    match &o.payload {
        Payload::Str(s) => Some(s.as_str().to_string()),
        Payload::Bytes(b) => Some(String::from_utf8_lossy(b).into_owned()),
        Payload::ByteArray(b) => Some(String::from_utf8_lossy(&b.borrow()).into_owned()),
        _ => None,
    }
}

fn from_text(vm: &mut Vm, x: &Value, text: &str, base: u32) -> PyResult<Value> {
    match krait_format::parse_int(text, base, vm.int_max_str_digits) {
        Ok(Some(v)) => Ok(vm.new_bigint(v)),
        Err(e) => Err(vm.format_error(e)),
        Ok(None) => {
            let r = vm.repr(x)?;
            // CPython's "%.200R".
            let shown: String = r.as_str().map(|s| s.as_str().chars().take(200).collect()).unwrap_or_default();
            Err(vm.new_value_error(format!("invalid literal for int() with base {base}: {shown}")))
        }
    }
}

/// PyNumber_Index: an int, or the result of `__index__`, as a BigInt.
pub fn index_of(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    if let Some(b) = super::bigint_of(v) {
        return Ok(b);
    }
    let slot = vm.type_of(v).as_type().and_then(|t| t.slots().index);
    if let Some(f) = slot {
        let r = f(vm, v)?;
        if let Some(b) = super::bigint_of(&r) {
            return Ok(b);
        }
        let n = vm.type_name(&r);
        return Err(vm.new_type_error(format!("__index__ returned non-int (type {n})")));
    }
    let n = vm.type_name(v);
    Err(vm.new_type_error(format!("'{n}' object cannot be interpreted as an integer")))
}
