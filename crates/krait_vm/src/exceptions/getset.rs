//! `getset_descriptor`: data descriptors for attributes computed by Rust functions
//! (CPython's `PyGetSetDef`), used for the exception classes' C-level attributes.

use crate::object::{Payload, PyRef, Slots, Value};
use crate::vm::{PyResult, Vm};

/// Getter: `(vm, instance, attribute name)`.
pub type Getter = fn(&mut Vm, &Value, &'static str) -> PyResult<Value>;
/// Setter: `(vm, instance, value or Null for delete, attribute name)`; `None` makes the
/// attribute read-only.
pub type Setter = fn(&mut Vm, &Value, Value, &'static str) -> PyResult<()>;

/// One attribute of a builtin type.
pub struct GetSetDef {
    pub name: &'static str,
    pub get: Getter,
    pub set: Option<Setter>,
}

/// A descriptor object's state.
struct GetSet {
    name: &'static str,
    owner: PyRef,
    get: Getter,
    set: Option<Setter>,
}

/// Create the `getset_descriptor` type (not exposed as a builtin name).
pub fn make_type(vm: &mut Vm) -> PyRef {
    let object = vm.types.object.clone();
    let type_ = vm.types.type_.clone();
    let dict = vm.types.dict.clone();
    let t = crate::types::bootstrap::new_type(Some(&type_), Some(&dict), "getset_descriptor", vec![object.clone()], Slots::default(), 0);
    if let Some(tt) = t.as_type() {
        *tt.mro.borrow_mut() = vec![t.clone(), object];
        let mut s = tt.slots.borrow_mut();
        s.descr_get = Some(getset_get);
        s.descr_set = Some(getset_set);
        s.repr = Some(getset_repr);
    }
    crate::vm_init::inherit_slots(&t);
    t
}

impl GetSetDef {
    /// A read-write attribute stored in the exception's named fields (a C struct member
    /// in CPython; deleting it makes it read as None).
    pub const fn field(name: &'static str) -> GetSetDef {
        GetSetDef { name, get: |_, v, n| Ok(super::data(v).map(|d| d.field(n)).unwrap_or(Value::None)), set: Some(set_field) }
    }
}

fn set_field(_vm: &mut Vm, obj: &Value, v: Value, name: &'static str) -> PyResult<()> {
    if let Some(d) = super::data(obj) {
        d.set_field(name, if v.is_null() { Value::None } else { v });
    }
    Ok(())
}

/// Put a descriptor for each of `defs` into type `ty`'s dict.
pub fn add_getsets(vm: &mut Vm, descr_type: &PyRef, ty: &PyRef, defs: &[GetSetDef]) {
    for d in defs {
        let gs = GetSet { name: d.name, owner: ty.clone(), get: d.get, set: d.set };
        let v = vm.wrap(Payload::Native(Box::new(gs)), descr_type);
        vm.set_type_attr(ty, d.name, v);
    }
}

fn state(v: &Value) -> Option<&GetSet> {
    v.as_obj().and_then(|o| o.native::<GetSet>())
}

/// Check that `obj` is an instance of the descriptor's owner (CPython's `descr_check`).
fn check(vm: &mut Vm, gs: &GetSet, obj: &Value) -> PyResult<()> {
    let ty = vm.type_of(obj);
    if vm.is_subtype(&ty, &gs.owner) {
        return Ok(());
    }
    let owner = gs.owner.as_type().map(|t| t.name()).unwrap_or_default();
    let n = vm.type_name(obj);
    Err(vm.new_type_error(format!("descriptor '{}' for '{owner}' objects doesn't apply to a '{n}' object", gs.name)))
}

fn getset_get(vm: &mut Vm, d: &Value, obj: &Value, _owner: &Value) -> PyResult<Value> {
    let Some(gs) = state(d) else { return Ok(d.clone()) };
    if obj.is_null() || obj.is_none() {
        return Ok(d.clone());
    }
    check(vm, gs, obj)?;
    (gs.get)(vm, obj, gs.name)
}

fn getset_set(vm: &mut Vm, d: &Value, obj: &Value, value: Value) -> PyResult<()> {
    let Some(gs) = state(d) else { return Ok(()) };
    check(vm, gs, obj)?;
    match gs.set {
        Some(set) => set(vm, obj, value, gs.name),
        None => {
            let owner = gs.owner.as_type().map(|t| t.name()).unwrap_or_default();
            Err(vm.new_attribute_error(format!("attribute '{}' of '{owner}' objects is not writable", gs.name)))
        }
    }
}

fn getset_repr(vm: &mut Vm, d: &Value) -> PyResult<Value> {
    let text = match state(d) {
        Some(gs) => format!("<attribute '{}' of '{}' objects>", gs.name, gs.owner.as_type().map(|t| t.name()).unwrap_or_default()),
        None => "<attribute>".to_string(),
    };
    Ok(vm.new_str(&text))
}
