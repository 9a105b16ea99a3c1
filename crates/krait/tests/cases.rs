//! Behaviour cases (tests/cases/*.py): krait must reproduce CPython 3.11's recorded stdout,
//! exit code and stderr; and the recorded goldens must still match CPython when it is present.
//!
//! Environment variables:
//! - `KRAIT_CASES=glob[,glob…]`  run only matching cases (e.g. `math__*,op__pow`).
//! - `KRAIT_BIN=path`            run this program instead of the krait binary (e.g. a python3
//!   executable, to check the harness itself); implies strict mode.
//! - `KRAIT_STRICT=1`            ignore tests/known_failures.txt: every case must pass.
//! - `KRAIT_UPDATE_KNOWN_FAILURES=1` rewrite tests/known_failures.txt from this run.
//! - `KRAIT_CASE_TIMEOUT=secs`   per-case timeout (default 10); `KRAIT_TEST_THREADS=n` (default 2).
//! - `KRAIT_PYTHON=path`         CPython used by the golden check (default: python3 or python3.11
//!   when it is the version in tests/cpython_version.txt, which record.py writes).
//! - `KRAIT_CHECK_GOLDENS=0`     skip the golden check.
#![forbid(unsafe_code)]

mod harness;

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use harness::Verdict;

const SHOWN_FAILURES: usize = 8;

fn known_failures_path() -> PathBuf {
    harness::cases_dir().join("../known_failures.txt")
}

/// Case names listed in tests/known_failures.txt (one per line, `#` starts a comment).
fn known_failures() -> BTreeSet<String> {
    std::fs::read_to_string(known_failures_path())
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect()
}

fn write_known_failures(failed: &[&Verdict]) {
    let mut text = String::from(
        "# Behaviour cases krait does not pass yet (one name per line). The harness fails when a\n\
         # case not listed here fails, or when a listed case passes: remove it from the list then.\n\
         # Regenerate with KRAIT_UPDATE_KNOWN_FAILURES=1 cargo test --release -p krait --test cases\n",
    );
    for (name, _) in failed {
        text.push_str(name);
        text.push('\n');
    }
    if let Err(e) = std::fs::write(known_failures_path(), text) {
        report(&format!("cannot write known_failures.txt: {e}\n"));
    }
}

/// Writes straight to stderr so that the summary shows even when libtest captures output.
fn report(text: &str) {
    let _ = std::io::stderr().write_all(text.as_bytes());
}

fn flag(key: &str) -> bool {
    std::env::var(key).is_ok_and(|v| v == "1")
}

fn run_selected(program: &Path) -> (Vec<String>, Vec<Verdict>) {
    let filter = std::env::var("KRAIT_CASES").ok();
    let names = harness::case_names(filter.as_deref());
    let timeout = Duration::from_secs(harness::env_number("KRAIT_CASE_TIMEOUT", 10));
    let threads = harness::env_number("KRAIT_TEST_THREADS", 2) as usize;
    let verdicts = harness::check_all(program, &names, threads, timeout);
    (names, verdicts)
}

fn describe(failures: &[&Verdict]) -> String {
    let mut text = String::new();
    for (name, verdict) in failures.iter().take(SHOWN_FAILURES) {
        if let Err(msg) = verdict {
            text.push_str(&format!("--- {name}\n{msg}"));
        }
    }
    if failures.len() > SHOWN_FAILURES {
        text.push_str(&format!("… and {} more\n", failures.len() - SHOWN_FAILURES));
    }
    text
}

#[test]
fn cases_match_cpython_goldens() {
    // A relative KRAIT_BIN is taken from the cwd of `cargo test`, not from tests/cases.
    let custom = std::env::var_os("KRAIT_BIN").map(PathBuf::from).map(|p| p.canonicalize().unwrap_or(p));
    let program = custom.clone().unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_krait")));
    let strict = custom.is_some() || flag("KRAIT_STRICT");
    harness::remove_krait_pycs();
    let (names, verdicts) = run_selected(&program);
    assert!(!names.is_empty(), "no case selected (KRAIT_CASES={:?})", std::env::var("KRAIT_CASES").ok());

    let failed: Vec<&Verdict> = verdicts.iter().filter(|v| v.1.is_err()).collect();
    if flag("KRAIT_UPDATE_KNOWN_FAILURES") && std::env::var("KRAIT_CASES").is_err() && custom.is_none() {
        write_known_failures(&failed);
    }
    let known = if strict { BTreeSet::new() } else { known_failures() };
    let unexpected: Vec<&Verdict> = failed.iter().copied().filter(|(n, _)| !known.contains(n)).collect();
    let newly_passing: Vec<&String> = verdicts.iter().filter(|(n, v)| v.is_ok() && known.contains(n)).map(|(n, _)| n).collect();

    let passed = verdicts.len() - failed.len();
    let mut text = format!(
        "krait cases ({}): {passed} passed, {} failed ({} listed in tests/known_failures.txt, {} unexpected), {} listed but now passing\n",
        program.display(),
        failed.len(),
        failed.len() - unexpected.len(),
        unexpected.len(),
        newly_passing.len(),
    );
    text.push_str(&describe(&unexpected));
    if !newly_passing.is_empty() {
        let list: Vec<&str> = newly_passing.iter().map(|s| s.as_str()).collect();
        text.push_str(&format!("now passing, remove from tests/known_failures.txt: {}\n", list.join(" ")));
    }
    report(&text);
    assert!(unexpected.is_empty() && newly_passing.is_empty(), "behaviour cases do not match the goldens (details above)");
}

/// The CPython version the goldens were recorded with (tests/cpython_version.txt).
fn recorded_cpython_version() -> String {
    std::fs::read_to_string(harness::cases_dir().join("../cpython_version.txt")).unwrap_or_default().trim().to_owned()
}

/// The CPython executable to check the goldens with: `KRAIT_PYTHON`, else python3 or
/// python3.11 when it is exactly the recorded version; `Err` says why there is none.
fn find_cpython(version: &str) -> Result<PathBuf, String> {
    if let Some(p) = std::env::var_os("KRAIT_PYTHON") {
        return Ok(PathBuf::from(p));
    }
    let probe = "import sys, platform; print(platform.python_implementation(), platform.python_version(), sys.executable)";
    let mut seen = Vec::new();
    for candidate in ["python3", "python3.11"] {
        let Ok(out) = Command::new(candidate).args(["-c", probe]).output() else { continue };
        let text = String::from_utf8_lossy(&out.stdout).trim().to_owned();
        let mut parts = text.splitn(3, ' ');
        match (parts.next(), parts.next(), parts.next()) {
            (Some("CPython"), Some(v), Some(exe)) if v == version => return Ok(PathBuf::from(exe)),
            (_, Some(v), _) => seen.push(format!("{candidate} is {v}")),
            _ => {}
        }
    }
    Err(format!("no CPython {version} found ({}); set KRAIT_PYTHON", if seen.is_empty() { "no python3".to_owned() } else { seen.join(", ") }))
}

#[test]
fn goldens_still_match_cpython() {
    if std::env::var("KRAIT_CHECK_GOLDENS").is_ok_and(|v| v == "0") {
        report("golden check skipped (KRAIT_CHECK_GOLDENS=0)\n");
        return;
    }
    let python = match find_cpython(&recorded_cpython_version()) {
        Ok(python) => python,
        Err(why) => {
            report(&format!("golden check skipped: {why}\n"));
            return;
        }
    };
    let (_, verdicts) = run_selected(&python);
    let failed: Vec<&Verdict> = verdicts.iter().filter(|v| v.1.is_err()).collect();
    let mut text = format!(
        "golden check with {}: {} passed, {} failed\n",
        python.display(),
        verdicts.len() - failed.len(),
        failed.len()
    );
    text.push_str(&describe(&failed));
    report(&text);
    assert!(failed.is_empty(), "recorded goldens differ from CPython: re-record with python3 tests/record.py");
}
