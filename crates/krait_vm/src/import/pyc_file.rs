//! Code from `.pyc` bytes: unmarshal and verify the body, with the exceptions CPython raises
//! for a bad file when it is imported sourcelessly (`_classify_pyc`, `_compile_bytecode`) or
//! run as the main program (`run_pyc_file`), plus `_imp._fix_co_filename`.

use crate::object::Value;
use crate::vm::{PyErr, PyResult, Vm};
use krait_bytecode::marshal::{self, ErrorKind, MarshalError};
use krait_bytecode::pyc::{self, PycError, PycHeader};
use krait_bytecode::verify::{verify, VerifyError};
use krait_bytecode::{CodeObject, Constant};
use std::path::Path;
use std::rc::Rc;

/// Why a pyc body does not give runnable code.
pub enum BadBody {
    Marshal(MarshalError),
    /// The object's type name.
    NotCode(&'static str),
    Verify(VerifyError),
}

/// Unmarshal the body of a pyc (after the 16-byte header) and verify the code object.
pub fn code_from_pyc_body(body: &[u8]) -> Result<Rc<CodeObject>, BadBody> {
    match marshal::loads(body).map_err(BadBody::Marshal)? {
        Constant::Code(code) => {
            verify(&code).map_err(BadBody::Verify)?;
            Ok(code)
        }
        other => Err(BadBody::NotCode(other.type_name())),
    }
}

/// The Python exception for a marshal error.
pub fn marshal_error(vm: &mut Vm, e: &MarshalError) -> PyErr {
    let cls = match e.kind {
        ErrorKind::EOFError => vm.exc.eof_error.clone(),
        ErrorKind::TypeError => vm.exc.type_error.clone(),
        ErrorKind::SystemError => vm.exc.system_error.clone(),
        ErrorKind::NotImplementedError => vm.exc.not_implemented_error.clone(),
        ErrorKind::ValueError | ErrorKind::UnicodeDecodeError => vm.exc.value_error.clone(),
    };
    vm.new_exception_msg(&cls, &e.message)
}

/// An ImportError with `name` and `path` attributes (`ImportError(msg, name=…, path=…)`).
fn import_error(vm: &mut Vm, msg: &str, name: &str, path: &Path) -> PyErr {
    let err = vm.new_import_error(msg);
    for (attr, value) in [("name", name.to_string()), ("path", path.display().to_string())] {
        let key = vm.intern(attr);
        let v = vm.new_str(&value);
        let _ = vm.generic_set_attr(&Value::Obj(err.0.clone()), &key, v);
    }
    err
}

/// Python's `repr()` of a short bytes value, as `_classify_pyc` shows the magic.
fn bytes_repr(b: &[u8]) -> String {
    let mut s = String::from("b'");
    for &c in b {
        match c {
            b'\\' => s.push_str("\\\\"),
            b'\'' => s.push_str("\\'"),
            b'\t' => s.push_str("\\t"),
            b'\n' => s.push_str("\\n"),
            b'\r' => s.push_str("\\r"),
            0x20..=0x7e => s.push(c as char),
            _ => s.push_str(&format!("\\x{c:02x}")),
        }
    }
    s.push('\'');
    s
}

/// The code of a sourceless module `name` from the pyc at `path` (`SourcelessFileLoader.get_code`):
/// header problems are ImportError/EOFError as in `_classify_pyc`, marshal errors propagate,
/// a non-code object or a code object failing verification is an ImportError naming the file.
pub fn sourceless_code(vm: &mut Vm, name: &str, path: &Path) -> PyResult<Rc<CodeObject>> {
    let data = match std::fs::read(path) {
        Ok(d) => d,
        Err(e) => return Err(import_error(vm, &format!("cannot read '{}': {e}", path.display()), name, path)),
    };
    if data.len() < 4 || data[..4] != pyc::MAGIC {
        let magic = bytes_repr(&data[..data.len().min(4)]);
        return Err(import_error(vm, &format!("bad magic number in '{name}': {magic}"), name, path));
    }
    match PycHeader::parse(&data) {
        Ok(_) => {}
        Err(PycError::BadFlags(flags)) => return Err(import_error(vm, &format!("invalid flags {flags} in '{name}'"), name, path)),
        Err(_) => return Err(vm.new_eof_error(format!("reached EOF while reading pyc header of '{name}'"))),
    }
    match code_from_pyc_body(&data[pyc::HEADER_LEN..]) {
        Ok(code) => Ok(code),
        Err(BadBody::Marshal(e)) => Err(marshal_error(vm, &e)),
        Err(BadBody::NotCode(_)) => Err(import_error(vm, &format!("Non-code object in '{}'", path.display()), name, path)),
        Err(BadBody::Verify(e)) => Err(import_error(vm, &format!("bad code object in '{}': {e}", path.display()), name, path)),
    }
}

/// The code of a `.pyc` run as the main program (CPython's `run_pyc_file`): the magic must
/// match (the other header fields are not checked); errors are CPython's RuntimeError /
/// EOFError texts (a file shorter than the magic has a bad magic), and a code object
/// failing verification names the file.
pub fn main_pyc_code(vm: &mut Vm, path: &Path, data: &[u8]) -> PyResult<Rc<CodeObject>> {
    if data.len() < 4 || data[..4] != pyc::MAGIC {
        return Err(vm.new_runtime_error("Bad magic number in .pyc file"));
    }
    if data.len() < pyc::HEADER_LEN {
        return Err(vm.new_eof_error("EOF read where not expected"));
    }
    match code_from_pyc_body(&data[pyc::HEADER_LEN..]) {
        Ok(code) => Ok(code),
        Err(BadBody::Marshal(_) | BadBody::NotCode(_)) => Err(vm.new_runtime_error("Bad code object in .pyc file")),
        Err(BadBody::Verify(e)) => Err(vm.new_runtime_error(format!("Bad code object in .pyc file '{}': {e}", path.display()))),
    }
}

/// CPython's `maybe_pyc_file`: a `.pyc` name, or a file starting with the first two
/// bytes of the magic number.
pub fn looks_like_pyc(path: &Path) -> bool {
    if path.to_string_lossy().ends_with(".pyc") {
        return true;
    }
    let mut buf = [0u8; 2];
    std::fs::File::open(path).and_then(|mut f| std::io::Read::read_exact(&mut f, &mut buf)).is_ok() && buf == pyc::MAGIC[..2]
}

/// `_imp._fix_co_filename`: `code` with `co_filename` set to `filename` in it and every
/// nested code object, when the stored name differs (the cache was written elsewhere).
pub fn fix_co_filename(code: Rc<CodeObject>, filename: &str) -> Rc<CodeObject> {
    if &*code.filename == filename {
        return code;
    }
    let name: Rc<str> = Rc::from(filename);
    rename(&code, &code.filename.clone(), &name)
}

fn rename(code: &Rc<CodeObject>, old: &Rc<str>, new: &Rc<str>) -> Rc<CodeObject> {
    let mut c = (**code).clone();
    if c.filename == *old {
        c.filename = new.clone();
    }
    c.consts = c.consts.iter().map(|k| rename_const(k, old, new)).collect();
    Rc::new(c)
}

fn rename_const(k: &Constant, old: &Rc<str>, new: &Rc<str>) -> Constant {
    match k {
        Constant::Code(c) => Constant::Code(rename(c, old, new)),
        other => other.clone(),
    }
}
