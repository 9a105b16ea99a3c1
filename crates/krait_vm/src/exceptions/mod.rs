//! The exception hierarchy of Python 3.11 (one table), exception instance data, and
//! constructors for raising errors with CPython's messages.

mod base;
mod hierarchy;
mod raise;

pub use base::init;
pub use hierarchy::{ExcTypes, EXCEPTION_ALIASES};

use crate::object::Value;
use std::cell::{Cell, RefCell};

/// The state of a BaseException instance (`args`, `__traceback__`, `__cause__`,
/// `__context__`, `__suppress_context__`). Other attributes (`__notes__`, `value`,
/// `code`, `errno`, ...) live in the instance dict as in CPython.
pub struct ExceptionData {
    /// A tuple.
    pub args: RefCell<Value>,
    pub traceback: RefCell<Value>,
    pub cause: RefCell<Value>,
    pub context: RefCell<Value>,
    pub suppress_context: Cell<bool>,
}

impl ExceptionData {
    pub fn new(args: Value) -> ExceptionData {
        ExceptionData {
            args: RefCell::new(args),
            traceback: RefCell::new(Value::None),
            cause: RefCell::new(Value::None),
            context: RefCell::new(Value::None),
            suppress_context: Cell::new(false),
        }
    }
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
        }

        impl ExcTypes {
            /// Create every class with `make(name, base)`; `object` is the root's base.
            pub fn build(
                object: &$crate::object::PyRef,
                mut make: impl FnMut(&'static str, &$crate::object::PyRef) -> $crate::object::PyRef,
            ) -> ExcTypes {
                let $root = object.clone();
                $(let $field = make($name, &$base);)*
                ExcTypes { $($field,)* }
            }

            /// Every class with its name, parents first.
            pub fn all(&self) -> Vec<(&'static str, &$crate::object::PyRef)> {
                vec![$(($name, &self.$field),)*]
            }
        }
    };
}
