//! marshal: CPython 3.11's serialisation of constants and code objects (versions 0–4).
//!
//! [`loads`] accepts everything CPython's reader accepts (except self-containing containers,
//! which plain data cannot hold) and fails with CPython's exception type and message otherwise.
//! [`dumps`] writes what CPython 3.11 writes for the same value, with its own (documented)
//! policy for FLAG_REF and string interning: see `write.rs`.

mod error;
mod read;
mod text;
mod types;
mod write;

pub use error::{ErrorKind, MarshalError, Result};
pub use read::MAX_DEPTH;

use crate::{CodeObject, Constant};
use std::rc::Rc;

/// The newest marshal format (`marshal.version`).
pub const VERSION: u8 = 4;

/// `marshal.loads(data)`: the first object in `data` (trailing bytes are ignored, as in CPython).
pub fn loads(data: &[u8]) -> Result<Constant> {
    read::Reader::new(data).read_top()
}

/// Reads one object from the start of `data` and returns it with the number of bytes used
/// (what `marshal.load(file)` needs).
pub fn loads_prefix(data: &[u8]) -> Result<(Constant, usize)> {
    let mut r = read::Reader::new(data);
    let v = r.read_top()?;
    Ok((v, r.position()))
}

/// Reads a code object (the body of a `.pyc`); any other object is a TypeError as in importlib.
pub fn loads_code(data: &[u8]) -> Result<Rc<CodeObject>> {
    match loads(data)? {
        Constant::Code(c) => Ok(c),
        other => Err(MarshalError::new(
            ErrorKind::TypeError,
            format!("Non-code object in marshal data (got {})", other.type_name()),
        )),
    }
}

/// `marshal.dumps(value, version)`.
pub fn dumps(value: &Constant, version: u8) -> Result<Vec<u8>> {
    write::Writer::dump(value, version)
}

/// `marshal.dumps(code)` at the current version.
pub fn dumps_code(code: &Rc<CodeObject>) -> Result<Vec<u8>> {
    dumps(&Constant::Code(code.clone()), VERSION)
}
