//! `bytes_iterator` and `bytearray_iterator`: iteration by position, yielding ints.

use super::{is_bytearray, with_data};
use crate::object::{Payload, Value};
use crate::vm::{PyResult, Vm};
use std::cell::{Cell, RefCell};

/// An iterator's state; `seq` becomes Null once exhausted.
struct BytesIter {
    seq: RefCell<Value>,
    pos: Cell<usize>,
}

/// Give the iterator types (made with the VM, see `IterTypes`) their `__length_hint__`.
pub fn init(vm: &mut Vm) {
    let (b, ba) = (vm.iter_types.bytes.clone(), vm.iter_types.bytearray.clone());
    vm.add_methods(&b, "bytes_iterator", &[crate::types::methods::method("__length_hint__", "(self, /)", length_hint)]);
    vm.add_methods(&ba, "bytearray_iterator", &[crate::types::methods::method("__length_hint__", "(self, /)", length_hint)]);
}

/// The iter slot of bytes and bytearray.
pub fn iter_slot(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let ty = if is_bytearray(v) { vm.iter_types.bytearray.clone() } else { vm.iter_types.bytes.clone() };
    let state = BytesIter { seq: RefCell::new(v.clone()), pos: Cell::new(0) };
    Ok(vm.wrap(Payload::Native(Box::new(state)), &ty))
}

/// The next slot of both iterator types.
pub fn next(_vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
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
