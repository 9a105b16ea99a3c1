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

fn opt(v: Option<i32>) -> String {
    v.map_or("None".into(), |x| x.to_string())
}

/// `co_positions()`, `co_lines()` and `co_lnotab` rendered as Python would print them.
fn render_tables(c: &CodeObject) -> String {
    let first = c.firstlineno as i32;
    let pos: Vec<String> = line_table::positions(&c.linetable, first)
        .iter()
        .map(|l| format!("({}, {}, {}, {})", opt(l.line), opt(l.end_line), opt(l.col), opt(l.end_col)))
        .collect();
    let lines: Vec<String> = line_table::lines(&c.linetable, first)
        .iter()
        .map(|(s, e, l)| format!("({s}, {e}, {})", opt(*l)))
        .collect();
    let lnotab: String = line_table::lnotab(&c.linetable, first).iter().map(|b| format!("{b:02x}")).collect();
    format!("[{}]\n[{}]\n{lnotab}\n", pos.join(", "), lines.join(", "))
}

/// CPython loads the bytes krait writes for a sample of pycs to equal code objects, and
/// krait's co_positions/co_lines/co_lnotab agree with CPython's.
#[test]
fn cpython_reads_our_pycs() {
    let Some(py) = common::python311() else { return };
    let files = common::stdlib_pycs(&py);
    let dir = std::env::temp_dir().join(format!("krait_bytecode_interop_{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut pairs = Vec::new();
    let mut ours_tables = String::new();
    for (i, path) in files.iter().step_by(97).enumerate() {
        let ours = check_pyc(path);
        let out = dir.join(format!("{i}.bin"));
        std::fs::write(&out, &ours).unwrap();
        pairs.push((path.display().to_string(), out.display().to_string()));
        let code = marshal::loads_code(&ours).unwrap();
        each_code(&code, &mut |c| ours_tables.push_str(&render_tables(c)));
    }
    let script = format!(
        r#"import marshal, types
def same(a, b):
    if type(a) is not type(b): return False
    if isinstance(a, types.CodeType):
        attrs = ('co_argcount', 'co_posonlyargcount', 'co_kwonlyargcount', 'co_stacksize', 'co_flags',
                 'co_code', 'co_names', 'co_varnames', 'co_cellvars', 'co_freevars', 'co_filename',
                 'co_name', 'co_qualname', 'co_firstlineno', 'co_linetable', 'co_exceptiontable')
        return all(getattr(a, n) == getattr(b, n) for n in attrs) and same(a.co_consts, b.co_consts)
    if isinstance(a, tuple): return len(a) == len(b) and all(map(same, a, b))
    if isinstance(a, float): return repr(a) == repr(b)
    if isinstance(a, complex): return repr(a) == repr(b)
    return a == b
def walk(c):
    yield c
    for k in c.co_consts:
        if isinstance(k, types.CodeType): yield from walk(k)
out = []
for orig, ours in {pairs:?}:
    with open(orig, 'rb') as f: want = marshal.loads(f.read()[16:])
    with open(ours, 'rb') as f: got = marshal.loads(f.read())
    if not same(want, got): print('DIFF', orig)
    for c in walk(got):
        out.append(repr(list(c.co_positions())) + '\n' + repr(list(c.co_lines())) + '\n' + c.co_lnotab.hex() + '\n')
import sys
sys.stdout.write('TABLES\n' + ''.join(out))
"#
    );
    let result = common::run_python(&py, &script);
    let _ = std::fs::remove_dir_all(&dir);
    let (diffs, tables) = result.split_once("TABLES\n").unwrap();
    assert!(diffs.is_empty(), "CPython loads our bytes differently:\n{diffs}");
    for (i, (a, b)) in tables.lines().zip(ours_tables.lines()).enumerate() {
        assert_eq!(a, b, "table line {i} differs");
    }
    assert_eq!(tables.lines().count(), ours_tables.lines().count());
}
