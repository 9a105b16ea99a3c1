//! `type`: attribute access on classes, `type(x)`, and class creation
//! (`type(name, bases, namespace)`, CPython's `type_new`).

use crate::object::{Args, Payload, PyRef, TypeFlags, Value};
use crate::types::bootstrap::{new_type, next_version};
use crate::types::dict_ops;
use crate::types::methods::method;
use crate::vm::{PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let t = vm.types.type_.clone();
    {
        let mut s = t.as_type().expect("type").slots.borrow_mut();
        s.getattro = Some(type_getattro);
        s.setattro = Some(type_setattro);
        s.repr = Some(type_repr);
        s.new = Some(type_new_slot);
        s.call = Some(type_call);
        s.init = Some(|_, _, _| Ok(()));
    }
    vm.add_methods(&t, "type", &[
        method("mro", "(self, /)", |vm, a| {
            let mro = a[0].as_obj().and_then(|o| o.as_type()).map(|t| t.mro.borrow().iter().cloned().map(Value::Obj).collect()).unwrap_or_default();
            Ok(vm.new_list(mro))
        }),
        method("__subclasses__", "(self, /)", |vm, a| {
            let subs: Vec<Value> = a[0].as_obj().and_then(|o| o.as_type()).map(|t| t.subclasses.borrow().iter().filter_map(|w| w.upgrade()).map(Value::Obj).collect()).unwrap_or_default();
            Ok(vm.new_list(subs))
        }),
        crate::builtins::introspection::TYPE_DIR,
        // _PyObject_RealIsInstance / _PyObject_RealIsSubclass.
        method("__instancecheck__", "(self, instance, /)", |vm, a| crate::builtins::introspection::plain_isinstance(vm, &a[1], &a[0]).map(Value::Bool)),
        method("__subclasscheck__", "(self, subclass, /)", |vm, a| crate::builtins::introspection::recursive_issubclass(vm, &a[1], &a[0]).map(Value::Bool)),
    ]);
}

/// `type.__call__`: `cls.__new__(cls, ...)` then `__init__` when the result is an
/// instance of `cls` (CPython's `type_call`).
pub fn type_call(vm: &mut Vm, callable: &Value, args: Args<'_>) -> PyResult<Value> {
    let Some(cls) = callable.as_obj().filter(|o| o.as_type().is_some()).cloned() else {
        let n = vm.type_name(callable);
        return Err(vm.new_type_error(format!("descriptor '__call__' requires a 'type' object but received a '{n}'")));
    };
    let t = cls.as_type().expect("type");
    let Some(new) = t.slots().new else {
        let n = t.name();
        return Err(vm.new_type_error(format!("cannot create '{n}' instances")));
    };
    let obj = new(vm, &cls, args)?;
    // type(x) returns the type itself: no __init__.
    if cls.is(&vm.types.type_) && args.args.len() == 1 && args.kwnames.is_empty() {
        return Ok(obj);
    }
    let ty = vm.type_of(&obj);
    if vm.is_subtype(&ty, &cls) {
        if let Some(slots) = ty.as_type().map(|t| t.slots()) {
            // object.__init__ accepts anything when `__new__` is overridden and
            // `__init__` is not (object_init): `bool(x)`, `int(s)`… skip the call.
            let trivial = |init| crate::types::object::is_object_init(init) && slots.new.is_some_and(|n| !crate::types::object::is_object_new(n));
            if let Some(init) = slots.init.filter(|&i| !trivial(i)) {
                init(vm, &obj, args)?;
            }
        }
    }
    Ok(obj)
}

fn type_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(o) = v.as_obj() else { return Ok(vm.new_str("<class '?'>")) };
    let q = o.as_type().map(|t| t.qualname.borrow().clone()).unwrap_or_default();
    let text = match vm.type_module_name(o).as_deref() {
        Some("builtins") | None => format!("<class '{q}'>"),
        Some(m) => format!("<class '{m}.{q}'>"),
    };
    Ok(vm.new_str(&text))
}

/// Attribute lookup on a class (`type_getattro`): the metatype's data descriptors, then
/// the class's MRO (binding descriptors with no instance), then the metatype's attributes.
fn type_getattro(vm: &mut Vm, v: &Value, name: &PyRef) -> PyResult<Option<Value>> {
    let Some(cls) = v.as_obj().cloned() else { return Ok(None) };
    if let Some(special) = type_special_attr(vm, &cls, name)? {
        return Ok(Some(special));
    }
    let meta = cls.class();
    let meta_attr = vm.lookup_type_attr(&meta, name);
    let mut meta_get = None;
    if let Some(ma) = &meta_attr {
        let mt = vm.type_of(ma);
        let slots = mt.as_type().map(|t| t.slots()).unwrap_or_default();
        if let (Some(get), Some(_)) = (slots.descr_get, slots.descr_set) {
            return get(vm, ma, v, &Value::Obj(meta.clone())).map(Some);
        }
        meta_get = slots.descr_get;
    }
    if let Some(attr) = vm.lookup_type_attr(&cls, name) {
        let at = vm.type_of(&attr);
        if let Some(get) = at.as_type().and_then(|t| t.slots().descr_get) {
            return get(vm, &attr, &Value::Null, v).map(Some);
        }
        return Ok(Some(attr));
    }
    match (meta_attr, meta_get) {
        (Some(ma), Some(get)) => get(vm, &ma, v, &Value::Obj(meta)).map(Some),
        (Some(ma), None) => Ok(Some(ma)),
        _ => Ok(None),
    }
}

/// The attributes every class has that are not in its dict (`__name__`, `__mro__`, ...).
fn type_special_attr(vm: &mut Vm, cls: &PyRef, name: &PyRef) -> PyResult<Option<Value>> {
    let Some(t) = cls.as_type() else { return Ok(None) };
    let n = name.as_str().map(|s| s.as_str()).unwrap_or("");
    Ok(Some(match n {
        "__name__" => vm.new_str(&t.name()),
        "__qualname__" => {
            let q = t.qualname.borrow().clone();
            vm.new_str(&q)
        }
        "__mro__" => {
            let m = t.mro.borrow().iter().cloned().map(Value::Obj).collect();
            vm.new_tuple(m)
        }
        "__bases__" => {
            let b = t.bases.borrow().iter().cloned().map(Value::Obj).collect();
            vm.new_tuple(b)
        }
        "__base__" => t.bases.borrow().first().cloned().map_or(Value::None, Value::Obj),
        // From the type's doc in CPython: of the builtin types krait has, only `object`
        // documents a signature there.
        "__text_signature__" => {
            if cls.is(&vm.types.object) {
                vm.new_str("()")
            } else {
                Value::None
            }
        }
        // The `TypeFlags` bits are CPython's `Py_TPFLAGS_*` bits.
        "__flags__" => Value::Int(i64::from(t.flags.get() & !crate::object::TypeFlags::INTERNAL)),
        "__dict__" => crate::types::mappingproxy::new_proxy(vm, Value::Obj(t.dict.clone())),
        // type_get_annotations: the class's own annotations dict, created on first use.
        "__annotations__" if t.has_flag(TypeFlags::HEAPTYPE) => {
            let key = Value::Obj(name.clone());
            match dict_ops::get_item(vm, &t.dict, &key)? {
                Some(a) => match vm.type_of(&a).as_type().and_then(|at| at.slots().descr_get) {
                    Some(get) => get(vm, &a, &Value::Null, &Value::Obj(cls.clone()))?,
                    None => a,
                },
                None => {
                    let d = vm.new_dict();
                    dict_ops::set_item(vm, &t.dict, key, d.clone())?;
                    t.version.set(next_version());
                    d
                }
            }
        }
        "__module__" if !t.has_flag(TypeFlags::HEAPTYPE) => match vm.native_type_module(cls) {
            Some(m) => m,
            None => vm.new_str("builtins"),
        },
        _ => return Ok(None),
    }))
}

impl Vm {
    /// type_module for a native type: the `__module__` a native module put in the type's
    /// own dict (`None` when absent: the type is in `builtins`).
    pub fn native_type_module(&self, ty: &PyRef) -> Option<Value> {
        let key = self.interned.get("__module__")?;
        let hash = self.str_hash(key)?;
        dict_ops::get_str(self, &ty.as_type()?.dict, key, hash)
    }

    /// A type's `tp_name` as CPython's messages show it: `module.Name` for a native type
    /// of a module other than builtins, else the bare name.
    pub fn tp_name(&self, ty: &PyRef) -> String {
        let Some(t) = ty.as_type() else { return String::new() };
        let name = t.name();
        if t.has_flag(TypeFlags::HEAPTYPE) {
            return name;
        }
        match self.native_type_module(ty).as_ref().and_then(Value::as_obj).and_then(|o| o.as_str()) {
            Some(m) if m.as_str() != "builtins" => format!("{}.{name}", m.as_str()),
            _ => name,
        }
    }
}

/// Setting a class attribute: store in the dict, refresh slots if it is a dunder.
fn type_setattro(vm: &mut Vm, v: &Value, name: &PyRef, value: Value) -> PyResult<()> {
    let Some(cls) = v.as_obj().cloned() else { return Ok(()) };
    let Some(t) = cls.as_type() else { return Ok(()) };
    if !t.has_flag(TypeFlags::HEAPTYPE) {
        let n = vm.tp_name(&cls);
        let a = name.as_str().map(|s| s.as_str().to_string()).unwrap_or_default();
        return Err(vm.new_type_error(format!("cannot set '{a}' attribute of immutable type '{n}'")));
    }
    let n = name.as_str().map(|s| s.as_str().to_string()).unwrap_or_default();
    match n.as_str() {
        "__name__" => {
            *t.name.borrow_mut() = vm.str_of(&value).to_string();
            return Ok(());
        }
        "__qualname__" => {
            *t.qualname.borrow_mut() = vm.str_of(&value).to_string();
            return Ok(());
        }
        "__mro__" => return Err(vm.new_attribute_error("readonly attribute")),
        "__bases__" => return crate::types::type_bases::set_bases(vm, &cls, &value),
        // type_set_abstractmethods: the flag object.__new__ checks follows the value.
        "__abstractmethods__" => {
            let abstract_ = !value.is_null() && vm.is_true(&value)?;
            let f = t.flags.get() & !TypeFlags::IS_ABSTRACT;
            t.flags.set(if abstract_ { f | TypeFlags::IS_ABSTRACT } else { f });
        }
        _ => {}
    }
    let d = t.dict.clone();
    if value.is_null() {
        if dict_ops::del_item(vm, &d, &Value::Obj(name.clone()))?.is_none() {
            if n == "__annotations__" {
                return Err(vm.new_attribute_error("__annotations__"));
            }
            return Err(vm.attribute_error_for(v, name));
        }
    } else {
        dict_ops::set_item(vm, &d, Value::Obj(name.clone()), value)?;
    }
    t.version.set(next_version());
    if n.starts_with("__") && n.ends_with("__") {
        crate::types::slot_wrappers::update_slots(vm, &cls);
    }
    Ok(())
}

/// type(x) → the type of x; type(name, bases, namespace) → a new class.
fn type_new_slot(vm: &mut Vm, meta: &PyRef, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    if meta.is(&vm.types.type_) && pos.len() == 1 && args.kwnames.is_empty() {
        return Ok(Value::Obj(vm.type_of(&pos[0])));
    }
    if pos.len() != 3 {
        return Err(vm.new_type_error("type() takes 1 or 3 arguments"));
    }
    let name = match &pos[0] {
        Value::Obj(o) if o.as_str().is_some() => vm.str_of(&pos[0]).to_string(),
        other => {
            let n = vm.type_name(other);
            return Err(vm.new_type_error(format!("type.__new__() argument 1 must be str, not {n}")));
        }
    };
    let bases = match pos[1].as_obj().and_then(|o| o.as_tuple()) {
        Some(t) => t.to_vec(),
        None => {
            let n = vm.type_name(&pos[1]);
            return Err(vm.new_type_error(format!("type.__new__() argument 2 must be tuple, not {n}")));
        }
    };
    let ns = match &pos[2] {
        Value::Obj(o) if o.as_dict().is_some() => o.clone(),
        other => {
            let n = vm.type_name(other);
            return Err(vm.new_type_error(format!("type.__new__() argument 3 must be dict, not {n}")));
        }
    };
    // A more derived metaclass of the bases with its own __new__ makes the class.
    let winner = calculate_metaclass(vm, meta, &bases)?;
    if !winner.is(meta) {
        if let Some(new) = winner.as_type().and_then(|t| t.slots().new) {
            if !std::ptr::fn_addr_eq(new, type_new_slot as crate::object::NewFn) {
                return new(vm, &winner, args);
            }
        }
    }
    let kw: Vec<(Value, Value)> = args.kwnames.iter().cloned().zip(args.kwvalues().iter().cloned()).collect();
    create_class(vm, &winner, &name, bases, &ns, &kw).map(Value::Obj)
}

// _PyType_CalculateMetaclass
/// The most derived of `meta` and the types of `bases`; TypeError when they conflict.
pub fn calculate_metaclass(vm: &mut Vm, meta: &PyRef, bases: &[Value]) -> PyResult<PyRef> {
    let mut winner = meta.clone();
    for b in bases {
        let bt = vm.type_of(b);
        if vm.is_subtype(&winner, &bt) {
            continue;
        }
        if vm.is_subtype(&bt, &winner) {
            winner = bt;
            continue;
        }
        return Err(vm.new_type_error("metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases"));
    }
    Ok(winner)
}

/// CPython's `type_new`: bases, MRO, namespace copy, flags, slots, `__set_name__` and
/// `__init_subclass__`.
pub fn create_class(vm: &mut Vm, meta: &PyRef, name: &str, bases: Vec<Value>, ns: &PyRef, kwargs: &[(Value, Value)]) -> PyResult<PyRef> {
    let mut base_types = Vec::new();
    for b in &bases {
        match b.as_obj() {
            Some(o) if o.as_type().is_some() => {
                let bt = o.as_type().expect("type");
                if !bt.has_flag(TypeFlags::BASETYPE) {
                    let n = bt.name();
                    return Err(vm.new_type_error(format!("type '{n}' is not an acceptable base type")));
                }
                base_types.push(o.clone());
            }
            _ => {
                let n = vm.type_name(b);
                return Err(vm.new_type_error(format!("bases must be types, not {n}")));
            }
        }
    }
    if base_types.is_empty() {
        base_types.push(vm.types.object.clone());
    }
    let mut flags = TypeFlags::HEAPTYPE | TypeFlags::BASETYPE | TypeFlags::HAS_DICT;
    for b in &base_types {
        if let Some(bt) = b.as_type() {
            flags |= bt.flags.get() & (TypeFlags::LONG_SUBCLASS | TypeFlags::LIST_SUBCLASS | TypeFlags::TUPLE_SUBCLASS | TypeFlags::BYTES_SUBCLASS | TypeFlags::UNICODE_SUBCLASS | TypeFlags::DICT_SUBCLASS | TypeFlags::BASE_EXC_SUBCLASS | TypeFlags::TYPE_SUBCLASS | TypeFlags::MAPPING | TypeFlags::SEQUENCE | TypeFlags::MATCH_SELF);
        }
    }
    let (tt, dt) = (vm.types.type_.clone(), vm.types.dict.clone());
    let _ = tt;
    let cls = new_type(Some(meta), Some(&dt), name, base_types.clone(), Default::default(), flags);
    let t = cls.as_type().expect("type");
    let mro = mro_or_error(vm, &cls)?;
    *t.mro.borrow_mut() = mro;
    // Copy the namespace; __qualname__ moves out of it.
    let entries: Vec<(Value, Value)> = ns.as_dict().map(|d| d.borrow().iter().map(|(_, e)| (e.key.clone(), e.value.clone())).collect()).unwrap_or_default();
    let d = t.dict.clone();
    for (k, v) in entries {
        let key = vm.str_of(&k).to_string();
        if key == "__qualname__" {
            *t.qualname.borrow_mut() = vm.str_of(&v).to_string();
            continue;
        }
        // type_new_set_classcell: the class body's `__class__` cell now holds the class.
        if key == "__classcell__" {
            match &v {
                Value::Obj(c) if matches!(c.payload, Payload::Cell(_)) => {
                    if let Payload::Cell(content) = &c.payload {
                        *content.borrow_mut() = Value::Obj(cls.clone());
                    }
                }
                _ => {
                    let r = vm.repr(&Value::Obj(vm.type_of(&v)))?;
                    return Err(vm.new_type_error(format!("__classcell__ must be a nonlocal cell, not {}", r.as_str().map(|s| s.as_str().to_string()).unwrap_or_default())));
                }
            }
            continue;
        }
        // Plain functions named __new__, __init_subclass__, __class_getitem__ are implicitly static/class methods.
        let v = match key.as_str() {
            "__new__" if matches!(&v, Value::Obj(o) if matches!(o.payload, Payload::Function(_))) => {
                let st = vm.types.staticmethod.clone();
                vm.wrap(Payload::StaticMethod(v), &st)
            }
            "__init_subclass__" | "__class_getitem__" if matches!(&v, Value::Obj(o) if matches!(o.payload, Payload::Function(_))) => {
                let ct = vm.types.classmethod.clone();
                vm.wrap(Payload::ClassMethod(v), &ct)
            }
            _ => v,
        };
        dict_ops::set_item(vm, &d, k, v)?;
    }
    // type_new_set_module: `__module__` defaults to the calling frame's `__name__`.
    let module_key = Value::Obj(vm.intern("__module__"));
    if dict_ops::get_item(vm, &d, &module_key)?.is_none() {
        if let Some(globals) = vm.frames.last().map(|f| f.globals.clone()) {
            let name_key = Value::Obj(vm.intern("__name__"));
            if let Some(name) = dict_ops::get_item(vm, &globals, &name_key)? {
                dict_ops::set_item(vm, &d, module_key, name)?;
            }
        }
    }
    let weakref_slot = crate::types::slots::apply(vm, &cls, ns)?;
    // Instances with a dict get a `__dict__` attribute unless a base already provides one.
    let dict_name = vm.intern("__dict__");
    if t.has_flag(TypeFlags::HAS_DICT) && vm.lookup_type_attr(&cls, &dict_name).is_none() {
        vm.add_getsets(&cls, &[crate::types::object::INSTANCE_DICT]);
    }
    // Likewise `__weakref__`, except over a base that is variable-sized (int, tuple,
    // bytes) or keeps its own weak reference list (type, set, frozenset), as in CPython.
    let weakref_name = vm.intern("__weakref__");
    let own_layout = [&vm.types.int, &vm.types.tuple, &vm.types.bytes, &vm.types.type_, &vm.types.set, &vm.types.frozenset].iter().any(|b| vm.is_subtype(&cls, b));
    if weakref_slot && !own_layout && vm.lookup_type_attr(&cls, &weakref_name).is_none() {
        vm.add_getsets(&cls, &[crate::modules::weakref::INSTANCE_WEAKREF]);
    }
    // type_new_set_attrs: a class without a docstring has `__doc__` None in its dict.
    let doc_key = Value::Obj(vm.intern("__doc__"));
    if dict_ops::get_item(vm, &d, &doc_key)?.is_none() {
        dict_ops::set_item(vm, &d, doc_key, Value::None)?;
    }
    // A class that defines __eq__ but not __hash__ is unhashable.
    let eq_key = Value::Obj(vm.intern("__eq__"));
    let hash_key = Value::Obj(vm.intern("__hash__"));
    if dict_ops::get_item(vm, &d, &eq_key)?.is_some() && dict_ops::get_item(vm, &d, &hash_key)?.is_none() {
        dict_ops::set_item(vm, &d, hash_key, Value::None)?;
    }
    crate::types::slot_wrappers::update_slots(vm, &cls);
    // __set_name__ on descriptors, then the parent's __init_subclass__.
    let items: Vec<(Value, Value)> = d.as_dict().map(|x| x.borrow().iter().map(|(_, e)| (e.key.clone(), e.value.clone())).collect()).unwrap_or_default();
    for (k, v) in items {
        // type_new_set_names: a failing __set_name__ is reported as RuntimeError (3.11).
        if let Some(Err(e)) = vm.call_dunder(&v, "__set_name__", &[Value::Obj(cls.clone()), k.clone()]).transpose() {
            let (vt, kr) = (vm.type_name(&v), vm.repr(&k)?);
            let msg = format!("Error calling __set_name__ on '{vt}' instance {} in '{}'", vm.str_of(&Value::Obj(kr)), t.name());
            let err = vm.new_runtime_error(msg);
            let key = vm.intern("__cause__");
            vm.set_attr(&Value::Obj(err.0.clone()), &key, Value::Obj(e.0))?;
            return Err(err);
        }
    }
    let parent_init = crate::types::super_type::super_lookup(vm, &cls, &cls, "__init_subclass__");
    if let Some(f) = parent_init {
        let bound = vm.bind_descriptor(&f, &Value::Null, &Value::Obj(cls.clone()))?;
        let kwnames: Vec<Value> = kwargs.iter().map(|(k, _)| k.clone()).collect();
        let kwvals: Vec<Value> = kwargs.iter().map(|(_, v)| v.clone()).collect();
        vm.call(&bound, Args { args: &kwvals, kwnames: &kwnames })?;
    }
    Ok(cls)
}

pub(crate) fn mro_or_error(vm: &mut Vm, cls: &PyRef) -> PyResult<Vec<PyRef>> {
    let t = cls.as_type().expect("type");
    let bases = t.bases.borrow().clone();
    for (i, b) in bases.iter().enumerate() {
        if bases[i + 1..].iter().any(|x| x.is(b)) {
            let n = b.as_type().map(|t| t.name()).unwrap_or_default();
            return Err(vm.new_type_error(format!("duplicate base class {n}")));
        }
    }
    let mut seqs: Vec<Vec<PyRef>> = bases.iter().map(|b| b.as_type().map(|bt| bt.mro.borrow().clone()).unwrap_or_default()).collect();
    seqs.push(bases.clone());
    let mut out = vec![cls.clone()];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let head = seqs.iter().map(|s| s[0].clone()).find(|c| !seqs.iter().any(|s| s[1..].iter().any(|x| x.is(c))));
        let Some(head) = head else {
            // set_mro_error: the distinct heads left unmerged, in order.
            let mut heads: Vec<PyRef> = Vec::new();
            for s in &seqs {
                if !heads.iter().any(|h| h.is(&s[0])) {
                    heads.push(s[0].clone());
                }
            }
            let names: Vec<String> = heads.iter().map(|b| b.as_type().map(|t| t.name()).unwrap_or_default()).collect();
            return Err(vm.new_type_error(format!("Cannot create a consistent method resolution\norder (MRO) for bases {}", names.join(", "))));
        };
        for s in &mut seqs {
            if s[0].is(&head) {
                s.remove(0);
            }
        }
        out.push(head);
    }
}
