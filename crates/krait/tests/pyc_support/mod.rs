//! Helpers of the bytecode-on-disk tests: temporary directories, running a program with a
//! timeout, finding CPython 3.11, and reading/writing pyc files.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// A directory under the system temp dir, removed on drop.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(tag: &str) -> TempDir {
        static N: AtomicUsize = AtomicUsize::new(0);
        let n = N.fetch_add(1, Ordering::SeqCst);
        let dir = std::env::temp_dir().join(format!("krait-pyc-{tag}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create temp dir");
        TempDir(dir.canonicalize().unwrap_or(dir))
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.0.join(rel)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// What a run produced; `code` is None when killed by a signal or timed out.
#[derive(Debug)]
pub struct Run {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub code: Option<i32>,
    pub timed_out: bool,
}

impl Run {
    pub fn stdout_text(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }

    pub fn stderr_text(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }
}

/// Runs `program args` in `cwd` with the case-harness environment (no PYTHON* variables
/// but PYTHONHASHSEED=0, PYTHONUTF8=1) plus `env`.
pub fn run(program: &Path, args: &[&str], cwd: &Path, env: &[(&str, &str)], timeout: Duration) -> Run {
    let mut cmd = Command::new(program);
    cmd.args(args).current_dir(cwd).stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("PYTHON") {
            cmd.env_remove(&key);
        }
    }
    cmd.env("PYTHONHASHSEED", "0").env("PYTHONUTF8", "1");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().unwrap_or_else(|e| panic!("cannot start {}: {e}", program.display()));
    let reader = |r: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut r) = r {
                let _ = r.read_to_end(&mut buf);
            }
            buf
        })
    };
    let out = reader(child.stdout.take().map(|s| Box::new(s) as Box<dyn Read + Send>));
    let err = reader(child.stderr.take().map(|s| Box::new(s) as Box<dyn Read + Send>));
    let deadline = Instant::now() + timeout;
    let mut timed_out = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(s)) => break Some(s),
            Ok(None) if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                timed_out = true;
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(_) => break None,
        }
    };
    Run { stdout: out.join().unwrap_or_default(), stderr: err.join().unwrap_or_default(), code: status.and_then(exit_code), timed_out }
}

/// The exit status as Python's subprocess reports it: -N for a death by signal N.
fn exit_code(s: std::process::ExitStatus) -> Option<i32> {
    s.code().or_else(|| std::os::unix::process::ExitStatusExt::signal(&s).map(|n| -n))
}

/// The krait binary under test.
pub fn krait() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_krait"))
}

/// A CPython 3.11 executable (`KRAIT_PYTHON`, python3 or python3.11), if present.
pub fn cpython() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("KRAIT_PYTHON") {
        return Some(PathBuf::from(p));
    }
    let probe = "import sys, platform; print(platform.python_implementation(), sys.version_info[:2] == (3, 11), sys.executable)";
    for candidate in ["python3", "python3.11"] {
        let Ok(out) = Command::new(candidate).args(["-c", probe]).output() else { continue };
        let text = String::from_utf8_lossy(&out.stdout).trim().to_owned();
        if let Some(exe) = text.strip_prefix("CPython True ") {
            return Some(PathBuf::from(exe));
        }
    }
    None
}

/// The 3.11 magic number.
pub const MAGIC: [u8; 4] = [0xa7, 0x0d, 0x0d, 0x0a];

/// `int(st_mtime) & 0xFFFFFFFF` and `st_size` of a file, as a timestamp pyc records them.
pub fn mtime_size(path: &Path) -> (u32, u32) {
    use std::os::unix::fs::MetadataExt;
    let m = std::fs::metadata(path).expect("stat");
    (m.mtime() as u32, m.size() as u32)
}

/// The pyc header fields: (flags, word at 8, word at 12).
pub fn header(data: &[u8]) -> (u32, u32, u32) {
    let w = |i: usize| u32::from_le_bytes([data[i], data[i + 1], data[i + 2], data[i + 3]]);
    (w(4), w(8), w(12))
}

/// Replaces the first occurrence of `from` in `data` by `to` (same length).
pub fn patch(data: &mut [u8], from: &[u8], to: &[u8]) -> bool {
    match data.windows(from.len()).position(|w| w == from) {
        Some(i) => {
            data[i..i + to.len()].copy_from_slice(to);
            true
        }
        None => false,
    }
}
