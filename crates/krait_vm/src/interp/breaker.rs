//! The eval breaker (CPython's `eval_breaker`): one word of request bits that makes the
//! interpreter loop leave its fast path at a safe point — each backward jump and each
//! call — and run [`handle`] before going on.
//!
//! Whoever needs the loop's attention sets a bit: dropped generators waiting to be
//! closed ([`FINALIZERS`]), signals received whose Python handlers must run ([`SIGNALS`]),
//! a change of trace function ([`TRACING`]). The word is atomic so that code running outside the loop's
//! thread (an OS signal handler, another thread) may set bits too.

use crate::vm::{PyResult, Vm};
use std::sync::atomic::{AtomicU32, Ordering};

/// The pending requests; zero when the loop has nothing to do but run.
static BREAKER: AtomicU32 = AtomicU32::new(0);

/// Objects freed while the loop could not run Python code wait for finalisation
/// (suspended generators to close).
pub const FINALIZERS: u32 = 1;

/// A signal arrived (set by the OS-level handler in `os_signal`): its Python handler
/// runs on the main thread.
pub const SIGNALS: u32 = 2;

/// A trace or profile function was set or removed: the running frame switches to the
/// other variant of the loop at its next call (see trace.rs).
pub const TRACING: u32 = 4;

/// Whether any request is pending (one relaxed load: checked on every call and loop).
#[inline(always)]
pub fn is_set() -> bool {
    BREAKER.load(Ordering::Relaxed) != 0
}

/// Ask the loop to attend to `bit` at its next safe point.
pub fn set(bit: u32) {
    BREAKER.fetch_or(bit, Ordering::Relaxed);
}

/// Withdraw a request (its owner found nothing left to do).
pub fn clear(bit: u32) {
    BREAKER.fetch_and(!bit, Ordering::Relaxed);
}

/// Serve the pending requests (the slow path behind [`is_set`]). An error is raised in
/// the running frame as if its current instruction had raised it.
#[cold]
pub fn handle(vm: &mut Vm) -> PyResult<()> {
    let bits = BREAKER.load(Ordering::Relaxed);
    if bits & FINALIZERS != 0 {
        crate::types::gen_finalize::run_pending(vm);
    }
    if bits & TRACING != 0 {
        clear(TRACING);
    }
    if bits & SIGNALS != 0 {
        crate::modules::signal::run_handlers(vm)?;
    }
    Ok(())
}
