//! `krait -m dis FILE.py` must print exactly what `python3.11 -m dis FILE.py` prints, for
//! every tests/dis/*.py (expected output in FILE.dis, recorded by tests/dis/record.py).
//!
//! Files listed in tests/dis/known_failures.txt may fail; the test fails when an unlisted
//! file fails or a listed one passes. Code-object addresses (` at 0x7f...`) are
//! normalised to ` at 0x...` in krait's output, as record.py does for CPython's.
//!
//! Environment variables:
//! - `KRAIT_DIS=name[,name…]`            run only these files (without `.py`).
//! - `KRAIT_UPDATE_KNOWN_FAILURES=1`     rewrite tests/dis/known_failures.txt from this run.
//! - `KRAIT_CHECK_GOLDENS=0`             skip checking the .dis files against python3.11.
#![forbid(unsafe_code)]

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(20);

fn dis_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/dis")
}

fn known_failures_path() -> PathBuf {
    dis_dir().join("known_failures.txt")
}

/// Writes straight to stderr so that the summary shows even when libtest captures output.
fn report(text: &str) {
    let _ = std::io::stderr().write_all(text.as_bytes());
}

/// The test files' names without `.py`, sorted.
fn names() -> Vec<String> {
    let only: Option<Vec<String>> = std::env::var("KRAIT_DIS").ok().map(|v| v.split(',').map(str::to_owned).collect());
    let mut out: Vec<String> = std::fs::read_dir(dis_dir())
        .expect("tests/dis exists")
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().to_str().and_then(|n| n.strip_suffix(".py")).map(str::to_owned))
        .filter(|n| n != "record")
        .filter(|n| only.as_ref().is_none_or(|o| o.contains(n)))
        .collect();
    out.sort();
    out
}

fn known_failures() -> BTreeSet<String> {
    std::fs::read_to_string(known_failures_path())
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect()
}

/// ` at 0x<hex>` → ` at 0x...` (addresses differ between runs and implementations).
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(" at 0x") {
        let after = &rest[i + 6..];
        let hex = after.bytes().take_while(u8::is_ascii_hexdigit).count();
        out.push_str(&rest[..i + 6]);
        if hex > 0 {
            out.push_str("...");
        }
        rest = &after[hex..];
    }
    out.push_str(rest);
    out
}

/// Run `program args…` in tests/dis; stdout on success, else a description of the failure.
fn run(program: &Path, args: &[&str]) -> Result<String, String> {
    let mut cmd = Command::new(program);
    cmd.args(args).current_dir(dis_dir()).stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    for (k, _) in std::env::vars() {
        if k.starts_with("PYTHON") {
            cmd.env_remove(k);
        }
    }
    cmd.env("PYTHONHASHSEED", "0");
    let mut child = cmd.spawn().map_err(|e| format!("cannot run {}: {e}", program.display()))?;
    let start = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if start.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("timed out after {}s", TIMEOUT.as_secs()));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(e) => return Err(e.to_string()),
        }
    }
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    if out.status.success() {
        Ok(normalise(&stdout))
    } else {
        let err = String::from_utf8_lossy(&out.stderr);
        let last = err.lines().last().unwrap_or("").to_owned();
        Err(format!("exit {:?}: {last}", out.status.code()))
    }
}

/// First differing line of two outputs.
fn first_difference(want: &str, got: &str) -> String {
    let (w, g): (Vec<&str>, Vec<&str>) = (want.lines().collect(), got.lines().collect());
    let i = w.iter().zip(&g).position(|(a, b)| a != b).unwrap_or(w.len().min(g.len()));
    format!("line {}:\n  expected: {}\n  krait:    {}", i + 1, w.get(i).unwrap_or(&"<end>"), g.get(i).unwrap_or(&"<end>"))
}

/// Check every file with `program`; returns (name, error) for each failure.
fn check_all(program: &Path, names: &[String]) -> Vec<(String, String)> {
    let mut failures = Vec::new();
    for name in names {
        let file = format!("{name}.py");
        let want = std::fs::read_to_string(dis_dir().join(format!("{name}.dis"))).unwrap_or_default();
        match run(program, &["-m", "dis", &file]) {
            Ok(got) if got == want => {}
            Ok(got) => failures.push((name.clone(), first_difference(&want, &got))),
            Err(e) => failures.push((name.clone(), e)),
        }
    }
    failures
}

#[test]
fn dis_matches_cpython() {
    let names = names();
    let failures = check_all(Path::new(env!("CARGO_BIN_EXE_krait")), &names);
    let failed: BTreeSet<&String> = failures.iter().map(|(n, _)| n).collect();
    if std::env::var("KRAIT_UPDATE_KNOWN_FAILURES").is_ok_and(|v| v == "1") {
        let mut text = String::from(
            "# tests/dis files whose `krait -m dis` output does not match yet (one name per line).\n\
             # The test fails when an unlisted file fails or a listed one passes.\n\
             # Regenerate: KRAIT_UPDATE_KNOWN_FAILURES=1 cargo test -p krait --test dis\n",
        );
        for n in &failed {
            text.push_str(n);
            text.push('\n');
        }
        std::fs::write(known_failures_path(), text).expect("write known_failures.txt");
    }
    let known = known_failures();
    let unexpected: Vec<&(String, String)> = failures.iter().filter(|(n, _)| !known.contains(n)).collect();
    let fixed: Vec<&String> = names.iter().filter(|n| known.contains(*n) && !failed.contains(n)).collect();
    report(&format!("dis: {}/{} files identical to CPython 3.11\n", names.len() - failures.len(), names.len()));
    if let Some((name, why)) = failures.first() {
        report(&format!("first failure, {name}: {why}\n"));
    }
    let mut msg = String::new();
    for (name, why) in unexpected.iter().take(8) {
        msg.push_str(&format!("--- {name} fails (not in known_failures.txt): {why}\n"));
    }
    if !fixed.is_empty() {
        msg.push_str(&format!("now passing, remove from tests/dis/known_failures.txt: {fixed:?}\n"));
    }
    assert!(unexpected.is_empty() && fixed.is_empty(), "{msg}");
}

/// A CPython 3.11 executable (the real one, not a version-manager shim), if present.
fn cpython() -> Option<PathBuf> {
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

/// The recorded .dis files still match CPython 3.11 (when it is installed).
#[test]
fn goldens_match_cpython() {
    if std::env::var("KRAIT_CHECK_GOLDENS").is_ok_and(|v| v == "0") {
        return;
    }
    let Some(py) = cpython() else {
        report("note: python3.11 not found; .dis goldens not checked\n");
        return;
    };
    let failures = check_all(&py, &names());
    let text: Vec<String> = failures.iter().map(|(n, e)| format!("{n}: {e}")).collect();
    assert!(failures.is_empty(), "stale .dis goldens (re-record with tests/dis/record.py):\n{}", text.join("\n"));
}
