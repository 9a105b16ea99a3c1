//! The import system: resolving (relative) names, finding modules — builtin native
//! modules, then `.py` files and packages on `sys.path` / a package's `__path__` —
//! executing them (through the bytecode cache, see `cache`), and `sys.modules` bookkeeping
//! (CPython's `import.c` + the path finder).

pub mod cache;
pub mod pyc_file;
mod run_main;

pub use run_main::RunModuleError;

use crate::object::{PyRef, Value};
use krait_bytecode::CodeObject;
use std::rc::Rc;
use crate::types::dict_ops;
use crate::vm::{PyResult, Vm};
use std::path::{Path, PathBuf};

/// `__import__(name, globals, locals, fromlist, level)` (PyImport_ImportModuleLevelObject).
pub fn import_module_level(vm: &mut Vm, name: &str, globals: Option<&PyRef>, fromlist: &Value, level: i64) -> PyResult<Value> {
    if level < 0 {
        return Err(vm.new_value_error("level must be >= 0"));
    }
    let absname = if level > 0 { resolve_relative(vm, name, globals, level)? } else { name.to_string() };
    if absname.is_empty() {
        return Err(vm.new_value_error("Empty module name"));
    }
    let module = import_absolute(vm, &absname)?;
    let has_fromlist = !fromlist.is_none() && vm.is_true(fromlist)?;
    if !has_fromlist {
        // `import a.b.c` binds `a`: return the top-level package.
        if level == 0 {
            let top = absname.split('.').next().unwrap_or(&absname).to_string();
            return get_module(vm, &top)?.map(Value::Obj).ok_or_else(|| vm.new_key_error_text(&top));
        }
        if !name.contains('.') {
            return Ok(Value::Obj(module));
        }
        let cut = absname.len() - (name.len() - name.find('.').unwrap_or(name.len()));
        let top = absname[..cut].to_string();
        return get_module(vm, &top)?.map(Value::Obj).ok_or_else(|| vm.new_key_error_text(&top));
    }
    // `from pkg import sub`: import submodules named in the fromlist.
    if is_package(vm, &module)? {
        for item in vm.collect(fromlist)? {
            let item = vm.str_of(&item).to_string();
            if item == "*" {
                if let Ok(all) = vm.get_attr_str(&Value::Obj(module.clone()), "__all__") {
                    for sub in vm.collect(&all)? {
                        let sub = vm.str_of(&sub).to_string();
                        import_submodule_if_missing(vm, &module, &absname, &sub)?;
                    }
                }
                continue;
            }
            import_submodule_if_missing(vm, &module, &absname, &item)?;
        }
    }
    Ok(Value::Obj(module))
}

fn import_submodule_if_missing(vm: &mut Vm, module: &PyRef, absname: &str, item: &str) -> PyResult<()> {
    let key = vm.intern(item);
    if vm.get_attr_opt(&Value::Obj(module.clone()), &key)?.is_some() {
        return Ok(());
    }
    let full = format!("{absname}.{item}");
    match import_absolute(vm, &full) {
        Ok(_) => Ok(()),
        // A missing submodule is not an error here (IMPORT_FROM reports the name), but a
        // module that the submodule itself fails to import is (_handle_fromlist).
        Err(e) if vm.is_subtype(&e.0.class(), &vm.exc.module_not_found_error.clone()) => {
            let name = vm.get_attr_str(&Value::Obj(e.0.clone()), "name").ok();
            let missing = name.as_ref().and_then(|n| n.as_obj()).and_then(|o| o.as_str()).is_some_and(|n| n.as_str() == full);
            if missing { Ok(()) } else { Err(e) }
        }
        Err(e) => Err(e),
    }
}

fn is_package(vm: &mut Vm, m: &PyRef) -> PyResult<bool> {
    let k = vm.intern("__path__");
    Ok(vm.get_attr_opt(&Value::Obj(m.clone()), &k)?.is_some())
}

/// The absolute name for a relative import from a module with `globals`.
fn resolve_relative(vm: &mut Vm, name: &str, globals: Option<&PyRef>, level: i64) -> PyResult<String> {
    let Some(g) = globals else {
        return Err(vm.new_key_error_text("'__name__' not in globals"));
    };
    let pkg_key = Value::Obj(vm.intern("__package__"));
    let mut package = match dict_ops::get_item(vm, g, &pkg_key)? {
        Some(v) if v.as_obj().and_then(|o| o.as_str()).is_some() => Some(vm.str_of(&v).to_string()),
        _ => None,
    };
    if package.is_none() {
        let name_key = Value::Obj(vm.intern("__name__"));
        let path_key = Value::Obj(vm.intern("__path__"));
        let modname = match dict_ops::get_item(vm, g, &name_key)? {
            Some(v) => vm.str_of(&v).to_string(),
            None => return Err(vm.new_key_error_text("'__name__' not in globals")),
        };
        package = Some(if dict_ops::get_item(vm, g, &path_key)?.is_some() {
            modname
        } else {
            modname.rsplit_once('.').map(|(p, _)| p.to_string()).unwrap_or_default()
        });
    }
    let package = package.unwrap_or_default();
    if package.is_empty() {
        return Err(vm.new_import_error("attempted relative import with no known parent package"));
    }
    let parts: Vec<&str> = package.split('.').collect();
    if (level as usize) > parts.len() {
        return Err(vm.new_import_error("attempted relative import beyond top-level package"));
    }
    let base = parts[..parts.len() - (level as usize - 1)].join(".");
    Ok(if name.is_empty() { base } else { format!("{base}.{name}") })
}

/// `sys.modules[name]`, if present.
fn get_module(vm: &mut Vm, name: &str) -> PyResult<Option<PyRef>> {
    let key = vm.new_str(name);
    let modules = vm.modules.clone();
    Ok(dict_ops::get_item(vm, &modules, &key)?.and_then(|v| v.as_obj().cloned()))
}

/// Import `name` (absolute, dotted), importing parent packages first.
pub fn import_absolute(vm: &mut Vm, name: &str) -> PyResult<PyRef> {
    let key = vm.new_str(name);
    let modules = vm.modules.clone();
    match dict_ops::get_item(vm, &modules, &key)? {
        Some(Value::Obj(m)) => return Ok(m),
        // _find_and_load: a None entry blocks the import.
        Some(Value::None) => return Err(module_not_found(vm, name, &format!("import of {name} halted; None in sys.modules"))),
        _ => {}
    }
    let (parent, found) = match locate(vm, name)? {
        Located::Module(m) => return Ok(m),
        Located::File { parent, found } => (parent, found),
    };
    let module = load_module(vm, name, &found)?;
    if let Some(parent) = parent {
        let short = name.rsplit('.').next().unwrap_or(name);
        let key = vm.intern(short);
        vm.set_attr(&Value::Obj(parent), &key, Value::Obj(module.clone()))?;
    }
    Ok(module)
}

/// Where a module comes from.
pub enum Located {
    /// Already imported (by importing its parent) or a builtin native module.
    Module(PyRef),
    /// A file to load, with the parent package to bind it in.
    File { parent: Option<PyRef>, found: Found },
}

/// Find module `name` (absolute, dotted): import its parent package, then search the
/// parent's `__path__` (or, for a top-level name, the builtin modules and `sys.path`).
pub fn locate(vm: &mut Vm, name: &str) -> PyResult<Located> {
    let (parent, path_entries) = match name.rsplit_once('.') {
        Some((parent_name, _)) => {
            let parent = import_absolute(vm, parent_name)?;
            if let Some(m) = get_module(vm, name)? {
                return Ok(Located::Module(m));
            }
            let path = vm.get_attr_opt_str(&Value::Obj(parent.clone()), "__path__")?;
            let Some(path) = path else {
                return Err(module_not_found(vm, name, &format!("No module named '{name}'; '{parent_name}' is not a package")));
            };
            let entries = vm.collect(&path)?.iter().map(|p| vm.str_of(p).to_string()).collect::<Vec<_>>();
            (Some(parent), entries)
        }
        None => {
            if let Some(m) = crate::modules::builtin_module(vm, name) {
                return Ok(Located::Module(m));
            }
            (None, sys_path(vm)?)
        }
    };
    let short = name.rsplit('.').next().unwrap_or(name);
    match find_in_path(&path_entries, short) {
        Some(found) => Ok(Located::File { parent, found }),
        None => Err(module_not_found(vm, name, &format!("No module named '{name}'"))),
    }
}

fn module_not_found(vm: &mut Vm, name: &str, msg: &str) -> crate::vm::PyErr {
    let cls = vm.exc.module_not_found_error.clone();
    let err = vm.new_exception_msg(&cls, msg);
    let key = vm.intern("name");
    let n = vm.new_str(name);
    let _ = vm.generic_set_attr(&Value::Obj(err.0.clone()), &key, n);
    err
}

/// `sys.path` as strings.
fn sys_path(vm: &mut Vm) -> PyResult<Vec<String>> {
    let sys = Value::Obj(vm.sys.clone());
    let key = vm.intern("path");
    match vm.get_attr_opt(&sys, &key)? {
        Some(p) => Ok(vm.collect(&p)?.iter().map(|e| vm.str_of(e).to_string()).collect()),
        None => Ok(vm.options.path.clone()),
    }
}

/// A module found on disk.
pub struct Found {
    /// The source file (`__init__.py` for a package), or the `.pyc` of a sourceless module.
    pub file: PathBuf,
    /// The package directory, for packages.
    pub package_dir: Option<PathBuf>,
    /// Whether `file` is a sourceless `.pyc` (SourcelessFileLoader) rather than source.
    pub sourceless: bool,
}

/// Look for `name` in each path entry as the FileFinder does: a package directory with
/// `__init__.py` or `__init__.pyc`, else `name.py`, else a sourceless `name.pyc`.
fn find_in_path(entries: &[String], name: &str) -> Option<Found> {
    for entry in entries {
        let dir = if entry.is_empty() { Path::new(".") } else { Path::new(entry) };
        let pkg = dir.join(name);
        for (init, sourceless) in [("__init__.py", false), ("__init__.pyc", true)] {
            let file = pkg.join(init);
            if file.is_file() {
                return Some(Found { file, package_dir: Some(pkg), sourceless });
            }
        }
        for (suffix, sourceless) in [("py", false), ("pyc", true)] {
            let file = dir.join(format!("{name}.{suffix}"));
            if file.is_file() {
                return Some(Found { file, package_dir: None, sourceless });
            }
        }
    }
    None
}

/// The code of a found module and its `__cached__` path: a sourceless pyc, or source
/// through the bytecode cache.
pub fn module_code(vm: &mut Vm, name: &str, found: &Found) -> PyResult<(Rc<CodeObject>, Option<PathBuf>)> {
    if found.sourceless {
        let code = pyc_file::sourceless_code(vm, name, &found.file)?;
        return Ok((code, Some(found.file.clone())));
    }
    cache::source_module_code(vm, &found.file, &found.file.display().to_string())
}

/// Create the module, register it in sys.modules, run its code; on failure remove it.
fn load_module(vm: &mut Vm, name: &str, found: &Found) -> PyResult<PyRef> {
    let filename = found.file.display().to_string();
    let module = vm.new_module(name);
    let d = vm.module_dict(&module).expect("module dict");
    let set = |vm: &mut Vm, k: &str, v: Value| -> PyResult<()> {
        let key = Value::Obj(vm.intern(k));
        dict_ops::set_item(vm, &d, key, v)
    };
    let f = vm.new_str(&filename);
    set(vm, "__file__", f)?;
    let b = Value::Obj(vm.builtins.clone());
    set(vm, "__builtins__", b)?;
    let package = match &found.package_dir {
        Some(dir) => {
            let p = vm.new_str(&dir.display().to_string());
            let l = vm.new_list(vec![p]);
            set(vm, "__path__", l)?;
            name.to_string()
        }
        None => name.rsplit_once('.').map(|(p, _)| p.to_string()).unwrap_or_default(),
    };
    let p = vm.new_str(&package);
    set(vm, "__package__", p)?;
    let key = vm.new_str(name);
    let modules = vm.modules.clone();
    dict_ops::set_item(vm, &modules, key.clone(), Value::Obj(module.clone()))?;
    let result = module_code(vm, name, found).and_then(|(code, cached)| {
        let c = match cached {
            Some(p) => vm.new_str(&p.display().to_string()),
            None => Value::None,
        };
        set(vm, "__cached__", c)?;
        let code = vm.load_code(code)?;
        crate::interp::call::run_code(vm, code, d.clone(), Value::Obj(d.clone()))
    });
    if let Err(e) = result {
        let _ = dict_ops::del_item(vm, &modules, &key);
        return Err(e);
    }
    // The module may have replaced itself in sys.modules.
    Ok(get_module(vm, name)?.unwrap_or(module))
}

impl Vm {
    /// A KeyError with a text message (for import bookkeeping failures).
    pub fn new_key_error_text(&mut self, msg: &str) -> crate::vm::PyErr {
        let k = self.new_str(msg);
        self.new_key_error(k)
    }
}
