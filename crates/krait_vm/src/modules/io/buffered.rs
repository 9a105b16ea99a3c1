//! `BufferedReader`, `BufferedWriter`, `BufferedRandom`, `BufferedRWPair`: a read buffer
//! and a write buffer over a raw stream, reached through its Python methods
//! (bufferedio.c). Pending writes to a native FileIO are flushed when the object dies.

use super::{bind_args, closed_error, new_native, size_arg, unsupported, DEFAULT_BUFFER_SIZE};
use crate::modules::posix::fds;
use crate::modules::util::{add_getters, i64_arg, native_type, set, state_of};
use crate::types::bytes::{buffer_arg, new_bytes};
use crate::object::{Args, PyRef, Slots, TypeFlags, Value};
use crate::types::methods::method;
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;

struct State {
    /// The raw stream (reader side for BufferedRWPair); `None` until init / after detach.
    raw: Option<Value>,
    /// The writer of a BufferedRWPair.
    writer: Option<Value>,
    readable: bool,
    writable: bool,
    size: usize,
    rbuf: Vec<u8>,
    rpos: usize,
    wbuf: Vec<u8>,
    /// The raw FileIO's descriptor, for flushing at drop.
    raw_fd: Option<i64>,
}

/// A state over `raw` (and `writer` for a pair) with empty buffers.
fn new_state(raw: Option<Value>, writer: Option<Value>, readable: bool, writable: bool, size: usize, raw_fd: Option<i64>) -> State {
    State { raw, writer, readable, writable, size, rbuf: Vec::new(), rpos: 0, wbuf: Vec::new(), raw_fd }
}

/// Re-initialise `s` from `new` (dropping pending writes of the old stream).
fn reset(s: &mut State, mut new: State) {
    s.wbuf.clear();
    std::mem::swap(s, &mut new);
}

impl Drop for State {
    fn drop(&mut self) {
        if let (Some(fd), false) = (self.raw_fd, self.wbuf.is_empty()) {
            let _ = fds::write_fd(fd, &self.wbuf);
        }
    }
}

type Cell = RefCell<State>;

fn cell<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a Cell> {
    state_of(vm, v, "_io.BufferedReader")
}

fn raw(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match cell(vm, v)?.borrow().raw.clone() {
        Some(r) => Ok(r),
        None => Err(vm.new_value_error("raw stream has been detached")),
    }
}

/// The stream writes go to.
fn wraw(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let w = cell(vm, v)?.borrow().writer.clone();
    match w {
        Some(w) => Ok(w),
        None => raw(vm, v),
    }
}

fn check_open(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let r = raw(vm, v)?;
    let c = vm.get_attr_str(&r, "closed")?;
    if vm.is_true(&c)? {
        return Err(closed_error(vm));
    }
    Ok(r)
}

fn flush_writes(vm: &mut Vm, v: &Value) -> PyResult<()> {
    let data = std::mem::take(&mut cell(vm, v)?.borrow_mut().wbuf);
    if data.is_empty() {
        return Ok(());
    }
    let w = wraw(vm, v)?;
    let mut off = 0;
    while off < data.len() {
        let chunk = new_bytes(vm, data[off..].to_vec());
        let n = vm.call_method(&w, "write", &[chunk])?;
        let n = if n.is_none() { 0 } else { i64_arg(vm, &n)?.max(0) as usize };
        if n == 0 {
            cell(vm, v)?.borrow_mut().wbuf = data[off..].to_vec();
            return Err(vm.new_os_error("raw write() returned no progress"));
        }
        off += n;
    }
    Ok(())
}

/// Drop buffered-but-unread bytes, moving the raw position back over them.
fn drop_read_buffer(vm: &mut Vm, v: &Value) -> PyResult<()> {
    let unread = {
        let mut s = cell(vm, v)?.borrow_mut();
        let n = s.rbuf.len() - s.rpos;
        s.rbuf.clear();
        s.rpos = 0;
        n
    };
    if unread > 0 {
        let r = raw(vm, v)?;
        vm.call_method(&r, "seek", &[Value::Int(-(unread as i64)), Value::Int(1)])?;
    }
    Ok(())
}

/// Read up to `n` more bytes from the raw stream into the buffer; false at EOF.
fn fill(vm: &mut Vm, v: &Value, n: usize) -> PyResult<bool> {
    let r = raw(vm, v)?;
    let chunk = vm.call_method(&r, "read", &[Value::Int(n as i64)])?;
    let data = crate::types::bytes::data(&chunk);
    if data.is_empty() {
        return Ok(false);
    }
    let mut s = cell(vm, v)?.borrow_mut();
    if s.rpos > 0 {
        let pos = s.rpos;
        s.rbuf.drain(..pos);
        s.rpos = 0;
    }
    s.rbuf.extend_from_slice(&data);
    Ok(true)
}

fn check_readable(vm: &mut Vm, v: &Value) -> PyResult<()> {
    check_open(vm, v)?;
    if !cell(vm, v)?.borrow().readable {
        return Err(unsupported(vm, "read"));
    }
    flush_writes(vm, v)
}

fn take(vm: &mut Vm, v: &Value, n: usize) -> PyResult<Value> {
    let data = {
        let mut s = cell(vm, v)?.borrow_mut();
        let end = (s.rpos + n).min(s.rbuf.len());
        let d = s.rbuf[s.rpos..end].to_vec();
        s.rpos = end;
        d
    };
    Ok(new_bytes(vm, data))
}

fn available(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    let s = cell(vm, v)?.borrow();
    Ok(s.rbuf.len() - s.rpos)
}

fn read(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let n = size_arg(vm, &a[1])?;
    check_readable(vm, &a[0])?;
    let size = cell(vm, &a[0])?.borrow().size;
    match n {
        Some(n) => {
            loop {
                let have = available(vm, &a[0])?;
                if have >= n || !fill(vm, &a[0], (n - have).max(size))? {
                    break;
                }
            }
            take(vm, &a[0], n)
        }
        None => {
            while fill(vm, &a[0], size.max(DEFAULT_BUFFER_SIZE))? {}
            take(vm, &a[0], usize::MAX / 2)
        }
    }
}

fn read1(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let n = size_arg(vm, &a[1])?;
    check_readable(vm, &a[0])?;
    let size = cell(vm, &a[0])?.borrow().size;
    if available(vm, &a[0])? == 0 {
        fill(vm, &a[0], n.unwrap_or(size).max(1))?;
    }
    take(vm, &a[0], n.unwrap_or(usize::MAX / 2))
}

fn peek(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    check_readable(vm, &a[0])?;
    let size = cell(vm, &a[0])?.borrow().size;
    if available(vm, &a[0])? == 0 {
        fill(vm, &a[0], size)?;
    }
    let data = {
        let s = cell(vm, &a[0])?.borrow();
        s.rbuf[s.rpos..].to_vec()
    };
    Ok(new_bytes(vm, data))
}

fn readline(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let limit = size_arg(vm, &a[1])?;
    check_readable(vm, &a[0])?;
    let size = cell(vm, &a[0])?.borrow().size;
    loop {
        let (found, avail) = {
            let s = cell(vm, &a[0])?.borrow();
            (s.rbuf[s.rpos..].iter().position(|&b| b == b'\n'), s.rbuf.len() - s.rpos)
        };
        let want = match (found, limit) {
            (Some(i), Some(l)) => Some((i + 1).min(l)),
            (Some(i), None) => Some(i + 1),
            (None, Some(l)) if avail >= l => Some(l),
            _ => None,
        };
        if let Some(n) = want {
            return take(vm, &a[0], n);
        }
        if !fill(vm, &a[0], size)? {
            return take(vm, &a[0], limit.unwrap_or(usize::MAX / 2));
        }
    }
}

fn readinto(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let Some(crate::object::Payload::ByteArray(target)) = a[1].as_obj().map(|o| &o.payload) else {
        return Err(vm.new_type_error("readinto() argument must be read-write bytes-like object"));
    };
    let n = target.borrow().len();
    let data = read(vm, &[a[0].clone(), Value::Int(n as i64)])?;
    let data = crate::types::bytes::data(&data);
    target.borrow_mut()[..data.len()].copy_from_slice(&data);
    Ok(Value::Int(data.len() as i64))
}

fn write(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let data = buffer_arg(vm, &a[1])?;
    check_open(vm, &a[0])?;
    if !cell(vm, &a[0])?.borrow().writable {
        return Err(unsupported(vm, "write"));
    }
    if cell(vm, &a[0])?.borrow().writer.is_none() {
        drop_read_buffer(vm, &a[0])?;
    }
    let full = {
        let mut s = cell(vm, &a[0])?.borrow_mut();
        s.wbuf.extend_from_slice(&data);
        s.wbuf.len() >= s.size
    };
    if full {
        flush_writes(vm, &a[0])?;
    }
    Ok(Value::Int(data.len() as i64))
}

fn flush(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    check_open(vm, &a[0])?;
    flush_writes(vm, &a[0])?;
    let w = wraw(vm, &a[0])?;
    if cell(vm, &a[0])?.borrow().writable {
        vm.call_method(&w, "flush", &[])?;
    }
    Ok(Value::None)
}

fn seek(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (pos, whence) = (i64_arg(vm, &a[1])?, i64_arg(vm, &a[2])?);
    if !(0..=2).contains(&whence) {
        return Err(vm.new_value_error(format!("whence value {whence} unsupported")));
    }
    let r = check_open(vm, &a[0])?;
    flush_writes(vm, &a[0])?;
    let unread = available(vm, &a[0])? as i64;
    let pos = if whence == 1 { pos - unread } else { pos };
    {
        let mut s = cell(vm, &a[0])?.borrow_mut();
        s.rbuf.clear();
        s.rpos = 0;
    }
    vm.call_method(&r, "seek", &[Value::Int(pos), Value::Int(whence)])
}

fn tell(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let r = raw(vm, &a[0])?;
    let p = vm.call_method(&r, "tell", &[])?;
    let p = i64_arg(vm, &p)?;
    let s = cell(vm, &a[0])?.borrow();
    Ok(Value::Int(p - (s.rbuf.len() - s.rpos) as i64 + s.wbuf.len() as i64))
}

fn close(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let r = raw(vm, &a[0])?;
    let c = vm.get_attr_str(&r, "closed")?;
    if vm.is_true(&c)? {
        return Ok(Value::None);
    }
    let flushed = flush_writes(vm, &a[0]);
    cell(vm, &a[0])?.borrow_mut().wbuf.clear();
    if let Some(w) = cell(vm, &a[0])?.borrow().writer.clone() {
        vm.call_method(&w, "close", &[])?;
    }
    vm.call_method(&r, "close", &[])?;
    flushed.map(|_| Value::None)
}

fn detach(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    flush_writes(vm, &a[0])?;
    let r = raw(vm, &a[0])?;
    let mut s = cell(vm, &a[0])?.borrow_mut();
    s.raw = None;
    s.raw_fd = None;
    Ok(r)
}

fn repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let tn = vm.type_name(v);
    let name = match raw(vm, v) {
        Ok(r) => vm.get_attr_opt_str(&r, "name").ok().flatten(),
        Err(_) => None,
    };
    let text = match name {
        Some(n) => {
            let r = vm.repr(&n)?;
            format!("<{tn} name={}>", r.as_str().map(|s| s.as_str()).unwrap_or(""))
        }
        None => format!("<{tn}>"),
    };
    Ok(vm.new_str(&text))
}

/// `__init__` for the three single-stream classes.
fn init_for(vm: &mut Vm, v: &Value, args: Args<'_>, readable: bool, writable: bool) -> PyResult<()> {
    let a = bind_args(vm, "(raw, buffer_size=8192)", "BufferedReader", args)?;
    let size = i64_arg(vm, &a[1])?;
    if size <= 0 {
        return Err(vm.new_value_error("buffer size must be strictly positive"));
    }
    let is_fileio = a[0].as_obj().is_some_and(|o| o.with_class(|c| c.as_type().is_some_and(|t| t.name() == "FileIO")));
    let raw_fd = match is_fileio {
        true => vm.call_method(&a[0], "fileno", &[]).ok().and_then(|f| if let Value::Int(i) = f { Some(i) } else { None }),
        false => None,
    };
    reset(&mut cell(vm, v)?.borrow_mut(), new_state(Some(a[0].clone()), None, readable, writable, size as usize, raw_fd));
    Ok(())
}

fn rwpair_init(vm: &mut Vm, v: &Value, args: Args<'_>) -> PyResult<()> {
    let a = bind_args(vm, "(reader, writer, buffer_size=8192, /)", "BufferedRWPair", args)?;
    let size = i64_arg(vm, &a[2])?.max(1) as usize;
    reset(&mut cell(vm, v)?.borrow_mut(), new_state(Some(a[0].clone()), Some(a[1].clone()), true, true, size, None));
    Ok(())
}

/// Create the buffered classes in module `m`.
pub fn make_types(vm: &mut Vm, m: &PyRef, base: &PyRef) {
    let kinds: [(&'static str, crate::object::InitFn); 4] = [
        ("BufferedReader", |vm, v, a| init_for(vm, v, a, true, false)),
        ("BufferedWriter", |vm, v, a| init_for(vm, v, a, false, true)),
        ("BufferedRandom", |vm, v, a| init_for(vm, v, a, true, true)),
        ("BufferedRWPair", rwpair_init),
    ];
    for (name, init) in kinds {
        let slots = Slots { new: Some(|_, cls, _| Ok(new_native(cls, Cell::new(new_state(None, None, false, false, DEFAULT_BUFFER_SIZE, None))))), init: Some(init), repr: Some(repr), ..Slots::default() };
        let t = native_type(vm, "_io", name, Some(base), slots, &[
            method("read", "(self, size=-1, /)", read),
            method("read1", "(self, size=-1, /)", read1),
            method("peek", "(self, size=0, /)", peek),
            method("readline", "(self, size=-1, /)", readline),
            method("readinto", "(self, buffer, /)", readinto),
            method("write", "(self, buffer, /)", write),
            method("flush", "(self, /)", flush),
            method("seek", "(self, target, whence=0, /)", seek),
            method("tell", "(self, /)", tell),
            method("truncate", "(self, pos=None, /)", |vm, a| {
                flush_writes(vm, &a[0])?;
                drop_read_buffer(vm, &a[0])?;
                let r = raw(vm, &a[0])?;
                vm.call_method(&r, "truncate", &[a[1].clone()])
            }),
            method("close", "(self, /)", close),
            method("detach", "(self, /)", detach),
            method("fileno", "(self, /)", |vm, a| {
                let r = raw(vm, &a[0])?;
                vm.call_method(&r, "fileno", &[])
            }),
            method("isatty", "(self, /)", |vm, a| {
                let r = raw(vm, &a[0])?;
                vm.call_method(&r, "isatty", &[])
            }),
            method("readable", "(self, /)", |vm, a| Ok(Value::Bool(cell(vm, &a[0])?.borrow().readable))),
            method("writable", "(self, /)", |vm, a| Ok(Value::Bool(cell(vm, &a[0])?.borrow().writable))),
            method("seekable", "(self, /)", |vm, a| {
                let r = raw(vm, &a[0])?;
                vm.call_method(&r, "seekable", &[])
            }),
        ]);
        let td = t.as_type().expect("type");
        td.flags.set(td.flags.get() | TypeFlags::HAS_DICT);
        add_getters(vm, &t, name, &[
            ("raw", |vm, a| raw(vm, &a[0])),
            ("closed", |vm, a| {
                let r = raw(vm, &a[0])?;
                vm.get_attr_str(&r, "closed")
            }),
            ("name", |vm, a| {
                let r = raw(vm, &a[0])?;
                vm.get_attr_str(&r, "name")
            }),
            ("mode", |vm, a| {
                let r = raw(vm, &a[0])?;
                vm.get_attr_str(&r, "mode")
            }),
        ]);
        set(vm, m, name, Value::Obj(t));
    }
}
