//! The `_signal` module (CPython's Modules/signalmodule.c): the signal numbers, the
//! Python handler table behind `signal`/`getsignal`, delivery of received signals to
//! their Python handlers (from the eval breaker), `default_int_handler`,
//! `set_wakeup_fd`, and PEP 475's retry of system calls interrupted by a signal.
//!
//! The OS-level handler and the libc calls live in `interp::os_signal`; the functions
//! over masks, timers and waits are in `os.rs`.

mod os;

use super::util::{i64_arg, new_module_with, set};
use crate::interp::os_signal::{self, Action, NSIG};
use crate::object::{PyRef, Value};
use crate::types::methods::method;
use crate::vm::{PyResult, Vm};
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

const SIGINT: usize = 2;

/// Key of the handler table (a list indexed by signal number) in `vm.native_state`.
const HANDLERS: &str = "_signal.handlers";

/// Set when the main program ended with an uncaught KeyboardInterrupt
/// (CPython's `_Py_UnhandledKeyboardInterrupt`).
static UNHANDLED_KEYBOARD_INTERRUPT: AtomicBool = AtomicBool::new(false);

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

/// Start-up for the thread that runs Python code (CPython's `_PySignal_Init` with
/// install_signal_handlers): it becomes the thread that runs Python signal handlers,
/// SIGXFSZ is ignored, and SIGINT raises KeyboardInterrupt unless it was inherited
/// ignored.
pub fn install_startup_handlers() {
    os_signal::set_main_thread();
    let _ = os_signal::set_action(25, Action::Ignore);
    if os_signal::current_action(SIGINT as i32).ok() == Some(Action::Default) {
        let _ = os_signal::set_action(SIGINT as i32, Action::Python);
    }
}

/// Record that the main program ended with an uncaught KeyboardInterrupt.
pub fn note_unhandled_keyboard_interrupt() {
    UNHANDLED_KEYBOARD_INTERRUPT.store(true, Ordering::Relaxed);
}

/// Whether the main program ended with an uncaught KeyboardInterrupt: the process
/// should then die of SIGINT (`os_signal::exit_by_sigint`), as CPython's does.
pub fn unhandled_keyboard_interrupt() -> bool {
    UNHANDLED_KEYBOARD_INTERRUPT.load(Ordering::Relaxed)
}

/// How an error value from a system call tells that a signal interrupted it.
pub trait Interrupted {
    fn is_eintr(&self) -> bool;
}

impl Interrupted for std::io::Error {
    fn is_eintr(&self) -> bool {
        self.kind() == std::io::ErrorKind::Interrupted
    }
}

impl Interrupted for rustix::io::Errno {
    fn is_eintr(&self) -> bool {
        *self == rustix::io::Errno::INTR
    }
}

/// PEP 475: run the system call `op` again after each EINTR, once the Python signal
/// handlers have run; an exception from a handler ends the loop. `op` gets the VM back
/// (to release the interpreter lock around the call: `Vm::allow_threads`). A call with a timeout
/// recomputes what is left of it inside `op`.
pub fn retry_eintr<T, E: Interrupted>(vm: &mut Vm, mut op: impl FnMut(&mut Vm) -> Result<T, E>) -> PyResult<Result<T, E>> {
    loop {
        match op(vm) {
            Err(e) if e.is_eintr() => check_signals(vm)?,
            r => return Ok(r),
        }
    }
}

/// Run the Python handlers of the signals received, if any (CPython's
/// `PyErr_CheckSignals`): for native code that waits or loops outside the eval loop.
pub fn check_signals(vm: &mut Vm) -> PyResult<()> {
    if crate::interp::breaker::is_set() {
        run_handlers(vm)?;
    }
    Ok(())
}

/// Call the Python handler of each signal received (CPython's
/// `_PyErr_CheckSignalsTstate`); main thread only. When a handler raises, the signals
/// not yet served stay pending and the exception propagates.
pub fn run_handlers(vm: &mut Vm) -> PyResult<()> {
    if !os_signal::is_main_thread() {
        return Ok(());
    }
    crate::interp::breaker::clear(crate::interp::breaker::SIGNALS);
    if let Some(errno) = os_signal::take_wakeup_error() {
        let e = super::posix::errno_error(vm, errno);
        write_unraisable(vm, "when trying to write to the signal wakeup fd", &e);
    }
    let tripped = os_signal::take_tripped();
    for (i, &signum) in tripped.iter().enumerate() {
        if let Err(e) = run_handler(vm, signum) {
            tripped[i + 1..].iter().for_each(|&s| os_signal::retrip(s));
            return Err(e);
        }
    }
    Ok(())
}

fn run_handler(vm: &mut Vm, signum: usize) -> PyResult<()> {
    let handler = match vm.native_state.get(HANDLERS) {
        Some(t) => table(t).and_then(|t| t.borrow().get(signum).cloned()).unwrap_or(Value::None),
        // `_signal` not imported yet: only SIGINT has a handler, default_int_handler.
        None if signum == SIGINT => return default_int_handler(vm, &[]).map(drop),
        None => Value::None,
    };
    if matches!(handler, Value::None | Value::Int(0 | 1) | Value::Bool(_)) {
        let os_error = vm.exc.os_error.clone();
        let e = vm.new_exception_msg(&os_error, &format!("Signal {signum} ignored due to race condition"));
        write_unraisable(vm, "in: None", &e);
        return Ok(());
    }
    let frame = match vm.frames.len() {
        0 => Value::None,
        n => crate::exceptions::traceback::snapshot(vm, n - 1)?,
    };
    vm.call_positional(&handler, &[Value::Int(signum as i64), frame]).map(drop)
}

/// Print "Exception ignored {what}:" and the exception to stderr
/// (`_PyErr_WriteUnraisableMsg`).
fn write_unraisable(vm: &mut Vm, what: &str, e: &crate::vm::PyErr) {
    let _ = crate::builtins::stdio::flush_stdout();
    let text = crate::exceptions::format_exception(vm, &e.0);
    let mut stderr = std::io::stderr().lock();
    let _ = write!(stderr, "Exception ignored {what}:\n{text}");
    let _ = stderr.flush();
}

// signal_strsignal_impl: None for the reserved numbers.
fn strsignal(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let n = signum_arg(vm, &a[0])? as i64;
    Ok(match n {
        1..=31 => vm.new_str(DESCRIPTIONS[n as usize - 1]),
        34..=64 => vm.new_str(&format!("Real-time signal {}", n - 34)),
        _ => Value::None,
    })
}

/// The handler list.
fn table(v: &Value) -> Option<&std::cell::RefCell<Vec<Value>>> {
    match v.as_obj().map(|o| &o.payload) {
        Some(crate::object::Payload::List(l)) => Some(l),
        _ => None,
    }
}

fn signum_arg(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    let n = i64_arg(vm, v)?;
    if !(1..NSIG as i64).contains(&n) {
        return Err(vm.new_value_error("signal number out of range"));
    }
    Ok(n as usize)
}

fn os_err(vm: &mut Vm, e: &std::io::Error) -> crate::vm::PyErr {
    super::posix::os_error(vm, e, None, None)
}

fn require_main_thread(vm: &mut Vm, what: &str) -> PyResult<()> {
    if os_signal::is_main_thread() {
        return Ok(());
    }
    Err(vm.new_value_error(format!("{what} only works in main thread of the main interpreter")))
}

// signal_signal_impl: installs the OS handler and returns the previous Python one.
fn signal(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let n = signum_arg(vm, &a[0])?;
    let handler = a[1].clone();
    require_main_thread(vm, "signal")?;
    let action = match handler {
        Value::Int(0) | Value::Bool(false) => Action::Default,
        Value::Int(1) | Value::Bool(true) => Action::Ignore,
        _ if crate::builtins::introspection::is_callable(vm, &handler) => Action::Python,
        _ => return Err(vm.new_type_error("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object")),
    };
    // Signals received under the old handler are served by it.
    check_signals(vm)?;
    os_signal::set_action(n as i32, action).map_err(|e| os_err(vm, &e))?;
    let t = handlers(vm);
    let old = table(&t).map(|t| std::mem::replace(&mut t.borrow_mut()[n], handler)).unwrap_or(Value::None);
    Ok(old)
}

// signal_getsignal_impl
fn getsignal(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let n = signum_arg(vm, &a[0])?;
    let t = handlers(vm);
    Ok(table(&t).and_then(|t| t.borrow().get(n).cloned()).unwrap_or(Value::None))
}

/// `_thread.interrupt_main(signum=SIGINT)` (CPython's `PyErr_SetInterruptEx`): act as if
/// the signal had arrived, unless it is ignored or left to the OS default.
pub fn interrupt_main(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let n = match a.first().filter(|v| !v.is_null()) {
        Some(v) => signum_arg(vm, v)?,
        None => SIGINT,
    };
    let handler = match vm.native_state.get(HANDLERS) {
        Some(t) => table(t).and_then(|t| t.borrow().get(n).cloned()).unwrap_or(Value::None),
        None if n == SIGINT => Value::None,
        None => Value::Int(0),
    };
    if !matches!(handler, Value::Int(0 | 1) | Value::Bool(_)) {
        os_signal::trip(n);
    }
    Ok(Value::None)
}

// signal_default_int_handler
fn default_int_handler(vm: &mut Vm, _: &[Value]) -> PyResult<Value> {
    let ki = vm.exc.keyboard_interrupt.clone();
    Err(vm.new_exception(&ki, vec![]))
}

// signal_set_wakeup_fd: the descriptor must be open and non-blocking.
fn set_wakeup_fd(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let fd = i64_arg(vm, &a[0])?;
    let warn = a.get(1).filter(|v| !v.is_null()).map(|v| vm.is_true(v)).transpose()?.unwrap_or(true);
    let fd = i32::try_from(fd).map_err(|_| vm.new_value_error(format!("invalid fd: {fd}")))?;
    require_main_thread(vm, "set_wakeup_fd")?;
    if fd != -1 {
        if os_signal::fd_is_blocking(fd).map_err(|e| os_err(vm, &e))? {
            return Err(vm.new_value_error(format!("the fd {fd} must be in non-blocking mode")));
        }
    }
    Ok(Value::Int(os_signal::set_wakeup_fd(fd, warn) as i64))
}

// signal_siginterrupt_impl
fn siginterrupt(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let n = signum_arg(vm, &a[0])?;
    let flag = i64_arg(vm, &a[1])? != 0;
    os_signal::set_interrupt(n as i32, flag).map_err(|e| os_err(vm, &e))?;
    Ok(Value::None)
}

/// The handler table, made on first use from the signals' current OS actions (CPython's
/// `signal_module_exec`): SIG_DFL, SIG_IGN, or None for a handler krait does not know.
/// SIGINT gets `default_int_handler` (and krait's OS handler) unless it is ignored.
fn handlers(vm: &mut Vm) -> Value {
    if let Some(t) = vm.native_state.get(HANDLERS) {
        return t.clone();
    }
    let int_handler = vm.new_native_function("default_int_handler", "_signal", "(signalnum, frame, /)", default_int_handler, Value::Null, false);
    let int_handler = Value::Obj(int_handler);
    let mut list = vec![Value::None; NSIG];
    for (n, slot) in list.iter_mut().enumerate().skip(1) {
        *slot = match os_signal::current_action(n as i32) {
            Ok(Action::Default) if n == SIGINT => {
                let _ = os_signal::set_action(n as i32, Action::Python);
                int_handler.clone()
            }
            Ok(Action::Python) if n == SIGINT => int_handler.clone(),
            Ok(Action::Default) => Value::Int(0),
            Ok(Action::Ignore) => Value::Int(1),
            _ => Value::None,
        };
    }
    let t = vm.new_list(list);
    vm.native_state.insert(HANDLERS, t.clone());
    t
}

/// Build the `_signal` module.
pub fn make_module(vm: &mut Vm) -> PyRef {
    let m = new_module_with(vm, "_signal", &[
        method("signal", "(signalnum, handler, /)", signal),
        method("getsignal", "(signalnum, /)", getsignal),
        method("strsignal", "(signalnum, /)", strsignal),
        method("set_wakeup_fd", "(fd, /, *, warn_on_full_buffer=?)", set_wakeup_fd),
        method("siginterrupt", "(signalnum, flag, /)", siginterrupt),
        method("valid_signals", "()", |vm, _| {
            let nums: Vec<Value> = (1..NSIG as i64).filter(|n| !RESERVED.contains(n)).map(Value::Int).collect();
            let l = vm.new_list(nums);
            vm.call_positional(&Value::Obj(vm.types.set.clone()), &[l])
        }),
    ]);
    os::add_functions_to(vm, &m);
    for &(name, n) in SIGNALS {
        set(vm, &m, name, Value::Int(n));
    }
    for (name, n) in [("SIG_DFL", 0), ("SIG_IGN", 1), ("NSIG", NSIG as i64), ("SIG_BLOCK", 0), ("SIG_UNBLOCK", 1), ("SIG_SETMASK", 2)] {
        set(vm, &m, name, Value::Int(n));
    }
    let t = handlers(vm);
    let int_handler = table(&t).and_then(|t| t.borrow().get(SIGINT).cloned()).unwrap_or(Value::None);
    if int_handler.as_obj().is_some() {
        set(vm, &m, "default_int_handler", int_handler);
    } else {
        let f = vm.new_native_function("default_int_handler", "_signal", "(signalnum, frame, /)", default_int_handler, Value::Null, false);
        set(vm, &m, "default_int_handler", Value::Obj(f));
    }
    m
}
