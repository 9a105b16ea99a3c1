//! The exception hierarchy of Python 3.11 (one table), exception instance data, the
//! classes' attributes and methods, traceback objects, and printing of uncaught
//! exceptions as CPython does.

mod base;
mod carets;
mod format;
mod groups;
mod hierarchy;
mod oserror;
mod raise;
mod source;
mod subclasses;
mod suggestions;
mod syntax;
pub mod traceback;

pub use format::format_exception;
pub use hierarchy::{ExcTypes, EXCEPTION_ALIASES};
pub use syntax::syntax_error_from_compiler;

use crate::object::{Payload, PyRef, Value};
use crate::vm::Vm;
use std::cell::{Cell, RefCell};

/// The state of a BaseException instance (`args`, `__traceback__`, `__cause__`,
/// `__context__`, `__suppress_context__`) plus the C-level fields of the subclasses
/// (`errno`, `filename`, `value`, `code`, `msg`, ...), kept by name in `fields`.
/// `__notes__` lives in the instance dict as in CPython.
pub struct ExceptionData {
    /// A tuple.
    pub args: RefCell<Value>,
    /// A traceback object or None.
    pub traceback: RefCell<Value>,
    pub cause: RefCell<Value>,
    pub context: RefCell<Value>,
    pub suppress_context: Cell<bool>,
    /// Subclass fields; an absent field reads as None.
    pub fields: RefCell<Vec<(&'static str, Value)>>,
}

impl ExceptionData {
    pub fn new(args: Value) -> ExceptionData {
        ExceptionData {
            args: RefCell::new(args),
            traceback: RefCell::new(Value::None),
            cause: RefCell::new(Value::None),
            context: RefCell::new(Value::None),
            suppress_context: Cell::new(false),
            fields: RefCell::new(Vec::new()),
        }
    }

    /// A subclass field (None when unset).
    pub fn field(&self, name: &str) -> Value {
        self.fields.borrow().iter().find(|(n, _)| *n == name).map(|(_, v)| v.clone()).unwrap_or(Value::None)
    }

    /// Set a subclass field.
    pub fn set_field(&self, name: &'static str, v: Value) {
        let mut f = self.fields.borrow_mut();
        match f.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = v,
            None => f.push((name, v)),
        }
    }

    /// The args tuple's items.
    pub fn args_vec(&self) -> Vec<Value> {
        self.args.borrow().as_obj().and_then(|t| t.as_tuple()).map(|t| t.to_vec()).unwrap_or_default()
    }
}

/// The exception data of `v`, if it is an exception instance.
pub fn data(v: &Value) -> Option<&ExceptionData> {
    match v {
        Value::Obj(o) => data_of(o),
        _ => None,
    }
}

/// The exception data of an object, if it is an exception instance.
pub fn data_of(o: &PyRef) -> Option<&ExceptionData> {
    match &o.payload {
        Payload::Exception(d) => Some(d),
        _ => None,
    }
}

/// Install the exception classes' slots, methods and attributes.
pub fn init(vm: &mut Vm) {
    base::init(vm);
    subclasses::init(vm);
    oserror::init(vm);
    syntax::init(vm);
    groups::init(vm);
    traceback::init(vm);
}

/// Declares `ExcTypes` (one field per builtin exception class) from the table in
/// `hierarchy.rs`, and `ExcTypes::build`, which creates the classes parents first.
#[macro_export]
#[doc(hidden)]
macro_rules! define_exceptions {
    (root $root:ident; $($field:ident: $name:literal <- $base:ident;)*) => {
        /// The builtin exception classes.
        pub struct ExcTypes {
            $(pub $field: $crate::object::PyRef,)*
            /// The `traceback` type (set by `exceptions::init`).
            pub traceback_type: $crate::object::PyRef,
            /// The minimal `frame` type of traceback entries (set by `exceptions::init`).
            pub frame_type: $crate::object::PyRef,
        }

        impl ExcTypes {
            /// Create every class with `make(name, base)`; `object` is the root's base.
            pub fn build(
                object: &$crate::object::PyRef,
                mut make: impl FnMut(&'static str, &$crate::object::PyRef) -> $crate::object::PyRef,
            ) -> ExcTypes {
                let $root = object.clone();
                $(let $field = make($name, &$base);)*
                ExcTypes { $($field,)* traceback_type: object.clone(), frame_type: object.clone() }
            }

            /// Every class with its name, parents first.
            pub fn all(&self) -> Vec<(&'static str, &$crate::object::PyRef)> {
                vec![$(($name, &self.$field),)*]
            }
        }
    };
}

impl crate::types::getset::GetSetDef {
    /// A read-write attribute stored in the exception's named fields (a C struct member
    /// in CPython; deleting it makes it read as None).
    pub const fn field(name: &'static str) -> crate::types::getset::GetSetDef {
        crate::types::getset::GetSetDef { name, get: |_, v, n| Ok(data(v).map(|d| d.field(n)).unwrap_or(Value::None)), set: Some(set_field) }
    }
}

fn set_field(_vm: &mut Vm, obj: &Value, v: Value, name: &'static str) -> crate::vm::PyResult<()> {
    if let Some(d) = data(obj) {
        d.set_field(name, if v.is_null() { Value::None } else { v });
    }
    Ok(())
}

