//! Constructors for builtin values (`vm.new_str`, `vm.new_tuple`, ...) and interning.

use crate::object::{Payload, PyObject, PyRef, Value};
use crate::types::dict::DictTable;
use crate::types::str::PyStr;
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;

impl Vm {
    pub fn new_str_ref(&mut self, s: &str) -> PyRef {
        PyRef::new(PyObject::new(self.types.str.clone(), Payload::Str(PyStr::new(s))))
    }

    pub fn new_str(&mut self, s: &str) -> Value {
        Value::Obj(self.new_str_ref(s))
    }

    /// The interned str object for `s` (identifiers, attribute names, dict keys of names).
    pub fn intern(&mut self, s: &str) -> PyRef {
        if let Some(r) = self.interned.get(s) {
            return r.clone();
        }
        let r = self.new_str_ref(s);
        self.interned.insert(s.into(), r.clone());
        r
    }

    pub fn new_tuple(&mut self, items: Vec<Value>) -> Value {
        Value::Obj(PyRef::new(PyObject::new(self.types.tuple.clone(), Payload::Tuple(items.into_boxed_slice()))))
    }

    pub fn new_list(&mut self, items: Vec<Value>) -> Value {
        Value::Obj(PyRef::new(PyObject::new(self.types.list.clone(), Payload::List(RefCell::new(items)))))
    }

    pub fn new_dict_ref(&mut self) -> PyRef {
        PyRef::new(PyObject::new(self.types.dict.clone(), Payload::Dict(RefCell::new(DictTable::new()))))
    }

    pub fn new_dict(&mut self) -> Value {
        Value::Obj(self.new_dict_ref())
    }

    /// The text of a str value (a bug if `v` is not a str: callers check first).
    pub fn str_of(&self, v: &Value) -> std::rc::Rc<str> {
        match v.as_obj().and_then(|o| o.as_str()) {
            Some(s) => s.as_str().into(),
            None => "".into(),
        }
    }

    /// `d[key] = value` for a dict object.
    pub fn dict_set_item(&mut self, d: &PyRef, key: Value, value: Value) -> PyResult<()> {
        crate::types::dict_ops::set_item(self, d, key, value)
    }
}
