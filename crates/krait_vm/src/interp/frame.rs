//! Frames: the locals, cells and value stack of one running code object, kept on the
//! interpreter's explicit frame stack (no Rust recursion for Python calls).

use super::code::Code;
use crate::object::{PyRef, Value};
use std::rc::Rc;

/// One activation. `slots` holds localsplus (locals, cells, frees) followed by the value
/// stack; `sp` is the index one past the top of stack.
pub struct Frame {
    pub code: Rc<Code>,
    pub slots: Vec<Value>,
    pub sp: usize,
    /// Index of the next instruction (in code units).
    pub ip: usize,
    /// Index of the instruction being executed (for tracebacks and `f_lasti`).
    pub lasti: usize,
    pub globals: PyRef,
    pub builtins: PyRef,
    /// The locals mapping for module and class bodies (`*_NAME` opcodes); Null otherwise.
    pub locals: Value,
    /// The function being run (for `super()` and `f_func`), or Null.
    pub func: Value,
    /// True when the frame belongs to a generator/coroutine.
    pub is_generator: bool,
    /// KW_NAMES' constant index, consumed by the next CALL.
    pub kwnames: Option<u32>,
    /// Set by RERAISE: where to look for the handler (`lasti` then holds the original
    /// instruction the exception came from).
    pub reraise_at: Option<usize>,
}

impl crate::vm::Vm {
    /// A frame for `code`, reusing a pooled frame and its slot vector when one is free
    /// (a call then allocates nothing).
    pub fn new_frame(&mut self, code: Rc<Code>, globals: PyRef, builtins: PyRef, locals: Value) -> Box<Frame> {
        match self.frame_pool.pop() {
            Some(mut f) => {
                let slots = std::mem::take(&mut f.slots);
                *f = Frame::with_slots(code, globals, builtins, locals, slots);
                f
            }
            None => Box::new(Frame::with_slots(code, globals, builtins, locals, Vec::new())),
        }
    }

    /// Return a finished frame to the pool; its values are dropped now.
    pub fn recycle_frame(&mut self, mut frame: Box<Frame>) {
        frame.slots.clear();
        frame.func = Value::Null;
        frame.locals = Value::Null;
        if self.frame_pool.len() < 256 && frame.slots.capacity() <= 4096 {
            self.frame_pool.push(frame);
        }
    }
}

impl Frame {
    pub fn new(code: Rc<Code>, globals: PyRef, builtins: PyRef, locals: Value) -> Frame {
        Frame::with_slots(code, globals, builtins, locals, Vec::new())
    }

    /// A frame whose slots reuse `slots`' allocation.
    fn with_slots(code: Rc<Code>, globals: PyRef, builtins: PyRef, locals: Value, mut slots: Vec<Value>) -> Frame {
        let n = code.nlocalsplus();
        let size = n + code.stacksize();
        slots.clear();
        slots.resize(size, Value::Null);
        Frame {
            code,
            slots,
            sp: n,
            ip: 0,
            lasti: 0,
            globals,
            builtins,
            locals,
            func: Value::Null,
            is_generator: false,
            kwnames: None,
            reraise_at: None,
        }
    }

    #[inline]
    pub fn push(&mut self, v: Value) {
        let slot = &mut self.slots[self.sp];
        debug_assert!(slot.is_null());
        // SAFETY: slots at and above the stack pointer always hold Null (pop and
        // drop_top leave Null behind), so overwriting one without dropping it leaks nothing.
        unsafe { std::ptr::write(slot, v) };
        self.sp += 1;
    }

    #[inline]
    pub fn pop(&mut self) -> Value {
        self.sp -= 1;
        std::mem::replace(&mut self.slots[self.sp], Value::Null)
    }

    #[inline]
    pub fn top(&self) -> &Value {
        &self.slots[self.sp - 1]
    }

    /// The `n`-th item from the top (1 = top).
    #[inline]
    pub fn peek(&self, n: usize) -> &Value {
        &self.slots[self.sp - n]
    }

    /// Discard the top `n` values.
    #[inline]
    pub fn drop_top(&mut self, n: usize) {
        let start = self.sp - n;
        for v in &mut self.slots[start..self.sp] {
            *v = Value::Null;
        }
        self.sp = start;
    }

    /// Pop the top `n` values, bottom first.
    pub fn pop_n(&mut self, n: usize) -> Vec<Value> {
        let start = self.sp - n;
        let items = self.slots[start..self.sp].iter_mut().map(|v| std::mem::replace(v, Value::Null)).collect();
        self.sp = start;
        items
    }

    /// The stack entries above the locals.
    #[inline]
    pub fn stack_len(&self) -> usize {
        self.sp - self.code.nlocalsplus()
    }
}
