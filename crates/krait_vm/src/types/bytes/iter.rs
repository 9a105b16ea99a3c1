//! `bytes_iterator` and `bytearray_iterator`: iteration by position, yielding ints.

use super::{is_bytearray, with_data};
use crate::object::{Payload, PyRef, Slots, Value};
use crate::vm::{PyResult, Vm};
use std::cell::{Cell, RefCell};

/// An iterator's state; `seq` becomes Null once exhausted.
struct BytesIter {
    seq: RefCell<Value>,
    pos: Cell<usize>,
}

thread_local! {
    /// The two iterator types, made on first use. The VM has no registry field for them,
    /// and an OS thread started by `_thread` makes its own (same name, same behaviour).
    static ITER_TYPES: RefCell<Option<(PyRef, PyRef)>> = const { RefCell::new(None) };
}

fn iter_types(vm: &mut Vm) -> (PyRef, PyRef) {
    if let Some(t) = ITER_TYPES.with(|t| t.borrow().clone()) {
        return t;
    }
    let slots = Slots { iter: Some(|_, v| Ok(v.clone())), next: Some(next), ..Slots::default() };
    let pair = (vm.new_builtin_type("bytes_iterator", None, slots, 0), vm.new_builtin_type("bytearray_iterator", None, slots, 0));
    vm.add_methods(&pair.0, "bytes_iterator", &[crate::types::methods::method("__length_hint__", "(self, /)", length_hint)]);
    vm.add_methods(&pair.1, "bytearray_iterator", &[crate::types::methods::method("__length_hint__", "(self, /)", length_hint)]);
    ITER_TYPES.with(|t| *t.borrow_mut() = Some(pair.clone()));
    pair
}

/// The iter slot of bytes and bytearray.
pub fn iter_slot(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let (b, ba) = iter_types(vm);
    let ty = if is_bytearray(v) { ba } else { b };
    let state = BytesIter { seq: RefCell::new(v.clone()), pos: Cell::new(0) };
    Ok(vm.wrap(Payload::Native(Box::new(state)), &ty))
}

fn next(_vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(it) = v.as_obj().and_then(|o| o.native::<BytesIter>()) else { return Ok(None) };
    let seq = it.seq.borrow().clone();
    let pos = it.pos.get();
    match with_data(&seq, |d| d.get(pos).copied()).flatten() {
        Some(b) => {
            it.pos.set(pos + 1);
            Ok(Some(Value::Int(b as i64)))
        }
        None => {
            *it.seq.borrow_mut() = Value::Null;
            Ok(None)
        }
    }
}

fn length_hint(_vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let Some(it) = a[0].as_obj().and_then(|o| o.native::<BytesIter>()) else { return Ok(Value::Int(0)) };
    let len = with_data(&it.seq.borrow(), |d| d.len()).unwrap_or(0);
    Ok(Value::Int(len.saturating_sub(it.pos.get()) as i64))
}
