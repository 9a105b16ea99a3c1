//! Python functions (`def`/`lambda`): code, globals, defaults, closure and metadata.

use crate::interp::code::Code;
use crate::object::{PyRef, Value};
use std::cell::RefCell;
use std::rc::Rc;

/// A function object's state. `defaults` is a tuple or None; `kwdefaults` a dict or None.
pub struct Function {
    pub code: RefCell<Rc<Code>>,
    pub globals: PyRef,
    pub builtins: PyRef,
    pub name: RefCell<Value>,
    pub qualname: RefCell<Value>,
    pub defaults: RefCell<Value>,
    pub kwdefaults: RefCell<Value>,
    /// Cells for the code's free variables, in co_freevars order.
    pub closure: Option<Box<[PyRef]>>,
    pub doc: RefCell<Value>,
    pub module: RefCell<Value>,
    pub annotations: RefCell<Value>,
}
