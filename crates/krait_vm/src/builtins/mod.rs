//! The `builtins` module: builtin functions, plus the builtin types and exception classes
//! under their names.

use crate::object::{Payload, Value};
use crate::types::methods::MethodDef;
use crate::vm::{PyResult, Vm};
use std::io::Write;

mod build_class;

/// Builtin functions: name, signature, implementation.
const FUNCTIONS: &[MethodDef] = &[
    crate::types::methods::method("print", "(*args, sep=None, end=None, file=None, flush=False)", print),
    crate::types::methods::method("repr", "(obj, /)", repr),
    crate::types::methods::method("__build_class__", "(func, name, /, *bases, metaclass=None, **kwds)", build_class::build_class),
];

/// Fill the builtins module's dict.
pub fn init(vm: &mut Vm) {
    let d = vm.builtins_dict.clone();
    for f in FUNCTIONS {
        let func = vm.new_native_function(f.name, "builtins", f.sig, f.func, Value::Null, false);
        let key = Value::Obj(vm.intern(f.name));
        let _ = crate::types::dict_ops::set_item(vm, &d, key, Value::Obj(func));
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
    all.push(("__name__".into(), Value::Null));
    for (n, v) in all {
        let v = if v.is_null() { vm.new_str("builtins") } else { v };
        let key = Value::Obj(vm.intern(&n));
        let _ = crate::types::dict_ops::set_item(vm, &d, key, v);
    }
}

/// print(*args, sep=' ', end='\n', file=None, flush=False)
fn print(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    let sep = if args[1].is_none() { " ".into() } else { vm.str_of(&args[1]) };
    let end = if args[2].is_none() { "\n".into() } else { vm.str_of(&args[2]) };
    let items = match &args[0] {
        Value::Obj(o) => o.as_tuple().map(|t| t.to_vec()).unwrap_or_default(),
        _ => Vec::new(),
    };
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        let s = vm.str(it)?;
        if let Payload::Str(s) = &s.payload {
            out.push_str(s.as_str());
        }
    }
    out.push_str(&end);
    if !args[3].is_none() {
        let text = vm.new_str(&out);
        vm.call_method(&args[3], "write", &[text])?;
        return Ok(Value::None);
    }
    let mut stdout = std::io::stdout().lock();
    if stdout.write_all(out.as_bytes()).is_err() {
        return Err(vm.new_os_error("write to stdout failed"));
    }
    Ok(Value::None)
}

/// repr(obj)
fn repr(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    Ok(Value::Obj(vm.repr(&args[0])?))
}
