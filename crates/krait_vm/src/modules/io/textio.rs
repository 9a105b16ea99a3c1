//! `TextIOWrapper` (text over a binary buffer: decoding, newline translation, line
//! buffering; writes go straight through to the buffer) and `IncrementalNewlineDecoder`
//! (textio.c).

use super::stringio::Newline;
use super::{bind_args, closed_error, new_native, size_arg, DEFAULT_BUFFER_SIZE};
use crate::modules::codecs;
use crate::types::bytes::codec::{decode_with, encode_with, resolve_bom, Codec};
use crate::modules::util::{add_getters, i64_arg, native_type, set, state_of, str_arg};
use crate::types::bytes::new_bytes;
use crate::object::{Args, PyRef, Slots, TypeFlags, Value};
use crate::types::methods::method;
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;

#[derive(Default)]
struct State {
    buffer: Option<Value>,
    codec: Option<Codec>,
    encoding: String,
    errors: String,
    newline: Newline,
    line_buffering: bool,
    /// Decoded text not yet returned (before newline translation).
    decoded: Vec<char>,
    /// Undecoded bytes at the end of the last chunk (an incomplete UTF-8 sequence).
    pending: Vec<u8>,
    eof: bool,
}

type Cell = RefCell<State>;

fn cell<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a Cell> {
    state_of(vm, v, "_io.TextIOWrapper")
}

fn buffer(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match cell(vm, v)?.borrow().buffer.clone() {
        Some(b) => Ok(b),
        None => Err(vm.new_value_error("underlying buffer has been detached")),
    }
}

fn check_open(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let b = buffer(vm, v)?;
    let c = vm.get_attr_str(&b, "closed")?;
    if vm.is_true(&c)? {
        return Err(closed_error(vm));
    }
    Ok(b)
}

/// Decode one more chunk from the buffer; false at end of file. Uses `read1` when the
/// buffer has it (textiowrapper_read_chunk), so a pipe or socket returns what has come.
fn fill(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    let b = buffer(vm, v)?;
    let method = if vm.get_attr_opt_str(&b, "read1")?.is_some() { "read1" } else { "read" };
    let chunk = vm.call_method(&b, method, &[Value::Int(DEFAULT_BUFFER_SIZE as i64)])?;
    let data = crate::types::bytes::data(&chunk);
    let c = cell(vm, v)?;
    let (codec, errors, mut bytes) = {
        let s = c.borrow();
        (s.codec.unwrap_or(Codec::Utf8), s.errors.clone(), s.pending.clone())
    };
    let at_eof = data.is_empty();
    bytes.extend_from_slice(&data);
    let (text, used) = decode_with(vm, codec, &bytes, &errors, at_eof)?;
    let mut s = c.borrow_mut();
    if used > 0 {
        // The byte order a BOM chose holds for the rest of the stream.
        s.codec = Some(resolve_bom(codec, &bytes).0);
    }
    s.decoded.extend(text.chars());
    s.pending = bytes[used..].to_vec();
    s.eof = at_eof;
    Ok(!at_eof)
}

/// Take `n` decoded characters, translated for the newline mode.
fn take(vm: &mut Vm, v: &Value, n: usize) -> PyResult<Value> {
    let c = cell(vm, v)?;
    let text: String = {
        let mut s = c.borrow_mut();
        let n = n.min(s.decoded.len());
        let raw: String = s.decoded.drain(..n).collect();
        if s.newline == Newline::Universal { raw.replace("\r\n", "\n").replace('\r', "\n") } else { raw }
    };
    Ok(vm.new_str(&text))
}

fn check_readable(vm: &mut Vm, v: &Value) -> PyResult<()> {
    let b = check_open(vm, v)?;
    let r = vm.call_method(&b, "readable", &[])?;
    if !vm.is_true(&r)? {
        return Err(super::unsupported(vm, "not readable"));
    }
    Ok(())
}

fn read(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let n = size_arg(vm, &a[1])?;
    check_readable(vm, &a[0])?;
    loop {
        let have = cell(vm, &a[0])?.borrow().decoded.len();
        if n.is_some_and(|n| have >= n + 1) || !fill(vm, &a[0])? {
            break;
        }
    }
    take(vm, &a[0], n.unwrap_or(usize::MAX))
}

/// The end of the first complete line in the decoded text, if one is known to be complete
/// (a "\r" at the very end may still be followed by "\n" unless at end of file).
fn complete_line(s: &State) -> Option<usize> {
    let mode = if s.newline == Newline::Universal { Newline::Any } else { s.newline.clone() };
    let end = mode.line_end(&s.decoded, 0);
    let len = s.decoded.len();
    if len == 0 {
        return None;
    }
    let text = &s.decoded[..end];
    let terminated = match &mode {
        Newline::Fixed(nl) => text.iter().rev().take(nl.chars().count()).rev().copied().eq(nl.chars()),
        _ => matches!(text.last(), Some('\n' | '\r')),
    };
    let open_cr = mode == Newline::Any && end == len && text.last() == Some(&'\r');
    (terminated && !open_cr || s.eof).then_some(end)
}

fn readline(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let limit = size_arg(vm, &a[1])?;
    check_readable(vm, &a[0])?;
    loop {
        let (end, len) = {
            let s = cell(vm, &a[0])?.borrow();
            (complete_line(&s), s.decoded.len())
        };
        if let Some(end) = end {
            return take(vm, &a[0], limit.map_or(end, |l| end.min(l)));
        }
        if limit.is_some_and(|l| len >= l) {
            return take(vm, &a[0], limit.unwrap_or(len));
        }
        if !fill(vm, &a[0])? {
            let s = cell(vm, &a[0])?.borrow();
            let end = complete_line(&s).unwrap_or(s.decoded.len());
            drop(s);
            return take(vm, &a[0], limit.map_or(end, |l| end.min(l)));
        }
    }
}

fn write(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let Some(text) = a[1].as_obj().and_then(|o| o.as_str()).map(|s| s.as_str().to_string()) else {
        let n = vm.type_name(&a[1]);
        return Err(vm.new_type_error(format!("write() argument must be str, not {n}")));
    };
    let b = check_open(vm, &a[0])?;
    let (codec, errors, newline, lb) = {
        let s = cell(vm, &a[0])?.borrow();
        (s.codec.unwrap_or(Codec::Utf8), s.errors.clone(), s.newline.clone(), s.line_buffering)
    };
    let out = match &newline {
        Newline::Fixed(nl) if nl != "\n" => text.replace('\n', nl),
        _ => text.clone(),
    };
    let data = encode_with(vm, codec, &out, &errors)?;
    cell(vm, &a[0])?.borrow_mut().codec = Some(codec.after_bom());
    let data = new_bytes(vm, data);
    vm.call_method(&b, "write", &[data])?;
    if lb && (text.contains('\n') || text.contains('\r')) {
        vm.call_method(&b, "flush", &[])?;
    }
    Ok(Value::Int(text.chars().count() as i64))
}

fn tell(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let b = check_open(vm, &a[0])?;
    vm.call_method(&b, "flush", &[])?;
    let p = vm.call_method(&b, "tell", &[])?;
    let p = i64_arg(vm, &p)?;
    let (codec, rest, pending) = {
        let s = cell(vm, &a[0])?.borrow();
        (s.codec.unwrap_or(Codec::Utf8), s.decoded.iter().collect::<String>(), s.pending.len())
    };
    let unread = encode_with(vm, codec, &rest, "replace")?.len() + pending;
    Ok(Value::Int(p - unread as i64))
}

fn seek(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let b = check_open(vm, &a[0])?;
    let (cookie, whence) = (i64_arg(vm, &a[1])?, i64_arg(vm, &a[2])?);
    if whence == 1 && cookie != 0 {
        return Err(super::unsupported(vm, "can't do nonzero cur-relative seeks"));
    }
    if whence == 2 && cookie != 0 {
        return Err(super::unsupported(vm, "can't do nonzero end-relative seeks"));
    }
    if whence == 1 {
        return tell(vm, a);
    }
    vm.call_method(&b, "flush", &[])?;
    {
        let mut s = cell(vm, &a[0])?.borrow_mut();
        s.decoded.clear();
        s.pending.clear();
        s.eof = false;
    }
    vm.call_method(&b, "seek", &[Value::Int(cookie), Value::Int(whence)])
}

fn init(vm: &mut Vm, v: &Value, args: Args<'_>) -> PyResult<()> {
    let a = bind_args(vm, "(buffer, encoding=None, errors=None, newline=None, line_buffering=False, write_through=False)", "TextIOWrapper", args)?;
    let encoding = if a[1].is_none() || vm.str_of(&a[1]).as_ref() == "locale" { super::default_encoding().to_string() } else { str_arg(vm, &a[1], "TextIOWrapper() argument 'encoding'")? };
    let codec = Codec::lookup(vm, &encoding)?;
    let errors = codecs::errors_arg(vm, &a[2])?;
    let newline = Newline::from_arg(vm, &a[3])?;
    let line_buffering = vm.is_true(&a[4])?;
    *cell(vm, v)?.borrow_mut() = State { buffer: Some(a[0].clone()), codec: Some(codec), encoding, errors, newline, line_buffering, ..State::default() };
    Ok(())
}

fn repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let mut text = String::from("<_io.TextIOWrapper");
    for attr in ["name", "mode"] {
        if let Ok(Some(x)) = vm.get_attr_opt_str(v, attr) {
            let r = vm.repr(&x)?;
            text.push_str(&format!(" {attr}={}", r.as_str().map(|s| s.as_str()).unwrap_or("")));
        }
    }
    let enc = cell(vm, v)?.borrow().encoding.clone();
    text.push_str(&format!(" encoding='{enc}'>"));
    Ok(vm.new_str(&text))
}

/// Call method `name` of the buffer.
fn delegate(vm: &mut Vm, v: &Value, name: &str) -> PyResult<Value> {
    let b = buffer(vm, v)?;
    vm.call_method(&b, name, &[])
}

/// State of an IncrementalNewlineDecoder.
struct NlState {
    decoder: Value,
    translate: bool,
    pendingcr: bool,
    /// Bit 1: "\r" seen, 2: "\n", 4: "\r\n".
    seen: u8,
}

type NlCell = RefCell<NlState>;

fn nl_cell<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a NlCell> {
    state_of(vm, v, "_io.IncrementalNewlineDecoder")
}

// _PyIncrementalNewlineDecoder_decode
fn nl_decode(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let final_ = vm.is_true(&a[2])?;
    let decoder = nl_cell(vm, &a[0])?.borrow().decoder.clone();
    let out = if decoder.is_none() {
        a[1].clone()
    } else {
        vm.call_method(&decoder, "decode", &[a[1].clone(), Value::Bool(final_)])?
    };
    let mut text = str_arg(vm, &out, "decoder should return a string result, not")?;
    let c = nl_cell(vm, &a[0])?;
    let mut s = c.borrow_mut();
    if s.pendingcr && (final_ || !text.is_empty()) {
        text.insert(0, '\r');
        s.pendingcr = false;
    }
    if !final_ && text.ends_with('\r') {
        text.pop();
        s.pendingcr = true;
    }
    let crlf = text.matches("\r\n").count();
    let cr = text.matches('\r').count() - crlf;
    let lf = text.matches('\n').count() - crlf;
    s.seen |= (cr > 0) as u8 | ((lf > 0) as u8) << 1 | ((crlf > 0) as u8) << 2;
    if s.translate {
        text = text.replace("\r\n", "\n").replace('\r', "\n");
    }
    drop(s);
    Ok(vm.new_str(&text))
}

fn nl_newlines(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let seen = nl_cell(vm, &a[0])?.borrow().seen;
    let names: Vec<&str> = [(1, "\r"), (2, "\n"), (4, "\r\n")].iter().filter(|(b, _)| seen & b != 0).map(|(_, n)| *n).collect();
    Ok(match names.len() {
        0 => Value::None,
        1 => vm.new_str(names[0]),
        _ => {
            let items = names.iter().map(|n| vm.new_str(n)).collect();
            vm.new_tuple(items)
        }
    })
}

fn nl_init(vm: &mut Vm, v: &Value, args: Args<'_>) -> PyResult<()> {
    let a = bind_args(vm, "(decoder, translate, errors='strict')", "IncrementalNewlineDecoder", args)?;
    let translate = vm.is_true(&a[1])?;
    *nl_cell(vm, v)?.borrow_mut() = NlState { decoder: a[0].clone(), translate, pendingcr: false, seen: 0 };
    Ok(())
}

/// Create `TextIOWrapper` and `IncrementalNewlineDecoder` in module `m`.
pub fn make_types(vm: &mut Vm, m: &PyRef, base: &PyRef) {
    let slots = Slots { new: Some(|_, cls, _| Ok(new_native(cls, Cell::default()))), init: Some(init), repr: Some(repr), ..Slots::default() };
    let t = native_type(vm, "_io", "TextIOWrapper", Some(base), slots, &[
        method("read", "(self, size=-1, /)", read),
        method("readline", "(self, size=-1, /)", readline),
        method("write", "(self, text, /)", write),
        method("tell", "(self, /)", tell),
        method("seek", "(self, cookie, whence=0, /)", seek),
        method("flush", "(self, /)", |vm, a| {
            check_open(vm, &a[0])?;
            delegate(vm, &a[0], "flush")
        }),
        method("close", "(self, /)", |vm, a| {
            let b = buffer(vm, &a[0])?;
            let c = vm.get_attr_str(&b, "closed")?;
            if vm.is_true(&c)? {
                return Ok(Value::None);
            }
            let r = vm.call_method(&b, "flush", &[]);
            vm.call_method(&b, "close", &[])?;
            r.map(|_| Value::None)
        }),
        method("truncate", "(self, pos=None, /)", |vm, a| {
            let b = check_open(vm, &a[0])?;
            vm.call_method(&b, "flush", &[])?;
            vm.call_method(&b, "truncate", &[a[1].clone()])
        }),
        method("detach", "(self, /)", |vm, a| {
            let b = buffer(vm, &a[0])?;
            vm.call_method(&b, "flush", &[])?;
            cell(vm, &a[0])?.borrow_mut().buffer = None;
            Ok(b)
        }),
        method("fileno", "(self, /)", |vm, a| delegate(vm, &a[0], "fileno")),
        method("isatty", "(self, /)", |vm, a| delegate(vm, &a[0], "isatty")),
        method("readable", "(self, /)", |vm, a| delegate(vm, &a[0], "readable")),
        method("writable", "(self, /)", |vm, a| delegate(vm, &a[0], "writable")),
        method("seekable", "(self, /)", |vm, a| delegate(vm, &a[0], "seekable")),
        method("reconfigure", "(self, /, *, encoding=None, errors=None, newline=?, line_buffering=None, write_through=None)", |vm, a| {
            if !a[4].is_none() {
                let lb = vm.is_true(&a[4])?;
                cell(vm, &a[0])?.borrow_mut().line_buffering = lb;
            }
            if !a[2].is_none() {
                let e = codecs::errors_arg(vm, &a[2])?;
                cell(vm, &a[0])?.borrow_mut().errors = e;
            }
            Ok(Value::None)
        }),
    ]);
    let td = t.as_type().expect("type");
    td.flags.set(td.flags.get() | TypeFlags::HAS_DICT);
    add_getters(vm, &t, "TextIOWrapper", &[
        ("encoding", |vm, a| {
            let e = cell(vm, &a[0])?.borrow().encoding.clone();
            Ok(vm.new_str(&e))
        }),
        ("errors", |vm, a| {
            let e = cell(vm, &a[0])?.borrow().errors.clone();
            Ok(vm.new_str(&e))
        }),
        ("line_buffering", |vm, a| Ok(Value::Bool(cell(vm, &a[0])?.borrow().line_buffering))),
        ("buffer", |vm, a| buffer(vm, &a[0])),
        ("closed", |vm, a| {
            let b = buffer(vm, &a[0])?;
            vm.get_attr_str(&b, "closed")
        }),
        ("name", |vm, a| {
            let b = buffer(vm, &a[0])?;
            vm.get_attr_str(&b, "name")
        }),
        ("newlines", |_, _| Ok(Value::None)),
    ]);
    set(vm, m, "TextIOWrapper", Value::Obj(t));
    let slots = Slots { new: Some(|_, cls, _| Ok(new_native(cls, NlCell::new(NlState { decoder: Value::None, translate: false, pendingcr: false, seen: 0 })))), init: Some(nl_init), ..Slots::default() };
    let nl = native_type(vm, "_io", "IncrementalNewlineDecoder", None, slots, &[
        method("decode", "(self, input, final=False)", nl_decode),
        method("getstate", "(self, /)", |vm, a| {
            let (decoder, pendingcr) = {
                let s = nl_cell(vm, &a[0])?.borrow();
                (s.decoder.clone(), s.pendingcr)
            };
            let (buf, flag) = if decoder.is_none() {
                (new_bytes(vm, b"".to_vec()), 0)
            } else {
                let st = vm.call_method(&decoder, "getstate", &[])?;
                let items = vm.collect(&st)?;
                let flag = items.get(1).map(|f| i64_arg(vm, f)).transpose()?.unwrap_or(0);
                (items.first().cloned().unwrap_or(Value::None), flag)
            };
            Ok(vm.new_tuple(vec![buf, Value::Int((flag << 1) | pendingcr as i64)]))
        }),
        method("setstate", "(self, state, /)", |vm, a| {
            let items = vm.collect(&a[1])?;
            let flag = items.get(1).map(|f| i64_arg(vm, f)).transpose()?.unwrap_or(0);
            let decoder = nl_cell(vm, &a[0])?.borrow().decoder.clone();
            nl_cell(vm, &a[0])?.borrow_mut().pendingcr = flag & 1 != 0;
            if !decoder.is_none() {
                let st = vm.new_tuple(vec![items.first().cloned().unwrap_or(Value::None), Value::Int(flag >> 1)]);
                vm.call_method(&decoder, "setstate", &[st])?;
            }
            Ok(Value::None)
        }),
        method("reset", "(self, /)", |vm, a| {
            let decoder = {
                let mut s = nl_cell(vm, &a[0])?.borrow_mut();
                s.seen = 0;
                s.pendingcr = false;
                s.decoder.clone()
            };
            if !decoder.is_none() {
                vm.call_method(&decoder, "reset", &[])?;
            }
            Ok(Value::None)
        }),
    ]);
    add_getters(vm, &nl, "IncrementalNewlineDecoder", &[("newlines", nl_newlines)]);
    set(vm, m, "IncrementalNewlineDecoder", Value::Obj(nl));
}
