//! The `_operator` module: only `_compare_digest` (what `hmac` and `secrets` need);
//! `operator` keeps its pure-Python definitions of everything else.

use crate::util::{new_module, set};
use krait_vm::object::{PyRef, Value};
use krait_vm::types::methods::method;
use krait_vm::{PyResult, Vm};

/// Build the `_operator` module.
pub fn make_module(vm: &mut Vm) -> PyRef {
    let (m, d) = new_module(vm, "_operator", &[method("_compare_digest", "(a, b, /)", compare_digest)]);
    let doc = vm.new_str("Operator interface.\n\nThis module exports a set of functions implemented in C corresponding\nto the intrinsic operators of Python.  For example, operator.add(x, y)\nis equivalent to the expression x+y.  The function names are those\nused for special methods; variants without leading and trailing\n'__' are also provided for convenience.");
    set(vm, &d, "__doc__", doc);
    m
}

/// _operator__compare_digest_impl: equality of two ASCII strs or two buffers, in time that
/// depends on the length of `b` only.
fn compare_digest(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let text = |v: &Value| v.as_obj().and_then(|o| o.as_str()).map(|s| s.as_str().to_string());
    let (x, y) = match (text(&a[0]), text(&a[1])) {
        (Some(x), Some(y)) => {
            if !x.is_ascii() || !y.is_ascii() {
                return Err(vm.new_type_error("comparing strings with non-ASCII characters is not supported"));
            }
            (x.into_bytes(), y.into_bytes())
        }
        _ => {
            let x = krait_vm::types::bytes::buffer_arg(vm, &a[0])?;
            (x, krait_vm::types::bytes::buffer_arg(vm, &a[1])?)
        }
    };
    // Compare every byte of `y` whatever the lengths, so the time reveals only len(y).
    let mut diff = (x.len() != y.len()) as u8;
    let left = if x.len() == y.len() { &x } else { &y };
    for (p, q) in left.iter().zip(&y) {
        diff |= p ^ q;
    }
    Ok(Value::Bool(diff == 0))
}
