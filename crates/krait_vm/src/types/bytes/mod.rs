//! The `bytes` and `bytearray` types: shared payload helpers and the slots both have
//! (repr, compare, hash, len, subscript, `in`, iteration, `+`, `*`, `%`); methods live in
//! the submodules by family, bytearray's mutation in `bytearray.rs`.

mod bytearray;
pub mod codec;
mod construct;
mod format;
mod iter;
pub use iter::next as iter_next;
mod memoryview;
mod methods;
mod repr;
mod search;
mod split;
mod transform;

use crate::object::{BinOp, CmpOp, Payload, PyObject, PyRef, Value};
use crate::types::int::{int_arg, IntArg};
use crate::types::seq_common::repeat_count;
use crate::types::slice::{index_exact, normalize, slice_indices, slice_parts};
use crate::vm::{PyErr, PyResult, Vm};
use std::cell::RefCell;

/// Install the slots and methods of bytes, bytearray and memoryview.
pub fn init(vm: &mut Vm) {
    iter::init(vm);
    for t in [vm.types.bytes.clone(), vm.types.bytearray.clone()] {
        let Some(ty) = t.as_type() else { continue };
        let mut s = ty.slots.borrow_mut();
        s.repr = Some(repr::repr_slot);
        s.richcompare = Some(richcompare);
        s.len = Some(|_, v| Ok(with_data(v, |d| d.len()).unwrap_or(0)));
        s.getitem = Some(getitem);
        s.contains = Some(contains);
        s.iter = Some(iter::iter_slot);
        s.binary = Some(binary);
        s.nb_ops = crate::object::NbOps::sequence(true, false);
    }
    if let Some(ty) = vm.types.bytes.as_type() {
        let mut s = ty.slots.borrow_mut();
        s.hash = Some(|vm, v| Ok(crate::object::hash::hash_bytes(vm.hash_key, &data(v))));
        s.new = Some(construct::bytes_new);
    }
    let (b, ba) = (vm.types.bytes.clone(), vm.types.bytearray.clone());
    for (t, owner) in [(&b, "bytes"), (&ba, "bytearray")] {
        vm.add_methods(t, owner, methods::METHODS);
        vm.add_methods(t, owner, search::METHODS);
        vm.add_methods(t, owner, split::METHODS);
        vm.add_methods(t, owner, transform::METHODS);
    }
    vm.add_methods(&b, "bytes", construct::BYTES_METHODS);
    bytearray::init(vm);
    memoryview::init(vm);
}

/// Run `f` on the bytes of a bytes or bytearray value.
pub fn with_data<R>(v: &Value, f: impl FnOnce(&[u8]) -> R) -> Option<R> {
    match &v.as_obj()?.payload {
        Payload::Bytes(b) => Some(f(b)),
        Payload::ByteArray(b) => Some(f(&b.borrow())),
        _ => None,
    }
}

/// A copy of the bytes of a bytes or bytearray value (empty for anything else).
pub fn data(v: &Value) -> Vec<u8> {
    with_data(v, <[u8]>::to_vec).unwrap_or_default()
}

/// Whether `v` carries a bytearray payload.
pub fn is_bytearray(v: &Value) -> bool {
    matches!(v.as_obj().map(|o| &o.payload), Some(Payload::ByteArray(_)))
}

/// The bytes of any object exposing a buffer (bytes, bytearray, memoryview, and native
/// types with a `buffer` slot such as array.array).
pub fn buffer(v: &Value) -> Option<Vec<u8>> {
    with_data(v, <[u8]>::to_vec).or_else(|| memoryview::view_bytes(v)).or_else(|| {
        let f = v.as_obj()?.with_class(|c| c.as_type().and_then(|t| t.slots().buffer))?;
        f(v)
    })
}

/// The bytes of a buffer argument, or TypeError "a bytes-like object is required, not 'T'".
pub fn buffer_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match buffer(v) {
        Some(b) => Ok(b),
        None => {
            let n = vm.type_name(v);
            Err(vm.new_type_error(format!("a bytes-like object is required, not '{n}'")))
        }
    }
}

/// A new bytes object.
pub fn new_bytes(vm: &mut Vm, data: Vec<u8>) -> Value {
    let t = vm.types.bytes.clone();
    vm.wrap(Payload::Bytes(data.into_boxed_slice()), &t)
}

/// A new bytearray object.
pub fn new_bytearray(vm: &mut Vm, data: Vec<u8>) -> Value {
    let t = vm.types.bytearray.clone();
    vm.wrap(Payload::ByteArray(RefCell::new(data)), &t)
}

/// A bytes result for a bytes receiver, a bytearray one for a bytearray receiver (methods
/// of subclasses return the base type, as CPython's do).
fn new_like(vm: &mut Vm, like: &Value, data: Vec<u8>) -> Value {
    if is_bytearray(like) { new_bytearray(vm, data) } else { new_bytes(vm, data) }
}

/// An instance of `cls` (bytes, bytearray or a subclass) holding `data`.
fn new_of_class(vm: &mut Vm, cls: &PyRef, data: Vec<u8>) -> Value {
    let payload = if vm.is_subtype(cls, &vm.types.bytearray) { Payload::ByteArray(RefCell::new(data)) } else { Payload::Bytes(data.into_boxed_slice()) };
    Value::Obj(PyRef::new(PyObject::new(cls.clone(), payload)))
}

fn not_impl(vm: &Vm) -> Value {
    Value::Obj(vm.not_implemented.clone())
}

/// Whether `v` is an int or has `__index__`.
fn has_index(vm: &Vm, v: &Value) -> bool {
    int_arg(v).is_some() || vm.type_of(v).as_type().is_some_and(|t| t.slots().index.is_some())
}

/// The byte value of an int argument (`__index__`), or the errors CPython gives:
/// TypeError for a non-integer, ValueError "`what` must be in range(0, 256)".
fn byte_value(vm: &mut Vm, v: &Value, what: &str) -> PyResult<u8> {
    let i = match int_arg(v) {
        Some(IntArg::Small(i)) => i,
        Some(IntArg::Big(_)) => -1,
        None => match crate::types::slice::index_clamped(vm, v)? {
            Some(i) => i,
            None => {
                let n = vm.type_name(v);
                return Err(vm.new_type_error(format!("'{n}' object cannot be interpreted as an integer")));
            }
        },
    };
    u8::try_from(i).map_err(|_| vm.new_value_error(format!("{what} must be in range(0, 256)")))
}

fn richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    // bytes compares with bytes only; bytearray with any buffer (so `b == ba` is decided
    // by bytearray's reflected comparison, as in CPython).
    let other = if is_bytearray(a) { buffer(b) } else { with_data(b, <[u8]>::to_vec).filter(|_| !is_bytearray(b)) };
    let (Some(x), Some(y)) = (with_data(a, <[u8]>::to_vec), other) else { return Ok(not_impl(vm)) };
    let o = x.cmp(&y);
    Ok(Value::Bool(crate::types::int::ordering_matches(o, op)))
}

fn index_type_error(vm: &mut Vm, v: &Value, key: &Value) -> PyErr {
    let n = vm.type_name(key);
    let t = if is_bytearray(v) { "bytearray" } else { "byte" };
    vm.new_type_error(format!("{t} indices must be integers or slices, not {n}"))
}

fn getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let Some(d) = with_data(v, <[u8]>::to_vec) else { return Ok(not_impl(vm)) };
    if slice_parts(key).is_some() {
        let s = slice_indices(vm, key, d.len())?;
        let out: Vec<u8> = s.positions().filter_map(|p| d.get(p).copied()).collect();
        return Ok(new_like(vm, v, out));
    }
    let Some(i) = index_exact(vm, key)? else { return Err(index_type_error(vm, v, key)) };
    match normalize(i, d.len()) {
        Some(p) => Ok(Value::Int(d[p] as i64)),
        None => {
            let msg = if is_bytearray(v) { "bytearray index out of range" } else { "index out of range" };
            Err(vm.new_index_error(msg))
        }
    }
}

fn contains(vm: &mut Vm, v: &Value, item: &Value) -> PyResult<bool> {
    let hay = data(v);
    if let Some(needle) = buffer(item) {
        return Ok(search::find_sub(&hay, &needle, 0).is_some());
    }
    if !has_index(vm, item) {
        buffer_arg(vm, item)?;
    }
    let b = byte_value(vm, item, "byte")?;
    Ok(hay.contains(&b))
}

fn binary(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    match op {
        BinOp::Add => {
            let Some(mut x) = with_data(a, <[u8]>::to_vec) else { return Ok(not_impl(vm)) };
            let Some(y) = buffer(b) else { return Ok(not_impl(vm)) };
            x.extend_from_slice(&y);
            Ok(new_like(vm, a, x))
        }
        BinOp::Mul => {
            let (seq, n) = if with_data(a, |_| ()).is_some() { (a, b) } else { (b, a) };
            let Some(count) = repeat_count(vm, n)? else { return Ok(not_impl(vm)) };
            let out = repeat_bytes(vm, &data(seq), count)?;
            Ok(new_like(vm, seq, out))
        }
        BinOp::Mod if with_data(a, |_| ()).is_some() => {
            let out = format::percent_format(vm, &data(a), b)?;
            Ok(new_like(vm, a, out))
        }
        _ => Ok(not_impl(vm)),
    }
}

/// `data * n`, refusing absurd sizes with MemoryError.
fn repeat_bytes(vm: &mut Vm, data: &[u8], n: usize) -> PyResult<Vec<u8>> {
    match data.len().checked_mul(n) {
        Some(total) if total < (1 << 40) => Ok(data.repeat(n)),
        _ => Err(vm.new_memory_error("")),
    }
}
