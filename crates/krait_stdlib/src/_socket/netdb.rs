//! Name services: getaddrinfo, getnameinfo, gethostname, gethostbyname(_ex),
//! gethostbyaddr, getservbyname/port, getprotobyname. Forward lookups go through the C
//! library's resolver (std); reverse lookups and services read /etc/hosts and
//! /etc/services as the C library's "files" source does.

use super::addr::{resolve, sockaddr_value};
use super::{gaierror, herror, AF_INET, AF_INET6, AF_UNSPEC};
use crate::util::index_i64;
use krait_vm::object::{Payload, Value};
use krait_vm::{PyResult, Vm};
use rustix::net::SocketAddrAny;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddrV4, SocketAddrV6};

const AI_PASSIVE: i64 = 1;
const AI_CANONNAME: i64 = 2;
const AI_NUMERICHOST: i64 = 4;
const AI_NUMERICSERV: i64 = 0x400;
const NI_NUMERICHOST: i64 = 1;
const NI_NUMERICSERV: i64 = 2;
const NI_NAMEREQD: i64 = 8;
const NI_DGRAM: i64 = 16;

/// The lines of a /etc file without comments, split into fields.
fn etc_lines(file: &str) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(file).unwrap_or_default();
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .filter(|f| !f.is_empty())
        .collect()
}

/// The port of service `name` for protocol `proto` (any when None), from /etc/services.
fn service_port(name: &str, proto: Option<&str>) -> Option<(u16, String)> {
    etc_lines("/etc/services").into_iter().find_map(|f| {
        let (port, p) = f.get(1)?.split_once('/')?;
        let named = f[0] == name || f[2..].iter().any(|a| a == name);
        (named && proto.is_none_or(|want| want == p)).then(|| Some((port.parse().ok()?, p.to_string())))?
    })
}

/// The name of the service on `port` for protocol `proto`, from /etc/services.
fn service_name(port: u16, proto: Option<&str>) -> Option<String> {
    etc_lines("/etc/services").into_iter().find_map(|f| {
        let (p, pr) = f.get(1)?.split_once('/')?;
        (p.parse::<u16>().ok()? == port && proto.is_none_or(|want| want == pr)).then(|| f[0].clone())
    })
}

/// The /etc/hosts line naming `ip`: (official name, aliases).
fn hosts_by_addr(ip: &IpAddr) -> Option<(String, Vec<String>)> {
    etc_lines("/etc/hosts").into_iter().find_map(|f| {
        let a: IpAddr = f[0].parse().ok()?;
        (a == *ip && f.len() > 1).then(|| (f[1].clone(), f[2..].to_vec()))
    })
}

/// Text of a str/bytes argument (None for None).
fn text_arg(vm: &mut Vm, v: &Value, what: &str) -> PyResult<Option<String>> {
    match v.as_obj().map(|o| &o.payload) {
        None if v.is_none() => Ok(None),
        Some(Payload::Bytes(b)) => Ok(Some(String::from_utf8_lossy(b).into_owned())),
        _ if v.as_obj().and_then(|o| o.as_str()).is_some() => Ok(Some(vm.str_of(v).to_string())),
        _ => {
            let n = vm.type_name(v);
            Err(vm.new_type_error(format!("{what} must be str, bytes or None, not {n}")))
        }
    }
}

/// The (socktype, protocol) pairs getaddrinfo returns for `socktype`/`proto`.
fn kinds(vm: &mut Vm, socktype: i64, proto: i64) -> PyResult<Vec<(i64, i64)>> {
    let all = [(1, 6), (2, 17), (3, 0)];
    let picked: Vec<(i64, i64)> = match socktype {
        0 => all.iter().copied().filter(|k| proto == 0 || k.1 == proto || k.0 == 3).map(|(t, p)| (t, if t == 3 { proto } else { p })).collect(),
        1..=3 => vec![(socktype, if proto != 0 { proto } else { all[socktype as usize - 1].1 })],
        _ => return Err(gaierror(vm, -7, "ai_socktype not supported")),
    };
    Ok(picked)
}

// socket_getaddrinfo
pub fn getaddrinfo(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let host = text_arg(vm, &a[0], "getaddrinfo() argument 1")?;
    let mut n = [0i64; 4];
    for (slot, v) in n.iter_mut().zip(&a[2..6]) {
        *slot = index_i64(vm, v)?.unwrap_or(0);
    }
    let [family, socktype, proto, flags] = n;
    let service: Option<String> = match &a[1] {
        v if v.is_none() => None,
        v if krait_vm::types::int::bigint_of(v).is_some() => Some(index_i64(vm, v)?.unwrap_or(-1).to_string()),
        v => match text_arg(vm, v, "port")? {
            Some(s) => Some(s),
            None => return Err(super::os_msg(vm, "Int or String expected")),
        },
    };
    if host.is_none() && service.is_none() {
        return Err(gaierror(vm, -2, "Name or service not known"));
    }
    if ![AF_UNSPEC, AF_INET, AF_INET6].contains(&(family as i32)) {
        return Err(gaierror(vm, -6, "ai_family not supported"));
    }
    let mut entries = kinds(vm, socktype, proto)?;
    let port = match &service {
        None => 0,
        Some(s) => match s.parse::<i64>() {
            Ok(p) => p as u16,
            Err(_) if flags & AI_NUMERICSERV != 0 => return Err(gaierror(vm, -2, "Name or service not known")),
            Err(_) => {
                entries.retain(|k| k.0 != 3);
                let found: Vec<(i64, i64)> = entries.iter().copied().filter(|k| service_port(s, Some(if k.0 == 2 { "udp" } else { "tcp" })).is_some()).collect();
                let Some(p) = found.first().and_then(|k| service_port(s, Some(if k.0 == 2 { "udp" } else { "tcp" }))) else {
                    return Err(gaierror(vm, -8, "Servname not supported for ai_socktype"));
                };
                entries = found;
                p.0
            }
        },
    };
    let ips: Vec<IpAddr> = match &host {
        None if flags & AI_PASSIVE != 0 => vec![Ipv4Addr::UNSPECIFIED.into(), Ipv6Addr::UNSPECIFIED.into()],
        None => vec![Ipv6Addr::LOCALHOST.into(), Ipv4Addr::LOCALHOST.into()],
        Some(h) => match h.parse::<IpAddr>() {
            Ok(ip) => vec![ip],
            Err(_) if flags & AI_NUMERICHOST != 0 => return Err(gaierror(vm, -2, "Name or service not known")),
            Err(_) => resolve(vm, h)?,
        },
    };
    let ips: Vec<IpAddr> = ips.into_iter().filter(|ip| family == 0 || (family == 2) == ip.is_ipv4()).collect();
    if ips.is_empty() {
        return Err(gaierror(vm, -9, "Address family for hostname not supported"));
    }
    let mut out = Vec::new();
    for ip in ips {
        let addr = match ip {
            IpAddr::V4(v4) => SocketAddrAny::from(SocketAddrV4::new(v4, port)),
            IpAddr::V6(v6) => SocketAddrAny::from(SocketAddrV6::new(v6, port, 0, 0)),
        };
        let fam = if ip.is_ipv4() { AF_INET } else { AF_INET6 };
        for &(t, p) in &entries {
            let canon = if flags & AI_CANONNAME != 0 && out.is_empty() { host.clone().unwrap_or_default() } else { String::new() };
            let canon = vm.new_str(&canon);
            let sa = sockaddr_value(vm, &addr);
            out.push(vm.new_tuple(vec![Value::Int(fam as i64), Value::Int(t), Value::Int(p), canon, sa]));
        }
    }
    Ok(vm.new_list(out))
}

/// The host name (uname's nodename).
pub fn hostname() -> String {
    rustix::system::uname().nodename().to_string_lossy().into_owned()
}

/// The first IPv4 address of `name` (gethostbyname).
fn first_v4(vm: &mut Vm, name: &str) -> PyResult<Ipv4Addr> {
    if name.is_empty() {
        return Ok(Ipv4Addr::UNSPECIFIED);
    }
    resolve(vm, name)?.into_iter().find_map(|ip| match ip {
        IpAddr::V4(v4) => Some(v4),
        IpAddr::V6(_) => None,
    }).ok_or_else(|| gaierror(vm, -9, "Address family for hostname not supported"))
}

pub fn gethostbyname(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let name = super::str_arg(vm, &a[0], "gethostbyname() argument 1")?;
    let ip = first_v4(vm, &name)?;
    Ok(vm.new_str(&ip.to_string()))
}

/// `(name, aliases, addresses)` as gethostbyname_ex and gethostbyaddr give it.
fn host_triple(vm: &mut Vm, name: String, aliases: Vec<String>, ips: Vec<String>) -> Value {
    let n = vm.new_str(&name);
    let al: Vec<Value> = aliases.iter().map(|s| vm.new_str(s)).collect();
    let ad: Vec<Value> = ips.iter().map(|s| vm.new_str(s)).collect();
    let (al, ad) = (vm.new_list(al), vm.new_list(ad));
    vm.new_tuple(vec![n, al, ad])
}

pub fn gethostbyname_ex(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let name = super::str_arg(vm, &a[0], "gethostbyname_ex() argument 1")?;
    let ip = first_v4(vm, &name)?;
    let (official, aliases) = match hosts_by_addr(&IpAddr::V4(ip)) {
        Some((o, al)) if o == name || al.contains(&name) => (o, al),
        _ => (name, Vec::new()),
    };
    Ok(host_triple(vm, official, aliases, vec![ip.to_string()]))
}

// socket_gethostbyaddr
pub fn gethostbyaddr(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let name = super::str_arg(vm, &a[0], "gethostbyaddr() argument 1")?;
    let ip = match name.parse::<IpAddr>() {
        Ok(ip) => ip,
        Err(_) => resolve(vm, &name)?.into_iter().next().ok_or_else(|| herror(vm, 1, "Unknown host"))?,
    };
    match hosts_by_addr(&ip) {
        Some((o, al)) => Ok(host_triple(vm, o, al, vec![ip.to_string()])),
        None => Err(herror(vm, 1, "Unknown host")),
    }
}

// socket_getnameinfo
pub fn getnameinfo(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let Some(t) = a[0].as_obj().and_then(|o| o.as_tuple()).map(|t| t.to_vec()) else {
        return Err(vm.new_type_error("getnameinfo() argument 1 must be a tuple"));
    };
    if !(2..=4).contains(&t.len()) {
        return Err(vm.new_type_error("getnameinfo(): illegal sockaddr argument"));
    }
    let flags = index_i64(vm, &a[1])?.unwrap_or(0);
    let host = super::str_arg(vm, &t[0], "getnameinfo() argument 1")?;
    let port = index_i64(vm, &t[1])?.unwrap_or(-1);
    let port = u16::try_from(port).map_err(|_| vm.new_overflow_error("getnameinfo(): port must be 0-65535."))?;
    let ip = match host.parse::<IpAddr>() {
        Ok(ip) => ip,
        Err(_) => {
            let found = resolve(vm, &host)?;
            if found.len() > 1 {
                return Err(super::os_msg(vm, "sockaddr resolved to multiple addresses"));
            }
            found.into_iter().next().ok_or_else(|| gaierror(vm, -2, "Name or service not known"))?
        }
    };
    let name = if flags & NI_NUMERICHOST != 0 {
        ip.to_string()
    } else {
        match hosts_by_addr(&ip) {
            Some((o, _)) => o,
            None if flags & NI_NAMEREQD != 0 => return Err(gaierror(vm, -2, "Name or service not known")),
            None => ip.to_string(),
        }
    };
    let serv = if flags & NI_NUMERICSERV != 0 {
        port.to_string()
    } else {
        service_name(port, Some(if flags & NI_DGRAM != 0 { "udp" } else { "tcp" })).unwrap_or_else(|| port.to_string())
    };
    let (h, s) = (vm.new_str(&name), vm.new_str(&serv));
    Ok(vm.new_tuple(vec![h, s]))
}

pub fn getservbyname(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let name = super::str_arg(vm, &a[0], "getservbyname() argument 1")?;
    let proto = if a[1].is_null() { None } else { Some(super::str_arg(vm, &a[1], "getservbyname() argument 2")?) };
    match service_port(&name, proto.as_deref()) {
        Some((p, _)) => Ok(Value::Int(p as i64)),
        None => Err(super::os_msg(vm, "service/proto not found")),
    }
}

pub fn getservbyport(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let port = index_i64(vm, &a[0])?.unwrap_or(-1);
    let Ok(port) = u16::try_from(port) else {
        return Err(vm.new_overflow_error("getservbyport: port must be 0-65535."));
    };
    let proto = if a[1].is_null() { None } else { Some(super::str_arg(vm, &a[1], "getservbyport() argument 2")?) };
    match service_name(port, proto.as_deref()) {
        Some(n) => Ok(vm.new_str(&n)),
        None => Err(super::os_msg(vm, "port/proto not found")),
    }
}

pub fn getprotobyname(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let name = super::str_arg(vm, &a[0], "getprotobyname() argument")?;
    let table = etc_lines("/etc/protocols");
    let found = table.iter().find(|f| f[0] == name || f[2..].contains(&name)).and_then(|f| f.get(1)?.parse::<i64>().ok());
    let builtin = [("ip", 0), ("icmp", 1), ("tcp", 6), ("udp", 17), ("ipv6", 41), ("ipv6-icmp", 58), ("raw", 255)];
    match found.or_else(|| builtin.iter().find(|b| b.0 == name).map(|b| b.1)) {
        Some(p) => Ok(Value::Int(p)),
        None => Err(super::os_msg(vm, "protocol not found")),
    }
}
