//! Running code as `__main__`: a `.pyc` file given on the command line (CPython's
//! `run_pyc_file`) and a module found on `sys.path` for `-m` (`runpy._run_module_as_main`).

use super::{locate, module_code, pyc_file, Located};
use crate::object::{PyRef, Value};
use crate::types::dict_ops;
use crate::vm::{PyResult, Vm};
use std::path::Path;

/// Why `-m NAME` cannot run: runpy's message (printed as `<executable>: <message>`, exit 1),
/// or an exception raised while importing the parent packages or running the module.
pub enum RunModuleError {
    Message(String),
    Raised(crate::vm::PyErr),
}

impl From<crate::vm::PyErr> for RunModuleError {
    fn from(e: crate::vm::PyErr) -> Self {
        RunModuleError::Raised(e)
    }
}

/// A fresh `__main__` module registered in `sys.modules`, with `attrs` set in its dict.
fn main_module(vm: &mut Vm, attrs: &[(&str, Value)]) -> PyResult<PyRef> {
    let module = vm.new_module("__main__");
    let d = vm.module_dict(&module).ok_or_else(|| vm.new_system_error("module without a dict"))?;
    let b = Value::Obj(vm.builtins.clone());
    for (k, v) in attrs.iter().cloned().chain(std::iter::once(("__builtins__", b))) {
        let key = Value::Obj(vm.intern(k));
        dict_ops::set_item(vm, &d, key, v)?;
    }
    let key = vm.new_str("__main__");
    let modules = vm.modules.clone();
    dict_ops::set_item(vm, &modules, key, Value::Obj(module))?;
    Ok(d)
}

impl Vm {
    /// Run the `.pyc` bytes `data` of file `path` as `__main__` (`__file__` is its
    /// absolute path, `__cached__` None); see [`pyc_file::main_pyc_code`] for bad files.
    pub fn run_main_pyc(&mut self, path: &Path, data: &[u8]) -> PyResult<Value> {
        let raw = pyc_file::main_pyc_code(self, path, data)?;
        let code = self.load_code(raw)?;
        let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let file = self.new_str(&abs.display().to_string());
        let name = self.new_str("__main__");
        let globals = main_module(self, &[("__name__", name), ("__file__", file), ("__cached__", Value::None)])?;
        crate::interp::call::run_code(self, code, globals.clone(), Value::Obj(globals))
    }

    /// `-m name`: find the module (a package runs its `__main__` submodule), set
    /// `sys.argv[0]` to its file and run it as `__main__` with runpy's messages for
    /// modules that cannot run.
    pub fn run_module_as_main(&mut self, name: &str) -> Result<Value, RunModuleError> {
        let mut name = name.to_string();
        let (found, package) = loop {
            if name.starts_with('.') {
                return Err(RunModuleError::Message("Relative module names not supported".into()));
            }
            let located = match locate(self, &name) {
                Ok(l) => l,
                Err(e) => return Err(self.spec_error(&name, e)),
            };
            let found = match located {
                Located::Module(_) => return Err(RunModuleError::Message(format!("No code object available for {name}"))),
                Located::File { found, .. } => found,
            };
            if found.package_dir.is_none() {
                let package = name.rsplit_once('.').map(|(p, _)| p.to_string()).unwrap_or_default();
                break (found, package);
            }
            if name == "__main__" || name.ends_with(".__main__") {
                return Err(RunModuleError::Message("Cannot use package as __main__ module".into()));
            }
            // The package itself is imported first, as runpy does.
            super::import_absolute(self, &name)?;
            let main = format!("{name}.__main__");
            match locate(self, &main) {
                Ok(_) => name = main,
                Err(e) if self.is_subtype(&e.0.class(), &self.exc.import_error.clone()) => {
                    return Err(RunModuleError::Message(format!("No module named {main}; '{name}' is a package and cannot be directly executed")));
                }
                Err(e) => return Err(e.into()),
            }
        };
        let (raw, cached) = module_code(self, &name, &found)?;
        let code = self.load_code(raw)?;
        let file = found.file.display().to_string();
        let argv0 = self.new_str(&file);
        let sys = Value::Obj(self.sys.clone());
        if let Some(argv) = self.get_attr_opt_str(&sys, "argv")? {
            let zero = Value::Int(0);
            self.set_item(&argv, &zero, argv0)?;
        }
        let main_name = self.new_str("__main__");
        let file = self.new_str(&file);
        let cached = match cached {
            Some(p) => self.new_str(&p.display().to_string()),
            None => Value::None,
        };
        let package = self.new_str(&package);
        let globals = main_module(self, &[("__name__", main_name), ("__file__", file), ("__cached__", cached), ("__package__", package)])?;
        Ok(crate::interp::call::run_code(self, code, globals.clone(), Value::Obj(globals))?)
    }

    /// runpy's `Error while finding module specification` wrapping, or the plain
    /// "No module named" message when `name` itself is missing.
    fn spec_error(&mut self, name: &str, e: crate::vm::PyErr) -> RunModuleError {
        if !self.is_subtype(&e.0.class(), &self.exc.import_error.clone()) {
            return RunModuleError::Raised(e);
        }
        let exc = Value::Obj(e.0.clone());
        let missing = self.get_attr_opt_str(&exc, "name").ok().flatten().map(|n| self.str_of(&n).to_string());
        let text = self.str(&exc).map(|s| s.as_str().map(|s| s.as_str().to_string()).unwrap_or_default()).unwrap_or_default();
        if missing.as_deref() == Some(name) {
            return RunModuleError::Message(format!("No module named {name}"));
        }
        let cls = e.0.class();
        let cls_name = cls.as_type().map(|t| t.name().to_string()).unwrap_or_default();
        RunModuleError::Message(format!("Error while finding module specification for '{name}' ({cls_name}: {text})"))
    }
}
