//! printf-style formatting against CPython 3.11 recordings, through a small driver that plays
//! the VM's part (argument fetching, type dispatch) the way `PyUnicode_Format` does.

mod common;

use common::{check_all, expected, fixture, float, int, unescape};
use krait_format::{
    float_repr, int_to_f64, percent_format_char, percent_format_float, percent_format_int, percent_format_text,
    unsupported_format_character, FormatError, PercentParser, Piece, DEFAULT_MAX_STR_DIGITS,
};
use num_bigint::BigInt;
use num_traits::FromPrimitive;

#[derive(Debug, Clone)]
enum Arg {
    Int(BigInt),
    Float(f64),
    Str(String),
}

impl Arg {
    fn type_name(&self) -> &'static str {
        match self {
            Arg::Int(_) => "int",
            Arg::Float(_) => "float",
            Arg::Str(_) => "str",
        }
    }

    fn str(&self) -> String {
        match self {
            Arg::Int(i) => i.to_string(),
            Arg::Float(f) => float_repr(*f),
            Arg::Str(s) => s.clone(),
        }
    }

    /// repr() (the fixtures only use plain ASCII strings with %r and %a).
    fn repr(&self) -> String {
        match self {
            Arg::Str(s) => format!("'{s}'"),
            other => other.str(),
        }
    }
}

/// How the right operand of `%` was given.
enum Args {
    Single(Arg),
    Tuple(Vec<Arg>),
    Dict(Arg),
}

/// A Python exception raised by the driver: kind name and message.
#[derive(Debug)]
struct Raised(String, String);

impl From<FormatError> for Raised {
    fn from(e: FormatError) -> Self {
        Raised(e.kind.name().to_owned(), e.message)
    }
}

fn raise<T>(e: FormatError) -> Result<T, Raised> {
    Err(e.into())
}

fn run(fmt: &str, args: Args) -> Result<String, Raised> {
    let not_enough = || FormatError::type_error("not enough arguments for format string");
    let (mut items, is_dict) = match args {
        Args::Single(a) => (vec![a], false),
        Args::Tuple(v) => (v, false),
        Args::Dict(a) => (vec![a], true),
    };
    items.reverse();
    let mut out = String::new();
    for piece in PercentParser::new(fmt) {
        let mut spec = match piece? {
            Piece::Literal(text) => {
                out.push_str(text);
                continue;
            }
            Piece::Conversion(spec) => spec,
        };
        if let Some(key) = &spec.key {
            if !is_dict {
                return raise(FormatError::type_error("format requires a mapping"));
            }
            if key != "k" {
                return Err(Raised("KeyError".into(), format!("'{key}'")));
            }
        }
        let mut next = || items.pop().ok_or_else(not_enough);
        if spec.width == krait_format::Count::Star {
            match next()? {
                Arg::Int(w) => spec.set_star_width(&w)?,
                _ => return raise(FormatError::type_error("* wants int")),
            }
        }
        if spec.precision == krait_format::Count::Star {
            match next()? {
                Arg::Int(p) => spec.set_star_precision(&p)?,
                _ => return raise(FormatError::type_error("* wants int")),
            }
        }
        if let Some(e) = spec.error {
            return Err(e.into());
        }
        let value = next()?;
        let conv = spec.conversion;
        let text = match (conv, &value) {
            ('s', v) => percent_format_text(&v.str(), &spec)?,
            ('r' | 'a', v) => percent_format_text(&v.repr(), &spec)?,
            ('c', Arg::Int(i)) => percent_format_char(i, &spec)?,
            ('c', Arg::Str(s)) if s.chars().count() == 1 => percent_format_text(s, &spec)?,
            ('c', _) => return raise(FormatError::type_error("%c requires int or char")),
            ('d' | 'i' | 'u' | 'o' | 'x' | 'X', Arg::Int(i)) => percent_format_int(i, &spec, DEFAULT_MAX_STR_DIGITS)?,
            ('d' | 'i' | 'u', Arg::Float(f)) => {
                if f.is_nan() {
                    return raise(FormatError::value("cannot convert float NaN to integer"));
                }
                let i = BigInt::from_f64(f.trunc())
                    .ok_or_else(|| FormatError::overflow("cannot convert float infinity to integer"))?;
                percent_format_int(&i, &spec, DEFAULT_MAX_STR_DIGITS)?
            }
            ('d' | 'i' | 'u', v) => {
                return raise(FormatError::type_error(format!(
                    "%{conv} format: a real number is required, not {}",
                    v.type_name()
                )))
            }
            ('o' | 'x' | 'X', v) => {
                return raise(FormatError::type_error(format!(
                    "%{conv} format: an integer is required, not {}",
                    v.type_name()
                )))
            }
            ('e' | 'E' | 'f' | 'F' | 'g' | 'G', Arg::Float(f)) => percent_format_float(*f, &spec)?,
            ('e' | 'E' | 'f' | 'F' | 'g' | 'G', Arg::Int(i)) => percent_format_float(int_to_f64(i)?, &spec)?,
            ('e' | 'E' | 'f' | 'F' | 'g' | 'G', v) => {
                return raise(FormatError::type_error(format!("must be real number, not {}", v.type_name())))
            }
            _ => return Err(unsupported_format_character(conv, spec.index).into()),
        };
        out.push_str(&text);
    }
    if !is_dict && !items.is_empty() {
        return raise(FormatError::type_error("not all arguments converted during string formatting"));
    }
    Ok(out)
}

fn arg(field: &str) -> Arg {
    match field.split_at(1) {
        ("i", hex) => Arg::Int(int(hex)),
        ("f", bits) => Arg::Float(float(bits)),
        ("s", text) => Arg::Str(unescape(text)),
        _ => panic!("bad arg {field}"),
    }
}

#[test]
fn percent_matches_cpython() {
    check_all(
        "percent",
        fixture("percent.txt").into_iter().map(|f| {
            let (mode, fmt) = f[0].split_at(1);
            let fmt = unescape(fmt);
            let mut values: Vec<Arg> = f[2..].iter().map(|a| arg(a)).collect();
            let args = match mode {
                "T" => Args::Tuple(values),
                "V" => Args::Single(values.remove(0)),
                _ => Args::Dict(values.remove(0)),
            };
            let got = run(&fmt, args).map_err(|Raised(kind, msg)| (kind, msg));
            ((fmt.clone(), f[2..].to_vec()), expected(&f[1]), got)
        }),
    );
}
