//! Child processes and signals: `waitpid`, `wait`, `waitstatus_to_exitcode`, the `W*`
//! status macros, `kill`, `killpg`, process groups and sessions (posixmodule.c).

use super::os_error;
use crate::modules::util::{i64_arg, set};
use crate::object::{PyRef, Value};
use crate::types::native::NativeFn;
use crate::vm::{PyResult, Vm};
use rustix::process::{Pid, Signal, WaitOptions};

fn io<T>(vm: &mut Vm, r: rustix::io::Result<T>) -> PyResult<T> {
    r.map_err(|e| os_error(vm, &e.into(), None, None))
}

/// A wait status argument (a C int).
fn status_arg(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let s = i64_arg(vm, v)?;
    i32::try_from(s).map_err(|_| vm.new_overflow_error("signed integer is greater than maximum"))
}

/// A pid argument: `None` for 0 (the caller / its group), OverflowError past a C int.
fn pid_arg(vm: &mut Vm, v: &Value) -> PyResult<Option<Pid>> {
    let p = i64_arg(vm, v)?;
    let p = i32::try_from(p).map_err(|_| vm.new_overflow_error("signed integer is greater than maximum"))?;
    Ok(Pid::from_raw(p))
}

// os_waitpid_impl: (pid, status); (0, 0) when WNOHANG finds no change.
fn waitpid(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let pid = i64_arg(vm, &a[0])?;
    let opts = WaitOptions::from_bits_retain(i64_arg(vm, &a[1])? as u32);
    // The wait runs with the interpreter lock released (other threads go on).
    let r = crate::modules::signal::retry_eintr(vm, |vm| vm.allow_threads(|| match pid {
        -1 => rustix::process::wait(opts),
        0 => rustix::process::waitpgid(rustix::process::getpgrp(), opts),
        p if p < -1 => match i32::try_from(-p).ok().and_then(Pid::from_raw) {
            Some(g) => rustix::process::waitpgid(g, opts),
            None => Err(rustix::io::Errno::CHILD),
        },
        p => match i32::try_from(p).ok().and_then(Pid::from_raw) {
            Some(p) => rustix::process::waitpid(Some(p), opts),
            None => Err(rustix::io::Errno::CHILD),
        },
    }))?;
    let (pid, status) = match io(vm, r)? {
        Some((p, s)) => (p.as_raw_nonzero().get() as i64, s.as_raw() as i64),
        None => (0, 0),
    };
    Ok(vm.new_tuple(vec![Value::Int(pid), Value::Int(status)]))
}

fn exited(s: i32) -> bool {
    s & 0x7f == 0
}

fn signaled(s: i32) -> bool {
    let low = s & 0x7f;
    low != 0 && low != 0x7f
}

// os_waitstatus_to_exitcode_impl
fn waitstatus_to_exitcode(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let s = status_arg(vm, &a[0])?;
    if exited(s) {
        return Ok(Value::Int(((s >> 8) & 0xff) as i64));
    }
    if signaled(s) {
        return Ok(Value::Int(-((s & 0x7f) as i64)));
    }
    if s & 0xff == 0x7f {
        return Err(vm.new_value_error(format!("process stopped by delivery of signal {}", (s >> 8) & 0xff)));
    }
    Err(vm.new_value_error(format!("invalid wait status: {s}")))
}

/// A signal number argument as a rustix signal (ValueError for an unknown one).
fn signal_arg(vm: &mut Vm, v: &Value) -> PyResult<Option<Signal>> {
    let n = i64_arg(vm, v)?;
    if n == 0 {
        return Ok(None);
    }
    match i32::try_from(n).ok().and_then(Signal::from_named_raw) {
        Some(s) => Ok(Some(s)),
        None => Err(os_error(vm, &std::io::Error::from_raw_os_error(22), None, None)),
    }
}

// os_kill_impl
fn kill(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let pid = i64_arg(vm, &a[0])?;
    let sig = signal_arg(vm, &a[1])?;
    let target = i32::try_from(pid.unsigned_abs()).ok().and_then(Pid::from_raw);
    let r = match (pid, target, sig) {
        (0, _, Some(s)) => rustix::process::kill_current_process_group(s),
        (0, _, None) => rustix::process::test_kill_current_process_group(),
        (p, Some(t), Some(s)) if p > 0 => rustix::process::kill_process(t, s),
        (p, Some(t), None) if p > 0 => rustix::process::test_kill_process(t),
        (_, Some(t), Some(s)) if pid != -1 => rustix::process::kill_process_group(t, s),
        (_, Some(t), None) if pid != -1 => rustix::process::test_kill_process_group(t),
        _ => return Err(vm.new_not_implemented_error("os.kill(-1, sig) (signal every process)")),
    };
    io(vm, r)?;
    Ok(Value::None)
}

// os_killpg_impl
fn killpg(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let pg = pid_arg(vm, &a[0])?;
    let sig = signal_arg(vm, &a[1])?;
    let r = match (pg, sig) {
        (Some(g), Some(s)) => rustix::process::kill_process_group(g, s),
        (Some(g), None) => rustix::process::test_kill_process_group(g),
        (None, Some(s)) => rustix::process::kill_current_process_group(s),
        (None, None) => rustix::process::test_kill_current_process_group(),
    };
    io(vm, r)?;
    Ok(Value::None)
}

fn pid_value(p: Pid) -> Value {
    Value::Int(p.as_raw_nonzero().get() as i64)
}

/// Add the process functions to `posix`.
pub fn add_functions(vm: &mut Vm, m: &PyRef) {
    let defs: &[(&'static str, &'static str, NativeFn)] = &[
        ("waitpid", "(pid, options, /)", waitpid),
        ("wait", "()", |vm, _| {
            let r = waitpid(vm, &[Value::Int(-1), Value::Int(0)])?;
            Ok(r)
        }),
        ("waitstatus_to_exitcode", "(status)", waitstatus_to_exitcode),
        ("WIFEXITED", "(status)", |vm, a| Ok(Value::Bool(exited(status_arg(vm, &a[0])?)))),
        ("WEXITSTATUS", "(status)", |vm, a| Ok(Value::Int(((status_arg(vm, &a[0])? >> 8) & 0xff) as i64))),
        ("WIFSIGNALED", "(status)", |vm, a| Ok(Value::Bool(signaled(status_arg(vm, &a[0])?)))),
        ("WTERMSIG", "(status)", |vm, a| Ok(Value::Int((status_arg(vm, &a[0])? & 0x7f) as i64))),
        ("WIFSTOPPED", "(status)", |vm, a| Ok(Value::Bool(status_arg(vm, &a[0])? & 0xff == 0x7f))),
        ("WSTOPSIG", "(status)", |vm, a| Ok(Value::Int(((status_arg(vm, &a[0])? >> 8) & 0xff) as i64))),
        ("WCOREDUMP", "(status, /)", |vm, a| Ok(Value::Bool(status_arg(vm, &a[0])? & 0x80 != 0))),
        ("WIFCONTINUED", "(status)", |vm, a| Ok(Value::Bool(status_arg(vm, &a[0])? == 0xffff))),
        ("kill", "(pid, signal, /)", kill),
        // os_abort_impl: SIGABRT, no clean-up (stdout's buffer is lost, as in CPython).
        ("abort", "()", |_, _| std::process::abort()),
        ("killpg", "(pgid, signal, /)", killpg),
        ("getpgrp", "()", |_, _| Ok(pid_value(rustix::process::getpgrp()))),
        ("getpgid", "(pid)", |vm, a| {
            let p = pid_arg(vm, &a[0])?;
            io(vm, rustix::process::getpgid(p)).map(pid_value)
        }),
        ("getsid", "(pid, /)", |vm, a| {
            let p = pid_arg(vm, &a[0])?;
            io(vm, rustix::process::getsid(p)).map(pid_value)
        }),
        ("setsid", "()", |vm, _| {
            io(vm, rustix::process::setsid())?;
            Ok(Value::None)
        }),
        ("setpgid", "(pid, pgrp, /)", |vm, a| {
            let (p, g) = (pid_arg(vm, &a[0])?, pid_arg(vm, &a[1])?);
            io(vm, rustix::process::setpgid(p, g))?;
            Ok(Value::None)
        }),
    ];
    for &(name, sig, f) in defs {
        let func = vm.new_native_function(name, "posix", sig, f, Value::Null, false);
        set(vm, m, name, Value::Obj(func));
    }
}
