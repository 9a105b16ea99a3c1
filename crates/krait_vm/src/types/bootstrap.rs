//! Creating type objects, including the bootstrap of `object`, `type` and `dict`
//! (each needs the others to exist).

use crate::object::{Payload, PyObject, PyRef, Slots, TypeFlags, TypeObject};
use crate::types::dict::DictTable;
use std::cell::{Cell, RefCell};

/// A new type object. `meta` and `dict_type` are `None` only during bootstrap, when the
/// caller patches the classes afterwards.
pub fn new_type(
    meta: Option<&PyRef>,
    dict_type: Option<&PyRef>,
    name: &str,
    bases: Vec<PyRef>,
    slots: Slots,
    flags: u32,
) -> PyRef {
    let dict_payload = Payload::Dict(RefCell::new(DictTable::new()));
    let dict = PyRef::new(match dict_type {
        Some(t) => PyObject::new(t.clone(), dict_payload),
        None => PyObject::new_untyped(dict_payload),
    });
    let solid = bases.first().and_then(|b| b.as_type().and_then(|t| t.solid_base.borrow().clone()));
    let data = TypeObject {
        name: RefCell::new(name.to_string()),
        qualname: RefCell::new(name.to_string()),
        bases: RefCell::new(bases),
        mro: RefCell::new(Vec::new()),
        dict,
        slots: crate::object::SlotsCell::new(slots),
        flags: Cell::new(flags),
        version: Cell::new(next_version()),
        solid_base: RefCell::new(solid),
        subclasses: RefCell::new(Vec::new()),
        nslots: Cell::new(0),
    };
    let payload = Payload::Type(Box::new(data));
    let t = PyRef::new(match meta {
        Some(m) => PyObject::new(m.clone(), payload),
        None => PyObject::new_untyped(payload),
    });
    let t_data = t.as_type().expect("just made a type");
    for b in t_data.bases.borrow().iter() {
        if let Some(bt) = b.as_type() {
            let mut subs = bt.subclasses.borrow_mut();
            subs.retain(|w| w.upgrade().is_some());
            subs.push(t.downgrade());
        }
    }
    // A builtin type with no base of its own layout is its own solid base.
    if t_data.solid_base.borrow().is_none() || flags & TypeFlags::HEAPTYPE == 0 {
        *t_data.solid_base.borrow_mut() = Some(t.clone());
    }
    t
}

/// A fresh type version tag (attribute caches compare against it).
pub fn next_version() -> u32 {
    TYPE_VERSION.fetch_add(1, std::sync::atomic::Ordering::Relaxed).wrapping_add(1)
}

/// The latest type version handed out: it changes whenever any type is created or any
/// type's namespace changes, so an attribute cache filled at one value is valid while it
/// stays the same (subclasses included, without tracking them).
#[inline]
pub fn current_type_version() -> u32 {
    TYPE_VERSION.load(std::sync::atomic::Ordering::Relaxed)
}

static TYPE_VERSION: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);

impl crate::vm::Vm {
    /// A new builtin (non-heap) type `name` deriving from `base` (default `object`) with
    /// `slots`: its MRO is set, its slots are exposed as dunder wrappers and completed from
    /// its bases. Methods are added afterwards with `add_methods`.
    pub fn new_builtin_type(&mut self, name: &str, base: Option<&PyRef>, slots: Slots, flags: u32) -> PyRef {
        let base = base.cloned().unwrap_or_else(|| self.types.object.clone());
        let t = new_type(Some(&self.types.type_), Some(&self.types.dict), name, vec![base.clone()], slots, flags);
        if let Some(d) = t.as_type() {
            let mut mro = vec![t.clone()];
            mro.extend(base.as_type().map(|b| b.mro.borrow().clone()).unwrap_or_default());
            *d.mro.borrow_mut() = mro;
        }
        self.ready_type(&t);
        t
    }
}
