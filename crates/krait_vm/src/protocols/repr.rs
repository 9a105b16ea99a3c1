//! `repr()`, `str()` and `format()` (PyObject_Repr / PyObject_Str / PyObject_Format).

use crate::object::{Payload, PyRef, Value};
use crate::vm::{PyResult, Vm};

impl Vm {
    /// `repr(v)` as a str object.
    pub fn repr(&mut self, v: &Value) -> PyResult<PyRef> {
        let text = match v {
            Value::None | Value::Null => "None".to_string(),
            Value::Bool(b) => if *b { "True" } else { "False" }.to_string(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) => krait_format::float_repr(*f),
            Value::Obj(o) => {
                let slot = o.with_class(|t| t.as_type().and_then(|t| t.slots().repr));
                return match slot {
                    Some(f) => {
                        let r = self.with_recursion_guard(" while getting the repr of an object", |vm| f(vm, v))?;
                        self.expect_str_result(r, "__repr__")
                    }
                    None => Ok(self.default_repr(o)),
                };
            }
        };
        Ok(self.new_str_ref(&text))
    }

    /// `ascii(v)`: the repr with non-ASCII characters escaped.
    pub fn ascii(&mut self, v: &Value) -> PyResult<PyRef> {
        let r = self.repr(v)?;
        match r.as_str() {
            Some(s) if !s.is_ascii() => {
                let escaped = crate::types::str_methods::convert::ascii_escape(s.as_str());
                Ok(self.new_str_ref(&escaped))
            }
            _ => Ok(r),
        }
    }

    /// `str(v)` as a str object.
    pub fn str(&mut self, v: &Value) -> PyResult<PyRef> {
        if let Value::Obj(o) = v {
            if matches!(o.payload, Payload::Str(_)) && self.is_exact(o, &self.types.str) {
                return Ok(o.clone());
            }
            let slot = o.with_class(|t| t.as_type().and_then(|t| t.slots().str));
            if let Some(f) = slot {
                let r = self.with_recursion_guard(" while getting the str of an object", |vm| f(vm, v))?;
                return self.expect_str_result(r, "__str__");
            }
        }
        self.repr(v)
    }

    /// `format(v, spec)` (PyObject_Format): an exact str or int with an empty spec is its
    /// own str, anything else goes through `type(v).__format__`, which must return a str.
    pub fn format(&mut self, v: &Value, spec: &Value) -> PyResult<PyRef> {
        let empty = spec.as_obj().and_then(|o| o.as_str()).map_or(true, |s| s.as_str().is_empty());
        if empty {
            match v {
                Value::Int(_) => return self.str(v),
                Value::Obj(o) if matches!(o.payload, Payload::Str(_)) && self.is_exact(o, &self.types.str) => return Ok(o.clone()),
                _ => {}
            }
        }
        // Exact ints, floats and strs: their own __format__, without the method call.
        if let Some(spec_text) = spec.as_obj().and_then(|o| o.as_str()).map(|s| s.as_str()) {
            let direct = match v {
                Value::Int(i) => Some(krait_format::format_int(&(*i).into(), spec_text, "int", self.int_max_str_digits)),
                Value::Float(f) => Some(krait_format::format_float(*f, spec_text, "float")),
                Value::Obj(o) if self.is_exact(o, &self.types.str) => o.as_str().map(|s| krait_format::format_str(s.as_str(), spec_text, "str")),
                _ => None,
            };
            if let Some(r) = direct {
                let text = r.map_err(|e| self.format_error(e))?;
                return Ok(self.new_str_ref(&text));
            }
        }
        let spec = if spec.is_null() { self.new_str("") } else { spec.clone() };
        let Some(r) = self.call_dunder(v, "__format__", &[spec])? else {
            let n = self.type_name(v);
            return Err(self.new_type_error(format!("Type {n} doesn't define __format__")));
        };
        match r {
            Value::Obj(o) if o.as_str().is_some() => Ok(o),
            other => {
                let n = self.type_name(&other);
                Err(self.new_type_error(format!("__format__ must return a str, not {n}")))
            }
        }
    }

    /// `<module.Type object at 0x...>` (object.__repr__).
    pub fn default_repr(&mut self, o: &PyRef) -> PyRef {
        let name = o.with_class(|t| t.as_type().map(|t| t.qualname.borrow().clone()).unwrap_or_default());
        let text = format!("<{name} object at {:#x}>", o.addr());
        self.new_str_ref(&text)
    }

    fn expect_str_result(&mut self, r: Value, what: &str) -> PyResult<PyRef> {
        match r {
            Value::Obj(o) if o.as_str().is_some() => Ok(o),
            other => {
                let n = self.type_name(&other);
                Err(self.new_type_error(format!("{what} returned non-string (type {n})")))
            }
        }
    }
}
