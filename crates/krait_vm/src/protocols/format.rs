//! `format(value, spec)` (PyObject_Format): ints, floats and strs formatted directly,
//! everything else through `type(value).__format__`.

use crate::object::Value;
use crate::vm::{PyResult, Vm};

impl Vm {
    /// `format(value, spec)`; `spec` must be a str (the caller checks).
    pub fn format_value(&mut self, value: &Value, spec: &Value) -> PyResult<Value> {
        let text = spec.as_obj().and_then(|o| o.as_str()).map(|s| s.as_str());
        if let Some(spec_text) = text {
            let direct = match value {
                Value::Int(i) => Some(krait_format::format_int(&(*i).into(), spec_text, "int", self.int_max_str_digits)),
                Value::Float(f) => Some(krait_format::format_float(*f, spec_text, "float")),
                Value::Obj(o) if self.is_exact(o, &self.types.str) => o.as_str().map(|s| krait_format::format_str(s.as_str(), spec_text, "str")),
                _ => None,
            };
            if let Some(r) = direct {
                let s = r.map_err(|e| self.format_error(e))?;
                return Ok(self.new_str(&s));
            }
        }
        let r = match self.call_dunder(value, "__format__", std::slice::from_ref(spec))? {
            Some(r) => r,
            None => {
                let n = self.type_name(value);
                return Err(self.new_type_error(format!("Type {n} doesn't define __format__")));
            }
        };
        if r.as_obj().and_then(|o| o.as_str()).is_none() {
            let n = self.type_name(&r);
            return Err(self.new_type_error(format!("__format__ must return a str, not {n}")));
        }
        Ok(r)
    }
}
