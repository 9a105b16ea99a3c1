//! `FileIO`: raw unbuffered I/O on an OS file descriptor from the posix fd table
//! (fileio.c). The descriptor is closed when the object is closed or dropped.

use super::{bind_args, closed_error, new_native, size_arg, unsupported};
use crate::modules::posix::fds;
use crate::modules::posix::{os_error, path_arg};
use crate::modules::util::{add_getters, i64_arg, native_type, set, state_of};
use crate::types::bytes::{buffer_arg, new_bytes};
use crate::object::{Args, Payload, PyRef, Slots, TypeFlags, Value};
use crate::types::methods::method;
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;

struct State {
    /// -1 when closed.
    fd: i64,
    readable: bool,
    writable: bool,
    appending: bool,
    created: bool,
    closefd: bool,
}

impl Default for State {
    fn default() -> State {
        State { fd: -1, readable: false, writable: false, appending: false, created: false, closefd: true }
    }
}

impl Drop for State {
    fn drop(&mut self) {
        if self.fd >= 0 && self.closefd {
            let _ = fds::close_fd(self.fd);
        }
    }
}

type Cell = RefCell<State>;

fn cell<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a Cell> {
    state_of(vm, v, "_io.FileIO")
}

/// The open descriptor (ValueError when closed).
fn fd_of(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let fd = cell(vm, v)?.borrow().fd;
    if fd < 0 {
        return Err(closed_error(vm));
    }
    Ok(fd)
}

/// The flags for a FileIO mode string, or None when it is invalid.
fn parse_mode(mode: &str) -> Option<(i64, State)> {
    let mut s = State::default();
    let (mut kinds, mut plus) = (0, false);
    for c in mode.chars() {
        match c {
            'r' => { kinds += 1; s.readable = true; }
            'w' => { kinds += 1; s.writable = true; }
            'x' => { kinds += 1; s.writable = true; s.created = true; }
            'a' => { kinds += 1; s.writable = true; s.appending = true; }
            '+' if !plus => { plus = true; s.readable = true; s.writable = true; }
            'b' => {}
            _ => return None,
        }
    }
    if kinds != 1 {
        return None;
    }
    let acc = if s.readable && s.writable { 2 } else if s.writable { 1 } else { 0 };
    let mut flags = acc | 0o2000000;
    if mode.contains('w') {
        flags |= 0o100 | 0o1000;
    }
    if s.created {
        flags |= 0o100 | 0o200;
    }
    if s.appending {
        flags |= 0o100 | 0o2000;
    }
    Some((flags, s))
}

// _io_FileIO___init___impl
fn init(vm: &mut Vm, v: &Value, args: Args<'_>) -> PyResult<()> {
    let a = bind_args(vm, "(file, mode='r', closefd=True, opener=None)", "FileIO", args)?;
    let mode = crate::modules::util::str_arg(vm, &a[1], "FileIO() argument 'mode'")?;
    let Some((flags, mut st)) = parse_mode(&mode) else {
        let bad = mode.chars().any(|c| !"rwxab+".contains(c));
        return Err(vm.new_value_error(if bad { format!("invalid mode: {mode}") } else { "Must have exactly one of create/read/write/append mode and at most one plus".into() }));
    };
    st.closefd = vm.is_true(&a[2])?;
    if let Value::Int(fd) = a[0] {
        if fd < 0 {
            return Err(vm.new_value_error("negative file descriptor"));
        }
        st.fd = fd;
    } else {
        if !st.closefd {
            return Err(vm.new_value_error("Cannot use closefd=False with file name"));
        }
        st.fd = if a[3].is_none() {
            let p = path_arg(vm, &a[0], "FileIO")?;
            fds::open_path(&p.path, flags, 0o666).map_err(|e| os_error(vm, &e, Some(&a[0]), None))?
        } else {
            let r = vm.call_positional(&a[3], &[a[0].clone(), Value::Int(flags)])?;
            let fd = i64_arg(vm, &r)?;
            if fd < 0 {
                return Err(vm.new_value_error(format!("opener returned {fd}")));
            }
            fd
        };
        if st.readable && !st.writable && fds::with_fd(st.fd, |f| Ok(matches!(f, fds::Fd::File(file) if file.metadata().is_ok_and(|m| m.is_dir())))).unwrap_or(false) {
            let _ = fds::close_fd(st.fd);
            st.fd = -1;
            return Err(os_error(vm, &std::io::Error::from_raw_os_error(21), Some(&a[0]), None));
        }
    }
    if st.appending {
        let _ = fds::seek_fd(st.fd, 0, 2);
    }
    let key = vm.intern("name");
    vm.generic_set_attr(v, &key, a[0].clone())?;
    *cell(vm, v)?.borrow_mut() = st;
    Ok(())
}

fn mode_string(s: &State) -> &'static str {
    match (s.created, s.appending, s.readable, s.writable) {
        (true, _, r, _) => if r { "xb+" } else { "xb" },
        (_, true, r, _) => if r { "ab+" } else { "ab" },
        (_, _, true, true) => "rb+",
        (_, _, true, false) => "rb",
        _ => "wb",
    }
}

fn io_err<T>(vm: &mut Vm, r: std::io::Result<T>) -> PyResult<T> {
    r.map_err(|e| os_error(vm, &e, None, None))
}

fn check(vm: &mut Vm, v: &Value, want_read: bool) -> PyResult<i64> {
    let fd = fd_of(vm, v)?;
    let s = cell(vm, v)?.borrow();
    let ok = if want_read { s.readable } else { s.writable };
    drop(s);
    if !ok {
        return Err(unsupported(vm, if want_read { "File not open for reading" } else { "File not open for writing" }));
    }
    Ok(fd)
}

fn read(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let n = size_arg(vm, &a[1])?;
    let fd = check(vm, &a[0], true)?;
    let r = crate::modules::signal::retry_eintr(vm, |vm| fds::read_fd_released(vm, fd, n))?;
    let data = io_err(vm, r)?;
    Ok(new_bytes(vm, data))
}

fn readinto(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let fd = check(vm, &a[0], true)?;
    let Some(Payload::ByteArray(target)) = a[1].as_obj().map(|o| &o.payload) else {
        return Err(vm.new_type_error("readinto() argument must be read-write bytes-like object"));
    };
    let n = target.borrow().len();
    let r = crate::modules::signal::retry_eintr(vm, |vm| fds::read_fd_released(vm, fd, Some(n)))?;
    let data = io_err(vm, r)?;
    // Another thread may have resized the target while this one waited.
    let mut t = target.borrow_mut();
    let k = data.len().min(t.len());
    t[..k].copy_from_slice(&data[..k]);
    Ok(Value::Int(k as i64))
}

fn write(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let fd = check(vm, &a[0], false)?;
    let data = buffer_arg(vm, &a[1])?;
    let r = crate::modules::signal::retry_eintr(vm, |vm| fds::write_fd_released(vm, fd, &data))?;
    let n = io_err(vm, r)?;
    Ok(Value::Int(n as i64))
}

fn seek(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let fd = fd_of(vm, &a[0])?;
    let (pos, whence) = (i64_arg(vm, &a[1])?, i64_arg(vm, &a[2])?);
    let r = io_err(vm, fds::seek_fd(fd, pos, whence))?;
    Ok(Value::Int(r as i64))
}

fn truncate(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let fd = check(vm, &a[0], false)?;
    let size = if a[1].is_none() { io_err(vm, fds::seek_fd(fd, 0, 1))? as i64 } else { i64_arg(vm, &a[1])? };
    io_err(vm, fds::truncate_fd(fd, size.max(0) as u64))?;
    Ok(Value::Int(size))
}

fn close(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let c = cell(vm, &a[0])?;
    let (fd, closefd) = {
        let mut s = c.borrow_mut();
        let r = (s.fd, s.closefd);
        s.fd = -1;
        r
    };
    if fd >= 0 && closefd {
        io_err(vm, fds::close_fd(fd))?;
    }
    Ok(Value::None)
}

fn repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let c = cell(vm, v)?;
    let (fd, mode, closefd) = {
        let s = c.borrow();
        (s.fd, mode_string(&s), s.closefd)
    };
    if fd < 0 {
        return Ok(vm.new_str("<_io.FileIO [closed]>"));
    }
    let cf = if closefd { "True" } else { "False" };
    let text = match vm.get_attr_opt_str(v, "name")? {
        Some(n) => {
            let r = vm.repr(&n)?;
            format!("<_io.FileIO name={} mode='{mode}' closefd={cf}>", r.as_str().map(|s| s.as_str()).unwrap_or(""))
        }
        None => format!("<_io.FileIO fd={fd} mode='{mode}' closefd={cf}>"),
    };
    Ok(vm.new_str(&text))
}

/// Create `FileIO` in module `m`.
pub fn make_type(vm: &mut Vm, m: &PyRef, base: &PyRef) {
    let slots = Slots {
        new: Some(|_, cls, _| Ok(new_native(cls, Cell::default()))),
        init: Some(init),
        repr: Some(repr),
        ..Slots::default()
    };
    let t = native_type(vm, "_io", "FileIO", Some(base), slots, &[
        method("read", "(self, size=-1, /)", read),
        method("readinto", "(self, buffer, /)", readinto),
        method("readall", "(self, /)", |vm, a| read(vm, &[a[0].clone(), Value::None])),
        method("write", "(self, b, /)", write),
        method("seek", "(self, pos, whence=0, /)", seek),
        method("tell", "(self, /)", |vm, a| seek(vm, &[a[0].clone(), Value::Int(0), Value::Int(1)])),
        method("truncate", "(self, size=None, /)", truncate),
        method("close", "(self, /)", close),
        method("fileno", "(self, /)", |vm, a| fd_of(vm, &a[0]).map(Value::Int)),
        method("isatty", "(self, /)", |vm, a| fd_of(vm, &a[0]).map(|fd| Value::Bool(fds::isatty_fd(fd)))),
        method("readable", "(self, /)", |vm, a| {
            fd_of(vm, &a[0])?;
            Ok(Value::Bool(cell(vm, &a[0])?.borrow().readable))
        }),
        method("writable", "(self, /)", |vm, a| {
            fd_of(vm, &a[0])?;
            Ok(Value::Bool(cell(vm, &a[0])?.borrow().writable))
        }),
        method("seekable", "(self, /)", |vm, a| {
            let fd = fd_of(vm, &a[0])?;
            Ok(Value::Bool(fds::seek_fd(fd, 0, 1).is_ok()))
        }),
    ]);
    let td = t.as_type().expect("type");
    td.flags.set(td.flags.get() | TypeFlags::HAS_DICT);
    add_getters(vm, &t, "FileIO", &[
        ("closed", |vm, a| Ok(Value::Bool(cell(vm, &a[0])?.borrow().fd < 0))),
        ("closefd", |vm, a| Ok(Value::Bool(cell(vm, &a[0])?.borrow().closefd))),
        ("mode", |vm, a| {
            let m = mode_string(&cell(vm, &a[0])?.borrow());
            Ok(vm.new_str(m))
        }),
    ]);
    set(vm, m, "FileIO", Value::Obj(t));
}
