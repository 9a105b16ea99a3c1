//! Compiling source inside the VM (imports, `exec`, `eval`, `compile()`), and decoding
//! source bytes by their PEP 263 declaration.

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
        let code = krait_compiler::compile(source, filename, mode, opts).map_err(|e| crate::exceptions::syntax_error_from_compiler(self, &e))?;
        crate::types::const_frozenset::canonicalize(self, code)
    }

    /// The text of source file bytes: UTF-8 unless a BOM or a `coding:` cookie says
    /// otherwise (PEP 263). `script` is true for a main script read as a file, whose
    /// errors CPython words differently (and reports without a location) from those of
    /// `compile()` and imports (at line 0 of `filename`).
    pub fn decode_source(&mut self, bytes: &[u8], filename: &str, script: bool) -> PyResult<String> {
        let (declared, body) = match krait_syntax::encoding::detect(bytes) {
            Ok(d) => d,
            Err(msg) => return Err(self.source_decode_error(&msg, filename, script)),
        };
        let cookie = declared.cookie.as_deref();
        match krait_syntax::encoding::decode_builtin(cookie, body) {
            Some(Ok(text)) => Ok(text),
            Some(Err(pos)) => {
                let byte = body[pos];
                let msg = match (script, cookie) {
                    (true, None) => {
                        let line = body[..pos].iter().filter(|&&b| b == b'\n').count() + 1;
                        format!("Non-UTF-8 code starting with '\\x{byte:02x}' in file {path} on line {line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details", path = filename)
                    }
                    _ => format!("(unicode error) 'utf-8' codec can't decode byte 0x{byte:02x} in position {pos}: invalid start byte"),
                };
                Err(self.source_decode_error(&msg, filename, script))
            }
            None => {
                let name = cookie.unwrap_or_default().to_string();
                let data = crate::types::bytes::new_bytes(self, body.to_vec());
                let enc = self.new_str(&name);
                match self.call_method(&data, "decode", &[enc]) {
                    Ok(text) => Ok(self.str_of(&text).to_string()),
                    Err(e) => {
                        let msg = if self.is_subtype(&e.0.class(), &self.exc.lookup_error.clone()) {
                            if script { format!("encoding problem: {name}") } else { format!("unknown encoding: {name}") }
                        } else if self.is_subtype(&e.0.class(), &self.exc.unicode_error.clone()) {
                            let text = self.str(&Value::Obj(e.0.clone()))?;
                            self.str_of(&Value::Obj(text)).to_string()
                        } else {
                            return Err(e);
                        };
                        Err(self.source_decode_error(&msg, filename, script))
                    }
                }
            }
        }
    }

    /// The SyntaxError for undecodable source: `SyntaxError(msg, (filename, 0, -1, None))`
    /// as the string tokenizer gives it, just `msg` for a script file.
    fn source_decode_error(&mut self, msg: &str, filename: &str, script: bool) -> crate::vm::PyErr {
        let cls = self.exc.syntax_error.clone();
        if script {
            return self.new_exception_msg(&cls, msg);
        }
        let location = vec![self.new_str(filename), Value::Int(0), Value::Int(-1), Value::None];
        let args = vec![self.new_str(msg), self.new_tuple(location)];
        self.new_exception(&cls, args)
    }

    /// Compile and run module `source` with `globals` as its namespace.
    pub fn exec_source(&mut self, source: &str, filename: &str, globals: &PyRef) -> PyResult<Value> {
        let code = self.compile_source(source, filename, Mode::Exec)?;
        crate::interp::call::run_code(self, code, globals.clone(), Value::Obj(globals.clone()))
    }
}
