//! `range` objects whose bounds do not fit in i64 (CPython keeps every range's bounds as
//! Python ints; krait's fast path in range.rs handles i64 bounds): length, indexing and
//! slicing, membership, comparison, hash, repr and the `longrange_iterator`.

use crate::object::{Payload, Value};
use crate::types::int::bigint_of;
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use std::cell::RefCell;

/// The bounds of a range with at least one bound beyond i64.
pub struct Big {
    pub start: BigInt,
    pub stop: BigInt,
    pub step: BigInt,
}

/// The bounds of range `v` when one of them is beyond i64 (None for small ranges).
pub fn big_parts(v: &Value) -> Option<Big> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Range { start, stop, step }) if [start, stop, step].iter().any(|x| !matches!(x, Value::Int(_))) => {
            Some(Big { start: bigint_of(start)?, stop: bigint_of(stop)?, step: bigint_of(step)? })
        }
        _ => None,
    }
}

/// A range object with these bounds (small representation when they fit in i64).
pub fn new_range(vm: &mut Vm, start: BigInt, stop: BigInt, step: BigInt) -> Value {
    let (start, stop, step) = (vm.new_bigint(start), vm.new_bigint(stop), vm.new_bigint(step));
    let t = vm.types.range.clone();
    vm.wrap(Payload::Range { start, stop, step }, &t)
}

impl Big {
    // compute_range_length
    pub fn len(&self) -> BigInt {
        let (lo, hi, step) = if self.step.is_positive() { (&self.start, &self.stop, self.step.clone()) } else { (&self.stop, &self.start, -&self.step) };
        if lo >= hi { BigInt::zero() } else { (hi - lo - 1u8) / step + 1u8 }
    }

    fn at(&self, i: &BigInt) -> BigInt {
        &self.start + i * &self.step
    }

    /// The index of `x` in the range, if it is an element.
    fn position(&self, x: &BigInt) -> Option<BigInt> {
        let off = x - &self.start;
        if !(&off % &self.step).is_zero() {
            return None;
        }
        let i = off / &self.step;
        (!i.is_negative() && i < self.len()).then_some(i)
    }
}

fn overflow(vm: &mut Vm) -> crate::vm::PyErr {
    vm.new_overflow_error("Python int too large to convert to C ssize_t")
}

/// `len(r)`: OverflowError when it does not fit in a C ssize_t.
pub fn len(vm: &mut Vm, b: &Big) -> PyResult<usize> {
    b.len().to_i64().and_then(|n| usize::try_from(n).ok()).ok_or_else(|| overflow(vm))
}

pub fn repr(b: &Big) -> String {
    if b.step == BigInt::from(1) { format!("range({}, {})", b.start, b.stop) } else { format!("range({}, {}, {})", b.start, b.stop, b.step) }
}

// range_hash
pub fn hash(vm: &mut Vm, b: &Big) -> PyResult<i64> {
    let n = b.len();
    let one = BigInt::from(1);
    let parts = vec![
        vm.new_bigint(n.clone()),
        if n.is_zero() { Value::None } else { vm.new_bigint(b.start.clone()) },
        if n.is_zero() || n == one { Value::None } else { vm.new_bigint(b.step.clone()) },
    ];
    let t = vm.new_tuple(parts);
    vm.hash(&t)
}

// range_equals
pub fn equal(x: &Big, y: &Big) -> bool {
    let (lx, ly) = (x.len(), y.len());
    lx == ly && (lx.is_zero() || (x.start == y.start && (lx == BigInt::from(1) || x.step == y.step)))
}

/// The index of int `x` in the range, if `x` is an int element.
pub fn position(b: &Big, x: &Value) -> Option<BigInt> {
    b.position(&bigint_of(x)?)
}

// compute_slice: the sub-range for slice `key`.
pub fn slice(vm: &mut Vm, b: &Big, key: &Value) -> PyResult<Value> {
    let (start, stop, step) = crate::types::slice::slice_parts(key).unwrap_or((Value::None, Value::None, Value::None));
    let num = |vm: &mut Vm, v: &Value| -> PyResult<Option<BigInt>> { if v.is_none() { Ok(None) } else { crate::types::int::index_of(vm, v).map(Some) } };
    let sstep = num(vm, &step)?.unwrap_or_else(|| BigInt::from(1));
    if sstep.is_zero() {
        return Err(vm.new_value_error("slice step cannot be zero"));
    }
    let len = b.len();
    let neg = sstep.is_negative();
    let (lower, upper) = if neg { (BigInt::from(-1), &len - 1u8) } else { (BigInt::zero(), len.clone()) };
    let clamp = |v: Option<BigInt>, default: &BigInt| -> BigInt {
        match v {
            None => default.clone(),
            Some(v) if v.is_negative() => (v + &len).max(lower.clone()),
            Some(v) => v.min(upper.clone()),
        }
    };
    let s = clamp(num(vm, &start)?, if neg { &upper } else { &lower });
    let e = clamp(num(vm, &stop)?, if neg { &lower } else { &upper });
    Ok(new_range(vm, b.at(&s), b.at(&e), &b.step * sstep))
}

/// `r[i]` for an int index.
pub fn item(vm: &mut Vm, b: &Big, key: &Value) -> PyResult<Value> {
    let mut i = crate::types::int::index_of(vm, key)?;
    let len = b.len();
    if i.is_negative() {
        i += &len;
    }
    if i.is_negative() || i >= len {
        return Err(vm.new_index_error("range object index out of range"));
    }
    Ok(vm.new_bigint(b.at(&i)))
}

/// The state of a `longrange_iterator`: next value, step, items left.
pub struct LongRangeIter(pub RefCell<(BigInt, BigInt, BigInt)>);

/// `iter(r)` or `reversed(r)` of a big range.
pub fn iter(vm: &mut Vm, b: &Big, reversed: bool) -> Value {
    let len = b.len();
    let state = if reversed { (b.at(&(&len - 1u8)), -&b.step, len) } else { (b.start.clone(), b.step.clone(), len) };
    let t = vm.iter_types.longrange.clone();
    vm.wrap(Payload::Native(Box::new(LongRangeIter(RefCell::new(state)))), &t)
}

// longrangeiter_next
pub fn iter_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(it) = v.as_obj().and_then(|o| o.native::<LongRangeIter>()) else { return Ok(None) };
    let mut s = it.0.borrow_mut();
    if !s.2.is_positive() {
        return Ok(None);
    }
    let cur = s.0.clone();
    s.0 = &cur + &s.1;
    s.2 -= 1u8;
    drop(s);
    Ok(Some(vm.new_bigint(cur)))
}

/// The bounds of any range value as big ints.
pub fn bounds(v: &Value) -> Big {
    big_parts(v).unwrap_or_else(|| {
        let b = super::range::parts(v);
        Big { start: b.start.into(), stop: b.stop.into(), step: b.step.into() }
    })
}

/// `r[key]`: an element for an int index, a range for a slice.
pub fn getitem(vm: &mut Vm, b: &Big, key: &Value) -> PyResult<Value> {
    if crate::types::slice::slice_parts(key).is_some() {
        return slice(vm, b, key);
    }
    if vm.type_of(key).as_type().and_then(|t| t.slots().index).is_none() && bigint_of(key).is_none() {
        let n = vm.type_name(key);
        return Err(vm.new_type_error(format!("range indices must be integers or slices, not {n}")));
    }
    item(vm, b, key)
}

/// What [`search`] computes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Search {
    Contains,
    Index,
    Count,
}

/// `x in r`, `r.index(x)`, `r.count(x)`: arithmetic for ints, else a linear search by `==`.
pub fn search(vm: &mut Vm, b: &Big, r: &Value, x: &Value, what: Search) -> PyResult<Value> {
    let found = if bigint_of(x).is_some() {
        position(b, x)
    } else {
        let it = vm.iter(r)?;
        let (mut i, mut n, mut at) = (BigInt::zero(), 0i64, None);
        while let Some(v) = vm.next(&it)? {
            if vm.eq(&v, x)? {
                n += 1;
                if what != Search::Count {
                    at = Some(i);
                    break;
                }
            }
            i += 1u8;
        }
        if what == Search::Count {
            return Ok(Value::Int(n));
        }
        at
    };
    match (what, found) {
        (Search::Contains, f) => Ok(Value::Bool(f.is_some())),
        (Search::Count, f) => Ok(Value::Int(f.is_some().into())),
        (Search::Index, Some(i)) => Ok(vm.new_bigint(i)),
        (Search::Index, None) => {
            let r = vm.repr(x)?;
            Err(vm.new_value_error(format!("{} is not in range", vm.str_of(&Value::Obj(r)))))
        }
    }
}
