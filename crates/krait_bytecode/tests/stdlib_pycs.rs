//! Every CPython 3.11 stdlib `.pyc`: header, unmarshal, verify, table re-encoding, marshal
//! round trip. The default test takes a deterministic 1-in-8 sample (fast in debug builds);
//! `cargo test -p krait_bytecode --release -- --ignored all_stdlib_pycs` runs every file.

mod common;

use krait_bytecode::exception_table;
use krait_bytecode::line_table::{self, LineTableEncoder};
use krait_bytecode::marshal;
use krait_bytecode::verify::verify;
use krait_bytecode::pyc::{PycHeader, HEADER_LEN};
use krait_bytecode::{CodeObject, Constant};
use std::path::Path;
use std::rc::Rc;

fn each_code(code: &Rc<CodeObject>, f: &mut dyn FnMut(&Rc<CodeObject>)) {
    f(code);
    for c in &code.consts {
        if let Constant::Code(inner) = c {
            each_code(inner, f);
        }
    }
}

/// Decoding then re-encoding the line and exception tables gives the same bytes.
fn check_tables(path: &Path, c: &CodeObject) {
    let first = c.firstlineno as i32;
    let mut enc = LineTableEncoder::new(first);
    for e in line_table::decode(&c.linetable, first) {
        enc.add((e.end - e.start) / 2, e.loc);
    }
    assert_eq!(enc.finish(), &c.linetable[..], "{}: {} line table", path.display(), c.qualname);
    let entries = exception_table::decode(&c.exceptiontable).unwrap();
    let again = exception_table::encode(&entries).unwrap();
    assert_eq!(again, &c.exceptiontable[..], "{}: {} exception table", path.display(), c.qualname);
}

/// Checks one pyc; returns the bytes krait re-marshals it to.
fn check_pyc(path: &Path) -> Vec<u8> {
    let data = std::fs::read(path).unwrap();
    let header = PycHeader::parse(&data).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(header.to_bytes()[..], data[..HEADER_LEN], "{}", path.display());
    let code = marshal::loads_code(&data[HEADER_LEN..]).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let ours = marshal::dumps_code(&code).unwrap();
    let again = marshal::loads_code(&ours).unwrap_or_else(|e| panic!("{}: reload: {e}", path.display()));
    assert!(code.deep_eq(&again), "{}: marshal round trip differs", path.display());
    // Writing is deterministic and idempotent.
    assert_eq!(marshal::dumps_code(&again).unwrap(), ours, "{}", path.display());
    verify(&code).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    each_code(&code, &mut |c| check_tables(path, c));
    ours
}

fn run(sample: usize) {
    let Some(py) = common::python311() else { return };
    let files = common::stdlib_pycs(&py);
    assert!(files.len() > 1000, "found only {} stdlib pycs", files.len());
    let mut n = 0;
    for path in files.iter().step_by(sample) {
        check_pyc(path);
        n += 1;
    }
    eprintln!("checked {n} pycs");
}

#[test]
fn sampled_stdlib_pycs() {
    run(8);
}

#[test]
#[ignore]
fn all_stdlib_pycs() {
    run(1);
}
