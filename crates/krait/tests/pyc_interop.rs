//! .pyc interoperability with CPython 3.11 on every behaviour case (tests/cases, same run
//! convention as cases.rs; cases in tests/known_failures.txt are skipped):
//! - compiled by krait (`krait -m compileall`), run by CPython → the golden output;
//! - compiled by CPython (`python3 -m compileall`), run by krait → the golden output.
//!
//! Both compile `<abs cases dir>/<case>.py` with PYTHONPYCACHEPREFIX set to a temporary
//! directory, so co_filename is the case's absolute path (tracebacks normalise to $CASES/ as
//! in the goldens) and nothing is written into the repository. Skipped (with a note) when
//! CPython 3.11 is absent. `KRAIT_CASES=glob,...` selects cases as in cases.rs.
#![forbid(unsafe_code)]

#[allow(dead_code)]
mod harness;
#[allow(dead_code)]
mod pyc_support;

use pyc_support::{cpython, krait, run, TempDir};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

/// Cases whose output depends on how the program was started (a .pyc path instead of the
/// script: sys.argv[0], sys.path[0], __file__, and so its source file for
/// inspect.getsource; faulthandler prints the compiled code's file name), so they cannot
/// match the script's golden on either interpreter.
const STARTUP_DEPENDENT: &[&str] = &["import__main_guard", "sys__argv_path", "sys__basics", "ast__inspect", "faulthandler__dump"];

fn known_failures() -> BTreeSet<String> {
    std::fs::read_to_string(harness::cases_dir().join("../known_failures.txt"))
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect()
}

fn selected_cases() -> Vec<String> {
    let known = known_failures();
    let filter = std::env::var("KRAIT_CASES").ok();
    harness::case_names(filter.as_deref()).into_iter().filter(|n| !known.contains(n) && !STARTUP_DEPENDENT.contains(&n.as_str())).collect()
}

/// `compiler -m compileall -q -f FILES` with the cache under `prefix`.
fn compile_all(compiler: &Path, names: &[String], prefix: &Path) {
    let dir = harness::cases_dir();
    let files: Vec<String> = names.iter().map(|n| dir.join(format!("{n}.py")).display().to_string()).collect();
    let mut args = vec!["-m", "compileall", "-q", "-f"];
    args.extend(files.iter().map(String::as_str));
    let p = prefix.display().to_string();
    // Exit status 1 is expected: some cases are SyntaxErrors on purpose (they get no .pyc).
    let r = run(compiler, &args, &dir, &[("PYTHONPYCACHEPREFIX", &p)], Duration::from_secs(600));
    assert!(matches!(r.code, Some(0 | 1)), "{} -m compileall failed: {:?}\n{}", compiler.display(), r.code, r.stderr_text());
}

/// Where compileall put the pyc of case `name` under `prefix` (cache tag `tag`).
fn pyc_path(prefix: &Path, name: &str, tag: &str) -> PathBuf {
    let dir = harness::cases_dir();
    let rel = dir.strip_prefix("/").unwrap_or(&dir).to_path_buf();
    prefix.join(rel).join(format!("{name}.{tag}.pyc"))
}

/// Runs `runner PYC` in tests/cases and compares with the case's goldens.
fn check(runner: &Path, name: &str, pyc: &Path) -> Result<(), String> {
    let dir = harness::cases_dir();
    let expected = harness::golden(name)?;
    let p = pyc.display().to_string();
    let r = run(runner, &[&p], &dir, &[("PYTHONDONTWRITEBYTECODE", "1")], Duration::from_secs(20));
    if r.timed_out {
        return Err("timed out\n".into());
    }
    let prefix = format!("{}/", dir.display());
    let stderr = r.stderr_text().replace(&prefix, "$CASES/");
    let err = match r.code {
        Some(0) if stderr.is_empty() => None,
        Some(c) => Some(format!("{c}\n{stderr}").into_bytes()),
        None => Some(format!("killed by a signal\n{stderr}").into_bytes()),
    };
    let mut msg = String::new();
    if r.stdout != expected.stdout {
        msg.push_str(&harness::diff::excerpt("stdout", &expected.stdout, &r.stdout));
    }
    if err != expected.err {
        let none = b"0\n(no stderr)\n".to_vec();
        msg.push_str(&harness::diff::excerpt("exit code + stderr", expected.err.as_ref().unwrap_or(&none), err.as_ref().unwrap_or(&none)));
    }
    if msg.is_empty() {
        Ok(())
    } else {
        Err(msg)
    }
}

/// Compiles every selected case with `compiler`, runs each pyc with `runner` (2 threads),
/// and fails listing the mismatches.
fn cross_check(compiler: &Path, runner: &Path, tag: &str, what: &str) {
    let names = selected_cases();
    let tmp = TempDir::new(tag);
    compile_all(compiler, &names, &tmp.0);
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    let compiled = AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(name) = names.get(i) else { break };
                let pyc = pyc_path(&tmp.0, name, tag);
                if !pyc.is_file() {
                    continue; // a SyntaxError case: nothing to run
                }
                compiled.fetch_add(1, Ordering::SeqCst);
                if let Err(msg) = check(runner, name, &pyc) {
                    failures.lock().map(|mut f| f.push(format!("--- {name}\n{msg}"))).unwrap_or_default();
                }
            });
        }
    });
    let mut failures = failures.into_inner().unwrap_or_default();
    failures.sort();
    eprintln!("{what}: {} cases compiled, {} mismatches", compiled.load(Ordering::SeqCst), failures.len());
    let shown: String = failures.iter().take(8).cloned().collect();
    assert!(failures.is_empty(), "{what}: {} cases differ from the goldens\n{shown}", failures.len());
    assert!(compiled.load(Ordering::SeqCst) > 0 || names.is_empty(), "{what}: no pyc was produced");
}

#[test]
fn krait_pycs_run_on_cpython() {
    let Some(python) = cpython() else {
        eprintln!("skipped: no CPython 3.11 (python3/python3.11 or KRAIT_PYTHON)");
        return;
    };
    cross_check(&krait(), &python, "krait-311", "krait-compiled .pyc on CPython");
}

#[test]
fn cpython_pycs_run_on_krait() {
    let Some(python) = cpython() else {
        eprintln!("skipped: no CPython 3.11 (python3/python3.11 or KRAIT_PYTHON)");
        return;
    };
    cross_check(&python, &krait(), "cpython-311", "CPython-compiled .pyc on krait");
}
