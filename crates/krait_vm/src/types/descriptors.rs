//! Function-like objects and the descriptors that bind them: Python functions, bound
//! methods, native functions, property, classmethod and staticmethod.

use std::cell::RefCell;
use crate::object::{Args, Payload, PyRef, Value};
use crate::types::methods::method;
use crate::vm::{PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let t = vm.types.function.clone();
    {
        let mut s = t.as_type().expect("type").slots.borrow_mut();
        s.descr_get = Some(function_get);
        // vm.call dispatches functions directly; the slot makes `f.__call__` exist.
        s.call = Some(|vm, f, args| vm.call(f, args));
        s.getattro = Some(function_getattro);
        s.setattro = Some(function_setattro);
        s.repr = Some(|vm, v| {
            let (q, addr) = match v.as_obj() {
                Some(o) => match &o.payload {
                    Payload::Function(f) => (vm.str_of(&f.qualname.borrow()).to_string(), o.addr()),
                    _ => (String::new(), o.addr()),
                },
                None => (String::new(), 0),
            };
            Ok(vm.new_str(&format!("<function {q} at {addr:#x}>")))
        });
    }
    let m = vm.types.method.clone();
    {
        let mut s = m.as_type().expect("type").slots.borrow_mut();
        s.getattro = Some(method_getattro);
        s.repr = Some(method_repr);
        s.new = Some(method_new);
        s.richcompare = Some(|vm, a, b, op| {
            let same = match (a.as_obj().map(|o| &o.payload), b.as_obj().map(|o| &o.payload)) {
                (Some(Payload::Method { func: f1, self_: s1 }), Some(Payload::Method { func: f2, self_: s2 })) => f1.is(f2) && s1.is(s2),
                _ => return Ok(Value::Obj(vm.not_implemented.clone())),
            };
            match op {
                crate::object::CmpOp::Eq => Ok(Value::Bool(same)),
                crate::object::CmpOp::Ne => Ok(Value::Bool(!same)),
                _ => Ok(Value::Obj(vm.not_implemented.clone())),
            }
        });
        s.hash = Some(|vm, v| match v.as_obj().map(|o| &o.payload) {
            Some(Payload::Method { func, self_ }) => {
                let (f, s) = (func.clone(), self_.clone());
                Ok(vm.hash(&f)? ^ vm.hash(&s).unwrap_or(0))
            }
            _ => Ok(0),
        });
    }
    for nf in [vm.types.native_function.clone(), vm.types.method_descriptor.clone()] {
        let mut s = nf.as_type().expect("type").slots.borrow_mut();
        s.descr_get = Some(native_get);
        s.repr = Some(native_repr);
        s.getattro = Some(native_getattro);
        s.richcompare = Some(native_richcompare);
        s.hash = Some(native_hash);
    }
    init_property(vm);
    init_wrappers(vm);
    // Class-level descriptors for `FunctionType.__code__` / `.__globals__` (types.py reads them).
    let getsets: Vec<_> = ["__code__", "__globals__", "__closure__", "__builtins__"]
        .into_iter()
        .map(|name| crate::types::getset::GetSetDef { name, get: function_attr, set: if name == "__code__" { Some(set_code) } else { None } })
        .collect();
    vm.add_getsets(&t, &getsets);
    let cell = vm.types.cell.clone();
    vm.add_getsets(&cell, &[crate::types::getset::GetSetDef { name: "cell_contents", get: cell_get, set: Some(cell_set) }]);
}

fn cell_get(vm: &mut Vm, v: &Value, _: &'static str) -> PyResult<Value> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Cell(c)) if !c.borrow().is_null() => Ok(c.borrow().clone()),
        _ => Err(vm.new_value_error("Cell is empty")),
    }
}

fn cell_set(_vm: &mut Vm, v: &Value, value: Value, _: &'static str) -> PyResult<()> {
    if let Some(Payload::Cell(c)) = v.as_obj().map(|o| &o.payload) {
        *c.borrow_mut() = value;
    }
    Ok(())
}

/// function.__get__: a bound method for an instance, the function itself otherwise.
fn function_get(vm: &mut Vm, f: &Value, obj: &Value, _owner: &Value) -> PyResult<Value> {
    if obj.is_null() {
        return Ok(f.clone());
    }
    let t = vm.types.method.clone();
    Ok(vm.wrap(Payload::Method { func: f.clone(), self_: obj.clone() }, &t))
}

fn function_getattro(vm: &mut Vm, v: &Value, name: &PyRef) -> PyResult<Option<Value>> {
    let Some(Payload::Function(f)) = v.as_obj().map(|o| &o.payload) else { return Ok(None) };
    let n = name.as_str().map(|s| s.as_str()).unwrap_or("");
    let r = match n {
        "__name__" => f.name.borrow().clone(),
        "__qualname__" => f.qualname.borrow().clone(),
        "__doc__" => f.doc.borrow().clone(),
        "__module__" => f.module.borrow().clone(),
        "__defaults__" => f.defaults.borrow().clone(),
        "__kwdefaults__" => f.kwdefaults.borrow().clone(),
        "__globals__" => Value::Obj(f.globals.clone()),
        "__builtins__" => Value::Obj(f.builtins.clone()),
        "__annotations__" => {
            let cur = f.annotations.borrow().clone();
            if cur.is_none() {
                let d = vm.new_dict();
                *f.annotations.borrow_mut() = d.clone();
                d
            } else if let Some(t) = cur.as_obj().and_then(|o| o.as_tuple()).map(|t| t.to_vec()) {
                // MAKE_FUNCTION passes annotations as a flat (name, value, ...) tuple.
                let d = vm.new_dict_ref();
                for kv in t.chunks_exact(2) {
                    vm.dict_set_item(&d, kv[0].clone(), kv[1].clone())?;
                }
                *f.annotations.borrow_mut() = Value::Obj(d.clone());
                Value::Obj(d)
            } else {
                cur
            }
        }
        "__closure__" => match &f.closure {
            Some(c) => {
                let items = c.iter().cloned().map(Value::Obj).collect();
                vm.new_tuple(items)
            }
            None => Value::None,
        },
        "__code__" => {
            let code = f.code.borrow().clone();
            vm.code_object(&code)
        }
        "__dict__" => {
            let o = v.as_obj().expect("obj");
            let d = o.dict.borrow().clone();
            match d {
                Some(d) => Value::Obj(d),
                None => {
                    let d = vm.new_dict_ref();
                    *o.dict.borrow_mut() = Some(d.clone());
                    Value::Obj(d)
                }
            }
        }
        _ => return vm.generic_get_attr(v, name),
    };
    Ok(Some(r))
}

// func_set_code: a code object with as many free variables as the function has cells.
fn set_code(vm: &mut Vm, v: &Value, value: Value, _: &'static str) -> PyResult<()> {
    let Some(Payload::Function(f)) = v.as_obj().map(|o| &o.payload) else { return Ok(()) };
    let Some(code) = crate::types::code::code_of(&value).cloned() else {
        return Err(vm.new_type_error("__code__ must be set to a code object"));
    };
    let (nfree, nclosure) = (code.raw.freevars().len(), f.closure.as_ref().map_or(0, |c| c.len()));
    if nfree != nclosure {
        let name = vm.str_of(&f.name.borrow().clone()).to_string();
        return Err(vm.new_value_error(format!("{name}() requires a code object with {nclosure} free vars, not {nfree}")));
    }
    *f.code.borrow_mut() = code;
    Ok(())
}

/// Getter of the function attributes exposed as class-level descriptors.
fn function_attr(vm: &mut Vm, v: &Value, name: &'static str) -> PyResult<Value> {
    let key = vm.intern(name);
    Ok(function_getattro(vm, v, &key)?.unwrap_or(Value::None))
}

fn function_setattro(vm: &mut Vm, v: &Value, name: &PyRef, value: Value) -> PyResult<()> {
    let Some(Payload::Function(f)) = v.as_obj().map(|o| &o.payload) else { return Ok(()) };
    let n = name.as_str().map(|s| s.as_str()).unwrap_or("");
    // func_set_name, func_set_qualname, func_set_defaults, ...: the value's required type.
    let is = |v: &Value, p: fn(&Payload) -> bool| v.as_obj().is_some_and(|o| p(&o.payload));
    let ok = match n {
        "__name__" | "__qualname__" => Some(("a string", is(&value, |p| matches!(p, Payload::Str(_))))),
        "__defaults__" => Some(("a tuple", value.is_null() || value.is_none() || is(&value, |p| matches!(p, Payload::Tuple(_))))),
        "__kwdefaults__" => Some(("a dict", value.is_null() || value.is_none() || is(&value, |p| matches!(p, Payload::Dict(_))))),
        "__annotations__" => Some(("a dict", value.is_null() || value.is_none() || is(&value, |p| matches!(p, Payload::Dict(_))))),
        _ => None,
    };
    if let Some((what, false)) = ok {
        return Err(vm.new_type_error(format!("{n} must be set to {what} object")));
    }
    if n == "__dict__" {
        if value.is_null() {
            return Err(vm.new_type_error("cannot delete __dict__"));
        }
        let Some(d) = value.as_obj().filter(|o| matches!(o.payload, Payload::Dict(_))) else {
            let t = vm.type_name(&value);
            return Err(vm.new_type_error(format!("__dict__ must be set to a dictionary, not a '{t}'")));
        };
        *v.as_obj().expect("obj").dict.borrow_mut() = Some(d.clone());
        return Ok(());
    }
    let cell = match n {
        "__name__" => &f.name,
        "__qualname__" => &f.qualname,
        "__doc__" => &f.doc,
        "__module__" => &f.module,
        "__defaults__" => &f.defaults,
        "__kwdefaults__" => &f.kwdefaults,
        "__annotations__" => &f.annotations,
        // func_set_code: any code object with as many free variables as the closure.
        "__code__" => {
            let Some(code) = crate::types::code::code_of(&value).cloned() else {
                return Err(vm.new_type_error("__code__ must be set to a code object"));
            };
            let (nfree, nclosure) = (code.raw.freevars().len(), f.closure.as_ref().map_or(0, |c| c.len()));
            if nfree != nclosure {
                let fname = vm.str_of(&f.name.borrow());
                return Err(vm.new_value_error(format!("{fname}() requires a code object with {nclosure} free vars, not {nfree}")));
            }
            *f.code.borrow_mut() = code;
            return Ok(());
        }
        _ => {
            let o = v.as_obj().expect("obj");
            if o.dict.borrow().is_none() {
                let d = vm.new_dict_ref();
                *o.dict.borrow_mut() = Some(d);
            }
            return vm.generic_set_attr(v, name, value);
        }
    };
    *cell.borrow_mut() = if value.is_null() { Value::None } else { value };
    Ok(())
}

// method_new: `types.MethodType(function, instance)`.
fn method_new(vm: &mut Vm, cls: &PyRef, args: crate::object::Args<'_>) -> PyResult<Value> {
    if !args.kwnames.is_empty() {
        return Err(vm.new_type_error("method() takes no keyword arguments"));
    }
    let [func, self_] = args.args else {
        return Err(vm.new_type_error(format!("method expected 2 arguments, got {}", args.args.len())));
    };
    if !crate::builtins::introspection::is_callable(vm, func) {
        return Err(vm.new_type_error("first argument must be callable"));
    }
    if self_.is_none() {
        return Err(vm.new_type_error("instance must not be None"));
    }
    Ok(vm.wrap(Payload::Method { func: func.clone(), self_: self_.clone() }, cls))
}

fn method_getattro(vm: &mut Vm, v: &Value, name: &PyRef) -> PyResult<Option<Value>> {
    let Some(Payload::Method { func, self_ }) = v.as_obj().map(|o| &o.payload) else { return Ok(None) };
    match name.as_str().map(|s| s.as_str()).unwrap_or("") {
        "__self__" => Ok(Some(self_.clone())),
        "__func__" => Ok(Some(func.clone())),
        _ => {
            if let Some(r) = vm.generic_get_attr(v, name)? {
                return Ok(Some(r));
            }
            let f = func.clone();
            vm.get_attr_opt(&f, name)
        }
    }
}

fn method_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(Payload::Method { func, self_ }) = v.as_obj().map(|o| &o.payload) else { return Ok(vm.new_str("<method>")) };
    let (func, self_) = (func.clone(), self_.clone());
    let q = vm.get_attr_str(&func, "__qualname__").map(|q| vm.str_of(&q).to_string()).unwrap_or_else(|_| "?".into());
    let r = vm.repr(&self_)?;
    let r = r.as_str().map(|s| s.as_str().to_string()).unwrap_or_default();
    Ok(vm.new_str(&format!("<bound method {q} of {r}>")))
}

/// A native method descriptor bound to an instance.
fn native_get(vm: &mut Vm, f: &Value, obj: &Value, _owner: &Value) -> PyResult<Value> {
    let Some(Payload::NativeFunction(nf)) = f.as_obj().map(|o| &o.payload) else { return Ok(f.clone()) };
    if !nf.is_method || obj.is_null() || !nf.self_.is_null() {
        return Ok(f.clone());
    }
    let bound = nf.bound_to(obj.clone());
    let t = vm.types.native_function.clone();
    Ok(vm.wrap(Payload::NativeFunction(Box::new(bound)), &t))
}

fn native_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(Payload::NativeFunction(nf)) = v.as_obj().map(|o| &o.payload) else { return Ok(vm.new_str("<built-in function>")) };
    let text = if nf.is_method {
        format!("<method '{}' of '{}' objects>", nf.name, nf.owner)
    } else if nf.self_.is_null() || matches!(&nf.self_, Value::Obj(o) if o.is(&vm.builtins)) {
        format!("<built-in function {}>", nf.name)
    } else {
        let (name, selfv) = (nf.name, nf.self_.clone());
        let tn = vm.type_name(&selfv);
        let addr = selfv.as_obj().map_or(0, |o| o.addr());
        format!("<built-in method {name} of {tn} object at {addr:#x}>")
    };
    Ok(vm.new_str(&text))
}

/// The identity of a builtin function or method: its code and its `self`.
fn native_identity(v: &Value) -> Option<(usize, &'static str, &Value)> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::NativeFunction(nf)) => Some((nf.func as usize, nf.name, &nf.self_)),
        _ => None,
    }
}

// meth_richcompare: equal when they run the same code on the same `self`.
fn native_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: crate::object::CmpOp) -> PyResult<Value> {
    let same = match (native_identity(a), native_identity(b)) {
        (Some((f1, n1, s1)), Some((f2, n2, s2))) => f1 == f2 && n1 == n2 && s1.is(s2),
        _ => return Ok(Value::Obj(vm.not_implemented.clone())),
    };
    match op {
        crate::object::CmpOp::Eq => Ok(Value::Bool(same)),
        crate::object::CmpOp::Ne => Ok(Value::Bool(!same)),
        _ => Ok(Value::Obj(vm.not_implemented.clone())),
    }
}

// meth_hash
fn native_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let Some((f, _, self_)) = native_identity(v) else { return Ok(0) };
    let s = match self_ {
        Value::Obj(o) => o.addr(),
        Value::Null => 0,
        other => vm.hash(other)? as usize,
    };
    Ok(crate::object::hash::hash_pointer(f ^ s))
}

fn native_getattro(vm: &mut Vm, v: &Value, name: &PyRef) -> PyResult<Option<Value>> {
    let Some(Payload::NativeFunction(nf)) = v.as_obj().map(|o| &o.payload) else { return Ok(None) };
    match name.as_str().map(|s| s.as_str()).unwrap_or("") {
        "__name__" => Ok(Some(vm.new_str(nf.name))),
        "__qualname__" => {
            let q = if nf.is_method || !nf.objclass.is_null() || nf.owner != "builtins" && !nf.self_.is_null() { format!("{}.{}", nf.owner, nf.name) } else { nf.name.to_string() };
            Ok(Some(vm.new_str(&q)))
        }
        // A method descriptor (unbound) has no `__self__`.
        "__self__" if nf.is_method && nf.self_.is_null() => vm.generic_get_attr(v, name),
        "__self__" => Ok(Some(if nf.self_.is_null() { Value::Obj(vm.builtins.clone()) } else { nf.self_.clone() })),
        "__text_signature__" => {
            let text = if nf.is_method || !nf.self_.is_null() { nf.sig.text_signature("$self", true) } else { nf.sig.text_signature("$module", false) };
            Ok(Some(text.map_or(Value::None, |t| vm.new_str(&t))))
        }
        "__doc__" => Ok(Some(match nf.doc {
            Some(d) => vm.new_str(d),
            None => Value::None,
        })),
        // Methods (static and class methods too) of a type have no module.
        "__module__" => Ok(Some(if nf.is_method || !nf.objclass.is_null() { Value::None } else { vm.new_str(nf.owner) })),
        "__objclass__" if nf.is_method && !nf.objclass.is_null() => Ok(Some(nf.objclass.clone())),
        _ => vm.generic_get_attr(v, name),
    }
}

fn init_property(vm: &mut Vm) {
    let t = vm.types.property.clone();
    {
        let mut s = t.as_type().expect("type").slots.borrow_mut();
        s.new = Some(property_new);
        s.descr_get = Some(|vm, p, obj, _| {
            if obj.is_null() {
                return Ok(p.clone());
            }
            let Some(Payload::Property { fget, .. }) = p.as_obj().map(|o| &o.payload) else { return Ok(Value::None) };
            if fget.is_none() {
                return Err(missing_accessor(vm, p, obj, "getter"));
            }
            let f = fget.clone();
            vm.call_positional(&f, std::slice::from_ref(obj))
        });
        s.descr_set = Some(|vm, p, obj, value| {
            let Some(Payload::Property { fset, fdel, .. }) = p.as_obj().map(|o| &o.payload) else { return Ok(()) };
            let (f, args) = if value.is_null() { (fdel.clone(), vec![obj.clone()]) } else { (fset.clone(), vec![obj.clone(), value]) };
            if f.is_none() {
                let which = if args.len() == 1 { "deleter" } else { "setter" };
                return Err(missing_accessor(vm, p, obj, which));
            }
            vm.call_positional(&f, &args).map(|_| ())
        });
        s.getattro = Some(|vm, v, name| {
            let Some(o) = v.as_obj() else { return Ok(None) };
            let Payload::Property { fget, fset, fdel, doc, .. } = &o.payload else { return Ok(None) };
            match name.as_str().map(|s| s.as_str()).unwrap_or("") {
                "fget" => Ok(Some(fget.clone())),
                "fset" => Ok(Some(fset.clone())),
                "fdel" => Ok(Some(fdel.clone())),
                // A subclass instance keeps its doc in its own dict (property_init).
                "__doc__" if vm.is_exact(o, &vm.types.property) => Ok(Some(doc.borrow().clone())),
                // property_get___isabstractmethod__: any accessor is abstract (unless a
                // subclass sets the attribute itself, as abc.abstractproperty does).
                "__isabstractmethod__" => {
                    if let Some(r) = vm.generic_get_attr(v, name)? {
                        return Ok(Some(r));
                    }
                    for f in [fget.clone(), fset.clone(), fdel.clone()] {
                        if let Some(v) = vm.get_attr_opt_str(&f, "__isabstractmethod__")? {
                            if vm.is_true(&v)? {
                                return Ok(Some(Value::Bool(true)));
                            }
                        }
                    }
                    Ok(Some(Value::Bool(false)))
                }
                _ => vm.generic_get_attr(v, name),
            }
        });
        s.setattro = Some(|vm, v, name, value| {
            if let Some(o) = v.as_obj() {
                if let Payload::Property { doc, .. } = &o.payload {
                    if name.as_str().is_some_and(|s| s.as_str() == "__doc__") && vm.is_exact(o, &vm.types.property) {
                        *doc.borrow_mut() = if value.is_null() { Value::None } else { value };
                        return Ok(());
                    }
                }
            }
            vm.generic_set_attr(v, name, value)
        });
    }
    /// property_copy: `type(self)(fget, fset, fdel, doc)` with one accessor replaced.
    fn with(vm: &mut Vm, a: &[Value], which: usize) -> PyResult<Value> {
        let Some(o) = a[0].as_obj() else { return Ok(Value::None) };
        let Payload::Property { fget, fset, fdel, doc, getter_doc, name } = &o.payload else { return Ok(Value::None) };
        let mut parts = [fget.clone(), fset.clone(), fdel.clone()];
        parts[which] = a[1].clone();
        let doc = if *getter_doc && !parts[0].is_none() { Value::None } else { doc.borrow().clone() };
        let name = name.borrow().clone();
        let [g, s, d] = parts;
        let cls = Value::Obj(o.class());
        let new = vm.call_positional(&cls, &[g, s, d, doc])?;
        if let Some(Payload::Property { name: new_name, .. }) = new.as_obj().map(|o| &o.payload) {
            *new_name.borrow_mut() = name;
        }
        Ok(new)
    }
    vm.add_methods(&t, "property", &[
        method("getter", "(self, fget, /)", |vm, a| with(vm, a, 0)),
        method("setter", "(self, fset, /)", |vm, a| with(vm, a, 1)),
        method("deleter", "(self, fdel, /)", |vm, a| with(vm, a, 2)),
        method("__set_name__", "(self, /, *args)", |vm, a| {
            let args = crate::builtins::tuple_items(&a[1]).to_vec();
            if args.len() != 2 {
                return Err(vm.new_type_error(format!("__set_name__() takes 2 positional arguments but {} were given", args.len())));
            }
            if let Some(Payload::Property { name, .. }) = a[0].as_obj().map(|o| &o.payload) {
                *name.borrow_mut() = args[1].clone();
            }
            Ok(Value::None)
        }),
    ]);
}

/// property(fget=None, fset=None, fdel=None, doc=None) (property_init): without a doc,
/// the getter's `__doc__`; a subclass instance stores the doc in its own `__doc__`.
fn property_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    let sig = crate::types::native::Signature::cached("(fget=None, fset=None, fdel=None, doc=None)");
    let b = crate::types::native::bind(vm, &sig, "property", args)?;
    let a = b.as_slice();
    let getter_doc = a[3].is_none() && !a[0].is_none();
    let doc = if getter_doc { vm.get_attr_opt_str(&a[0], "__doc__")?.unwrap_or(Value::None) } else { a[3].clone() };
    let p = vm.wrap(Payload::Property { fget: a[0].clone(), fset: a[1].clone(), fdel: a[2].clone(), doc: RefCell::new(doc.clone()), getter_doc, name: Default::default() }, cls);
    if !cls.is(&vm.types.property) {
        let key = vm.intern("__doc__");
        vm.set_attr(&p, &key, doc)?;
    }
    Ok(p)
}

/// "property 'x' of 'C' object has no setter" (property_descr_get / property_descr_set).
fn missing_accessor(vm: &mut Vm, p: &Value, obj: &Value, which: &str) -> crate::vm::PyErr {
    let name = match p.as_obj().map(|o| &o.payload) {
        Some(Payload::Property { name, .. }) => name.borrow().clone(),
        _ => Value::Null,
    };
    let owner = vm.type_of(obj).as_type().map(|t| t.qualname.borrow().clone()).unwrap_or_default();
    let msg = if name.is_null() {
        format!("property of '{owner}' object has no {which}")
    } else {
        match vm.repr(&name) {
            Ok(r) => format!("property {} of '{owner}' object has no {which}", r.as_str().map(|s| s.as_str()).unwrap_or("")),
            Err(e) => return e,
        }
    };
    vm.new_attribute_error(msg)
}

fn init_wrappers(vm: &mut Vm) {
    let cm = vm.types.classmethod.clone();
    {
        let mut s = cm.as_type().expect("type").slots.borrow_mut();
        s.new = Some(|vm, cls, args: Args<'_>| {
            let f = args.pos().first().cloned().unwrap_or(Value::None);
            Ok(vm.wrap(Payload::ClassMethod(f), cls))
        });
        s.descr_get = Some(|vm, d, obj, owner| {
            let Some(Payload::ClassMethod(f)) = d.as_obj().map(|o| &o.payload) else { return Ok(d.clone()) };
            let owner = if owner.is_null() || owner.is_none() { Value::Obj(vm.type_of(obj)) } else { owner.clone() };
            // A builtin class method binds like a builtin method (classmethod_descriptor).
            if let Some(Payload::NativeFunction(nf)) = f.as_obj().map(|o| &o.payload) {
                if nf.self_.is_null() {
                    let bound = nf.bound_to(owner);
                    let t = vm.types.native_function.clone();
                    return Ok(vm.wrap(Payload::NativeFunction(Box::new(bound)), &t));
                }
            }
            // cm_descr_get: a wrapped descriptor (a property, another classmethod) binds
            // itself to the class.
            let inner = vm.type_of(f).as_type().and_then(|t| t.slots().descr_get);
            if let (Some(get), false) = (inner, matches!(f.as_obj().map(|o| &o.payload), Some(Payload::Function(_)))) {
                let f = f.clone();
                return get(vm, &f, &owner, &owner);
            }
            let t = vm.types.method.clone();
            Ok(vm.wrap(Payload::Method { func: f.clone(), self_: owner }, &t))
        });
        s.getattro = Some(wrapper_getattro);
        s.init = Some(|vm, _, args| wrapper_init(vm, "classmethod", args));
    }
    let sm = vm.types.staticmethod.clone();
    {
        let mut s = sm.as_type().expect("type").slots.borrow_mut();
        s.init = Some(|vm, _, args| wrapper_init(vm, "staticmethod", args));
        s.new = Some(|vm, cls, args: Args<'_>| {
            let f = args.pos().first().cloned().unwrap_or(Value::None);
            Ok(vm.wrap(Payload::StaticMethod(f), cls))
        });
        s.descr_get = Some(|_, d, _, _| match d.as_obj().map(|o| &o.payload) {
            Some(Payload::StaticMethod(f)) => Ok(f.clone()),
            _ => Ok(d.clone()),
        });
        s.call = Some(|vm, d, args| match d.as_obj().map(|o| &o.payload) {
            Some(Payload::StaticMethod(f)) => {
                let f = f.clone();
                vm.call(&f, args)
            }
            _ => Ok(Value::None),
        });
        s.getattro = Some(wrapper_getattro);
    }
}

/// cm_init / sm_init: exactly one positional argument, no keywords (`__new__` has
/// already stored it).
fn wrapper_init(vm: &mut Vm, name: &str, args: Args<'_>) -> PyResult<()> {
    if !args.kwnames.is_empty() {
        return Err(vm.new_type_error(format!("{name}() takes no keyword arguments")));
    }
    match args.pos().len() {
        1 => Ok(()),
        n => Err(vm.new_type_error(format!("{name} expected 1 argument, got {n}"))),
    }
}

fn wrapper_getattro(vm: &mut Vm, v: &Value, name: &PyRef) -> PyResult<Option<Value>> {
    let inner = match v.as_obj().map(|o| &o.payload) {
        Some(Payload::ClassMethod(f)) | Some(Payload::StaticMethod(f)) => f.clone(),
        _ => return Ok(None),
    };
    match name.as_str().map(|s| s.as_str()).unwrap_or("") {
        "__func__" | "__wrapped__" => Ok(Some(inner)),
        // cm_get___isabstractmethod__: the wrapped callable's flag.
        "__isabstractmethod__" => {
            if let Some(r) = vm.generic_get_attr(v, name)? {
                return Ok(Some(r));
            }
            let flag = match vm.get_attr_opt_str(&inner, "__isabstractmethod__")? {
                Some(f) => vm.is_true(&f)?,
                None => false,
            };
            Ok(Some(Value::Bool(flag)))
        }
        _ => {
            if let Some(r) = vm.generic_get_attr(v, name)? {
                return Ok(Some(r));
            }
            let n = name.as_str().map(|s| s.as_str()).unwrap_or("");
            if matches!(n, "__name__" | "__qualname__" | "__doc__" | "__module__" | "__annotations__") {
                return vm.get_attr_opt(&inner, name);
            }
            Ok(None)
        }
    }
}

impl Vm {
    /// A Python-visible code object for `code`.
    pub fn code_object(&mut self, code: &std::rc::Rc<crate::interp::code::Code>) -> Value {
        if let Some(o) = code.pyobj.borrow().as_ref().and_then(|w| w.upgrade()) {
            return Value::Obj(o);
        }
        let t = self.types.code.clone();
        let o = self.wrap(Payload::Native(Box::new(code.clone())), &t);
        if let Value::Obj(r) = &o {
            *code.pyobj.borrow_mut() = Some(r.downgrade());
        }
        o
    }
}
