//! `super`: attribute lookup that starts after a given class in an object's MRO.

use crate::object::{Args, Payload, PyRef, Value};
use crate::types::methods::method;
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;

/// A super object's state.
pub struct SuperData {
    /// The class whose successors are searched.
    pub this: PyRef,
    /// The instance (or class) the lookup binds to, and the type whose MRO is used;
    /// `obj` is Null for an unbound `super(type)` (then `obj_type` is `this`).
    pub obj: Value,
    pub obj_type: PyRef,
}

/// Look `name` up in `obj_type`'s MRO after `this` (no binding).
pub fn super_lookup(vm: &mut Vm, this: &PyRef, obj_type: &PyRef, name: &str) -> Option<Value> {
    let key = vm.intern(name);
    let hash = vm.hash(&Value::Obj(key.clone())).ok()?;
    let mro = obj_type.as_type()?.mro.borrow().clone();
    let start = mro.iter().position(|c| c.is(this))? + 1;
    mro[start..].iter().find_map(|c| crate::types::dict_ops::get_str(vm, &c.as_type()?.dict, &key, hash))
}

pub fn init(vm: &mut Vm) {
    let t = crate::types::bootstrap::new_type(Some(&vm.types.type_), Some(&vm.types.dict), "super", vec![vm.types.object.clone()], Default::default(), crate::object::TypeFlags::BASETYPE);
    *t.as_type().expect("type").mro.borrow_mut() = vec![t.clone(), vm.types.object.clone()];
    {
        let mut s = t.as_type().expect("type").slots.borrow_mut();
        s.new = Some(super_new);
        s.getattro = Some(super_getattro);
        s.descr_get = Some(super_descr_get);
        s.repr = Some(|vm, v| {
            let text = match v.as_obj().and_then(|o| o.native::<RefCell<SuperData>>()) {
                Some(d) => {
                    let d = d.borrow();
                    let this = d.this.as_type().map(|t| t.name()).unwrap_or_default();
                    if d.obj.is_null() {
                        format!("<super: <class '{this}'>, NULL>")
                    } else {
                        format!("<super: <class '{this}'>, <{} object>>", d.obj_type.as_type().map(|t| t.name()).unwrap_or_default())
                    }
                }
                None => "<super: <class 'NoneType'>, NULL>".into(),
            };
            Ok(vm.new_str(&text))
        });
    }
    vm.add_methods(&t, "super", &[
        method("__init__", "(self, /, *args, **kwargs)", |_, _| Ok(Value::None)),
        method("__get__", "(self, instance, owner=None, /)", |vm, a| super_descr_get(vm, &a[0], &a[1], &a[2])),
    ]);
    let key = Value::Obj(vm.intern("super"));
    let d = vm.builtins_dict.clone();
    let _ = crate::types::dict_ops::set_item(vm, &d, key, Value::Obj(t));
}

/// super_descr_get: an unbound super binds to the instance it is fetched through.
fn super_descr_get(vm: &mut Vm, v: &Value, obj: &Value, _owner: &Value) -> PyResult<Value> {
    let Some(data) = v.as_obj().and_then(|o| o.native::<RefCell<SuperData>>()) else { return Ok(v.clone()) };
    let (this, bound) = {
        let d = data.borrow();
        (d.this.clone(), !d.obj.is_null())
    };
    if obj.is_null() || obj.is_none() || bound {
        return Ok(v.clone());
    }
    let cls = Value::Obj(vm.type_of(v));
    vm.call_positional(&cls, &[Value::Obj(this), obj.clone()])
}

/// super() / super(type) / super(type, obj).
fn super_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    let (this, obj) = match pos.len() {
        0 => zero_arg_super(vm)?,
        1 => (pos[0].clone(), Value::Null),
        2 => (pos[0].clone(), pos[1].clone()),
        n => return Err(vm.new_type_error(format!("super() expected at most 2 arguments, got {n}"))),
    };
    let Some(this) = this.as_obj().filter(|o| o.as_type().is_some()).cloned() else {
        let n = vm.type_name(&this);
        return Err(vm.new_type_error(format!("super() argument 1 must be a type, not {n}")));
    };
    if obj.is_null() {
        let data = SuperData { this: this.clone(), obj, obj_type: this };
        return Ok(vm.wrap(Payload::Native(Box::new(RefCell::new(data))), cls));
    }
    // obj may be an instance of `this` or a subclass of it.
    let obj_type = match &obj {
        Value::Obj(o) if o.as_type().is_some() && vm.is_subtype(o, &this) => o.clone(),
        _ => {
            let t = vm.type_of(&obj);
            if !vm.is_subtype(&t, &this) {
                return Err(vm.new_type_error("super(type, obj): obj must be an instance or subtype of type"));
            }
            t
        }
    };
    let data = SuperData { this, obj, obj_type };
    Ok(vm.wrap(Payload::Native(Box::new(RefCell::new(data))), cls))
}

/// The implicit arguments of `super()`: the `__class__` cell and the first argument of
/// the calling function's frame.
fn zero_arg_super(vm: &mut Vm) -> PyResult<(Value, Value)> {
    let Some(frame) = vm.frames.last() else {
        return Err(vm.new_runtime_error("super(): no current frame"));
    };
    let code = frame.code.clone();
    if code.raw.argcount == 0 && code.raw.flags & krait_bytecode::CodeFlags::VARARGS == 0 {
        return Err(vm.new_runtime_error("super(): no arguments"));
    }
    let mut first = frame.slots[0].clone();
    // The first argument may have been turned into a cell.
    let celled = match &first {
        Value::Obj(o) if code.raw.localspluskinds.first().is_some_and(|k| k & krait_bytecode::LocalKind::CELL != 0) => match &o.payload {
            Payload::Cell(c) => Some(c.borrow().clone()),
            _ => None,
        },
        _ => None,
    };
    if let Some(v) = celled {
        first = v;
    }
    if first.is_null() {
        return Err(vm.new_runtime_error("super(): arg[0] deleted"));
    }
    let idx = code.localsplusnames.iter().position(|n| n.as_str().is_some_and(|s| s.as_str() == "__class__"));
    let class = idx.and_then(|i| match &frame.slots[i] {
        Value::Obj(o) => match &o.payload {
            Payload::Cell(c) => Some(c.borrow().clone()),
            _ => None,
        },
        _ => None,
    });
    match class {
        Some(c) if !c.is_null() => Ok((c, first)),
        Some(_) => Err(vm.new_runtime_error("super(): empty __class__ cell")),
        None => Err(vm.new_runtime_error("super(): __class__ cell not found")),
    }
}

fn super_getattro(vm: &mut Vm, v: &Value, name: &PyRef) -> PyResult<Option<Value>> {
    let Some(data) = v.as_obj().and_then(|o| o.native::<RefCell<SuperData>>()) else { return Ok(None) };
    let (this, obj, obj_type) = {
        let d = data.borrow();
        (d.this.clone(), d.obj.clone(), d.obj_type.clone())
    };
    let n = name.as_str().map(|s| s.as_str().to_string()).unwrap_or_default();
    // The super_members: the class, the instance and its type (None when unbound).
    match n.as_str() {
        "__thisclass__" => return Ok(Some(Value::Obj(this))),
        "__self__" => return Ok(Some(if obj.is_null() { Value::None } else { obj })),
        "__self_class__" => return Ok(Some(if obj.is_null() { Value::None } else { Value::Obj(obj_type) })),
        _ => {}
    }
    if n != "__class__" && !obj.is_null() {
        if let Some(attr) = super_lookup(vm, &this, &obj_type, &n) {
            // Bind with the instance, or with no instance when obj is the class itself.
            let inst = if matches!(&obj, Value::Obj(o) if o.is(&obj_type)) { Value::Null } else { obj.clone() };
            return vm.bind_descriptor(&attr, &inst, &Value::Obj(obj_type)).map(Some);
        }
    }
    vm.generic_get_attr(v, name)
}
