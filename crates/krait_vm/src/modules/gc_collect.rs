//! The cycle collector's algorithm (CPython's gcmodule.c `gc_collect_main`): find the
//! tracked containers that only other examined containers refer to, run their
//! finalizers (PEP 442), and clear those still unreachable so reference counting frees
//! them.

use crate::object::finalize::{is_finalized, mark_finalized};
use crate::object::gc_registry::{self, traverse};
use crate::object::{PyRef, TypeFlags, Value};
use crate::vm::Vm;
use std::cell::Cell;
use hashbrown::{HashMap, HashSet};

thread_local! {
    /// Young collections since the last full one, and the old generation's size then.
    static SINCE_FULL: Cell<(usize, usize)> = const { Cell::new((0, 0)) };
}

/// The indices of the objects in `objs` that nothing outside `objs` refers to, directly
/// or through other objects of `objs` (update_refs, subtract_refs, move_unreachable).
/// The caller holds exactly one reference to each object, through `objs`.
fn unreachable(objs: &[PyRef]) -> Vec<usize> {
    let index: HashMap<usize, usize> = objs.iter().enumerate().map(|(i, o)| (o.addr(), i)).collect();
    let mut refs: Vec<isize> = objs.iter().map(|o| o.strong_count() as isize - 1).collect();
    let mut stack = Vec::new();
    let mut reached = vec![false; objs.len()];
    for (i, o) in objs.iter().enumerate() {
        let complete = traverse(o, &mut |r| {
            if let Some(&j) = index.get(&r.addr()) {
                refs[j] -= 1;
            }
        });
        if !complete {
            reached[i] = true;
            stack.push(i);
        }
    }
    for (i, &n) in refs.iter().enumerate() {
        if n > 0 && !reached[i] {
            reached[i] = true;
            stack.push(i);
        }
    }
    while let Some(i) = stack.pop() {
        traverse(&objs[i], &mut |r| {
            if let Some(&j) = index.get(&r.addr()) {
                if !reached[j] {
                    reached[j] = true;
                    stack.push(j);
                }
            }
        });
    }
    (0..objs.len()).filter(|&i| !reached[i]).collect()
}

/// Collect the young generation, or every generation when `full`; the number of
/// unreachable objects found (and freed).
pub fn collect(vm: &mut Vm, full: bool) -> usize {
    let objs = gc_registry::live_objects(full);
    let found = unreachable(&objs);
    gc_registry::promote_young();
    if full {
        SINCE_FULL.with(|s| s.set((0, gc_registry::counts().0)));
    }
    if found.is_empty() {
        return 0;
    }
    let mut garbage: Vec<PyRef> = found.into_iter().map(|i| objs[i].clone()).collect();
    drop(objs);
    // finalize_garbage: `__del__` runs once, before anything is cleared.
    let mut ran = false;
    for o in &garbage {
        let has_del = o.with_class(|c| c.as_type().is_some_and(|t| t.has_flag(TypeFlags::HAS_FINALIZE)));
        if has_del && !is_finalized(o.addr()) {
            mark_finalized(o.addr());
            crate::interp::finalize::call_del(vm, Value::Obj(o.clone()));
            ran = true;
        }
    }
    // handle_resurrected_objects: what a finalizer made reachable again is kept.
    if ran {
        let still = unreachable(&garbage);
        garbage = still.into_iter().map(|i| garbage[i].clone()).collect();
    }
    // CPython 3.11 keeps a plain instance's attributes in the object until `__dict__`
    // is asked for, so its count leaves out the dicts owned by other garbage.
    let owned: HashSet<usize> = garbage.iter().filter_map(|o| o.dict.try_borrow().ok().and_then(|d| d.as_ref().map(|d| d.addr()))).collect();
    let n = garbage.iter().filter(|o| !owned.contains(&o.addr())).count();
    // delete_garbage: empty every object, then let reference counting free them.
    let cleared: Vec<Value> = garbage.iter().flat_map(|o| gc_registry::clear(o)).collect();
    drop(garbage);
    drop(cleared);
    n
}

/// The eval breaker's GC request: a young collection, and a full one when the old
/// generation has grown by a quarter since the last (CPython's long-lived heuristic)
/// after at least ten young ones.
pub fn collect_automatic(vm: &mut Vm) {
    let t = gc_registry::threshold();
    if t == 0 || gc_registry::compact_young() < t {
        return;
    }
    let (young_runs, old_then) = SINCE_FULL.with(Cell::get);
    let old_now = gc_registry::counts().0;
    let full = young_runs >= 10 && old_now > old_then + old_then / 4;
    collect(vm, full);
    if !full {
        SINCE_FULL.with(|s| s.set((young_runs + 1, old_then)));
    }
    crate::interp::finalize::run_pending(vm);
}
