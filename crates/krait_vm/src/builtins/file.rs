//! File objects: `open()` and the standard streams share one native type family
//! (TextIOWrapper for text, BufferedReader/BufferedWriter for binary) with read, readline,
//! readlines, write, writelines, flush, close, context-manager and line iteration.
//!
//! Regular files are read whole on the first read (then served from memory); writes are
//! buffered and flushed on flush/close/drop. Text is UTF-8 (or latin-1/ascii) with
//! universal newlines on reading unless `newline` is given.

use super::stdio;
use super::{set_vm_type, vm_type};
use crate::object::{Payload, PyObject, PyRef, Slots, Value};
use crate::types::bytes::codec::Codec;
use crate::types::methods::{method, MethodDef};
use crate::vm::{PyErr, PyResult, Vm};
use std::cell::RefCell;
use std::io::{Read, Write};

/// Where a file object's bytes go.
pub enum Backend {
    File(std::fs::File),
    Stdin,
    Stdout,
    Stderr,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Encoding {
    Utf8,
    /// UTF-8 with a byte order mark: skipped at the start on reading, written first.
    Utf8Sig,
    Latin1,
    Ascii,
}

pub struct FileState {
    /// `None` once closed.
    backend: Option<Backend>,
    name: Value,
    mode: String,
    binary: bool,
    readable: bool,
    writable: bool,
    encoding: Encoding,
    /// The `newline` argument: None translates `\r\n` and `\r` to `\n` on reading; `"\r"`
    /// and `"\r\n"` replace `\n` on writing; `""` and `"\n"` leave text as it is.
    newline: Option<&'static str>,
    /// A byte order mark still to be written before the first text (utf-8-sig).
    bom_pending: bool,
    /// Data read but not yet consumed (decoded UTF-8 text in text mode); `rpos` is the
    /// byte offset of the next unread byte.
    rbuf: Vec<u8>,
    rpos: usize,
    loaded: bool,
    wbuf: Vec<u8>,
}

type FileCell = RefCell<FileState>;

impl FileState {
    fn flush(&mut self) -> std::io::Result<()> {
        if self.wbuf.is_empty() {
            return Ok(());
        }
        let data = std::mem::take(&mut self.wbuf);
        match &mut self.backend {
            Some(Backend::File(f)) => f.write_all(&data),
            Some(Backend::Stdout) => stdio::write_stdout(&data),
            Some(Backend::Stderr) => stdio::write_stderr(&data),
            _ => Ok(()),
        }
    }
}

impl Drop for FileState {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

const METHODS: &[MethodDef] = &[
    method("read", "(self, size=-1, /)", read),
    method("readline", "(self, size=-1, /)", readline),
    method("readlines", "(self, hint=-1, /)", readlines),
    method("write", "(self, data, /)", write),
    method("writelines", "(self, lines, /)", writelines),
    method("flush", "(self, /)", flush),
    method("close", "(self, /)", close),
    method("fileno", "(self, /)", fileno),
    method("isatty", "(self, /)", isatty),
    method("readable", "(self, /)", |vm, a| with(vm, &a[0], |_, s| Ok(Value::Bool(s.readable)))),
    method("writable", "(self, /)", |vm, a| with(vm, &a[0], |_, s| Ok(Value::Bool(s.writable)))),
    method("seekable", "(self, /)", |vm, a| with(vm, &a[0], |_, s| Ok(Value::Bool(matches!(s.backend, Some(Backend::File(_))))))),
    method("seek", "(self, pos, whence=0, /)", seek),
    method("tell", "(self, /)", |vm, a| seek(vm, &[a[0].clone(), Value::Int(0), Value::Int(1)])),
    method("__enter__", "(self, /)", enter),
    method("__exit__", "(self, *args)", close),
];

/// Create the file types and the `open` builtin (bound to them).
pub fn open_function(vm: &mut Vm) -> PyRef {
    for (key, name) in [("file.text", "TextIOWrapper"), ("file.reader", "BufferedReader"), ("file.writer", "BufferedWriter")] {
        let slots = Slots { repr: Some(file_repr), iter: Some(file_iter), next: Some(file_next), ..Slots::default() };
        let t = vm.new_builtin_type(name, None, slots, 0);
        vm.add_methods(&t, name, METHODS);
        for (prop, getter) in PROPERTIES {
            crate::types::int::add_property(vm, &t, name, prop, *getter);
        }
        let module = vm.new_str("_io");
        vm.set_type_attr(&t, "__module__", module);
        set_vm_type(vm, key, t);
    }
    vm.new_native_function(
        "open",
        "builtins",
        "(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None)",
        open,
        Value::Null,
        false,
    )
}

const PROPERTIES: &[(&str, crate::types::native::NativeFn)] = &[
    ("closed", |vm, a| with_any(vm, &a[0], |_, s| Ok(Value::Bool(s.backend.is_none())))),
    ("name", |vm, a| with_any(vm, &a[0], |_, s| Ok(s.name.clone()))),
    ("mode", |vm, a| {
        let m = with_any(vm, &a[0], |_, s| Ok(s.mode.clone()))?;
        Ok(vm.new_str(&m))
    }),
    ("encoding", |vm, a| {
        let e = with_any(vm, &a[0], |_, s| Ok(encoding_name(s.encoding)))?;
        Ok(vm.new_str(e))
    }),
    ("errors", |vm, a| {
        let e = with_any(vm, &a[0], |_, s| Ok(errors_of(s.backend.as_ref())))?;
        Ok(vm.new_str(e))
    }),
    ("buffer", std_buffer),
];

/// A text stream's error handler: the standard streams get CPython's choice in UTF-8 mode or
/// a C/C.UTF-8 locale (surrogateescape, backslashreplace for stderr); files are strict.
fn errors_of(backend: Option<&Backend>) -> &'static str {
    match backend {
        Some(Backend::Stdin | Backend::Stdout) => "surrogateescape",
        Some(Backend::Stderr) => "backslashreplace",
        _ => "strict",
    }
}

/// `buffer` of a text standard stream: a binary stream on the same descriptor. As in
/// CPython, text still buffered in the text stream is written after bytes written here.
/// Other file objects have no `buffer`.
fn std_buffer(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let fd = with_any(vm, &a[0], |_, s| {
        if s.binary {
            return Ok(None);
        }
        Ok(match s.backend {
            Some(Backend::Stdin) => Some(0),
            Some(Backend::Stdout) => Some(1),
            Some(Backend::Stderr) => Some(2),
            _ => None,
        })
    })?;
    match fd {
        Some(fd) => Ok(std_stream(vm, fd, true)),
        None => {
            let n = vm.type_name(&a[0]);
            Err(vm.new_attribute_error(format!("'{n}' object has no attribute 'buffer'")))
        }
    }
}

fn encoding_name(e: Encoding) -> &'static str {
    match e {
        Encoding::Utf8 => "utf-8",
        Encoding::Utf8Sig => "utf-8-sig",
        Encoding::Latin1 => "latin-1",
        Encoding::Ascii => "ascii",
    }
}

fn new_file(vm: &mut Vm, state: FileState) -> Value {
    let key = if !state.binary {
        "file.text"
    } else if state.readable {
        "file.reader"
    } else {
        "file.writer"
    };
    let ty = vm_type(vm, key).unwrap_or_else(|| vm.types.object.clone());
    let cell: FileCell = RefCell::new(state);
    Value::Obj(PyRef::new(PyObject::new(ty, Payload::Native(Box::new(cell)))))
}

/// A text stream over standard stream `fd` (0, 1 or 2), for `sys.stdin/stdout/stderr`.
pub fn new_std_stream(vm: &mut Vm, fd: i32) -> Value {
    std_stream(vm, fd, false)
}

/// A text or binary file object on standard stream `fd`.
fn std_stream(vm: &mut Vm, fd: i32, binary: bool) -> Value {
    let (backend, name, mode) = match (fd, binary) {
        (0, false) => (Backend::Stdin, "<stdin>", "r"),
        (0, true) => (Backend::Stdin, "<stdin>", "rb"),
        (1, false) => (Backend::Stdout, "<stdout>", "w"),
        (1, true) => (Backend::Stdout, "<stdout>", "wb"),
        (_, false) => (Backend::Stderr, "<stderr>", "w"),
        (_, true) => (Backend::Stderr, "<stderr>", "wb"),
    };
    let name = vm.new_str(name);
    let state = FileState {
        backend: Some(backend),
        name,
        mode: mode.into(),
        binary,
        readable: fd == 0,
        writable: fd != 0,
        encoding: Encoding::Utf8,
        newline: None,
        bom_pending: false,
        rbuf: Vec::new(),
        rpos: 0,
        loaded: false,
        wbuf: Vec::new(),
    };
    new_file(vm, state)
}

/// Whether `v` is a file object writing to the process's stdout (print's fast path).
pub fn is_stdout(v: &Value) -> bool {
    cell(v).is_some_and(|c| matches!(c.borrow().backend, Some(Backend::Stdout)))
}

fn cell(v: &Value) -> Option<&FileCell> {
    v.as_obj().and_then(|o| o.native::<FileCell>())
}

/// Run `f` on the state of an open file (ValueError when closed).
fn with<R>(vm: &mut Vm, v: &Value, f: impl FnOnce(&mut Vm, &mut FileState) -> PyResult<R>) -> PyResult<R> {
    let Some(c) = cell(v) else {
        return Err(vm.new_type_error("descriptor requires a file object"));
    };
    let mut s = c.borrow_mut();
    if s.backend.is_none() {
        return Err(vm.new_value_error("I/O operation on closed file."));
    }
    f(vm, &mut s)
}

/// Like [`with`] but also for closed files.
fn with_any<R>(vm: &mut Vm, v: &Value, f: impl FnOnce(&mut Vm, &mut FileState) -> PyResult<R>) -> PyResult<R> {
    let Some(c) = cell(v) else {
        return Err(vm.new_type_error("descriptor requires a file object"));
    };
    let mut s = c.borrow_mut();
    f(vm, &mut s)
}

/// An OSError of the subclass CPython picks for `e`'s errno.
pub fn os_error(vm: &mut Vm, e: &std::io::Error, filename: Option<&Value>) -> PyErr {
    let errno = e.raw_os_error().unwrap_or(0);
    let cls = match e.kind() {
        std::io::ErrorKind::NotFound => vm.exc.file_not_found_error.clone(),
        std::io::ErrorKind::PermissionDenied => vm.exc.permission_error.clone(),
        std::io::ErrorKind::AlreadyExists => vm.exc.file_exists_error.clone(),
        std::io::ErrorKind::IsADirectory => vm.exc.is_a_directory_error.clone(),
        std::io::ErrorKind::NotADirectory => vm.exc.not_a_directory_error.clone(),
        std::io::ErrorKind::BrokenPipe => vm.exc.broken_pipe_error.clone(),
        _ => vm.exc.os_error.clone(),
    };
    let text = e.to_string();
    let strerror = match text.rfind(" (os error ") {
        Some(i) => text[..i].to_string(),
        None => text,
    };
    let mut args = vec![Value::Int(errno.into()), vm.new_str(&strerror)];
    if let Some(f) = filename {
        args.push(f.clone());
    }
    match vm.call_positional(&Value::Obj(cls.clone()), &args) {
        Ok(Value::Obj(o)) if matches!(o.payload, Payload::Exception(_)) => PyErr(o),
        _ => vm.new_exception(&cls, args),
    }
}

/// open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, ...)
fn open(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let mode = super::str_arg_with(vm, &a[1], |n| format!("open() argument 'mode' must be str, not {n}"))?;
    let mut seen = String::new();
    for c in mode.chars() {
        if !"axrwb+t".contains(c) || seen.contains(c) {
            return Err(vm.new_value_error(format!("invalid mode: '{mode}'")));
        }
        seen.push(c);
    }
    let kinds = ['r', 'w', 'a', 'x'].iter().filter(|c| mode.contains(**c)).count();
    let binary = mode.contains('b');
    if binary && mode.contains('t') {
        return Err(vm.new_value_error("can't have text and binary mode at once"));
    }
    if kinds != 1 {
        return Err(vm.new_value_error("must have exactly one of create/read/write/append mode"));
    }
    if binary && !a[3].is_none() {
        return Err(vm.new_value_error("binary mode doesn't take an encoding argument"));
    }
    if binary && !a[4].is_none() {
        return Err(vm.new_value_error("binary mode doesn't take an errors argument"));
    }
    if binary && !a[5].is_none() {
        return Err(vm.new_value_error("binary mode doesn't take a newline argument"));
    }
    let newline = if a[5].is_none() {
        None
    } else {
        let n = super::str_arg_with(vm, &a[5], |n| format!("open() argument 'newline' must be str or None, not {n}"))?;
        match n.as_str() {
            "" => Some(""),
            "\n" => Some("\n"),
            "\r" => Some("\r"),
            "\r\n" => Some("\r\n"),
            other => return Err(vm.new_value_error(format!("illegal newline value: {other}"))),
        }
    };
    let encoding = if a[3].is_none() {
        Encoding::Utf8
    } else {
        let e = super::str_arg_with(vm, &a[3], |n| format!("open() argument 'encoding' must be str or None, not {n}"))?;
        match e.to_ascii_lowercase().replace('_', "-").as_str() {
            "utf-8" | "utf8" | "u8" | "utf" => Encoding::Utf8,
            "utf-8-sig" | "utf8-sig" => Encoding::Utf8Sig,
            "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "l1" => Encoding::Latin1,
            "ascii" | "us-ascii" => Encoding::Ascii,
            _ => return Err(vm.new_lookup_error(format!("unknown encoding: {e}"))),
        }
    };
    // os.PathLike objects open the path their __fspath__ gives.
    let file = match &a[0] {
        Value::Obj(o) if o.as_str().is_none() && !matches!(o.payload, Payload::Bytes(_)) => crate::modules::posix::fspath(vm, &a[0])?,
        other => other.clone(),
    };
    let path: Vec<u8> = match &file {
        Value::Obj(o) if o.as_str().is_some() => {
            let text = vm.str_of(&file);
            crate::modules::posix::fs_encode(vm, &text)?
        }
        Value::Obj(o) if matches!(o.payload, Payload::Bytes(_)) => match &o.payload {
            Payload::Bytes(b) => b.to_vec(),
            _ => Vec::new(),
        },
        Value::Int(fd @ 0..=2) => {
            let v = new_std_stream(vm, *fd as i32);
            return Ok(v);
        }
        // Other descriptors (pipes, sockets, os.open results) go through _io's layers.
        Value::Int(_) => return crate::modules::io::open::open(vm, a),
        other => {
            let n = vm.type_name(other);
            return Err(vm.new_type_error(format!("expected str, bytes or os.PathLike object, not {n}")));
        }
    };
    let plus = mode.contains('+');
    let mut opts = std::fs::OpenOptions::new();
    let (readable, writable) = if mode.contains('r') {
        opts.read(true).write(plus);
        (true, plus)
    } else if mode.contains('w') {
        opts.write(true).create(true).truncate(true).read(plus);
        (plus, true)
    } else if mode.contains('a') {
        opts.append(true).create(true).read(plus);
        (plus, true)
    } else {
        opts.write(true).create_new(true).read(plus);
        (plus, true)
    };
    let file = match opts.open(<std::ffi::OsStr as std::os::unix::ffi::OsStrExt>::from_bytes(&path)) {
        Ok(f) => f,
        Err(e) => return Err(os_error(vm, &e, Some(&a[0]))),
    };
    if file.metadata().is_ok_and(|m| m.is_dir()) {
        let e = std::io::Error::from_raw_os_error(21);
        return Err(os_error(vm, &e, Some(&a[0])));
    }
    let shown_mode = if binary { mode.clone() } else { mode.replace('t', "") };
    let empty = file.metadata().is_ok_and(|m| m.len() == 0);
    let bom_pending = encoding == Encoding::Utf8Sig && writable && empty;
    let state = FileState {
        backend: Some(Backend::File(file)),
        name: a[0].clone(),
        mode: shown_mode,
        binary,
        readable,
        writable,
        encoding,
        newline,
        bom_pending,
        rbuf: Vec::new(),
        rpos: 0,
        loaded: false,
        wbuf: Vec::new(),
    };
    Ok(new_file(vm, state))
}

/// `seek(pos, whence)` and `tell()` (whence 1, offset 0) on a regular file opened only for
/// reading: its whole content is loaded, so the position is `rpos` (in text mode too, where
/// the cookie is that byte offset and relative seeks must have offset 0). Other files are
/// not seekable here.
fn seek(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let pos = crate::types::int::index_of(vm, &a[1])?;
    let whence = crate::types::int::index_of(vm, &a[2])?;
    let pos = i64::try_from(&pos).map_err(|_| vm.new_overflow_error("Python int too large to convert to C long"))?;
    with(vm, &a[0], |vm, s| {
        if !(s.readable && !s.writable && matches!(s.backend, Some(Backend::File(_)))) {
            return Err(unsupported(vm, "seek"));
        }
        let w = i64::try_from(&whence).unwrap_or(-1);
        if !s.binary && pos != 0 && (w == 1 || w == 2) {
            let what = if w == 1 { "cur" } else { "end" };
            return Err(unsupported(vm, &format!("can't do nonzero {what}-relative seeks")));
        }
        load_all(vm, s)?;
        let base = match i64::try_from(&whence) {
            Ok(0) => 0,
            Ok(1) => s.rpos as i64,
            Ok(2) => s.rbuf.len() as i64,
            _ => return Err(vm.new_value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)"))),
        };
        let target = base.saturating_add(pos);
        if target < 0 {
            return Err(vm.new_os_error("[Errno 22] Invalid argument"));
        }
        // Past the end reads nothing, as for a real file.
        s.rpos = (target as usize).min(s.rbuf.len());
        Ok(Value::Int(target))
    })
}

fn unsupported(vm: &mut Vm, what: &str) -> PyErr {
    vm.new_os_error(what)
}

/// Decode bytes read in text mode, translating `\r\n` and `\r` to `\n` when `translate`.
fn decode(vm: &mut Vm, enc: Encoding, raw: &[u8], translate: bool) -> PyResult<Vec<u8>> {
    let raw = match enc {
        Encoding::Utf8Sig => raw.strip_prefix(b"\xef\xbb\xbf").unwrap_or(raw),
        _ => raw,
    };
    let text: String = match enc {
        Encoding::Utf8 | Encoding::Utf8Sig => match std::str::from_utf8(raw) {
            Ok(s) if !s.is_ascii() && krait_bytecode::surrogate::has_surrogates(s) => {
                return Err(vm.new_not_implemented_error(krait_bytecode::surrogate::UNREPRESENTABLE));
            }
            Ok(s) => s.to_string(),
            Err(e) => {
                let pos = e.valid_up_to();
                let byte = raw.get(pos).copied().unwrap_or(0);
                let reason = if e.error_len().is_none() { "unexpected end of data" } else { "invalid start byte" };
                let cls = vm.exc.unicode_decode_error.clone();
                return Err(vm.new_exception_msg(&cls, &format!("'utf-8' codec can't decode byte 0x{byte:02x} in position {pos}: {reason}")));
            }
        },
        Encoding::Latin1 => raw.iter().map(|&b| b as char).collect(),
        Encoding::Ascii => match raw.iter().position(|b| !b.is_ascii()) {
            None => raw.iter().map(|&b| b as char).collect(),
            Some(pos) => {
                let cls = vm.exc.unicode_decode_error.clone();
                return Err(vm.new_exception_msg(&cls, &format!("'ascii' codec can't decode byte 0x{:02x} in position {pos}: ordinal not in range(128)", raw[pos])));
            }
        },
    };
    if !translate || !text.contains('\r') {
        return Ok(text.into_bytes());
    }
    Ok(text.replace("\r\n", "\n").replace('\r', "\n").into_bytes())
}

/// Make sure the whole rest of the input is in `rbuf` (regular files and stdin).
fn load_all(vm: &mut Vm, s: &mut FileState) -> PyResult<()> {
    if s.loaded {
        return Ok(());
    }
    let _ = s.flush();
    let mut raw = Vec::new();
    let r = match &mut s.backend {
        Some(Backend::File(f)) => f.read_to_end(&mut raw).map(|_| ()),
        Some(Backend::Stdin) => stdio::read_stdin_all().map(|d| raw = d),
        _ => Ok(()),
    };
    if let Err(e) = r {
        return Err(os_error(vm, &e, None));
    }
    let data = if s.binary { raw } else { decode(vm, s.encoding, &raw, s.newline.is_none())? };
    s.rbuf.drain(..s.rpos);
    s.rpos = 0;
    s.rbuf.extend_from_slice(&data);
    s.loaded = !matches!(s.backend, Some(Backend::Stdin));
    Ok(())
}

fn check_readable(vm: &mut Vm, s: &FileState) -> PyResult<()> {
    if s.readable {
        Ok(())
    } else {
        Err(unsupported(vm, "not readable"))
    }
}

/// The value for `bytes` taken from the read buffer (str in text mode).
fn output(vm: &mut Vm, binary: bool, bytes: &[u8]) -> Value {
    if binary {
        let t = vm.types.bytes.clone();
        vm.wrap(Payload::Bytes(bytes.to_vec().into_boxed_slice()), &t)
    } else {
        vm.new_str(&String::from_utf8_lossy(bytes))
    }
}

/// The byte length of the first `n` units (characters in text mode) of `buf`.
fn units_len(binary: bool, buf: &[u8], n: usize) -> usize {
    if binary {
        return n.min(buf.len());
    }
    let text = String::from_utf8_lossy(buf);
    text.char_indices().nth(n).map_or(buf.len(), |(i, _)| i)
}

fn size_arg(vm: &mut Vm, v: &Value) -> PyResult<Option<usize>> {
    match v {
        Value::None => Ok(None),
        _ => {
            let n = crate::types::int::index_of(vm, v)?;
            Ok(usize::try_from(&n).ok())
        }
    }
}

fn read(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let size = size_arg(vm, &a[1])?;
    let (binary, data) = with(vm, &a[0], |vm, s| {
        check_readable(vm, s)?;
        load_all(vm, s)?;
        let rest = &s.rbuf[s.rpos..];
        let n = match size {
            Some(n) => units_len(s.binary, rest, n),
            None => rest.len(),
        };
        let data = rest[..n].to_vec();
        s.rpos += n;
        Ok((s.binary, data))
    })?;
    Ok(output(vm, binary, &data))
}

/// The next line (with its newline) as bytes; empty at end of file.
fn next_line(vm: &mut Vm, s: &mut FileState, limit: Option<usize>) -> PyResult<Vec<u8>> {
    check_readable(vm, s)?;
    if matches!(s.backend, Some(Backend::Stdin)) && s.rpos >= s.rbuf.len() {
        let mut raw = Vec::new();
        let r = crate::modules::signal::retry_eintr(vm, |_| stdio::read_stdin_line(&mut raw))?;
        r.map_err(|e| os_error(vm, &e, None))?;
        let data = if s.binary { raw } else { decode(vm, s.encoding, &raw, s.newline.is_none())? };
        s.rbuf = data;
        s.rpos = 0;
    } else {
        load_all(vm, s)?;
    }
    let rest = &s.rbuf[s.rpos..];
    let mut n = rest.iter().position(|&b| b == b'\n').map_or(rest.len(), |i| i + 1);
    if let Some(limit) = limit {
        n = n.min(units_len(s.binary, rest, limit));
    }
    let line = rest[..n].to_vec();
    s.rpos += n;
    Ok(line)
}

fn readline(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let limit = size_arg(vm, &a[1])?;
    let (binary, line) = with(vm, &a[0], |vm, s| Ok((s.binary, next_line(vm, s, limit)?)))?;
    Ok(output(vm, binary, &line))
}

fn readlines(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let hint = size_arg(vm, &a[1])?.filter(|&h| h > 0);
    let (binary, lines) = with(vm, &a[0], |vm, s| {
        let mut lines = Vec::new();
        let mut total = 0;
        loop {
            let line = next_line(vm, s, None)?;
            if line.is_empty() {
                break;
            }
            total += line.len();
            lines.push(line);
            if hint.is_some_and(|h| total >= h) {
                break;
            }
        }
        Ok((s.binary, lines))
    })?;
    let items = lines.iter().map(|l| output(vm, binary, l)).collect();
    Ok(vm.new_list(items))
}

/// The bytes to write for `data`, checking its type for the file's mode.
fn encode_arg(vm: &mut Vm, binary: bool, enc: Encoding, errors: &str, data: &Value) -> PyResult<(Vec<u8>, usize)> {
    let payload = data.as_obj().map(|o| &o.payload);
    if binary {
        return match payload {
            Some(Payload::Bytes(b)) => Ok((b.to_vec(), b.len())),
            _ => {
                let b = crate::types::bytes::buffer_arg(vm, data)?;
                let n = b.len();
                Ok((b, n))
            }
        };
    }
    let Some(Payload::Str(s)) = payload else {
        let n = vm.type_name(data);
        return Err(vm.new_type_error(format!("write() argument must be str, not {n}")));
    };
    let codec = match enc {
        Encoding::Utf8 | Encoding::Utf8Sig => Codec::Utf8,
        Encoding::Latin1 => Codec::Latin1,
        Encoding::Ascii => Codec::Ascii,
    };
    let out = crate::types::bytes::codec::encode_with(vm, codec, s.as_str(), errors)?;
    Ok((out, s.char_len()))
}

/// Queue `bytes` for writing (standard streams write through at once).
fn push_bytes(vm: &mut Vm, s: &mut FileState, bytes: &[u8]) -> PyResult<()> {
    let r = match &s.backend {
        Some(Backend::Stdout) => stdio::write_stdout(bytes),
        Some(Backend::Stderr) => stdio::write_stderr(bytes),
        _ => {
            s.wbuf.extend_from_slice(bytes);
            if s.wbuf.len() >= 1 << 16 {
                s.flush()
            } else {
                Ok(())
            }
        }
    };
    r.map_err(|e| os_error(vm, &e, None))
}

fn write(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let n = with(vm, &a[0], |vm, s| {
        if !s.writable {
            return Err(unsupported(vm, "not writable"));
        }
        let (mut bytes, n) = encode_arg(vm, s.binary, s.encoding, errors_of(s.backend.as_ref()), &a[1])?;
        if let Some(nl @ ("\r" | "\r\n")) = s.newline.filter(|_| !s.binary && bytes.contains(&b'\n')) {
            bytes = bytes.split(|&b| b == b'\n').collect::<Vec<_>>().join(nl.as_bytes());
        }
        if s.bom_pending && !bytes.is_empty() {
            s.bom_pending = false;
            bytes.splice(0..0, *b"\xef\xbb\xbf");
        }
        push_bytes(vm, s, &bytes)?;
        Ok(n)
    })?;
    Ok(Value::Int(n as i64))
}

fn writelines(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let it = vm.iter(&a[1])?;
    while let Some(line) = vm.next(&it)? {
        write(vm, &[a[0].clone(), line])?;
    }
    Ok(Value::None)
}

fn flush(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    with(vm, &a[0], |vm, s| {
        let r = s.flush().and_then(|_| if matches!(s.backend, Some(Backend::Stdout)) { stdio::flush_stdout() } else { Ok(()) });
        r.map_err(|e| os_error(vm, &e, None))
    })?;
    Ok(Value::None)
}

fn close(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    with_any(vm, &a[0], |vm, s| {
        if s.backend.is_none() {
            return Ok(());
        }
        let r = s.flush();
        s.backend = None;
        s.rbuf = Vec::new();
        r.map_err(|e| os_error(vm, &e, None))
    })?;
    Ok(Value::None)
}

fn fileno(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    with(vm, &a[0], |vm, s| match &s.backend {
        Some(Backend::Stdin) => Ok(Value::Int(0)),
        Some(Backend::Stdout) => Ok(Value::Int(1)),
        Some(Backend::Stderr) => Ok(Value::Int(2)),
        Some(Backend::File(f)) => Ok(Value::Int(i64::from(std::os::fd::AsRawFd::as_raw_fd(f)))),
        None => Err(unsupported(vm, "fileno")),
    })
}

fn isatty(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    with(vm, &a[0], |_, s| {
        Ok(Value::Bool(match &s.backend {
            Some(Backend::Stdin) => stdio::isatty(0),
            Some(Backend::Stdout) => stdio::isatty(1),
            Some(Backend::Stderr) => stdio::isatty(2),
            _ => false,
        }))
    })
}

fn enter(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    with(vm, &a[0], |_, _| Ok(()))?;
    Ok(a[0].clone())
}

fn file_iter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    with(vm, v, |_, _| Ok(()))?;
    Ok(v.clone())
}

fn file_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let (binary, line) = with(vm, v, |vm, s| Ok((s.binary, next_line(vm, s, None)?)))?;
    if line.is_empty() {
        return Ok(None);
    }
    Ok(Some(output(vm, binary, &line)))
}

fn file_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let ty = vm.type_of(v);
    let tname = ty.as_type().map(|t| t.name()).unwrap_or_default();
    let (name, mode, binary, enc) = with_any(vm, v, |_, s| Ok((s.name.clone(), s.mode.clone(), s.binary, encoding_name(s.encoding))))?;
    let name = vm.repr(&name)?;
    let name = name.as_str().map(|s| s.as_str().to_string()).unwrap_or_default();
    let text = if binary { format!("<_io.{tname} name={name}>") } else { format!("<_io.{tname} name={name} mode='{mode}' encoding='{enc}'>") };
    Ok(vm.new_str(&text))
}
