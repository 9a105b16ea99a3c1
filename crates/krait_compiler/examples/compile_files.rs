//! Compile the given Python files with krait (for profiling the compiler, e.g. under callgrind).
//!
//! `cargo run --release -p krait_compiler --example compile_files -- [--repeat N] FILE...`

use krait_compiler::{compile, CompileOptions, Mode};

fn main() {
    let mut repeat = 1usize;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--repeat" => repeat = args.next().and_then(|n| n.parse().ok()).unwrap_or(1),
            _ => files.push(a),
        }
    }
    let sources: Vec<(String, String)> = files
        .into_iter()
        .filter_map(|f| std::fs::read_to_string(&f).ok().map(|s| (f, s)))
        .collect();
    let start = std::time::Instant::now();
    let mut objects = 0usize;
    for _ in 0..repeat {
        for (name, src) in &sources {
            if let Ok(code) = compile(src, name, Mode::Exec, CompileOptions::default()) {
                objects += code.code.len();
            }
        }
    }
    println!("{} files x{repeat}: {:.3}s ({objects} code bytes)", sources.len(), start.elapsed().as_secs_f64());
}
