//! The lazy iterator types of builtins: enumerate, zip, map, filter, reversed, and
//! callable_iterator (`iter(f, sentinel)`). Each is a type with iter/next slots.

use super::{err_matches, set_vm_type, vm_type};
use crate::object::{Args, Payload, PyObject, PyRef, Slots, TypeFlags, Value};
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;

/// The state of one builtin iterator object.
pub(super) enum IterState {
    /// `count` is the next index (an int value, growing past i64 if needed).
    Enumerate { it: Value, count: Value },
    Zip { its: Vec<Value>, strict: bool },
    Map { func: Value, its: Vec<Value> },
    /// `func` None means truth testing.
    Filter { func: Value, it: Value },
    /// `index` counts down; -1 once exhausted.
    Reversed { seq: Value, index: i64 },
    /// `func` Null once exhausted.
    Callable { func: Value, sentinel: Value },
}

pub(super) type Cell = RefCell<IterState>;

/// Create the types; returns them with their builtins names.
pub fn init(vm: &mut Vm) -> Vec<(&'static str, PyRef)> {
    let defs: [(&'static str, crate::object::NewFn); 5] =
        [("enumerate", enumerate_new), ("zip", zip_new), ("map", map_new), ("filter", filter_new), ("reversed", reversed_new)];
    let mut out = Vec::new();
    for (name, new) in defs {
        let slots = Slots { new: Some(new), init: Some(|_, _, _| Ok(())), iter: Some(iter_self), next: Some(next), ..Slots::default() };
        let t = vm.new_builtin_type(name, None, slots, TypeFlags::BASETYPE);
        vm.add_methods(&t, name, super::iter_reduce::methods_for(name));
        out.push((name, t));
    }
    let slots = Slots { iter: Some(iter_self), next: Some(next), ..Slots::default() };
    let ci = vm.new_builtin_type("callable_iterator", None, slots, 0);
    vm.add_methods(&ci, "callable_iterator", super::iter_reduce::methods_for("callable_iterator"));
    set_vm_type(vm, "callable_iterator", ci);
    out
}

/// `iter(func, sentinel)`.
pub fn new_callable_iterator(vm: &mut Vm, func: Value, sentinel: Value) -> Value {
    let ty = vm_type(vm, "callable_iterator").unwrap_or_else(|| vm.types.object.clone());
    make(&ty, IterState::Callable { func, sentinel })
}

fn make(cls: &PyRef, state: IterState) -> Value {
    let cell: Cell = RefCell::new(state);
    Value::Obj(PyRef::new(PyObject::new(cls.clone(), Payload::Native(Box::new(cell)))))
}

fn iter_self(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

fn parse(vm: &mut Vm, sig: &'static str, name: &str, args: Args<'_>) -> PyResult<Vec<Value>> {
    crate::types::native::bind_static(vm, sig, name, args)
}

/// enumerate(iterable, start=0)
fn enumerate_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    let a = parse(vm, "(iterable, start=0)", "enumerate", args)?;
    let it = vm.iter(&a[0])?;
    let count = match &a[1] {
        Value::Int(_) => a[1].clone(),
        other => {
            let b = crate::types::int::index_of(vm, other)?;
            vm.new_bigint(b)
        }
    };
    Ok(make(cls, IterState::Enumerate { it, count }))
}

/// zip(*iterables, strict=False)
fn zip_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    let a = parse(vm, "(*iterables, strict=False)", "zip", args)?;
    let mut its = Vec::new();
    for v in super::tuple_items(&a[0]).to_vec() {
        its.push(vm.iter(&v)?);
    }
    let strict = vm.is_true(&a[1])?;
    Ok(make(cls, IterState::Zip { its, strict }))
}

/// map(func, *iterables)
fn map_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    if !args.kwnames.is_empty() {
        return Err(vm.new_type_error("map() takes no keyword arguments"));
    }
    let pos = args.pos();
    if pos.len() < 2 {
        return Err(vm.new_type_error("map() must have at least two arguments."));
    }
    let mut its = Vec::new();
    for v in &pos[1..] {
        its.push(vm.iter(v)?);
    }
    Ok(make(cls, IterState::Map { func: pos[0].clone(), its }))
}

/// filter(function or None, iterable)
fn filter_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    let a = parse(vm, "(function, iterable, /)", "filter", args)?;
    let it = vm.iter(&a[1])?;
    Ok(make(cls, IterState::Filter { func: a[0].clone(), it }))
}

/// reversed(sequence): `__reversed__` if the type has one, else the sequence protocol.
fn reversed_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    let a = parse(vm, "(sequence, /)", "reversed", args)?;
    let seq = a[0].clone();
    let ty = vm.type_of(&seq);
    let name = vm.intern("__reversed__");
    if let Some(attr) = vm.lookup_type_attr(&ty, &name) {
        if attr.is_none() {
            let n = vm.type_name(&seq);
            return Err(vm.new_type_error(format!("'{n}' object is not reversible")));
        }
        return vm.call_unbound(&attr, &seq, &ty, Args::positional(&[]));
    }
    let slots = ty.as_type().map(|t| t.slots()).unwrap_or_default();
    let is_dict = ty.as_type().is_some_and(|t| t.has_flag(TypeFlags::DICT_SUBCLASS));
    let (Some(_), Some(len), false) = (slots.getitem, slots.len, is_dict) else {
        let n = vm.type_name(&seq);
        return Err(vm.new_type_error(format!("'{n}' object is not reversible")));
    };
    let n = len(vm, &seq)?;
    Ok(make(cls, IterState::Reversed { seq, index: n as i64 - 1 }))
}

pub(super) fn state(v: &Value) -> Option<&Cell> {
    v.as_obj().and_then(|o| o.native::<Cell>())
}

/// The next item of any of these iterators; the state is never borrowed while Python
/// code runs.
fn next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(cell) = state(v) else { return Ok(None) };
    enum Step {
        Enumerate(Value, Value),
        Zip(Vec<Value>, bool),
        Map(Value, Vec<Value>),
        Filter(Value, Value),
        Reversed(Value, i64),
        Callable(Value, Value),
    }
    let step = match &*cell.borrow() {
        IterState::Enumerate { it, count } => Step::Enumerate(it.clone(), count.clone()),
        IterState::Zip { its, strict } => Step::Zip(its.clone(), *strict),
        IterState::Map { func, its } => Step::Map(func.clone(), its.clone()),
        IterState::Filter { func, it } => Step::Filter(func.clone(), it.clone()),
        IterState::Reversed { seq, index } => Step::Reversed(seq.clone(), *index),
        IterState::Callable { func, sentinel } => Step::Callable(func.clone(), sentinel.clone()),
    };
    match step {
        Step::Enumerate(it, count) => {
            let Some(item) = vm.next(&it)? else { return Ok(None) };
            let next_count = match count {
                Value::Int(i) if i < i64::MAX => Value::Int(i + 1),
                _ => vm.binary_op(&count, &Value::Int(1), crate::object::BinOp::Add, false)?,
            };
            if let IterState::Enumerate { count: c, .. } = &mut *cell.borrow_mut() {
                *c = next_count;
            }
            Ok(Some(vm.new_tuple(vec![count, item])))
        }
        Step::Zip(its, strict) => zip_next(vm, &its, strict),
        Step::Map(func, its) => {
            let mut args = Vec::with_capacity(its.len());
            for it in &its {
                match vm.next(it)? {
                    Some(x) => args.push(x),
                    None => return Ok(None),
                }
            }
            vm.call_positional(&func, &args).map(Some)
        }
        Step::Filter(func, it) => loop {
            let Some(item) = vm.next(&it)? else { return Ok(None) };
            let keep = if func.is_none() || func.as_obj().is_some_and(|f| f.is(&vm.types.bool)) {
                vm.is_true(&item)?
            } else {
                let r = vm.call_positional(&func, std::slice::from_ref(&item))?;
                vm.is_true(&r)?
            };
            if keep {
                return Ok(Some(item));
            }
        },
        Step::Reversed(seq, index) => {
            if index < 0 {
                return Ok(None);
            }
            let set_index = |i: i64| {
                if let IterState::Reversed { index, .. } = &mut *cell.borrow_mut() {
                    *index = i;
                }
            };
            match vm.get_item(&seq, &Value::Int(index)) {
                Ok(item) => {
                    set_index(index - 1);
                    Ok(Some(item))
                }
                Err(e) if err_matches(vm, &e, &vm.exc.index_error.clone()) || err_matches(vm, &e, &vm.exc.stop_iteration.clone()) => {
                    set_index(-1);
                    Ok(None)
                }
                Err(e) => Err(e),
            }
        }
        Step::Callable(func, sentinel) => {
            if func.is_null() {
                return Ok(None);
            }
            let finish = || {
                if let IterState::Callable { func, sentinel } = &mut *cell.borrow_mut() {
                    *func = Value::Null;
                    *sentinel = Value::Null;
                }
            };
            match vm.call_positional(&func, &[]) {
                Ok(r) => {
                    if vm.eq(&r, &sentinel)? {
                        finish();
                        return Ok(None);
                    }
                    Ok(Some(r))
                }
                Err(e) if err_matches(vm, &e, &vm.exc.stop_iteration.clone()) => {
                    finish();
                    Ok(None)
                }
                Err(e) => Err(e),
            }
        }
    }
}

/// zip_next, with the strict-mode length checks and CPython's messages.
fn zip_next(vm: &mut Vm, its: &[Value], strict: bool) -> PyResult<Option<Value>> {
    if its.is_empty() {
        return Ok(None);
    }
    let mut items = Vec::with_capacity(its.len());
    for (i, it) in its.iter().enumerate() {
        match vm.next(it)? {
            Some(x) => items.push(x),
            None => {
                if !strict {
                    return Ok(None);
                }
                if i > 0 {
                    let plural = if i == 1 { " ".to_string() } else { "s 1-".to_string() };
                    return Err(vm.new_value_error(format!("zip() argument {} is shorter than argument{plural}{i}", i + 1)));
                }
                for (j, other) in its.iter().enumerate().skip(1) {
                    if vm.next(other)?.is_some() {
                        let plural = if j == 1 { " ".to_string() } else { "s 1-".to_string() };
                        return Err(vm.new_value_error(format!("zip() argument {} is longer than argument{plural}{j}", j + 1)));
                    }
                }
                return Ok(None);
            }
        }
    }
    Ok(Some(vm.new_tuple(items)))
}
