//! Closing a suspended generator that is dropped (CPython's `_PyGen_Finalize`): its
//! `finally` blocks and `with` exits run as if `close()` had been called.
//!
//! A reference count reaches zero inside `Drop`, where no `Vm` is at hand, so the
//! dropped generator's frame goes to the finalisation queue (object::finalize); the
//! interpreter re-wraps it in a fresh generator object and closes it at its next safe
//! point. Errors are reported as unraisable, as CPython does.
//! An async generator with a finalizer hook (`sys.set_asyncgen_hooks`) is handed to the
//! hook instead, once (asyncio then schedules its `aclose()`).

use super::async_gen::AsyncGenFlags;
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
    started: bool,
    ag: AsyncGenFlags,
}

impl Drop for GenState {
    fn drop(&mut self) {
        let Some(frame) = self.frame.take() else { return };
        // (_PyGen_Finalize, once per object.) An async generator's finalizer hook is
        // called even for one that has not started; it is not closed then. A coroutine
        // never started warns that it was never awaited.
        if self.ag.finalized {
            return;
        }
        let hook = self.kind == GenKind::AsyncGenerator && !self.ag.closed && !self.ag.finalizer.is_null();
        let unawaited = self.kind == GenKind::Coroutine && !self.started;
        // Closing only runs code when the generator has started and is suspended inside
        // a try block (finally, except, with): otherwise GeneratorExit just ends it.
        if !hook && !unawaited && (!self.started || crate::interp::eval::find_handler(&frame.code, frame.lasti).is_none()) {
            return;
        }
        let orphan = Orphan {
            frame,
            kind: self.kind,
            name: std::mem::take(&mut self.name),
            qualname: std::mem::take(&mut self.qualname),
            started: self.started,
            ag: std::mem::take(&mut self.ag),
        };
        push(Work::Generator(orphan));
    }
}

/// Close a dropped generator (or hand it to its async finalizer hook), reporting an
/// error as "Exception ignored in: <generator object ...>".
pub fn close_orphan(vm: &mut Vm, o: Orphan) {
    let types = vm.gen_types.as_ref().expect("generator types");
    let ty = match o.kind {
        GenKind::Generator => types.generator.clone(),
        GenKind::Coroutine => types.coroutine.clone(),
        GenKind::AsyncGenerator => types.async_generator.clone(),
    };
    let mut state = GenState::new(o.frame, o.kind, o.name, o.qualname, o.started);
    let mut ag = o.ag;
    let finalizer = std::mem::take(&mut ag.finalizer);
    state.ag = AsyncGenFlags { finalized: true, ..ag };
    let gen = vm.wrap(Payload::Native(Box::new(RefCell::new(state))), &ty);
    let r = if !finalizer.is_null() {
        vm.call_positional(&finalizer, std::slice::from_ref(&gen))
    } else if o.kind == GenKind::Coroutine && !o.started {
        warn_unawaited(vm, &gen)
    } else {
        gen_close(vm, std::slice::from_ref(&gen))
    };
    if let Err(e) = r {
        crate::interp::finalize::write_unraisable(vm, &e, None, &gen);
    }
}

/// _PyErr_WarnUnawaitedCoroutine: RuntimeWarning "coroutine '...' was never awaited",
/// attributed to the running frame. (Not through `warnings._warn_unawaited_coroutine`:
/// it passes `source=`, which the pure-Python `warn_explicit` krait runs mistakes for the
/// output file; so the "Enable tracemalloc" hint line is not printed.)
fn warn_unawaited(vm: &mut Vm, coro: &Value) -> crate::vm::PyResult<Value> {
    let qualname = vm.get_attr_str(coro, "__qualname__")?;
    let q = vm.str_of(&qualname);
    let msg = vm.new_str(&format!("coroutine '{q}' was never awaited"));
    let warnings = crate::import::import_module_level(vm, "warnings", None, &Value::None, 0)?;
    let f = vm.get_attr_str(&warnings, "warn")?;
    let category = Value::Obj(vm.exc.runtime_warning.clone());
    vm.call_positional(&f, &[msg, category, Value::Int(1)])
}
