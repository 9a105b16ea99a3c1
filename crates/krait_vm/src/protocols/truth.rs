//! Truth testing (PyObject_IsTrue): immediates, then `__bool__`, then `__len__`.

use crate::object::{Payload, Value};
use crate::vm::{PyResult, Vm};

impl Vm {
    /// `bool(v)`.
    pub fn is_true(&mut self, v: &Value) -> PyResult<bool> {
        match v {
            Value::Bool(b) => Ok(*b),
            Value::Int(i) => Ok(*i != 0),
            Value::Float(f) => Ok(*f != 0.0),
            Value::None | Value::Null => Ok(false),
            Value::Obj(o) => {
                match &o.payload {
                    Payload::Str(s) if self.is_exact(o, &self.types.str) => return Ok(s.char_len() != 0),
                    Payload::List(l) if self.is_exact(o, &self.types.list) => return Ok(!l.borrow().is_empty()),
                    Payload::Tuple(t) if self.is_exact(o, &self.types.tuple) => return Ok(!t.is_empty()),
                    Payload::Dict(d) if self.is_exact(o, &self.types.dict) => return Ok(!d.borrow().is_empty()),
                    _ => {}
                }
                let slots = o.with_class(|t| t.as_type().map(|t| t.slots()).unwrap_or_default());
                if let Some(f) = slots.bool {
                    return f(self, v);
                }
                if let Some(f) = slots.len {
                    return Ok(f(self, v)? != 0);
                }
                Ok(true)
            }
        }
    }
}
