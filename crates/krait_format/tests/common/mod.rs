//! Reading the fixtures recorded from CPython by tools/gen_fixtures.py.
#![allow(dead_code)]

use krait_format::{FormatError, FormatResult};
use num_bigint::BigInt;

/// Lines of tests/data/NAME, split on tabs (fields still escaped).
pub fn fixture(name: &str) -> Vec<Vec<String>> {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines().map(|l| l.split('\t').map(str::to_owned).collect()).collect()
}

/// Undoes the generator's escaping.
pub fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('\\') => out.push('\\'),
            Some('u') => {
                let hex: String = chars.by_ref().skip(1).take_while(|&c| c != '}').collect();
                out.push(char::from_u32(u32::from_str_radix(&hex, 16).unwrap()).unwrap());
            }
            other => panic!("bad escape {other:?} in {s}"),
        }
    }
    out
}

pub fn float(bits: &str) -> f64 {
    f64::from_bits(u64::from_str_radix(bits, 16).unwrap())
}

pub fn int(hex: &str) -> BigInt {
    BigInt::parse_bytes(hex.as_bytes(), 16).unwrap()
}

/// The expected result field as the crate's result type ("=text" or "!Kind:message").
pub fn expected(field: &str) -> Result<String, (String, String)> {
    if let Some(text) = field.strip_prefix('=') {
        return Ok(unescape(text));
    }
    let rest = field.strip_prefix('!').expect("result field");
    let (kind, msg) = rest.split_once(':').unwrap_or((rest, ""));
    Err((kind.to_owned(), unescape(msg)))
}

/// The crate's result in the shape of [`expected`].
pub fn actual(r: FormatResult<String>) -> Result<String, (String, String)> {
    r.map_err(|FormatError { kind, message }| (kind.name().to_owned(), message))
}

/// Compares every case, reporting the first few failures and the count.
pub fn check_all<T: std::fmt::Debug>(name: &str, cases: impl IntoIterator<Item = (T, Result<String, (String, String)>, Result<String, (String, String)>)>) {
    let mut failures = Vec::new();
    let mut total = 0;
    for (input, want, got) in cases {
        total += 1;
        if want != got {
            failures.push(format!("{input:?}\n    want {want:?}\n    got  {got:?}"));
        }
    }
    assert!(total > 0, "{name}: no cases");
    if !failures.is_empty() {
        let shown: Vec<_> = failures.iter().take(25).cloned().collect();
        panic!("{name}: {} of {total} cases differ from CPython:\n{}", failures.len(), shown.join("\n"));
    }
}
