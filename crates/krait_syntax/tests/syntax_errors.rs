//! SyntaxError fidelity: each bad snippet of tests/syntax_errors.txt (recorded from CPython
//! 3.11 by tools/record_syntax_errors.py) must give CPython's kind, message, line and offset.

use krait_syntax::{parse, Mode};

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('f') => out.push('\x0c'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// How many snippets must match exactly (kind, msg, lineno, offset); raise it as fidelity improves.
const MIN_MATCHING: usize = 89;

#[test]
fn syntax_errors_match_cpython() {
    let table = include_str!("syntax_errors.txt");
    let (mut same, mut same_end, mut total) = (0, 0, 0);
    for line in table.lines().filter(|l| !l.is_empty()) {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 7, "bad record {line:?}");
        let src = unescape(f[0]);
        let want = (f[1].to_string(), unescape(f[2]), f[3].to_string(), f[4].to_string());
        let want_end = (f[5].to_string(), f[6].to_string());
        total += 1;
        let got = match parse(&src, "<test>", Mode::Exec) {
            Ok(_) => {
                eprintln!("MISSING  {src:?}: parsed fine, CPython: {want:?}");
                continue;
            }
            Err(e) => e,
        };
        let got_t = (got.kind.to_string(), got.msg.clone(), got.lineno.to_string(), got.offset.to_string());
        if got_t == want {
            same += 1;
            if (got.end_lineno.to_string(), got.end_offset.to_string()) == want_end {
                same_end += 1;
            }
        } else {
            eprintln!("DIFF     {src:?}\n   krait:   {got_t:?}\n   cpython: {want:?}");
        }
    }
    eprintln!("matching SyntaxErrors: {same}/{total} (end position too: {same_end})");
    assert!(same >= MIN_MATCHING, "only {same}/{total} SyntaxErrors match CPython");
}
