//! Native modules built into the VM.

pub mod ast;
pub mod atexit;
pub mod charmap;
pub mod codecs;
mod escape_codecs;
mod bytes_escape;
pub mod errno;
pub mod gc;
pub mod gc_collect;
pub mod imp;
pub mod importer;
pub mod io;
pub mod locale;
pub mod marshal;
pub mod math;
pub mod _opcode;
pub mod posix;
pub mod signal;
pub mod structseq;
pub mod sys;
pub mod thread;
pub mod time;
pub(crate) mod util;
pub mod warnings;
pub mod weakref;

use crate::object::{PyRef, Value};
use crate::vm::Vm;

/// The function that builds native module `name`, if krait has one.
pub fn module_maker(vm: &Vm, name: &str) -> Option<ModuleMaker> {
    Some(match name {
        "math" => math::make_module,
        "sys" => sys::make_module,
        "builtins" => |vm| vm.builtins.clone(),
        "time" => time::make_module,
        "_thread" => thread::make_module,
        "_opcode" => _opcode::make_module,
        "_weakref" => weakref::make_module,
        "errno" => errno::make_module,
        "posix" => posix::make_module,
        "_io" => io::make_module,
        "_codecs" => codecs::make_module,
        "_imp" => imp::make_module,
        "marshal" => marshal::make_module,
        "atexit" => atexit::make_module,
        "gc" => gc::make_module,
        "_signal" => signal::make_module,
        "_locale" => locale::make_module,
        "_warnings" => warnings::make_module,
        "_ast" => ast::make_module,
        _ => *vm.native_modules.get(name)?,
    })
}

/// The native module `name`, created on first use and cached in `sys.modules`.
pub fn builtin_module(vm: &mut Vm, name: &str) -> Option<PyRef> {
    let make = module_maker(vm, name)?;
    let key = vm.new_str(name);
    let modules = vm.modules.clone();
    if let Ok(Some(Value::Obj(m))) = crate::types::dict_ops::get_item(vm, &modules, &key) {
        return Some(m);
    }
    let m = make(vm);
    // A str key runs no Python code: this cannot fail.
    let _ = crate::types::dict_ops::set_item(vm, &modules, key, Value::Obj(m.clone()));
    Some(m)
}

/// A function that builds a native module object.
pub type ModuleMaker = fn(&mut Vm) -> PyRef;

impl Vm {
    /// Make native module `name` importable (krait_stdlib registers its modules here).
    pub fn register_native_module(&mut self, name: &'static str, make: ModuleMaker) {
        self.native_modules.insert(name, make);
    }
}

/// At VM start-up: fill `sys` and register `sys` and `builtins` in `sys.modules`.
pub fn init(vm: &mut Vm) {
    builtin_module(vm, "builtins");
    builtin_module(vm, "sys");
}
