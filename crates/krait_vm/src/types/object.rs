//! `object`: the root type's slots (construction, identity hash and equality, default
//! repr, generic attribute access) and methods.

use crate::object::hash::hash_pointer;
use crate::object::{Args, CmpOp, PyObject, PyRef, TypeFlags, Value};
use crate::types::getset::GetSetDef;
use crate::types::methods::{method, MethodDef, MethodKind};
use crate::vm::{PyResult, Vm};

pub fn init(vm: &mut Vm) {
    // repr(NotImplemented) and repr(...) (`NotImplemented_repr`, `ellipsis_repr`).
    let singletons: [(PyRef, crate::object::UnaryFn); 2] = [
        (vm.types.not_implemented_type.clone(), |vm, _| Ok(vm.new_str("NotImplemented"))),
        (vm.types.ellipsis_type.clone(), |vm, _| Ok(vm.new_str("Ellipsis"))),
    ];
    for (ty, repr) in singletons {
        if let Some(t) = ty.as_type() {
            t.slots.borrow_mut().repr = Some(repr);
        }
        // NotImplemented_reduce / ellipsis_reduce: pickled by name.
        let name = if ty.is(&vm.types.ellipsis_type) { "ellipsis" } else { "NotImplementedType" };
        vm.add_methods(&ty, name, &[method("__reduce__", "(self, /)", |vm, a| vm.repr(&a[0]).map(Value::Obj))]);
    }
    // NoneType: falsy, "None", and calling it gives None (CPython's none_new).
    if let Some(t) = vm.types.none_type.as_type() {
        let mut s = t.slots.borrow_mut();
        s.repr = Some(|vm, _| Ok(vm.new_str("None")));
        s.bool = Some(|_, _| Ok(false));
        s.new = Some(|vm, _, args| {
            if !args.args.is_empty() {
                return Err(vm.new_type_error("NoneType takes no arguments"));
            }
            Ok(Value::None)
        });
    }
    let t = vm.types.object.clone();
    {
        let mut s = t.as_type().expect("type").slots.borrow_mut();
        s.new = Some(object_new);
        s.init = Some(object_init);
        s.repr = Some(object_repr);
        s.str = Some(|vm, v| Ok(Value::Obj(vm.repr(v)?)));
        s.hash = Some(object_hash);
        s.richcompare = Some(object_richcompare);
    }
    const METHODS: &[MethodDef] = &[
        method("__repr__", "(self, /)", |vm, a| object_repr(vm, &a[0])),
        method("__hash__", "(self, /)", |vm, a| Ok(Value::Int(object_hash(vm, &a[0])?))),
        method("__eq__", "(self, value, /)", |vm, a| object_richcompare(vm, &a[0], &a[1], CmpOp::Eq)),
        method("__ne__", "(self, value, /)", |vm, a| object_richcompare(vm, &a[0], &a[1], CmpOp::Ne)),
        method("__init__", "(self, /, *args, **kwargs)", |vm, a| object_init_checked(vm, &a[0], has_excess(&a[1], &a[2])).map(|_| Value::None)),
        method("__format__", "(self, format_spec, /)", object_format),
        crate::builtins::introspection::OBJECT_DIR,
        method("__getattribute__", "(self, name, /)", |vm, a| {
            let name = name_arg(vm, &a[1])?;
            vm.generic_get_attr(&a[0], &name)?.ok_or_else(|| vm.attribute_error_for(&a[0], &name))
        }),
        method("__setattr__", "(self, name, value, /)", |vm, a| {
            let name = name_arg(vm, &a[1])?;
            vm.generic_set_attr(&a[0], &name, a[2].clone()).map(|_| Value::None)
        }),
        method("__delattr__", "(self, name, /)", |vm, a| {
            let name = name_arg(vm, &a[1])?;
            vm.generic_set_attr(&a[0], &name, Value::Null).map(|_| Value::None)
        }),
        MethodDef { name: "__init_subclass__", sig: "(cls, /)", func: |_, _| Ok(Value::None), kind: MethodKind::ClassMethod },
        MethodDef { name: "__new__", sig: "(cls, /, *args, **kwargs)", func: object_new_method, kind: MethodKind::StaticMethod },
    ];
    vm.add_methods(&t, "object", METHODS);
    // As in CPython, `object.__init__` and `object.__str__` are slot wrappers (Lib/types.py
    // takes WrapperDescriptorType and MethodWrapperType from them).
    use crate::types::slot_descriptors::Wrap;
    for (name, kind) in [("__init__", Wrap::Init), ("__str__", Wrap::Str)] {
        let w = vm.slot_wrapper(&t, name, kind);
        vm.set_type_attr(&t, name, w);
    }
    vm.add_methods(&t, "object", crate::types::object_reduce::METHODS);
    let doc = vm.new_str("The root of every class: object() makes a featureless instance, with no\ninstance attributes and no way to add any.\n");
    vm.set_type_attr(&t, "__doc__", doc);
}

/// `__class__` (on object) and `__dict__` (on classes whose instances have one): added
/// once the getset descriptor type exists.
pub fn init_getsets(vm: &mut Vm) {
    let t = vm.types.object.clone();
    vm.add_getsets(&t, &[GetSetDef { name: "__class__", get: |vm, v, _| Ok(Value::Obj(vm.type_of(v))), set: Some(set_class) }]);
}

/// The `__dict__` descriptor of a class whose instances have a dict.
pub const INSTANCE_DICT: GetSetDef = GetSetDef { name: "__dict__", get: get_instance_dict, set: Some(set_instance_dict) };

fn get_instance_dict(vm: &mut Vm, v: &Value, _: &'static str) -> PyResult<Value> {
    let Value::Obj(o) = v else { return Err(vm.new_attribute_error("object has no __dict__")) };
    let existing = o.dict.borrow().clone();
    Ok(Value::Obj(match existing {
        Some(d) => d,
        None => {
            let d = vm.new_dict_ref();
            *o.dict.borrow_mut() = Some(d.clone());
            d
        }
    }))
}

fn set_instance_dict(vm: &mut Vm, v: &Value, value: Value, _: &'static str) -> PyResult<()> {
    let Value::Obj(o) = v else { return Ok(()) };
    match value {
        Value::Obj(d) if d.as_dict().is_some() => {
            *o.dict.borrow_mut() = Some(d);
            Ok(())
        }
        Value::Null => Err(vm.new_type_error("cannot delete __dict__")),
        other => {
            let n = vm.type_name(&other);
            Err(vm.new_type_error(format!("__dict__ must be set to a dictionary, not a '{n}'")))
        }
    }
}

/// `obj.__class__ = cls`: both must be heap types with the same layout.
fn set_class(vm: &mut Vm, v: &Value, value: Value, _: &'static str) -> PyResult<()> {
    let Value::Obj(o) = v else {
        return Err(vm.new_type_error("__class__ assignment only supported for mutable types or ModuleType subclasses"));
    };
    let Some(new_cls) = value.as_obj().filter(|c| c.as_type().is_some()).cloned() else {
        let n = vm.type_name(&value);
        return Err(vm.new_type_error(format!("__class__ must be set to a class, not '{n}' object")));
    };
    let old = o.class();
    let heap = |t: &PyRef| t.as_type().is_some_and(|t| t.has_flag(TypeFlags::HEAPTYPE));
    if !heap(&old) || !heap(&new_cls) {
        return Err(vm.new_type_error("__class__ assignment only supported for mutable types or ModuleType subclasses"));
    }
    let solid = |t: &PyRef| t.as_type().and_then(|t| t.solid_base.borrow().clone());
    let (a, b) = (solid(&old), solid(&new_cls));
    if !matches!((&a, &b), (Some(x), Some(y)) if x.is(y)) || !crate::types::slots::same_slots(vm, &old, &new_cls) {
        let (on, nn) = (old.as_type().map(|t| t.name()).unwrap_or_default(), new_cls.as_type().map(|t| t.name()).unwrap_or_default());
        return Err(vm.new_type_error(format!("__class__ assignment: '{nn}' object layout differs from '{on}'")));
    }
    o.set_class(new_cls);
    Ok(())
}

fn name_arg(vm: &mut Vm, v: &Value) -> PyResult<PyRef> {
    match v {
        Value::Obj(o) if o.as_str().is_some() => Ok(vm.intern(o.as_str().map(|s| s.as_str()).unwrap_or(""))),
        _ => {
            let n = vm.type_name(v);
            Err(vm.new_type_error(format!("attribute name must be string, not '{n}'")))
        }
    }
}

/// object.__new__(cls): a plain instance (with a dict when the class has one).
/// Whether a type's `tp_new` is `object.__new__` (instances are plain `Payload::Object`).
pub fn is_object_new(f: crate::object::NewFn) -> bool {
    f as usize == object_new as crate::object::NewFn as usize
}

fn object_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    object_new_checked(vm, cls, !args.args.is_empty())
}

/// object_new: excess arguments are an error unless `__init__` is overridden and
/// `__new__` is not.
fn object_new_checked(vm: &mut Vm, cls: &PyRef, excess: bool) -> PyResult<Value> {
    let t = cls.as_type().expect("type");
    if excess {
        let (init_overridden, new_overridden) = overridden(t);
        if new_overridden {
            return Err(vm.new_type_error("object.__new__() takes exactly one argument (the type to instantiate)"));
        }
        if !init_overridden {
            let n = t.name();
            return Err(vm.new_type_error(format!("{n}() takes no arguments")));
        }
    }
    if t.has_flag(TypeFlags::IS_ABSTRACT) {
        return Err(abstract_error(vm, cls));
    }
    Ok(Value::Obj(PyRef::new(PyObject::new(cls.clone(), crate::types::slots::instance_payload(cls)))))
}

/// Whether a type's `__init__` and `__new__` differ from object's.
fn overridden(t: &crate::object::TypeObject) -> (bool, bool) {
    let slots = t.slots();
    let init = slots.init.is_some_and(|f| f as usize != object_init as crate::object::InitFn as usize);
    let new = slots.new.is_some_and(|f| f as usize != object_new as crate::object::NewFn as usize);
    (init, new)
}

// object_new: "Can't instantiate abstract class X with abstract method(s) a, b".
fn abstract_error(vm: &mut Vm, cls: &PyRef) -> crate::vm::PyErr {
    let n = cls.as_type().map(|t| t.name()).unwrap_or_default();
    let names = vm.get_attr_str(&Value::Obj(cls.clone()), "__abstractmethods__").and_then(|m| vm.collect(&m)).unwrap_or_default();
    let mut names: Vec<String> = names.iter().map(|v| vm.str_of(v).to_string()).collect();
    names.sort();
    let s = if names.len() > 1 { "s" } else { "" };
    vm.new_type_error(format!("Can't instantiate abstract class {n} with abstract method{s} {}", names.join(", ")))
}

fn object_new_method(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let Some(cls) = a[0].as_obj().filter(|c| c.as_type().is_some()).cloned() else {
        let n = vm.type_name(&a[0]);
        return Err(vm.new_type_error(format!("object.__new__(X): X is not a type object ({n})")));
    };
    object_new_checked(vm, &cls, has_excess(&a[1], &a[2]))
}

/// Whether `*args` (a tuple) or `**kwargs` (a dict) hold anything.
fn has_excess(args: &Value, kwargs: &Value) -> bool {
    let n_args = args.as_obj().and_then(|o| o.as_tuple()).map_or(0, <[Value]>::len);
    let n_kw = kwargs.as_obj().and_then(|o| o.as_dict()).map_or(0, |d| d.borrow().len());
    n_args + n_kw > 0
}

/// object.__init__: excess arguments are an error unless __new__ is overridden and
/// __init__ is not.
/// Whether a type's `tp_init` is `object.__init__`.
pub fn is_object_init(f: crate::object::InitFn) -> bool {
    f as usize == object_init as crate::object::InitFn as usize
}

fn object_init(vm: &mut Vm, obj: &Value, args: Args<'_>) -> PyResult<()> {
    object_init_checked(vm, obj, !args.args.is_empty())
}

fn object_init_checked(vm: &mut Vm, obj: &Value, excess: bool) -> PyResult<()> {
    if !excess {
        return Ok(());
    }
    let ty = vm.type_of(obj);
    let t = ty.as_type().expect("type");
    let (init_overridden, new_overridden) = overridden(t);
    if init_overridden {
        return Err(vm.new_type_error("object.__init__() takes exactly one argument (the instance to initialize)"));
    }
    if !new_overridden {
        let n = t.name();
        return Err(vm.new_type_error(format!("{n}.__init__() takes exactly one argument (the instance to initialize)")));
    }
    Ok(())
}

fn object_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v {
        Value::Obj(o) => {
            let module = o.with_class(|t| t.clone());
            let modname = vm.type_module_name(&module);
            let q = module.as_type().map(|t| t.qualname.borrow().clone()).unwrap_or_default();
            let name = match modname.as_deref() {
                Some("builtins") | None => q,
                Some(m) => format!("{m}.{q}"),
            };
            Ok(vm.new_str(&format!("<{name} object at {:#x}>", o.addr())))
        }
        other => Ok(Value::Obj(vm.repr(other)?)),
    }
}

fn object_hash(_vm: &mut Vm, v: &Value) -> PyResult<i64> {
    Ok(match v {
        Value::Obj(o) => hash_pointer(o.addr()),
        _ => 0,
    })
}

/// object's comparison: identity for ==, the negation of __eq__ for !=, NotImplemented otherwise.
fn object_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    match op {
        CmpOp::Eq => Ok(if a.is(b) { Value::Bool(true) } else { Value::Obj(vm.not_implemented.clone()) }),
        CmpOp::Ne => {
            let ty = vm.type_of(a);
            let slot = ty.as_type().and_then(|t| t.slots().richcompare);
            let r = match slot {
                Some(f) if f as usize != object_richcompare as crate::object::CompareFn as usize => f(vm, a, b, CmpOp::Eq)?,
                _ => if a.is(b) { Value::Bool(true) } else { Value::Obj(vm.not_implemented.clone()) },
            };
            if vm.is_not_implemented(&r) {
                return Ok(r);
            }
            Ok(Value::Bool(!vm.is_true(&r)?))
        }
        _ => Ok(Value::Obj(vm.not_implemented.clone())),
    }
}

fn object_format(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let spec = vm.str_of(&a[1]);
    if !spec.is_empty() {
        let n = vm.type_name(&a[0]);
        return Err(vm.new_type_error(format!("unsupported format string passed to {n}.__format__")));
    }
    Ok(Value::Obj(vm.str(&a[0])?))
}

impl Vm {
    /// A type's `__module__` as text, when it is a str.
    pub fn type_module_name(&mut self, ty: &PyRef) -> Option<String> {
        let t = ty.as_type()?;
        let key = self.intern("__module__");
        let hash = self.hash(&Value::Obj(key.clone())).ok()?;
        let v = crate::types::dict_ops::get_str(self, &t.dict, &key, hash)?;
        v.as_obj().and_then(|o| o.as_str()).map(|s| s.as_str().to_string())
    }
}
