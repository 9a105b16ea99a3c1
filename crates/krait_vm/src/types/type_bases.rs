//! Assigning `cls.__bases__` (CPython's type_set_bases): the new bases are checked, the
//! MRO of the class and of every subclass is recomputed (restored on failure), the
//! subclass lists move, and the slots and attribute caches follow.

use crate::object::{PyRef, Value};
use crate::vm::{PyResult, Vm};

/// `cls.__bases__ = value` (`value` Null: `del cls.__bases__`).
pub fn set_bases(vm: &mut Vm, cls: &PyRef, value: &Value) -> PyResult<()> {
    let t = cls.as_type().expect("a class");
    let cname = t.name();
    if value.is_null() {
        return Err(vm.new_type_error(format!("cannot delete '__bases__' attribute of immutable type '{cname}'")));
    }
    let Some(items) = value.as_obj().and_then(|o| o.as_tuple()) else {
        let tn = vm.type_name(value);
        return Err(vm.new_type_error(format!("can only assign tuple to {cname}.__bases__, not {tn}")));
    };
    if items.is_empty() {
        return Err(vm.new_type_error(format!("can only assign non-empty tuple to {cname}.__bases__, not ()")));
    }
    let mut bases = Vec::with_capacity(items.len());
    for b in items {
        let Some(base) = b.as_obj().filter(|o| o.as_type().is_some()) else {
            let tn = vm.type_name(b);
            return Err(vm.new_type_error(format!("{cname}.__bases__ must be tuple of classes, not '{tn}'")));
        };
        if vm.is_subtype(base, cls) {
            return Err(vm.new_type_error("a __bases__ item causes an inheritance cycle"));
        }
        bases.push(base.clone());
    }
    // compatible_for_assignment: the instances' layout (the solid base) must not change
    // (a builtin base with its own layout is also a different deallocator in CPython).
    let solid = |b: &PyRef| b.as_type().and_then(|t| t.solid_base.borrow().clone());
    let old_solid = t.bases.borrow().first().and_then(solid);
    let new_solid = bases.iter().filter_map(solid).find(|s| !s.is(&vm.types.object)).or_else(|| bases.first().and_then(solid));
    let same_layout = match (&old_solid, &new_solid) {
        (Some(a), Some(b)) => a.is(b) || (!t.bases.borrow().iter().filter_map(solid).any(|s| !s.is(&vm.types.object)) && b.is(&vm.types.object)),
        _ => false,
    };
    if !same_layout {
        let old = t.bases.borrow().first().and_then(|b| b.as_type().map(|t| t.name())).unwrap_or_default();
        let new = bases[0].as_type().map(|t| t.name()).unwrap_or_default();
        return Err(vm.new_type_error(format!("__bases__ assignment: '{new}' deallocator differs from '{old}'")));
    }
    let old_bases = std::mem::replace(&mut *t.bases.borrow_mut(), bases.clone());
    if let Err(e) = remake_mros(vm, cls) {
        *t.bases.borrow_mut() = old_bases;
        remake_mros(vm, cls)?;
        return Err(e);
    }
    // The class leaves its old bases' subclass lists and joins the new ones'.
    for b in &old_bases {
        if let Some(bt) = b.as_type() {
            bt.subclasses.borrow_mut().retain(|w| w.upgrade().is_some_and(|s| !s.is(cls)));
        }
    }
    for b in &bases {
        if let Some(bt) = b.as_type() {
            bt.subclasses.borrow_mut().push(cls.downgrade());
        }
    }
    t.version.set(crate::types::bootstrap::next_version());
    crate::types::slot_wrappers::update_slots(vm, cls);
    Ok(())
}

/// Recompute the MRO of `cls` and, below it, of its subclasses.
fn remake_mros(vm: &mut Vm, cls: &PyRef) -> PyResult<()> {
    let mro = crate::types::typeobject::mro_or_error(vm, cls)?;
    let t = cls.as_type().expect("a class");
    *t.mro.borrow_mut() = mro;
    let subs: Vec<PyRef> = t.subclasses.borrow().iter().filter_map(|w| w.upgrade()).collect();
    for s in subs {
        remake_mros(vm, &s)?;
    }
    Ok(())
}
