//! Sorting for `list.sort` / `sorted`: a stable sort of (key, item) pairs. Keys that are
//! all ints, all floats (no NaN) or all exact strs are sorted natively (a total order, no
//! Python code); anything else by a merge sort of positions whose comparisons may run
//! Python code and fail (the pairs are left untouched then).

use crate::object::{CmpOp, Value};
use crate::vm::{PyResult, Vm};
use std::cmp::Ordering;

/// Stable sort of `(key, item)` pairs by key (CPython's list.sort contract: `<` only),
/// stopping at the first error.
pub fn stable_sort(vm: &mut Vm, v: &mut [(Value, Value)]) -> PyResult<()> {
    if v.iter().all(|(k, _)| matches!(k, Value::Int(_))) {
        v.sort_by_key(|(k, _)| match k {
            Value::Int(i) => *i,
            _ => 0,
        });
        return Ok(());
    }
    if v.iter().all(|(k, _)| matches!(k, Value::Float(f) if !f.is_nan())) {
        let f = |k: &Value| match k {
            Value::Float(f) => *f,
            _ => 0.0,
        };
        v.sort_by(|a, b| f(&a.0).partial_cmp(&f(&b.0)).unwrap_or(Ordering::Equal));
        return Ok(());
    }
    if v.iter().all(|(k, _)| exact_str(vm, k).is_some()) {
        v.sort_by(|a, b| match (exact_str(vm, &a.0), exact_str(vm, &b.0)) {
            (Some(x), Some(y)) => crate::types::str_methods::text_order(x, y),
            _ => Ordering::Equal,
        });
        return Ok(());
    }
    let order = merge_sort_positions(vm, v)?;
    let mut sorted: Vec<(Value, Value)> = order.iter().map(|&i| std::mem::take(&mut v[i])).collect();
    for (slot, pair) in v.iter_mut().zip(sorted.drain(..)) {
        *slot = pair;
    }
    Ok(())
}

/// An exact str.
fn exact_str<'a>(vm: &Vm, v: &'a Value) -> Option<&'a crate::types::str::PyStr> {
    match v {
        Value::Obj(o) if vm.is_exact(o, &vm.types.str) => o.as_str(),
        _ => None,
    }
}

/// The positions of `v` in stably sorted order: insertion-sorted runs, then bottom-up
/// merges of positions (no values move, so an error leaves `v` as it was).
fn merge_sort_positions(vm: &mut Vm, v: &[(Value, Value)]) -> PyResult<Vec<usize>> {
    const RUN: usize = 16;
    let n = v.len();
    let mut pos: Vec<usize> = (0..n).collect();
    let mut start = 0;
    while start < n {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let mut j = i;
            while j > start && sort_lt(vm, &v[pos[j]].0, &v[pos[j - 1]].0)? {
                pos.swap(j, j - 1);
                j -= 1;
            }
        }
        start = end;
    }
    let mut width = RUN;
    let mut buf: Vec<usize> = Vec::with_capacity(n);
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            // Already in order across the boundary: nothing to merge.
            if mid < hi && sort_lt(vm, &v[pos[mid]].0, &v[pos[mid - 1]].0)? {
                buf.clear();
                let (mut i, mut j) = (lo, mid);
                while i < mid && j < hi {
                    // Take from the right only when strictly smaller (stability).
                    if sort_lt(vm, &v[pos[j]].0, &v[pos[i]].0)? {
                        buf.push(pos[j]);
                        j += 1;
                    } else {
                        buf.push(pos[i]);
                        i += 1;
                    }
                }
                buf.extend_from_slice(&pos[i..mid]);
                buf.extend_from_slice(&pos[j..hi]);
                pos[lo..hi].copy_from_slice(&buf);
            }
            lo = hi;
        }
        width *= 2;
    }
    Ok(pos)
}

/// `a < b` for sorting, with fast paths that run no Python code (tuples compare item by
/// item, as CPython's unsafe_tuple_compare does).
fn sort_lt(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    if let Some(r) = lt_native(vm, a, b) {
        return Ok(r);
    }
    if let (Value::Obj(x), Value::Obj(y)) = (a, b) {
        if vm.is_exact(x, &vm.types.tuple) && vm.is_exact(y, &vm.types.tuple) {
            if let (Some(s), Some(t)) = (x.as_tuple(), y.as_tuple()) {
                return tuple_lt(vm, s, t);
            }
        }
    }
    let r = vm.rich_compare(a, b, CmpOp::Lt)?;
    vm.is_true(&r)
}

/// `a < b` for two ints, two floats or two exact strs; `None` for anything else.
#[inline]
fn lt_native(vm: &Vm, a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x < y),
        (Value::Float(x), Value::Float(y)) => Some(x < y),
        _ => Some(crate::types::str_methods::text_order(exact_str(vm, a)?, exact_str(vm, b)?).is_lt()),
    }
}

/// Lexicographic `<` of tuple items: the first unequal pair decides.
fn tuple_lt(vm: &mut Vm, s: &[Value], t: &[Value]) -> PyResult<bool> {
    for (x, y) in s.iter().zip(t) {
        let equal = match (lt_native(vm, x, y), lt_native(vm, y, x)) {
            (Some(lt), Some(gt)) => {
                if lt || gt {
                    // Unequal (NaN compares neither way and counts as equal here, as
                    // `x == y` is false for it: fall back to CPython's protocol then).
                    return Ok(lt);
                }
                !matches!(x, Value::Float(f) if f.is_nan())
            }
            _ => vm.eq(x, y)?,
        };
        if !equal {
            return sort_lt(vm, x, y);
        }
    }
    Ok(s.len() < t.len())
}
