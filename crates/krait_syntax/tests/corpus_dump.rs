//! Compares `dump(parse(f))` with CPython 3.11's `ast.dump` for the snippet files in
//! tests/corpus/ (strings, numbers, every statement kind, match patterns, line endings).

mod common;

#[test]
fn corpus_matches_cpython() {
    let Some(py) = common::python() else {
        eprintln!("python3.11 not found: skipped");
        return;
    };
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut files = Vec::new();
    common::py_files(&dir, &mut files);
    let (same, total, diffs) = common::compare(&py, &files);
    for d in &diffs {
        eprintln!("{d}");
    }
    assert_eq!(total, files.len(), "CPython parses every corpus file");
    assert_eq!(same, total, "{} of {total} corpus files differ", total - same);
}
