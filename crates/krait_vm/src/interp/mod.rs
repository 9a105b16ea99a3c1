//! The interpreter: decoded code, frames and the evaluation loop.

pub mod breaker;
pub mod finalize;
pub mod call;
pub mod code;
pub mod eval;
mod fast_path;
pub mod frame;
pub mod gil;
pub mod ops;
mod load;
pub mod os_signal;
pub mod trace;

use crate::object::{Args, PyRef, Value};
use crate::vm::{PyResult, Vm};

/// Call a Python function object: bind arguments into a new frame and run it.
pub fn call_function(vm: &mut Vm, func: &PyRef, args: Args<'_>) -> PyResult<Value> {
    let frame = call::make_frame(vm, func, args)?;
    eval::run_frame(vm, frame)
}
