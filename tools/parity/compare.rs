//! Compiler parity: compile Python files with krait and with CPython 3.11 (marshalled by
//! `marshal_code.py`, read back with `krait_bytecode::marshal`) and compare every code object
//! field by field. Shared by the `parity` example (tools/parity/main.rs) and krait_compiler's
//! `compare_cpython` tests.

use krait_bytecode::{marshal, CodeObject, Constant, Opcode};
use krait_compiler::{compile, CompileOptions, Mode};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::rc::Rc;
use std::time::Instant;

/// The compared fields, most significant first (a code object's difference is attributed
/// to its first differing field).
pub const FIELDS: &[&str] = &[
    "co_code", "co_consts", "co_names", "co_varnames", "co_cellvars", "co_freevars", "co_stacksize", "co_flags",
    "co_exceptiontable", "co_linetable", "co_argcount", "co_name", "co_qualname", "co_firstlineno",
];

/// How one CPython code object compares with krait's.
pub struct CodeDiff {
    pub qualname: String,
    /// The fields that differ (empty: identical).
    pub fields: Vec<&'static str>,
    /// The first difference, for the "top causes" table (e.g. `co_code: JUMP_FORWARD -> RETURN_VALUE`).
    pub cause: Option<String>,
}

/// How one file compares.
pub enum Outcome {
    /// Both compiled: one entry per CPython code object.
    Compared(Vec<CodeDiff>),
    /// One or both refused the file; `same` when both did with the same error kind and line.
    Errors { cpython: Option<String>, krait: Option<String>, same: bool },
}

pub struct FileResult {
    pub path: PathBuf,
    pub outcome: Outcome,
}

impl FileResult {
    /// No difference at all (or the same compile error on both sides).
    pub fn identical(&self) -> bool {
        match &self.outcome {
            Outcome::Compared(d) => d.iter().all(|c| c.fields.is_empty()),
            Outcome::Errors { same, .. } => *same,
        }
    }

    /// The first difference in one of `fields`, if any (all fields when `fields` is empty).
    pub fn first_difference(&self, fields: &[&str]) -> Option<String> {
        match &self.outcome {
            Outcome::Compared(d) => d.iter().find_map(|c| {
                let f = c.fields.iter().find(|f| fields.is_empty() || fields.contains(f))?;
                Some(format!("{}: {}", c.qualname, if c.fields[0] == *f { c.cause.clone().unwrap_or_default() } else { f.to_string() }))
            }),
            Outcome::Errors { same: true, .. } => None,
            Outcome::Errors { cpython, krait, .. } => Some(format!("cpython: {cpython:?}, krait: {krait:?}")),
        }
    }
}

pub struct Report {
    pub files: Vec<FileResult>,
    /// Seconds spent in compile() by CPython and by krait, over the files both compiled.
    pub cpython_secs: f64,
    pub krait_secs: f64,
}

/// A CPython 3.11 executable (the real one, not a version-manager shim), if installed.
pub fn cpython() -> Option<PathBuf> {
    for exe in ["python3.11", "python3"] {
        let code = "import sys; print(sys.executable if sys.version_info[:2] == (3, 11) else '')";
        if let Ok(o) = Command::new(exe).args(["-c", code]).output() {
            let path = String::from_utf8_lossy(&o.stdout).trim().to_owned();
            if !path.is_empty() {
                return Some(PathBuf::from(path));
            }
        }
    }
    None
}

/// Every `.py` file of CPython's stdlib (site-packages excluded), sorted.
pub fn stdlib_files(py: &Path) -> Vec<PathBuf> {
    let out = Command::new(py).args(["-c", "import sysconfig; print(sysconfig.get_path('stdlib'))"]).output();
    let Ok(out) = out else { return Vec::new() };
    let mut files = Vec::new();
    let mut stack = vec![PathBuf::from(String::from_utf8_lossy(&out.stdout).trim())];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else { continue };
        for e in rd.flatten() {
            let p = e.path();
            let name = e.file_name().to_string_lossy().into_owned();
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
    files
}

/// A path for reports: relative to the stdlib directory when inside it (no machine paths).
pub fn display(path: &Path) -> String {
    let s = path.display().to_string();
    match s.find("/python3.11/") {
        Some(i) => s[i + "/python3.11/".len()..].to_owned(),
        None => s,
    }
}

/// `n` files spread evenly over `files` (a deterministic subset).
pub fn subset(files: &[PathBuf], n: usize) -> Vec<PathBuf> {
    if n == 0 || n >= files.len() {
        return files.to_vec();
    }
    (0..n).map(|i| files[i * files.len() / n].clone()).collect()
}

/// A file's module code object, or the error text.
type Compiled = Result<Rc<CodeObject>, String>;

/// The CPython side: code object or error text per file, and compile() seconds.
fn cpython_side(py: &Path, files: &[PathBuf]) -> Result<(Vec<Compiled>, f64), String> {
    static RUN: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let run = RUN.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("krait-parity-{}-{run}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let helper = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tools/parity/marshal_code.py");
    let list: String = files.iter().map(|f| format!("{}\n", f.display())).collect();
    let mut child = Command::new(py)
        .arg(helper)
        .arg(&dir)
        .env("PYTHONHASHSEED", "0")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    if let Some(mut stdin) = child.stdin.take() {
        std::io::Write::write_all(&mut stdin, list.as_bytes()).map_err(|e| e.to_string())?;
    }
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    let secs = String::from_utf8_lossy(&out.stdout).trim().parse().unwrap_or(0.0);
    let mut codes = Vec::with_capacity(files.len());
    for i in 0..files.len() {
        let code = match std::fs::read(dir.join(format!("{i}.marshal"))) {
            Ok(data) => marshal::loads_code(&data).map_err(|e| format!("unreadable marshal data: {e}")),
            Err(_) => Err(std::fs::read_to_string(dir.join(format!("{i}.error"))).unwrap_or_else(|_| "no output".into())),
        };
        codes.push(code);
    }
    let _ = std::fs::remove_dir_all(&dir);
    Ok((codes, secs))
}

/// Compare krait with CPython on `files`.
pub fn compare_files(py: &Path, files: &[PathBuf]) -> Result<Report, String> {
    let (expected, cpython_secs) = cpython_side(py, files)?;
    let mut report = Report { files: Vec::new(), cpython_secs, krait_secs: 0.0 };
    for (path, want) in files.iter().zip(expected) {
        let name = path.display().to_string();
        let src = std::fs::read_to_string(path);
        let start = Instant::now();
        let got = match &src {
            Ok(s) => compile(s, &name, Mode::Exec, CompileOptions::default()).map_err(|e| format!("{}: {} (line {})", e.kind, e.msg, e.lineno)),
            Err(_) => Err("UnicodeDecodeError".to_string()),
        };
        let elapsed = start.elapsed().as_secs_f64();
        let outcome = match (want, got) {
            (Ok(a), Ok(b)) => {
                report.krait_secs += elapsed;
                let mut diffs = Vec::new();
                compare_code(&a, &b, &mut diffs);
                Outcome::Compared(diffs)
            }
            (a, b) => {
                let (cpython, krait) = (a.err(), b.err());
                let same = match (&cpython, &krait) {
                    (Some(x), Some(y)) => same_error(x, y),
                    _ => false,
                };
                Outcome::Errors { cpython, krait, same }
            }
        };
        report.files.push(FileResult { path: path.clone(), outcome });
    }
    Ok(report)
}

/// Two error texts ("Kind: msg (line N)") agree on the kind and, when both give one, the line.
fn same_error(a: &str, b: &str) -> bool {
    let kind = |e: &str| e.split(':').next().unwrap_or("").to_owned();
    let line = |e: &str| e.rsplit_once("(line ").map(|(_, l)| l.trim_end_matches(')').to_owned()).filter(|l| l != "None");
    kind(a) == kind(b) && (line(a).is_none() || line(b).is_none() || line(a) == line(b))
}

/// Compare CPython's code object `a` with krait's `b`, then their nested code objects pairwise
/// (in co_consts order), appending one entry per CPython code object.
pub fn compare_code(a: &CodeObject, b: &CodeObject, out: &mut Vec<CodeDiff>) {
    let mut fields = Vec::new();
    let mut cause = None;
    for &f in FIELDS {
        let same = match f {
            "co_code" => a.code == b.code,
            "co_consts" => a.consts.len() == b.consts.len() && a.consts.iter().zip(&b.consts).all(|(x, y)| const_eq(x, y)),
            "co_names" => a.names == b.names,
            "co_varnames" => a.varnames() == b.varnames(),
            "co_cellvars" => a.cellvars() == b.cellvars(),
            "co_freevars" => a.freevars() == b.freevars(),
            "co_stacksize" => a.stacksize == b.stacksize,
            "co_flags" => a.flags == b.flags,
            "co_exceptiontable" => a.exceptiontable == b.exceptiontable,
            "co_linetable" => a.linetable == b.linetable,
            "co_argcount" => (a.argcount, a.posonlyargcount, a.kwonlyargcount) == (b.argcount, b.posonlyargcount, b.kwonlyargcount),
            "co_name" => a.name == b.name,
            "co_qualname" => a.qualname == b.qualname,
            _ => a.firstlineno == b.firstlineno,
        };
        if !same {
            if cause.is_none() {
                cause = Some(match f {
                    "co_code" => code_cause(a, b),
                    "co_consts" => consts_cause(&a.consts, &b.consts),
                    _ => f.to_string(),
                });
            }
            fields.push(f);
        }
    }
    out.push(CodeDiff { qualname: a.qualname.to_string(), fields, cause });
    let nested = |c: &CodeObject| -> Vec<Rc<CodeObject>> {
        c.consts.iter().filter_map(|k| if let Constant::Code(x) = k { Some(x.clone()) } else { None }).collect()
    };
    let (na, nb) = (nested(a), nested(b));
    for (i, x) in na.iter().enumerate() {
        match nb.get(i) {
            Some(y) => compare_code(x, y, out),
            None => missing(x, out),
        }
    }
}

/// A CPython code object (and its nested ones) krait did not produce.
fn missing(a: &CodeObject, out: &mut Vec<CodeDiff>) {
    out.push(CodeDiff { qualname: a.qualname.to_string(), fields: FIELDS.to_vec(), cause: Some("code object missing in krait".into()) });
    for k in &a.consts {
        if let Constant::Code(x) = k {
            missing(x, out);
        }
    }
}

/// Constants agree; nested code objects are compared on their own, frozensets ignore order.
fn const_eq(a: &Constant, b: &Constant) -> bool {
    match (a, b) {
        (Constant::Code(_), Constant::Code(_)) => true,
        (Constant::Tuple(x), Constant::Tuple(y)) => x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| const_eq(p, q)),
        (Constant::FrozenSet(x), Constant::FrozenSet(y)) => x.len() == y.len() && x.iter().all(|p| y.iter().any(|q| const_eq(p, q))),
        _ => a.same_constant(b),
    }
}

/// The first differing constant, as "co_consts: str (value)" or "co_consts: int -> float".
fn consts_cause(a: &[Constant], b: &[Constant]) -> String {
    match a.iter().zip(b).find(|(x, y)| !const_eq(x, y)) {
        Some((x, y)) if x.type_name() == y.type_name() => format!("co_consts: {} value", x.type_name()),
        Some((x, y)) => format!("co_consts: {} -> {}", x.type_name(), y.type_name()),
        None => format!("co_consts: {} constants -> {}", a.len(), b.len()),
    }
}

/// The instructions of `co_code` as (opname, full argument), CACHE entries skipped.
pub fn instructions(code: &CodeObject) -> Vec<(&'static str, u32)> {
    let mut out = Vec::new();
    let mut ext: u32 = 0;
    let mut units = code.code.chunks_exact(2);
    while let Some(u) = units.next() {
        let Some(op) = Opcode::from_u8(u[0]) else {
            out.push(("<invalid>", u32::from(u[0])));
            continue;
        };
        let arg = (ext << 8) | u32::from(u[1]);
        if op == Opcode::ExtendedArg {
            ext = arg;
            continue;
        }
        ext = 0;
        out.push((op.name(), if op.has_arg() { arg } else { 0 }));
        for _ in 0..op.cache_entries() {
            units.next();
        }
    }
    out
}

/// The first differing instruction, as "co_code: CPYTHON_OP -> KRAIT_OP".
fn code_cause(a: &CodeObject, b: &CodeObject) -> String {
    let (x, y) = (instructions(a), instructions(b));
    match x.iter().zip(&y).position(|(p, q)| p != q) {
        Some(i) if x[i].0 == y[i].0 => format!("co_code: {} argument", x[i].0),
        Some(i) => format!("co_code: {} -> {}", x[i].0, y[i].0),
        None if x.len() > y.len() => format!("co_code: krait stops before {}", x[y.len()].0),
        None if y.len() > x.len() => format!("co_code: krait adds {}", y[x.len()].0),
        None => "co_code: same instructions, different bytes".into(),
    }
}

impl Report {
    /// The text summary: shares of identical code objects (overall and per field), files,
    /// compile errors, the top causes of difference and compile times.
    pub fn summary(&self, top: usize) -> String {
        let mut total = 0usize;
        let mut identical = 0usize;
        let mut per_field: BTreeMap<&str, usize> = BTreeMap::new();
        let mut causes: BTreeMap<String, (usize, String)> = BTreeMap::new();
        let mut error_files = Vec::new();
        for f in &self.files {
            match &f.outcome {
                Outcome::Compared(diffs) => {
                    for d in diffs {
                        total += 1;
                        if d.fields.is_empty() {
                            identical += 1;
                        }
                        for field in FIELDS {
                            if !d.fields.contains(field) {
                                *per_field.entry(field).or_default() += 1;
                            }
                        }
                        if let Some(c) = &d.cause {
                            let e = causes.entry(c.clone()).or_insert_with(|| (0, format!("{} {}", display(&f.path), d.qualname)));
                            e.0 += 1;
                        }
                    }
                }
                Outcome::Errors { same: true, .. } => {}
                Outcome::Errors { cpython, krait, .. } => error_files.push(format!("{}: cpython {cpython:?}, krait {krait:?}", display(&f.path))),
            }
        }
        let pct = |n: usize, d: usize| if d == 0 { 100.0 } else { 100.0 * n as f64 / d as f64 };
        let files_ok = self.files.iter().filter(|f| f.identical()).count();
        let mut s = String::new();
        s.push_str(&format!("files: {} compared, {} identical ({:.2}%)\n", self.files.len(), files_ok, pct(files_ok, self.files.len())));
        s.push_str(&format!("code objects: {total}, identical in every field: {identical} ({:.2}%)\n", pct(identical, total)));
        s.push_str("identical per field:\n");
        for field in FIELDS {
            let n = per_field.get(field).copied().unwrap_or(0);
            s.push_str(&format!("  {field:<18} {n:>7}/{total} {:>7.2}%\n", pct(n, total)));
        }
        if !error_files.is_empty() {
            s.push_str(&format!("files where only one side compiles or errors differ: {}\n", error_files.len()));
            for e in error_files.iter().take(top) {
                s.push_str(&format!("  {e}\n"));
            }
        }
        let mut ranked: Vec<(&String, &(usize, String))> = causes.iter().collect();
        ranked.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
        s.push_str("top causes of difference (code objects, first differing field, example):\n");
        for (cause, (n, example)) in ranked.iter().take(top) {
            s.push_str(&format!("  {n:>6}  {cause}  [{example}]\n"));
        }
        s.push_str(&format!("compile time: CPython {:.2}s, krait {:.2}s\n", self.cpython_secs, self.krait_secs));
        s
    }
}
