//! Interpreter-wide storage and thread crossings guarded by the interpreter lock (the
//! GIL, `interp::gil`): `GilStatic` (a `static` shared by all threads) and `GilSend`
//! (a value handed to a new OS thread).
//!
//! Both rest on one rule (DESIGN.md §7): Python objects, reference counts and the
//! interpreter's tables are only touched by the thread holding the GIL. Code that runs
//! with the GIL released (`Vm::allow_threads`) only sees `Send` data.

use std::cell::LazyCell;
use std::ops::Deref;

/// Interpreter-wide state in a `static`: one value for all threads (unlike
/// `thread_local!`), initialised on first use. Used like a thread-local (`X.with(...)`),
/// so a per-thread table becomes shared by changing its declaration only.
pub struct GilStatic<T> {
    cell: LazyCell<T, fn() -> T>,
}

// SAFETY: a `GilStatic` is only used by interpreter code, which runs with the GIL held;
// the closures run with the GIL released (`Vm::allow_threads`) never use one (they are
// kept to plain system calls on `Send` data). So one thread at a time touches the value
// (including its lazy initialisation), and the GIL's mutex orders successive holders.
unsafe impl<T> Sync for GilStatic<T> {}

impl<T> GilStatic<T> {
    pub const fn new(init: fn() -> T) -> GilStatic<T> {
        GilStatic { cell: LazyCell::new(init) }
    }

    /// Run `f` on the value (the `LocalKey::with` shape).
    #[inline]
    pub fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        f(&self.cell)
    }
}

impl<T> Deref for GilStatic<T> {
    type Target = T;
    #[inline]
    fn deref(&self) -> &T {
        &self.cell
    }
}

/// A value moved to another OS thread that will only use it with the GIL held (the
/// function and arguments of `_thread.start_new_thread`, the interpreter pointer).
pub struct GilSend<T>(T);

// SAFETY: the receiving thread only opens the value (`into_inner`) after taking the GIL,
// and the sending thread gave up every handle it moved in; so the non-atomic reference
// counts and cells inside are never used by two threads at once.
unsafe impl<T> Send for GilSend<T> {}

impl<T> GilSend<T> {
    pub fn new(value: T) -> GilSend<T> {
        GilSend(value)
    }

    /// The value; call only with the GIL held.
    pub fn into_inner(self) -> T {
        self.0
    }
}
