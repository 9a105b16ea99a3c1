//! The `builtins` module: builtin functions (one file per family), plus the builtin types
//! and exception classes under their names.

use crate::object::{PyRef, Value};
use crate::types::methods::MethodDef;
use crate::vm::{PyErr, PyResult, Vm};

mod async_iter;
mod build_class;
pub(crate) mod code;
pub mod file;
pub(crate) mod introspection;
pub(crate) mod io;
mod iter_types;
mod iter_reduce;
mod iteration;
mod numeric;
pub mod stdio;
mod text;

const CLASS_FUNCTIONS: &[MethodDef] =
    &[crate::types::methods::method("__build_class__", "(func, name, /, *bases, metaclass=None, **kwds)", build_class::build_class)];

/// Fill the builtins module's dict.
pub fn init(vm: &mut Vm) {
    let d = vm.builtins_dict.clone();
    let tables: [&[MethodDef]; 8] = [
        io::FUNCTIONS, numeric::FUNCTIONS, iteration::FUNCTIONS, async_iter::FUNCTIONS, introspection::FUNCTIONS, code::FUNCTIONS, text::FUNCTIONS,
        CLASS_FUNCTIONS,
    ];
    for f in tables.into_iter().flatten() {
        let func = vm.new_native_function(f.name, "builtins", f.sig, f.func, Value::Null, false);
        set(vm, &d, f.name, Value::Obj(func));
    }
    let open = file::open_function(vm);
    set(vm, &d, "open", Value::Obj(open));
    async_iter::init(vm);
    for (name, ty) in iter_types::init(vm) {
        set(vm, &d, name, Value::Obj(ty));
    }
    let t = &vm.types;
    let named = [
        ("object", t.object.clone()), ("type", t.type_.clone()), ("int", t.int.clone()), ("bool", t.bool.clone()),
        ("float", t.float.clone()), ("complex", t.complex.clone()), ("str", t.str.clone()), ("bytes", t.bytes.clone()),
        ("bytearray", t.bytearray.clone()), ("tuple", t.tuple.clone()), ("list", t.list.clone()), ("dict", t.dict.clone()),
        ("set", t.set.clone()), ("frozenset", t.frozenset.clone()), ("range", t.range.clone()), ("slice", t.slice.clone()),
        ("property", t.property.clone()), ("classmethod", t.classmethod.clone()), ("staticmethod", t.staticmethod.clone()),
    ];
    let mut all: Vec<(String, Value)> = named.into_iter().map(|(n, t)| (n.to_string(), Value::Obj(t))).collect();
    for (n, t) in vm.exc.all() {
        all.push((n.to_string(), Value::Obj(t.clone())));
    }
    for (alias, target) in crate::exceptions::EXCEPTION_ALIASES {
        if let Some((_, v)) = all.iter().find(|(n, _)| n == target) {
            all.push((alias.to_string(), v.clone()));
        }
    }
    all.push(("None".into(), Value::None));
    all.push(("Ellipsis".into(), Value::Obj(vm.ellipsis.clone())));
    all.push(("NotImplemented".into(), Value::Obj(vm.not_implemented.clone())));
    all.push(("__debug__".into(), Value::Bool(vm.options.optimize == 0)));
    all.push(("__name__".into(), Value::Null));
    for (n, v) in all {
        let v = if v.is_null() { vm.new_str("builtins") } else { v };
        set(vm, &d, &n, v);
    }
}

fn set(vm: &mut Vm, d: &PyRef, name: &str, v: Value) {
    let key = Value::Obj(vm.intern(name));
    // Interned str keys never run Python code, so this cannot fail.
    let _ = crate::types::dict_ops::set_item(vm, d, key, v);
}

/// Whether `err` is an instance of exception class `cls` (or a subclass).
pub(crate) fn err_matches(vm: &Vm, err: &PyErr, cls: &PyRef) -> bool {
    vm.is_subtype(&err.0.class(), cls)
}

/// The items of a tuple value (empty for anything else).
pub(crate) fn tuple_items(v: &Value) -> &[Value] {
    v.as_obj().and_then(|o| o.as_tuple()).unwrap_or(&[])
}

/// The text of a str argument, or TypeError `"{what} must be str, not T"`-style `msg`.
pub fn str_arg_with(vm: &mut Vm, v: &Value, msg: impl FnOnce(&str) -> String) -> PyResult<String> {
    match v.as_obj().and_then(|o| o.as_str()) {
        Some(s) => Ok(s.as_str().to_string()),
        None => {
            let n = vm.type_name(v);
            Err(vm.new_type_error(msg(&n)))
        }
    }
}

/// The text of a str argument, or TypeError "`what` must be str, not T".
pub fn str_arg(vm: &mut Vm, v: &Value, what: &str) -> PyResult<String> {
    str_arg_with(vm, v, |n| format!("{what} must be str, not {n}"))
}

/// Call `f(*args, **kw)` with keyword names given as text.
pub(crate) fn call_kw(vm: &mut Vm, f: &Value, pos: &[Value], kw: &[(&str, Value)]) -> PyResult<Value> {
    let mut args = pos.to_vec();
    let mut names = Vec::with_capacity(kw.len());
    for (n, v) in kw {
        args.push(v.clone());
        names.push(Value::Obj(vm.intern(n)));
    }
    vm.call(f, crate::object::Args { args: &args, kwnames: &names })
}

/// A new list sorted as `list.sort(key=key, reverse=reverse)` does.
pub(crate) fn sorted_list(vm: &mut Vm, items: Vec<Value>, key: Value, reverse: Value) -> PyResult<Value> {
    let list = vm.new_list(items);
    let sort = vm.get_attr_str(&list, "sort")?;
    call_kw(vm, &sort, &[], &[("key", key), ("reverse", reverse)])?;
    Ok(list)
}

/// The private type registered under `key` for this VM.
pub fn vm_type(vm: &Vm, key: &str) -> Option<PyRef> {
    vm.private_types.get(key).cloned()
}

/// Register a private type for this VM (see [`vm_type`]).
pub fn set_vm_type(vm: &mut Vm, key: &'static str, ty: PyRef) {
    vm.private_types.insert(key, ty);
}

