//! Closing a suspended generator that is dropped (CPython's `_PyGen_Finalize`): its
//! `finally` blocks and `with` exits run as if `close()` had been called.
//!
//! A reference count reaches zero inside `Drop`, where no `Vm` is at hand, so the
//! dropped generator's frame goes to the finalisation queue (object::finalize); the
//! interpreter re-wraps it in a fresh generator object and closes it at its next safe
//! point. Errors are reported as unraisable, as CPython does.

use super::generator::{gen_close, GenKind, GenState};
use crate::interp::frame::Frame;
use crate::object::finalize::{push, Work};
use crate::object::{Payload, Value};
use crate::vm::Vm;
use std::cell::RefCell;

/// A dropped generator's frame and identity, waiting to be closed.
pub struct Orphan {
    frame: Box<Frame>,
    kind: GenKind,
    name: Value,
    qualname: Value,
}

impl Drop for GenState {
    fn drop(&mut self) {
        let Some(frame) = self.frame.take() else { return };
        // Closing only runs code when the generator has started and is suspended inside
        // a try block (finally, except, with): otherwise GeneratorExit just ends it.
        if !self.started || self.kind == GenKind::AsyncGenerator || crate::interp::eval::find_handler(&frame.code, frame.lasti).is_none() {
            return;
        }
        push(Work::Generator(Orphan { frame, kind: self.kind, name: std::mem::take(&mut self.name), qualname: std::mem::take(&mut self.qualname) }));
    }
}

/// Close a dropped generator, reporting an error as "Exception ignored in: <generator
/// object ...>".
pub fn close_orphan(vm: &mut Vm, o: Orphan) {
    let types = vm.gen_types.as_ref().expect("generator types");
    let ty = if o.kind == GenKind::Coroutine { types.coroutine.clone() } else { types.generator.clone() };
    let state = GenState { frame: Some(o.frame), running: false, started: true, kind: o.kind, name: o.name, qualname: o.qualname, saved_exc: Value::None };
    let gen = vm.wrap(Payload::Native(Box::new(RefCell::new(state))), &ty);
    if let Err(e) = gen_close(vm, std::slice::from_ref(&gen)) {
        crate::interp::finalize::write_unraisable(vm, &e, None, &gen);
    }
}
