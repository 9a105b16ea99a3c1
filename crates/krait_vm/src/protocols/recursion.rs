//! The native recursion guard (Py_EnterRecursiveCall / Py_LeaveRecursiveCall): native code
//! that can recurse without bound (calls through `__call__` slots, repr, comparison,
//! isinstance) counts its depth against the recursion limit, and a stack-address check
//! turns any deeper native recursion into RecursionError before the thread's stack runs out.

use crate::vm::{PyResult, Vm};

/// The stack address of the caller's frame (approximately).
#[inline]
fn stack_address() -> usize {
    let marker = 0u8;
    std::ptr::addr_of!(marker) as usize
}

/// The lowest stack address the guards let native code reach on this thread: a quarter
/// of the stack (at least 256 KiB) is kept in reserve for code between two guards.
pub fn stack_floor() -> usize {
    match stacker::remaining_stack() {
        Some(remaining) => {
            let bottom = stack_address().saturating_sub(remaining);
            bottom.saturating_add((remaining / 4).max(256 << 10))
        }
        None => 0,
    }
}

impl Vm {
    /// True when the native stack is nearly used up.
    #[inline]
    pub fn stack_exhausted(&self) -> bool {
        stack_address() < self.stack_floor
    }

    /// Py_EnterRecursiveCall: count one more level of native recursion; RecursionError
    /// ("maximum recursion depth exceeded" + `context`) past the limit. Pair every Ok
    /// with `leave_recursive_call`, or use `with_recursion_guard`. Python frames have
    /// their own count (checked where frames are pushed), so recursion through both
    /// reports the frame limit as CPython does.
    pub fn enter_recursive_call(&mut self, context: &str) -> PyResult<()> {
        if self.native_depth >= self.recursion_limit || self.stack_exhausted() {
            return Err(self.new_recursion_error(format!("maximum recursion depth exceeded{context}")));
        }
        self.native_depth += 1;
        Ok(())
    }

    /// Py_LeaveRecursiveCall.
    pub fn leave_recursive_call(&mut self) {
        self.native_depth = self.native_depth.saturating_sub(1);
    }

    /// Run `f` one native recursion level deeper.
    pub fn with_recursion_guard<T>(&mut self, context: &str, f: impl FnOnce(&mut Vm) -> PyResult<T>) -> PyResult<T> {
        self.enter_recursive_call(context)?;
        let r = f(self);
        self.leave_recursive_call();
        r
    }
}
