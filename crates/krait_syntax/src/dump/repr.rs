//! Python `repr()` of constant values as `ast.dump` prints them.

use crate::ast::ConstantValue;
use std::fmt::Write as _;

pub(super) fn constant(out: &mut String, v: &ConstantValue) {
    match v {
        ConstantValue::None => out.push_str("None"),
        ConstantValue::Ellipsis => out.push_str("Ellipsis"),
        ConstantValue::Bool(b) => out.push_str(if *b { "True" } else { "False" }),
        ConstantValue::Int(i) => {
            let _ = write!(out, "{i}");
        }
        ConstantValue::Float(f) => float(out, *f, true),
        ConstantValue::Complex { re, im } => {
            if *re == 0.0 && re.is_sign_positive() {
                float(out, *im, false);
                out.push('j');
            } else {
                out.push('(');
                float(out, *re, false);
                if *im >= 0.0 || im.is_nan() {
                    out.push('+');
                }
                float(out, *im, false);
                out.push_str("j)");
            }
        }
        ConstantValue::Str(s) => str(out, s),
        ConstantValue::Bytes(b) => bytes(out, b),
        ConstantValue::Tuple(items) => {
            out.push('(');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                constant(out, item);
            }
            if items.len() == 1 {
                out.push(',');
            }
            out.push(')');
        }
        ConstantValue::FrozenSet(items) => {
            out.push_str("frozenset(");
            if !items.is_empty() {
                out.push('{');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    constant(out, item);
                }
                out.push('}');
            }
            out.push(')');
        }
    }
}

/// `float.__repr__` (with `add_dot_0`) or the `r` format used inside complex reprs.
fn float(out: &mut String, f: f64, add_dot_0: bool) {
    if f.is_nan() {
        out.push_str("nan");
        return;
    }
    if f.is_infinite() {
        out.push_str(if f > 0.0 { "inf" } else { "-inf" });
        return;
    }
    // Shortest round-trip digits and decimal exponent from Rust's `{:e}`.
    let sci = format!("{f:e}");
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let (sign, mantissa) = mantissa.strip_prefix('-').map_or(("", mantissa), |m| ("-", m));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    out.push_str(sign);
    if (-4..16).contains(&exp) {
        let n = digits.len() as i32;
        if exp < 0 {
            out.push_str("0.");
            out.extend(std::iter::repeat_n('0', (-exp - 1) as usize));
            out.push_str(&digits);
        } else if exp + 1 >= n {
            out.push_str(&digits);
            out.extend(std::iter::repeat_n('0', (exp + 1 - n) as usize));
            if add_dot_0 {
                out.push_str(".0");
            }
        } else {
            let (a, b) = digits.split_at((exp + 1) as usize);
            out.push_str(a);
            out.push('.');
            out.push_str(b);
        }
    } else {
        let (a, b) = digits.split_at(1);
        out.push_str(a);
        if !b.is_empty() {
            out.push('.');
            out.push_str(b);
        }
        let _ = write!(out, "e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs());
    }
}

/// `str.__repr__` (unicodeobject.c `unicode_repr`).
pub(super) fn str(out: &mut String, s: &str) {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if (c as u32) < 0x7f || crate::unicode::is_printable(c) => out.push(c),
            c => match krait_bytecode::surrogate::code_point(c) {
                cp @ ..=0xff => {
                    let _ = write!(out, "\\x{cp:02x}");
                }
                cp @ ..=0xffff => {
                    let _ = write!(out, "\\u{cp:04x}");
                }
                cp => {
                    let _ = write!(out, "\\U{cp:08x}");
                }
            },
        }
    }
    out.push(quote);
}

/// `bytes.__repr__`.
fn bytes(out: &mut String, b: &[u8]) {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') { b'"' } else { b'\'' };
    out.push('b');
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => {
                let _ = write!(out, "\\x{c:02x}");
            }
        }
    }
    out.push(quote as char);
}
