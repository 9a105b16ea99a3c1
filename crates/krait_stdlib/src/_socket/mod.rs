//! The `_socket` module (CPython's Modules/socketmodule.c) on Linux: the socket type
//! ([`sock`]), address conversion ([`addr`]), socket options ([`options`]), name
//! services ([`netdb`]), and here the module itself: constants, exception types,
//! `socketpair`, `dup`, `close`, the default timeout, byte-order and inet_* helpers.

mod addr;
mod netdb;
mod options;
mod sock;

use crate::util::{get_type, index_i64, new_exception_type, new_module, new_type, set};
use krait_vm::modules::posix::{fds, os_error};
use krait_vm::object::{PyRef, TypeFlags, Value};
use krait_vm::types::methods::method;
use krait_vm::{PyErr, PyResult, Vm};
use std::cell::Cell;
use std::net::{Ipv4Addr, Ipv6Addr};

pub const AF_UNSPEC: i32 = 0;
pub const AF_UNIX: i32 = 1;
pub const AF_INET: i32 = 2;
pub const AF_INET6: i32 = 10;
pub const SOCK_STREAM: i32 = 1;
pub const SOCK_NONBLOCK: i32 = 0o4000;
pub const SOCK_CLOEXEC: i32 = 0o2000000;

thread_local! {
    /// socket.setdefaulttimeout's value (None: blocking).
    static DEFAULT_TIMEOUT: Cell<Option<f64>> = const { Cell::new(None) };
}

/// The timeout new sockets get.
pub fn default_timeout() -> Option<f64> {
    DEFAULT_TIMEOUT.with(Cell::get)
}

/// OSError with a message and no errno.
pub fn os_msg(vm: &mut Vm, msg: &str) -> PyErr {
    let cls = vm.exc.os_error.clone();
    vm.new_exception_msg(&cls, msg)
}

/// An exception of the module's class `key` made as `cls(code, msg)` (so OSError's
/// constructor sets errno and strerror).
fn coded(vm: &mut Vm, key: &'static str, code: i64, msg: &str) -> PyErr {
    let cls = match get_type(vm, key) {
        Ok(cls) => cls,
        Err(e) => return e,
    };
    let m = vm.new_str(msg);
    match vm.call_positional(&Value::Obj(cls), &[Value::Int(code), m]) {
        Ok(Value::Obj(o)) => PyErr(o),
        Ok(_) => vm.new_system_error("exception class returned a non-object"),
        Err(e) => e,
    }
}

/// socket.gaierror(code, message).
pub fn gaierror(vm: &mut Vm, code: i64, msg: &str) -> PyErr {
    coded(vm, "_socket.gaierror", code, msg)
}

/// socket.herror(code, message).
pub fn herror(vm: &mut Vm, code: i64, msg: &str) -> PyErr {
    coded(vm, "_socket.herror", code, msg)
}

pub use krait_vm::builtins::str_arg;

/// Linux's values of the constants socket.py and its users look for.
const CONSTANTS: &[(&str, i64)] = &[
    ("AF_UNSPEC", 0), ("AF_UNIX", 1), ("AF_INET", 2), ("AF_INET6", 10), ("AF_NETLINK", 16), ("AF_PACKET", 17),
    ("SOCK_STREAM", 1), ("SOCK_DGRAM", 2), ("SOCK_RAW", 3), ("SOCK_RDM", 4), ("SOCK_SEQPACKET", 5),
    ("SOCK_NONBLOCK", 0o4000), ("SOCK_CLOEXEC", 0o2000000),
    ("SOL_SOCKET", 1), ("SOL_IP", 0), ("SOL_TCP", 6), ("SOL_UDP", 17),
    ("SO_DEBUG", 1), ("SO_REUSEADDR", 2), ("SO_TYPE", 3), ("SO_ERROR", 4), ("SO_DONTROUTE", 5), ("SO_BROADCAST", 6),
    ("SO_SNDBUF", 7), ("SO_RCVBUF", 8), ("SO_KEEPALIVE", 9), ("SO_OOBINLINE", 10), ("SO_LINGER", 13),
    ("SO_REUSEPORT", 15), ("SO_RCVLOWAT", 18), ("SO_SNDLOWAT", 19), ("SO_RCVTIMEO", 20), ("SO_SNDTIMEO", 21),
    ("SO_ACCEPTCONN", 30), ("SO_PROTOCOL", 38), ("SO_DOMAIN", 39), ("SOMAXCONN", 4096), ("SCM_RIGHTS", 1),
    ("IPPROTO_IP", 0), ("IPPROTO_ICMP", 1), ("IPPROTO_TCP", 6), ("IPPROTO_UDP", 17), ("IPPROTO_IPV6", 41),
    ("IPPROTO_ICMPV6", 58), ("IPPROTO_RAW", 255),
    ("IP_TOS", 1), ("IP_TTL", 2), ("IPV6_V6ONLY", 26),
    ("TCP_NODELAY", 1), ("TCP_MAXSEG", 2), ("TCP_KEEPIDLE", 4), ("TCP_KEEPINTVL", 5), ("TCP_KEEPCNT", 6),
    ("MSG_OOB", 1), ("MSG_PEEK", 2), ("MSG_DONTROUTE", 4), ("MSG_CTRUNC", 8), ("MSG_TRUNC", 0x20),
    ("MSG_DONTWAIT", 0x40), ("MSG_EOR", 0x80), ("MSG_WAITALL", 0x100), ("MSG_NOSIGNAL", 0x4000),
    ("SHUT_RD", 0), ("SHUT_WR", 1), ("SHUT_RDWR", 2),
    ("AI_PASSIVE", 1), ("AI_CANONNAME", 2), ("AI_NUMERICHOST", 4), ("AI_V4MAPPED", 8), ("AI_ALL", 0x10),
    ("AI_ADDRCONFIG", 0x20), ("AI_NUMERICSERV", 0x400),
    ("NI_NUMERICHOST", 1), ("NI_NUMERICSERV", 2), ("NI_NOFQDN", 4), ("NI_NAMEREQD", 8), ("NI_DGRAM", 16),
    ("NI_MAXHOST", 1025), ("NI_MAXSERV", 32),
    ("EAI_BADFLAGS", -1), ("EAI_NONAME", -2), ("EAI_AGAIN", -3), ("EAI_FAIL", -4), ("EAI_NODATA", -5),
    ("EAI_FAMILY", -6), ("EAI_SOCKTYPE", -7), ("EAI_SERVICE", -8), ("EAI_ADDRFAMILY", -9), ("EAI_MEMORY", -10),
    ("EAI_SYSTEM", -11), ("EAI_OVERFLOW", -12),
    ("INADDR_ANY", 0), ("INADDR_BROADCAST", 0xffff_ffff), ("INADDR_LOOPBACK", 0x7f00_0001), ("INADDR_NONE", 0xffff_ffff),
];

/// Build the `_socket` module.
pub fn make_module(vm: &mut Vm) -> PyRef {
    let (m, d) = new_module(vm, "_socket", &[
        method("getaddrinfo", "(host, port, family=0, type=0, proto=0, flags=0)", netdb::getaddrinfo),
        method("getnameinfo", "(sockaddr, flags, /)", netdb::getnameinfo),
        method("gethostname", "()", |vm, _| Ok(vm.new_str(&netdb::hostname()))),
        method("gethostbyname", "(hostname, /)", netdb::gethostbyname),
        method("gethostbyname_ex", "(hostname, /)", netdb::gethostbyname_ex),
        method("gethostbyaddr", "(ip_address, /)", netdb::gethostbyaddr),
        method("getservbyname", "(servicename, protocolname=?, /)", netdb::getservbyname),
        method("getservbyport", "(port, protocolname=?, /)", netdb::getservbyport),
        method("getprotobyname", "(protocolname, /)", netdb::getprotobyname),
        method("socketpair", "(family=1, type=1, proto=0, /)", socketpair),
        method("dup", "(fd, /)", |vm, a| {
            let fd = index_i64(vm, &a[0])?.unwrap_or(-1);
            let new = fds::with_borrowed(fd, |b| Ok(rustix::io::fcntl_dupfd_cloexec(b, 0)?)).map_err(|e| os_error(vm, &e, None, None))?;
            Ok(Value::Int(fds::insert_owned(new)))
        }),
        method("close", "(fd, /)", |vm, a| {
            let fd = index_i64(vm, &a[0])?.unwrap_or(-1);
            match fds::close_fd(fd) {
                Err(e) if e.raw_os_error() != Some(104) => Err(os_error(vm, &e, None, None)),
                _ => Ok(Value::None),
            }
        }),
        method("getdefaulttimeout", "()", |_, _| Ok(default_timeout().map_or(Value::None, Value::Float))),
        method("setdefaulttimeout", "(timeout, /)", |vm, a| {
            let t = sock::timeout_arg(vm, &a[0])?;
            DEFAULT_TIMEOUT.with(|c| c.set(t));
            Ok(Value::None)
        }),
        method("htons", "(x, /)", |vm, a| swap16(vm, &a[0], "htons")),
        method("ntohs", "(x, /)", |vm, a| swap16(vm, &a[0], "ntohs")),
        method("htonl", "(x, /)", |vm, a| swap32(vm, &a[0])),
        method("ntohl", "(x, /)", |vm, a| swap32(vm, &a[0])),
        method("inet_aton", "(ip_addr, /)", inet_aton),
        method("inet_ntoa", "(packed_ip, /)", inet_ntoa),
        method("inet_pton", "(address_family, ip_string, /)", inet_pton),
        method("inet_ntop", "(address_family, packed_ip, /)", inet_ntop),
    ]);
    let t = new_type(vm, "_socket", "_socket.socket", None, sock::slots(), TypeFlags::BASETYPE, sock::METHODS);
    for &(name, get) in sock::GETTERS {
        krait_vm::types::int::add_property(vm, &t, "socket", name, get);
    }
    set(vm, &d, "socket", Value::Obj(t.clone()));
    set(vm, &d, "SocketType", Value::Obj(t));
    for &(name, v) in CONSTANTS {
        set(vm, &d, name, Value::Int(v));
    }
    set(vm, &d, "has_ipv6", Value::Bool(true));
    let os_err = vm.exc.os_error.clone();
    set(vm, &d, "error", Value::Obj(os_err.clone()));
    let timeout = vm.exc.timeout_error.clone();
    set(vm, &d, "timeout", Value::Obj(timeout));
    for (name, key) in [("herror", "_socket.herror"), ("gaierror", "_socket.gaierror")] {
        if let Ok(cls) = new_exception_type(vm, "socket", key, &os_err) {
            set(vm, &d, name, Value::Obj(cls));
        }
    }
    m
}

// socket_socketpair
fn socketpair(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let mut n = [0i64; 3];
    for (slot, v) in n.iter_mut().zip(a) {
        *slot = index_i64(vm, v)?.unwrap_or(-1);
    }
    let [family, kind, proto] = n.map(|x| x as i32);
    let ty = rustix::net::SocketType::from_raw((kind & !(SOCK_NONBLOCK | SOCK_CLOEXEC)) as u32);
    let mut flags = rustix::net::SocketFlags::CLOEXEC;
    if kind & SOCK_NONBLOCK != 0 {
        flags |= rustix::net::SocketFlags::NONBLOCK;
    }
    let pr = std::num::NonZeroU32::new(proto as u32).map(rustix::net::Protocol::from_raw);
    let (x, y) = rustix::net::socketpair(rustix::net::AddressFamily::from_raw(family as u16), ty, flags, pr)
        .map_err(|e| os_error(vm, &e.into(), None, None))?;
    let (x, y) = (fds::insert_owned(x), fds::insert_owned(y));
    let s1 = sock::new_socket(vm, x, family, kind, proto)?;
    let s2 = sock::new_socket(vm, y, family, kind, proto)?;
    Ok(vm.new_tuple(vec![s1, s2]))
}

/// The int argument `v` (TypeError for a non-int).
fn int_value(vm: &mut Vm, v: &Value) -> PyResult<num_bigint::BigInt> {
    match krait_vm::types::int::bigint_of(v) {
        Some(b) => Ok(b),
        None => {
            let n = vm.type_name(v);
            Err(vm.new_type_error(format!("'{n}' object cannot be interpreted as an integer")))
        }
    }
}

// socket_htons / socket_ntohs
fn swap16(vm: &mut Vm, v: &Value, name: &str) -> PyResult<Value> {
    let big = int_value(vm, v)?;
    let Some(x) = num_traits::ToPrimitive::to_i64(&big) else {
        return Err(vm.new_overflow_error("Python int too large to convert to C long"));
    };
    if x < 0 {
        return Err(vm.new_overflow_error(format!("{name}: can't convert negative Python int to C 16-bit unsigned integer")));
    }
    let Ok(x) = u16::try_from(x) else {
        return Err(vm.new_overflow_error(format!("{name}: Python int too large to convert to C 16-bit unsigned integer")));
    };
    Ok(Value::Int(x.swap_bytes() as i64))
}

// socket_htonl / socket_ntohl
fn swap32(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let big = int_value(vm, v)?;
    if big.sign() == num_bigint::Sign::Minus {
        return Err(vm.new_overflow_error("can't convert negative value to unsigned int"));
    }
    let Some(x) = num_traits::ToPrimitive::to_u64(&big) else {
        return Err(vm.new_overflow_error("Python int too large to convert to C unsigned long"));
    };
    let Ok(x) = u32::try_from(x) else {
        return Err(vm.new_overflow_error("int larger than 32 bits"));
    };
    Ok(Value::Int(x.swap_bytes() as i64))
}

/// inet_aton's parse: 1 to 4 dotted parts, each decimal, octal (0…) or hex (0x…), the
/// last filling the remaining bytes.
fn parse_aton(s: &str) -> Option<u32> {
    let parts: Vec<&str> = s.split('.').collect();
    if parts.is_empty() || parts.len() > 4 {
        return None;
    }
    let mut nums = Vec::new();
    for p in &parts {
        let (digits, radix) = if let Some(h) = p.strip_prefix("0x").or_else(|| p.strip_prefix("0X")) {
            (h, 16)
        } else if p.len() > 1 && p.starts_with('0') {
            (&p[1..], 8)
        } else {
            (*p, 10)
        };
        if digits.is_empty() && radix != 16 {
            return None;
        }
        let n = if digits.is_empty() { 0 } else { u64::from_str_radix(digits, radix).ok()? };
        nums.push(n);
    }
    let last = *nums.last()?;
    let head = &nums[..nums.len() - 1];
    if head.iter().any(|&n| n > 255) || last >> (8 * (4 - head.len())) != 0 {
        return None;
    }
    let mut r: u64 = 0;
    for (i, &n) in head.iter().enumerate() {
        r |= n << (24 - 8 * i);
    }
    Some((r | last) as u32)
}

fn inet_aton(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let s = str_arg(vm, &a[0], "inet_aton() argument 1")?;
    match parse_aton(s.trim_end_matches(char::is_whitespace)) {
        Some(n) => Ok(crate::util::new_bytes(vm, &n.to_be_bytes())),
        None => Err(os_msg(vm, "illegal IP address string passed to inet_aton")),
    }
}

fn packed(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<Vec<u8>> {
    krait_vm::types::bytes::buffer(v).ok_or_else(|| {
        let n = vm.type_name(v);
        vm.new_type_error(format!("{fname}() argument {} must be bytes-like object, not {n}", if fname == "inet_ntoa" { 1 } else { 2 }).replace("must be bytes-like object", "must be bytes-like object"))
    })
}

fn inet_ntoa(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let b = packed(vm, &a[0], "inet_ntoa")?;
    let Ok(four) = <[u8; 4]>::try_from(b.as_slice()) else {
        return Err(os_msg(vm, "packed IP wrong length for inet_ntoa"));
    };
    Ok(vm.new_str(&Ipv4Addr::from(four).to_string()))
}

fn family_arg(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    Ok(index_i64(vm, v)?.unwrap_or(-1) as i32)
}

fn inet_pton(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let fam = family_arg(vm, &a[0])?;
    let s = str_arg(vm, &a[1], "inet_pton() argument 2")?;
    let bytes = match fam {
        AF_INET => s.parse::<Ipv4Addr>().ok().map(|ip| ip.octets().to_vec()),
        AF_INET6 => s.parse::<Ipv6Addr>().ok().map(|ip| ip.octets().to_vec()),
        _ => return Err(os_error(vm, &std::io::Error::from_raw_os_error(97), None, None)),
    };
    match bytes {
        Some(b) => Ok(crate::util::new_bytes(vm, &b)),
        None => Err(os_msg(vm, "illegal IP address string passed to inet_pton")),
    }
}

fn inet_ntop(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let fam = family_arg(vm, &a[0])?;
    let b = packed(vm, &a[1], "inet_ntop")?;
    let text = match fam {
        AF_INET => <[u8; 4]>::try_from(b.as_slice()).ok().map(|x| Ipv4Addr::from(x).to_string()),
        AF_INET6 => <[u8; 16]>::try_from(b.as_slice()).ok().map(|x| Ipv6Addr::from(x).to_string()),
        _ => return Err(vm.new_value_error(format!("unknown address family {fam}"))),
    };
    match text {
        Some(t) => Ok(vm.new_str(&t)),
        None => Err(vm.new_value_error("invalid length of packed IP address string")),
    }
}
