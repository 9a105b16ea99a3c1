//! Running programs: source text or a file as `__main__`, and reporting an uncaught
//! exception the way CPython does (traceback on stderr, exit status).

use crate::object::{Payload, Value};
use crate::vm::{PyErr, PyResult, Vm};
use krait_compiler::{CompileOptions, Mode};

impl Vm {
    /// Compile `source` and run it as the `__main__` module.
    pub fn run_main_source(&mut self, source: &str, filename: &str) -> PyResult<Value> {
        let opts = CompileOptions { optimize: self.options.optimize, future_flags: 0 };
        let raw = match krait_compiler::compile(source, filename, Mode::Exec, opts) {
            Ok(c) => c,
            Err(e) => {
                let cls = self.exc.syntax_error.clone();
                return Err(self.new_exception_msg(&cls, &e.msg));
            }
        };
        let code = self.load_code(raw)?;
        let globals = self.new_dict_ref();
        let name = self.intern("__name__");
        let main = self.new_str("__main__");
        self.dict_set_item(&globals, Value::Obj(name), main)?;
        let key = self.intern("__builtins__");
        let b = Value::Obj(self.builtins.clone());
        self.dict_set_item(&globals, Value::Obj(key), b)?;
        crate::interp::call::run_code(self, code, globals.clone(), Value::Obj(globals))
    }

    /// Print an uncaught exception to stderr as CPython does; returns the exit status.
    pub fn report_uncaught(&mut self, err: &PyErr) -> i32 {
        let mut out = String::from("Traceback (most recent call last):\n");
        for (code, lasti) in crate::interp::eval::traceback_entries(&err.0) {
            let positions = krait_bytecode::line_table::positions(&code.raw.linetable, code.raw.firstlineno as i32);
            let line = positions.get(lasti).and_then(|p| p.line).unwrap_or(-1);
            out.push_str(&format!("  File \"{}\", line {line}, in {}\n", code.raw.filename, code.raw.name));
        }
        let name = self.type_name(&Value::Obj(err.0.clone()));
        let msg = match self.str(&Value::Obj(err.0.clone())) {
            Ok(s) => s.as_str().map(|s| s.as_str().to_string()).unwrap_or_default(),
            Err(_) => String::new(),
        };
        if matches!(err.0.payload, Payload::Exception(_)) {
            if msg.is_empty() {
                out.push_str(&format!("{name}\n"));
            } else {
                out.push_str(&format!("{name}: {msg}\n"));
            }
        }
        eprint!("{out}");
        1
    }
}
