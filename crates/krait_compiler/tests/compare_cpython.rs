//! Compares krait's code objects with CPython 3.11's, field by field, with the parity tool's
//! comparison (tools/parity/compare.rs): CPython's code objects are marshalled by
//! tools/parity/marshal_code.py and read back with `krait_bytecode::marshal`.
//!
//! - `compare_with_cpython`: every snippet in `tests/corpus/`; files listed in
//!   `tests/matching.txt` must agree exactly on co_code, co_consts, co_names, co_varnames
//!   and co_qualname of every code object.
//! - `parity_subset`: 50 stdlib files spread over the tree must meet the parity targets
//!   (≥ 95% of code objects identical in every field, ≥ 99% identical co_code).
//! - `stdlib` (ignored; `cargo test --release -p krait_compiler --test compare_cpython stdlib
//!   -- --ignored --nocapture`): the whole stdlib, reported, never fails. The parity tool
//!   (`cargo run --release -p krait_compiler --example parity`) gives more detail.
//!
//! Without python3.11 the tests print a note and pass.

#[path = "../../../tools/parity/compare.rs"]
mod compare;

use std::path::{Path, PathBuf};

const STRICT: &[&str] = &["co_code", "co_consts", "co_names", "co_varnames", "co_qualname"];

#[test]
fn compare_with_cpython() {
    let Some(py) = compare::cpython() else {
        println!("note: python3.11 not found; skipping the CPython comparison");
        return;
    };
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join("corpus"))
        .expect("corpus directory exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    files.sort();
    let matching: Vec<String> = std::fs::read_to_string(dir.join("matching.txt"))
        .unwrap_or_default()
        .lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let report = compare::compare_files(&py, &files).expect("python3.11 runs");
    let mut failures = Vec::new();
    for f in &report.files {
        let name = f.path.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let strict = f.first_difference(STRICT);
        println!("{name:<40} {}", if f.identical() { "identical" } else if strict.is_none() { "code matches" } else { "differs" });
        if let (true, Some(why)) = (matching.contains(&name), strict) {
            failures.push(format!("{name}: {why}"));
        }
    }
    println!("{}", report.summary(10));
    assert!(failures.is_empty(), "listed files no longer match CPython:\n{}", failures.join("\n"));
}

/// The CI-sized parity run: 50 stdlib files must meet the parity targets.
#[test]
fn parity_subset() {
    let Some(py) = compare::cpython() else {
        println!("note: python3.11 not found; skipping the parity subset");
        return;
    };
    let files = compare::subset(&compare::stdlib_files(&py), 50);
    assert!(!files.is_empty(), "no stdlib files found");
    let report = compare::compare_files(&py, &files).expect("python3.11 runs");
    let summary = report.summary(10);
    println!("{summary}");
    let (mut total, mut identical, mut same_code) = (0usize, 0usize, 0usize);
    for f in &report.files {
        match &f.outcome {
            compare::Outcome::Compared(diffs) => {
                total += diffs.len();
                identical += diffs.iter().filter(|d| d.fields.is_empty()).count();
                same_code += diffs.iter().filter(|d| !d.fields.contains(&"co_code")).count();
            }
            compare::Outcome::Errors { same, .. } => assert!(same, "{}: {:?}", compare::display(&f.path), f.first_difference(&[])),
        }
    }
    assert!(identical * 100 >= total * 95, "fewer than 95% of code objects identical:\n{summary}");
    assert!(same_code * 100 >= total * 99, "fewer than 99% of code objects with identical co_code:\n{summary}");
}

/// Every module of CPython's stdlib; reports agreement, never fails.
#[test]
#[ignore]
fn stdlib() {
    let Some(py) = compare::cpython() else {
        println!("note: python3.11 not found");
        return;
    };
    let files = compare::stdlib_files(&py);
    let report = compare::compare_files(&py, &files).expect("python3.11 runs");
    let mut shown = 0;
    for f in &report.files {
        if let (Some(why), true) = (f.first_difference(STRICT), shown < 40) {
            shown += 1;
            println!("{}: {why}", compare::display(&f.path));
        }
    }
    println!("{}", report.summary(25));
}
