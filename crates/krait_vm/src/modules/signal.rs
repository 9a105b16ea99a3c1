//! The `_signal` module (CPython's Modules/signalmodule.c): the signal numbers, the
//! handler table behind `signal`/`getsignal`, `default_int_handler`, `set_wakeup_fd`,
//! `valid_signals`, `strsignal`.
//!
//! Limitation: handlers are recorded but never delivered (krait installs no OS signal
//! handlers; SIGINT keeps the OS default and ends the process).

use super::util::{add_bound, i64_arg, new_module_with, set};
use crate::object::{PyRef, Value};
use crate::types::methods::method;
use crate::vm::{PyResult, Vm};

/// NSIG on Linux: one more than the highest signal number.
const NSIG: i64 = 65;

/// The Linux signal numbers.
const SIGNALS: &[(&str, i64)] = &[
    ("SIGHUP", 1), ("SIGINT", 2), ("SIGQUIT", 3), ("SIGILL", 4), ("SIGTRAP", 5), ("SIGABRT", 6), ("SIGIOT", 6),
    ("SIGBUS", 7), ("SIGFPE", 8), ("SIGKILL", 9), ("SIGUSR1", 10), ("SIGSEGV", 11), ("SIGUSR2", 12),
    ("SIGPIPE", 13), ("SIGALRM", 14), ("SIGTERM", 15), ("SIGSTKFLT", 16), ("SIGCHLD", 17), ("SIGCLD", 17),
    ("SIGCONT", 18), ("SIGSTOP", 19), ("SIGTSTP", 20), ("SIGTTIN", 21), ("SIGTTOU", 22), ("SIGURG", 23),
    ("SIGXCPU", 24), ("SIGXFSZ", 25), ("SIGVTALRM", 26), ("SIGPROF", 27), ("SIGWINCH", 28), ("SIGIO", 29),
    ("SIGPOLL", 29), ("SIGPWR", 30), ("SIGSYS", 31), ("SIGRTMIN", 34), ("SIGRTMAX", 64),
];

/// Signal numbers the C library reserves (no handler slot: getsignal gives None).
const RESERVED: [i64; 2] = [32, 33];

/// glibc's description of signals 1..=31 (strsignal).
const DESCRIPTIONS: [&str; 31] = [
    "Hangup", "Interrupt", "Quit", "Illegal instruction", "Trace/breakpoint trap", "Aborted", "Bus error",
    "Floating point exception", "Killed", "User defined signal 1", "Segmentation fault", "User defined signal 2",
    "Broken pipe", "Alarm clock", "Terminated", "Stack fault", "Child exited", "Continued", "Stopped (signal)",
    "Stopped", "Stopped (tty input)", "Stopped (tty output)", "Urgent I/O condition", "CPU time limit exceeded",
    "File size limit exceeded", "Virtual timer expired", "Profiling timer expired", "Window changed", "I/O possible",
    "Power failure", "Bad system call",
];

// signal_strsignal_impl: None for the reserved numbers.
fn strsignal(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let n = signum_arg(vm, &a[0])? as i64;
    Ok(match n {
        1..=31 => vm.new_str(DESCRIPTIONS[n as usize - 1]),
        34..=64 => vm.new_str(&format!("Real-time signal {}", n - 34)),
        _ => Value::None,
    })
}

/// The handler table (a list indexed by signal number; the bound `self`).
fn table(v: &Value) -> Option<&std::cell::RefCell<Vec<Value>>> {
    match v.as_obj().map(|o| &o.payload) {
        Some(crate::object::Payload::List(l)) => Some(l),
        _ => None,
    }
}

fn signum_arg(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    let n = i64_arg(vm, v)?;
    if !(1..NSIG).contains(&n) {
        return Err(vm.new_value_error("signal number out of range"));
    }
    Ok(n as usize)
}

// signal_signal_impl: records the handler and returns the previous one.
fn signal(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let n = signum_arg(vm, &a[1])?;
    let handler = a[2].clone();
    let is_default_or_ignore = matches!(handler, Value::Int(0 | 1) | Value::Bool(_));
    if !is_default_or_ignore && !crate::builtins::introspection::is_callable(vm, &handler) {
        return Err(vm.new_type_error("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object"));
    }
    if n == 9 || n == 19 || RESERVED.contains(&(n as i64)) {
        let os_error = vm.exc.os_error.clone();
        let msg = vm.new_str("Invalid argument");
        return Err(vm.new_exception(&os_error, vec![Value::Int(22), msg]));
    }
    let Some(t) = table(&a[0]) else { return Ok(Value::None) };
    let old = std::mem::replace(&mut t.borrow_mut()[n], handler);
    Ok(old)
}

// signal_getsignal_impl
fn getsignal(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let n = signum_arg(vm, &a[1])?;
    Ok(table(&a[0]).and_then(|t| t.borrow().get(n).cloned()).unwrap_or(Value::None))
}

// signal_default_int_handler
fn default_int_handler(vm: &mut Vm, _: &[Value]) -> PyResult<Value> {
    let ki = vm.exc.keyboard_interrupt.clone();
    Err(vm.new_exception(&ki, vec![]))
}

/// Build the `_signal` module.
pub fn make_module(vm: &mut Vm) -> PyRef {
    let m = new_module_with(vm, "_signal", &[
        method("default_int_handler", "(signalnum, frame, /)", default_int_handler),
        method("strsignal", "(signalnum, /)", strsignal),
        method("set_wakeup_fd", "(fd, /, *, warn_on_full_buffer=True)", |_, _| Ok(Value::Int(-1))),
        method("valid_signals", "()", |vm, _| {
            let nums: Vec<Value> = (1..NSIG).filter(|n| !RESERVED.contains(n)).map(Value::Int).collect();
            let l = vm.new_list(nums);
            vm.call_positional(&Value::Obj(vm.types.set.clone()), &[l])
        }),
    ]);
    for &(name, n) in SIGNALS {
        set(vm, &m, name, Value::Int(n));
    }
    for (name, n) in [("SIG_DFL", 0), ("SIG_IGN", 1), ("NSIG", NSIG), ("SIG_BLOCK", 0), ("SIG_UNBLOCK", 1), ("SIG_SETMASK", 2)] {
        set(vm, &m, name, Value::Int(n));
    }
    // The handlers Python starts with: SIGINT raises KeyboardInterrupt, SIGPIPE and
    // SIGXFSZ are ignored, the rest default.
    let int_handler = vm.get_attr_str(&Value::Obj(m.clone()), "default_int_handler").unwrap_or(Value::None);
    let handlers: Vec<Value> = (0..NSIG)
        .map(|n| match n {
            0 | 32 | 33 => Value::None,
            2 => int_handler.clone(),
            13 | 25 => Value::Int(1),
            _ => Value::Int(0),
        })
        .collect();
    let handlers = vm.new_list(handlers);
    add_bound(vm, &m, "_signal", &handlers, &[("signal", "(handlers, signalnum, handler, /)", signal), ("getsignal", "(handlers, signalnum, /)", getsignal)]);
    m
}
