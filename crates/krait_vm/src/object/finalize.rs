//! What happens when an object's last reference goes (CPython's `subtype_dealloc` →
//! `tp_finalize`, `PyObject_ClearWeakRefs`), and the one queue of finalisation work
//! waiting for the interpreter.
//!
//! A reference count reaches zero inside `Drop`, where no `Vm` is at hand, so the work
//! that runs Python code — `__del__`, weakref callbacks, closing suspended generators —
//! is queued here and the FINALIZERS bit of the eval breaker is set; the loop runs the
//! queue at its next safe point (`interp::finalize::run_pending`).
//!
//! Only objects whose type carries [`TypeFlags::HAS_FINALIZE`] (a class defining
//! `__del__`) or [`TypeFlags::WEAKREF_CALLBACKS`] (some instance was the referent of a
//! weakref with a callback) take the slow path: every other free pays one flag test.
//!
//! `__del__` (PEP 442) runs once: the dying object's contents (class, `__dict__`,
//! payload) move into a fresh object, which is queued; its address is remembered in
//! [`FINALIZED`] so that when it dies again it is freed for good. If `__del__` stored
//! `self` somewhere the object lives on (resurrection), at its new address.

use super::{Payload, PyObject, PyRef, TypeFlags, Value};
use crate::types::gen_finalize::Orphan;
use std::cell::{RefCell, UnsafeCell};
use std::collections::{HashSet, VecDeque};

/// One piece of finalisation work.
pub enum Work {
    /// A dropped suspended generator's frame, to be closed.
    Generator(Orphan),
    /// An object whose `__del__` must run (already moved to its new address).
    Del(PyRef),
    /// A weakref callback: `callback(weakref)` for a weakref whose referent died.
    Callback { weakref: PyRef, callback: Value },
}

thread_local! {
    static QUEUE: RefCell<VecDeque<Work>> = const { RefCell::new(VecDeque::new()) };
    /// Addresses of objects whose `__del__` has been queued or run (`gc.is_finalized`).
    static FINALIZED: RefCell<HashSet<usize>> = RefCell::new(HashSet::new());
}

/// Queue `work` and ask the loop to run it. During thread teardown (no queue any more)
/// the work is dropped instead.
pub fn push(work: Work) {
    let rejected = QUEUE.try_with(|q| match q.try_borrow_mut() {
        Ok(mut q) => {
            q.push_back(work);
            None
        }
        Err(_) => Some(work),
    });
    match rejected {
        Ok(None) => crate::interp::breaker::set(crate::interp::breaker::FINALIZERS),
        // Dropped outside the queue's borrow (it may queue more work).
        Ok(Some(w)) => drop(w),
        Err(_) => {}
    }
}

/// The next queued piece of work; withdraws the breaker request when none is left.
pub fn pop() -> Option<Work> {
    QUEUE.with(|q| {
        let mut q = q.borrow_mut();
        let item = q.pop_front();
        if q.is_empty() {
            crate::interp::breaker::clear(crate::interp::breaker::FINALIZERS);
        }
        item
    })
}

/// Whether `__del__` has been queued or run for the object at `addr` (`gc.is_finalized`).
pub fn is_finalized(addr: usize) -> bool {
    FINALIZED.with(|f| f.borrow().contains(&addr))
}

/// Note that the collector ran `__del__` for the object at `addr` (it will not run
/// again when the object dies).
pub fn mark_finalized(addr: usize) {
    FINALIZED.with(|f| f.borrow_mut().insert(addr));
}

impl Drop for PyObject {
    #[inline]
    fn drop(&mut self) {
        let flags = match self.ty.get_mut() {
            Some(t) => match &t.payload {
                Payload::Type(t) => t.flags.get(),
                _ => return,
            },
            None => return,
        };
        if flags & (TypeFlags::HAS_FINALIZE | TypeFlags::WEAKREF_CALLBACKS) != 0 {
            on_last_reference(self, flags);
        }
    }
}

/// The slow path of `Drop` for objects of flagged types: queue `__del__` (first time
/// only) and the callbacks of weakrefs to the object.
#[cold]
fn on_last_reference(obj: &mut PyObject, flags: u32) {
    let addr = obj as *const PyObject as usize;
    if flags & TypeFlags::HAS_FINALIZE != 0 {
        // During thread teardown (no table) the object is simply freed.
        let first = FINALIZED.try_with(|f| f.try_borrow_mut().is_ok_and(|mut f| !f.remove(&addr))).unwrap_or(false);
        if first {
            let ty = obj.ty.get_mut().take();
            let dict = obj.dict.get_mut().take();
            let payload = std::mem::replace(&mut obj.payload, Payload::Object);
            let fresh = PyRef::new(PyObject { ty: UnsafeCell::new(ty), dict: RefCell::new(dict), payload });
            let noted = FINALIZED.try_with(|f| f.try_borrow_mut().map(|mut f| f.insert(fresh.addr())).is_ok()).unwrap_or(false);
            if noted {
                push(Work::Del(fresh));
            }
            // The weakrefs to the old address are dead now: their callbacks follow
            // `__del__` in the queue, as CPython clears weakrefs after tp_finalize.
        }
    }
    if flags & TypeFlags::WEAKREF_CALLBACKS != 0 {
        for (weakref, callback) in crate::modules::weakref::referent_died(addr) {
            push(Work::Callback { weakref, callback });
        }
    }
}
