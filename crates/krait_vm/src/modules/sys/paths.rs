//! Locating things at run time: the script directory, CPython 3.11's pure-Python standard
//! library (`KRAIT_STDLIB`, else next to a python3.11/python3 found on PATH), and
//! krait's own executable. Nothing is cached on disk.

use crate::vm::Vm;
use std::path::{Path, PathBuf};

/// The initial `sys.path`: the script's absolute directory when `argv[0]` is a file
/// (else the first configured entry, or ''), the other configured entries, then the
/// standard library directory when one is found.
pub fn sys_path(vm: &Vm) -> Vec<String> {
    let mut out: Vec<String> = vm.options.path.clone();
    let first = script_dir(vm.options.argv.first().map(String::as_str).unwrap_or(""));
    match out.first_mut() {
        Some(p) if !first.is_empty() => *p = first,
        Some(_) => {}
        None => out.push(first),
    }
    if let Some(lib) = stdlib_dir() {
        let lib = lib.display().to_string();
        if !out.contains(&lib) {
            out.push(lib);
        }
    }
    out
}

/// The directory of the script `argv0` (absolute, symlinks resolved) or '' when the
/// program is not a file.
fn script_dir(argv0: &str) -> String {
    if argv0.is_empty() || argv0 == "-c" || argv0 == "-" || argv0 == "-m" {
        return String::new();
    }
    let p = Path::new(argv0);
    if !p.is_file() {
        return String::new();
    }
    let full = std::fs::canonicalize(p).unwrap_or_else(|_| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf()));
    full.parent().map(|d| d.display().to_string()).unwrap_or_default()
}

/// CPython 3.11's `Lib/` directory: `$KRAIT_STDLIB`, else `../lib/python3.11` next to
/// the first python3.11 or python3 on PATH (symlinks resolved) that has an `os.py`.
pub fn stdlib_dir() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("KRAIT_STDLIB").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    // The first python3.11/python3 on PATH wins, as a shell would pick it.
    for dir in std::env::split_paths(&path) {
        for name in ["python3.11", "python3"] {
            if !dir.join(name).is_file() {
                continue;
            }
            if let Some(lib) = pyenv_stdlib(&dir) {
                return Some(lib);
            }
            let Ok(exe) = std::fs::canonicalize(dir.join(name)) else { continue };
            let Some(lib) = exe.parent().and_then(Path::parent).map(|p| p.join("lib").join("python3.11")) else { continue };
            if lib.join("os.py").is_file() {
                return Some(lib);
            }
        }
    }
    None
}

/// For a version manager's shim directory (`<root>/shims` beside `<root>/versions`), the
/// stdlib of the newest installed 3.11.x.
fn pyenv_stdlib(dir: &Path) -> Option<PathBuf> {
    if dir.file_name()? != "shims" {
        return None;
    }
    let versions = dir.parent()?.join("versions");
    let mut best: Option<(u32, PathBuf)> = None;
    for entry in std::fs::read_dir(versions).ok()?.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(patch) = name.strip_prefix("3.11.").and_then(|p| p.parse::<u32>().ok()) else { continue };
        let lib = entry.path().join("lib").join("python3.11");
        if lib.join("os.py").is_file() && best.as_ref().is_none_or(|(b, _)| patch > *b) {
            best = Some((patch, lib));
        }
    }
    best.map(|(_, lib)| lib)
}

/// `sys.prefix`: the installation prefix of the standard library found, or ''.
pub fn prefix() -> String {
    stdlib_dir().and_then(|l| l.parent().and_then(Path::parent).map(|p| p.display().to_string())).unwrap_or_default()
}

/// `sys.executable`: the running krait binary.
pub fn executable() -> String {
    std::env::current_exe().map(|p| p.display().to_string()).unwrap_or_default()
}
