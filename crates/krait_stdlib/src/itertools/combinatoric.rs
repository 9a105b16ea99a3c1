//! itertools' combinatoric iterators: product, permutations, combinations,
//! combinations_with_replacement. Each keeps its pool(s) and an index vector.

use crate::util::{index_i64, parse, state, tuple_items, wrap};
use krait_vm::object::{Args, PyRef, Value};
use krait_vm::{PyResult, Vm};

/// Which combinatoric iterator a [`Combo`] is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Product,
    Permutations,
    Combinations,
    WithReplacement,
}

/// The state of every combinatoric iterator: `pools` (one per output position for
/// product, a single pool otherwise), `indices`, `cycles` (permutations), the output
/// width `r`, and whether the first result was produced / the iterator is exhausted.
pub struct Combo {
    kind: Kind,
    pools: Vec<Vec<Value>>,
    indices: Vec<usize>,
    cycles: Vec<usize>,
    r: usize,
    started: bool,
    stopped: bool,
}

fn pool(vm: &mut Vm, iterable: &Value) -> PyResult<Vec<Value>> {
    vm.collect(iterable)
}

fn r_arg(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    let n = index_i64(vm, v)?.ok_or_else(|| vm.new_overflow_error("Python int too large to convert to C ssize_t"))?;
    if n < 0 {
        return Err(vm.new_value_error("r must be non-negative"));
    }
    Ok(n as usize)
}

fn make(vm: &mut Vm, cls: &PyRef, kind: Kind, pools: Vec<Vec<Value>>, r: usize) -> Value {
    let n = pools.first().map_or(0, Vec::len);
    let (indices, cycles, stopped) = match kind {
        Kind::Product => (vec![0; pools.len()], Vec::new(), pools.iter().any(Vec::is_empty)),
        Kind::Permutations => ((0..n).collect(), (0..r).map(|i| n - i).collect(), r > n),
        Kind::Combinations => ((0..r).collect(), Vec::new(), r > n),
        Kind::WithReplacement => (vec![0; r], Vec::new(), n == 0 && r > 0),
    };
    wrap(vm, cls, Combo { kind, pools, indices, cycles, r, started: false, stopped })
}

/// product_new: product(*iterables, repeat=1)
pub fn product_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    let a = parse(vm, "(*iterables, repeat=1)", "product", args)?;
    let repeat = index_i64(vm, &a[1])?.ok_or_else(|| vm.new_overflow_error("Python int too large to convert to C ssize_t"))?;
    if repeat < 0 {
        return Err(vm.new_value_error("repeat argument cannot be negative"));
    }
    let mut base = Vec::new();
    for x in tuple_items(&a[0]).to_vec() {
        base.push(pool(vm, &x)?);
    }
    let total = base.len().checked_mul(repeat as usize).ok_or_else(|| vm.new_overflow_error("repeat argument too large"))?;
    let mut pools = Vec::with_capacity(total);
    for _ in 0..repeat {
        pools.extend(base.iter().cloned());
    }
    Ok(make(vm, cls, Kind::Product, pools, total))
}

/// permutations_new: permutations(iterable, r=None)
pub fn permutations_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    let a = parse(vm, "(iterable, r=None)", "permutations", args)?;
    let p = pool(vm, &a[0])?;
    let r = if a[1].is_none() { p.len() } else { r_arg(vm, &a[1])? };
    Ok(make(vm, cls, Kind::Permutations, vec![p], r))
}

/// combinations_new: combinations(iterable, r)
pub fn combinations_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    let a = parse(vm, "(iterable, r)", "combinations", args)?;
    let p = pool(vm, &a[0])?;
    let r = r_arg(vm, &a[1])?;
    Ok(make(vm, cls, Kind::Combinations, vec![p], r))
}

/// cwr_new: combinations_with_replacement(iterable, r)
pub fn cwr_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    let a = parse(vm, "(iterable, r)", "combinations_with_replacement", args)?;
    let p = pool(vm, &a[0])?;
    let r = r_arg(vm, &a[1])?;
    Ok(make(vm, cls, Kind::WithReplacement, vec![p], r))
}

/// Advance the index state to the next result; false when exhausted.
fn advance(s: &mut Combo) -> bool {
    let n = s.pools.first().map_or(0, Vec::len);
    let r = s.r;
    match s.kind {
        Kind::Product => {
            for i in (0..s.indices.len()).rev() {
                s.indices[i] += 1;
                if s.indices[i] < s.pools[i].len() {
                    return true;
                }
                s.indices[i] = 0;
            }
            false
        }
        Kind::Permutations => {
            for i in (0..r).rev() {
                s.cycles[i] -= 1;
                if s.cycles[i] == 0 {
                    let x = s.indices.remove(i);
                    s.indices.push(x);
                    s.cycles[i] = n - i;
                } else {
                    let j = s.cycles[i];
                    s.indices.swap(i, n - j);
                    return true;
                }
            }
            false
        }
        Kind::Combinations => {
            let Some(i) = (0..r).rev().find(|&i| s.indices[i] != i + n - r) else { return false };
            s.indices[i] += 1;
            for j in i + 1..r {
                s.indices[j] = s.indices[j - 1] + 1;
            }
            true
        }
        Kind::WithReplacement => {
            let Some(i) = (0..r).rev().find(|&i| s.indices[i] != n - 1) else { return false };
            let v = s.indices[i] + 1;
            for j in i..r {
                s.indices[j] = v;
            }
            true
        }
    }
}

/// The next result of any combinatoric iterator.
pub fn combo_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(st) = state::<Combo>(v) else { return Ok(None) };
    let items = {
        let mut s = st.borrow_mut();
        if s.stopped {
            return Ok(None);
        }
        if s.started && !advance(&mut s) {
            s.stopped = true;
            return Ok(None);
        }
        s.started = true;
        match s.kind {
            Kind::Product => s.indices.iter().enumerate().map(|(i, &j)| s.pools[i][j].clone()).collect::<Vec<_>>(),
            _ => s.indices[..s.r].iter().map(|&j| s.pools[0][j].clone()).collect(),
        }
    };
    Ok(Some(vm.new_tuple(items)))
}
