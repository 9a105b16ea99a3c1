//! BaseException: construction (`args`), `str()`/`repr()`, the attributes `args`,
//! `__traceback__`, `__cause__`, `__context__`, `__suppress_context__`, and the methods
//! `with_traceback`, `add_note`, `__reduce__`, `__setstate__` (CPython's
//! Objects/exceptions.c, BaseException part).

use crate::types::getset::GetSetDef;
use super::{data, ExceptionData};
use crate::object::{Args, Payload, PyObject, PyRef, TypeFlags, Value};
use crate::types::methods::{method, MethodDef, MethodKind};
use crate::vm::{PyResult, Vm};

/// Install BaseException's slots, methods and attributes (subclasses inherit them).
pub fn init(vm: &mut Vm) {
    let t = vm.exc.base_exception.clone();
    if let Some(tt) = t.as_type() {
        let mut s = tt.slots.borrow_mut();
        s.new = Some(exc_new);
        s.init = Some(exc_init);
        s.str = Some(exc_str);
        s.repr = Some(exc_repr);
    }
    const METHODS: &[MethodDef] = &[
        MethodDef { name: "__new__", sig: "(cls, /, *args, **kwargs)", func: exc_new_method, kind: MethodKind::StaticMethod },
        method("__init__", "(self, /, *args, **kwargs)", |vm, a| {
            let pos = vm.collect(&a[1])?;
            no_keywords(vm, &a[0], &a[2])?;
            set_args(vm, &a[0], pos);
            Ok(Value::None)
        }),
        method("__str__", "(self, /)", |vm, a| exc_str(vm, &a[0])),
        method("__repr__", "(self, /)", |vm, a| exc_repr(vm, &a[0])),
        method("with_traceback", "(self, tb, /)", |vm, a| {
            set_traceback(vm, &a[0], a[1].clone(), "")?;
            Ok(a[0].clone())
        }),
        method("add_note", "(self, note, /)", add_note),
        method("__reduce__", "(self, /)", reduce),
        method("__setstate__", "(self, state, /)", setstate),
    ];
    vm.add_methods(&t, "BaseException", METHODS);
    vm.add_getsets(&t, &[
        GetSetDef { name: "args", get: |vm, v, _| Ok(field(vm, v, |d| d.args.borrow().clone())), set: Some(set_args_attr) },
        GetSetDef { name: "__traceback__", get: |vm, v, _| Ok(field(vm, v, |d| d.traceback.borrow().clone())), set: Some(set_traceback) },
        GetSetDef { name: "__cause__", get: |vm, v, _| Ok(field(vm, v, |d| d.cause.borrow().clone())), set: Some(set_cause) },
        GetSetDef { name: "__context__", get: |vm, v, _| Ok(field(vm, v, |d| d.context.borrow().clone())), set: Some(set_context) },
        GetSetDef { name: "__dict__", get: get_dict, set: Some(set_dict) },
        GetSetDef {
            name: "__suppress_context__",
            get: |vm, v, _| Ok(field(vm, v, |d| Value::Bool(d.suppress_context.get()))),
            set: Some(set_suppress_context),
        },
    ]);
}

/// `__dict__`: the instance dict, created on first use.
fn get_dict(vm: &mut Vm, v: &Value, _name: &'static str) -> PyResult<Value> {
    let Some(o) = v.as_obj() else { return Ok(Value::None) };
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

fn set_dict(vm: &mut Vm, v: &Value, value: Value, _name: &'static str) -> PyResult<()> {
    match value.as_obj() {
        Some(d) if d.as_dict().is_some() => {
            if let Some(o) = v.as_obj() {
                *o.dict.borrow_mut() = Some(d.clone());
            }
            Ok(())
        }
        _ if value.is_null() => Err(vm.new_type_error("__dict__ may not be deleted")),
        _ => {
            let n = vm.type_name(&value);
            Err(vm.new_type_error(format!("__dict__ must be set to a dictionary, not a '{n}'")))
        }
    }
}

/// Read one piece of `v`'s exception data (None for a non-exception).
fn field(_vm: &mut Vm, v: &Value, f: impl FnOnce(&ExceptionData) -> Value) -> Value {
    data(v).map(f).unwrap_or(Value::None)
}

/// A new exception instance of `cls` with `args` (no `__init__` run).
pub fn new_instance(vm: &mut Vm, cls: &PyRef, args: Vec<Value>) -> PyRef {
    let a = vm.new_tuple(args);
    PyRef::new(PyObject::new(cls.clone(), Payload::Exception(Box::new(ExceptionData::new(a)))))
}

/// BaseException.__new__ (BaseException_new): an instance with `args` set from the
/// positional arguments; keywords are left to `__init__`.
pub fn exc_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Obj(new_instance(vm, cls, args.pos().to_vec())))
}

fn exc_new_method(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let cls = match &a[0] {
        Value::Obj(c) if c.as_type().is_some() => c.clone(),
        other => {
            let n = vm.type_name(other);
            return Err(vm.new_type_error(format!("BaseException.__new__(X): X is not a type object ({n})")));
        }
    };
    if !vm.is_subtype(&cls, &vm.exc.base_exception.clone()) {
        let n = cls.as_type().map(|t| t.name()).unwrap_or_default();
        return Err(vm.new_type_error(format!("BaseException.__new__({n}): {n} is not a subtype of BaseException")));
    }
    let pos = vm.collect(&a[1])?;
    let new = cls.as_type().and_then(|t| t.slots().new);
    match new {
        // A builtin subclass with its own constructor (OSError's errno mapping).
        Some(f) if f as usize != exc_new as crate::object::NewFn as usize && !cls.as_type().is_some_and(|t| t.has_flag(TypeFlags::HEAPTYPE)) => {
            f(vm, &cls, Args::positional(&pos))
        }
        _ => Ok(Value::Obj(new_instance(vm, &cls, pos))),
    }
}

/// `X() takes no keyword arguments` when `kwargs` (a dict or Null) is not empty.
pub fn no_keywords(vm: &mut Vm, obj: &Value, kwargs: &Value) -> PyResult<()> {
    let n = kwargs.as_obj().and_then(|d| d.as_dict()).map_or(0, |d| d.borrow().len());
    if n > 0 {
        let name = vm.type_name(obj);
        return Err(vm.new_type_error(format!("{name}() takes no keyword arguments")));
    }
    Ok(())
}

/// BaseException.__init__ (BaseException_init): no keywords; `args` = the positionals.
fn exc_init(vm: &mut Vm, obj: &Value, args: Args<'_>) -> PyResult<()> {
    if !args.kwnames.is_empty() {
        let name = vm.type_name(obj);
        return Err(vm.new_type_error(format!("{name}() takes no keyword arguments")));
    }
    set_args(vm, obj, args.pos().to_vec());
    Ok(())
}

/// Replace the args tuple.
pub fn set_args(vm: &mut Vm, obj: &Value, items: Vec<Value>) {
    if let Some(d) = data(obj) {
        let t = vm.new_tuple(items);
        *d.args.borrow_mut() = t;
    }
}

fn set_args_attr(vm: &mut Vm, obj: &Value, v: Value, _name: &'static str) -> PyResult<()> {
    if v.is_null() {
        return Err(vm.new_type_error("args may not be deleted"));
    }
    let items = vm.collect(&v)?;
    set_args(vm, obj, items);
    Ok(())
}

/// `__traceback__ = tb` (a traceback object or None).
pub fn set_traceback(vm: &mut Vm, obj: &Value, v: Value, _name: &'static str) -> PyResult<()> {
    if v.is_null() {
        return Err(vm.new_type_error("__traceback__ may not be deleted"));
    }
    if !v.is_none() && !super::traceback::is_traceback(&v) {
        return Err(vm.new_type_error("__traceback__ must be a traceback or None"));
    }
    if let Some(d) = data(obj) {
        *d.traceback.borrow_mut() = v;
    }
    Ok(())
}

fn is_exception(v: &Value) -> bool {
    data(v).is_some()
}

fn set_cause(vm: &mut Vm, obj: &Value, v: Value, _name: &'static str) -> PyResult<()> {
    if v.is_null() {
        return Err(vm.new_type_error("__cause__ may not be deleted"));
    }
    if !v.is_none() && !is_exception(&v) {
        return Err(vm.new_type_error("exception cause must be None or derive from BaseException"));
    }
    if let Some(d) = data(obj) {
        *d.cause.borrow_mut() = v;
        d.suppress_context.set(true);
    }
    Ok(())
}

fn set_context(vm: &mut Vm, obj: &Value, v: Value, _name: &'static str) -> PyResult<()> {
    if v.is_null() {
        return Err(vm.new_type_error("__context__ may not be deleted"));
    }
    if !v.is_none() && !is_exception(&v) {
        return Err(vm.new_type_error("exception context must be None or derive from BaseException"));
    }
    if let Some(d) = data(obj) {
        *d.context.borrow_mut() = v;
    }
    Ok(())
}

fn set_suppress_context(vm: &mut Vm, obj: &Value, v: Value, _name: &'static str) -> PyResult<()> {
    match v {
        Value::Bool(b) => {
            if let Some(d) = data(obj) {
                d.suppress_context.set(b);
            }
            Ok(())
        }
        Value::Null => Err(vm.new_type_error("can't delete numeric/char attribute")),
        _ => Err(vm.new_type_error("attribute value type must be bool")),
    }
}

/// BaseException.__str__: '' for no args, str(arg) for one, str(args) otherwise.
pub fn exc_str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let args = data(v).map(|d| d.args.borrow().clone()).unwrap_or(Value::None);
    let items = args.as_obj().and_then(|t| t.as_tuple()).map(|t| t.to_vec()).unwrap_or_default();
    match items.len() {
        0 => Ok(vm.new_str("")),
        1 => Ok(Value::Obj(vm.str(&items[0])?)),
        _ => Ok(Value::Obj(vm.str(&args)?)),
    }
}

/// BaseException.__repr__: `Name(arg)` for one arg, `Name` + repr(args) otherwise.
pub fn exc_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let name = vm.type_name(v);
    let args = data(v).map(|d| d.args.borrow().clone()).unwrap_or(Value::None);
    let items = args.as_obj().and_then(|t| t.as_tuple()).map(|t| t.to_vec()).unwrap_or_default();
    let inner = match items.len() {
        1 => format!("({})", vm.repr(&items[0])?.as_str().map(|s| s.as_str()).unwrap_or("")),
        0 => "()".to_string(),
        _ => vm.repr(&args)?.as_str().map(|s| s.as_str().to_string()).unwrap_or_default(),
    };
    Ok(vm.new_str(&format!("{name}{inner}")))
}

/// BaseException.add_note(note): append to `__notes__`, creating the list.
fn add_note(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (obj, note) = (&a[0], &a[1]);
    if note.as_obj().is_none_or(|o| o.as_str().is_none()) {
        let n = vm.type_name(note);
        return Err(vm.new_type_error(format!("note must be a str, not '{n}'")));
    }
    let key = vm.intern("__notes__");
    let notes = match vm.get_attr_opt(obj, &key)? {
        Some(n) => n,
        None => {
            let l = vm.new_list(Vec::new());
            vm.set_attr(obj, &key, l.clone())?;
            l
        }
    };
    match notes.as_obj().and_then(|o| o.as_list()) {
        Some(l) => l.borrow_mut().push(note.clone()),
        None => return Err(vm.new_type_error("Cannot add note: __notes__ is not a list")),
    }
    Ok(Value::None)
}

/// BaseException.__reduce__: `(type, args)` or `(type, args, __dict__)`.
fn reduce(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let obj = &a[0];
    let cls = Value::Obj(vm.type_of(obj));
    let args = data(obj).map(|d| d.args.borrow().clone()).unwrap_or(Value::None);
    let dict = obj.as_obj().and_then(|o| o.dict.borrow().clone());
    let items = match dict {
        Some(d) if d.as_dict().is_some_and(|t| !t.borrow().is_empty()) => vec![cls, args, Value::Obj(d)],
        _ => vec![cls, args],
    };
    Ok(vm.new_tuple(items))
}

/// BaseException.__setstate__: set each item of a dict state as an attribute.
fn setstate(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let state = &a[1];
    if state.is_none() {
        return Ok(Value::None);
    }
    let Some(d) = state.as_obj().filter(|o| o.as_dict().is_some()).cloned() else {
        return Err(vm.new_type_error("state is not a dictionary"));
    };
    let items: Vec<(Value, Value)> = d.as_dict().map(|t| t.borrow().iter().map(|(_, e)| (e.key.clone(), e.value.clone())).collect()).unwrap_or_default();
    for (k, v) in items {
        let name = match k.as_obj().and_then(|o| o.as_str()) {
            Some(s) => vm.intern(s.as_str()),
            None => {
                let n = vm.type_name(&k);
                return Err(vm.new_type_error(format!("attribute name must be string, not '{n}'")));
            }
        };
        vm.set_attr(&a[0], &name, v)?;
    }
    Ok(Value::None)
}
