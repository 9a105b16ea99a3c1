//! Shared test helpers: finding CPython 3.11 and its stdlib at run time.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Command;

/// The real CPython 3.11 executable (`sys.executable`), or `None` with a printed note.
pub fn python311() -> Option<PathBuf> {
    for cand in ["python3.11", "python3"] {
        let out = Command::new(cand)
            .args(["-c", "import sys; print(sys.version_info[:2] == (3, 11)); print(sys.executable)"])
            .output();
        if let Ok(out) = out {
            let text = String::from_utf8_lossy(&out.stdout).into_owned();
            let mut lines = text.lines();
            if lines.next() == Some("True") {
                if let Some(exe) = lines.next() {
                    return Some(PathBuf::from(exe));
                }
            }
        }
    }
    eprintln!("note: python3.11 not found; skipping the CPython comparison");
    None
}

/// Runs `code` with python (script on stdin) and returns stdout; panics on failure.
pub fn run_python(py: &PathBuf, code: &str) -> String {
    use std::io::Write;
    let mut child = Command::new(py)
        .arg("-")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run python");
    child.stdin.take().expect("stdin").write_all(code.as_bytes()).expect("write script");
    let out = child.wait_with_output().expect("wait for python");
    assert!(out.status.success(), "python failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8 output")
}

/// CPython's stdlib directory.
pub fn stdlib_dir(py: &PathBuf) -> PathBuf {
    PathBuf::from(run_python(py, "import sysconfig; print(sysconfig.get_path('stdlib'))").trim())
}

/// The workspace root (two levels above this crate).
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every `*.cpython-311*.pyc` under the stdlib's `__pycache__` directories, sorted.
pub fn stdlib_pycs(py: &PathBuf) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![stdlib_dir(py)];
    while let Some(dir) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&dir) else { continue };
        for e in rd.flatten() {
            let p = e.path();
            let Ok(ft) = e.file_type() else { continue };
            if ft.is_dir() {
                stack.push(p);
            } else if p.parent().and_then(|d| d.file_name()).is_some_and(|n| n == "__pycache__")
                && p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                    n.ends_with(".pyc") && n.contains(".cpython-311")
                })
            {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}
