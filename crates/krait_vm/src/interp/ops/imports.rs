//! IMPORT_NAME, IMPORT_FROM and IMPORT_STAR.

use crate::interp::frame::Frame;
use crate::object::Value;
use crate::types::dict_ops;
use crate::vm::{PyResult, Vm};

/// IMPORT_NAME namei: `(level, fromlist -- module)`.
pub fn import_name(vm: &mut Vm, frame: &mut Frame, name: &crate::object::PyRef) -> PyResult<()> {
    let fromlist = frame.pop();
    let level = frame.pop();
    let level = match level {
        Value::Int(i) => i,
        _ => 0,
    };
    let globals = frame.globals.clone();
    let name = vm.str_of(&Value::Obj(name.clone())).to_string();
    let m = crate::import::import_module_level(vm, &name, Some(&globals), &fromlist, level)?;
    frame.push(m);
    Ok(())
}

/// IMPORT_FROM namei: `(module -- module, module.name)`, falling back to the submodule
/// `module.__name__ + '.' + name` in sys.modules.
pub fn import_from(vm: &mut Vm, frame: &mut Frame, name: &crate::object::PyRef) -> PyResult<()> {
    let module = frame.top().clone();
    match vm.get_attr_opt(&module, name) {
        Ok(Some(v)) => {
            frame.push(v);
            return Ok(());
        }
        Ok(None) => {}
        Err(e) if vm.is_subtype(&e.0.class(), &vm.exc.attribute_error.clone()) => {}
        Err(e) => return Err(e),
    }
    let n = vm.str_of(&Value::Obj(name.clone())).to_string();
    let pkg = vm.get_attr_str(&module, "__name__").ok().filter(|v| v.as_obj().and_then(|o| o.as_str()).is_some());
    if let Some(pkg) = &pkg {
        let full = format!("{}.{}", vm.str_of(pkg), n);
        let key = vm.new_str(&full);
        let modules = vm.modules.clone();
        if let Some(m) = dict_ops::get_item(vm, &modules, &key)? {
            frame.push(m);
            return Ok(());
        }
    }
    let pkgname = pkg.as_ref().map(|p| vm.str_of(p).to_string()).unwrap_or_else(|| "<unknown module name>".into());
    let file = vm.get_attr_str(&module, "__file__").ok().filter(|v| v.as_obj().and_then(|o| o.as_str()).is_some());
    let msg = match &file {
        Some(f) => format!("cannot import name '{n}' from '{pkgname}' ({})", vm.str_of(f)),
        None => format!("cannot import name '{n}' from '{pkgname}' (unknown location)"),
    };
    Err(vm.new_import_error_at(msg, pkg.unwrap_or(Value::None), file.unwrap_or(Value::None)))
}

/// IMPORT_STAR: `(module -- )`, binding `__all__` (or every public name) in the locals.
pub fn import_star(vm: &mut Vm, frame: &mut Frame) -> PyResult<()> {
    let module = frame.pop();
    let names = match vm.get_attr_opt_str(&module, "__all__")? {
        Some(all) => vm.collect(&all)?,
        None => {
            let d = vm.get_attr_str(&module, "__dict__")?;
            let keys = vm.collect(&d)?;
            keys.into_iter().filter(|k| !vm.str_of(k).starts_with('_')).collect()
        }
    };
    let locals = frame.locals.clone();
    for n in names {
        let text = vm.str_of(&n).to_string();
        let key = vm.intern(&text);
        let v = vm.get_attr(&module, &key)?;
        match &locals {
            Value::Obj(l) if vm.is_exact(l, &vm.types.dict) => dict_ops::set_item(vm, l, Value::Obj(key), v)?,
            Value::Obj(_) => vm.set_item(&locals, &Value::Obj(key), v)?,
            _ => return Err(vm.new_system_error("no locals found during 'import *'")),
        }
    }
    Ok(())
}
