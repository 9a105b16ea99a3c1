//! `_signal` functions over the OS's signal machinery: alarm, interval timers
//! (setitimer/getitimer, ItimerError), pause, raise_signal, pthread_kill, signal masks
//! (pthread_sigmask, sigpending) and synchronous waits (sigwait, sigwaitinfo,
//! sigtimedwait with `struct_siginfo`).

use super::{check_signals, os_err, retry_eintr, signum_arg};
use crate::interp::os_signal::{self, NSIG};
use crate::modules::structseq::{self, StructSeqDef};
use crate::modules::util::{add_functions, i64_arg, set};
use crate::object::{PyRef, Value};
use crate::types::methods::method;
use crate::vm::{PyResult, Vm};
use std::time::{Duration, Instant};

const STRUCT_SIGINFO: StructSeqDef = StructSeqDef {
    name: "signal.struct_siginfo",
    fields: &["si_signo", "si_code", "si_errno", "si_pid", "si_uid", "si_status", "si_band"],
    visible: 7,
    constructible: true,
};

/// A signal-number iterable as a list of numbers (CPython's `sigset_converter`): numbers
/// outside 1..NSIG are a ValueError; the C library's reserved ones are skipped with a
/// RuntimeWarning, so that `range(1, NSIG)` works.
fn sigset_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<i32>> {
    let mut out = Vec::new();
    for item in vm.collect(v)? {
        // An int too large is out of range too (CPython reports it as -1).
        let n = crate::types::int::index_of(vm, &item)?;
        let n = num_traits::ToPrimitive::to_i64(&n).unwrap_or(-1);
        if n <= 0 || n >= NSIG as i64 {
            return Err(vm.new_value_error(format!("signal number {n} out of range [1; {}]", NSIG - 1)));
        }
        if super::RESERVED.contains(&n) {
            let warnings = crate::import::import_module_level(vm, "warnings", None, &Value::None, 0)?;
            let warn = vm.get_attr_str(&warnings, "warn")?;
            let msg = vm.new_str(&format!("invalid signal number {n}, please use valid_signals()"));
            let cat = Value::Obj(vm.exc.runtime_warning.clone());
            vm.call_positional(&warn, &[msg, cat, Value::Int(2)])?;
            continue;
        }
        out.push(n as i32);
    }
    Ok(out)
}

/// A set of signal numbers.
fn int_set(vm: &mut Vm, signals: Vec<i32>) -> PyResult<Value> {
    let l = vm.new_list(signals.into_iter().map(|s| Value::Int(s as i64)).collect());
    vm.call_positional(&Value::Obj(vm.types.set.clone()), &[l])
}

/// Seconds as a float from an int or float argument.
fn seconds_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(f) = crate::types::float::float_arg(v) {
        return Ok(f);
    }
    match crate::types::int::bigint_of(v) {
        Some(b) => Ok(num_traits::ToPrimitive::to_f64(&b).unwrap_or(f64::INFINITY)),
        None => {
            let n = vm.type_name(v);
            Err(vm.new_type_error(format!("'{n}' object cannot be interpreted as an integer")))
        }
    }
}

// signal_alarm_impl
fn alarm(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let secs = i64_arg(vm, &a[0])?;
    let secs = u32::try_from(secs).map_err(|_| vm.new_overflow_error("signed integer is greater than maximum"))?;
    Ok(Value::Int(os_signal::alarm(secs) as i64))
}

// signal_pause_impl: returns once a handler has run (and raises what it raised).
fn pause(vm: &mut Vm, _: &[Value]) -> PyResult<Value> {
    let _ = os_signal::pause();
    check_signals(vm)?;
    Ok(Value::None)
}

// signal_raise_signal_impl
fn raise_signal(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let n = signum_arg(vm, &a[0])?;
    os_signal::raise(n as i32).map_err(|e| os_err(vm, &e))?;
    check_signals(vm)?;
    Ok(Value::None)
}

// signal_pthread_kill_impl. Only the calling thread and the main thread are known to be
// alive: a pthread_t of a finished thread must never reach pthread_kill.
fn pthread_kill(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let tid = crate::types::int::index_of(vm, &a[0])?;
    let tid = num_traits::ToPrimitive::to_u64(&tid).ok_or_else(|| vm.new_overflow_error("Python int too large to convert to C unsigned long"))?;
    let sig = i64_arg(vm, &a[1])?;
    let sig = i32::try_from(sig).map_err(|_| vm.new_overflow_error("signed integer is greater than maximum"))?;
    if tid != os_signal::current_thread() && tid != os_signal::main_thread() {
        return Err(vm.new_not_implemented_error("signal.pthread_kill of a thread other than the caller or the main thread"));
    }
    os_signal::thread_kill(tid, sig).map_err(|e| os_err(vm, &e))?;
    check_signals(vm)?;
    Ok(Value::None)
}

// signal_pthread_sigmask_impl: the previous mask; a signal unblocked is served at once.
fn pthread_sigmask(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let how = i64_arg(vm, &a[0])?;
    let signals = sigset_arg(vm, &a[1])?;
    let how = i32::try_from(how).map_err(|_| vm.new_overflow_error("signed integer is greater than maximum"))?;
    let old = os_signal::thread_mask(how, &signals).map_err(|e| os_err(vm, &e))?;
    check_signals(vm)?;
    int_set(vm, old)
}

// signal_sigpending_impl
fn sigpending(vm: &mut Vm, _: &[Value]) -> PyResult<Value> {
    let p = os_signal::pending().map_err(|e| os_err(vm, &e))?;
    int_set(vm, p)
}

// signal_sigwait_impl
fn sigwait(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let signals = sigset_arg(vm, &a[0])?;
    let n = os_signal::wait(&signals).map_err(|e| os_err(vm, &e))?;
    Ok(Value::Int(n as i64))
}

fn siginfo(vm: &mut Vm, info: os_signal::SigInfo) -> Value {
    let ty = match crate::builtins::vm_type(vm, "_signal.struct_siginfo") {
        Some(t) => t,
        None => return Value::None,
    };
    let values = [info.signo as i64, info.code as i64, info.errno as i64, info.pid as i64, info.uid as i64, info.status as i64, info.band];
    structseq::new_instance(vm, &ty, values.into_iter().map(Value::Int).collect())
}

// signal_sigwaitinfo_impl (PEP 475: retried after a handler ran).
fn sigwaitinfo(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let signals = sigset_arg(vm, &a[0])?;
    let r = retry_eintr(vm, |_| os_signal::wait_info(&signals, None))?;
    match r.map_err(|e| os_err(vm, &e))? {
        Some(info) => Ok(siginfo(vm, info)),
        None => Ok(Value::None),
    }
}

// signal_sigtimedwait_impl: None when the timeout expires.
fn sigtimedwait(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let signals = sigset_arg(vm, &a[0])?;
    let secs = seconds_arg(vm, &a[1])?;
    if secs.is_nan() {
        return Err(vm.new_value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(vm.new_value_error("timeout must be non-negative"));
    }
    let timeout = Duration::try_from_secs_f64(secs).map_err(|_| vm.new_overflow_error("timestamp too large to convert to C _PyTime_t"))?;
    let deadline = Instant::now() + timeout;
    let r = retry_eintr(vm, |_| os_signal::wait_info(&signals, Some(deadline.saturating_duration_since(Instant::now()))))?;
    match r.map_err(|e| os_err(vm, &e))? {
        Some(info) => Ok(siginfo(vm, info)),
        None => Ok(Value::None),
    }
}

fn itimer_error(vm: &mut Vm, e: &std::io::Error) -> crate::vm::PyErr {
    let Some(cls) = crate::builtins::vm_type(vm, "_signal.ItimerError") else { return os_err(vm, e) };
    let n = e.raw_os_error().unwrap_or(0);
    let text = vm.new_str(&super::super::posix::strerror_text(n));
    match vm.call_positional(&Value::Obj(cls), &[Value::Int(n as i64), text]) {
        Ok(Value::Obj(o)) => crate::vm::PyErr(o),
        Ok(_) => vm.new_system_error("ItimerError() returned a non-object"),
        Err(e) => e,
    }
}

fn timer_pair(vm: &mut Vm, (value, interval): (f64, f64)) -> Value {
    vm.new_tuple(vec![Value::Float(value), Value::Float(interval)])
}

// signal_setitimer_impl: the previous (delay, interval).
fn setitimer(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let which = i64_arg(vm, &a[0])?;
    let value = seconds_arg(vm, &a[1])?;
    let interval = match a.get(2).filter(|v| !v.is_null()) {
        Some(v) => seconds_arg(vm, v)?,
        None => 0.0,
    };
    let which = i32::try_from(which).map_err(|_| vm.new_overflow_error("signed integer is greater than maximum"))?;
    let old = os_signal::set_itimer(which, value, interval).map_err(|e| itimer_error(vm, &e))?;
    Ok(timer_pair(vm, old))
}

// signal_getitimer_impl
fn getitimer(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let which = i64_arg(vm, &a[0])?;
    let which = i32::try_from(which).map_err(|_| vm.new_overflow_error("signed integer is greater than maximum"))?;
    let cur = os_signal::get_itimer(which).map_err(|e| itimer_error(vm, &e))?;
    Ok(timer_pair(vm, cur))
}

/// The class `signal.ItimerError`, a subclass of OSError.
fn new_itimer_error(vm: &mut Vm) -> PyResult<PyRef> {
    let ns = vm.new_dict_ref();
    let (key, module) = (Value::Obj(vm.intern("__module__")), vm.new_str("signal"));
    vm.dict_set_item(&ns, key, module)?;
    let name = vm.new_str("ItimerError");
    let bases = vm.new_tuple(vec![Value::Obj(vm.exc.os_error.clone())]);
    let meta = Value::Obj(vm.types.type_.clone());
    match vm.call_positional(&meta, &[name, bases, Value::Obj(ns)])? {
        Value::Obj(t) if t.as_type().is_some() => Ok(t),
        _ => Err(vm.new_system_error("could not create signal.ItimerError")),
    }
}

/// Add these functions, ItimerError, struct_siginfo and the ITIMER_* constants to `m`.
pub fn add_functions_to(vm: &mut Vm, m: &PyRef) {
    add_functions(vm, m, "_signal", &[
        method("alarm", "(seconds, /)", alarm),
        method("pause", "()", pause),
        method("raise_signal", "(signalnum, /)", raise_signal),
        method("pthread_kill", "(thread_id, signalnum, /)", pthread_kill),
        method("pthread_sigmask", "(how, mask, /)", pthread_sigmask),
        method("sigpending", "()", sigpending),
        method("sigwait", "(sigset, /)", sigwait),
        method("sigwaitinfo", "(sigset, /)", sigwaitinfo),
        method("sigtimedwait", "(sigset, timeout, /)", sigtimedwait),
        method("setitimer", "(which, seconds, interval=?, /)", setitimer),
        method("getitimer", "(which, /)", getitimer),
    ]);
    for (name, n) in [("ITIMER_REAL", 0), ("ITIMER_VIRTUAL", 1), ("ITIMER_PROF", 2)] {
        set(vm, m, name, Value::Int(n));
    }
    if let Ok(cls) = new_itimer_error(vm) {
        crate::builtins::set_vm_type(vm, "_signal.ItimerError", cls.clone());
        set(vm, m, "ItimerError", Value::Obj(cls));
    }
    let st = structseq::new_type(vm, &STRUCT_SIGINFO);
    crate::builtins::set_vm_type(vm, "_signal.struct_siginfo", st.clone());
    set(vm, m, "struct_siginfo", Value::Obj(st));
}
