//! float(str) and int(str, base) against CPython 3.11 recordings.

mod common;

use common::{check_all, fixture, float, int, unescape};
use krait_format::{parse_float, parse_int, DEFAULT_MAX_STR_DIGITS};

fn want(field: &str) -> Result<String, (String, String)> {
    match field.strip_prefix('!') {
        Some(msg) => Err(("ValueError".into(), unescape(msg))),
        None => Ok(field[1..].to_owned()),
    }
}

#[test]
fn parse_float_matches_cpython() {
    check_all(
        "parse_float",
        fixture("parse_float.txt").into_iter().map(|f| {
            let text = unescape(&f[0]);
            let got = match parse_float(&text) {
                Some(v) if v.is_nan() => Ok("nan".to_owned()),
                Some(v) => Ok(format!("{:016x}", v.to_bits())),
                None => Err(("ValueError".to_owned(), String::new())),
            };
            // Compare bit patterns (the fixture has hex bits or "nan").
            let want = want(&f[1]).map(|w| if w == "nan" { w } else { format!("{:016x}", float(&w).to_bits()) });
            (text, want, got)
        }),
    );
}

#[test]
fn parse_int_matches_cpython() {
    check_all(
        "parse_int",
        fixture("parse_int.txt").into_iter().map(|f| {
            let text = unescape(&f[0]);
            let base: u32 = f[1].parse().unwrap_or(0);
            let got = match parse_int(&text, base, DEFAULT_MAX_STR_DIGITS) {
                Ok(Some(v)) => Ok(format!("{v:x}")),
                Ok(None) => Err(("ValueError".to_owned(), String::new())),
                Err(e) => Err((e.kind.name().to_owned(), e.message)),
            };
            let want = want(&f[2]).map(|w| format!("{:x}", int(&w)));
            ((text.chars().take(60).collect::<String>(), base), want, got)
        }),
    );
}
