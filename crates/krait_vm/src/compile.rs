//! Compiling source inside the VM (imports, `exec`, `eval`, `compile()`).

use crate::interp::code::Code;
use crate::object::{PyRef, Value};
use crate::vm::{PyResult, Vm};
use krait_bytecode::CodeObject;
use krait_compiler::{CompileOptions, Mode};
use std::rc::Rc;

impl Vm {
    /// Compile `source` to VM code, raising SyntaxError as CPython does.
    pub fn compile_source(&mut self, source: &str, filename: &str, mode: Mode) -> PyResult<Rc<Code>> {
        let raw = self.compile_raw(source, filename, mode, self.options.optimize)?;
        self.load_code(raw)
    }

    /// Compile `source` to a plain code object (what marshal and `.pyc` files hold) at
    /// optimization level `optimize`, raising SyntaxError as CPython does.
    pub fn compile_raw(&mut self, source: &str, filename: &str, mode: Mode, optimize: u8) -> PyResult<Rc<CodeObject>> {
        let opts = CompileOptions { optimize, future_flags: 0 };
        krait_compiler::compile(source, filename, mode, opts).map_err(|e| crate::exceptions::syntax_error_from_compiler(self, &e))
    }

    /// Compile and run module `source` with `globals` as its namespace.
    pub fn exec_source(&mut self, source: &str, filename: &str, globals: &PyRef) -> PyResult<Value> {
        let code = self.compile_source(source, filename, Mode::Exec)?;
        crate::interp::call::run_code(self, code, globals.clone(), Value::Obj(globals.clone()))
    }
}
