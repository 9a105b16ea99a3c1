//! `BytesIO`: an in-memory binary stream (bytesio.c).

use super::{bind_args, closed_error, new_native, size_arg};
use crate::modules::util::{add_getters, i64_arg, native_type, set};
use crate::types::bytes::{buffer_arg, new_bytes};
use crate::object::{Args, Payload, PyRef, Slots, Value};
use crate::types::methods::method;
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;

#[derive(Default)]
struct State {
    buf: Vec<u8>,
    pos: usize,
    closed: bool,
}

type Cell = RefCell<State>;

/// The open state of a BytesIO (ValueError once closed).
fn st<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a Cell> {
    let c: &Cell = crate::modules::util::state_of(vm, v, "_io.BytesIO")?;
    if c.borrow().closed {
        return Err(closed_error(vm));
    }
    Ok(c)
}

fn read(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let n = size_arg(vm, &a[1])?;
    let c = st(vm, &a[0])?;
    let data = {
        let mut s = c.borrow_mut();
        let start = s.pos.min(s.buf.len());
        let end = n.map_or(s.buf.len(), |n| start.saturating_add(n).min(s.buf.len()));
        s.pos = end.max(s.pos);
        s.buf[start..end].to_vec()
    };
    Ok(new_bytes(vm, data))
}

fn readline(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let n = size_arg(vm, &a[1])?;
    let c = st(vm, &a[0])?;
    let data = {
        let mut s = c.borrow_mut();
        let start = s.pos.min(s.buf.len());
        let mut end = s.buf[start..].iter().position(|&b| b == b'\n').map_or(s.buf.len(), |i| start + i + 1);
        if let Some(n) = n {
            end = end.min(start + n);
        }
        s.pos = end.max(s.pos);
        s.buf[start..end].to_vec()
    };
    Ok(new_bytes(vm, data))
}

fn readinto(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let c = st(vm, &a[0])?;
    let Some(Payload::ByteArray(target)) = a[1].as_obj().map(|o| &o.payload) else {
        return Err(vm.new_type_error("readinto() argument must be read-write bytes-like object"));
    };
    let mut s = c.borrow_mut();
    let mut t = target.borrow_mut();
    let start = s.pos.min(s.buf.len());
    let n = t.len().min(s.buf.len() - start);
    t[..n].copy_from_slice(&s.buf[start..start + n]);
    s.pos = start + n;
    Ok(Value::Int(n as i64))
}

fn write(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let data = buffer_arg(vm, &a[1])?;
    let c = st(vm, &a[0])?;
    let mut s = c.borrow_mut();
    let pos = s.pos;
    if s.buf.len() < pos + data.len() {
        s.buf.resize(pos + data.len(), 0);
    }
    s.buf[pos..pos + data.len()].copy_from_slice(&data);
    s.pos = pos + data.len();
    Ok(Value::Int(data.len() as i64))
}

/// BytesIO.getbuffer: a writable memoryview of the current contents. krait's view is over
/// a snapshot (a bytearray copy), so writes through it do not reach the stream.
fn getbuffer(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let data = st(vm, &a[0])?.borrow().buf.clone();
    let copy = crate::types::bytes::new_bytearray(vm, data);
    let builtins = Value::Obj(vm.builtins.clone());
    let memoryview = vm.get_attr_str(&builtins, "memoryview")?;
    vm.call_positional(&memoryview, &[copy])
}

fn seek(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (pos, whence) = (i64_arg(vm, &a[1])?, i64_arg(vm, &a[2])?);
    let c = st(vm, &a[0])?;
    let (cur, len) = (c.borrow().pos as i64, c.borrow().buf.len() as i64);
    let new = match whence {
        0 if pos < 0 => return Err(vm.new_value_error(format!("negative seek value {pos}"))),
        0 => pos,
        1 => (cur + pos).max(0),
        2 => (len + pos).max(0),
        _ => return Err(vm.new_value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)"))),
    };
    c.borrow_mut().pos = new as usize;
    Ok(Value::Int(new))
}

fn truncate(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let c = st(vm, &a[0])?;
    let size = if a[1].is_none() { c.borrow().pos as i64 } else { i64_arg(vm, &a[1])? };
    if size < 0 {
        return Err(vm.new_value_error(format!("negative size value {size}")));
    }
    let mut s = c.borrow_mut();
    s.buf.truncate(size as usize);
    Ok(Value::Int(size))
}

fn init(vm: &mut Vm, v: &Value, args: Args<'_>) -> PyResult<()> {
    let a = bind_args(vm, "(initial_bytes=None)", "BytesIO", args)?;
    let data = if a[0].is_none() || a[0].is_null() { Vec::new() } else { buffer_arg(vm, &a[0])? };
    let c: &Cell = crate::modules::util::state_of(vm, v, "_io.BytesIO")?;
    *c.borrow_mut() = State { buf: data, pos: 0, closed: false };
    Ok(())
}

/// Create `BytesIO` in module `m`.
pub fn make_type(vm: &mut Vm, m: &PyRef, base: &PyRef) {
    let slots = Slots {
        new: Some(|_, cls, _| Ok(new_native(cls, Cell::default()))),
        init: Some(init),
        ..Slots::default()
    };
    let t = native_type(vm, "_io", "BytesIO", Some(base), slots, &[
        method("getvalue", "(self, /)", |vm, a| {
            let data = st(vm, &a[0])?.borrow().buf.clone();
            Ok(new_bytes(vm, data))
        }),
        method("getbuffer", "(self, /)", getbuffer),
        method("read", "(self, size=-1, /)", read),
        method("read1", "(self, size=-1, /)", read),
        method("readline", "(self, size=-1, /)", readline),
        method("readinto", "(self, buffer, /)", readinto),
        method("write", "(self, b, /)", write),
        method("seek", "(self, pos, whence=0, /)", seek),
        method("tell", "(self, /)", |vm, a| Ok(Value::Int(st(vm, &a[0])?.borrow().pos as i64))),
        method("truncate", "(self, size=None, /)", truncate),
        method("readable", "(self, /)", |vm, a| st(vm, &a[0]).map(|_| Value::Bool(true))),
        method("writable", "(self, /)", |vm, a| st(vm, &a[0]).map(|_| Value::Bool(true))),
        method("seekable", "(self, /)", |vm, a| st(vm, &a[0]).map(|_| Value::Bool(true))),
        method("flush", "(self, /)", |vm, a| st(vm, &a[0]).map(|_| Value::None)),
        method("close", "(self, /)", |vm, a| {
            let c: &Cell = crate::modules::util::state_of(vm, &a[0], "_io.BytesIO")?;
            let mut s = c.borrow_mut();
            s.closed = true;
            s.buf = Vec::new();
            Ok(Value::None)
        }),
    ]);
    add_getters(vm, &t, "BytesIO", &[("closed", |vm, a| {
        let c: &Cell = crate::modules::util::state_of(vm, &a[0], "_io.BytesIO")?;
        Ok(Value::Bool(c.borrow().closed))
    })]);
    set(vm, m, "BytesIO", Value::Obj(t));
}
