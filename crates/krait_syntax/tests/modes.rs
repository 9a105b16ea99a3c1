//! Modes `eval` and `single`: dumps compared with CPython's `ast.parse(src, mode=...)`.

mod common;

use krait_syntax::{dump, parse, Mode};
use std::process::Command;

const CASES: &[(&str, &str)] = &[
    ("eval", "1 + f(x, *y, k=2)"),
    ("eval", "(yield)"),
    ("eval", "[i for i in range(3)]\n"),
    ("eval", "lambda a, *b: a"),
    ("single", "x = 1\n"),
    ("single", "a; b; c = 3\n"),
    ("single", "if x:\n    pass\n"),
    ("single", "def f(): return 1\n"),
];

#[test]
fn modes_match_cpython() {
    let Some(py) = common::python() else {
        eprintln!("python3.11 not found: skipped");
        return;
    };
    for (mode, src) in CASES {
        let out = Command::new(&py)
            .args(["-c", "import ast, sys; print(ast.dump(ast.parse(sys.argv[1], mode=sys.argv[2]), include_attributes=True))", src, mode])
            .output()
            .expect("python3 runs");
        let want = String::from_utf8_lossy(&out.stdout).trim_end().to_string();
        let m = if *mode == "eval" { Mode::Eval } else { Mode::Single };
        let got = parse(src, "<test>", m).map(|t| dump(&t)).unwrap_or_else(|e| format!("{e:?}"));
        assert_eq!(got, want, "mode {mode}: {src:?}");
    }
}

#[test]
fn single_rejects_two_statements() {
    let e = parse("x = 1\ny = 2\n", "<test>", Mode::Single).unwrap_err();
    assert_eq!(e.msg, "multiple statements found while compiling a single statement");
}
