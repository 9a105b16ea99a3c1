//! Doubles to text: `PyOS_double_to_string` (codes e/E/f/F/g/G/r), `float.__repr__` and
//! `complex.__repr__`.

use crate::digits::{dtoa, Mode};
use crate::error::{FormatError, FormatResult, MAX_OUTPUT_LEN};

/// The `Py_DTSF_*` flags of `PyOS_double_to_string`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DtoaFlags {
    /// `Py_DTSF_SIGN`: always write a sign ('+' for non-negative values, nan and inf included).
    pub sign: bool,
    /// `Py_DTSF_ADD_DOT_0`: integers without exponent get ".0" (codes 'r' and 'g').
    pub add_dot_0: bool,
    /// `Py_DTSF_ALT`: alternate form, keep the point and trailing zeros ('#').
    pub alt: bool,
    /// `Py_DTSF_NO_NEG_0`: drop the sign of a negative zero or of a value rounding to zero ('z').
    pub no_neg_0: bool,
}

/// `repr(x)` / `str(x)` of a Python float.
pub fn float_repr(value: f64) -> String {
    let flags = DtoaFlags { add_dot_0: true, ..DtoaFlags::default() };
    // Code 'r' with precision 0 cannot fail.
    double_to_string(value, 'r', 0, flags).unwrap_or_default()
}

/// `repr(z)` / `str(z)` of a Python complex (mirrors `complex_repr`).
pub fn complex_repr(real: f64, imag: f64) -> String {
    let plain = DtoaFlags::default();
    if real == 0.0 && real.is_sign_positive() {
        let im = double_to_string(imag, 'r', 0, plain).unwrap_or_default();
        return format!("{im}j");
    }
    let re = double_to_string(real, 'r', 0, plain).unwrap_or_default();
    let signed = DtoaFlags { sign: true, ..plain };
    let im = double_to_string(imag, 'r', 0, signed).unwrap_or_default();
    format!("({re}{im}j)")
}

/// `PyOS_double_to_string`: formats `value` with `code` (one of e E f F g G r) and `precision`
/// (ignored for 'r'). Output is ASCII. Fails only on a bad code or an absurd precision.
pub fn double_to_string(value: f64, code: char, precision: usize, flags: DtoaFlags) -> FormatResult<String> {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    let (mode, precision) = match code {
        'e' => {
            let p = precision.saturating_add(1);
            (Mode::Significant(p), p)
        }
        'f' => (Mode::Fixed(precision), precision),
        'g' => {
            let p = precision.max(1);
            (Mode::Significant(p), p)
        }
        'r' if !upper => (Mode::Shortest, 0),
        _ => return Err(FormatError::value(format!("invalid format code '{code}' for a float"))),
    };
    if precision > MAX_OUTPUT_LEN {
        return Err(FormatError::memory());
    }
    let mut out = String::new();
    if value.is_nan() {
        // The sign of a nan is ignored.
        if flags.sign {
            out.push('+');
        }
        out.push_str(if upper { "NAN" } else { "nan" });
        return Ok(out);
    }
    if value.is_sign_negative() {
        out.push('-');
    } else if flags.sign {
        out.push('+');
    }
    if value.is_infinite() {
        out.push_str(if upper { "INF" } else { "inf" });
        return Ok(out);
    }
    let d = dtoa(value.abs(), mode);
    if flags.no_neg_0 && d.is_zero() && out.starts_with('-') {
        out.clear();
        if flags.sign {
            out.push('+');
        }
    }
    let digits = &d.digits;
    let ndigits = digits.len() as i64;
    let p = precision as i64;
    let mut decpt = d.decpt;
    let mut use_exp = false;
    let mut vend = ndigits;
    match code {
        'e' => {
            use_exp = true;
            vend = p;
        }
        'f' => vend = decpt + p,
        'g' => {
            let limit = if flags.add_dot_0 { p - 1 } else { p };
            use_exp = decpt <= -4 || decpt > limit;
            if flags.alt {
                vend = p;
            }
        }
        _ => use_exp = decpt <= -4 || decpt > 16,
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    // The output is the slice [vstart, vend) of the digits padded with zeros on both sides,
    // with the point after position decpt.
    let vstart = if decpt <= 0 { decpt - 1 } else { 0 };
    let min_end = if !use_exp && flags.add_dot_0 { decpt + 1 } else { decpt };
    let vend = vend.max(min_end);
    let total = (vend - vstart) as usize;
    if total > MAX_OUTPUT_LEN {
        return Err(FormatError::memory());
    }
    out.reserve(total + 8);
    let zeros = |out: &mut String, n: i64| out.extend(std::iter::repeat_n('0', n.max(0) as usize));
    let text = |bytes: &[u8]| bytes.iter().map(|&b| char::from(b)).collect::<String>();
    if decpt <= 0 {
        zeros(&mut out, decpt - vstart);
        out.push('.');
        zeros(&mut out, -decpt);
        out.push_str(&text(digits));
        zeros(&mut out, vend - ndigits);
    } else if decpt <= ndigits {
        let split = decpt as usize;
        out.push_str(&text(&digits[..split]));
        out.push('.');
        out.push_str(&text(&digits[split..]));
        zeros(&mut out, vend - ndigits);
    } else {
        out.push_str(&text(digits));
        zeros(&mut out, decpt - ndigits);
        out.push('.');
        zeros(&mut out, vend - decpt);
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.abs()));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_basics() {
        for (v, s) in [
            (1e16, "1e+16"),
            (1e-5, "1e-05"),
            (0.0001, "0.0001"),
            (-0.0, "-0.0"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (1.0, "1.0"),
            (123456789012345.0, "123456789012345.0"),
            (1.2345678901234567e19, "1.2345678901234567e+19"),
            (9999999999999998.0, "9999999999999998.0"),
            (5e-324, "5e-324"),
        ] {
            assert_eq!(float_repr(v), s);
        }
    }
}
