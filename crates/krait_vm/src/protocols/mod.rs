//! The abstract object protocols (CPython's `abstract.c`/`object.c`): hashing,
//! comparison, truth, and the dispatch from a value to its type's slots.

mod attr;
mod call;
mod compare;
mod item;
mod iter;
mod number;
mod recursion;
mod repr;
mod hash;
mod truth;
pub mod type_cache;

pub use recursion::stack_floor;
use crate::object::{PyRef, Value};
use crate::vm::Vm;

impl Vm {
    /// `type(v)`, as a type object.
    #[inline]
    pub fn type_of(&self, v: &Value) -> PyRef {
        match v {
            Value::Obj(o) => o.class(),
            Value::Int(_) => self.types.int.clone(),
            Value::Float(_) => self.types.float.clone(),
            Value::Bool(_) => self.types.bool.clone(),
            Value::None => self.types.none_type.clone(),
            Value::Null => self.types.none_type.clone(),
        }
    }

    /// The type's bare name (`_PyType_Name`), as reprs such as `deque([...])` show it.
    pub fn short_type_name(&self, v: &Value) -> String {
        match v {
            Value::Obj(o) => o.type_name(),
            _ => self.type_name(v),
        }
    }

    /// The type's `tp_name`, for messages (`'int'`, `'itertools.count'`).
    pub fn type_name(&self, v: &Value) -> String {
        match v {
            Value::Obj(o) => self.tp_name(&o.class()),
            Value::Int(_) => "int".into(),
            Value::Float(_) => "float".into(),
            Value::Bool(_) => "bool".into(),
            Value::None | Value::Null => "NoneType".into(),
        }
    }
}
