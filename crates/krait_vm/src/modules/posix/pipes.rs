//! Descriptor plumbing: `pipe`, `pipe2`, `dup`, `dup2`, `get_inheritable`,
//! `set_inheritable`, `get_blocking`, `set_blocking` (posixmodule.c).

use super::fds::{dup2_fd, insert_owned, with_borrowed};
use super::os_error;
use crate::modules::util::{i64_arg, set};
use crate::object::{PyRef, Value};
use crate::types::native::NativeFn;
use crate::vm::{PyResult, Vm};
use rustix::fs::{fcntl_getfl, fcntl_setfl, OFlags};
use rustix::io::{fcntl_dupfd_cloexec, fcntl_getfd, fcntl_setfd, FdFlags};
use rustix::pipe::{pipe_with, PipeFlags};

fn io<T>(vm: &mut Vm, r: std::io::Result<T>) -> PyResult<T> {
    r.map_err(|e| os_error(vm, &e, None, None))
}

/// A new pipe as a `(read_fd, write_fd)` tuple.
fn new_pipe(vm: &mut Vm, flags: PipeFlags) -> PyResult<Value> {
    let (r, w) = io(vm, pipe_with(flags).map_err(Into::into))?;
    let (r, w) = (insert_owned(r), insert_owned(w));
    Ok(vm.new_tuple(vec![Value::Int(r), Value::Int(w)]))
}

/// Whether `fd` is inheritable (no close-on-exec flag).
pub fn get_inheritable(fd: i64) -> std::io::Result<bool> {
    with_borrowed(fd, |b| Ok(!fcntl_getfd(b)?.contains(FdFlags::CLOEXEC)))
}

/// Set or clear `fd`'s close-on-exec flag (_Py_set_inheritable).
pub fn set_inheritable(fd: i64, inheritable: bool) -> std::io::Result<()> {
    with_borrowed(fd, |b| {
        let mut f = fcntl_getfd(b)?;
        f.set(FdFlags::CLOEXEC, !inheritable);
        Ok(fcntl_setfd(b, f)?)
    })
}

/// Whether `fd` is in blocking mode (_Py_get_blocking).
pub fn get_blocking(fd: i64) -> std::io::Result<bool> {
    with_borrowed(fd, |b| Ok(!fcntl_getfl(b)?.contains(OFlags::NONBLOCK)))
}

/// Set `fd` blocking or non-blocking (_Py_set_blocking).
pub fn set_blocking(fd: i64, blocking: bool) -> std::io::Result<()> {
    with_borrowed(fd, |b| {
        let mut f = fcntl_getfl(b)?;
        f.set(OFlags::NONBLOCK, !blocking);
        Ok(fcntl_setfl(b, f)?)
    })
}

fn fd_and_flag(vm: &mut Vm, a: &[Value]) -> PyResult<(i64, bool)> {
    Ok((i64_arg(vm, &a[0])?, vm.is_true(&a[1])?))
}

/// Add the plumbing functions to `posix`.
pub fn add_functions(vm: &mut Vm, m: &PyRef) {
    let defs: &[(&'static str, &'static str, NativeFn)] = &[
        ("pipe", "()", |vm, _| new_pipe(vm, PipeFlags::CLOEXEC)),
        ("pipe2", "(flags, /)", |vm, a| {
            let flags = i64_arg(vm, &a[0])?;
            new_pipe(vm, PipeFlags::from_bits_retain(flags as u32))
        }),
        ("dup", "(fd, /)", |vm, a| {
            let fd = i64_arg(vm, &a[0])?;
            let new = io(vm, with_borrowed(fd, |b| Ok(fcntl_dupfd_cloexec(b, 0)?)))?;
            Ok(Value::Int(insert_owned(new)))
        }),
        ("dup2", "(fd, fd2, inheritable=True)", |vm, a| {
            let (fd, fd2) = (i64_arg(vm, &a[0])?, i64_arg(vm, &a[1])?);
            let inh = vm.is_true(&a[2])?;
            io(vm, dup2_fd(fd, fd2, inh)).map(Value::Int)
        }),
        ("get_inheritable", "(fd, /)", |vm, a| {
            let fd = i64_arg(vm, &a[0])?;
            io(vm, get_inheritable(fd)).map(Value::Bool)
        }),
        ("set_inheritable", "(fd, inheritable, /)", |vm, a| {
            let (fd, on) = fd_and_flag(vm, a)?;
            io(vm, set_inheritable(fd, on))?;
            Ok(Value::None)
        }),
        ("get_blocking", "(fd, /)", |vm, a| {
            let fd = i64_arg(vm, &a[0])?;
            io(vm, get_blocking(fd)).map(Value::Bool)
        }),
        ("set_blocking", "(fd, blocking, /)", |vm, a| {
            let (fd, on) = fd_and_flag(vm, a)?;
            io(vm, set_blocking(fd, on))?;
            Ok(Value::None)
        }),
    ];
    for &(name, sig, f) in defs {
        let func = vm.new_native_function(name, "posix", sig, f, Value::Null, false);
        set(vm, m, name, Value::Obj(func));
    }
}
