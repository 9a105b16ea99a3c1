//! The `_thread` module (CPython's Modules/_threadmodule.c) for a VM that runs one
//! thread: `lock`/`RLock` with CPython's acquire/release rules, `get_ident`,
//! `get_native_id`, `_local`, `_count`, `stack_size`, `TIMEOUT_MAX`, `error`.
//!
//! Limitation: `start_new_thread` raises RuntimeError (the VM cannot run a second
//! thread yet). Because no other thread can release a held lock, a blocking acquire of
//! a held lock waits out its timeout and fails; without a timeout it raises RuntimeError
//! instead of deadlocking.

use super::util::{native_type, new_module_with, set, state_of};
use crate::object::{Slots, TypeFlags, Value};
use crate::types::methods::{method, MethodDef};
use crate::vm::{PyResult, Vm};
use std::cell::Cell;

/// The state of a `lock` or `RLock`: owner thread id and recursion count (0 = free).
#[derive(Default)]
struct Lock {
    owner: Cell<u64>,
    count: Cell<u64>,
    reentrant: bool,
}

/// PY_TIMEOUT_MAX in seconds, as CPython reports it on 64-bit Linux.
const TIMEOUT_MAX: f64 = 9223372036.0;

/// The id of the running thread (`pthread_self`, as CPython's PyThread_get_thread_ident).
fn ident() -> u64 {
    crate::interp::os_signal::current_thread()
}

fn native_id() -> i64 {
    std::process::id() as i64
}

fn lock_state<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a Lock> {
    state_of::<Lock>(vm, v, "_thread.lock")
}

// lock_acquire_parse_args
fn timeout_arg(vm: &mut Vm, blocking: &Value, timeout: &Value) -> PyResult<Option<f64>> {
    let blocking = vm.is_true(blocking)?;
    let t = if timeout.is_null() { -1.0 } else { vm.call_positional(&Value::Obj(vm.types.float.clone()), std::slice::from_ref(timeout)).map(|f| crate::types::float::float_arg(&f).unwrap_or(-1.0))? };
    if !blocking && t != -1.0 {
        return Err(vm.new_value_error("can't specify a timeout for a non-blocking call"));
    }
    if t < 0.0 && t != -1.0 {
        return Err(vm.new_value_error("timeout value must be a non-negative number"));
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
    let me = ident();
    if l.count.get() == 0 {
        l.owner.set(me);
        l.count.set(1);
        return Ok(Value::Bool(true));
    }
    if l.reentrant && l.owner.get() == me {
        l.count.set(l.count.get() + 1);
        return Ok(Value::Bool(true));
    }
    match wait {
        Some(secs) => {
            std::thread::sleep(std::time::Duration::from_secs_f64(secs));
            Ok(Value::Bool(false))
        }
        None => Err(vm.new_runtime_error("lock is held and no other thread can release it (krait runs one thread)")),
    }
}

fn release(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let l = lock_state(vm, &a[0])?;
    if l.reentrant {
        if l.count.get() == 0 || l.owner.get() != ident() {
            return Err(vm.new_runtime_error("cannot release un-acquired lock"));
        }
    } else if l.count.get() == 0 {
        return Err(vm.new_runtime_error("release unlocked lock"));
    }
    l.count.set(l.count.get() - 1);
    Ok(Value::None)
}

fn exit(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    release(vm, &a[..1])
}

fn lock_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let l = lock_state(vm, v)?;
    let addr = v.as_obj().map(|o| o.addr()).unwrap_or(0);
    let tn = vm.type_name(v);
    let text = if l.reentrant {
        let (owner, count) = if l.count.get() == 0 { (0, 0) } else { (l.owner.get(), l.count.get()) };
        let st = if count > 0 { "locked" } else { "unlocked" };
        format!("<{st} _thread.{tn} object owner={owner} count={count} at {addr:#x}>")
    } else {
        let st = if l.count.get() > 0 { "locked" } else { "unlocked" };
        format!("<{st} _thread.{tn} object at {addr:#x}>")
    };
    Ok(vm.new_str(&text))
}

const LOCK_METHODS: &[MethodDef] = &[
    method("acquire", "(self, blocking=True, timeout=?)", acquire),
    method("acquire_lock", "(self, blocking=True, timeout=?)", acquire),
    method("__enter__", "(self, blocking=True, timeout=?)", acquire),
    method("release", "(self, /)", release),
    method("release_lock", "(self, /)", release),
    method("__exit__", "(self, *args)", exit),
    method("locked", "(self, /)", |vm, a| Ok(Value::Bool(lock_state(vm, &a[0])?.count.get() > 0))),
    method("locked_lock", "(self, /)", |vm, a| Ok(Value::Bool(lock_state(vm, &a[0])?.count.get() > 0))),
    method("_at_fork_reinit", "(self, /)", |vm, a| {
        lock_state(vm, &a[0])?.count.set(0);
        Ok(Value::None)
    }),
];

const RLOCK_METHODS: &[MethodDef] = &[
    method("acquire", "(self, blocking=True, timeout=?)", acquire),
    method("__enter__", "(self, blocking=True, timeout=?)", acquire),
    method("release", "(self, /)", release),
    method("__exit__", "(self, *args)", exit),
    method("_is_owned", "(self, /)", |vm, a| {
        let l = lock_state(vm, &a[0])?;
        Ok(Value::Bool(l.count.get() > 0 && l.owner.get() == ident()))
    }),
    // rlock_release_save: fully release, returning (count, owner).
    method("_release_save", "(self, /)", |vm, a| {
        let l = lock_state(vm, &a[0])?;
        if l.count.get() == 0 {
            return Err(vm.new_runtime_error("cannot release un-acquired lock"));
        }
        let (count, owner) = (l.count.replace(0), l.owner.get());
        Ok(vm.new_tuple(vec![Value::Int(count as i64), Value::Int(owner as i64)]))
    }),
    // rlock_acquire_restore
    method("_acquire_restore", "(self, state, /)", |vm, a| {
        let items = crate::builtins::tuple_items(&a[1]).to_vec();
        let l = lock_state(vm, &a[0])?;
        if let [Value::Int(count), Value::Int(owner)] = items.as_slice() {
            l.count.set(*count as u64);
            l.owner.set(*owner as u64);
        }
        Ok(Value::None)
    }),
    method("_at_fork_reinit", "(self, /)", |vm, a| {
        lock_state(vm, &a[0])?.count.set(0);
        Ok(Value::None)
    }),
];

fn new_lock(vm: &mut Vm, cls: &crate::object::PyRef, reentrant: bool) -> Value {
    vm.wrap(crate::object::Payload::Native(Box::new(Lock { reentrant, ..Lock::default() })), cls)
}

fn module_type(vm: &mut Vm, name: &str) -> PyResult<crate::object::PyRef> {
    let m = super::builtin_module(vm, "_thread").ok_or_else(|| vm.new_system_error("_thread missing"))?;
    let t = vm.get_attr_str(&Value::Obj(m), name)?;
    t.as_obj().cloned().ok_or_else(|| vm.new_system_error("bad _thread type"))
}

fn allocate_lock(vm: &mut Vm, _a: &[Value]) -> PyResult<Value> {
    let t = module_type(vm, "LockType")?;
    Ok(new_lock(vm, &t, false))
}

fn start_new_thread(vm: &mut Vm, _a: &[Value]) -> PyResult<Value> {
    Err(vm.new_runtime_error("can't start new thread: krait runs Python code on one thread only"))
}

fn stack_size(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    match &a[0] {
        Value::Null | Value::Int(0) => Ok(Value::Int(0)),
        Value::Int(n) if *n < 32768 => Err(vm.new_value_error("size not valid: 32768 bytes")),
        Value::Int(_) => Ok(Value::Int(0)),
        v => {
            let n = vm.type_name(v);
            Err(vm.new_type_error(format!("'{n}' object cannot be interpreted as an integer")))
        }
    }
}

/// Build the `_thread` module.
pub fn make_module(vm: &mut Vm) -> crate::object::PyRef {
    let m = new_module_with(vm, "_thread", &[
        method("allocate_lock", "()", allocate_lock),
        method("allocate", "()", allocate_lock),
        method("get_ident", "()", |_, _| Ok(Value::Int(ident() as i64))),
        method("get_native_id", "()", |_, _| Ok(Value::Int(native_id()))),
        method("start_new_thread", "(function, args, kwargs=?, /)", start_new_thread),
        method("start_new", "(function, args, kwargs=?, /)", start_new_thread),
        method("_count", "()", |_, _| Ok(Value::Int(0))),
        method("stack_size", "(size=?, /)", stack_size),
        method("interrupt_main", "(signum=2, /)", crate::modules::signal::interrupt_main),
        method("daemon_threads_allowed", "()", |_, _| Ok(Value::Bool(true))),
        method("exit", "()", |vm, _| {
            let se = vm.exc.system_exit.clone();
            Err(vm.new_exception(&se, vec![]))
        }),
        method("_set_sentinel", "()", allocate_lock),
    ]);
    let lock_slots = Slots { repr: Some(lock_repr), ..Slots::default() };
    let lock = native_type(vm, "_thread", "lock", None, lock_slots, LOCK_METHODS);
    let rlock_slots = Slots { repr: Some(lock_repr), new: Some(|vm, cls, _| Ok(new_lock(vm, cls, true))), ..Slots::default() };
    let rlock = native_type(vm, "_thread", "RLock", None, rlock_slots, RLOCK_METHODS);
    let local = vm.new_builtin_type("_local", None, Slots::default(), TypeFlags::BASETYPE | TypeFlags::HAS_DICT);
    let modname = vm.new_str("_thread");
    vm.set_type_attr(&local, "__module__", modname);
    set(vm, &m, "LockType", Value::Obj(lock));
    set(vm, &m, "RLock", Value::Obj(rlock));
    set(vm, &m, "_local", Value::Obj(local));
    set(vm, &m, "TIMEOUT_MAX", Value::Float(TIMEOUT_MAX));
    set(vm, &m, "error", Value::Obj(vm.exc.runtime_error.clone()));
    m
}
