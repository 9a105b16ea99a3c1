//! The `_socket.socket` type (socketmodule.c's PySocketSockObject): a descriptor of the
//! posix table plus family, type, protocol and timeout, with CPython's timeout rules
//! (None: blocking; 0: non-blocking; > 0: non-blocking descriptor, waits with poll).

use super::addr::{sockaddr_arg, sockaddr_value};
use super::{default_timeout, options, AF_INET, SOCK_CLOEXEC, SOCK_NONBLOCK, SOCK_STREAM};
use crate::select::poll_fds;
use crate::util::{expect, index_i64, parse, seconds_arg, wrap};
use krait_vm::modules::posix::{fds, os_error, pipes};
use krait_vm::modules::signal::retry_eintr;
use krait_vm::object::{Args, Payload, PyRef, Value};
use krait_vm::types::bytes::buffer_arg;
use krait_vm::types::methods::{method, MethodDef};
use krait_vm::{PyErr, PyResult, Vm};
use rustix::io::Errno;
use rustix::net::{AddressFamily, Protocol, RecvFlags, SendFlags, Shutdown, SocketFlags, SocketType};
use std::cell::RefCell;
use std::num::NonZeroU32;
use std::os::fd::BorrowedFd;
use std::time::{Duration, Instant};

/// A socket object's state; the descriptor is closed when the object goes.
pub struct Sock {
    /// -1 once closed or detached.
    pub fd: i64,
    pub family: i32,
    pub kind: i32,
    pub proto: i32,
    /// None: blocking; Some(0.0): non-blocking; Some(t): wait up to t seconds.
    pub timeout: Option<f64>,
}

impl Drop for Sock {
    fn drop(&mut self) {
        if self.fd >= 0 {
            let _ = fds::close_fd(self.fd);
        }
    }
}

impl Default for Sock {
    fn default() -> Sock {
        Sock { fd: -1, family: AF_INET, kind: SOCK_STREAM, proto: 0, timeout: None }
    }
}

pub fn cell<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a RefCell<Sock>> {
    expect::<Sock>(vm, v, "_socket.socket")
}

fn io_err(vm: &mut Vm, e: Errno) -> PyErr {
    os_error(vm, &e.into(), None, None)
}

fn timed_out(vm: &mut Vm) -> PyErr {
    let cls = vm.exc.timeout_error.clone();
    vm.new_exception_msg(&cls, "timed out")
}

/// A new socket descriptor (socket(2) with close-on-exec).
pub fn new_fd(family: i32, kind: i32, proto: i32) -> rustix::io::Result<std::os::fd::OwnedFd> {
    let mut flags = SocketFlags::CLOEXEC;
    if kind & SOCK_NONBLOCK != 0 {
        flags |= SocketFlags::NONBLOCK;
    }
    let ty = SocketType::from_raw((kind & !(SOCK_NONBLOCK | SOCK_CLOEXEC)) as u32);
    let proto = NonZeroU32::new(proto as u32).map(Protocol::from_raw);
    rustix::net::socket_with(AddressFamily::from_raw(family as u16), ty, flags, proto)
}

/// Give socket `v` descriptor `fd` and its parameters (init_sockobject).
pub fn adopt(vm: &mut Vm, v: &Value, fd: i64, family: i32, kind: i32, proto: i32) -> PyResult<()> {
    let timeout = if kind & SOCK_NONBLOCK != 0 { Some(0.0) } else { default_timeout() };
    {
        let mut s = cell(vm, v)?.borrow_mut();
        if s.fd >= 0 {
            let _ = fds::close_fd(s.fd);
        }
        *s = Sock { fd, family, kind: kind & !(SOCK_NONBLOCK | SOCK_CLOEXEC), proto, timeout };
    }
    if timeout.is_some() {
        pipes::set_blocking(fd, false).map_err(|e| os_error(vm, &e, None, None))?;
    }
    Ok(())
}

/// A new `_socket.socket` object for descriptor `fd`.
pub fn new_socket(vm: &mut Vm, fd: i64, family: i32, kind: i32, proto: i32) -> PyResult<Value> {
    let t = crate::util::get_type(vm, "_socket.socket")?;
    let v = wrap(vm, &t, Sock::default());
    adopt(vm, &v, fd, family, kind, proto)?;
    Ok(v)
}

// sock_initobj_impl
fn init(vm: &mut Vm, v: &Value, args: Args<'_>) -> PyResult<()> {
    let a = parse(vm, "(family=-1, type=-1, proto=-1, fileno=None)", "socket", args)?;
    let mut n = [0i64; 3];
    for (slot, x) in n.iter_mut().zip(&a[..3]) {
        *slot = index_i64(vm, x)?.unwrap_or(-1);
    }
    let [mut family, mut kind, mut proto] = n.map(|x| x as i32);
    let fd = if a[3].is_none() {
        if family == -1 {
            family = AF_INET;
        }
        if kind == -1 {
            kind = SOCK_STREAM;
        }
        if proto == -1 {
            proto = 0;
        }
        let fd = new_fd(family, kind, proto).map_err(|e| io_err(vm, e))?;
        fds::insert_owned(fd)
    } else {
        if krait_vm::types::float::float_arg(&a[3]).is_some() {
            return Err(vm.new_type_error("'float' object cannot be interpreted as an integer"));
        }
        let fd = index_i64(vm, &a[3])?.unwrap_or(-1);
        if fd < 0 {
            return Err(vm.new_value_error("negative file descriptor"));
        }
        let found = fds::with_borrowed(fd, |b| {
            let dom = rustix::net::sockopt::socket_domain(b)?.as_raw() as i32;
            let ty = rustix::net::sockopt::socket_type(b)?.as_raw() as i32;
            let pr = rustix::net::sockopt::socket_protocol(b)?.map_or(0, |p| p.as_raw().get() as i32);
            Ok((dom, ty, pr))
        });
        let (dom, ty, pr) = found.map_err(|e| os_error(vm, &e, None, None))?;
        if family == -1 {
            family = dom;
        }
        if kind == -1 {
            kind = ty;
        }
        if proto == -1 {
            proto = pr;
        }
        fd
    };
    adopt(vm, v, fd, family, kind, proto)
}

/// The open descriptor and timeout of socket `v` (EBADF once closed).
fn open_fd(vm: &mut Vm, v: &Value) -> PyResult<(i64, Option<f64>)> {
    let s = cell(vm, v)?.borrow();
    let r = (s.fd, s.timeout);
    drop(s);
    if r.0 < 0 {
        return Err(io_err(vm, Errno::BADF));
    }
    Ok(r)
}

/// Run `op` on socket `v` by its timeout (sock_call_ex): retried after EINTR, and after
/// EWOULDBLOCK once poll says the socket is ready, until the timeout runs out.
pub fn call<R: Send>(vm: &mut Vm, v: &Value, writing: bool, mut op: impl FnMut(BorrowedFd<'_>) -> rustix::io::Result<R> + Send) -> PyResult<R> {
    let (fd, timeout) = open_fd(vm, v)?;
    let deadline = timeout.filter(|t| *t > 0.0).map(|t| Instant::now() + Duration::from_secs_f64(t));
    loop {
        match retry_eintr(vm, |vm| fds::blocking(vm, fd, |b| op(b).map_err(std::io::Error::from)))? {
            Ok(r) => return Ok(r),
            Err(e) => match Errno::from_io_error(&e) {
                Some(Errno::AGAIN) if deadline.is_some() => {
                    let left = deadline.map(|d| d.saturating_duration_since(Instant::now())).unwrap_or_default();
                    let mask = if writing { 4 } else { 1 };
                    let ready = poll_fds(vm, &[(fd, mask)], Some(left))?;
                    if ready[0] == 0 {
                        return Err(timed_out(vm));
                    }
                }
                _ => return Err(os_error(vm, &e, None, None)),
            },
        }
    }
}

fn family_of(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    Ok(cell(vm, v)?.borrow().family)
}

fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if krait_vm::types::float::float_arg(v).is_some() {
        return Err(vm.new_type_error("'float' object cannot be interpreted as an integer"));
    }
    index_i64(vm, v)?.ok_or_else(|| vm.new_overflow_error("Python int too large to convert to C long"))
}

fn flags_arg(vm: &mut Vm, v: &Value) -> PyResult<u32> {
    Ok(int_arg(vm, v)? as u32)
}

fn bind(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let fam = family_of(vm, &a[0])?;
    let addr = sockaddr_arg(vm, fam, &a[1], "bind")?;
    let (fd, _) = open_fd(vm, &a[0])?;
    fds::with_borrowed(fd, |b| Ok(rustix::net::bind(b, &addr)?)).map_err(|e| os_error(vm, &e, None, None))?;
    Ok(Value::None)
}

fn listen(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let backlog = if a[1].is_null() { 128 } else { int_arg(vm, &a[1])?.clamp(0, i32::MAX as i64) as i32 };
    let (fd, _) = open_fd(vm, &a[0])?;
    fds::with_borrowed(fd, |b| Ok(rustix::net::listen(b, backlog)?)).map_err(|e| os_error(vm, &e, None, None))?;
    Ok(Value::None)
}

// sock_connect_impl: Ok(0) on success, else the errno (raised when `raise` is set).
fn connect_impl(vm: &mut Vm, a: &[Value], raise: bool) -> PyResult<i32> {
    let fam = family_of(vm, &a[0])?;
    let addr = sockaddr_arg(vm, fam, &a[1], if raise { "connect" } else { "connect_ex" })?;
    let (fd, timeout) = open_fd(vm, &a[0])?;
    let first = retry_eintr(vm, |_| fds::with_borrowed(fd, |b| Ok(rustix::net::connect(b, &addr)?)))?;
    let mut err = match first {
        Ok(()) => 0,
        Err(e) => e.raw_os_error().unwrap_or(5),
    };
    if err == Errno::INPROGRESS.raw_os_error() && timeout.is_some_and(|t| t > 0.0) {
        let left = Duration::from_secs_f64(timeout.unwrap_or(0.0));
        let ready = poll_fds(vm, &[(fd, 4)], Some(left))?;
        if ready[0] == 0 {
            if raise {
                return Err(timed_out(vm));
            }
            return Ok(Errno::WOULDBLOCK.raw_os_error());
        }
        let so = fds::with_borrowed(fd, |b| Ok(rustix::net::sockopt::socket_error(b)?)).map_err(|e| os_error(vm, &e, None, None))?;
        err = so.err().map_or(0, |e| e.raw_os_error());
    }
    if err != 0 && raise {
        return Err(os_error(vm, &std::io::Error::from_raw_os_error(err), None, None));
    }
    Ok(err)
}

fn accept(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (owned, addr) = call(vm, &a[0], false, |b| rustix::net::acceptfrom_with(b, SocketFlags::CLOEXEC))?;
    let fd = fds::insert_owned(owned);
    let addr = match addr {
        Some(x) => sockaddr_value(vm, &x),
        None => Value::None,
    };
    Ok(vm.new_tuple(vec![Value::Int(fd), addr]))
}

fn bufsize(vm: &mut Vm, v: &Value, what: &str) -> PyResult<usize> {
    let n = int_arg(vm, v)?;
    if n < 0 {
        return Err(vm.new_value_error(format!("negative buffersize in {what}")));
    }
    Ok(n as usize)
}

fn recv(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let n = bufsize(vm, &a[1], "recv")?;
    let flags = RecvFlags::from_bits_retain(flags_arg(vm, &a[2])?);
    let mut buf = vec![0u8; n];
    let (got, _) = call(vm, &a[0], false, |b| rustix::net::recv(b, &mut buf[..], flags))?;
    buf.truncate(got);
    Ok(crate::util::new_bytes(vm, &buf))
}

fn recvfrom(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let n = bufsize(vm, &a[1], "recvfrom")?;
    let flags = RecvFlags::from_bits_retain(flags_arg(vm, &a[2])?);
    let mut buf = vec![0u8; n];
    let (got, _, addr) = call(vm, &a[0], false, |b| rustix::net::recvfrom(b, &mut buf[..], flags))?;
    buf.truncate(got);
    let data = crate::util::new_bytes(vm, &buf);
    let addr = match addr {
        Some(x) => sockaddr_value(vm, &x),
        None => Value::None,
    };
    Ok(vm.new_tuple(vec![data, addr]))
}

/// Copy `data` into the writable buffer `target` (a bytearray, else `target[:n] = data`).
fn fill_buffer(vm: &mut Vm, target: &Value, data: &[u8]) -> PyResult<()> {
    if let Some(Payload::ByteArray(t)) = target.as_obj().map(|o| &o.payload) {
        t.borrow_mut()[..data.len()].copy_from_slice(data);
        return Ok(());
    }
    let stop = Value::Int(data.len() as i64);
    let sl = krait_vm::types::slice::new_slice(vm, Value::None, stop, Value::None);
    let b = crate::util::new_bytes(vm, data);
    vm.set_item(target, &sl, b)
}

/// The length of the writable buffer `target`, or TypeError.
fn buffer_len(vm: &mut Vm, target: &Value, what: &str) -> PyResult<usize> {
    let bytes_like = matches!(target.as_obj().map(|o| &o.payload), Some(Payload::Bytes(_)));
    match krait_vm::types::bytes::buffer(target) {
        Some(b) if !bytes_like => Ok(b.len()),
        _ => {
            let n = vm.type_name(target);
            Err(vm.new_type_error(format!("{what}() argument 1 must be read-write bytes-like object, not {n}")))
        }
    }
}

// sock_recv_into / sock_recvfrom_into
fn recv_into(vm: &mut Vm, a: &[Value], from: bool) -> PyResult<Value> {
    let what = if from { "recvfrom_into" } else { "recv_into" };
    let cap = buffer_len(vm, &a[1], what)?;
    let n = int_arg(vm, &a[2])?;
    if n < 0 {
        return Err(vm.new_value_error(format!("negative buffersize in {what}")));
    }
    let n = if n == 0 { cap } else { n as usize };
    if n > cap {
        return Err(vm.new_value_error(if from { "nbytes is greater than the length of the buffer" } else { "buffer too small for requested bytes" }));
    }
    let flags = RecvFlags::from_bits_retain(flags_arg(vm, &a[3])?);
    let mut buf = vec![0u8; n];
    let (got, addr) = if from {
        let (g, _, addr) = call(vm, &a[0], false, |b| rustix::net::recvfrom(b, &mut buf[..], flags))?;
        (g, addr)
    } else {
        (call(vm, &a[0], false, |b| rustix::net::recv(b, &mut buf[..], flags))?.0, None)
    };
    fill_buffer(vm, &a[1], &buf[..got])?;
    if !from {
        return Ok(Value::Int(got as i64));
    }
    let addr = match addr {
        Some(x) => sockaddr_value(vm, &x),
        None => Value::None,
    };
    Ok(vm.new_tuple(vec![Value::Int(got as i64), addr]))
}

fn send(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let data = buffer_arg(vm, &a[1])?;
    let flags = SendFlags::from_bits_retain(flags_arg(vm, &a[2])?);
    let n = call(vm, &a[0], true, |b| rustix::net::send(b, &data, flags))?;
    Ok(Value::Int(n as i64))
}

// sock_sendall
fn sendall(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let data = buffer_arg(vm, &a[1])?;
    let flags = SendFlags::from_bits_retain(flags_arg(vm, &a[2])?);
    let mut off = 0;
    while off < data.len() {
        off += call(vm, &a[0], true, |b| rustix::net::send(b, &data[off..], flags))?;
    }
    Ok(Value::None)
}

// sock_sendto: sendto(data[, flags], address)
fn sendto(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (flags, target) = if a[3].is_null() { (Value::Int(0), &a[2]) } else { (a[2].clone(), &a[3]) };
    let data = buffer_arg(vm, &a[1])?;
    let flags = SendFlags::from_bits_retain(flags_arg(vm, &flags)?);
    let fam = family_of(vm, &a[0])?;
    let addr = sockaddr_arg(vm, fam, target, "sendto")?;
    let n = call(vm, &a[0], true, |b| rustix::net::sendto(b, &data, flags, &addr))?;
    Ok(Value::Int(n as i64))
}

fn shutdown(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let how = match int_arg(vm, &a[1])? {
        0 => Shutdown::Read,
        1 => Shutdown::Write,
        2 => Shutdown::Both,
        _ => return Err(io_err(vm, Errno::INVAL)),
    };
    let (fd, _) = open_fd(vm, &a[0])?;
    fds::with_borrowed(fd, |b| Ok(rustix::net::shutdown(b, how)?)).map_err(|e| os_error(vm, &e, None, None))?;
    Ok(Value::None)
}

fn name(vm: &mut Vm, a: &[Value], peer: bool) -> PyResult<Value> {
    let (fd, _) = open_fd(vm, &a[0])?;
    let r = fds::with_borrowed(fd, |b| Ok(if peer { rustix::net::getpeername(b)? } else { Some(rustix::net::getsockname(b)?) }));
    match r.map_err(|e| os_error(vm, &e, None, None))? {
        Some(x) => Ok(sockaddr_value(vm, &x)),
        None => Ok(Value::None),
    }
}

fn close(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let fd = std::mem::replace(&mut cell(vm, &a[0])?.borrow_mut().fd, -1);
    if fd >= 0 {
        // ECONNRESET on close is not reported (sock_close).
        if let Err(e) = fds::close_fd(fd) {
            if e.raw_os_error() != Some(104) {
                return Err(os_error(vm, &e, None, None));
            }
        }
    }
    Ok(Value::None)
}

// sock_settimeout: None blocks, 0 never blocks, t > 0 waits up to t seconds.
pub fn set_timeout(vm: &mut Vm, v: &Value, t: Option<f64>) -> PyResult<()> {
    let fd = {
        let mut s = cell(vm, v)?.borrow_mut();
        s.timeout = t;
        s.fd
    };
    if fd >= 0 {
        pipes::set_blocking(fd, t.is_none()).map_err(|e| os_error(vm, &e, None, None))?;
    }
    Ok(())
}

/// A timeout argument (socket_parse_timeout).
pub fn timeout_arg(vm: &mut Vm, v: &Value) -> PyResult<Option<f64>> {
    let t = seconds_arg(vm, v, "Timeout value must be int, float or None")?;
    if t.is_some_and(|t| t < 0.0) {
        return Err(vm.new_value_error("Timeout value out of range"));
    }
    Ok(t)
}

fn repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let s = cell(vm, v)?.borrow();
    let text = format!("<socket object, fd={}, family={}, type={}, proto={}>", s.fd, s.family, s.kind, s.proto);
    drop(s);
    Ok(vm.new_str(&text))
}

pub const METHODS: &[MethodDef] = &[
    method("_accept", "(self, /)", accept),
    method("bind", "(self, address, /)", bind),
    method("listen", "(self, backlog=?, /)", listen),
    method("connect", "(self, address, /)", |vm, a| connect_impl(vm, a, true).map(|_| Value::None)),
    method("connect_ex", "(self, address, /)", |vm, a| connect_impl(vm, a, false).map(|e| Value::Int(e as i64))),
    method("recv", "(self, bufsize, flags=0, /)", recv),
    method("recvfrom", "(self, bufsize, flags=0, /)", recvfrom),
    method("recv_into", "(self, buffer, nbytes=0, flags=0)", |vm, a| recv_into(vm, a, false)),
    method("recvfrom_into", "(self, buffer, nbytes=0, flags=0)", |vm, a| recv_into(vm, a, true)),
    method("send", "(self, data, flags=0, /)", send),
    method("sendall", "(self, data, flags=0, /)", sendall),
    method("sendto", "(self, data, flags_or_address, address=?, /)", sendto),
    method("shutdown", "(self, how, /)", shutdown),
    method("getsockname", "(self, /)", |vm, a| name(vm, a, false)),
    method("getpeername", "(self, /)", |vm, a| name(vm, a, true)),
    method("close", "(self, /)", close),
    method("detach", "(self, /)", |vm, a| Ok(Value::Int(std::mem::replace(&mut cell(vm, &a[0])?.borrow_mut().fd, -1)))),
    method("fileno", "(self, /)", |vm, a| Ok(Value::Int(cell(vm, &a[0])?.borrow().fd))),
    method("gettimeout", "(self, /)", |vm, a| Ok(cell(vm, &a[0])?.borrow().timeout.map_or(Value::None, Value::Float))),
    method("settimeout", "(self, timeout, /)", |vm, a| {
        let t = timeout_arg(vm, &a[1])?;
        set_timeout(vm, &a[0], t)?;
        Ok(Value::None)
    }),
    method("setblocking", "(self, flag, /)", |vm, a| {
        let on = vm.is_true(&a[1])?;
        set_timeout(vm, &a[0], if on { None } else { Some(0.0) })?;
        Ok(Value::None)
    }),
    method("getblocking", "(self, /)", |vm, a| {
        let t = cell(vm, &a[0])?.borrow().timeout;
        Ok(Value::Bool(t != Some(0.0)))
    }),
    method("getsockopt", "(self, level, optname, buflen=None, /)", options::getsockopt),
    method("setsockopt", "(self, level, optname, value, optlen=None, /)", options::setsockopt),
];

/// Slots of the socket type.
pub fn slots() -> krait_vm::object::Slots {
    krait_vm::object::Slots {
        new: Some(|vm, cls: &PyRef, _| Ok(wrap(vm, cls, Sock::default()))),
        init: Some(init),
        repr: Some(repr),
        ..krait_vm::object::Slots::default()
    }
}

/// The read-only attributes family, type, proto and timeout.
pub const GETTERS: &[(&str, krait_vm::types::native::NativeFn)] = &[
    ("family", |vm, a| Ok(Value::Int(cell(vm, &a[0])?.borrow().family as i64))),
    ("type", |vm, a| Ok(Value::Int(cell(vm, &a[0])?.borrow().kind as i64))),
    ("proto", |vm, a| Ok(Value::Int(cell(vm, &a[0])?.borrow().proto as i64))),
    ("timeout", |vm, a| Ok(cell(vm, &a[0])?.borrow().timeout.map_or(Value::None, Value::Float))),
];
