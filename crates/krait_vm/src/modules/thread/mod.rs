//! The `_thread` module (CPython's Modules/_threadmodule.c): `start_new_thread` runs a
//! function on a new OS thread that takes turns with the others under the interpreter
//! lock (`interp::gil`); locks (`lock.rs`), thread-local objects (`local.rs`),
//! `get_ident`, `get_native_id`, `_count`, `_set_sentinel`, `interrupt_main`,
//! `stack_size`, `TIMEOUT_MAX`, `error`.

mod local;
mod lock;

use super::util::{native_type, new_module_with, set};
use crate::interp::gil;
use crate::object::{GilStatic, PyRef, Slots, TypeFlags, Value};
use crate::types::methods::method;
use crate::vm::{PyErr, PyResult, Vm};
use lock::Lock;
use std::cell::RefCell;
use std::collections::HashMap;
use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};

/// PY_TIMEOUT_MAX in seconds, as CPython reports it on 64-bit Linux.
const TIMEOUT_MAX: f64 = 9223372036.0;

/// The ident of the thread that made the module (the main thread).
/// Threads started by `start_new_thread` and still running (`_count`).
static COUNT: AtomicUsize = AtomicUsize::new(0);
/// `stack_size()`: the stack size for new threads (0: the default).
static STACK_SIZE: AtomicUsize = AtomicUsize::new(0);
/// The stack of threads when `stack_size` was not set: generous, because native code
/// calling back into Python recurses on it (the recursion guard keeps a reserve).
const DEFAULT_STACK: usize = 64 << 20;
/// The `_set_sentinel` locks of running threads, released when the thread ends.
static SENTINELS: GilStatic<RefCell<HashMap<u64, Vec<PyRef>>>> = GilStatic::new(|| RefCell::new(HashMap::new()));

/// Whether the running thread is the main thread.
pub fn is_main_thread() -> bool {
    crate::interp::os_signal::is_main_thread()
}

/// Whether threads started by `start_new_thread` are still running.
pub fn threads_running() -> bool {
    COUNT.load(Ordering::Relaxed) > 0
}

fn module_type(vm: &mut Vm, name: &str) -> PyResult<PyRef> {
    let m = super::builtin_module(vm, "_thread").ok_or_else(|| vm.new_system_error("_thread missing"))?;
    let t = vm.get_attr_str(&Value::Obj(m), name)?;
    t.as_obj().cloned().ok_or_else(|| vm.new_system_error("bad _thread type"))
}

fn new_lock(vm: &mut Vm, cls: &PyRef, reentrant: bool) -> Value {
    vm.wrap(crate::object::Payload::Native(Box::new(Lock::new(reentrant))), cls)
}

fn allocate_lock(vm: &mut Vm, _a: &[Value]) -> PyResult<Value> {
    let t = module_type(vm, "LockType")?;
    Ok(new_lock(vm, &t, false))
}

// thread_PyThread_start_new_thread
fn start_new_thread(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (func, args, kwargs) = (a[0].clone(), a[1].clone(), a[2].clone());
    if !crate::builtins::introspection::is_callable(vm, &func) {
        return Err(vm.new_type_error("first arg must be callable"));
    }
    let Some(items) = args.as_obj().and_then(|o| o.as_tuple()) else {
        return Err(vm.new_type_error("2nd arg must be a tuple"));
    };
    let mut argv = items.to_vec();
    let mut kwnames = Vec::new();
    if !kwargs.is_null() {
        let Some(d) = kwargs.as_obj().and_then(|o| o.as_dict()) else {
            return Err(vm.new_type_error("optional 3rd arg must be a dictionary"));
        };
        for (_, e) in d.borrow().iter() {
            kwnames.push(e.key.clone());
            argv.push(e.value.clone());
        }
        if kwnames.iter().any(|k| !matches!(k, Value::Obj(o) if o.as_str().is_some())) {
            return Err(vm.new_type_error("keywords must be strings"));
        }
    }
    COUNT.fetch_add(1, Ordering::Relaxed);
    let body = Box::new(move |vm: &mut Vm| thread_run(vm, func, argv, kwnames));
    let size = match STACK_SIZE.load(Ordering::Relaxed) {
        0 => DEFAULT_STACK,
        n => n,
    };
    match gil::spawn(vm, size, body) {
        Ok(ident) => Ok(Value::Int(ident as i64)),
        Err(_) => {
            COUNT.fetch_sub(1, Ordering::Relaxed);
            Err(vm.new_runtime_error("can't start new thread"))
        }
    }
}

/// The body of a thread started by `start_new_thread` (thread_run): call the
/// function, report an exception other than SystemExit as unraisable, then end the
/// thread's state (release its sentinel locks, drop its `_local` dicts).
fn thread_run(vm: &mut Vm, func: Value, argv: Vec<Value>, kwnames: Vec<Value>) {
    let r = vm.call(&func, crate::object::Args { args: &argv, kwnames: &kwnames });
    drop(argv);
    if let Err(e) = r {
        let exit = vm.exc.system_exit.clone();
        if !vm.is_subtype(&e.0.class(), &exit) {
            report_unraisable(vm, &func, &e);
        }
    }
    drop(func);
    let me = gil::current_ident();
    let sentinels = SENTINELS.borrow_mut().remove(&me).unwrap_or_default();
    for s in &sentinels {
        if let Some(l) = s.native::<Lock>() {
            if l.locked() {
                l.release();
            }
        }
    }
    drop(sentinels);
    local::thread_ended(me);
    COUNT.fetch_sub(1, Ordering::Relaxed);
}

/// "Exception ignored in thread started by: <func>" and the traceback, on stderr.
fn report_unraisable(vm: &mut Vm, func: &Value, e: &PyErr) {
    let _ = crate::builtins::stdio::flush_stdout();
    let what = vm.repr(func).ok().and_then(|s| s.as_str().map(|s| s.as_str().to_string())).unwrap_or_default();
    let text = crate::exceptions::format_exception(vm, &e.0);
    let mut stderr = std::io::stderr().lock();
    let _ = write!(stderr, "Exception ignored in thread started by: {what}\n{text}");
    let _ = stderr.flush();
}

// thread__set_sentinel: a lock (threading acquires it) released when the calling
// thread ends.
fn set_sentinel(vm: &mut Vm, _a: &[Value]) -> PyResult<Value> {
    let t = module_type(vm, "LockType")?;
    let l = new_lock(vm, &t, false);
    if let Some(o) = l.as_obj() {
        SENTINELS.borrow_mut().entry(gil::current_ident()).or_default().push(o.clone());
    }
    Ok(l)
}

// thread_stack_size
fn stack_size(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let old = STACK_SIZE.load(Ordering::Relaxed) as i64;
    match &a[0] {
        Value::Null => {}
        Value::Int(n) if *n == 0 => STACK_SIZE.store(0, Ordering::Relaxed),
        Value::Int(n) if *n < 0 => return Err(vm.new_value_error("size must be 0 or a positive value")),
        Value::Int(n) if *n < 32768 => return Err(vm.new_value_error(format!("size not valid: {n} bytes"))),
        Value::Int(n) => STACK_SIZE.store(*n as usize, Ordering::Relaxed),
        v => {
            let n = vm.type_name(v);
            return Err(vm.new_type_error(format!("'{n}' object cannot be interpreted as an integer")));
        }
    }
    Ok(Value::Int(old))
}

/// wait_for_thread_shutdown: at exit, `threading._shutdown()` joins the non-daemon
/// threads (when threading was imported).
pub fn wait_for_thread_shutdown(vm: &mut Vm) {
    let key = vm.new_str("threading");
    let modules = vm.modules.clone();
    let Ok(Some(threading)) = crate::types::dict_ops::get_item(vm, &modules, &key) else { return };
    let r = vm.get_attr_str(&threading, "_shutdown").and_then(|f| vm.call_positional(&f, &[]));
    if let Err(e) = r {
        let _ = crate::builtins::stdio::flush_stdout();
        let text = crate::exceptions::format_exception(vm, &e.0);
        let mut stderr = std::io::stderr().lock();
        let _ = write!(stderr, "Exception ignored on threading shutdown:\n{text}");
        let _ = stderr.flush();
    }
}

fn native_id() -> i64 {
    rustix::thread::gettid().as_raw_nonzero().get() as i64
}

/// Build the `_thread` module.
pub fn make_module(vm: &mut Vm) -> PyRef {
    // (An embedding program that installed no signal handlers: the thread that first
    // imports `_thread` is the main one.)
    if crate::interp::os_signal::main_thread() == 0 {
        crate::interp::os_signal::set_main_thread();
    }
    let m = new_module_with(vm, "_thread", &[
        method("allocate_lock", "()", allocate_lock),
        method("allocate", "()", allocate_lock),
        method("get_ident", "()", |_, _| Ok(Value::Int(gil::current_ident() as i64))),
        method("get_native_id", "()", |_, _| Ok(Value::Int(native_id()))),
        method("start_new_thread", "(function, args, kwargs=?, /)", start_new_thread),
        method("start_new", "(function, args, kwargs=?, /)", start_new_thread),
        method("_count", "()", |_, _| Ok(Value::Int(COUNT.load(Ordering::Relaxed) as i64))),
        method("stack_size", "(size=?, /)", stack_size),
        method("interrupt_main", "(signum=?, /)", crate::modules::signal::interrupt_main),
        method("exit", "()", |vm, _| {
            let se = vm.exc.system_exit.clone();
            Err(vm.new_exception(&se, vec![]))
        }),
        method("exit_thread", "()", |vm, _| {
            let se = vm.exc.system_exit.clone();
            Err(vm.new_exception(&se, vec![]))
        }),
        method("_set_sentinel", "()", set_sentinel),
    ]);
    let lock_slots = Slots { repr: Some(lock::lock_repr), ..Slots::default() };
    let lock = native_type(vm, "_thread", "lock", None, lock_slots, lock::LOCK_METHODS);
    let rlock_slots = Slots { repr: Some(lock::lock_repr), new: Some(|vm, cls, _| Ok(new_lock(vm, cls, true))), ..Slots::default() };
    let rlock = native_type(vm, "_thread", "RLock", None, rlock_slots, lock::RLOCK_METHODS);
    let local_slots = Slots { new: Some(local::local_new), getattro: Some(local::local_getattro), setattro: Some(local::local_setattro), ..Slots::default() };
    let local = vm.new_builtin_type("_local", None, local_slots, TypeFlags::BASETYPE | TypeFlags::HAS_DICT);
    let modname = vm.new_str("_thread");
    vm.set_type_attr(&local, "__module__", modname);
    set(vm, &m, "LockType", Value::Obj(lock));
    set(vm, &m, "RLock", Value::Obj(rlock));
    set(vm, &m, "_local", Value::Obj(local));
    set(vm, &m, "TIMEOUT_MAX", Value::Float(TIMEOUT_MAX));
    set(vm, &m, "error", Value::Obj(vm.exc.runtime_error.clone()));
    m
}
