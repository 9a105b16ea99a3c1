//! `getsockopt` / `setsockopt` for the socket options krait maps to rustix's typed
//! calls (SOL_SOCKET, TCP, IP and IPv6 options in common use); any other option raises
//! NotImplementedError naming it.

use super::sock::cell;
use crate::util::index_i64;
use krait_vm::modules::posix::{fds, os_error};
use krait_vm::object::Value;
use krait_vm::types::bytes::buffer;
use krait_vm::{PyResult, Vm};
use rustix::net::sockopt as so;
use std::os::fd::BorrowedFd;
use std::time::Duration;

const SOL_SOCKET: i64 = 1;
const IPPROTO_IP: i64 = 0;
const IPPROTO_TCP: i64 = 6;
const IPPROTO_IPV6: i64 = 41;
const SO_LINGER: i64 = 13;

type Getter = fn(BorrowedFd<'_>) -> rustix::io::Result<i64>;
type Setter = fn(BorrowedFd<'_>, i64) -> rustix::io::Result<()>;

/// (level, option, read, write) for the integer options.
const INT_OPTIONS: &[(i64, i64, Getter, Option<Setter>)] = &[
    (SOL_SOCKET, 2, |b| so::socket_reuseaddr(b).map(i64::from), Some(|b, v| so::set_socket_reuseaddr(b, v != 0))),
    (SOL_SOCKET, 3, |b| so::socket_type(b).map(|t| t.as_raw() as i64), None),
    (SOL_SOCKET, 4, |b| so::socket_error(b).map(|r| r.err().map_or(0, |e| e.raw_os_error() as i64)), None),
    (SOL_SOCKET, 6, |b| so::socket_broadcast(b).map(i64::from), Some(|b, v| so::set_socket_broadcast(b, v != 0))),
    (SOL_SOCKET, 7, |b| so::socket_send_buffer_size(b).map(|n| n as i64), Some(|b, v| so::set_socket_send_buffer_size(b, v.max(0) as usize))),
    (SOL_SOCKET, 8, |b| so::socket_recv_buffer_size(b).map(|n| n as i64), Some(|b, v| so::set_socket_recv_buffer_size(b, v.max(0) as usize))),
    (SOL_SOCKET, 9, |b| so::socket_keepalive(b).map(i64::from), Some(|b, v| so::set_socket_keepalive(b, v != 0))),
    (SOL_SOCKET, 10, |b| so::socket_oobinline(b).map(i64::from), Some(|b, v| so::set_socket_oobinline(b, v != 0))),
    (SOL_SOCKET, 15, |b| so::socket_reuseport(b).map(i64::from), Some(|b, v| so::set_socket_reuseport(b, v != 0))),
    (SOL_SOCKET, 30, |b| so::socket_acceptconn(b).map(i64::from), None),
    (SOL_SOCKET, 38, |b| so::socket_protocol(b).map(|p| p.map_or(0, |p| p.as_raw().get() as i64)), None),
    (SOL_SOCKET, 39, |b| so::socket_domain(b).map(|d| d.as_raw() as i64), None),
    (IPPROTO_TCP, 1, |b| so::tcp_nodelay(b).map(i64::from), Some(|b, v| so::set_tcp_nodelay(b, v != 0))),
    (IPPROTO_TCP, 4, |b| so::tcp_keepidle(b).map(|d| d.as_secs() as i64), Some(|b, v| so::set_tcp_keepidle(b, Duration::from_secs(v.max(0) as u64)))),
    (IPPROTO_TCP, 5, |b| so::tcp_keepintvl(b).map(|d| d.as_secs() as i64), Some(|b, v| so::set_tcp_keepintvl(b, Duration::from_secs(v.max(0) as u64)))),
    (IPPROTO_TCP, 6, |b| so::tcp_keepcnt(b).map(i64::from), Some(|b, v| so::set_tcp_keepcnt(b, v.max(0) as u32))),
    (IPPROTO_IP, 1, |b| so::ip_tos(b).map(i64::from), Some(|b, v| so::set_ip_tos(b, v as u8))),
    (IPPROTO_IP, 2, |b| so::ip_ttl(b).map(i64::from), Some(|b, v| so::set_ip_ttl(b, v.max(0) as u32))),
    (IPPROTO_IPV6, 26, |b| so::ipv6_v6only(b).map(i64::from), Some(|b, v| so::set_ipv6_v6only(b, v != 0))),
];

fn unsupported(vm: &mut Vm, level: i64, opt: i64) -> krait_vm::PyErr {
    vm.new_not_implemented_error(format!("socket option (level {level}, option {opt})"))
}

fn int(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    index_i64(vm, v)?.ok_or_else(|| vm.new_overflow_error("Python int too large to convert to C int"))
}

fn on_fd<R>(vm: &mut Vm, sock: &Value, f: impl FnOnce(BorrowedFd<'_>) -> rustix::io::Result<R>) -> PyResult<R> {
    let fd = cell(vm, sock)?.borrow().fd;
    fds::with_borrowed(fd, |b| Ok(f(b)?)).map_err(|e| os_error(vm, &e, None, None))
}

/// The 8 bytes of a `struct linger` (l_onoff, l_linger as native ints).
fn linger_bytes(v: Option<Duration>) -> Vec<u8> {
    let (on, secs) = v.map_or((0i32, 0i32), |d| (1, d.as_secs() as i32));
    [on.to_ne_bytes(), secs.to_ne_bytes()].concat()
}

// sock_getsockopt_impl
pub fn getsockopt(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (level, opt) = (int(vm, &a[1])?, int(vm, &a[2])?);
    let buflen = if a[3].is_none() { 0 } else { int(vm, &a[3])? };
    if buflen > 0 {
        if (level, opt) != (SOL_SOCKET, SO_LINGER) {
            return Err(unsupported(vm, level, opt));
        }
        let l = on_fd(vm, &a[0], |b| so::socket_linger(b))?;
        let mut b = linger_bytes(l);
        b.truncate(buflen as usize);
        return Ok(crate::util::new_bytes(vm, &b));
    }
    if buflen < 0 {
        return Err(os_error(vm, &std::io::Error::from_raw_os_error(22), None, None));
    }
    let Some(&(_, _, get, _)) = INT_OPTIONS.iter().find(|o| o.0 == level && o.1 == opt) else {
        return Err(unsupported(vm, level, opt));
    };
    on_fd(vm, &a[0], get).map(Value::Int)
}

// sock_setsockopt_impl
pub fn setsockopt(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (level, opt) = (int(vm, &a[1])?, int(vm, &a[2])?);
    if krait_vm::types::int::bigint_of(&a[3]).is_none() {
        let Some(b) = buffer(&a[3]) else {
            let n = vm.type_name(&a[3]);
            return Err(vm.new_type_error(format!("a bytes-like object is required, not '{n}'")));
        };
        if (level, opt) != (SOL_SOCKET, SO_LINGER) || b.len() < 8 {
            return Err(unsupported(vm, level, opt));
        }
        let on = i32::from_ne_bytes([b[0], b[1], b[2], b[3]]);
        let secs = i32::from_ne_bytes([b[4], b[5], b[6], b[7]]);
        let value = if on != 0 { Some(Duration::from_secs(secs.max(0) as u64)) } else { None };
        on_fd(vm, &a[0], |f| so::set_socket_linger(f, value))?;
        return Ok(Value::None);
    }
    let v = int(vm, &a[3])?;
    let Some(&(_, _, _, Some(set))) = INT_OPTIONS.iter().find(|o| o.0 == level && o.1 == opt) else {
        return Err(unsupported(vm, level, opt));
    };
    on_fd(vm, &a[0], |f| set(f, v))?;
    Ok(Value::None)
}
