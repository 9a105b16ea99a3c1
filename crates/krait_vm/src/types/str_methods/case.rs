//! Case mapping and character-class predicates of str: upper/lower/capitalize/title/
//! swapcase/casefold and the is* family.

use super::repr::is_printable;
use super::text;
use crate::object::Value;
use crate::types::methods::{method, MethodDef};

use krait_format::unicode::{decimal_value, is_space};

pub const METHODS: &[MethodDef] = &[
    method("upper", "(self, /)", |vm, a| Ok(vm.new_str(&text(&a[0]).to_uppercase()))),
    method("lower", "(self, /)", |vm, a| Ok(vm.new_str(&text(&a[0]).to_lowercase()))),
    method("casefold", "(self, /)", |vm, a| Ok(vm.new_str(&casefold(text(&a[0]))))),
    method("swapcase", "(self, /)", |vm, a| Ok(vm.new_str(&swapcase(text(&a[0]))))),
    method("capitalize", "(self, /)", |vm, a| Ok(vm.new_str(&capitalize(text(&a[0]))))),
    method("title", "(self, /)", |vm, a| Ok(vm.new_str(&title(text(&a[0]))))),
    method("isdigit", "(self, /)", |_, a| Ok(all_nonempty(&a[0], is_digit))),
    method("isdecimal", "(self, /)", |_, a| Ok(all_nonempty(&a[0], |c| decimal_value(c).is_some()))),
    method("isnumeric", "(self, /)", |_, a| Ok(all_nonempty(&a[0], |c| is_digit(c) || c.is_numeric()))),
    method("isalpha", "(self, /)", |_, a| Ok(all_nonempty(&a[0], is_alpha))),
    method("isalnum", "(self, /)", |_, a| Ok(all_nonempty(&a[0], |c| is_alpha(c) || is_digit(c) || c.is_numeric()))),
    method("isspace", "(self, /)", |_, a| Ok(all_nonempty(&a[0], is_space))),
    method("isascii", "(self, /)", |_, a| Ok(Value::Bool(text(&a[0]).is_ascii()))),
    method("isprintable", "(self, /)", |_, a| Ok(Value::Bool(text(&a[0]).chars().all(is_printable)))),
    method("isupper", "(self, /)", |_, a| Ok(cased(text(&a[0]), true))),
    method("islower", "(self, /)", |_, a| Ok(cased(text(&a[0]), false))),
    method("istitle", "(self, /)", |_, a| Ok(Value::Bool(istitle(text(&a[0]))))),
    method("isidentifier", "(self, /)", |_, a| Ok(Value::Bool(is_identifier(text(&a[0]))))),
];

fn all_nonempty(v: &Value, f: impl Fn(char) -> bool) -> Value {
    let s = text(v);
    Value::Bool(!s.is_empty() && s.chars().all(f))
}

/// Letters (Python's isalpha: categories Lu, Ll, Lt, Lm, Lo; approximated by Rust's
/// alphabetic property without combining marks and letter numbers).
fn is_alpha(c: char) -> bool {
    c.is_alphabetic() && !c.is_numeric() && !matches!(c as u32, 0x300..=0x36F)
}

/// Python's isdigit: decimals plus digits such as superscripts and circled digits.
fn is_digit(c: char) -> bool {
    decimal_value(c).is_some()
        || matches!(c as u32, 0xB2 | 0xB3 | 0xB9 | 0x2070 | 0x2074..=0x2079 | 0x2080..=0x2089 | 0x2460..=0x2468 | 0x2474..=0x247C | 0x2488..=0x2490 | 0x24EA | 0x24F5..=0x24FD | 0x24FF | 0x2776..=0x277E | 0x2780..=0x2788 | 0x278A..=0x2792 | 0x1369..=0x1371 | 0x19DA)
}

fn is_cased(c: char) -> bool {
    c.is_uppercase() || c.is_lowercase() || is_titlecase(c)
}

fn is_titlecase(c: char) -> bool {
    matches!(c as u32, 0x1C5 | 0x1C8 | 0x1CB | 0x1F2 | 0x1F88..=0x1F8F | 0x1F98..=0x1F9F | 0x1FA8..=0x1FAF | 0x1FBC | 0x1FCC | 0x1FFC)
}

/// isupper/islower: at least one cased character and none of the other case.
fn cased(s: &str, upper: bool) -> Value {
    let mut any = false;
    for c in s.chars() {
        if (upper && (c.is_lowercase() || is_titlecase(c))) || (!upper && (c.is_uppercase() || is_titlecase(c))) {
            return Value::Bool(false);
        }
        any |= if upper { c.is_uppercase() } else { c.is_lowercase() };
    }
    Value::Bool(any)
}

fn istitle(s: &str) -> bool {
    let mut prev_cased = false;
    let mut any = false;
    for c in s.chars() {
        if c.is_uppercase() || is_titlecase(c) {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            any = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            any = true;
        } else {
            prev_cased = false;
        }
    }
    any
}

fn casefold(s: &str) -> String {
    s.chars().flat_map(|c| match c {
        'ß' => "ss".chars().collect::<Vec<_>>(),
        c => c.to_lowercase().collect(),
    }).collect()
}

fn swapcase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_uppercase() {
            out.extend(c.to_lowercase());
        } else if c.is_lowercase() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// The titlecase form of `c`: uppercase, except the digraphs and Greek letters with
/// iota subscript that have their own title form, and the ligatures (`ß` → `Ss`,
/// `ﬁ` → `Fi`), whose title form is their uppercase with only the first letter upper.
fn to_title(c: char, out: &mut String) {
    let title = match c as u32 {
        0x1C4..=0x1C6 => '\u{1C5}',
        0x1C7..=0x1C9 => '\u{1C8}',
        0x1CA..=0x1CC => '\u{1CB}',
        0x1F1..=0x1F3 => '\u{1F2}',
        n @ (0x1F80..=0x1F87 | 0x1F90..=0x1F97 | 0x1FA0..=0x1FA7) => char::from_u32(n + 8).unwrap_or(c),
        0x1F88..=0x1F8F | 0x1F98..=0x1F9F | 0x1FA8..=0x1FAF | 0x1FBC | 0x1FCC | 0x1FFC => c,
        0x1FB3 => '\u{1FBC}',
        0x1FC3 => '\u{1FCC}',
        0x1FF3 => '\u{1FFC}',
        // The ligatures: `ß`, `ﬀ`..`ﬆ`, Armenian `և` and `ﬓ`..`ﬗ`.
        0xDF | 0x587 | 0xFB00..=0xFB06 | 0xFB13..=0xFB17 => {
            let mut upper = c.to_uppercase();
            out.extend(upper.next());
            for rest in upper {
                out.extend(rest.to_lowercase());
            }
            return;
        }
        _ => {
            out.extend(c.to_uppercase());
            return;
        }
    };
    out.push(title);
}

fn capitalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    if let Some(c) = chars.next() {
        to_title(c, &mut out);
    }
    for c in chars {
        out.extend(c.to_lowercase());
    }
    out
}

fn title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for c in s.chars() {
        if prev_cased {
            out.extend(c.to_lowercase());
        } else {
            to_title(c, &mut out);
        }
        prev_cased = is_cased(c);
    }
    out
}

/// str.isidentifier: XID_Start (or `_`) then XID_Continue characters; approximated with
/// Rust's alphabetic/alphanumeric properties.
pub(crate) fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c == '_' || c.is_alphabetic() => chars.all(|c| c == '_' || c.is_alphanumeric() || matches!(c as u32, 0x300..=0x36F | 0xB7)),
        _ => false,
    }
}
