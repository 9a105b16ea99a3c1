//! Socket addresses: Python address arguments to system addresses (getsockaddrarg),
//! system addresses back to Python values (makesockaddr), and host-name resolution
//! through the C library's resolver (std's `ToSocketAddrs`).

use super::{gaierror, AF_INET, AF_INET6, AF_UNIX};
use krait_vm::modules::posix::path_arg;
use krait_vm::object::{Payload, Value};
use krait_vm::{PyResult, Vm};
use rustix::net::{SocketAddrAny, SocketAddrUnix};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddrV4, SocketAddrV6, ToSocketAddrs};
use std::os::unix::ffi::OsStrExt;

/// The addresses `host` resolves to (getaddrinfo), or gaierror.
pub fn resolve(vm: &mut Vm, host: &str) -> PyResult<Vec<IpAddr>> {
    if let Ok(ip) = host.parse::<IpAddr>() {
        return Ok(vec![ip]);
    }
    match (host, 0u16).to_socket_addrs() {
        Ok(it) => {
            let mut out: Vec<IpAddr> = Vec::new();
            for a in it {
                if !out.contains(&a.ip()) {
                    out.push(a.ip());
                }
            }
            Ok(out)
        }
        Err(e) => Err(gai_from_io(vm, &e)),
    }
}

/// gaierror for a resolver failure reported by std (which keeps only the message).
pub fn gai_from_io(vm: &mut Vm, e: &std::io::Error) -> krait_vm::PyErr {
    let text = e.to_string();
    let known = [(-3, "Temporary failure in name resolution"), (-5, "No address associated with hostname"), (-8, "Servname not supported for ai_socktype"), (-4, "Non-recoverable failure in name resolution")];
    let (code, msg) = known.iter().find(|(_, m)| text.contains(m)).copied().unwrap_or((-2, "Name or service not known"));
    gaierror(vm, code, msg)
}

/// The IPv4 address for host `h` of an AF_INET address (setipaddr).
fn ipv4_host(vm: &mut Vm, h: &str) -> PyResult<Ipv4Addr> {
    match h {
        "" => return Ok(Ipv4Addr::UNSPECIFIED),
        "<broadcast>" | "255.255.255.255" => return Ok(Ipv4Addr::BROADCAST),
        _ => {}
    }
    for ip in resolve(vm, h)? {
        if let IpAddr::V4(v4) = ip {
            return Ok(v4);
        }
    }
    Err(gaierror(vm, -9, "Address family for hostname not supported"))
}

fn ipv6_host(vm: &mut Vm, h: &str) -> PyResult<Ipv6Addr> {
    if h.is_empty() {
        return Ok(Ipv6Addr::UNSPECIFIED);
    }
    let (h, _) = h.split_once('%').unwrap_or((h, ""));
    for ip in resolve(vm, h)? {
        if let IpAddr::V6(v6) = ip {
            return Ok(v6);
        }
    }
    Err(gaierror(vm, -9, "Address family for hostname not supported"))
}

/// The host part of an address tuple as text (str, or bytes decoded as ASCII).
fn host_text(vm: &mut Vm, v: &Value) -> PyResult<String> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Bytes(b)) => Ok(String::from_utf8_lossy(b).into_owned()),
        Some(Payload::ByteArray(b)) => Ok(String::from_utf8_lossy(&b.borrow()).into_owned()),
        _ if v.as_obj().and_then(|o| o.as_str()).is_some() => Ok(vm.str_of(v).to_string()),
        _ => {
            let n = vm.type_name(v);
            Err(vm.new_type_error(format!("str, bytes or bytearray expected, not {n}")))
        }
    }
}

fn port_arg(vm: &mut Vm, v: &Value, caller: &str) -> PyResult<u16> {
    if krait_vm::types::int::bigint_of(v).is_none() {
        let n = vm.type_name(v);
        return Err(vm.new_type_error(format!("'{n}' object cannot be interpreted as an integer")));
    }
    let p = crate::util::index_i64(vm, v)?.unwrap_or(-1);
    u16::try_from(p).map_err(|_| vm.new_overflow_error(format!("{caller}(): port must be 0-65535.")))
}

/// Convert address argument `v` of `caller` for a socket of `family` (getsockaddrarg).
pub fn sockaddr_arg(vm: &mut Vm, family: i32, v: &Value, caller: &str) -> PyResult<SocketAddrAny> {
    match family {
        AF_UNIX => {
            let p = path_arg(vm, v, caller).map_err(|_| {
                let n = vm.type_name(v);
                vm.new_type_error(format!("a bytes-like object is required, not '{n}'"))
            })?;
            let bytes = p.path.as_os_str().as_bytes();
            let r = match bytes.first() {
                Some(0) => SocketAddrUnix::new_abstract_name(&bytes[1..]),
                _ if bytes.is_empty() => Ok(SocketAddrUnix::new_unnamed()),
                _ => SocketAddrUnix::new(p.path.as_path()),
            };
            r.map(SocketAddrAny::from).map_err(|_| super::os_msg(vm, "AF_UNIX path too long"))
        }
        AF_INET | AF_INET6 => {
            let Some(t) = v.as_obj().and_then(|o| o.as_tuple()) else {
                let (fam, n) = (if family == AF_INET { "AF_INET" } else { "AF_INET6" }, vm.type_name(v));
                return Err(vm.new_type_error(format!("{caller}(): {fam} address must be tuple, not {n}")));
            };
            let want = if family == AF_INET { 2..=2 } else { 2..=4 };
            if !want.contains(&t.len()) {
                let msg = if family == AF_INET { "AF_INET address must be a pair (host, port)" } else { "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])" };
                return Err(vm.new_type_error(msg));
            }
            let t = t.to_vec();
            let host = host_text(vm, &t[0])?;
            let port = port_arg(vm, &t[1], caller)?;
            if family == AF_INET {
                let ip = ipv4_host(vm, &host)?;
                return Ok(SocketAddrAny::from(SocketAddrV4::new(ip, port)));
            }
            let mut extra = [0u32; 2];
            for (slot, v) in extra.iter_mut().zip(&t[2..]) {
                let n = crate::util::index_i64(vm, v)?.unwrap_or(-1);
                *slot = u32::try_from(n).map_err(|_| vm.new_overflow_error(format!("{caller}(): flowinfo must be 0-1048575.")))?;
            }
            if extra[0] > 0xfffff {
                return Err(vm.new_overflow_error(format!("{caller}(): flowinfo must be 0-1048575.")));
            }
            let ip = ipv6_host(vm, &host)?;
            Ok(SocketAddrAny::from(SocketAddrV6::new(ip, port, extra[0], extra[1])))
        }
        _ => Err(super::os_msg(vm, &format!("{caller}(): bad family"))),
    }
}

/// A system address as the Python value CPython gives (makesockaddr).
pub fn sockaddr_value(vm: &mut Vm, a: &SocketAddrAny) -> Value {
    if let Ok(v4) = SocketAddrV4::try_from(a.clone()) {
        let ip = vm.new_str(&v4.ip().to_string());
        return vm.new_tuple(vec![ip, Value::Int(v4.port() as i64)]);
    }
    if let Ok(v6) = SocketAddrV6::try_from(a.clone()) {
        return ipv6_value(vm, &v6);
    }
    if let Ok(u) = SocketAddrUnix::try_from(a.clone()) {
        if let Some(name) = u.abstract_name() {
            let mut b = vec![0u8];
            b.extend_from_slice(name);
            return crate::util::new_bytes(vm, &b);
        }
        let p = u.path_bytes().unwrap_or(&[]);
        return vm.new_str(&String::from_utf8_lossy(p));
    }
    Value::None
}

/// `(host, port, flowinfo, scope_id)` for an IPv6 address.
pub fn ipv6_value(vm: &mut Vm, v6: &SocketAddrV6) -> Value {
    let ip = vm.new_str(&v6.ip().to_string());
    vm.new_tuple(vec![ip, Value::Int(v6.port() as i64), Value::Int(v6.flowinfo() as i64), Value::Int(v6.scope_id() as i64)])
}
