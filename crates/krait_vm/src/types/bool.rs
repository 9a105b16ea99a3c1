//! The `bool` type: repr, `& | ^` staying bool, and `bool(x)`.

use crate::object::{Args, BinOp, PyRef, Value};
use crate::types::native::{bind, Signature};
use crate::vm::{PyResult, Vm};

fn bool_arg(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        _ => None,
    }
}

fn bool_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let text = if bool_arg(v) == Some(true) { "True" } else { "False" };
    Ok(vm.new_str(text))
}

/// bool_and / bool_or / bool_xor: bool when both are bools, int arithmetic otherwise.
fn bool_binary(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    if let (Some(x), Some(y)) = (bool_arg(a), bool_arg(b)) {
        match op {
            BinOp::And => return Ok(Value::Bool(x & y)),
            BinOp::Or => return Ok(Value::Bool(x | y)),
            BinOp::Xor => return Ok(Value::Bool(x ^ y)),
            _ => {}
        }
    }
    crate::types::int::int_binary(vm, a, b, op)
}

/// `bool(x=False, /)`.
fn bool_new(vm: &mut Vm, _cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    if !args.kwnames.is_empty() {
        return Err(vm.new_type_error("bool() takes no keyword arguments"));
    }
    if let [x] = args.args {
        return vm.is_true(x).map(Value::Bool);
    }
    let sig = Signature::cached("(x=False, /)");
    let bound = bind(vm, &sig, "bool", args)?;
    vm.is_true(&bound.as_slice()[0]).map(Value::Bool)
}

/// Install bool's slots (the rest is inherited from int).
pub fn init(vm: &mut Vm) {
    let int_slots = vm.types.int.as_type().map(|t| t.slots()).unwrap_or_default();
    let t = vm.types.bool.clone();
    if let Some(ty) = t.as_type() {
        let mut s = int_slots;
        s.repr = Some(bool_repr);
        s.binary = Some(bool_binary);
        s.nb_ops = crate::object::NbOps::numeric(&[BinOp::And, BinOp::Or, BinOp::Xor]);
        s.new = Some(bool_new);
        *ty.slots.borrow_mut() = s;
    }
}
