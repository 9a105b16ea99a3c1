//! Running programs: source text or a file as `__main__`, and reporting an uncaught
//! exception the way CPython does (traceback on stderr, exit status, SystemExit).

use crate::object::Value;
use crate::vm::{PyErr, PyResult, Vm};
use krait_compiler::Mode;
use std::io::Write;

impl Vm {
    /// The `__main__` module, registered in `sys.modules`, with `__file__` set when the
    /// program comes from a file.
    pub fn main_module(&mut self, filename: Option<&str>) -> PyResult<crate::object::PyRef> {
        let module = self.new_module("__main__");
        let globals = self.module_dict(&module).expect("module dict");
        let key = self.intern("__builtins__");
        let b = Value::Obj(self.builtins.clone());
        self.dict_set_item(&globals, Value::Obj(key), b)?;
        if let Some(f) = filename {
            let key = self.intern("__file__");
            let f = self.new_str(f);
            self.dict_set_item(&globals, Value::Obj(key), f)?;
            let key = self.intern("__cached__");
            self.dict_set_item(&globals, Value::Obj(key), Value::None)?;
        }
        let modules = self.modules.clone();
        let name = self.new_str("__main__");
        self.dict_set_item(&modules, name, Value::Obj(module.clone()))?;
        Ok(module)
    }

    /// Compile `source` and run it as the `__main__` module.
    pub fn run_main_source(&mut self, source: &str, filename: &str) -> PyResult<Value> {
        let from_file = !matches!(filename, "<string>" | "<stdin>");
        let module = self.main_module(from_file.then_some(filename))?;
        let globals = self.module_dict(&module).expect("module dict");
        let code = self.compile_source(source, filename, Mode::Exec)?;
        crate::interp::call::run_code(self, code, globals.clone(), Value::Obj(globals))
    }

    /// [`Vm::report_uncaught`] for the exception that ended the main program; a
    /// KeyboardInterrupt is noted so that the process then dies of SIGINT.
    pub fn report_main_uncaught(&mut self, err: &PyErr) -> i32 {
        let keyboard_interrupt = Value::Obj(self.exc.keyboard_interrupt.clone());
        if self.isinstance(&Value::Obj(err.0.clone()), &keyboard_interrupt).unwrap_or(false) {
            crate::modules::signal::note_unhandled_keyboard_interrupt();
        }
        self.report_uncaught(err)
    }

    /// Handle an exception that ended the program as CPython's `PyErr_Print` does:
    /// SystemExit gives the exit status from its `code` (None → 0, an int → itself,
    /// anything else is printed to stderr → 1); any other exception is printed with its
    /// traceback (see [`crate::exceptions::format_exception`]) → 1.
    pub fn report_uncaught(&mut self, err: &PyErr) -> i32 {
        let _ = crate::builtins::stdio::flush_stdout();
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
