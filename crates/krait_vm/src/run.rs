//! Running programs: source text or a file as `__main__`, and reporting an uncaught
//! exception the way CPython does (traceback on stderr, exit status, SystemExit).

use crate::object::Value;
use crate::vm::{PyErr, PyResult, Vm};
use krait_compiler::{CompileOptions, Mode};
use std::io::Write;

impl Vm {
    /// Compile `source` and run it as the `__main__` module.
    pub fn run_main_source(&mut self, source: &str, filename: &str) -> PyResult<Value> {
        let opts = CompileOptions { optimize: self.options.optimize, future_flags: 0 };
        let raw = match krait_compiler::compile(source, filename, Mode::Exec, opts) {
            Ok(c) => c,
            Err(e) => return Err(crate::exceptions::syntax_error_from_compiler(self, &e)),
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

    /// Handle an exception that ended the program as CPython's `PyErr_Print` does:
    /// SystemExit gives the exit status from its `code` (None → 0, an int → itself,
    /// anything else is printed to stderr → 1); any other exception is printed with its
    /// traceback (see [`crate::exceptions::format_exception`]) → 1.
    pub fn report_uncaught(&mut self, err: &PyErr) -> i32 {
        let _ = std::io::stdout().flush();
        let exc = Value::Obj(err.0.clone());
        let system_exit = Value::Obj(self.exc.system_exit.clone());
        if self.isinstance(&exc, &system_exit).unwrap_or(false) {
            return self.system_exit_status(&exc);
        }
        let text = crate::exceptions::format_exception(self, &err.0);
        let mut stderr = std::io::stderr().lock();
        let _ = stderr.write_all(text.as_bytes());
        let _ = stderr.flush();
        1
    }

    /// The exit status for an uncaught SystemExit (CPython's `_Py_HandleSystemExit`).
    fn system_exit_status(&mut self, exc: &Value) -> i32 {
        let code = match self.get_attr_str(exc, "code") {
            Ok(c) => c,
            Err(_) => exc.clone(),
        };
        match &code {
            Value::None => 0,
            Value::Int(n) => *n as i32,
            Value::Bool(b) => *b as i32,
            Value::Obj(o) if matches!(o.payload, crate::object::Payload::Int(_)) => {
                let r = self.repr(&code).ok().and_then(|s| s.as_str().and_then(|s| s.as_str().parse::<i64>().ok()));
                r.map_or(-1, |n| n as i32)
            }
            _ => {
                let text = match self.str(&code) {
                    Ok(s) => s.as_str().map(|s| s.as_str().to_string()).unwrap_or_default(),
                    Err(_) => String::new(),
                };
                let mut stderr = std::io::stderr().lock();
                let _ = writeln!(stderr, "{text}");
                let _ = stderr.flush();
                1
            }
        }
    }
}
