//! Builtin functions about objects and types: getattr, setattr, hasattr, delattr,
//! isinstance, issubclass, callable, dir, vars, id, hash.

use super::err_matches;
use crate::object::{Payload, PyRef, TypeFlags, Value};
use crate::types::methods::{method, MethodDef};
use crate::vm::{PyResult, Vm};

pub const FUNCTIONS: &[MethodDef] = &[
    method("getattr", "(object, name, default=?, /)", getattr),
    method("setattr", "(obj, name, value, /)", setattr),
    method("hasattr", "(obj, name, /)", hasattr),
    method("delattr", "(obj, name, /)", delattr),
    method("isinstance", "(obj, class_or_tuple, /)", isinstance),
    method("issubclass", "(cls, class_or_tuple, /)", issubclass),
    method("callable", "(obj, /)", callable),
    method("dir", "(object=?, /)", dir),
    method("vars", "(object=?, /)", vars),
    method("id", "(obj, /)", id),
    method("hash", "(obj, /)", hash),
];

/// The interned attribute name, or CPython's TypeError.
fn attr_name(vm: &mut Vm, v: &Value) -> PyResult<PyRef> {
    let s = super::str_arg_with(vm, v, |n| format!("attribute name must be string, not '{n}'"))?;
    Ok(vm.intern(&s))
}

/// getattr(object, name) with AttributeError turned into `None`.
fn lookup(vm: &mut Vm, obj: &Value, name: &PyRef) -> PyResult<Option<Value>> {
    match vm.get_attr_opt(obj, name) {
        Err(e) if err_matches(vm, &e, &vm.exc.attribute_error.clone()) => Ok(None),
        r => r,
    }
}

fn getattr(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let name = attr_name(vm, &a[1])?;
    if a[2].is_null() {
        return vm.get_attr(&a[0], &name);
    }
    Ok(lookup(vm, &a[0], &name)?.unwrap_or_else(|| a[2].clone()))
}

fn setattr(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let name = attr_name(vm, &a[1])?;
    vm.set_attr(&a[0], &name, a[2].clone())?;
    Ok(Value::None)
}

fn hasattr(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let name = attr_name(vm, &a[1])?;
    Ok(Value::Bool(lookup(vm, &a[0], &name)?.is_some()))
}

fn delattr(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let name = attr_name(vm, &a[1])?;
    vm.set_attr(&a[0], &name, Value::Null)?;
    Ok(Value::None)
}

/// PyCallable_Check.
pub fn is_callable(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Obj(o) => {
            matches!(o.payload, Payload::Function(_) | Payload::NativeFunction(_) | Payload::Method { .. } | Payload::Type(_))
                || vm.type_of(v).as_type().is_some_and(|t| t.slots().call.is_some())
        }
        _ => false,
    }
}

fn callable(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    Ok(Value::Bool(is_callable(vm, &a[0])))
}

/// A metaclass hook (`__instancecheck__`/`__subclasscheck__`) defined on `type(cls)`
/// other than `type` itself.
fn hook(vm: &mut Vm, cls: &Value, name: &str) -> Option<Value> {
    let meta = vm.type_of(cls);
    if meta.is(&vm.types.type_) {
        return None;
    }
    let key = vm.intern(name);
    vm.lookup_type_attr(&meta, &key)
}

/// PyObject_IsInstance (object_recursive_isinstance).
pub fn object_isinstance(vm: &mut Vm, obj: &Value, cls: &Value) -> PyResult<bool> {
    if let Value::Obj(c) = cls {
        if c.as_type().is_some() && vm.type_of(obj).is(c) {
            return Ok(true);
        }
        if c.as_type().is_some() && vm.type_of(cls).is(&vm.types.type_) {
            return plain_isinstance(vm, obj, cls);
        }
    }
    if let Some(args) = crate::types::union::union_args(cls) {
        return object_isinstance(vm, obj, &args);
    }
    if cls.as_obj().is_some_and(|c| c.as_tuple().is_some()) {
        return vm.with_recursion_guard(" in __instancecheck__", |vm| {
            for item in super::tuple_items(cls).to_vec() {
                if object_isinstance(vm, obj, &item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        });
    }
    if let Some(check) = hook(vm, cls, "__instancecheck__") {
        let meta = vm.type_of(cls);
        let r = vm.with_recursion_guard(" in __instancecheck__", |vm| vm.call_unbound(&check, cls, &meta, crate::object::Args::positional(std::slice::from_ref(obj))))?;
        return vm.is_true(&r);
    }
    plain_isinstance(vm, obj, cls)
}

/// object_isinstance: `type(obj)` or `obj.__class__` derives from `cls`, a type or an
/// object with a `__bases__` tuple.
pub fn plain_isinstance(vm: &mut Vm, obj: &Value, cls: &Value) -> PyResult<bool> {
    let class_key = vm.intern("__class__");
    if let Some(c) = cls.as_obj().filter(|c| c.as_type().is_some()) {
        let t = vm.type_of(obj);
        if vm.is_subtype(&t, c) {
            return Ok(true);
        }
        return Ok(match lookup(vm, obj, &class_key)? {
            Some(Value::Obj(icls)) if !icls.is(&t) && icls.as_type().is_some() => vm.is_subtype(&icls, c),
            _ => false,
        });
    }
    check_class(vm, cls, "isinstance() arg 2 must be a type, a tuple of types, or a union")?;
    match lookup(vm, obj, &class_key)? {
        Some(icls) => abstract_issubclass(vm, &icls, cls),
        None => Ok(false),
    }
}

/// abstract_get_bases: `cls.__bases__` when it is a tuple (AttributeError means none).
fn abstract_get_bases(vm: &mut Vm, cls: &Value) -> PyResult<Option<Value>> {
    let key = vm.intern("__bases__");
    Ok(lookup(vm, cls, &key)?.filter(|b| b.as_obj().is_some_and(|o| o.as_tuple().is_some())))
}

/// check_class: TypeError `msg` unless `cls` has a `__bases__` tuple.
fn check_class(vm: &mut Vm, cls: &Value, msg: &str) -> PyResult<()> {
    match abstract_get_bases(vm, cls)? {
        Some(_) => Ok(()),
        None => Err(vm.new_type_error(msg.to_string())),
    }
}

/// abstract_issubclass: `cls` is `derived` or reachable through `__bases__`.
fn abstract_issubclass(vm: &mut Vm, derived: &Value, cls: &Value) -> PyResult<bool> {
    let mut derived = derived.clone();
    let bases = loop {
        if derived.is(cls) {
            return Ok(true);
        }
        let Some(bases) = abstract_get_bases(vm, &derived)? else {
            return Ok(false);
        };
        let items = super::tuple_items(&bases).to_vec();
        match items.len() {
            0 => return Ok(false),
            // Single inheritance walks up without recursing.
            1 => derived = items[0].clone(),
            _ => break items,
        }
    };
    for base in &bases {
        if vm.with_recursion_guard(" in __issubclass__", |vm| abstract_issubclass(vm, base, cls))? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// PyObject_IsSubclass (object_issubclass).
pub fn object_issubclass(vm: &mut Vm, derived: &Value, cls: &Value) -> PyResult<bool> {
    if let Value::Obj(c) = cls {
        if c.as_type().is_some() && vm.type_of(cls).is(&vm.types.type_) {
            if derived.is(cls) {
                return Ok(true);
            }
            return recursive_issubclass(vm, derived, cls);
        }
    }
    if let Some(args) = crate::types::union::union_args(cls) {
        return object_issubclass(vm, derived, &args);
    }
    if cls.as_obj().is_some_and(|c| c.as_tuple().is_some()) {
        return vm.with_recursion_guard(" in __subclasscheck__", |vm| {
            for item in super::tuple_items(cls).to_vec() {
                if object_issubclass(vm, derived, &item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        });
    }
    if let Some(check) = hook(vm, cls, "__subclasscheck__") {
        let meta = vm.type_of(cls);
        let r = vm.with_recursion_guard(" in __subclasscheck__", |vm| vm.call_unbound(&check, cls, &meta, crate::object::Args::positional(std::slice::from_ref(derived))))?;
        return vm.is_true(&r);
    }
    recursive_issubclass(vm, derived, cls)
}

/// recursive_issubclass: types by their MRO, anything else by `__bases__`.
pub fn recursive_issubclass(vm: &mut Vm, derived: &Value, cls: &Value) -> PyResult<bool> {
    if let (Value::Obj(d), Value::Obj(c)) = (derived, cls) {
        if d.as_type().is_some() && c.as_type().is_some() {
            return Ok(vm.is_subtype(d, c));
        }
    }
    check_class(vm, derived, "issubclass() arg 1 must be a class")?;
    if crate::types::union::union_args(cls).is_none() {
        check_class(vm, cls, "issubclass() arg 2 must be a class, a tuple of classes, or a union")?;
    }
    abstract_issubclass(vm, derived, cls)
}

fn isinstance(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    object_isinstance(vm, &a[0], &a[1]).map(Value::Bool)
}

fn issubclass(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    object_issubclass(vm, &a[0], &a[1]).map(Value::Bool)
}

/// dir(): the caller's local names; dir(obj): `type(obj).__dir__(obj)` sorted.
fn dir(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let names = if a[0].is_null() {
        let locals = super::code::caller_locals(vm)?;
        vm.collect(&locals)?
    } else {
        let obj = &a[0];
        let ty = vm.type_of(obj);
        let key = vm.intern("__dir__");
        match vm.lookup_type_attr(&ty, &key) {
            Some(f) => {
                let r = vm.call_unbound(&f, obj, &ty, crate::object::Args::positional(&[]))?;
                vm.collect(&r)?
            }
            None => object_dir(vm, obj)?,
        }
    };
    super::sorted_list(vm, names, Value::None, Value::Bool(false))
}

/// The keys of `dicts`, without duplicates, in first-seen order.
fn merged_keys(vm: &mut Vm, dicts: Vec<PyRef>) -> PyResult<Vec<Value>> {
    let seen = vm.new_dict_ref();
    for d in dicts {
        let keys: Vec<Value> = d.as_dict().map(|t| t.borrow().iter().filter(|(_, e)| !e.key.is_null()).map(|(_, e)| e.key.clone()).collect()).unwrap_or_default();
        for k in keys {
            vm.dict_set_item(&seen, k, Value::None)?;
        }
    }
    vm.collect(&Value::Obj(seen))
}

/// The class dicts along a type's MRO.
fn mro_dicts(cls: &PyRef) -> Vec<PyRef> {
    let mro = cls.as_type().map(|t| t.mro.borrow().clone()).unwrap_or_default();
    mro.iter().filter_map(|t| t.as_type().map(|t| t.dict.clone())).collect()
}

/// object.__dir__ (object___dir___impl): the instance dict's keys and every attribute of
/// its class.
fn object_dir(vm: &mut Vm, obj: &Value) -> PyResult<Vec<Value>> {
    let mut dicts = Vec::new();
    if let Value::Obj(o) = obj {
        if o.as_type().is_none() {
            if let Some(d) = o.dict.borrow().clone() {
                dicts.push(d);
            }
        }
    }
    let cls = vm.type_of(obj);
    dicts.extend(mro_dicts(&cls));
    merged_keys(vm, dicts)
}

/// type.__dir__ (type___dir___impl): the attributes of a class and its bases.
fn type_dir(vm: &mut Vm, cls: &Value) -> PyResult<Vec<Value>> {
    let dicts = cls.as_obj().filter(|o| o.as_type().is_some()).map(mro_dicts).unwrap_or_default();
    merged_keys(vm, dicts)
}

/// module.__dir__ (module_dir): the module dict's `__dir__` when it has one, else its keys.
fn module_dir(vm: &mut Vm, m: &Value) -> PyResult<Value> {
    let Some(d) = m.as_obj().and_then(|o| o.dict.borrow().clone()) else {
        return Ok(vm.new_list(vec![]));
    };
    let key = Value::Obj(vm.intern("__dir__"));
    if let Some(f) = crate::types::dict_ops::get_item(vm, &d, &key)? {
        return vm.call_positional(&f, &[]);
    }
    let keys = merged_keys(vm, vec![d])?;
    Ok(vm.new_list(keys))
}

/// The `__dir__` methods of object, type and module.
pub const OBJECT_DIR: MethodDef = method("__dir__", "(self, /)", |vm, a| {
    let keys = object_dir(vm, &a[0])?;
    Ok(vm.new_list(keys))
});
pub const TYPE_DIR: MethodDef = method("__dir__", "(self, /)", |vm, a| {
    let keys = type_dir(vm, &a[0])?;
    Ok(vm.new_list(keys))
});
pub const MODULE_DIR: MethodDef = method("__dir__", "(self, /)", |vm, a| module_dir(vm, &a[0]));

/// vars(): the caller's locals; vars(obj): `obj.__dict__`.
fn vars(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    if a[0].is_null() {
        return super::code::caller_locals(vm);
    }
    let obj = &a[0];
    let key = vm.intern("__dict__");
    if let Some(d) = lookup(vm, obj, &key)? {
        return Ok(d);
    }
    if let Value::Obj(o) = obj {
        if let Some(d) = o.dict.borrow().clone() {
            return Ok(Value::Obj(d));
        }
        if let Some(t) = o.as_type() {
            return Ok(Value::Obj(t.dict.clone()));
        }
        // An instance whose dict has not been created yet (no `__slots__` in its class).
        let ty = o.class();
        let slots_name = vm.intern("__slots__");
        if ty.as_type().is_some_and(|t| t.has_flag(TypeFlags::HAS_DICT)) && vm.lookup_type_attr(&ty, &slots_name).is_none() {
            let d = vm.new_dict_ref();
            *o.dict.borrow_mut() = Some(d.clone());
            return Ok(Value::Obj(d));
        }
    }
    Err(vm.new_type_error("vars() argument must have __dict__ attribute"))
}

/// id(obj): the address for heap objects; immediates get a value-derived id above 2**64
/// (never an address), so `id(a) == id(b)` exactly when `a is b`.
fn id(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (tag, bits): (u8, u64) = match &a[0] {
        Value::Obj(o) => return Ok(vm.new_bigint(num_bigint::BigInt::from(o.addr()))),
        Value::Null | Value::None => (1, 0),
        Value::Bool(b) => (2, *b as u64),
        Value::Int(i) => (3, *i as u64),
        Value::Float(f) => (4, f.to_bits()),
    };
    Ok(vm.new_bigint((num_bigint::BigInt::from(tag) << 64) + bits))
}

fn hash(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    vm.hash(&a[0]).map(Value::Int)
}
