//! float repr and format() of int/float/complex/str against CPython 3.11 recordings.

mod common;

use common::{actual, check_all, expected, fixture, float, int, unescape};
use krait_format::{float_repr, format_complex, format_float, format_int, format_str, DEFAULT_MAX_STR_DIGITS};

#[test]
fn float_repr_matches_cpython() {
    check_all(
        "float_repr",
        fixture("float_repr.txt").into_iter().map(|f| {
            let v = float(&f[0]);
            (f[0].clone(), expected(&f[1]), Ok(float_repr(v)))
        }),
    );
}

#[test]
fn format_int_matches_cpython() {
    check_all(
        "format_int",
        fixture("format_int.txt").into_iter().map(|f| {
            let spec = unescape(&f[1]);
            let got = actual(format_int(&int(&f[0]), &spec, "int", DEFAULT_MAX_STR_DIGITS));
            ((f[0].clone(), spec), expected(&f[2]), got)
        }),
    );
}

#[test]
fn format_float_matches_cpython() {
    check_all(
        "format_float",
        fixture("format_float.txt").into_iter().map(|f| {
            let spec = unescape(&f[1]);
            let v = float(&f[0]);
            ((v, spec.clone()), expected(&f[2]), actual(format_float(v, &spec, "float")))
        }),
    );
}

#[test]
fn format_complex_matches_cpython() {
    check_all(
        "format_complex",
        fixture("format_complex.txt").into_iter().map(|f| {
            let spec = unescape(&f[2]);
            let (re, im) = (float(&f[0]), float(&f[1]));
            ((re, im, spec.clone()), expected(&f[3]), actual(format_complex(re, im, &spec, "complex")))
        }),
    );
}

#[test]
fn format_str_matches_cpython() {
    check_all(
        "format_str",
        fixture("format_str.txt").into_iter().map(|f| {
            let (s, spec) = (unescape(&f[0]), unescape(&f[1]));
            let got = actual(format_str(&s, &spec, "str"));
            ((s, spec), expected(&f[2]), got)
        }),
    );
}
