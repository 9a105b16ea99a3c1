//! Compiling source inside the VM (imports, `exec`, `eval`, `compile()`).

use crate::interp::code::Code;
use crate::object::{PyRef, Value};
use crate::vm::{PyResult, Vm};
use krait_compiler::{CompileOptions, Mode};
use std::rc::Rc;

impl Vm {
    /// Compile `source` to VM code, raising SyntaxError as CPython does.
    pub fn compile_source(&mut self, source: &str, filename: &str, mode: Mode) -> PyResult<Rc<Code>> {
        let opts = CompileOptions { optimize: self.options.optimize, future_flags: 0 };
        match krait_compiler::compile(source, filename, mode, opts) {
            Ok(raw) => self.load_code(raw),
            Err(e) => Err(crate::exceptions::syntax_error_from_compiler(self, &e)),
        }
    }

    /// Compile and run module `source` with `globals` as its namespace.
    pub fn exec_source(&mut self, source: &str, filename: &str, globals: &PyRef) -> PyResult<Value> {
        let code = self.compile_source(source, filename, Mode::Exec)?;
        crate::interp::call::run_code(self, code, globals.clone(), Value::Obj(globals.clone()))
    }
}
