//! Compares krait's code objects with CPython 3.11's for every snippet in `tests/corpus/`:
//! the same line dump (`dump_code.py` for CPython, [`dump`] here), field by field.
//! Prints per-field agreement; files listed in `tests/matching.txt` must agree exactly on
//! instrs, consts, names and varnames of every code object.

use krait_bytecode::{CodeObject, Constant, Opcode};
use krait_compiler::{compile, CompileOptions, Mode};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn const_repr(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Ellipsis => "Ellipsis".into(),
        Constant::Bool(b) => if *b { "True" } else { "False" }.into(),
        Constant::Int(i) => format!("int:{i}"),
        Constant::Float(f) => format!("float:{:016x}", f.to_bits()),
        Constant::Complex { re, im } => format!("complex:{:016x}:{:016x}", re.to_bits(), im.to_bits()),
        Constant::Str(s) => format!("str:{}", hex(s.as_bytes())),
        Constant::SurrogateStr(b) => format!("str:{}", hex(b)),
        Constant::Bytes(b) => format!("bytes:{}", hex(b)),
        Constant::Tuple(t) => format!("({})", t.iter().map(const_repr).collect::<Vec<_>>().join(",")),
        Constant::FrozenSet(t) => {
            let mut v: Vec<String> = t.iter().map(const_repr).collect();
            v.sort();
            format!("frozenset({})", v.join(","))
        }
        Constant::Code(c) => format!("code:{}", c.qualname),
        other => format!("?{other:?}"),
    }
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn instrs(code: &CodeObject) -> Vec<String> {
    let mut out = Vec::new();
    let mut ext: u32 = 0;
    let b = &code.code;
    let mut i = 0;
    while i + 1 < b.len() {
        let (op, arg) = (b[i], b[i + 1]);
        i += 2;
        let Some(opc) = Opcode::from_u8(op) else {
            out.push(format!("<{op}>"));
            continue;
        };
        if opc == Opcode::ExtendedArg {
            ext = (ext | u32::from(arg)) << 8;
            continue;
        }
        let full = ext | u32::from(arg);
        ext = 0;
        if opc.has_arg() {
            out.push(format!("{} {full}", opc.name()));
        } else {
            out.push(opc.name().to_string());
        }
        i += 2 * opc.cache_entries() as usize;
    }
    out
}

fn join(v: &[std::rc::Rc<str>]) -> String {
    v.iter().map(|s| s.to_string()).collect::<Vec<_>>().join(" ")
}

/// The same dump as dump_code.py's `dump`.
fn dump(code: &CodeObject, lines: &mut Vec<String>) {
    lines.push(format!("code {}", code.qualname));
    lines.push(format!("argcount {} {} {}", code.argcount, code.posonlyargcount, code.kwonlyargcount));
    lines.push(format!("flags 0x{:x}", code.flags));
    lines.push(format!("stacksize {}", code.stacksize));
    lines.push(format!("firstlineno {}", code.firstlineno));
    lines.push(format!("names {}", join(&code.names)));
    lines.push(format!("varnames {}", join(&code.varnames())));
    lines.push(format!("cellvars {}", join(&code.cellvars())));
    lines.push(format!("freevars {}", join(&code.freevars())));
    lines.push(format!("consts {}", code.consts.iter().map(const_repr).collect::<Vec<_>>().join(" ")));
    lines.push(format!("instrs {}", instrs(code).join("; ")));
    lines.push(format!("linetable {}", hex(&code.linetable)));
    lines.push(format!("exceptiontable {}", hex(&code.exceptiontable)));
    for c in &code.consts {
        if let Constant::Code(inner) = c {
            dump(inner, lines);
        }
    }
}

fn krait_dump(path: &Path) -> Vec<String> {
    let name = path.to_string_lossy().to_string();
    let mut lines = vec![format!("== {name}")];
    let Ok(src) = std::fs::read_to_string(path) else {
        lines.push("skip".to_string());
        return lines;
    };
    match compile(&src, &name, Mode::Exec, CompileOptions::default()) {
        Ok(code) => dump(&code, &mut lines),
        Err(e) => lines.push(format!("error {}: {} (line {})", e.kind, e.msg, e.lineno)),
    }
    lines
}

/// A python3 that is CPython 3.11, if any.
fn cpython() -> Option<String> {
    for exe in ["python3.11", "python3"] {
        let out = Command::new(exe).args(["-c", "import sys; print(sys.version_info[:2] == (3, 11))"]).output();
        if let Ok(o) = out {
            if String::from_utf8_lossy(&o.stdout).trim() == "True" {
                return Some(exe.to_string());
            }
        }
    }
    None
}

/// Split a dump into (qualname-indexed code object, field) → value.
fn fields(lines: &[String]) -> BTreeMap<(usize, String), String> {
    let mut out = BTreeMap::new();
    let mut idx = 0;
    for l in lines.iter().skip(1) {
        let (k, v) = l.split_once(' ').unwrap_or((l.as_str(), ""));
        if k == "code" {
            idx += 1;
            out.insert((idx, "qualname".to_string()), v.to_string());
            continue;
        }
        out.insert((idx, k.to_string()), v.to_string());
    }
    out
}

const STRICT: &[&str] = &["qualname", "instrs", "consts", "names", "varnames", "error"];

/// Outcome of comparing a set of files.
struct Report {
    per_field: BTreeMap<String, (usize, usize)>,
    /// (file name, strict fields agree, everything agrees, first difference)
    files: Vec<(String, bool, bool, Option<String>)>,
}

fn run_python_dump(py: &str, dir: &Path, files: &[PathBuf]) -> BTreeMap<String, Vec<String>> {
    let mut expected: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for chunk in files.chunks(200) {
        let out = Command::new(py).arg(dir.join("dump_code.py")).args(chunk).output().expect("python3 runs");
        let text = String::from_utf8_lossy(&out.stdout).to_string();
        let mut cur: Option<String> = None;
        for l in text.lines() {
            if let Some(f) = l.strip_prefix("== ") {
                cur = Some(f.to_string());
            }
            if let Some(c) = &cur {
                expected.entry(c.clone()).or_default().push(l.to_string());
            }
        }
    }
    expected
}

fn compare_files(py: &str, files: &[PathBuf]) -> Report {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let expected = run_python_dump(py, &dir, files);
    let mut report = Report { per_field: BTreeMap::new(), files: Vec::new() };
    for f in files {
        let key = f.to_string_lossy().to_string();
        let stem = f.file_name().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
        let want = fields(expected.get(&key).map(|v| &v[..]).unwrap_or(&[]));
        let got = match std::panic::catch_unwind(|| krait_dump(f)) {
            Ok(d) => fields(&d),
            Err(_) => {
                report.files.push((key, false, false, Some("krait panicked".into())));
                continue;
            }
        };
        let mut strict_ok = got.len() == want.len();
        let mut all_ok = strict_ok;
        let mut first = None;
        for (k, v) in &want {
            let ok = got.get(k) == Some(v);
            let e = report.per_field.entry(k.1.clone()).or_default();
            e.1 += 1;
            if ok {
                e.0 += 1;
                continue;
            }
            all_ok = false;
            if STRICT.contains(&k.1.as_str()) {
                strict_ok = false;
            }
            if first.is_none() {
                first = Some(format!(
                    "code #{} field {}\n  cpython: {v}\n  krait:   {}",
                    k.0,
                    k.1,
                    got.get(k).map_or("<missing>", |s| s.as_str())
                ));
            }
        }
        report.files.push((if files.len() > 100 { key } else { stem }, strict_ok, all_ok, first));
    }
    report
}

fn print_summary(r: &Report) {
    println!("\nper-field agreement (code objects):");
    for (k, (ok, n)) in &r.per_field {
        println!("  {k:<16} {ok}/{n}");
    }
    let fully = r.files.iter().filter(|f| f.2).count();
    let code = r.files.iter().filter(|f| f.1).count();
    println!("files fully identical: {fully}/{}; same code: {code}/{}", r.files.len(), r.files.len());
}

#[test]
fn compare_with_cpython() {
    let Some(py) = cpython() else {
        println!("note: python3.11 not found; skipping the CPython comparison");
        return;
    };
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join("corpus"))
        .expect("corpus directory exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    files.sort();
    let matching: Vec<String> = std::fs::read_to_string(dir.join("matching.txt"))
        .unwrap_or_default()
        .lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let report = compare_files(&py, &files);
    let mut failures = Vec::new();
    for (name, strict_ok, all_ok, first) in &report.files {
        println!("{:<40} {}", name, if *all_ok { "identical" } else if *strict_ok { "code matches" } else { "differs" });
        if matching.contains(name) && !strict_ok {
            failures.push(format!("{name}: {}", first.clone().unwrap_or_default()));
        }
    }
    print_summary(&report);
    assert!(failures.is_empty(), "listed files no longer match CPython:\n{}", failures.join("\n"));
}

/// Every module of CPython's stdlib (`cargo test -p krait_compiler --test compare_cpython
/// stdlib -- --ignored --nocapture`); reports agreement, never fails.
#[test]
#[ignore]
fn stdlib() {
    let Some(py) = cpython() else {
        println!("note: python3.11 not found");
        return;
    };
    let out = Command::new(&py)
        .args(["-c", "import sysconfig; print(sysconfig.get_path('stdlib'))"])
        .output()
        .expect("python3 runs");
    let root = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    let mut files = Vec::new();
    let mut stack = vec![root];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else { continue };
        for e in rd.flatten() {
            let p = e.path();
            let name = p.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
            if p.is_dir() {
                if name != "site-packages" && name != "__pycache__" {
                    stack.push(p);
                }
            } else if name.ends_with(".py") {
                files.push(p);
            }
        }
    }
    files.sort();
    if let Ok(n) = std::env::var("KRAIT_SWEEP_LIMIT") {
        files.truncate(n.parse().unwrap_or(usize::MAX));
    }
    let report = compare_files(&py, &files);
    let mut shown = 0;
    for (name, strict_ok, _, first) in &report.files {
        if !strict_ok && shown < 40 {
            shown += 1;
            println!("{name}: {}", first.clone().unwrap_or_default());
        }
    }
    print_summary(&report);
}

/// `KRAIT_DUMP=path cargo test -p krait_compiler --test compare_cpython dump_one -- --ignored
/// --nocapture` prints krait's dump of one file (for debugging differences).
#[test]
#[ignore]
fn dump_one() {
    if let Ok(p) = std::env::var("KRAIT_DUMP") {
        println!("{}", krait_dump(Path::new(&p)).join("\n"));
    }
}
