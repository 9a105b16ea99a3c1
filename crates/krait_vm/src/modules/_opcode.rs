//! The `_opcode` module: `stack_effect` (from `krait_bytecode`'s table) and
//! `get_specialization_stats` (krait collects none, as a CPython built without stats).

use crate::object::{PyRef, Value};
use crate::types::methods::{method, MethodDef};
use crate::vm::{PyResult, Vm};
use krait_bytecode::stack_effect::{stack_effect as effect_of, StackEffectError};
use krait_bytecode::HAVE_ARGUMENT;

const FUNCTIONS: &[MethodDef] = &[
    method("stack_effect", "(opcode, oparg=None, /, *, jump=None)", stack_effect),
    method("get_specialization_stats", "()", |_, _| Ok(Value::None)),
];

/// Build the `_opcode` module.
pub fn make_module(vm: &mut Vm) -> PyRef {
    let m = vm.new_module("_opcode");
    for d in FUNCTIONS {
        let f = vm.new_native_function(d.name, "_opcode", d.sig, d.func, Value::Null, false);
        if let Some(dict) = vm.module_dict(&m) {
            let key = Value::Obj(vm.intern(d.name));
            // Interned str keys never run Python code: this cannot fail.
            let _ = vm.dict_set_item(&dict, key, Value::Obj(f));
        }
    }
    m
}

/// A C `int` argument (`_PyLong_AsInt`).
fn c_int(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    if let Value::Float(_) = v {
        return Err(vm.new_type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = crate::types::int::index_of(vm, v)?;
    i32::try_from(&n).map_err(|_| vm.new_overflow_error("Python int too large to convert to C int"))
}

/// `_opcode.stack_effect(opcode, oparg=None, /, *, jump=None)` (`_opcode_stack_effect_impl`).
fn stack_effect(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let opcode = c_int(vm, &a[0])?;
    let oparg = if opcode >= i32::from(HAVE_ARGUMENT) {
        if a[1].is_none() {
            return Err(vm.new_value_error(StackEffectError::OpargRequired.message()));
        }
        Some(c_int(vm, &a[1])?)
    } else if !a[1].is_none() {
        return Err(vm.new_value_error(StackEffectError::OpargNotPermitted.message()));
    } else {
        None
    };
    let jump = match a[2] {
        Value::None => None,
        Value::Bool(b) => Some(b),
        _ => return Err(vm.new_value_error("stack_effect: jump must be False, True or None")),
    };
    match effect_of(opcode, oparg, jump) {
        Ok(e) => Ok(Value::Int(e.into())),
        Err(e) => Err(vm.new_value_error(e.message())),
    }
}
