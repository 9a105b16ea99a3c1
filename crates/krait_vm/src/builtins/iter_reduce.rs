//! Pickling support of the builtins' lazy iterators: `__reduce__` of enumerate, zip, map,
//! filter, reversed and callable_iterator, `__setstate__` of zip and reversed, and
//! reversed's `__length_hint__` (CPython's enum_reduce, zip_reduce, map_reduce,
//! filter_reduce, reversed_reduce, calliter_reduce, ...).

use super::iter_types::{state, IterState};
use crate::object::Value;
use crate::types::callable_reduce::builtin;
use crate::types::methods::{method, MethodDef};
use crate::vm::{PyResult, Vm};

const REDUCE: MethodDef = method("__reduce__", "(self, /)", reduce);
const ONLY_REDUCE: &[MethodDef] = &[REDUCE];
const ZIP: &[MethodDef] = &[REDUCE, method("__setstate__", "(self, state, /)", zip_setstate)];
const REVERSED: &[MethodDef] =
    &[REDUCE, method("__setstate__", "(self, state, /)", reversed_setstate), method("__length_hint__", "(self, /)", reversed_len)];

/// The methods of the iterator type `name`.
pub fn methods_for(name: &str) -> &'static [MethodDef] {
    match name {
        "zip" => ZIP,
        "reversed" => REVERSED,
        _ => ONLY_REDUCE,
    }
}

fn reduce(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let Some(cell) = state(&a[0]) else { return Ok(Value::None) };
    let cls = Value::Obj(vm.type_of(&a[0]));
    enum Parts {
        Args(Vec<Value>),
        WithState(Vec<Value>, Value),
        Iter(Vec<Value>),
    }
    let parts = match &*cell.borrow() {
        IterState::Enumerate { it, count } => Parts::Args(vec![it.clone(), count.clone()]),
        IterState::Zip { its, strict: true } => Parts::WithState(its.clone(), Value::Bool(true)),
        IterState::Zip { its, strict: false } => Parts::Args(its.clone()),
        IterState::Map { func, its } => Parts::Args(std::iter::once(func.clone()).chain(its.iter().cloned()).collect()),
        IterState::Filter { func, it } => Parts::Args(vec![func.clone(), it.clone()]),
        IterState::Reversed { seq, index } if *index >= 0 && !seq.is_null() => Parts::WithState(vec![seq.clone()], Value::Int(*index)),
        IterState::Reversed { .. } => Parts::Args(vec![Value::Null]),
        IterState::Callable { func, sentinel } if !func.is_null() => Parts::Iter(vec![func.clone(), sentinel.clone()]),
        IterState::Callable { .. } => Parts::Iter(vec![Value::Null]),
    };
    // A Null argument stands for an empty tuple (an exhausted iterator).
    let fix = |vm: &mut Vm, v: Vec<Value>| {
        let v: Vec<Value> = v.into_iter().map(|x| if x.is_null() { vm.new_tuple(vec![]) } else { x }).collect();
        vm.new_tuple(v)
    };
    Ok(match parts {
        Parts::Args(v) => {
            let args = fix(vm, v);
            vm.new_tuple(vec![cls, args])
        }
        Parts::WithState(v, st) => {
            let args = fix(vm, v);
            vm.new_tuple(vec![cls, args, st])
        }
        Parts::Iter(v) => {
            let iter = builtin(vm, "iter")?;
            let args = fix(vm, v);
            vm.new_tuple(vec![iter, args])
        }
    })
}

// zip_setstate
fn zip_setstate(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let flag = vm.is_true(&a[1])?;
    if let Some(cell) = state(&a[0]) {
        if let IterState::Zip { strict, .. } = &mut *cell.borrow_mut() {
            *strict = flag;
        }
    }
    Ok(Value::None)
}

// reversed_setstate: the index is clamped to the sequence.
fn reversed_setstate(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let i = crate::types::int::index_of(vm, &a[1])?;
    let i = num_traits::ToPrimitive::to_i64(&i).unwrap_or(if i.sign() == num_bigint::Sign::Minus { i64::MIN } else { i64::MAX });
    let Some(cell) = state(&a[0]) else { return Ok(Value::None) };
    let seq = match &*cell.borrow() {
        IterState::Reversed { seq, index } if *index >= 0 && !seq.is_null() => seq.clone(),
        _ => return Ok(Value::None),
    };
    let n = vm.len(&seq)? as i64;
    if let IterState::Reversed { index, .. } = &mut *cell.borrow_mut() {
        *index = i.clamp(-1, n - 1);
    }
    Ok(Value::None)
}

// reversed_len
fn reversed_len(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let Some(cell) = state(&a[0]) else { return Ok(Value::Int(0)) };
    let (seq, index) = match &*cell.borrow() {
        IterState::Reversed { seq, index } => (seq.clone(), *index),
        _ => return Ok(Value::Int(0)),
    };
    if index < 0 || seq.is_null() {
        return Ok(Value::Int(0));
    }
    let n = vm.len(&seq)? as i64;
    Ok(Value::Int(if n < index + 1 { 0 } else { index + 1 }))
}
