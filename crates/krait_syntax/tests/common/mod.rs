//! Shared helpers for the dump-comparison tests: run CPython's `ast.dump` over many files.
// Each test binary uses a different subset of these helpers.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The `python3` to compare with, if it is CPython 3.11.
pub fn python() -> Option<String> {
    let py = std::env::var("KRAIT_PYTHON").unwrap_or_else(|_| "python3".to_string());
    let out = Command::new(&py).args(["-c", "import sys; print(sys.version_info[:2] == (3, 11), sys.executable)"]).output().ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    let (ok, exe) = text.trim().split_once(' ')?;
    (ok == "True").then(|| exe.to_string())
}

/// CPython's stdlib directory.
pub fn stdlib(py: &str) -> PathBuf {
    let out = Command::new(py)
        .args(["-c", "import sysconfig; print(sysconfig.get_path('stdlib'))"])
        .output()
        .expect("python3 runs");
    PathBuf::from(String::from_utf8_lossy(&out.stdout).trim())
}

/// All `.py` files under `dir`, sorted.
pub fn py_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n != "__pycache__" && n != "site-packages") {
                py_files(&p, out);
            }
        } else if p.extension().is_some_and(|e| e == "py") {
            out.push(p);
        }
    }
}

/// CPython's dump of each file (`None` where CPython cannot parse it).
pub fn cpython_dumps(py: &str, files: &[PathBuf]) -> Vec<Option<String>> {
    let tmp = std::env::temp_dir().join(format!("krait_syntax_dump_{}_{}", std::process::id(), files.len()));
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(&tmp).expect("temp dir");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tools/ast_dump.py");
    let mut child = Command::new(py).arg(&script).arg(&tmp).stdin(Stdio::piped()).spawn().expect("python3 runs");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("stdin");
        for f in files {
            writeln!(stdin, "{}", f.display()).expect("write paths");
        }
    }
    assert!(child.wait().expect("python3 finishes").success());
    let dumps = (0..files.len()).map(|i| std::fs::read_to_string(tmp.join(format!("{i}.txt"))).ok()).collect();
    let _ = std::fs::remove_dir_all(&tmp);
    dumps
}

/// Compares krait's dump with CPython's for each file; returns (identical, compared, first
/// differences as "path: krait … / cpython …" excerpts).
pub fn compare(py: &str, files: &[PathBuf]) -> (usize, usize, Vec<String>) {
    let expected = cpython_dumps(py, files);
    let (mut same, mut total, mut diffs) = (0, 0, Vec::new());
    for (path, want) in files.iter().zip(expected) {
        let Ok(bytes) = std::fs::read(path) else { continue };
        let Ok(src) = String::from_utf8(bytes) else { continue };
        let src = src.strip_prefix('\u{feff}').unwrap_or(&src).to_string();
        let Some(want) = want else {
            // CPython rejects this file: krait must reject it too.
            if krait_syntax::parse(&src, "<f>", krait_syntax::Mode::Exec).is_ok() {
                diffs.push(format!("{}: CPython raises SyntaxError, krait parses it", path.display()));
            }
            continue;
        };
        total += 1;
        let got = match krait_syntax::parse(&src, &path.display().to_string(), krait_syntax::Mode::Exec) {
            Ok(tree) => krait_syntax::dump(&tree),
            Err(e) => format!("{e:?}"),
        };
        if got == want {
            same += 1;
        } else {
            diffs.push(format!("{}:\n{}", path.display(), first_difference(&got, &want)));
        }
    }
    (same, total, diffs)
}

/// The neighbourhood of the first differing byte of two dumps.
pub fn first_difference(got: &str, want: &str) -> String {
    let i = got.bytes().zip(want.bytes()).position(|(a, b)| a != b).unwrap_or(got.len().min(want.len()));
    let excerpt = |s: &str| {
        let mut a = i.saturating_sub(150);
        while !s.is_char_boundary(a) {
            a -= 1;
        }
        let mut b = (i + 150).min(s.len());
        while !s.is_char_boundary(b) {
            b += 1;
        }
        s[a..b].to_string()
    };
    format!("  krait:   {}\n  cpython: {}", excerpt(got), excerpt(want))
}
