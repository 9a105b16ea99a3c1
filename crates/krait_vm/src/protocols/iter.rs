//! Iteration (PyObject_GetIter / PyIter_Next).

use crate::object::Value;
use crate::vm::{PyResult, Vm};

impl Vm {
    /// `iter(v)`.
    pub fn iter(&mut self, v: &Value) -> PyResult<Value> {
        let ty = self.type_of(v);
        match ty.as_type().and_then(|t| t.slots().iter) {
            Some(f) => f(self, v),
            None => {
                let n = self.type_name(v);
                Err(self.new_type_error(format!("'{n}' object is not iterable")))
            }
        }
    }

    /// `next(it)`: `None` when exhausted.
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        let ty = self.type_of(it);
        match ty.as_type().and_then(|t| t.slots().next) {
            Some(f) => f(self, it),
            None => {
                let n = self.type_name(it);
                Err(self.new_type_error(format!("'{n}' object is not an iterator")))
            }
        }
    }

    /// Collect an iterable into a Vec.
    pub fn collect(&mut self, iterable: &Value) -> PyResult<Vec<Value>> {
        if let Value::Obj(o) = iterable {
            if let Some(t) = o.as_tuple() {
                return Ok(t.to_vec());
            }
            if let Some(l) = o.as_list() {
                return Ok(l.borrow().clone());
            }
        }
        let it = self.iter(iterable)?;
        let mut out = Vec::new();
        while let Some(v) = self.next(&it)? {
            out.push(v);
        }
        Ok(out)
    }
}
