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
    /// KW_NAMES' constant index, consumed by the next CALL.
    pub kwnames: Option<u32>,
    /// Set by RERAISE: where to look for the handler (`lasti` then holds the original
    /// instruction the exception came from).
    pub reraise_at: Option<usize>,
    /// For a class's `__init__` called by CALL: the new instance, which the call returns
    /// (RETURN_VALUE checks `__init__` returned None). Null otherwise.
    pub init_self: Value,
    /// For a generator's frame resumed inside the loop by FOR_ITER: the generator (its
    /// YIELD_VALUE suspends the frame back into it) and the caller's handled exception.
    /// Null otherwise.
    pub gen: Value,
    pub gen_outer_exc: Value,
}

impl crate::vm::Vm {
    /// A frame for `code`, reusing a pooled frame and its slot vector when one is free
    /// (a call then allocates nothing).
    pub fn new_frame(&mut self, code: &Rc<Code>, globals: &PyRef, builtins: &PyRef, locals: Value) -> Box<Frame> {
        match self.frame_pool.pop() {
            Some(mut f) => {
                // A pooled frame holds only Null slots: size them and reset the fields
                // in place (no struct copy).
                let n = code.nlocalsplus();
                let size = n + code.stacksize();
                if f.slots.len() >= size {
                    // SAFETY: every slot of a pooled frame is Null (recycle_frame), and
                    // Null needs no drop, so forgetting the tail leaks nothing.
                    unsafe { f.slots.set_len(size) };
                } else {
                    f.slots.resize(size, Value::Null);
                }
                // A recycled frame keeps its last code and namespaces: a recursive or
                // repeated call finds them already there (no count traffic).
                if !Rc::ptr_eq(&f.code, code) {
                    f.code = Rc::clone(code);
                }
                if !f.globals.is(globals) {
                    f.globals = globals.clone();
                }
                if !f.builtins.is(builtins) {
                    f.builtins = builtins.clone();
                }
                f.locals = locals;
                f.sp = n;
                f.ip = 0;
                f.lasti = 0;
                f.kwnames = None;
                f.reraise_at = None;
                f
            }
            None => Box::new(Frame::with_slots(Rc::clone(code), globals.clone(), builtins.clone(), locals, Vec::new())),
        }
    }

    /// Return a finished frame to the pool; its values are dropped now and every slot is
    /// left Null (what `new_frame` relies on).
    pub fn recycle_frame(&mut self, mut frame: Box<Frame>) {
        let sp = frame.sp;
        debug_assert!(frame.slots[sp..].iter().all(Value::is_null), "a value above the stack pointer");
        for v in &mut frame.slots[..sp] {
            *v = Value::Null;
        }
        frame.func = Value::Null;
        frame.locals = Value::Null;
        frame.init_self = Value::Null;
        frame.gen = Value::Null;
        frame.gen_outer_exc = Value::Null;
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
            kwnames: None,
            reraise_at: None,
            init_self: Value::Null,
            gen: Value::Null,
            gen_outer_exc: Value::Null,
        }
    }

    // The value stack is accessed without bounds checks: its depth never exceeds
    // co_stacksize, which the compiler computes as CPython does (checked against CPython
    // on the whole stdlib) and the verifier checks for code loaded from .pyc files.

    #[inline]
    pub fn push(&mut self, v: Value) {
        debug_assert!(self.sp < self.slots.len() && self.slots[self.sp].is_null());
        // SAFETY: sp < len (stack depth bound above); slots at and above the stack pointer
        // always hold Null (pop and drop_top leave Null), so overwriting one without
        // dropping it leaks nothing.
        unsafe { crate::object::put_slot(self.slots.as_mut_ptr().add(self.sp), v) };
        self.sp += 1;
    }

    #[inline]
    pub fn pop(&mut self) -> Value {
        debug_assert!(self.sp > 0 && self.sp <= self.slots.len());
        self.sp -= 1;
        // SAFETY: sp was a valid index (a pop always follows a push of that slot).
        unsafe { crate::object::take_slot(self.slots.as_mut_ptr().add(self.sp)) }
    }

    #[inline]
    pub fn top(&self) -> &Value {
        debug_assert!(self.sp > 0 && self.sp <= self.slots.len());
        // SAFETY: the stack is not empty when an instruction reads its top.
        unsafe { self.slots.get_unchecked(self.sp - 1) }
    }

    /// The `n`-th item from the top (1 = top).
    #[inline]
    pub fn peek(&self, n: usize) -> &Value {
        debug_assert!(n >= 1 && n <= self.sp && self.sp <= self.slots.len());
        // SAFETY: instructions only peek at entries their stack effect guarantees.
        unsafe { self.slots.get_unchecked(self.sp - n) }
    }

    /// Local slot `i` (a LOAD_FAST/STORE_FAST argument, < co_nlocalsplus: checked by the
    /// compiler and the verifier).
    #[inline]
    pub fn local_mut(&mut self, i: usize) -> &mut Value {
        debug_assert!(i < self.code.nlocalsplus());
        // SAFETY: i < nlocalsplus <= slots.len().
        unsafe { self.slots.get_unchecked_mut(i) }
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
