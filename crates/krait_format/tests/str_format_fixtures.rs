//! str.format parsing (`_string.formatter_parser`, `_string.formatter_field_name_split`) and
//! whole `str.format` calls against CPython 3.11 recordings.

mod common;

use common::{check_all, expected, fixture, float, int, unescape};
use krait_format::{
    field_name_split, float_repr, format_float, format_int, format_str, unknown_conversion, AutoNumber, FieldAccessor,
    FieldKey, FormatError, MarkupIter, DEFAULT_MAX_STR_DIGITS,
};

type Outcome = Result<String, (String, String)>;

fn err(e: FormatError) -> (String, String) {
    (e.kind.name().to_owned(), e.message)
}

fn opt(v: Option<&str>) -> String {
    match v {
        None => "N".to_owned(),
        Some(s) => format!("S{s}"),
    }
}

/// `list(_string.formatter_parser(text))` in the fixture's encoding (unescaped).
fn formatter_parser(text: &str) -> Outcome {
    let mut items = Vec::new();
    for item in MarkupIter::new(text) {
        let item = item.map_err(err)?;
        let mut parts = vec![format!("S{}", item.literal)];
        match item.field {
            None => parts.extend(["N".to_owned(), "N".to_owned(), "N".to_owned()]),
            Some(f) => {
                parts.push(opt(Some(f.field_name)));
                parts.push(opt(Some(f.format_spec)));
                parts.push(opt(f.conversion.map(String::from).as_deref()));
            }
        }
        items.push(parts.join("\u{1e}"));
    }
    Ok(items.join("\u{1f}"))
}

/// `_string.formatter_field_name_split(name)` with its iterator consumed.
fn field_name(name: &str) -> Outcome {
    let (first, rest) = field_name_split(name, None).map_err(err)?;
    let mut parts = vec![match first {
        FieldKey::Index(i) => format!("I{i}"),
        FieldKey::Name(n) => format!("S{n}"),
    }];
    for acc in rest {
        parts.push(match acc.map_err(err)? {
            FieldAccessor::Attr(a) => format!("A{a}"),
            FieldAccessor::Index(i) => format!("I{i}"),
            FieldAccessor::Key(k) => format!("S{k}"),
        });
    }
    Ok(parts.join("\u{1f}"))
}

#[derive(Clone)]
enum Arg {
    Int(num_bigint::BigInt),
    Float(f64),
    Str(String),
}

impl Arg {
    fn str(&self) -> String {
        match self {
            Arg::Int(i) => i.to_string(),
            Arg::Float(f) => float_repr(*f),
            Arg::Str(s) => s.clone(),
        }
    }
}

/// `fmt.format(*args)` as the VM's `build_string` does it.
fn build_string(fmt: &str, args: &[Arg], depth: i32, auto: &mut AutoNumber) -> Outcome {
    if depth <= 0 {
        return Err(("ValueError".into(), "Max string recursion exceeded".into()));
    }
    let mut out = String::new();
    for item in MarkupIter::new(fmt) {
        let item = item.map_err(err)?;
        out.push_str(item.literal);
        let Some(field) = item.field else { continue };
        let (key, rest) = field_name_split(field.field_name, Some(auto)).map_err(err)?;
        let mut obj = match key {
            FieldKey::Index(i) => args.get(i).cloned().ok_or_else(|| {
                ("IndexError".to_owned(), format!("Replacement index {i} out of range for positional args tuple"))
            })?,
            FieldKey::Name(n) => return Err(("KeyError".into(), format!("'{n}'"))),
        };
        assert_eq!(rest.count(), 0, "fixtures use no accessors");
        if let Some(conv) = field.conversion {
            obj = Arg::Str(match (conv, &obj) {
                ('s', o) => o.str(),
                ('r' | 'a', Arg::Str(s)) => format!("'{s}'"),
                ('r' | 'a', o) => o.str(),
                (c, _) => return Err(err(unknown_conversion(c))),
            });
        }
        let spec = if field.spec_needs_expanding {
            build_string(field.format_spec, args, depth - 1, auto)?
        } else {
            field.format_spec.to_owned()
        };
        let text = match &obj {
            Arg::Int(i) => format_int(i, &spec, "int", DEFAULT_MAX_STR_DIGITS),
            Arg::Float(f) => format_float(*f, &spec, "float"),
            Arg::Str(s) => format_str(s, &spec, "str"),
        };
        out.push_str(&text.map_err(err)?);
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

/// Unescapes every part of an encoded parser result, keeping the separators.
fn decode(field: &str) -> Outcome {
    expected(field).map(|s| s.split('\u{1f}').map(|p| p.split('\u{1e}').map(unescape).collect::<Vec<_>>().join("\u{1e}")).collect::<Vec<_>>().join("\u{1f}"))
}

#[test]
fn str_format_matches_cpython() {
    check_all(
        "str_format",
        fixture("str_format.txt").into_iter().map(|f| {
            let (kind, input) = f[0].split_at(1);
            let input = unescape(input);
            match kind {
                "P" => ((kind.to_owned(), input.clone()), decode(&f[1]), formatter_parser(&input)),
                "N" => ((kind.to_owned(), input.clone()), decode(&f[1]), field_name(&input)),
                _ => {
                    let args: Vec<Arg> = f[2..].iter().map(|a| arg(a)).collect();
                    let got = build_string(&input, &args, 2, &mut AutoNumber::default());
                    ((kind.to_owned(), input.clone()), expected(&f[1]), got)
                }
            }
        }),
    );
}
