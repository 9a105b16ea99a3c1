//! The abstract bases `_IOBase`, `_RawIOBase`, `_BufferedIOBase`, `_TextIOBase`: their
//! generic methods work through the object's own Python-level methods (iobase.c).

use super::{closed_error, unsupported, DEFAULT_BUFFER_SIZE};
use crate::modules::util::{add_getters, native_type, set};
use crate::types::bytes::new_bytes;
use crate::object::{PyRef, Slots, Value};
use crate::types::methods::method;
use crate::vm::{PyResult, Vm};

/// The base types, for the concrete classes to derive from.
pub struct Bases {
    pub raw: PyRef,
    pub buffered: PyRef,
    pub text: PyRef,
}

/// Whether `self.closed` is true.
pub fn is_closed(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    let c = vm.get_attr_str(v, "closed")?;
    vm.is_true(&c)
}

/// `_checkClosed`: ValueError when closed.
pub fn check_closed(vm: &mut Vm, v: &Value) -> PyResult<()> {
    if is_closed(vm, v)? {
        return Err(closed_error(vm));
    }
    Ok(())
}

fn check_able(vm: &mut Vm, v: &Value, what: &str, msg: &str) -> PyResult<Value> {
    let r = vm.call_method(v, what, &[])?;
    if !vm.is_true(&r)? {
        return Err(unsupported(vm, msg));
    }
    Ok(Value::None)
}

/// The generic closed flag (`__IOBase_closed` in the instance dict).
fn base_closed(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let flag = vm.get_attr_opt_str(&a[0], "__IOBase_closed")?;
    Ok(Value::Bool(match flag {
        Some(f) => vm.is_true(&f)?,
        None => false,
    }))
}

// iobase_close
fn base_close(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    if is_closed(vm, &a[0])? {
        return Ok(Value::None);
    }
    let r = vm.call_method(&a[0], "flush", &[]);
    let key = vm.intern("__IOBase_closed");
    vm.generic_set_attr(&a[0], &key, Value::Bool(true))?;
    r.map(|_| Value::None)
}

/// `__next__` for every IO object: `readline()`, stopping at an empty line.
fn io_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let line = vm.call_method(v, "readline", &[])?;
    Ok(if vm.len(&line)? == 0 { None } else { Some(line) })
}

fn io_iter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    check_closed(vm, v)?;
    Ok(v.clone())
}

// iobase_readline: byte by byte through read(1) (or peek when available).
fn base_readline(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let limit = super::size_arg(vm, &a[1])?;
    let mut out = Vec::new();
    while limit.is_none_or(|l| out.len() < l) {
        let b = vm.call_method(&a[0], "read", &[Value::Int(1)])?;
        let Some(chunk) = crate::types::bytes::with_data(&b, <[u8]>::to_vec) else {
            let n = vm.type_name(&b);
            return Err(vm.new_os_error(format!("read() should have returned a bytes object, not '{n}'")));
        };
        if chunk.is_empty() {
            break;
        }
        out.extend_from_slice(&chunk);
        if out.ends_with(b"\n") {
            break;
        }
    }
    Ok(new_bytes(vm, out))
}

// iobase_readlines
fn base_readlines(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let hint = super::size_arg(vm, &a[1])?.filter(|&h| h > 0);
    let mut lines = Vec::new();
    let mut total = 0;
    while let Some(line) = io_next(vm, &a[0])? {
        total += vm.len(&line)?;
        lines.push(line);
        if hint.is_some_and(|h| total >= h) {
            break;
        }
    }
    Ok(vm.new_list(lines))
}

fn base_writelines(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    check_closed(vm, &a[0])?;
    for line in vm.collect(&a[1])? {
        vm.call_method(&a[0], "write", &[line])?;
    }
    Ok(Value::None)
}

// rawiobase_read
fn raw_read(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let Some(n) = super::size_arg(vm, &a[1])? else { return vm.call_method(&a[0], "readall", &[]) };
    let t = vm.types.bytearray.clone();
    let buf = vm.wrap(crate::object::Payload::ByteArray(std::cell::RefCell::new(vec![0; n])), &t);
    let got = vm.call_method(&a[0], "readinto", &[buf.clone()])?;
    if got.is_none() {
        return Ok(Value::None);
    }
    let got = crate::modules::util::i64_arg(vm, &got)?.clamp(0, n as i64) as usize;
    let data = crate::types::bytes::data(&buf);
    Ok(new_bytes(vm, data[..got.min(data.len())].to_vec()))
}

// rawiobase_readall
fn raw_readall(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let mut out = Vec::new();
    loop {
        let chunk = vm.call_method(&a[0], "read", &[Value::Int(DEFAULT_BUFFER_SIZE as i64)])?;
        if chunk.is_none() {
            if out.is_empty() {
                return Ok(Value::None);
            }
            break;
        }
        let data = crate::types::bytes::data(&chunk);
        if data.is_empty() {
            break;
        }
        out.extend_from_slice(&data);
    }
    Ok(new_bytes(vm, out))
}

/// A method that raises UnsupportedOperation(`msg`).
macro_rules! unsupported_method {
    ($name:literal, $sig:literal, $msg:literal) => {
        method($name, $sig, |vm, _| Err(unsupported(vm, $msg)))
    };
}

/// Create the four base classes in module `m`.
pub fn make_types(vm: &mut Vm, m: &PyRef) -> Bases {
    let slots = Slots { iter: Some(io_iter), next: Some(io_next), ..Slots::default() };
    let base = native_type(vm, "_io", "_IOBase", None, slots, &[
        method("close", "(self, /)", base_close),
        method("flush", "(self, /)", |vm, a| {
            check_closed(vm, &a[0])?;
            Ok(Value::None)
        }),
        unsupported_method!("seek", "(self, *args)", "seek"),
        unsupported_method!("truncate", "(self, *args)", "truncate"),
        unsupported_method!("fileno", "(self, /)", "fileno"),
        method("tell", "(self, /)", |vm, a| vm.call_method(&a[0], "seek", &[Value::Int(0), Value::Int(1)])),
        method("readable", "(self, /)", |_, _| Ok(Value::Bool(false))),
        method("writable", "(self, /)", |_, _| Ok(Value::Bool(false))),
        method("seekable", "(self, /)", |_, _| Ok(Value::Bool(false))),
        method("isatty", "(self, /)", |vm, a| {
            check_closed(vm, &a[0])?;
            Ok(Value::Bool(false))
        }),
        method("_checkClosed", "(self, *args)", |vm, a| {
            check_closed(vm, &a[0])?;
            Ok(Value::None)
        }),
        method("_checkReadable", "(self, *args)", |vm, a| check_able(vm, &a[0], "readable", "File or stream is not readable.")),
        method("_checkWritable", "(self, *args)", |vm, a| check_able(vm, &a[0], "writable", "File or stream is not writable.")),
        method("_checkSeekable", "(self, *args)", |vm, a| check_able(vm, &a[0], "seekable", "File or stream is not seekable.")),
        method("__enter__", "(self, /)", |vm, a| {
            check_closed(vm, &a[0])?;
            Ok(a[0].clone())
        }),
        method("__exit__", "(self, *args)", |vm, a| vm.call_method(&a[0], "close", &[])),
        method("readline", "(self, size=-1, /)", base_readline),
        method("readlines", "(self, hint=-1, /)", base_readlines),
        method("writelines", "(self, lines, /)", base_writelines),
    ]);
    add_getters(vm, &base, "_IOBase", &[("closed", base_closed)]);
    let raw = native_type(vm, "_io", "_RawIOBase", Some(&base), Slots::default(), &[
        method("read", "(self, size=-1, /)", raw_read),
        method("readall", "(self, /)", raw_readall),
    ]);
    let buffered = native_type(vm, "_io", "_BufferedIOBase", Some(&base), Slots::default(), &[
        unsupported_method!("read", "(self, *args)", "read"),
        unsupported_method!("read1", "(self, *args)", "read1"),
        unsupported_method!("write", "(self, *args)", "write"),
        unsupported_method!("detach", "(self, /)", "detach"),
    ]);
    let text = native_type(vm, "_io", "_TextIOBase", Some(&base), Slots::default(), &[
        unsupported_method!("read", "(self, *args)", "read"),
        unsupported_method!("readline", "(self, *args)", "readline"),
        unsupported_method!("write", "(self, *args)", "write"),
        unsupported_method!("detach", "(self, /)", "detach"),
    ]);
    add_getters(vm, &text, "_TextIOBase", &[("encoding", |_, _| Ok(Value::None)), ("newlines", |_, _| Ok(Value::None)), ("errors", |_, _| Ok(Value::None))]);
    for (n, t) in [("_IOBase", &base), ("_RawIOBase", &raw), ("_BufferedIOBase", &buffered), ("_TextIOBase", &text)] {
        set(vm, m, n, Value::Obj(t.clone()));
    }
    Bases { raw, buffered, text }
}
