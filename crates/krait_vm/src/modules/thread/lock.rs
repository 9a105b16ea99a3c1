//! `_thread.lock` and `_thread.RLock` (CPython's lock_* and rlock_* in
//! Modules/_threadmodule.c): an owner and a count under a mutex, and blocking acquires
//! that wait with the interpreter lock released until another thread releases.

use super::TIMEOUT_MAX;
use crate::interp::{breaker, gil};
use crate::modules::util::state_of;
use crate::object::Value;
use crate::types::methods::{method, MethodDef};
use crate::vm::{PyResult, Vm};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// Owner thread ident and recursion count (0 = free).
#[derive(Default)]
struct Held {
    owner: u64,
    count: u64,
}

/// The state of a `lock` or `RLock`.
#[derive(Default)]
pub struct Lock {
    held: Mutex<Held>,
    /// Signalled when the count drops to zero.
    freed: Condvar,
    reentrant: bool,
}

/// How a wait for a lock ended.
enum Waited {
    Acquired,
    TimedOut,
    /// The main thread has requests to serve (a signal): serve them and wait again.
    Interrupted,
}

/// How often the main thread, waiting for a lock, looks for pending signals.
const MAIN_POLL: Duration = Duration::from_millis(20);

impl Lock {
    pub fn new(reentrant: bool) -> Lock {
        Lock { reentrant, ..Lock::default() }
    }

    fn held(&self) -> MutexGuard<'_, Held> {
        self.held.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Take the lock if free (or, for an RLock, already ours): Some(acquired), or None
    /// when the count would overflow.
    fn try_acquire(&self, me: u64) -> Option<bool> {
        let mut h = self.held();
        if h.count == 0 {
            h.owner = me;
            h.count = 1;
            return Some(true);
        }
        if self.reentrant && h.owner == me {
            h.count = h.count.checked_add(1)?;
            return Some(true);
        }
        Some(false)
    }

    /// Wait (with the interpreter lock released) until the lock is free and take it.
    fn wait_acquire(&self, me: u64, deadline: Option<Instant>, main: bool) -> Waited {
        let mut h = self.held();
        loop {
            if h.count == 0 {
                h.owner = me;
                h.count = 1;
                return Waited::Acquired;
            }
            let now = Instant::now();
            let mut wait = match deadline {
                Some(d) if d <= now => return Waited::TimedOut,
                Some(d) => d - now,
                None => Duration::from_secs(3600),
            };
            if main {
                wait = wait.min(MAIN_POLL);
            }
            h = self.freed.wait_timeout(h, wait).unwrap_or_else(|e| e.into_inner()).0;
            if main && h.count != 0 && breaker::pending() & !breaker::GIL_DROP_REQUEST != 0 {
                return Waited::Interrupted;
            }
        }
    }

    /// acquire_timed: take the lock, waiting at most `timeout` seconds (None: for ever);
    /// whether it was taken. Pending signals are served while the main thread waits.
    pub fn acquire(&self, vm: &mut Vm, timeout: Option<f64>) -> PyResult<bool> {
        let me = gil::current_ident();
        match self.try_acquire(me) {
            Some(true) => return Ok(true),
            Some(false) => {}
            None => return Err(vm.new_overflow_error("Internal lock count overflowed")),
        }
        if timeout == Some(0.0) {
            return Ok(false);
        }
        let deadline = timeout.map(|t| Instant::now() + Duration::from_secs_f64(t));
        let main = super::is_main_thread();
        loop {
            match vm.allow_threads(|| self.wait_acquire(me, deadline, main)) {
                Waited::Acquired => return Ok(true),
                Waited::TimedOut => return Ok(false),
                Waited::Interrupted => breaker::handle(vm)?,
            }
        }
    }

    /// Give up one level of ownership; false when the lock was not held (by this
    /// thread, for an RLock).
    pub fn release(&self) -> bool {
        let mut h = self.held();
        if h.count == 0 || (self.reentrant && h.owner != gil::current_ident()) {
            return false;
        }
        h.count -= 1;
        if h.count == 0 {
            h.owner = 0;
            drop(h);
            self.freed.notify_one();
        }
        true
    }

    pub fn locked(&self) -> bool {
        self.held().count > 0
    }

    /// rlock_release_save: release completely, returning (count, owner).
    fn release_all(&self) -> Option<(u64, u64)> {
        let mut h = self.held();
        if h.count == 0 || h.owner != gil::current_ident() {
            return None;
        }
        let saved = (std::mem::take(&mut h.count), std::mem::take(&mut h.owner));
        drop(h);
        self.freed.notify_one();
        Some(saved)
    }

    fn set_held(&self, owner: u64, count: u64) {
        let mut h = self.held();
        h.owner = owner;
        h.count = count;
    }

    fn reinit(&self) {
        self.set_held(0, 0);
    }
}

fn lock_state<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a Lock> {
    state_of::<Lock>(vm, v, "_thread.lock")
}

// lock_acquire_parse_args: None waits for ever, Some(0.0) does not wait.
fn timeout_arg(vm: &mut Vm, blocking: &Value, timeout: &Value) -> PyResult<Option<f64>> {
    let blocking = vm.is_true(blocking)?;
    let t = if timeout.is_null() { -1.0 } else { vm.call_positional(&Value::Obj(vm.types.float.clone()), std::slice::from_ref(timeout)).map(|f| crate::types::float::float_arg(&f).unwrap_or(-1.0))? };
    if !blocking && t != -1.0 {
        return Err(vm.new_value_error("can't specify a timeout for a non-blocking call"));
    }
    if t < 0.0 && t != -1.0 {
        return Err(vm.new_value_error("timeout value must be positive"));
    }
    if t > TIMEOUT_MAX {
        return Err(vm.new_overflow_error("timeout value is too large"));
    }
    Ok(if !blocking { Some(0.0) } else if t < 0.0 { None } else { Some(t) })
}

// lock_PyThread_acquire_lock / rlock_acquire
fn acquire(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let wait = timeout_arg(vm, &a[1], &a[2])?;
    let l = lock_state(vm, &a[0])?;
    Ok(Value::Bool(l.acquire(vm, wait)?))
}

// lock_PyThread_release_lock / rlock_release
fn release(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let l = lock_state(vm, &a[0])?;
    if !l.release() {
        let msg = if l.reentrant { "cannot release un-acquired lock" } else { "release unlocked lock" };
        return Err(vm.new_runtime_error(msg));
    }
    Ok(Value::None)
}

fn exit(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    release(vm, &a[..1])
}

pub fn lock_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let l = lock_state(vm, v)?;
    let addr = v.as_obj().map(|o| o.addr()).unwrap_or(0);
    let tn = vm.type_name(v);
    let (owner, count) = {
        let h = l.held();
        (h.owner, h.count)
    };
    let st = if count > 0 { "locked" } else { "unlocked" };
    let text = if l.reentrant {
        format!("<{st} _thread.{tn} object owner={owner} count={count} at {addr:#x}>")
    } else {
        format!("<{st} _thread.{tn} object at {addr:#x}>")
    };
    Ok(vm.new_str(&text))
}

fn locked(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    Ok(Value::Bool(lock_state(vm, &a[0])?.locked()))
}

fn at_fork_reinit(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    lock_state(vm, &a[0])?.reinit();
    Ok(Value::None)
}

pub const LOCK_METHODS: &[MethodDef] = &[
    method("acquire", "(self, blocking=True, timeout=?)", acquire),
    method("acquire_lock", "(self, blocking=True, timeout=?)", acquire),
    method("__enter__", "(self, blocking=True, timeout=?)", acquire),
    method("release", "(self, /)", release),
    method("release_lock", "(self, /)", release),
    method("__exit__", "(self, *args)", exit),
    method("locked", "(self, /)", locked),
    method("locked_lock", "(self, /)", locked),
    method("_at_fork_reinit", "(self, /)", at_fork_reinit),
];

pub const RLOCK_METHODS: &[MethodDef] = &[
    method("acquire", "(self, blocking=True, timeout=?)", acquire),
    method("__enter__", "(self, blocking=True, timeout=?)", acquire),
    method("release", "(self, /)", release),
    method("__exit__", "(self, *args)", exit),
    method("_is_owned", "(self, /)", |vm, a| {
        let l = lock_state(vm, &a[0])?;
        let h = l.held();
        Ok(Value::Bool(h.count > 0 && h.owner == gil::current_ident()))
    }),
    // rlock_recursion_count: the count when this thread owns the lock, else 0.
    method("_recursion_count", "(self, /)", |vm, a| {
        let l = lock_state(vm, &a[0])?;
        let h = l.held();
        Ok(Value::Int(if h.owner == gil::current_ident() { h.count as i64 } else { 0 }))
    }),
    method("_release_save", "(self, /)", |vm, a| {
        let l = lock_state(vm, &a[0])?;
        let Some((count, owner)) = l.release_all() else { return Err(vm.new_runtime_error("cannot release un-acquired lock")) };
        Ok(vm.new_tuple(vec![Value::Int(count as i64), Value::Int(owner as i64)]))
    }),
    // rlock_acquire_restore: wait for the lock, then take back the saved ownership.
    method("_acquire_restore", "(self, state, /)", |vm, a| {
        let items = crate::builtins::tuple_items(&a[1]).to_vec();
        let l = lock_state(vm, &a[0])?;
        let [Value::Int(count), Value::Int(owner)] = items.as_slice() else {
            return Err(vm.new_type_error("_acquire_restore() argument 1 must be a (count, owner) tuple"));
        };
        l.acquire(vm, None)?;
        l.set_held(*owner as u64, *count as u64);
        Ok(Value::None)
    }),
    method("_at_fork_reinit", "(self, /)", at_fork_reinit),
];
