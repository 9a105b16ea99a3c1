//! BaseException's slots: construction (`args`), `str()` and `repr()`.

use super::ExceptionData;
use crate::object::{Args, Payload, PyObject, PyRef, Value};
use crate::vm::{PyResult, Vm};

/// Install the slots on BaseException (subclasses inherit them at creation).
pub fn init(vm: &mut Vm) {
    for (_, t) in vm.exc.all() {
        if let Some(t) = t.as_type() {
            let mut s = t.slots.borrow_mut();
            s.new = Some(exc_new);
            s.str = Some(exc_str);
            s.repr = Some(exc_repr);
        }
    }
}

/// BaseException.__new__: an instance with `args` set from the positional arguments.
fn exc_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    let a = vm.new_tuple(args.pos().to_vec());
    Ok(Value::Obj(PyRef::new(PyObject::new(cls.clone(), Payload::Exception(Box::new(ExceptionData::new(a)))))))
}

fn args_of(v: &Value) -> Vec<Value> {
    match v {
        Value::Obj(o) => match &o.payload {
            Payload::Exception(d) => d.args.borrow().as_obj().and_then(|t| t.as_tuple()).map(|t| t.to_vec()).unwrap_or_default(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// BaseException.__str__: '' for no args, str(arg) for one, str(args) otherwise.
fn exc_str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let args = args_of(v);
    match args.len() {
        0 => Ok(vm.new_str("")),
        1 => Ok(Value::Obj(vm.str(&args[0])?)),
        _ => {
            let t = vm.new_tuple(args);
            Ok(Value::Obj(vm.repr(&t)?))
        }
    }
}

/// BaseException.__repr__: `Name(args...)`.
fn exc_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let name = vm.type_name(v);
    let args = args_of(v);
    let inner = match args.len() {
        1 => vm.repr(&args[0])?.as_str().map(|s| s.as_str().to_string()).unwrap_or_default(),
        _ => {
            let t = vm.new_tuple(args);
            let r = vm.repr(&t)?;
            let s = r.as_str().map(|s| s.as_str().to_string()).unwrap_or_default();
            s.trim_start_matches('(').trim_end_matches(')').trim_end_matches(',').to_string()
        }
    };
    Ok(vm.new_str(&format!("{name}({inner})")))
}
