//! krait's native import system as a PEP 451 meta-path finder and loader, the one entry
//! of `sys.meta_path`: importlib's Python machinery (`importlib.import_module`,
//! `importlib.util.find_spec`, `importlib.reload`) finds and loads modules through it,
//! the same way the IMPORT_NAME path does (`crate::import::locate` / `module_code`).
//!
//! Specs are `importlib._bootstrap.ModuleSpec` objects: the loader is this object, the
//! origin the file (`'built-in'` for native modules and modules already imported).

use super::util::{native_type, str_arg};
use crate::import::{locate, module_code, Found, Located};
use crate::object::{Args, Payload, Slots, Value};
use crate::types::dict_ops;
use crate::types::methods::method;
use crate::vm::{PyResult, Vm};
use std::path::PathBuf;

/// `importlib._bootstrap` (imported natively on first use).
fn bootstrap(vm: &mut Vm) -> PyResult<Value> {
    for name in ["_frozen_importlib", "importlib._bootstrap"] {
        let key = vm.new_str(name);
        let modules = vm.modules.clone();
        if let Some(m) = dict_ops::get_item(vm, &modules, &key)? {
            return Ok(m);
        }
    }
    crate::import::import_absolute(vm, "importlib._bootstrap").map(Value::Obj)
}

/// `ModuleSpec(name, loader, origin=origin, is_package=is_package)`.
fn module_spec(vm: &mut Vm, name: &Value, loader: &Value, origin: Value, is_package: bool) -> PyResult<Value> {
    let bs = bootstrap(vm)?;
    let cls = vm.get_attr_str(&bs, "ModuleSpec")?;
    let kwnames = [Value::Obj(vm.intern("origin")), Value::Obj(vm.intern("is_package"))];
    vm.call(&cls, Args { args: &[name.clone(), loader.clone(), origin, Value::Bool(is_package)], kwnames: &kwnames })
}

// find_spec(fullname, path=None, target=None): None when there is no such module.
fn find_spec(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let name = str_arg(vm, &a[1], "find_spec() argument 1")?;
    let located = match locate(vm, &name) {
        Ok(l) => l,
        Err(e) if vm.is_subtype(&e.0.class(), &vm.exc.module_not_found_error.clone()) => {
            let missing = vm.get_attr_opt_str(&Value::Obj(e.0.clone()), "name")?;
            if missing.is_some_and(|m| *vm.str_of(&m) == *name) {
                return Ok(Value::None);
            }
            return Err(e);
        }
        Err(e) => return Err(e),
    };
    match located {
        Located::Module(_) => {
            let origin = vm.new_str("built-in");
            module_spec(vm, &a[1], &a[0], origin, false)
        }
        Located::File { found, .. } => {
            let origin = vm.new_str(&found.file.display().to_string());
            let spec = module_spec(vm, &a[1], &a[0], origin, found.package_dir.is_some())?;
            if let Some(dir) = &found.package_dir {
                let d = vm.new_str(&dir.display().to_string());
                let locations = vm.new_list(vec![d]);
                let key = vm.intern("submodule_search_locations");
                vm.set_attr(&spec, &key, locations)?;
            }
            let key = vm.intern("has_location");
            vm.set_attr(&spec, &key, Value::Bool(true))?;
            Ok(spec)
        }
    }
}

// create_module(spec): the native module (or the module already imported) for a
// 'built-in' spec; None (importlib makes a fresh module) for a file.
fn create_module(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let origin = vm.get_attr_str(&a[1], "origin")?;
    if &*vm.str_of(&origin) != "built-in" {
        return Ok(Value::None);
    }
    let name = vm.get_attr_str(&a[1], "name")?;
    let name = str_arg(vm, &name, "spec.name")?;
    match locate(vm, &name)? {
        Located::Module(m) => Ok(Value::Obj(m)),
        Located::File { .. } => Ok(Value::None),
    }
}

// exec_module(module): run the file's code in the module's namespace.
fn exec_module(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let spec = vm.get_attr_str(&a[1], "__spec__")?;
    let origin = vm.get_attr_str(&spec, "origin")?;
    let origin = vm.str_of(&origin).to_string();
    if origin == "built-in" {
        return Ok(Value::None);
    }
    let name = vm.get_attr_str(&spec, "name")?;
    let name = str_arg(vm, &name, "spec.name")?;
    let locations = vm.get_attr_str(&spec, "submodule_search_locations")?;
    let package_dir = if locations.is_none() { None } else { vm.collect(&locations)?.first().map(|d| PathBuf::from(vm.str_of(d).to_string())) };
    let found = Found { sourceless: origin.ends_with(".pyc"), file: PathBuf::from(origin), package_dir };
    let (code, _) = module_code(vm, &name, &found)?;
    let code = vm.load_code(code)?;
    let d = vm.get_attr_str(&a[1], "__dict__")?;
    let Some(d) = d.as_obj().filter(|o| o.as_dict().is_some()).cloned() else {
        return Err(vm.new_type_error("module.__dict__ is not a dict"));
    };
    let key = Value::Obj(vm.intern("__builtins__"));
    if dict_ops::get_item(vm, &d, &key)?.is_none() {
        dict_ops::set_item(vm, &d, key, Value::Obj(vm.builtins.clone()))?;
    }
    crate::interp::call::run_code(vm, code, d.clone(), Value::Obj(d))?;
    Ok(Value::None)
}

/// The finder object for `sys.meta_path`.
pub fn new_finder(vm: &mut Vm) -> Value {
    let ty = native_type(vm, "_imp", "KraitImporter", None, Slots::default(), &[
        method("find_spec", "(self, fullname, path=None, target=None)", find_spec),
        method("create_module", "(self, spec, /)", create_module),
        method("exec_module", "(self, module, /)", exec_module),
        method("invalidate_caches", "(self, /)", |_, _| Ok(Value::None)),
    ]);
    vm.wrap(Payload::Object, &ty)
}
