//! The interpreter: decoded code, frames and the evaluation loop.

pub mod code;
pub mod frame;

use crate::object::{Args, PyRef, Value};
use crate::vm::{PyResult, Vm};

/// Call a Python function object: bind arguments into a new frame and run it.
pub fn call_function(vm: &mut Vm, func: &PyRef, args: Args<'_>) -> PyResult<Value> {
    let _ = (func, args);
    Err(vm.new_not_implemented_error("the interpreter loop is not wired yet"))
}
