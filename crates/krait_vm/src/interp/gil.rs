//! The global interpreter lock (CPython's Python/ceval_gil.c): Python code runs on one
//! OS thread at a time, threads take turns, and blocking calls run with the lock
//! released (`Vm::allow_threads`).
//!
//! Until a second thread starts the lock is not used at all: the only thread holds it
//! implicitly and `allow_threads` just calls its closure. `_thread.start_new_thread`
//! turns it on ([`spawn`]). From then on a thread waiting for the lock longer than the
//! switch interval sets `breaker::GIL_DROP_REQUEST`; the holder serves it at its next
//! safe point ([`switch`]) by releasing the lock and waiting until another thread has
//! taken it (FORCE_SWITCHING), so a busy thread cannot starve the others.
//!
//! One `Vm` serves every thread. Its per-thread parts (frame stack, handled exception,
//! native recursion depth and stack bounds, the current contextvars Context) belong to
//! the thread holding the lock: a thread saves them ([`ThreadState`]) when it lets the
//! lock go and puts them back when it takes the lock again.

use super::breaker;
use super::frame::Frame;
use crate::object::{GilSend, Value};
use crate::vm::Vm;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::Duration;

/// Whether a second thread was ever started (the lock is in use).
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// Set at interpreter exit: the main thread keeps the lock for good, so daemon threads
/// stop at their next attempt to take it.
static FINALIZING: AtomicBool = AtomicBool::new(false);
/// `sys.setswitchinterval`, in microseconds.
static INTERVAL_US: AtomicU64 = AtomicU64::new(5000);

struct GilState {
    locked: bool,
    /// Incremented each time a thread takes the lock.
    switch_number: u64,
}

struct Gil {
    state: Mutex<GilState>,
    /// Signalled when the lock is released.
    released: Condvar,
    /// Signalled when a thread takes the lock (a forced switch waits for it).
    taken: Condvar,
}

static GIL: Gil = Gil { state: Mutex::new(GilState { locked: false, switch_number: 0 }), released: Condvar::new(), taken: Condvar::new() };

/// Keys of `Vm::native_state` that CPython keeps in the thread state.
const PER_THREAD_NATIVE: &[&str] = &["_contextvars.current"];

fn lock_state() -> MutexGuard<'static, GilState> {
    GIL.state.lock().unwrap_or_else(|e| e.into_inner())
}

/// Whether more than one thread may run Python code (the lock is in use).
#[inline]
pub fn active() -> bool {
    ACTIVE.load(Ordering::Relaxed)
}

/// `sys.getswitchinterval()` in seconds.
pub fn switch_interval() -> f64 {
    INTERVAL_US.load(Ordering::Relaxed) as f64 * 1e-6
}

/// `sys.setswitchinterval(secs)` (the caller checked `secs > 0`).
pub fn set_switch_interval(secs: f64) {
    INTERVAL_US.store(((secs * 1e6) as u64).max(1), Ordering::Relaxed);
}

/// take_gil: wait for the lock, asking its holder to let go once a switch interval
/// passes without any thread taking it.
fn take_gil() {
    let mut g = lock_state();
    while g.locked {
        let seen = g.switch_number;
        let interval = Duration::from_micros(INTERVAL_US.load(Ordering::Relaxed));
        let (guard, timeout) = GIL.released.wait_timeout(g, interval).unwrap_or_else(|e| e.into_inner());
        g = guard;
        if timeout.timed_out() && g.locked && g.switch_number == seen {
            breaker::set(breaker::GIL_DROP_REQUEST);
        }
    }
    g.locked = true;
    g.switch_number += 1;
    breaker::clear(breaker::GIL_DROP_REQUEST);
    GIL.taken.notify_all();
}

/// drop_gil; with `forced` (serving a drop request) wait until another thread has taken
/// the lock, so this one cannot take it straight back.
fn drop_gil(forced: bool) {
    let mut g = lock_state();
    g.locked = false;
    GIL.released.notify_one();
    if forced {
        let seen = g.switch_number;
        while g.switch_number == seen {
            g = GIL.taken.wait(g).unwrap_or_else(|e| e.into_inner());
        }
    }
}

/// The per-thread parts of the `Vm` of a thread not holding the lock.
#[derive(Default)]
pub struct ThreadState {
    frames: Vec<Box<Frame>>,
    exc_info: Value,
    native_depth: usize,
    stack_floor: usize,
    natives: Vec<(&'static str, Value)>,
}

impl ThreadState {
    /// Move the running thread's state out of `vm` (PyEval_SaveThread's half).
    fn take_from(vm: &mut Vm) -> ThreadState {
        let natives = PER_THREAD_NATIVE.iter().filter_map(|k| vm.native_state.remove(k).map(|v| (*k, v))).collect();
        ThreadState {
            frames: std::mem::take(&mut vm.frames),
            exc_info: std::mem::replace(&mut vm.exc_info, Value::None),
            native_depth: std::mem::take(&mut vm.native_depth),
            stack_floor: std::mem::take(&mut vm.stack_floor),
            natives,
        }
    }

    /// Install this state in `vm` (PyEval_RestoreThread's half).
    fn put_into(self, vm: &mut Vm) {
        vm.frames = self.frames;
        vm.exc_info = self.exc_info;
        vm.native_depth = self.native_depth;
        vm.stack_floor = self.stack_floor;
        vm.native_state.extend(self.natives);
    }
}


impl Vm {
    /// Run `f` — a blocking system call or wait that touches no Python object — with
    /// the interpreter lock released, so other threads run meanwhile
    /// (Py_BEGIN_ALLOW_THREADS / Py_END_ALLOW_THREADS).
    pub fn allow_threads<R, F: FnOnce() -> R + Send>(&mut self, f: F) -> R {
        if !active() || FINALIZING.load(Ordering::Relaxed) {
            return f();
        }
        let saved = ThreadState::take_from(self);
        drop_gil(false);
        let r = f();
        take_gil();
        saved.put_into(self);
        r
    }
}

/// Serve `GIL_DROP_REQUEST`: let a waiting thread run, then wait for the lock again.
pub fn switch(vm: &mut Vm) {
    if !active() || FINALIZING.load(Ordering::Relaxed) {
        breaker::clear(breaker::GIL_DROP_REQUEST);
        return;
    }
    let saved = ThreadState::take_from(vm);
    drop_gil(true);
    take_gil();
    saved.put_into(vm);
}

/// The interpreter is exiting: from now on the calling (main) thread keeps the lock.
pub fn finalize() {
    FINALIZING.store(true, Ordering::Relaxed);
}

/// The running thread's identifier (`_thread.get_ident`): unique among live threads.
pub fn current_ident() -> u64 {
    super::os_signal::current_thread()
}

/// Start an OS thread (with `stack_size` bytes of stack) that runs `body` with the
/// lock held and a frame stack of its own; returns the new thread's ident. The lock
/// is turned on by the first call.
pub fn spawn(vm: &mut Vm, stack_size: usize, body: Box<dyn FnOnce(&mut Vm)>) -> std::io::Result<u64> {
    if !ACTIVE.swap(true, Ordering::Relaxed) {
        // The calling thread has been holding the lock implicitly.
        let mut g = lock_state();
        g.locked = true;
        g.switch_number += 1;
    }
    let payload = GilSend::new((vm as *mut Vm, body));
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::Builder::new().stack_size(stack_size).spawn(move || {
        let _ = tx.send(current_ident());
        take_gil();
        let (vm, body) = payload.into_inner();
        // SAFETY: the `Vm` outlives every thread (the main thread never drops it while
        // other threads exist: see `finalize` and the `krait` binary), and this thread
        // holds the lock, so no other thread uses the `Vm` until it lets the lock go
        // (`allow_threads`, `switch`, or the end of this closure), each time handing the
        // per-thread state over through `ThreadState`.
        let vm: &mut Vm = unsafe { &mut *vm };
        ThreadState { stack_floor: crate::protocols::stack_floor(), ..ThreadState::default() }.put_into(vm);
        body(vm);
        drop(ThreadState::take_from(vm));
        drop_gil(false);
    })?;
    Ok(rx.recv().unwrap_or(0))
}
