//! `format(float, spec)` and `format(complex, spec)`: `format_float_internal` and
//! `format_complex_internal`.

use crate::error::{FormatError, FormatResult};
use crate::float_to_string::{double_to_string, float_repr, DtoaFlags};
use crate::layout::{layout_number, pad, split_number, NumberParts};
use crate::spec::{unknown_format_code, FormatSpec};

/// `format(value, spec)` for a float whose type is named `type_name`. An empty spec gives
/// `str(value)` (the caller handles subclasses with their own `__str__`).
pub fn format_float(value: f64, spec: &str, type_name: &str) -> FormatResult<String> {
    if spec.is_empty() {
        return Ok(float_repr(value));
    }
    let spec = FormatSpec::parse(spec, '\0', '>', type_name)?;
    match spec.ty {
        '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%' => format_float_spec(value, &spec),
        ty => Err(unknown_format_code(ty, type_name)),
    }
}

/// The code, precision and flags `PyOS_double_to_string` gets for a float spec, and whether a
/// '%' is appended (shared by float and complex).
struct FloatPlan {
    code: char,
    precision: usize,
    flags: DtoaFlags,
    percent: bool,
}

fn plan(spec: &FormatSpec, add_dot_0_if_untyped: bool) -> FormatResult<FloatPlan> {
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(FormatError::value("precision too big"));
    }
    let mut flags = DtoaFlags { alt: spec.alternate, no_neg_0: spec.no_neg_0, ..DtoaFlags::default() };
    let mut code = spec.ty;
    let mut default_precision = 6;
    if code == '\0' {
        flags.add_dot_0 = add_dot_0_if_untyped;
        code = 'r';
        default_precision = 0;
    }
    if code == 'n' {
        code = 'g';
    }
    let percent = code == '%';
    if percent {
        code = 'f';
    }
    let precision = match spec.precision {
        Some(p) => {
            if code == 'r' {
                code = 'g';
            }
            p
        }
        None => default_precision,
    };
    Ok(FloatPlan { code, precision, flags, percent })
}

/// `format_float_internal` for a parsed spec whose type is a float presentation type.
pub fn format_float_spec(value: f64, spec: &FormatSpec) -> FormatResult<String> {
    let plan = plan(spec, true)?;
    let value = if plan.percent { value * 100.0 } else { value };
    let mut text = double_to_string(value, plan.code, plan.precision, plan.flags)?;
    if plan.percent {
        text.push('%');
    }
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    let (digits, has_decimal, remainder) = split_number(unsigned);
    layout_number(spec, &NumberParts { negative, prefix: "", digits, has_decimal, remainder })
}

/// `format(complex(real, imag), spec)` for a complex whose type is named `type_name`. An empty
/// spec gives `str(value)`.
pub fn format_complex(real: f64, imag: f64, spec: &str, type_name: &str) -> FormatResult<String> {
    if spec.is_empty() {
        return Ok(crate::float_to_string::complex_repr(real, imag));
    }
    let spec = FormatSpec::parse(spec, '\0', '>', type_name)?;
    match spec.ty {
        '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' => format_complex_spec(real, imag, &spec),
        ty => Err(unknown_format_code(ty, type_name)),
    }
}

/// `format_complex_internal` for a parsed spec.
pub fn format_complex_spec(real: f64, imag: f64, spec: &FormatSpec) -> FormatResult<String> {
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(FormatError::value("precision too big"));
    }
    if spec.fill == '0' {
        return Err(FormatError::value("Zero padding is not allowed in complex format specifier"));
    }
    if spec.align == '=' {
        return Err(FormatError::value("'=' alignment flag is not allowed in complex format specifier"));
    }
    let plan = plan(spec, false)?;
    let (skip_real, parens) = if spec.ty == '\0' {
        let skip = real == 0.0 && real.is_sign_positive();
        (skip, !skip)
    } else {
        (false, false)
    };
    // Each part is laid out without padding; the padding goes around the whole.
    let mut part_spec = spec.clone();
    part_spec.fill = '\0';
    part_spec.align = '<';
    part_spec.width = None;
    let part = |value: f64, part_spec: &FormatSpec| -> FormatResult<String> {
        let text = double_to_string(value, plan.code, plan.precision, plan.flags)?;
        let (negative, unsigned) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text.as_str()),
        };
        let (digits, has_decimal, remainder) = split_number(unsigned);
        layout_number(part_spec, &NumberParts { negative, prefix: "", digits, has_decimal, remainder })
    };
    let re = part(real, &part_spec)?;
    if !skip_real {
        part_spec.sign = Some('+');
    }
    let im = part(imag, &part_spec)?;
    let mut body = String::with_capacity(re.len() + im.len() + 3);
    if parens {
        body.push('(');
    }
    if !skip_real {
        body.push_str(&re);
    }
    body.push_str(&im);
    body.push('j');
    if parens {
        body.push(')');
    }
    let len = body.chars().count();
    pad(&body, len, spec)
}
