//! Closing a suspended generator that is dropped (CPython's `_PyGen_Finalize`): its
//! `finally` blocks and `with` exits run as if `close()` had been called.
//!
//! A reference count reaches zero inside `Drop`, where no `Vm` is at hand, so the
//! dropped generator's frame is queued here; the interpreter drains the queue at its
//! next call (and before the program exits), re-wrapping each frame in a fresh
//! generator object and closing it. Errors are reported as unraisable, as CPython does.

use crate::object::GilStatic;
use super::generator::{gen_close, GenKind, GenState};
use crate::interp::frame::Frame;
use crate::object::{Payload, Value};
use crate::vm::Vm;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::Write;

/// A dropped generator's frame and identity, waiting to be closed.
struct Orphan {
    frame: Box<Frame>,
    kind: GenKind,
    name: Value,
    qualname: Value,
}

static PENDING: GilStatic<RefCell<VecDeque<Orphan>>> = GilStatic::new(|| RefCell::new(VecDeque::new()));

impl Drop for GenState {
    fn drop(&mut self) {
        let Some(frame) = self.frame.take() else { return };
        // Closing only runs code when the generator has started and is suspended inside
        // a try block (finally, except, with): otherwise GeneratorExit just ends it.
        if !self.started || self.kind == GenKind::AsyncGenerator || crate::interp::eval::find_handler(&frame.code, frame.lasti).is_none() {
            return;
        }
        let orphan = Orphan { frame, kind: self.kind, name: std::mem::take(&mut self.name), qualname: std::mem::take(&mut self.qualname) };
        PENDING.with(|p| p.borrow_mut().push_back(orphan));
        crate::interp::breaker::set(crate::interp::breaker::FINALIZERS);
    }
}

/// Close every queued generator (and those dropped meanwhile), reporting errors as
/// "Exception ignored in: <generator object ...>" on stderr.
pub fn run_pending(vm: &mut Vm) {
    loop {
        let next = PENDING.with(|p| {
            let mut p = p.borrow_mut();
            let item = p.pop_front();
            if p.is_empty() {
                crate::interp::breaker::clear(crate::interp::breaker::FINALIZERS);
            }
            item
        });
        let Some(o) = next else { return };
        let types = vm.gen_types.as_ref().expect("generator types");
        let ty = if o.kind == GenKind::Coroutine { types.coroutine.clone() } else { types.generator.clone() };
        let state = GenState { frame: Some(o.frame), running: false, started: true, kind: o.kind, name: o.name, qualname: o.qualname, saved_exc: Value::None };
        let gen = vm.wrap(Payload::Native(Box::new(RefCell::new(state))), &ty);
        if let Err(e) = gen_close(vm, std::slice::from_ref(&gen)) {
            let _ = crate::builtins::stdio::flush_stdout();
            let what = vm.repr(&gen).ok().and_then(|s| s.as_str().map(|s| s.as_str().to_string())).unwrap_or_default();
            let text = crate::exceptions::format_exception(vm, &e.0);
            let mut stderr = std::io::stderr().lock();
            let _ = write!(stderr, "Exception ignored in: {what}\n{text}");
            let _ = stderr.flush();
        }
    }
}
