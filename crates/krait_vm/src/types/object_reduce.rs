//! `object.__reduce_ex__`, `object.__reduce__`, `object.__getstate__` and
//! `object.__subclasshook__` (CPython's Objects/typeobject.c: object___reduce_ex__,
//! _common_reduce, reduce_newobj, object_getstate), used by copy and pickle.

use crate::object::{Payload, PyRef, Value};
use crate::types::methods::{method, MethodDef, MethodKind};
use crate::vm::{PyResult, Vm};

fn copyreg_attr(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let m = crate::import::import_absolute(vm, "copyreg")?;
    vm.get_attr_str(&Value::Obj(m), name)
}

fn cannot_pickle(vm: &mut Vm, obj: &Value) -> crate::vm::PyErr {
    let n = vm.type_name(obj);
    vm.new_type_error(format!("cannot pickle '{n}' object"))
}

/// Whether `ty`'s attribute `name` is the one `object` itself defines.
fn is_object_attr(vm: &mut Vm, ty: &PyRef, name: &str) -> bool {
    let key = vm.intern(name);
    let object = vm.types.object.clone();
    match (vm.lookup_type_attr(ty, &key), vm.lookup_type_attr(&object, &key)) {
        (Some(a), Some(b)) => a.is(&b),
        _ => false,
    }
}

// object_getstate_default
fn default_state(vm: &mut Vm, obj: &Value, required: bool) -> PyResult<Value> {
    let plain = obj.as_obj().is_some_and(|o| crate::types::slots::is_plain_instance(o) || matches!(o.payload, Payload::Exception(_)));
    if required && !plain {
        return Err(cannot_pickle(vm, obj));
    }
    // Slot values of builtin-type subclasses live in the same dict under their member
    // descriptors: only str keys are the instance's `__dict__`.
    let attrs: Vec<(Value, Value)> = obj
        .as_obj()
        .and_then(|o| o.dict.borrow().clone())
        .and_then(|d| d.as_dict().map(|t| t.borrow().iter().map(|(_, e)| (e.key.clone(), e.value.clone())).collect()))
        .unwrap_or_default();
    let attrs: Vec<(Value, Value)> = attrs.into_iter().filter(|(k, _)| k.as_obj().is_some_and(|o| o.as_str().is_some())).collect();
    let mut state = if attrs.is_empty() {
        Value::None
    } else {
        let d = vm.new_dict_ref();
        for (k, v) in attrs {
            vm.dict_set_item(&d, k, v)?;
        }
        Value::Obj(d)
    };
    let cls = Value::Obj(vm.type_of(obj));
    let slotnames = copyreg_attr(vm, "_slotnames")?;
    let names = vm.call_positional(&slotnames, &[cls])?;
    let names = vm.collect(&names)?;
    if !names.is_empty() {
        let slots = vm.new_dict_ref();
        for n in names {
            let Some(name) = n.as_obj().filter(|o| o.as_str().is_some()).cloned() else { continue };
            if let Some(v) = vm.get_attr_opt(obj, &name)? {
                vm.dict_set_item(&slots, n, v)?;
            }
        }
        if slots.as_dict().is_some_and(|t| !t.borrow().is_empty()) {
            state = vm.new_tuple(vec![state, Value::Obj(slots)]);
        }
    }
    Ok(state)
}

// object_getstate
fn get_state(vm: &mut Vm, obj: &Value, required: bool) -> PyResult<Value> {
    let ty = vm.type_of(obj);
    if is_object_attr(vm, &ty, "__getstate__") {
        return default_state(vm, obj, required);
    }
    vm.call_method(obj, "__getstate__", &[])
}

// _PyObject_GetNewArguments: (args, kwargs) from __getnewargs_ex__ / __getnewargs__.
fn new_arguments(vm: &mut Vm, obj: &Value) -> PyResult<Option<(Vec<Value>, Option<Value>)>> {
    if let Some(f) = vm.get_attr_opt_str(obj, "__getnewargs_ex__")? {
        let r = vm.call_positional(&f, &[])?;
        let parts = crate::builtins::tuple_items(&r).to_vec();
        let [args, kwargs] = parts.as_slice() else {
            return Err(vm.new_type_error("__getnewargs_ex__ should return a tuple of length 2"));
        };
        if args.as_obj().and_then(|o| o.as_tuple()).is_none() || kwargs.as_obj().and_then(|o| o.as_dict()).is_none() {
            return Err(vm.new_type_error("__getnewargs_ex__ should return a tuple (tuple, dict)"));
        }
        return Ok(Some((crate::builtins::tuple_items(args).to_vec(), Some(kwargs.clone()))));
    }
    if let Some(f) = vm.get_attr_opt_str(obj, "__getnewargs__")? {
        let r = vm.call_positional(&f, &[])?;
        if r.as_obj().and_then(|o| o.as_tuple()).is_none() {
            let n = vm.type_name(&r);
            return Err(vm.new_type_error(format!("__getnewargs__ should return a tuple, not '{n}'")));
        }
        return Ok(Some((crate::builtins::tuple_items(&r).to_vec(), None)));
    }
    Ok(None)
}

// reduce_newobj
fn reduce_newobj(vm: &mut Vm, obj: &Value) -> PyResult<Value> {
    let ty = vm.type_of(obj);
    if ty.as_type().is_none_or(|t| t.slots().new.is_none()) {
        return Err(cannot_pickle(vm, obj));
    }
    let newargs = new_arguments(vm, obj)?;
    let hasargs = newargs.is_some();
    let (args, kwargs) = newargs.unwrap_or_default();
    let kwargs = kwargs.filter(|k| k.as_obj().and_then(|o| o.as_dict()).is_some_and(|d| !d.borrow().is_empty()));
    let cls = Value::Obj(ty.clone());
    let (newobj, newargs) = match kwargs {
        None => {
            let mut v = vec![cls];
            v.extend(args);
            (copyreg_attr(vm, "__newobj__")?, vm.new_tuple(v))
        }
        Some(kw) => {
            let a = vm.new_tuple(args);
            (copyreg_attr(vm, "__newobj_ex__")?, vm.new_tuple(vec![cls, a, kw]))
        }
    };
    let (is_list, is_dict) = (vm.is_subtype(&ty, &vm.types.list.clone()), vm.is_subtype(&ty, &vm.types.dict.clone()));
    let state = get_state(vm, obj, !hasargs && !is_list && !is_dict)?;
    let listitems = if is_list { vm.iter(obj)? } else { Value::None };
    let dictitems = if is_dict {
        let items = vm.call_method(obj, "items", &[])?;
        vm.iter(&items)?
    } else {
        Value::None
    };
    Ok(vm.new_tuple(vec![newobj, newargs, state, listitems, dictitems]))
}

// _common_reduce
fn common_reduce(vm: &mut Vm, obj: &Value, proto: i64) -> PyResult<Value> {
    if proto >= 2 {
        return reduce_newobj(vm, obj);
    }
    let f = copyreg_attr(vm, "_reduce_ex")?;
    vm.call_positional(&f, &[obj.clone(), Value::Int(proto)])
}

// object___reduce_ex___impl
fn reduce_ex(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let proto = num_traits::ToPrimitive::to_i64(&crate::types::int::index_of(vm, &a[1])?).unwrap_or(i64::MAX);
    let ty = vm.type_of(&a[0]);
    if !is_object_attr(vm, &ty, "__reduce__") {
        return vm.call_method(&a[0], "__reduce__", &[]);
    }
    common_reduce(vm, &a[0], proto)
}

/// The methods this file adds to `object`.
pub const METHODS: &[MethodDef] = &[
    method("__reduce_ex__", "(self, protocol, /)", reduce_ex),
    method("__reduce__", "(self, /)", |vm, a| common_reduce(vm, &a[0], 0)),
    method("__getstate__", "(self, /)", |vm, a| get_state(vm, &a[0], false)),
    MethodDef { name: "__subclasshook__", sig: "(cls, /, *args)", func: |vm, _| Ok(Value::Obj(vm.not_implemented.clone())), kind: MethodKind::ClassMethod },
];
