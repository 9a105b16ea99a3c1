//! Compares `dump(parse(f))` with CPython 3.11's `ast.dump(ast.parse(f), include_attributes=True)`
//! for files of CPython's own standard library.

mod common;

use std::path::PathBuf;

fn run(filter: impl Fn(&str) -> bool, min_share: f64) {
    let Some(py) = common::python() else {
        eprintln!("python3.11 not found: skipped");
        return;
    };
    let lib = common::stdlib(&py);
    let mut files: Vec<PathBuf> = Vec::new();
    common::py_files(&lib, &mut files);
    files.retain(|p| filter(&p.strip_prefix(&lib).unwrap_or(p).display().to_string()));
    let (same, total, diffs) = common::compare(&py, &files);
    let shown = std::env::var("KRAIT_SHOW_DIFFS").ok().and_then(|n| n.parse().ok()).unwrap_or(20);
    for d in diffs.iter().take(shown) {
        eprintln!("{d}");
    }
    let share = same as f64 / total.max(1) as f64;
    eprintln!("identical dumps: {same}/{total} ({:.2}%)", share * 100.0);
    assert!(total > 0);
    assert!(share >= min_share, "only {same}/{total} identical");
}

/// A representative subset: the top-level modules of Lib/.
#[test]
fn stdlib_top_level_modules() {
    run(|rel| !rel.contains('/'), 0.95);
}

/// Every .py file of the stdlib (slow in debug builds).
#[test]
#[ignore]
fn stdlib_all_files() {
    run(|_| true, 0.95);
}
