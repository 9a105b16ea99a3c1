//! Shared machinery of the behaviour-case harness: finding cases, running one program on a
//! case with a timeout and the fixed environment, and comparing with the recorded goldens.
//!
//! The run convention is the one documented in tests/record.py (which records the goldens):
//! cwd = tests/cases, argv = [program, "<case>.py"], stdin empty, environment minus every
//! PYTHON* variable (KRAIT_* ones, e.g. KRAIT_STDLIB, pass through) plus PYTHONHASHSEED=0,
//! PYTHONDONTWRITEBYTECODE=1, PYTHONUTF8=1;
//! stderr has the absolute path of tests/cases + '/' replaced by "$CASES/".

pub mod diff;
pub mod glob;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::thread;
use std::time::{Duration, Instant};

/// The directory holding the cases: <workspace>/tests/cases.
pub fn cases_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/cases");
    dir.canonicalize().unwrap_or(dir)
}

/// Names (file stems) of all cases, sorted; `filter` is a comma-separated list of globs.
pub fn case_names(filter: Option<&str>) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(cases_dir())
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter_map(|e| e.file_name().into_string().ok())
                .filter_map(|f| f.strip_suffix(".py").map(str::to_owned))
                .filter(|stem| stem.contains("__"))
                .collect()
        })
        .unwrap_or_default();
    if let Some(filter) = filter {
        let globs: Vec<&str> = filter.split(',').map(|g| g.trim().trim_end_matches(".py")).collect();
        names.retain(|n| globs.iter().any(|g| glob::matches(g, n)));
    }
    names.sort();
    names
}

/// What a program produced on a case, already normalised like the goldens.
#[derive(Debug, PartialEq, Eq)]
pub struct Output {
    pub stdout: Vec<u8>,
    /// `None` when the exit code is 0 and stderr is empty; else exit code line + stderr.
    pub err: Option<Vec<u8>>,
}

/// The recorded golden output of a case (`<case>.out`, optional `<case>.err`).
pub fn golden(name: &str) -> Result<Output, String> {
    let dir = cases_dir();
    let stdout = std::fs::read(dir.join(format!("{name}.out")))
        .map_err(|e| format!("missing golden {name}.out ({e}): run python3 tests/record.py"))?;
    let err = std::fs::read(dir.join(format!("{name}.err"))).ok();
    Ok(Output { stdout, err })
}

/// Runs `program` on one case; `Err` describes a timeout or a failure to start.
pub fn run_case(program: &Path, name: &str, timeout: Duration) -> Result<Output, String> {
    let dir = cases_dir();
    let mut cmd = Command::new(program);
    cmd.arg(format!("{name}.py"))
        .current_dir(&dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (key, _) in std::env::vars_os() {
        let k = key.to_string_lossy();
        if k.starts_with("PYTHON") {
            cmd.env_remove(&key);
        }
    }
    cmd.env("PYTHONHASHSEED", "0").env("PYTHONDONTWRITEBYTECODE", "1").env("PYTHONUTF8", "1");
    let result = run_with_timeout(cmd, timeout);
    remove_scratch_files(&dir, name);
    let (stdout, stderr, code) = result?;
    let err = match code {
        Some(0) if stderr.is_empty() => None,
        Some(c) => Some(with_code(c.to_string(), &normalise_stderr(&stderr, &dir))),
        None => Some(with_code("killed by a signal".to_owned(), &normalise_stderr(&stderr, &dir))),
    };
    Ok(Output { stdout, err })
}

fn with_code(code: String, stderr: &[u8]) -> Vec<u8> {
    let mut v = code.into_bytes();
    v.push(b'\n');
    v.extend_from_slice(stderr);
    v
}

/// stdout, stderr and exit code (-N when killed by signal N) of a finished program.
pub type Collected = (Vec<u8>, Vec<u8>, Option<i32>);

/// Starts `cmd` (its stdio must be set up by the caller) in its own process group and
/// collects its output; `Err` describes a timeout (the whole group is killed) or a failure
/// to start.
pub fn run_with_timeout(mut cmd: Command, timeout: Duration) -> Result<Collected, String> {
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
    let child = cmd.spawn().map_err(|e| format!("cannot start {:?}: {e}", cmd.get_program()))?;
    wait_with_timeout(child, timeout)
}

fn wait_with_timeout(mut child: Child, timeout: Duration) -> Result<Collected, String> {
    let out = child.stdout.take().map(spawn_reader);
    let err = child.stderr.take().map(spawn_reader);
    let deadline = Instant::now() + timeout;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Ok(status),
            Ok(None) if Instant::now() >= deadline => {
                kill_tree(&mut child);
                // Readers are left to finish on their own: a surviving grandchild may
                // still hold the pipes open.
                return Err(format!("timed out after {} s\n", timeout.as_secs()));
            }
            Ok(None) => thread::sleep(Duration::from_millis(5)),
            Err(e) => break Err(format!("wait failed: {e}")),
        }
    };
    let join = |h: Option<thread::JoinHandle<Vec<u8>>>| h.and_then(|h| h.join().ok()).unwrap_or_default();
    let (stdout, stderr) = (join(out), join(err));
    // A death by signal N is reported as -N, as Python's subprocess (and so record.py) does.
    #[cfg(unix)]
    let code = |s: std::process::ExitStatus| s.code().or_else(|| std::os::unix::process::ExitStatusExt::signal(&s).map(|n| -n));
    #[cfg(not(unix))]
    let code = |s: std::process::ExitStatus| s.code();
    status.map(|s| (stdout, stderr, code(s)))
}

/// Kills the child and, on unix, its whole process group (the child leads its own group).
fn kill_tree(child: &mut Child) {
    #[cfg(unix)]
    {
        let _ = Command::new("kill").args(["-KILL", "--", &format!("-{}", child.id())]).status();
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// Output kept per stream; the rest is drained and dropped (a runaway print loop must not
/// exhaust memory before the timeout hits).
const OUTPUT_CAP: usize = 16 << 20;

fn spawn_reader<R: Read + Send + 'static>(mut r: R) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut buf = Vec::new();
        let mut chunk = [0u8; 64 * 1024];
        while let Ok(n @ 1..) = r.read(&mut chunk) {
            let room = OUTPUT_CAP.saturating_sub(buf.len());
            buf.extend_from_slice(&chunk[..n.min(room)]);
        }
        buf
    })
}

/// Replaces "<cases dir>/" by "$CASES/" (CPython prints the main script's absolute path).
fn normalise_stderr(stderr: &[u8], dir: &Path) -> Vec<u8> {
    let mut prefix = dir.as_os_str().to_string_lossy().into_owned().into_bytes();
    prefix.push(b'/');
    let mut out = Vec::with_capacity(stderr.len());
    let mut i = 0;
    while i < stderr.len() {
        if stderr[i..].starts_with(&prefix) {
            out.extend_from_slice(b"$CASES/");
            i += prefix.len();
        } else {
            out.push(stderr[i]);
            i += 1;
        }
    }
    out
}

/// Cases that write files name them `_scratch_<case>*`; they are removed after the run.
fn remove_scratch_files(dir: &Path, name: &str) {
    let prefix = format!("_scratch_{name}");
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            if e.file_name().to_string_lossy().starts_with(&prefix) {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
}

/// Removes krait's cached bytecode under tests/cases so a stale .pyc from an older
/// build of the compiler can never be picked up by a run.
pub fn remove_krait_pycs() {
    fn walk(dir: &Path) {
        let Ok(rd) = std::fs::read_dir(dir) else { return };
        for e in rd.flatten() {
            let path = e.path();
            if path.is_dir() {
                walk(&path);
            } else if path.to_string_lossy().ends_with(".krait-311.pyc") {
                let _ = std::fs::remove_file(&path);
            }
        }
    }
    walk(&cases_dir());
}

/// The result of checking one case: `Ok` when it matched, else a description of the mismatch.
pub type Verdict = (String, Result<(), String>);

/// Runs `program` on every case with `threads` workers and compares with the goldens.
pub fn check_all(program: &Path, names: &[String], threads: usize, timeout: Duration) -> Vec<Verdict> {
    let next = AtomicUsize::new(0);
    let results = Mutex::new(Vec::with_capacity(names.len()));
    thread::scope(|s| {
        for _ in 0..threads.max(1) {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(name) = names.get(i) else { break };
                let verdict = check_one(program, name, timeout);
                if let Ok(mut r) = results.lock() {
                    r.push((name.clone(), verdict));
                }
            });
        }
    });
    let mut results = results.into_inner().unwrap_or_default();
    results.sort_by(|a, b| a.0.cmp(&b.0));
    results
}

fn check_one(program: &Path, name: &str, timeout: Duration) -> Result<(), String> {
    let expected = golden(name)?;
    let actual = run_case(program, name, timeout)?;
    if actual == expected {
        return Ok(());
    }
    let mut msg = String::new();
    if actual.stdout != expected.stdout {
        msg.push_str(&diff::excerpt("stdout", &expected.stdout, &actual.stdout));
    }
    if actual.err != expected.err {
        let none = b"0\n(no stderr)\n".to_vec();
        let exp = expected.err.as_ref().unwrap_or(&none);
        let act = actual.err.as_ref().unwrap_or(&none);
        msg.push_str(&diff::excerpt("exit code + stderr", exp, act));
    }
    Err(msg)
}

/// Reads a positive integer from an environment variable.
pub fn env_number(key: &str, default: u64) -> u64 {
    std::env::var(key).ok().and_then(|v| v.trim().parse().ok()).filter(|n| *n > 0).unwrap_or(default)
}
