//! `krait -m py_compile`: byte-compiling source files to `.pyc`, natively, with the
//! command-line behaviour, messages and files of CPython 3.11's `Lib/py_compile.py`.

use krait_vm::import::cache::{self, Invalidation};
use krait_vm::{PyErr, Vm};
use std::path::{Path, PathBuf};

/// Why a file was not compiled (`PyCompileError` or an OSError).
pub enum CompileError {
    /// `PyCompileError.msg`: the formatted SyntaxError, or "Sorry: Type: message".
    Compile(String),
    /// An OSError: its class name and `str()`.
    Os(&'static str, String),
}

/// Python's `repr()` of a str.
pub fn py_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::from(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// The OSError for a failed file operation, as `str(OSError)` shows it.
fn os_error(e: &std::io::Error, path: &Path) -> CompileError {
    let (class, text) = match e.kind() {
        std::io::ErrorKind::NotFound => ("FileNotFoundError", "No such file or directory".to_string()),
        std::io::ErrorKind::PermissionDenied => ("PermissionError", "Permission denied".to_string()),
        std::io::ErrorKind::IsADirectory => ("IsADirectoryError", "Is a directory".to_string()),
        _ => ("OSError", e.to_string()),
    };
    CompileError::Os(class, format!("[Errno {}] {text}: {}", e.raw_os_error().unwrap_or(0), py_repr(&path.display().to_string())))
}

/// `py_compile._get_default_invalidation_mode`.
pub fn default_invalidation() -> Invalidation {
    if std::env::var_os("SOURCE_DATE_EPOCH").is_some_and(|v| !v.is_empty()) {
        Invalidation::CheckedHash
    } else {
        Invalidation::Timestamp
    }
}

/// The PEP 3147 cache file for `file` at optimization level `optimize`.
pub fn default_cfile(vm: &mut Vm, file: &Path, optimize: u8) -> Option<PathBuf> {
    let prefix = cache::pycache_prefix(vm);
    cache::cache_path(file, optimize, prefix.as_deref())
}

/// `PyCompileError(...).msg` for a compile-time exception in `file`.
fn compile_error_text(vm: &mut Vm, err: &PyErr, file: &str) -> String {
    let class = err.0.class();
    let name = class.as_type().map(|t| t.name()).unwrap_or_default();
    if name == "SyntaxError" {
        let text = krait_vm::exceptions::format_exception(vm, &err.0);
        text.replace("File \"<string>\"", &format!("File \"{file}\""))
    } else {
        let value = vm.str(&krait_vm::Value::Obj(err.0.clone())).ok().and_then(|s| s.as_str().map(|s| s.as_str().to_string())).unwrap_or_default();
        format!("Sorry: {name}: {value}")
    }
}

/// `py_compile.compile(file, cfile, dfile, doraise=True, optimize, invalidation_mode)`.
pub fn compile(vm: &mut Vm, file: &Path, cfile: &Path, dfile: Option<&str>, optimize: u8, mode: Invalidation) -> Result<(), CompileError> {
    if cfile.is_symlink() {
        let msg = format!("{} is a symlink and will be changed into a regular file if import writes a byte-compiled file to it", cfile.display());
        return Err(CompileError::Os("FileExistsError", msg));
    }
    if cfile.exists() && !cfile.is_file() {
        let msg = format!("{} is a non-regular file and will be changed into a regular one if import writes a byte-compiled file to it", cfile.display());
        return Err(CompileError::Os("FileExistsError", msg));
    }
    let source = std::fs::read(file).map_err(|e| os_error(&e, file))?;
    let name = dfile.map(str::to_string).unwrap_or_else(|| file.display().to_string());
    let text = vm.decode_source(&source, &name, false).map_err(|e| CompileError::Compile(compile_error_text(vm, &e, &name)))?;
    let code = vm.compile_raw(&text, &name, cache::Mode::Exec, optimize).map_err(|e| CompileError::Compile(compile_error_text(vm, &e, &name)))?;
    let stat = cache::stat_source(file).map_err(|e| os_error(&e, file))?;
    let Some(data) = cache::pyc_bytes(&code, mode, &stat, &source) else {
        return Err(CompileError::Compile(format!("Sorry: ValueError: unmarshallable code object in {name}")));
    };
    cache::write_atomic(cfile, &data, stat.mode).map_err(|e| os_error(&e, cfile))
}

const USAGE: &str = "usage: py_compile.py [-h] [-q] filenames [filenames ...]\n";

/// `python -m py_compile [-q] FILE...|-`: returns the exit status.
pub fn main(vm: &mut Vm, args: &[String]) -> u8 {
    let mut quiet = false;
    let mut files = Vec::new();
    let mut unknown = Vec::new();
    let mut only_positional = false;
    for a in args {
        match a.as_str() {
            "--" if !only_positional => only_positional = true,
            "-q" | "--quiet" if !only_positional => quiet = true,
            "-h" | "--help" if !only_positional => {
                print!("{USAGE}\nA simple command-line interface for py_compile module.\n\npositional arguments:\n  filenames    Files to compile\n\noptions:\n  -h, --help   show this help message and exit\n  -q, --quiet  Suppress error output\n");
                return 0;
            }
            s if s.starts_with('-') && s != "-" && !only_positional => unknown.push(s.to_string()),
            s => files.push(s.to_string()),
        }
    }
    if files.is_empty() {
        eprintln!("{USAGE}py_compile.py: error: the following arguments are required: filenames");
        return 2;
    }
    if !unknown.is_empty() {
        eprintln!("{USAGE}py_compile.py: error: unrecognized arguments: {}", unknown.join(" "));
        return 2;
    }
    if files == ["-"] {
        let mut text = String::new();
        let _ = std::io::Read::read_to_string(&mut std::io::stdin(), &mut text);
        files = text.lines().map(str::to_string).collect();
    }
    let optimize = vm.options.optimize;
    for f in &files {
        let path = Path::new(f);
        let result = match default_cfile(vm, path, optimize) {
            Some(cfile) => compile(vm, path, &cfile, None, optimize, default_invalidation()),
            None => Err(CompileError::Compile(format!("Sorry: ValueError: no cache path for {f}"))),
        };
        if let Err(e) = result {
            if !quiet {
                match e {
                    CompileError::Compile(msg) | CompileError::Os(_, msg) => eprint!("{msg}"),
                }
            }
            return 1;
        }
    }
    0
}
