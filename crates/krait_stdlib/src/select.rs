//! The `select` module (CPython's Modules/selectmodule.c): `select()` and `poll()`, both
//! on poll(2) over the posix descriptor table, and the POLL* constants.

use crate::util::{expect, new_module, new_type, seconds_arg, set, wrap};
use krait_vm::modules::posix::{fds, os_error};
use krait_vm::object::{Args, PyRef, Slots, Value};
use krait_vm::types::methods::method;
use krait_vm::{PyResult, Vm};
use rustix::event::{poll as sys_poll, PollFd, PollFlags, Timespec};
use std::time::{Duration, Instant};

const POLLIN: u16 = 1;
const POLLPRI: u16 = 2;
const POLLOUT: u16 = 4;
const POLLNVAL: u16 = 32;

/// Build the `select` module.
pub fn make_module(vm: &mut Vm) -> PyRef {
    let (m, d) = new_module(vm, "select", &[
        method("select", "(rlist, wlist, xlist, timeout=None, /)", select),
        method("poll", "()", |vm, _| {
            let t = crate::util::get_type(vm, "select.poll")?;
            Ok(wrap(vm, &t, Registered::new()))
        }),
    ]);
    let slots = Slots { new: Some(|vm, _, _: Args<'_>| Err(vm.new_type_error("cannot create 'select.poll' instances"))), ..Slots::default() };
    new_type(vm, "select", "select.poll", None, slots, 0, &[
        method("register", "(self, fd, eventmask=7, /)", register),
        method("modify", "(self, fd, eventmask, /)", modify),
        method("unregister", "(self, fd, /)", unregister),
        method("poll", "(self, timeout=None, /)", poll_method),
    ]);
    let err = Value::Obj(vm.exc.os_error.clone());
    set(vm, &d, "error", err);
    for (name, v) in [
        ("POLLIN", 1), ("POLLPRI", 2), ("POLLOUT", 4), ("POLLERR", 8), ("POLLHUP", 16), ("POLLNVAL", 32),
        ("POLLRDNORM", 64), ("POLLRDBAND", 128), ("POLLWRNORM", 256), ("POLLWRBAND", 512), ("POLLMSG", 1024),
        ("POLLRDHUP", 0x2000), ("PIPE_BUF", 4096),
    ] {
        set(vm, &d, name, Value::Int(v));
    }
    m
}

/// A descriptor argument: an int, or an object with `fileno()` (PyObject_AsFileDescriptor).
pub fn fd_of(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let fd = match v {
        Value::Int(i) => *i,
        _ if krait_vm::types::int::bigint_of(v).is_some() => crate::util::index_i64(vm, v)?.unwrap_or(i64::MAX),
        _ => match vm.get_attr_opt_str(v, "fileno")? {
            Some(f) => {
                let r = vm.call_positional(&f, &[])?;
                if krait_vm::types::int::bigint_of(&r).is_none() {
                    return Err(vm.new_type_error("fileno() returned a non-integer"));
                }
                crate::util::index_i64(vm, &r)?.unwrap_or(i64::MAX)
            }
            None => return Err(vm.new_type_error("argument must be an int, or have a fileno() method.")),
        },
    };
    if fd < 0 {
        return Err(vm.new_value_error(format!("file descriptor cannot be a negative integer ({fd})")));
    }
    if fd > i32::MAX as i64 {
        return Err(vm.new_overflow_error("signed integer is greater than maximum"));
    }
    Ok(fd)
}

/// poll(2) on `(fd, events)`; returns the revents of each (POLLNVAL for a descriptor
/// that is not open). `timeout` None waits for ever; after EINTR the signal handlers
/// run and the wait restarts with what is left (PEP 475).
pub fn poll_fds(vm: &mut Vm, wanted: &[(i64, u16)], timeout: Option<Duration>) -> PyResult<Vec<u16>> {
    let fds: Vec<i64> = wanted.iter().map(|w| w.0).collect();
    let deadline = timeout.map(|t| Instant::now() + t);
    let r = krait_vm::modules::signal::retry_eintr(vm, |vm| {
        let left = deadline.map(|d| d.saturating_duration_since(Instant::now()));
        fds::blocking_many(vm, &fds, |lent| {
            let mut idx = Vec::new();
            let mut pfds = Vec::new();
            for (i, b) in lent.iter().enumerate() {
                if let Some(b) = b {
                    idx.push(i);
                    pfds.push(PollFd::from_borrowed_fd(*b, PollFlags::from_bits_retain(wanted[i].1)));
                }
            }
            let mut out: Vec<u16> = lent.iter().map(|b| if b.is_none() { POLLNVAL } else { 0 }).collect();
            if idx.len() < lent.len() {
                // A descriptor is not open: report it at once, as poll(2) would.
                return Ok(out);
            }
            let ts = left.map(|d| Timespec { tv_sec: d.as_secs() as i64, tv_nsec: d.subsec_nanos() as i64 });
            sys_poll(&mut pfds, ts.as_ref())?;
            for (k, p) in pfds.iter().enumerate() {
                out[idx[k]] = p.revents().bits();
            }
            Ok(out)
        })
    })?;
    r.map_err(|e: rustix::io::Errno| os_error(vm, &e.into(), None, None))
}

/// A non-negative timeout in seconds as a Duration (None: block).
fn duration(vm: &mut Vm, secs: Option<f64>, negative_blocks: bool) -> PyResult<Option<Duration>> {
    match secs {
        None => Ok(None),
        Some(s) if s < 0.0 && negative_blocks => Ok(None),
        Some(s) if s < 0.0 => Err(vm.new_value_error("timeout must be non-negative")),
        Some(s) => Duration::try_from_secs_f64(s).map(Some).map_err(|_| vm.new_overflow_error("timeout is too large")),
    }
}

// select_select_impl
fn select(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let secs = seconds_arg(vm, &a[3], "timeout must be a float or None")?;
    let timeout = duration(vm, secs, false)?;
    let mut groups: Vec<Vec<(Value, i64)>> = Vec::new();
    for (k, what) in a[..3].iter().enumerate() {
        let items = vm.collect(what).map_err(|_| vm.new_type_error(format!("arguments 1-3 must be sequences (argument {})", k + 1)))?;
        let mut g = Vec::new();
        for v in items {
            let fd = fd_of(vm, &v)?;
            g.push((v, fd));
        }
        groups.push(g);
    }
    let masks = [POLLIN, POLLOUT, POLLPRI];
    let wanted: Vec<(i64, u16)> = groups.iter().zip(masks).flat_map(|(g, m)| g.iter().map(move |(_, fd)| (*fd, m))).collect();
    let revents = poll_fds(vm, &wanted, timeout)?;
    if revents.contains(&POLLNVAL) {
        return Err(os_error(vm, &std::io::Error::from_raw_os_error(9), None, None));
    }
    let mut out = Vec::new();
    let mut k = 0;
    for (g, m) in groups.iter().zip(masks) {
        let ready_bits = if m == POLLIN { POLLIN | 8 | 16 } else if m == POLLOUT { POLLOUT | 8 } else { POLLPRI };
        let mut ready = Vec::new();
        for (v, _) in g {
            if revents[k] & ready_bits != 0 {
                ready.push(v.clone());
            }
            k += 1;
        }
        out.push(vm.new_list(ready));
    }
    Ok(vm.new_tuple(out))
}

/// A poll object's registered descriptors and event masks, in registration order.
struct Registered {
    fds: Vec<(i64, u16)>,
}

impl Registered {
    fn new() -> Registered {
        Registered { fds: Vec::new() }
    }
}

fn mask_arg(vm: &mut Vm, v: &Value) -> PyResult<u16> {
    let m = crate::util::index_i64(vm, v)?.unwrap_or(-1);
    u16::try_from(m).map_err(|_| vm.new_overflow_error(if m < 0 { "can't convert negative int to unsigned" } else { "Python int too large for C unsigned short" }))
}

// select_poll_register_impl
fn register(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let fd = fd_of(vm, &a[1])?;
    let mask = mask_arg(vm, &a[2])?;
    let s = expect::<Registered>(vm, &a[0], "select.poll")?;
    let mut s = s.borrow_mut();
    match s.fds.iter_mut().find(|e| e.0 == fd) {
        Some(e) => e.1 = mask,
        None => s.fds.push((fd, mask)),
    }
    Ok(Value::None)
}

// select_poll_modify_impl
fn modify(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let fd = fd_of(vm, &a[1])?;
    let mask = mask_arg(vm, &a[2])?;
    let s = expect::<Registered>(vm, &a[0], "select.poll")?;
    let found = s.borrow_mut().fds.iter_mut().find(|e| e.0 == fd).map(|e| e.1 = mask).is_some();
    if !found {
        return Err(os_error(vm, &std::io::Error::from_raw_os_error(2), None, None));
    }
    Ok(Value::None)
}

// select_poll_unregister_impl
fn unregister(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let fd = fd_of(vm, &a[1])?;
    let s = expect::<Registered>(vm, &a[0], "select.poll")?;
    let mut st = s.borrow_mut();
    let Some(i) = st.fds.iter().position(|e| e.0 == fd) else {
        drop(st);
        return Err(vm.new_key_error(a[1].clone()));
    };
    st.fds.remove(i);
    Ok(Value::None)
}

// select_poll_poll_impl: a list of (fd, revents) for the descriptors with events.
fn poll_method(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let ms = seconds_arg(vm, &a[1], "timeout must be an integer or None")?;
    let timeout = duration(vm, ms.map(|m| m / 1000.0), true)?;
    let wanted = expect::<Registered>(vm, &a[0], "select.poll")?.borrow().fds.clone();
    let revents = poll_fds(vm, &wanted, timeout)?;
    let mut out = Vec::new();
    for ((fd, _), r) in wanted.iter().zip(revents) {
        if r != 0 {
            out.push(vm.new_tuple(vec![Value::Int(*fd), Value::Int(r as i64)]));
        }
    }
    Ok(vm.new_list(out))
}
