//! Name handlers off the hot path: deletes, class-body free variables, annotations,
//! and the interactive PRINT_EXPR.

use crate::interp::code::Code;
use crate::interp::frame::Frame;
use crate::object::{Payload, PyRef, Value};
use crate::types::dict_ops;
use crate::vm::{PyResult, Vm};

/// The text of name `i` of `code.names`.
fn name_text(code: &Code, i: usize) -> String {
    code.names[i].as_str().map(|s| s.as_str().to_string()).unwrap_or_default()
}

/// DELETE_NAME namei.
pub fn delete_name(vm: &mut Vm, frame: &mut Frame, code: &Code, namei: usize) -> PyResult<()> {
    let key = Value::Obj(code.names[namei].clone());
    let locals = frame.locals.clone();
    // DELETE_NAME: PyObject_DelItem on the namespace; a KeyError becomes NameError.
    let found = match &locals {
        Value::Obj(l) if vm.is_exact(l, &vm.types.dict) => dict_ops::del_item(vm, l, &key)?.is_some(),
        Value::Obj(_) => match vm.set_item(&locals, &key, Value::Null) {
            Ok(()) => true,
            Err(e) if vm.isinstance(&Value::Obj(e.0.clone()), &Value::Obj(vm.exc.key_error.clone()))? => false,
            Err(e) => return Err(e),
        },
        _ => false,
    };
    if !found {
        let n = name_text(code, namei);
        return Err(vm.new_name_error(format!("name '{n}' is not defined")));
    }
    Ok(())
}

/// DELETE_GLOBAL namei.
pub fn delete_global(vm: &mut Vm, frame: &mut Frame, code: &Code, namei: usize) -> PyResult<()> {
    let key = Value::Obj(code.names[namei].clone());
    let g = frame.globals.clone();
    if dict_ops::del_item(vm, &g, &key)?.is_none() {
        let n = name_text(code, namei);
        return Err(vm.new_name_error(format!("name '{n}' is not defined")));
    }
    Ok(())
}

/// The contents of the cell in local slot `i` (Null when empty or not a cell).
pub fn cell_contents(frame: &Frame, i: usize) -> Value {
    match &frame.slots[i] {
        Value::Obj(o) => match &o.payload {
            Payload::Cell(c) => c.borrow().clone(),
            _ => Value::Null,
        },
        _ => Value::Null,
    }
}

/// The NameError for an empty cell or free variable.
pub fn unbound_deref(vm: &mut Vm, code: &Code, i: usize) -> crate::vm::PyErr {
    let name = code.localsplusnames[i].as_str().map(|s| s.as_str().to_string()).unwrap_or_default();
    let is_free = code.raw.localspluskinds.get(i).is_some_and(|k| k & krait_bytecode::LocalKind::FREE != 0);
    if is_free {
        vm.new_name_error(format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"))
    } else {
        vm.new_unbound_local_error(format!("cannot access local variable '{name}' where it is not associated with a value"))
    }
}

/// DELETE_DEREF i.
pub fn delete_deref(vm: &mut Vm, frame: &mut Frame, code: &Code, i: usize) -> PyResult<()> {
    if cell_contents(frame, i).is_null() {
        return Err(unbound_deref(vm, code, i));
    }
    if let Value::Obj(o) = &frame.slots[i] {
        if let Payload::Cell(c) = &o.payload {
            *c.borrow_mut() = Value::Null;
        }
    }
    Ok(())
}

/// LOAD_CLASSDEREF i: a free variable of a class body, looked up in the class
/// namespace first.
pub fn load_classderef(vm: &mut Vm, frame: &mut Frame, code: &Code, i: usize) -> PyResult<Value> {
    let name: PyRef = code.localsplusnames[i].clone();
    if let Value::Obj(l) = &frame.locals {
        if vm.is_exact(l, &vm.types.dict) {
            if let Some(v) = dict_ops::get_item(vm, l, &Value::Obj(name))? {
                return Ok(v);
            }
        } else {
            let l = frame.locals.clone();
            match vm.get_item(&l, &Value::Obj(name)) {
                Ok(v) => return Ok(v),
                Err(e) if vm.isinstance(&Value::Obj(e.0.clone()), &Value::Obj(vm.exc.key_error.clone()))? => {}
                Err(e) => return Err(e),
            }
        }
    }
    let v = cell_contents(frame, i);
    if v.is_null() {
        return Err(unbound_deref(vm, code, i));
    }
    Ok(v)
}

/// SETUP_ANNOTATIONS: create `__annotations__` in the locals if missing.
pub fn setup_annotations(vm: &mut Vm, frame: &mut Frame) -> PyResult<()> {
    let key = Value::Obj(vm.intern("__annotations__"));
    let locals = frame.locals.clone();
    let Value::Obj(l) = &locals else { return Err(vm.new_system_error("no locals found when setting up annotations")) };
    if vm.is_exact(l, &vm.types.dict) {
        if dict_ops::get_item(vm, l, &key)?.is_none() {
            let d = vm.new_dict();
            dict_ops::set_item(vm, l, key, d)?;
        }
        return Ok(());
    }
    if vm.get_item(&locals, &key).is_err() {
        let d = vm.new_dict();
        vm.set_item(&locals, &key, d)?;
    }
    Ok(())
}

/// PRINT_EXPR: `(value -- )`, via sys.displayhook.
pub fn print_expr(vm: &mut Vm, frame: &mut Frame) -> PyResult<()> {
    let v = frame.pop();
    let sys = Value::Obj(vm.sys.clone());
    let hook = vm.get_attr_str(&sys, "displayhook")?;
    vm.call_positional(&hook, &[v]).map(|_| ())
}
