//! The eval breaker (CPython's `eval_breaker`): one word of request bits that makes the
//! interpreter loop leave its fast path at a safe point — each backward jump and each
//! call — and run [`handle`] before going on.
//!
//! Whoever needs the loop's attention sets a bit: finalisation work waiting to run
//! (`__del__`, weakref callbacks, dropped generators: [`FINALIZERS`]), a due young
//! collection ([`GC`]), another thread waiting for the interpreter lock
//! ([`GIL_DROP_REQUEST`]), signals received whose Python handlers must run
//! ([`SIGNALS`]), a change of trace function ([`TRACING`]). The word is atomic so that
//! code running outside the loop's thread (an OS signal handler, another thread) may
//! set bits too.

use crate::vm::{PyResult, Vm};
use std::sync::atomic::{AtomicU32, Ordering};

/// The pending requests; zero when the loop has nothing to do but run.
static BREAKER: AtomicU32 = AtomicU32::new(0);

/// Objects freed while the loop could not run Python code wait for finalisation
/// (object::finalize's queue).
pub const FINALIZERS: u32 = 1;

/// The young generation of tracked containers outgrew its threshold: collect it.
pub const GC: u32 = 1 << 1;

/// A thread has waited a switch interval for the interpreter lock (`interp::gil`).
pub const GIL_DROP_REQUEST: u32 = 1 << 2;

/// A signal arrived (set by the OS-level handler in `os_signal`, or by
/// `_thread.interrupt_main`): its Python handler runs on the main thread.
pub const SIGNALS: u32 = 1 << 3;

/// A trace or profile function was set or removed: the running frame switches to the
/// other variant of the loop at its next call (see trace.rs).
pub const TRACING: u32 = 1 << 4;

/// Whether any request is pending (one relaxed load: checked on every call and loop).
#[inline(always)]
pub fn is_set() -> bool {
    BREAKER.load(Ordering::Relaxed) != 0
}

/// The pending request bits.
pub fn pending() -> u32 {
    BREAKER.load(Ordering::Relaxed)
}

/// Ask the loop to attend to `bit` at its next safe point.
pub fn set(bit: u32) {
    BREAKER.fetch_or(bit, Ordering::Relaxed);
}

/// Withdraw a request (its owner found nothing left to do).
pub fn clear(bit: u32) {
    BREAKER.fetch_and(!bit, Ordering::Relaxed);
}

/// Serve pending requests now if there are any: used after instructions that drop
/// references (`del`, stores to module and global names), so that finalisers run
/// before the next statement as they would in CPython.
#[inline(always)]
pub fn poll(vm: &mut Vm) -> PyResult<()> {
    if is_set() {
        handle(vm)?;
    }
    Ok(())
}

/// Run pending finalisers (only those: it cannot fail), for points where no error can
/// be raised — a frame that returned to its caller, whose locals died with it.
#[inline(always)]
pub fn run_finalizers(vm: &mut Vm) {
    if BREAKER.load(Ordering::Relaxed) & FINALIZERS != 0 {
        super::finalize::run_pending(vm);
    }
}

/// Serve the pending requests (the slow path behind [`is_set`]). An error is raised in
/// the running frame as if its current instruction had raised it.
#[cold]
pub fn handle(vm: &mut Vm) -> PyResult<()> {
    let bits = BREAKER.load(Ordering::Relaxed);
    if bits & GC != 0 {
        clear(GC);
        crate::modules::gc::collect_automatic(vm);
    }
    if bits & FINALIZERS != 0 {
        super::finalize::run_pending(vm);
    }
    if bits & GIL_DROP_REQUEST != 0 {
        super::gil::switch(vm);
    }
    if bits & TRACING != 0 {
        clear(TRACING);
    }
    if bits & SIGNALS != 0 {
        crate::modules::signal::run_handlers(vm)?;
    }
    Ok(())
}
