//! The compiler parity tool: compiles every module of CPython 3.11's stdlib (or the given
//! files) with krait and with python3.11 and compares the code objects field by field.
//!
//! `cargo run --release -p krait_compiler --example parity -- [--subset N] [--top N] [--show] [FILE...]`
//! - `--subset N`  only N stdlib files, spread evenly (deterministic);
//! - `--top N`     how many causes of difference to list (default 25);
//! - `--show`      also list every differing code object of every file;
//! - `FILE...`     compare these files instead of the stdlib.

mod compare;

use std::path::PathBuf;

fn main() {
    let mut subset = 0usize;
    let mut top = 25usize;
    let mut show = false;
    let mut files: Vec<PathBuf> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--subset" => subset = args.next().and_then(|n| n.parse().ok()).unwrap_or(50),
            "--top" => top = args.next().and_then(|n| n.parse().ok()).unwrap_or(25),
            "--show" => show = true,
            _ => files.push(PathBuf::from(a)),
        }
    }
    let Some(py) = compare::cpython() else {
        eprintln!("parity: python3.11 not found");
        std::process::exit(2);
    };
    if files.is_empty() {
        files = compare::subset(&compare::stdlib_files(&py), subset);
    }
    let report = match compare::compare_files(&py, &files) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("parity: {e}");
            std::process::exit(2);
        }
    };
    if show {
        for f in &report.files {
            if let compare::Outcome::Compared(diffs) = &f.outcome {
                for d in diffs.iter().filter(|d| !d.fields.is_empty()) {
                    println!("{} {}: {} [{}]", compare::display(&f.path), d.qualname, d.fields.join(" "), d.cause.clone().unwrap_or_default());
                }
            } else if let Some(e) = f.first_difference(&[]) {
                println!("{}: {e}", compare::display(&f.path));
            }
        }
    }
    print!("{}", report.summary(top));
}
