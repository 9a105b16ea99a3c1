//! `__slots__`: the `member_descriptor` type, the per-instance storage of slot values,
//! and the class-creation step that turns `__slots__` into descriptors (CPython's
//! type_new_slots / type_new_descriptors and PyMemberDef access in structmember.c).

use crate::object::{Payload, PyObject, PyRef, Slots, TypeFlags, Value};
use crate::types::dict_ops;
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;

/// A member descriptor's state: the slot's (mangled) name, its index in the instance's
/// slot values, and the class that declared it.
struct Member {
    name: PyRef,
    index: usize,
    owner: PyRef,
}

/// The payload of a new plain instance of `cls`: slot storage when the class has slots.
pub fn instance_payload(cls: &PyRef) -> Payload {
    match cls.as_type().map_or(0, |t| t.nslots.get()) {
        0 => Payload::Object,
        n => Payload::SlotValues(RefCell::new(vec![Value::Null; n])),
    }
}

/// Whether `o` is a plain instance (no builtin payload other than slot storage).
pub fn is_plain_instance(o: &PyObject) -> bool {
    matches!(o.payload, Payload::Object | Payload::SlotValues(_))
}

fn member_type(vm: &mut Vm) -> PyRef {
    if let Some(t) = crate::builtins::vm_type(vm, "member_descriptor") {
        return t;
    }
    let slots = Slots { descr_get: Some(member_get), descr_set: Some(member_set), repr: Some(member_repr), ..Default::default() };
    let t = vm.new_builtin_type("member_descriptor", None, slots, 0);
    let getsets = [
        crate::types::getset::GetSetDef { name: "__name__", get: |_, v, _| Ok(member(v).map_or(Value::None, |m| Value::Obj(m.name.clone()))), set: None },
        crate::types::getset::GetSetDef { name: "__objclass__", get: |_, v, _| Ok(member(v).map_or(Value::None, |m| Value::Obj(m.owner.clone()))), set: None },
    ];
    vm.add_getsets(&t, &getsets);
    // member_reduce: (getattr, (owner, name))
    let reduce = crate::types::methods::method("__reduce__", "(self, /)", |vm, a| {
        let Some(m) = member(&a[0]) else { return Ok(Value::None) };
        let getattr = crate::types::callable_reduce::builtin(vm, "getattr")?;
        let args = vm.new_tuple(vec![Value::Obj(m.owner.clone()), Value::Obj(m.name.clone())]);
        Ok(vm.new_tuple(vec![getattr, args]))
    });
    vm.add_methods(&t, "member_descriptor", &[reduce]);
    crate::builtins::set_vm_type(vm, "member_descriptor", t.clone());
    t
}

fn member(v: &Value) -> Option<&Member> {
    v.as_obj().and_then(|o| o.native::<Member>())
}

fn owner_name(m: &Member) -> String {
    m.owner.as_type().map(|t| t.name()).unwrap_or_default()
}

/// descr_check: the instance must be of the declaring class.
fn check(vm: &mut Vm, m: &Member, obj: &Value) -> PyResult<PyRef> {
    let ty = vm.type_of(obj);
    match obj {
        Value::Obj(o) if vm.is_subtype(&ty, &m.owner) => Ok(o.clone()),
        _ => {
            let (name, owner, n) = (vm.str_of(&Value::Obj(m.name.clone())), owner_name(m), vm.type_name(obj));
            Err(vm.new_type_error(format!("descriptor '{name}' for '{owner}' objects doesn't apply to a '{n}' object")))
        }
    }
}

/// Read slot `m` of `o`. Instances with a builtin payload (a slotted subclass of list,
/// int, ...) keep their slot values in their dict, keyed by the descriptor itself.
fn load(vm: &mut Vm, d: &Value, m: &Member, o: &PyRef) -> PyResult<Value> {
    if let Payload::SlotValues(s) = &o.payload {
        return Ok(s.borrow().get(m.index).cloned().unwrap_or(Value::Null));
    }
    let dict = o.dict.borrow().clone();
    match dict {
        Some(dict) => Ok(dict_ops::get_item(vm, &dict, d)?.unwrap_or(Value::Null)),
        None => Ok(Value::Null),
    }
}

/// The slot index of a member descriptor, for the attribute caches (LOAD_ATTR_SLOT).
pub fn member_index(d: &Value) -> Option<usize> {
    member(d).map(|m| m.index)
}

/// Slot `index` of a plain slotted instance, when set (`None`: not such an instance, or unset).
#[inline]
pub fn slot_value(o: &PyRef, index: usize) -> Option<Value> {
    let Payload::SlotValues(s) = &o.payload else { return None };
    let v = s.borrow().get(index).cloned()?;
    (!v.is_null()).then_some(v)
}

/// Store into slot `index` of a plain slotted instance; the value is given back when `o`
/// is not one.
#[inline]
pub fn set_slot_value(o: &PyRef, index: usize, value: Value) -> Result<(), Value> {
    let Payload::SlotValues(s) = &o.payload else { return Err(value) };
    let old = match s.borrow_mut().get_mut(index) {
        Some(slot) => std::mem::replace(slot, value),
        None => return Err(value),
    };
    // The old value is dropped after the borrow ends (its finaliser may run code).
    drop(old);
    Ok(())
}

fn member_get(vm: &mut Vm, d: &Value, obj: &Value, _owner: &Value) -> PyResult<Value> {
    let Some(m) = member(d) else { return Ok(d.clone()) };
    if obj.is_null() {
        return Ok(d.clone());
    }
    let o = check(vm, m, obj)?;
    let v = load(vm, d, m, &o)?;
    if v.is_null() {
        return Err(vm.attribute_error_for(obj, &m.name));
    }
    Ok(v)
}

fn member_set(vm: &mut Vm, d: &Value, obj: &Value, value: Value) -> PyResult<()> {
    let Some(m) = member(d) else { return Ok(()) };
    let o = check(vm, m, obj)?;
    if value.is_null() && load(vm, d, m, &o)?.is_null() {
        // Deleting an unset slot: the message is the bare name (PyMember_SetOne).
        let name = vm.str_of(&Value::Obj(m.name.clone()));
        return Err(vm.new_attribute_error(&*name));
    }
    if let Payload::SlotValues(s) = &o.payload {
        let old = s.borrow_mut().get_mut(m.index).map(|slot| std::mem::replace(slot, value));
        // The old value is dropped after the borrow ends (its finaliser may run code).
        drop(old);
        return Ok(());
    }
    let dict = {
        let mut slot = o.dict.borrow_mut();
        slot.get_or_insert_with(|| PyRef::new(PyObject::new(vm.types.dict.clone(), Payload::Dict(Default::default())))).clone()
    };
    if value.is_null() {
        dict_ops::del_item(vm, &dict, d).map(|_| ())
    } else {
        dict_ops::set_item(vm, &dict, d.clone(), value)
    }
}

fn member_repr(vm: &mut Vm, d: &Value) -> PyResult<Value> {
    let text = match member(d) {
        Some(m) => format!("<member '{}' of '{}' objects>", vm.str_of(&Value::Obj(m.name.clone())), owner_name(m)),
        None => "<member>".to_string(),
    };
    Ok(vm.new_str(&text))
}

/// Whether instances of `a` and `b` carry the same slots (same names, same order), so
/// `__class__` may be switched between them (CPython's same_slots_added).
pub fn same_slots(vm: &mut Vm, a: &PyRef, b: &PyRef) -> bool {
    slot_names(vm, a) == slot_names(vm, b)
}

fn slot_names(vm: &mut Vm, t: &PyRef) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mro = t.as_type().map(|t| t.mro.borrow().clone()).unwrap_or_default();
    for c in &mro {
        let Some(ct) = c.as_type() else { continue };
        let values: Vec<Value> = ct.dict.as_dict().map(|d| d.borrow().iter().map(|(_, e)| e.value.clone()).collect()).unwrap_or_default();
        for v in values {
            if let Some(m) = member(&v).filter(|m| m.owner.is(c)) {
                out.push((m.index, vm.str_of(&Value::Obj(m.name.clone())).to_string()));
            }
        }
    }
    out.sort();
    out
}

/// _Py_Mangle: `__x` inside class `C` is `_C__x` (not dunders, not dotted names).
fn mangle(class_name: &str, name: &str) -> String {
    let stripped = class_name.trim_start_matches('_');
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') || stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

/// type_new_slots for class `cls` being created from namespace entries `ns`: when the
/// namespace has `__slots__`, add a member descriptor per name and decide whether
/// instances get a `__dict__`. Sets `nslots` and the HAS_DICT flag either way.
/// Returns whether the instances get a `__weakref__` slot (no `__slots__`, or one
/// naming `__weakref__`).
pub fn apply(vm: &mut Vm, cls: &PyRef, ns: &PyRef) -> PyResult<bool> {
    let t = cls.as_type().expect("type");
    let bases = t.bases.borrow().clone();
    let base_dict = bases.iter().any(|b| b.as_type().is_some_and(|bt| bt.has_flag(TypeFlags::HAS_DICT)));
    let base_slots = layout_base_slots(vm, &bases)?;
    t.nslots.set(base_slots);
    let key = Value::Obj(vm.intern("__slots__"));
    let Some(slots) = dict_ops::get_item(vm, ns, &key)? else {
        t.flags.set(t.flags.get() | TypeFlags::HAS_DICT);
        return Ok(true);
    };
    let items = match slots.as_obj().and_then(|o| o.as_str()) {
        Some(_) => vec![slots.clone()],
        None => vm.collect(&slots)?,
    };
    let mut add_dict = false;
    let mut add_weakref = false;
    let mut names: Vec<String> = Vec::new();
    let class_name = t.name();
    for item in &items {
        let Some(s) = item.as_obj().and_then(|o| o.as_str()) else {
            let n = vm.type_name(item);
            return Err(vm.new_type_error(format!("__slots__ items must be strings, not '{n}'")));
        };
        let s = s.as_str().to_string();
        if !crate::types::str_methods::is_identifier(&s) {
            return Err(vm.new_type_error("__slots__ must be identifiers"));
        }
        match s.as_str() {
            "__dict__" => {
                if base_dict || add_dict {
                    return Err(vm.new_type_error("__dict__ slot disallowed: we already got one"));
                }
                add_dict = true;
            }
            "__weakref__" => add_weakref = true,
            _ => {
                let m = mangle(&class_name, &s);
                let mkey = Value::Obj(vm.intern(&m));
                if dict_ops::get_item(vm, ns, &mkey)?.is_some() {
                    let r = vm.repr(&mkey)?;
                    let r = r.as_str().map(|s| s.as_str().to_string()).unwrap_or_default();
                    return Err(vm.new_value_error(format!("{r} in __slots__ conflicts with class variable")));
                }
                names.push(m);
            }
        }
    }
    names.sort();
    names.dedup();
    if base_dict || add_dict {
        t.flags.set(t.flags.get() | TypeFlags::HAS_DICT);
    } else {
        t.flags.set(t.flags.get() & !TypeFlags::HAS_DICT);
    }
    let mt = member_type(vm);
    for (i, n) in names.iter().enumerate() {
        let name = vm.intern(n);
        let d = vm.wrap(Payload::Native(Box::new(Member { name: name.clone(), index: base_slots + i, owner: cls.clone() })), &mt);
        dict_ops::set_item(vm, &t.dict, Value::Obj(name), d)?;
    }
    t.nslots.set(base_slots + names.len());
    t.version.set(crate::types::bootstrap::next_version());
    Ok(add_weakref)
}

/// The slot count inherited from the bases: at most one base may bring slot values
/// (best_base's "multiple bases have instance lay-out conflict").
fn layout_base_slots(vm: &mut Vm, bases: &[PyRef]) -> PyResult<usize> {
    let mut best: Option<PyRef> = None;
    for b in bases {
        let n = b.as_type().map_or(0, |t| t.nslots.get());
        if n == 0 {
            continue;
        }
        // Compare the classes that added the slots (solid_base): a subclass with an
        // empty `__slots__` has its base's layout.
        let solid = slot_solid_base(b, n);
        match &best {
            Some(cur) if vm.is_subtype(&solid, cur) => best = Some(solid),
            Some(cur) if vm.is_subtype(cur, &solid) => {}
            Some(_) => return Err(vm.new_type_error("multiple bases have instance lay-out conflict")),
            None => best = Some(solid),
        }
    }
    Ok(best.and_then(|b| b.as_type().map(|t| t.nslots.get())).unwrap_or(0))
}

/// The most basic class in `b`'s MRO with the same `n` slot values: the one that added
/// the last of them.
fn slot_solid_base(b: &PyRef, n: usize) -> PyRef {
    let mro = b.as_type().map(|t| t.mro.borrow().clone()).unwrap_or_default();
    mro.into_iter().filter(|t| t.as_type().is_some_and(|t| t.nslots.get() == n)).last().unwrap_or_else(|| b.clone())
}
