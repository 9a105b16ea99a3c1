//! The `slice` type, and the index helpers sequences share: converting an index value
//! (`__index__`), normalising negative indices, and `PySlice_GetIndicesEx`.

use crate::object::{Payload, PyRef, Value};
use crate::types::int::{int_arg, IntArg};
use crate::types::methods::method;
use crate::vm::{PyResult, Vm};

/// A slice resolved against a sequence length (`PySlice_AdjustIndices`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SliceIdx {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    /// Number of selected items.
    pub len: usize,
}

impl SliceIdx {
    /// The selected positions in order.
    pub fn positions(self) -> impl Iterator<Item = usize> {
        (0..self.len).map(move |k| (self.start + k as i64 * self.step) as usize)
    }
}

/// The value of `v` as an index, saturated to i64 (`PyNumber_AsSsize_t(v, NULL)` then
/// clamped as slice bounds are); `None` when `v` has no `__index__`.
pub fn index_clamped(vm: &mut Vm, v: &Value) -> PyResult<Option<i64>> {
    let v = match v {
        Value::Int(_) | Value::Bool(_) => v.clone(),
        Value::Obj(_) if int_arg(v).is_some() => v.clone(),
        _ => {
            let slot = vm.type_of(v).as_type().and_then(|t| t.slots().index);
            match slot {
                Some(f) => f(vm, v)?,
                None => return Ok(None),
            }
        }
    };
    Ok(match int_arg(&v) {
        Some(IntArg::Small(i)) => Some(i),
        Some(IntArg::Big(b)) => Some(if b.sign() == num_bigint::Sign::Minus { i64::MIN } else { i64::MAX }),
        None => None,
    })
}

/// An index for `seq[i]` (`PyNumber_AsSsize_t(v, PyExc_IndexError)`); `None` when `v`
/// is not an integer.
pub fn index_exact(vm: &mut Vm, v: &Value) -> PyResult<Option<i64>> {
    if let Some(IntArg::Big(_)) = int_arg(v) {
        let n = vm.type_name(v);
        return Err(vm.new_index_error(format!("cannot fit '{n}' into an index-sized integer")));
    }
    index_clamped(vm, v)
}

/// A possibly negative index into a sequence of `len` items, if in range.
#[inline]
pub fn normalize(i: i64, len: usize) -> Option<usize> {
    let i = if i < 0 { i + len as i64 } else { i };
    (0..len as i64).contains(&i).then_some(i as usize)
}

/// The (start, stop, step) of a slice object, if `v` is one.
pub fn slice_parts(v: &Value) -> Option<(Value, Value, Value)> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Slice { start, stop, step }) => Some((start.clone(), stop.clone(), step.clone())),
        _ => None,
    }
}

fn bound(vm: &mut Vm, v: &Value) -> PyResult<Option<i64>> {
    if v.is_none() {
        return Ok(None);
    }
    match index_clamped(vm, v)? {
        Some(i) => Ok(Some(i)),
        None => Err(vm.new_type_error("slice indices must be integers or None or have an __index__ method")),
    }
}

/// PySlice_Unpack + PySlice_AdjustIndices for a slice object and a length.
pub fn slice_indices(vm: &mut Vm, slice: &Value, len: usize) -> PyResult<SliceIdx> {
    slice_indices_with(vm, slice, || len)
}

/// `slice_indices` for a mutable container: the length is read after the bounds'
/// `__index__` methods have run (they may resize it).
pub fn slice_indices_with(vm: &mut Vm, slice: &Value, len: impl FnOnce() -> usize) -> PyResult<SliceIdx> {
    let (start, stop, step) = slice_parts(slice).unwrap_or((Value::None, Value::None, Value::None));
    let step = match bound(vm, &step)? {
        None => 1,
        Some(0) => return Err(vm.new_value_error("slice step cannot be zero")),
        Some(s) => s.max(-i64::MAX),
    };
    let start = bound(vm, &start)?;
    let stop = bound(vm, &stop)?;
    Ok(adjust(start, stop, step, len() as i64))
}

/// PySlice_AdjustIndices with `None` bounds resolved by the step's sign.
pub fn adjust(start: Option<i64>, stop: Option<i64>, step: i64, len: i64) -> SliceIdx {
    let clamp = |v: Option<i64>, default: i64| -> i64 {
        match v {
            None => default,
            Some(v) if v < 0 => {
                let v = v.saturating_add(len);
                if v < 0 { if step < 0 { -1 } else { 0 } } else { v }
            }
            Some(v) if v >= len => if step < 0 { len - 1 } else { len },
            Some(v) => v,
        }
    };
    let (start, stop) = if step > 0 { (clamp(start, 0), clamp(stop, len)) } else { (clamp(start, len - 1), clamp(stop, -1)) };
    let n = if step > 0 {
        if stop > start { (stop - start - 1) / step + 1 } else { 0 }
    } else if stop < start {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    };
    SliceIdx { start, stop, step, len: n as usize }
}

pub fn init(vm: &mut Vm) {
    let t = vm.types.slice.clone();
    if let Some(ty) = t.as_type() {
        let mut s = ty.slots.borrow_mut();
        s.repr = Some(slice_repr);
        s.new = Some(slice_new);
        s.richcompare = Some(slice_richcompare);
    }
    vm.add_methods(&t, "slice", &[
        method("indices", "(self, len, /)", slice_indices_method),
        // slice_reduce
        method("__reduce__", "(self, /)", |vm, a| {
            let (start, stop, step) = slice_parts(&a[0]).unwrap_or((Value::None, Value::None, Value::None));
            let args = vm.new_tuple(vec![start, stop, step]);
            Ok(vm.new_tuple(vec![Value::Obj(vm.types.slice.clone()), args]))
        }),
    ]);
    for (name, f) in [("start", slice_start as crate::types::native::NativeFn), ("stop", slice_stop), ("step", slice_step)] {
        let fget = vm.new_native_function(name, "slice", "(self, /)", f, Value::Null, true);
        let p = vm.types.property.clone();
        let prop = vm.wrap(Payload::Property { fget: Value::Obj(fget), fset: Value::None, fdel: Value::None, doc: Default::default(), getter_doc: false, name: Default::default() }, &p);
        vm.set_type_attr(&t, name, prop);
    }
}

/// A new slice object.
pub fn new_slice(vm: &mut Vm, start: Value, stop: Value, step: Value) -> Value {
    let t = vm.types.slice.clone();
    vm.wrap(Payload::Slice { start, stop, step }, &t)
}

fn slice_new(vm: &mut Vm, _cls: &PyRef, args: crate::object::Args<'_>) -> PyResult<Value> {
    if !args.kwnames.is_empty() {
        return Err(vm.new_type_error("slice() takes no keyword arguments"));
    }
    match args.pos() {
        [stop] => Ok(new_slice(vm, Value::None, stop.clone(), Value::None)),
        [a, b] => Ok(new_slice(vm, a.clone(), b.clone(), Value::None)),
        [a, b, c] => Ok(new_slice(vm, a.clone(), b.clone(), c.clone())),
        [] => Err(vm.new_type_error("slice expected at least 1 argument, got 0")),
        more => Err(vm.new_type_error(format!("slice expected at most 3 arguments, got {}", more.len()))),
    }
}

fn slice_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let (a, b, c) = slice_parts(v).unwrap_or((Value::None, Value::None, Value::None));
    let mut parts = Vec::new();
    for x in [a, b, c] {
        parts.push(vm.repr(&x)?.as_str().map(|s| s.as_str().to_string()).unwrap_or_default());
    }
    let text = format!("slice({})", parts.join(", "));
    Ok(vm.new_str(&text))
}

fn slice_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: crate::object::CmpOp) -> PyResult<Value> {
    let (Some((a0, a1, a2)), Some((b0, b1, b2))) = (slice_parts(a), slice_parts(b)) else {
        return Ok(Value::Obj(vm.not_implemented.clone()));
    };
    let ta = vm.new_tuple(vec![a0, a1, a2]);
    let tb = vm.new_tuple(vec![b0, b1, b2]);
    vm.rich_compare(&ta, &tb, op)
}

fn slice_indices_method(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    let len = match index_clamped(vm, &args[1])? {
        Some(n) if n >= 0 => n as usize,
        Some(_) => return Err(vm.new_value_error("length should not be negative")),
        None => {
            let n = vm.type_name(&args[1]);
            return Err(vm.new_type_error(format!("'{n}' object cannot be interpreted as an integer")));
        }
    };
    let s = slice_indices(vm, &args[0], len)?;
    Ok(vm.new_tuple(vec![Value::Int(s.start), Value::Int(s.stop), Value::Int(s.step)]))
}

fn slice_start(_vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    Ok(slice_parts(&args[0]).map(|p| p.0).unwrap_or(Value::None))
}

fn slice_stop(_vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    Ok(slice_parts(&args[0]).map(|p| p.1).unwrap_or(Value::None))
}

fn slice_step(_vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    Ok(slice_parts(&args[0]).map(|p| p.2).unwrap_or(Value::None))
}

#[cfg(test)]
mod tests {
    use super::adjust;

    #[test]
    fn adjust_matches_cpython() {
        // python3 -c "print(slice(None,None,-1).indices(5), slice(-10,10,2).indices(5), slice(3,1).indices(5), slice(10,-10,-3).indices(5))"
        let t = |s: super::SliceIdx| (s.start, s.stop, s.step, s.len);
        assert_eq!(t(adjust(None, None, -1, 5)), (4, -1, -1, 5));
        assert_eq!(t(adjust(Some(-10), Some(10), 2, 5)), (0, 5, 2, 3));
        assert_eq!(t(adjust(Some(3), Some(1), 1, 5)), (3, 1, 1, 0));
        assert_eq!(t(adjust(Some(10), Some(-10), -3, 5)), (4, -1, -3, 2));
    }
}
