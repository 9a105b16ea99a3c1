//! Regression guard over CPython 3.11's own test suite: every module listed in
//! tests/cpython_suite/passing.txt must still pass fully under krait
//! (`krait -m unittest test.<module>` exits 0 and prints OK). Skipped, with a note, when the
//! stdlib's `test` package is not found. `tests/cpython_suite/run.py` measures the whole suite.
//!
//! Environment variables:
//! - `KRAIT_SUITE=glob[,glob…]`   run only the listed modules that match.
//! - `KRAIT_SUITE_TIMEOUT=secs`   per-module timeout (default 60); `KRAIT_TEST_THREADS=n` (default 2).
#![forbid(unsafe_code)]

#[allow(dead_code)]
mod harness;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::thread;
use std::time::Duration;

fn krait() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_krait"))
}

fn passing_list() -> Vec<String> {
    let path = harness::cases_dir().join("../cpython_suite/passing.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let mut names: Vec<String> = text
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect();
    if let Ok(filter) = std::env::var("KRAIT_SUITE") {
        let globs: Vec<&str> = filter.split(',').map(str::trim).collect();
        names.retain(|n| globs.iter().any(|g| harness::glob::matches(g, n)));
    }
    names
}

/// A command running krait with the caller's environment minus every PYTHON* variable.
fn krait_command(cwd: &Path) -> Command {
    let mut cmd = Command::new(krait());
    cmd.current_dir(cwd).stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("PYTHON") {
            cmd.env_remove(&key);
        }
    }
    cmd.env("PYTHONUTF8", "1");
    cmd
}

/// Whether krait finds the stdlib's `test.support`; `Err` when krait cannot even answer.
fn suite_available() -> Result<bool, String> {
    let mut cmd = krait_command(&std::env::temp_dir());
    cmd.args(["-c", "import importlib.util as u; print(u.find_spec('test.support') is not None)"]);
    let (out, err, code) = harness::run_with_timeout(cmd, Duration::from_secs(30))?;
    match (code, String::from_utf8_lossy(&out).trim()) {
        (Some(0), "True") => Ok(true),
        (Some(0), "False") => Ok(false),
        _ => Err(format!("krait failed to look for the test package:\n{}", String::from_utf8_lossy(&err))),
    }
}

/// Runs one test module in a fresh scratch directory; `Err` holds the end of its output.
fn run_module(module: &str, timeout: Duration) -> Result<(), String> {
    let dir = std::env::temp_dir().join(format!("krait_suite_{}_{module}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let mut cmd = krait_command(&dir);
    cmd.args(["-m", "unittest", &format!("test.{module}")]);
    let result = harness::run_with_timeout(cmd, timeout);
    let _ = std::fs::remove_dir_all(&dir);
    let (_, err, code) = result?;
    let text = String::from_utf8_lossy(&err);
    let ok = text.lines().any(|l| l == "OK" || l.starts_with("OK ("));
    if code == Some(0) && ok {
        return Ok(());
    }
    let tail: Vec<&str> = text.lines().rev().take(25).collect();
    let tail: Vec<&str> = tail.into_iter().rev().collect();
    Err(format!("exit code {code:?}\n{}\n", tail.join("\n")))
}

#[test]
fn listed_cpython_test_modules_still_pass() {
    let report = |text: &str| {
        let _ = std::io::stderr().write_all(text.as_bytes());
    };
    match suite_available() {
        Ok(true) => {}
        Ok(false) => {
            report("cpython_suite skipped: the stdlib's test package (test.support) is not found\n");
            return;
        }
        Err(why) => panic!("{why}"),
    }
    let names = passing_list();
    assert!(!names.is_empty(), "no module selected from tests/cpython_suite/passing.txt");
    let timeout = Duration::from_secs(harness::env_number("KRAIT_SUITE_TIMEOUT", 60));
    let threads = harness::env_number("KRAIT_TEST_THREADS", 2) as usize;
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    thread::scope(|s| {
        for _ in 0..threads.max(1) {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(name) = names.get(i) else { break };
                if let Err(msg) = run_module(name, timeout) {
                    if let Ok(mut f) = failures.lock() {
                        f.push((name.clone(), msg));
                    }
                }
            });
        }
    });
    let mut failures = failures.into_inner().unwrap_or_default();
    failures.sort();
    let mut text = format!("cpython_suite: {} of {} listed modules pass\n", names.len() - failures.len(), names.len());
    for (name, msg) in &failures {
        text.push_str(&format!("--- {name} no longer passes:\n{msg}"));
    }
    report(&text);
    assert!(failures.is_empty(), "test modules listed in tests/cpython_suite/passing.txt fail (details above)");
}
