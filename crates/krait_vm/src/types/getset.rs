//! `getset_descriptor`: data descriptors for attributes computed by Rust functions
//! (CPython's `PyGetSetDef`): attributes of builtin types that are not in a dict.

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
    let slots = Slots { descr_get: Some(getset_get), descr_set: Some(getset_set), repr: Some(getset_repr), ..Default::default() };
    vm.new_builtin_type("getset_descriptor", None, slots, 0)
}

impl Vm {
    /// Put a descriptor for each of `defs` into type `ty`'s dict.
    pub fn add_getsets(&mut self, ty: &PyRef, defs: &[GetSetDef]) {
        let descr_type = self.getset_type.clone().expect("getset_descriptor type");
        for d in defs {
            let gs = GetSet { name: d.name, owner: ty.clone(), get: d.get, set: d.set };
            let v = self.wrap(Payload::Native(Box::new(gs)), &descr_type);
            self.set_type_attr(ty, d.name, v);
        }
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
    if obj.is_null() {
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
