//! The `range` type (bounds that fit in i64; larger ones are in range_big.rs): length, indexing and slicing, fast `in`
//! for ints, iteration and reversal, comparison and hash as CPython computes them.

use crate::object::hash::hash_tuple;
use crate::object::{Args, CmpOp, Payload, PyRef, Value};
use crate::types::iterators::{new_iter, IterKind};
use crate::types::methods::method;
use crate::types::range_big;
use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};
use crate::vm::{PyResult, Vm};
use std::cell::Cell;

pub fn init(vm: &mut Vm) {
    let t = vm.types.range.clone();
    if let Some(ty) = t.as_type() {
        let mut s = ty.slots.borrow_mut();
        s.repr = Some(range_repr);
        s.hash = Some(range_hash);
        s.richcompare = Some(range_richcompare);
        s.len = Some(|vm, v| {
            if let Some(b) = range_big::big_parts(v) {
                return range_big::len(vm, &b);
            }
            let r = parts(v);
            isize::try_from(r.len()).map(|n| n as usize).map_err(|_| vm.new_overflow_error("Python int too large to convert to C ssize_t"))
        });
        s.bool = Some(|_, v| Ok(range_big::big_parts(v).map_or_else(|| parts(v).len() != 0, |b| !b.len().is_zero())));
        s.getitem = Some(range_getitem);
        s.contains = Some(range_contains);
        s.iter = Some(|vm, v| Ok(iter_of(vm, v, false)));
        s.new = Some(range_new);
    }
    vm.add_methods(&t, "range", &[
        method("index", "(self, value, /)", range_index),
        method("count", "(self, value, /)", |vm, a| {
            if let Some(b) = range_big::big_parts(&a[0]) {
                return range_big::search(vm, &b, &a[0], &a[1], range_big::Search::Count);
            }
            let r = parts(&a[0]);
            if let Value::Int(_) | Value::Bool(_) = a[1] {
                return Ok(Value::Int(r.position(&a[1]).is_some() as i64));
            }
            let mut n = 0;
            for i in 0..r.len() {
                if vm.eq(&Value::Int(r.at(i)), &a[1])? {
                    n += 1;
                }
            }
            Ok(Value::Int(n))
        }),
        method("__reversed__", "(self, /)", |vm, a| Ok(iter_of(vm, &a[0], true))),
        // range_reduce
        method("__reduce__", "(self, /)", |vm, a| {
            let args = vm.new_tuple((0..3).map(|i| range_field(&a[0], i)).collect());
            Ok(vm.new_tuple(vec![Value::Obj(vm.types.range.clone()), args]))
        }),
        // range_bool (range has nb_bool besides its length)
        method("__bool__", "(self, /)", |vm, a| vm.is_true(&a[0]).map(Value::Bool)),
    ]);
    for (name, f) in [("start", get_start as crate::types::native::NativeFn), ("stop", get_stop), ("step", get_step)] {
        let fget = vm.new_native_function(name, "range", "(self, /)", f, Value::Null, true);
        let p = vm.types.property.clone();
        let prop = vm.wrap(Payload::Property { fget: Value::Obj(fget), fset: Value::None, fdel: Value::None, doc: Default::default(), getter_doc: false, name: Default::default() }, &p);
        vm.set_type_attr(&t, name, prop);
    }
}

/// A range's bounds as i64.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bounds {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl Bounds {
    /// Number of items (compute_range_length), as i128 so it cannot overflow.
    #[allow(clippy::len_without_is_empty)]
    pub fn len(self) -> i128 {
        let (lo, hi, step) = if self.step > 0 { (self.start as i128, self.stop as i128, self.step as i128) } else { (self.stop as i128, self.start as i128, -(self.step as i128)) };
        if lo >= hi { 0 } else { (hi - lo - 1) / step + 1 }
    }

    pub fn at(self, i: i128) -> i64 {
        (self.start as i128 + i * self.step as i128) as i64
    }

    /// The index of int `v` in the range.
    pub fn position(self, v: &Value) -> Option<i128> {
        let x = match v {
            Value::Int(i) => *i as i128,
            Value::Bool(b) => *b as i128,
            _ => return None,
        };
        let off = x - self.start as i128;
        let step = self.step as i128;
        if off % step != 0 {
            return None;
        }
        let i = off / step;
        (0..self.len()).contains(&i).then_some(i)
    }
}

fn int_of(v: &Value) -> i64 {
    match v {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        _ => 0,
    }
}

/// The bounds of a range value.
pub fn parts(v: &Value) -> Bounds {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Range { start, stop, step }) => Bounds { start: int_of(start), stop: int_of(stop), step: int_of(step) },
        _ => Bounds { start: 0, stop: 0, step: 1 },
    }
}

fn make(vm: &mut Vm, b: Bounds) -> Value {
    let t = vm.types.range.clone();
    vm.wrap(Payload::Range { start: Value::Int(b.start), stop: Value::Int(b.stop), step: Value::Int(b.step) }, &t)
}

fn range_new(vm: &mut Vm, _cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    if !args.kwnames.is_empty() {
        return Err(vm.new_type_error("range() takes no keyword arguments"));
    }
    let idx = crate::types::int::index_of;
    let (start, stop, step) = match args.pos() {
        [stop] => (BigInt::zero(), idx(vm, stop)?, BigInt::from(1)),
        [a, b] => (idx(vm, a)?, idx(vm, b)?, BigInt::from(1)),
        [a, b, c] => {
            let (a, b, c) = (idx(vm, a)?, idx(vm, b)?, idx(vm, c)?);
            if c.is_zero() {
                return Err(vm.new_value_error("range() arg 3 must not be zero"));
            }
            (a, b, c)
        }
        [] => return Err(vm.new_type_error("range expected at least 1 argument, got 0")),
        more => return Err(vm.new_type_error(format!("range expected at most 3 arguments, got {}", more.len()))),
    };
    match (start.to_i64(), stop.to_i64(), step.to_i64()) {
        (Some(start), Some(stop), Some(step)) => Ok(make(vm, Bounds { start, stop, step })),
        _ => Ok(range_big::new_range(vm, start, stop, step)),
    }
}

fn range_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if let Some(b) = range_big::big_parts(v) {
        return Ok(vm.new_str(&range_big::repr(&b)));
    }
    let b = parts(v);
    let text = if b.step == 1 { format!("range({}, {})", b.start, b.stop) } else { format!("range({}, {}, {})", b.start, b.stop, b.step) };
    Ok(vm.new_str(&text))
}

/// range_hash: hash((len, start, step)) with None for the parts that do not matter.
fn range_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Some(b) = range_big::big_parts(v) {
        return range_big::hash(vm, &b);
    }
    let b = parts(v);
    let len = b.len();
    let none = vm.hash(&Value::None)?;
    let hl = crate::object::hash::hash_i64(len as i64);
    let items = match len {
        0 => [hl, none, none],
        1 => [hl, crate::object::hash::hash_i64(b.start), none],
        _ => [hl, crate::object::hash::hash_i64(b.start), crate::object::hash::hash_i64(b.step)],
    };
    Ok(hash_tuple(items.into_iter()))
}

/// range_equals: equal as sequences.
fn range_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    let is_range = |v: &Value| matches!(v.as_obj().map(|o| &o.payload), Some(Payload::Range { .. }));
    if !is_range(a) || !is_range(b) || !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(Value::Obj(vm.not_implemented.clone()));
    }
    if range_big::big_parts(a).is_some() || range_big::big_parts(b).is_some() {
        let eq = range_big::equal(&range_big::bounds(a), &range_big::bounds(b));
        return Ok(Value::Bool(eq == (op == CmpOp::Eq)));
    }
    let (x, y) = (parts(a), parts(b));
    let (lx, ly) = (x.len(), y.len());
    let eq = lx == ly && (lx == 0 || (x.start == y.start && (lx == 1 || x.step == y.step)));
    Ok(Value::Bool(eq == (op == CmpOp::Eq)))
}

fn range_getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    if let Some(b) = range_big::big_parts(v) {
        return range_big::getitem(vm, &b, key);
    }
    // Slices (whose bounds may be big) and non-int indices take the general path.
    let (Value::Int(i), b) = (key, parts(v)) else { return range_big::getitem(vm, &range_big::bounds(v), key) };
    let len = b.len();
    let i = if *i < 0 { *i as i128 + len } else { *i as i128 };
    if !(0..len).contains(&i) {
        return Err(vm.new_index_error("range object index out of range"));
    }
    Ok(Value::Int(b.at(i)))
}

fn range_contains(vm: &mut Vm, v: &Value, x: &Value) -> PyResult<bool> {
    if let Some(b) = range_big::big_parts(v) {
        return range_big::search(vm, &b, v, x, range_big::Search::Contains).map(|r| matches!(r, Value::Bool(true)));
    }
    let b = parts(v);
    if matches!(x, Value::Int(_) | Value::Bool(_)) {
        return Ok(b.position(x).is_some());
    }
    for i in 0..b.len() {
        if vm.eq(&Value::Int(b.at(i)), x)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn range_index(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    if let Some(b) = range_big::big_parts(&a[0]) {
        return range_big::search(vm, &b, &a[0], &a[1], range_big::Search::Index);
    }
    let b = parts(&a[0]);
    if let Some(i) = b.position(&a[1]) {
        return Ok(Value::Int(i as i64));
    }
    if !matches!(a[1], Value::Int(_) | Value::Bool(_)) {
        for i in 0..b.len() {
            if vm.eq(&Value::Int(b.at(i)), &a[1])? {
                return Ok(Value::Int(i as i64));
            }
        }
    }
    let r = vm.repr(&a[1])?;
    let t = r.as_str().map(|s| s.as_str().to_string()).unwrap_or_default();
    Err(vm.new_value_error(format!("{t} is not in range")))
}

fn iter_of(vm: &mut Vm, v: &Value, reversed: bool) -> Value {
    if let Some(b) = range_big::big_parts(v) {
        return range_big::iter(vm, &b, reversed);
    }
    let b = parts(v);
    let len = b.len();
    // range_iter / range_reverse: i64 arithmetic only when the length and the value past
    // the last one fit, else a longrange_iterator.
    let fits = len <= i64::MAX as i128
        && if reversed {
            b.step != i64::MIN && b.start.checked_sub(b.step).is_some()
        } else if b.step > 0 {
            b.stop <= i64::MAX - (b.step - 1)
        } else {
            b.stop >= i64::MIN + (-1 - b.step)
        };
    if !fits {
        return range_big::iter(vm, &range_big::bounds(v), reversed);
    }
    let (first, step) = if reversed { (b.at(len - 1), -b.step) } else { (b.start, b.step) };
    let t = vm.iter_types.range.clone();
    new_iter(&t, IterKind::Range { next: Cell::new(first), step }, v.clone(), len as usize)
}

/// Bound `i` (0 start, 1 stop, 2 step) of a range, as stored.
fn range_field(v: &Value, i: usize) -> Value {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Range { start, stop, step }) => [start, stop, step][i].clone(),
        _ => Value::None,
    }
}

fn get_start(_vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    Ok(range_field(&a[0], 0))
}

fn get_stop(_vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    Ok(range_field(&a[0], 1))
}

fn get_step(_vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    Ok(range_field(&a[0], 2))
}

#[cfg(test)]
mod tests {
    use super::Bounds;

    #[test]
    fn lengths_and_positions() {
        // python3 -c "print(len(range(0,10,3)), len(range(10,0,-3)), len(range(5,5)), range(0,10,3).index(9))"
        assert_eq!(Bounds { start: 0, stop: 10, step: 3 }.len(), 4);
        assert_eq!(Bounds { start: 10, stop: 0, step: -3 }.len(), 4);
        assert_eq!(Bounds { start: 5, stop: 5, step: 1 }.len(), 0);
        assert_eq!(Bounds { start: 0, stop: 10, step: 3 }.position(&crate::object::Value::Int(9)), Some(3));
        assert_eq!(Bounds { start: i64::MIN, stop: i64::MAX, step: 1 }.len(), u64::MAX as i128);
    }
}
