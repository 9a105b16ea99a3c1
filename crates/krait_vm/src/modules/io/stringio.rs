//! `StringIO`: an in-memory text stream of code points with CPython's newline modes
//! (stringio.c).

use super::{bind_args, new_native, size_arg};
use crate::modules::util::{add_getters, i64_arg, native_type, set, state_of, str_arg};
use crate::object::{Args, PyRef, Slots, Value};
use crate::types::methods::method;
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;

/// How text is split into lines and translated (`newline` argument).
#[derive(Clone, Default, PartialEq)]
pub enum Newline {
    /// `None`: "\r\n" and "\r" become "\n" on write.
    #[default]
    Universal,
    /// `""`: no translation; lines end at "\r", "\n" or "\r\n".
    Any,
    /// `"\n"`, `"\r"` or `"\r\n"`: "\n" becomes this on write; lines end with it.
    Fixed(String),
}

impl Newline {
    /// Parse a `newline` argument.
    pub fn from_arg(vm: &mut Vm, v: &Value) -> PyResult<Newline> {
        if v.is_none() || v.is_null() {
            return Ok(Newline::Universal);
        }
        let s = str_arg(vm, v, "newline")?;
        match s.as_str() {
            "" => Ok(Newline::Any),
            "\n" | "\r" | "\r\n" => Ok(Newline::Fixed(s)),
            _ => {
                let r = vm.repr(v)?;
                Err(vm.new_value_error(format!("illegal newline value: {}", r.as_str().map(|s| s.as_str()).unwrap_or(""))))
            }
        }
    }

    /// Translate text being written.
    pub fn translate_write(&self, s: &str) -> String {
        match self {
            Newline::Universal => s.replace("\r\n", "\n").replace('\r', "\n"),
            Newline::Fixed(nl) if nl != "\n" => s.replace('\n', nl),
            _ => s.to_string(),
        }
    }

    /// The end (exclusive) of the line starting at `start` in `text`.
    pub fn line_end(&self, text: &[char], start: usize) -> usize {
        let rest = &text[start..];
        let found = match self {
            Newline::Universal => rest.iter().position(|&c| c == '\n').map(|i| i + 1),
            Newline::Fixed(nl) => {
                let nl: Vec<char> = nl.chars().collect();
                rest.windows(nl.len()).position(|w| w == nl.as_slice()).map(|i| i + nl.len())
            }
            Newline::Any => rest.iter().position(|&c| c == '\n' || c == '\r').map(|i| {
                if rest[i] == '\r' && rest.get(i + 1) == Some(&'\n') { i + 2 } else { i + 1 }
            }),
        };
        start + found.unwrap_or(rest.len())
    }
}

#[derive(Default)]
struct State {
    buf: Vec<char>,
    pos: usize,
    closed: bool,
    newline: Newline,
}

type Cell = RefCell<State>;

fn st<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a Cell> {
    let c: &Cell = state_of(vm, v, "_io.StringIO")?;
    if c.borrow().closed {
        return Err(vm.new_value_error("I/O operation on closed file"));
    }
    Ok(c)
}

fn read(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let n = size_arg(vm, &a[1])?;
    let c = st(vm, &a[0])?;
    let text: String = {
        let mut s = c.borrow_mut();
        let start = s.pos.min(s.buf.len());
        let end = n.map_or(s.buf.len(), |n| start.saturating_add(n).min(s.buf.len()));
        s.pos = end.max(s.pos);
        s.buf[start..end].iter().collect()
    };
    Ok(vm.new_str(&text))
}

fn readline(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let n = size_arg(vm, &a[1])?;
    let c = st(vm, &a[0])?;
    let text: String = {
        let mut s = c.borrow_mut();
        let start = s.pos.min(s.buf.len());
        let mut end = s.newline.line_end(&s.buf, start);
        if let Some(n) = n {
            end = end.min(start + n);
        }
        s.pos = end.max(s.pos);
        s.buf[start..end].iter().collect()
    };
    Ok(vm.new_str(&text))
}

/// Write `text` at the position (padding with NULs past the end); returns its length.
fn write_text(c: &Cell, text: &str) -> usize {
    let mut s = c.borrow_mut();
    let chars: Vec<char> = s.newline.translate_write(text).chars().collect();
    let pos = s.pos;
    if s.buf.len() < pos + chars.len() {
        s.buf.resize(pos + chars.len(), '\0');
    }
    s.buf[pos..pos + chars.len()].copy_from_slice(&chars);
    s.pos = pos + chars.len();
    text.chars().count()
}

fn write(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let Some(text) = a[1].as_obj().and_then(|o| o.as_str()).map(|s| s.as_str().to_string()) else {
        let n = vm.type_name(&a[1]);
        return Err(vm.new_type_error(format!("string argument expected, got '{n}'")));
    };
    let c = st(vm, &a[0])?;
    Ok(Value::Int(write_text(c, &text) as i64))
}

fn seek(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (pos, whence) = (i64_arg(vm, &a[1])?, i64_arg(vm, &a[2])?);
    let c = st(vm, &a[0])?;
    let new = match whence {
        0 if pos < 0 => return Err(vm.new_value_error(format!("Negative seek position {pos}"))),
        0 => pos as usize,
        1 | 2 if pos != 0 => return Err(vm.new_os_error("Can't do nonzero cur-relative seeks")),
        1 => c.borrow().pos,
        2 => c.borrow().buf.len(),
        _ => return Err(vm.new_value_error(format!("Invalid whence ({whence}, should be 0, 1 or 2)"))),
    };
    c.borrow_mut().pos = new;
    Ok(Value::Int(new as i64))
}

fn truncate(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let c = st(vm, &a[0])?;
    let size = if a[1].is_none() { c.borrow().pos as i64 } else { i64_arg(vm, &a[1])? };
    if size < 0 {
        return Err(vm.new_value_error(format!("Negative size value {size}")));
    }
    c.borrow_mut().buf.truncate(size as usize);
    Ok(Value::Int(size))
}

fn init(vm: &mut Vm, v: &Value, args: Args<'_>) -> PyResult<()> {
    let a = bind_args(vm, "(initial_value='', newline='\n')", "StringIO", args)?;
    let newline = Newline::from_arg(vm, &a[1])?;
    let initial = if a[0].is_none() { String::new() } else {
        match a[0].as_obj().and_then(|o| o.as_str()) {
            Some(s) => s.as_str().to_string(),
            None => {
                let n = vm.type_name(&a[0]);
                return Err(vm.new_type_error(format!("initial_value must be str or None, not {n}")));
            }
        }
    };
    let c: &Cell = state_of(vm, v, "_io.StringIO")?;
    *c.borrow_mut() = State { newline, ..State::default() };
    write_text(c, &initial);
    c.borrow_mut().pos = 0;
    Ok(())
}

/// Create `StringIO` in module `m`.
pub fn make_type(vm: &mut Vm, m: &PyRef, base: &PyRef) {
    let slots = Slots {
        new: Some(|_, cls, _| Ok(new_native(cls, Cell::default()))),
        init: Some(init),
        ..Slots::default()
    };
    let t = native_type(vm, "_io", "StringIO", Some(base), slots, &[
        method("getvalue", "(self, /)", |vm, a| {
            let text: String = st(vm, &a[0])?.borrow().buf.iter().collect();
            Ok(vm.new_str(&text))
        }),
        method("read", "(self, size=-1, /)", read),
        method("readline", "(self, size=-1, /)", readline),
        method("write", "(self, s, /)", write),
        method("seek", "(self, pos, whence=0, /)", seek),
        method("tell", "(self, /)", |vm, a| Ok(Value::Int(st(vm, &a[0])?.borrow().pos as i64))),
        method("truncate", "(self, pos=None, /)", truncate),
        method("readable", "(self, /)", |vm, a| st(vm, &a[0]).map(|_| Value::Bool(true))),
        method("writable", "(self, /)", |vm, a| st(vm, &a[0]).map(|_| Value::Bool(true))),
        method("seekable", "(self, /)", |vm, a| st(vm, &a[0]).map(|_| Value::Bool(true))),
        method("close", "(self, /)", |vm, a| {
            let c: &Cell = state_of(vm, &a[0], "_io.StringIO")?;
            let mut s = c.borrow_mut();
            s.closed = true;
            s.buf = Vec::new();
            Ok(Value::None)
        }),
    ]);
    add_getters(vm, &t, "StringIO", &[
        ("closed", |vm, a| Ok(Value::Bool(state_of::<Cell>(vm, &a[0], "_io.StringIO")?.borrow().closed))),
        ("line_buffering", |_, _| Ok(Value::Bool(false))),
    ]);
    set(vm, m, "StringIO", Value::Obj(t));
}
