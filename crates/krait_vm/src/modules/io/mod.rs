//! The `_io` module (CPython's Modules/_io): the abstract bases `_IOBase`, `_RawIOBase`,
//! `_BufferedIOBase`, `_TextIOBase`, and `FileIO`, `BytesIO`, `StringIO`, the buffered
//! classes, `TextIOWrapper`, `IncrementalNewlineDecoder`, `open`, `open_code`,
//! `text_encoding`, `DEFAULT_BUFFER_SIZE`, `UnsupportedOperation`.

mod buffered;
mod bytesio;
mod fileio;
mod iobase;
pub(crate) mod open;
mod stringio;
mod textio;

use super::util::{new_module_with, set};
use crate::object::{Args, Payload, PyObject, PyRef, Value};
use crate::types::methods::method;
use crate::vm::{PyErr, PyResult, Vm};

pub const DEFAULT_BUFFER_SIZE: usize = 8192;

/// The `_io.<name>` type of this VM (kept in the module's dict).
pub fn io_type(vm: &mut Vm, name: &str) -> PyResult<PyRef> {
    let m = super::builtin_module(vm, "_io").ok_or_else(|| vm.new_system_error("_io missing"))?;
    let t = vm.get_attr_str(&Value::Obj(m), name)?;
    t.as_obj().cloned().ok_or_else(|| vm.new_system_error(format!("bad _io.{name}")))
}

/// `UnsupportedOperation(msg)`.
pub fn unsupported(vm: &mut Vm, msg: &str) -> PyErr {
    match io_type(vm, "UnsupportedOperation") {
        Ok(cls) => vm.new_exception_msg(&cls, msg),
        Err(e) => e,
    }
}

/// `ValueError: I/O operation on closed file.`
pub fn closed_error(vm: &mut Vm) -> PyErr {
    vm.new_value_error("I/O operation on closed file.")
}

/// A new instance of `cls` carrying native `state`.
pub fn new_native(cls: &PyRef, state: impl std::any::Any) -> Value {
    Value::Obj(PyRef::new(PyObject::new(cls.clone(), Payload::Native(Box::new(state)))))
}

/// Bind slot arguments (`__new__`/`__init__`) to a signature.
pub fn bind_args(vm: &mut Vm, sig: &'static str, fname: &str, args: Args<'_>) -> PyResult<Vec<Value>> {
    crate::types::native::bind_static(vm, sig, fname, args)
}

/// A size argument: None or negative means "everything".
pub fn size_arg(vm: &mut Vm, v: &Value) -> PyResult<Option<usize>> {
    if v.is_none() || v.is_null() {
        return Ok(None);
    }
    let n = super::util::i64_arg(vm, v)?;
    Ok(if n < 0 { None } else { Some(n as usize) })
}

/// Whether UTF-8 mode is on (`PYTHONUTF8=1`).
fn utf8_mode() -> bool {
    std::env::var("PYTHONUTF8").is_ok_and(|v| v == "1")
}

/// The encoding text files get by default: "utf-8" in UTF-8 mode, else the locale's
/// (always UTF-8 here).
pub fn default_encoding() -> &'static str {
    if utf8_mode() { "utf-8" } else { "UTF-8" }
}

/// `text_encoding(encoding, stacklevel=2)`: None → "utf-8" in UTF-8 mode, else "locale".
fn text_encoding(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    Ok(if !a[0].is_none() { a[0].clone() } else if utf8_mode() { vm.new_str("utf-8") } else { vm.new_str("locale") })
}

/// Build the `_io` module.
pub fn make_module(vm: &mut Vm) -> PyRef {
    let m = new_module_with(vm, "_io", &[
        method("open", "(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None)", open::open),
        method("open_code", "(path)", open::open_code),
        method("text_encoding", "(encoding, stacklevel=2, /)", text_encoding),
    ]);
    set(vm, &m, "DEFAULT_BUFFER_SIZE", Value::Int(DEFAULT_BUFFER_SIZE as i64));
    let bio = Value::Obj(vm.exc.blocking_io_error.clone());
    set(vm, &m, "BlockingIOError", bio);
    // class UnsupportedOperation(OSError, ValueError), made by calling type().
    let bases = vm.new_tuple(vec![Value::Obj(vm.exc.os_error.clone()), Value::Obj(vm.exc.value_error.clone())]);
    let ns = vm.new_dict_ref();
    let modname = vm.new_str("io");
    let key = Value::Obj(vm.intern("__module__"));
    let _ = vm.dict_set_item(&ns, key, modname);
    let name = vm.new_str("UnsupportedOperation");
    let ty = Value::Obj(vm.types.type_.clone());
    if let Ok(uo) = vm.call_positional(&ty, &[name, bases, Value::Obj(ns)]) {
        set(vm, &m, "UnsupportedOperation", uo);
    }
    let bases = iobase::make_types(vm, &m);
    fileio::make_type(vm, &m, &bases.raw);
    bytesio::make_type(vm, &m, &bases.buffered);
    buffered::make_types(vm, &m, &bases.buffered);
    stringio::make_type(vm, &m, &bases.text);
    textio::make_types(vm, &m, &bases.text);
    m
}
