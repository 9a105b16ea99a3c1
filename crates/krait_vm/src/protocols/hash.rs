//! `hash(v)`: fast paths for immediates and str, then the type's hash slot.

use crate::object::hash::{hash_f64, hash_i64, hash_pointer, hash_str};
use crate::object::{Payload, Value};
use crate::vm::{PyResult, Vm};

impl Vm {
    /// The hash of a str object (cached in the object after the first call).
    #[inline]
    pub fn str_hash(&self, s: &crate::object::PyRef) -> Option<i64> {
        let p = s.as_str()?;
        if let Some(h) = p.cached_hash() {
            return Some(h);
        }
        let h = crate::object::hash::hash_str(self.hash_key, p.as_str());
        p.set_hash(h);
        Some(h)
    }

    /// `hash(v)` (PyObject_Hash).
    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(hash_i64(*i)),
            Value::Bool(b) => Ok(*b as i64),
            Value::Float(f) => Ok(hash_f64(*f, 0)),
            Value::None | Value::Null => Ok(hash_pointer(0x5f5f_4e6f_6e65)),
            Value::Obj(o) => {
                if let Payload::Str(s) = &o.payload {
                    if let Some(h) = s.cached_hash() {
                        return Ok(h);
                    }
                    let h = hash_str(self.hash_key, s.as_str());
                    s.set_hash(h);
                    return Ok(h);
                }
                let slot = o.with_class(|t| t.as_type().and_then(|t| t.slots().hash));
                match slot {
                    Some(f) => f(self, v),
                    None => {
                        let name = self.type_name(v);
                        Err(self.new_type_error(format!("unhashable type: '{name}'")))
                    }
                }
            }
        }
    }
}
