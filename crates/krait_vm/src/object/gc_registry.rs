//! What the cycle collector knows about the heap (CPython's GC lists, `tp_traverse`
//! and `tp_clear`): the registry of container objects, their references, and how to
//! empty one to break a cycle.
//!
//! Objects are `Rc`-counted with no header to link them into a list, so containers are
//! registered at allocation ([`PyRef::new`]) as weak handles in a thread-local vector:
//! the entries after `young_start` are the young generation. A weak handle keeps the
//! object's memory (not its contents) allocated after it dies, until a collection
//! drops the dead entries of the generations it looks at.
//!
//! Tracked: plain instances (with or without `__slots__`), lists, dicts, sets, cells and functions — the objects
//! cycles run through in practice. Everything else (tuples, types, frames, native
//! state) is not tracked: references from such objects count as external, so a cycle
//! through one is kept (conservative, never wrong).

use super::{Payload, PyObject, PyRef, PyWeak, Value};
use std::cell::{Cell, RefCell};

/// The tracked objects; `young_start` splits the old generation from the young one.
struct Registry {
    objects: Vec<PyWeak>,
    young_start: usize,
}

thread_local! {
    static REGISTRY: RefCell<Registry> = const { RefCell::new(Registry { objects: Vec::new(), young_start: 0 }) };
    /// Generation-0 threshold; 0 when automatic collection is disabled (`gc.disable`).
    static THRESHOLD: Cell<usize> = const { Cell::new(700) };
}

/// Whether objects with this payload are tracked (_PyObject_GC_TRACK at allocation).
#[inline]
pub(super) fn is_container(p: &Payload) -> bool {
    matches!(p, Payload::Object | Payload::SlotValues(_) | Payload::List(_) | Payload::Dict(_) | Payload::Set(_) | Payload::Cell(_) | Payload::Function(_))
}

/// Register a new container; asks the loop for a young collection once the young
/// generation outgrows the threshold. (Kept out of line: `PyRef::new` is inlined
/// everywhere.)
#[inline(never)]
pub(super) fn track(r: &PyRef) {
    let young = REGISTRY.try_with(|reg| {
        reg.try_borrow_mut().map_or(0, |mut reg| {
            reg.objects.push(r.downgrade());
            reg.objects.len() - reg.young_start
        })
    });
    if let Ok(young) = young {
        let t = THRESHOLD.with(Cell::get);
        if t != 0 && young == t {
            crate::interp::breaker::set(crate::interp::breaker::GC);
        }
    }
}

/// The generation-0 threshold (0: automatic collection is disabled).
pub fn threshold() -> usize {
    THRESHOLD.with(Cell::get)
}

/// Set the generation-0 threshold (0 disables automatic collection).
pub fn set_threshold(t: usize) {
    THRESHOLD.with(|c| c.set(t));
}

/// The live objects of the young generation, or of all generations; dead entries are
/// dropped from the registry on the way (which frees their memory).
pub fn live_objects(all: bool) -> Vec<PyRef> {
    REGISTRY.with(|reg| {
        let mut reg = reg.borrow_mut();
        let young_start = reg.young_start;
        let start = if all { 0 } else { young_start };
        let mut live = Vec::new();
        let mut kept_old = start;
        let mut keep = Vec::new();
        for (i, w) in reg.objects.drain(start..).enumerate() {
            if let Some(o) = w.upgrade() {
                live.push(o);
                keep.push(w);
                if start + i < young_start {
                    kept_old += 1;
                }
            }
        }
        reg.objects.extend(keep);
        reg.young_start = if all { kept_old } else { young_start };
        live
    })
}

/// Drop the young generation's dead entries (freeing their memory); the number of
/// live young objects. CPython counts deallocations against the threshold too, so
/// temporaries that already died do not make a collection due.
pub fn compact_young() -> usize {
    REGISTRY.with(|reg| {
        let mut reg = reg.borrow_mut();
        let start = reg.young_start;
        let mut live = start;
        for i in start..reg.objects.len() {
            if reg.objects[i].strong_count() > 0 {
                reg.objects.swap(live, i);
                live += 1;
            }
        }
        reg.objects.truncate(live);
        live - start
    })
}

/// The young generation has been examined: its survivors become old.
pub fn promote_young() {
    REGISTRY.with(|reg| {
        let mut reg = reg.borrow_mut();
        reg.young_start = reg.objects.len();
    });
}

/// Sizes of the (old, young) generations as registered (dead entries included).
pub fn counts() -> (usize, usize) {
    REGISTRY.with(|reg| {
        let reg = reg.borrow();
        (reg.young_start, reg.objects.len() - reg.young_start)
    })
}

/// Whether `o` is a tracked container.
pub fn is_tracked(o: &PyObject) -> bool {
    is_container(&o.payload)
}

/// Call `visit` on every object `o` holds a strong reference to (tp_traverse). Returns
/// false when a contents borrow was not available: the caller must then treat `o` as
/// reachable (its references were not all seen).
pub fn traverse(o: &PyObject, visit: &mut dyn FnMut(&PyRef)) -> bool {
    let mut value = |v: &Value| {
        if let Value::Obj(r) = v {
            visit(r);
        }
    };
    // (The class is not visited: types are not tracked.)
    let Ok(dict) = o.dict.try_borrow() else { return false };
    if let Some(d) = dict.as_ref() {
        value(&Value::Obj(d.clone()));
    }
    match &o.payload {
        Payload::List(l) | Payload::SlotValues(l) => match l.try_borrow() {
            Ok(l) => l.iter().for_each(&mut value),
            Err(_) => return false,
        },
        Payload::Tuple(t) => t.iter().for_each(&mut value),
        Payload::Dict(d) => match d.try_borrow() {
            Ok(d) => d.iter().for_each(|(_, e)| {
                value(&e.key);
                value(&e.value);
            }),
            Err(_) => return false,
        },
        Payload::Set(s) => match s.try_borrow() {
            Ok(s) => s.iter().for_each(|e| value(&e.key)),
            Err(_) => return false,
        },
        Payload::Cell(c) => match c.try_borrow() {
            Ok(c) => value(&c),
            Err(_) => return false,
        },
        Payload::Method { func, self_ } => {
            value(func);
            value(self_);
        }
        Payload::Function(f) => {
            value(&Value::Obj(f.globals.clone()));
            value(&Value::Obj(f.builtins.clone()));
            for r in [&f.name, &f.qualname, &f.defaults, &f.kwdefaults, &f.doc, &f.module, &f.annotations] {
                match r.try_borrow() {
                    Ok(v) => value(&v),
                    Err(_) => return false,
                }
            }
            for c in f.closure.iter().flatten() {
                value(&Value::Obj(c.clone()));
            }
        }
        _ => {}
    }
    true
}

/// Empty `o` to break the cycles it is on (tp_clear); the removed references are
/// returned, to be dropped once every object of the cycle has been cleared.
pub fn clear(o: &PyObject) -> Vec<Value> {
    let mut out = Vec::new();
    if let Some(d) = o.dict.try_borrow_mut().ok().and_then(|mut d| d.take()) {
        out.push(Value::Obj(d));
    }
    match &o.payload {
        Payload::List(l) => {
            if let Ok(mut l) = l.try_borrow_mut() {
                out.append(&mut l);
            }
        }
        // Slot values are emptied in place (the count of slots is part of the layout).
        Payload::SlotValues(l) => {
            if let Ok(mut l) = l.try_borrow_mut() {
                out.extend(l.iter_mut().map(|v| std::mem::replace(v, Value::Null)));
            }
        }
        Payload::Dict(d) => {
            if let Ok(mut d) = d.try_borrow_mut() {
                for (_, e) in d.iter() {
                    out.push(e.key.clone());
                    out.push(e.value.clone());
                }
                // The clones keep every entry alive: nothing is freed under the borrow.
                d.clear();
            }
        }
        Payload::Set(s) => {
            if let Ok(mut s) = s.try_borrow_mut() {
                // As for dicts, the clones keep the keys alive through the clear.
                out.extend(s.iter().map(|e| e.key.clone()));
                s.clear();
            }
        }
        Payload::Cell(c) => {
            if let Ok(mut c) = c.try_borrow_mut() {
                out.push(std::mem::replace(&mut *c, Value::Null));
            }
        }
        Payload::Function(f) => {
            for r in [&f.defaults, &f.kwdefaults, &f.annotations, &f.doc] {
                if let Ok(mut v) = r.try_borrow_mut() {
                    out.push(std::mem::replace(&mut *v, Value::None));
                }
            }
        }
        _ => {}
    }
    out
}
