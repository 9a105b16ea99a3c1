//! The `unicodedata` module: character properties of the Unicode 14.0.0 database
//! (tables generated from CPython 3.11 by tools/gen_unicodedata.py), names through
//! `unicode_names2` (the data the parser's `\N{...}` escapes use), normalization through
//! `unicode-normalization`, and `ucd_3_2_0`, the Unicode 3.2.0 view IDNA needs.

mod tables;

use crate::util::{expect, new_module, set, wrap};
use krait_vm::object::{PyRef, Slots, Value};
use krait_vm::types::methods::{method, MethodDef};
use krait_vm::{PyResult, Vm};
use unicode_normalization::UnicodeNormalization;

/// Which database a call reads.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Db {
    Current,
    V320,
}

/// The `unicodedata.UCD` object behind `ucd_3_2_0`.
struct Ucd;

use tables::Record;

/// The property record of `c` in `db`.
fn record(db: Db, c: char) -> &'static Record {
    let runs: &[(u32, u16)] = if db == Db::Current { &tables::RUNS } else { &tables::RUNS_3_2_0 };
    let i = runs.partition_point(|r| r.0 <= c as u32).saturating_sub(1);
    &tables::RECORDS[runs[i].1 as usize]
}

/// Whether `c` is assigned in `db` (its category is not Cn).
fn assigned(db: Db, c: char) -> bool {
    tables::CATEGORIES[record(db, c).0 as usize] != "Cn"
}

/// The single character of a `chr` argument, or "f() argument must be a unicode
/// character, not T" (`fname` is "f() argument" or "f() argument 1").
fn char_arg(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<char> {
    let c = v.as_obj().and_then(|o| o.as_str()).and_then(|s| {
        let mut it = s.as_str().chars();
        it.next().filter(|_| it.next().is_none())
    });
    match c {
        Some(c) => Ok(c),
        None if v.as_obj().and_then(|o| o.as_str()).is_some() => {
            Err(vm.new_type_error(format!("{fname} must be a unicode character, not str")))
        }
        None => {
            let n = vm.type_name(v);
            Err(vm.new_type_error(format!("{fname} must be a unicode character, not {n}")))
        }
    }
}

fn str_arg(vm: &mut Vm, v: &Value, fname: &str, pos: usize) -> PyResult<String> {
    krait_vm::builtins::str_arg_with(vm, v, |n| format!("{fname}() argument {pos} must be str, not {n}"))
}

/// The database of a function's first argument: the module for module functions, the
/// UCD object for its methods.
fn db_of(v: &Value) -> Db {
    if crate::util::state::<Ucd>(v).is_some() { Db::V320 } else { Db::Current }
}

fn category(vm: &mut Vm, db: Db, v: &Value) -> PyResult<Value> {
    let c = char_arg(vm, v, "category() argument")?;
    Ok(vm.new_str(tables::CATEGORIES[record(db, c).0 as usize]))
}

fn bidirectional(vm: &mut Vm, db: Db, v: &Value) -> PyResult<Value> {
    let c = char_arg(vm, v, "bidirectional() argument")?;
    Ok(vm.new_str(tables::BIDI_CLASSES[record(db, c).1 as usize]))
}

fn combining(vm: &mut Vm, db: Db, v: &Value) -> PyResult<Value> {
    let c = char_arg(vm, v, "combining() argument")?;
    Ok(Value::Int(i64::from(record(db, c).2)))
}

fn east_asian_width(vm: &mut Vm, db: Db, v: &Value) -> PyResult<Value> {
    let c = char_arg(vm, v, "east_asian_width() argument")?;
    Ok(vm.new_str(tables::EAST_ASIAN_WIDTHS[record(db, c).3 as usize]))
}

fn mirrored(vm: &mut Vm, db: Db, v: &Value) -> PyResult<Value> {
    let c = char_arg(vm, v, "mirrored() argument")?;
    Ok(Value::Int(i64::from(record(db, c).4)))
}

/// decimal/digit/numeric: the value, else `default`, else ValueError `msg`.
fn number(vm: &mut Vm, value: Option<Value>, default: &Value, msg: &str) -> PyResult<Value> {
    match value {
        Some(v) => Ok(v),
        None if !default.is_null() => Ok(default.clone()),
        None => Err(vm.new_value_error(msg)),
    }
}

fn decimal(vm: &mut Vm, db: Db, a: &[Value]) -> PyResult<Value> {
    let c = char_arg(vm, &a[0], "decimal() argument 1")?;
    let d = record(db, c).5;
    number(vm, (d >= 0).then_some(Value::Int(i64::from(d))), &a[1], "not a decimal")
}

fn digit(vm: &mut Vm, db: Db, a: &[Value]) -> PyResult<Value> {
    let c = char_arg(vm, &a[0], "digit() argument 1")?;
    let d = record(db, c).6;
    number(vm, (d >= 0).then_some(Value::Int(i64::from(d))), &a[1], "not a digit")
}

fn numeric(vm: &mut Vm, db: Db, a: &[Value]) -> PyResult<Value> {
    let c = char_arg(vm, &a[0], "numeric() argument 1")?;
    let n = record(db, c).7;
    let v = tables::NUMERIC_VALUES.get(n as usize).map(|f| Value::Float(*f));
    number(vm, v, &a[1], "not a numeric character")
}

fn decomposition(vm: &mut Vm, db: Db, v: &Value) -> PyResult<Value> {
    let c = char_arg(vm, v, "decomposition() argument")?;
    let table: &[(u32, &str)] = if db == Db::Current { &tables::DECOMPOSITIONS } else { &tables::DECOMPOSITIONS_3_2_0 };
    let d = table.binary_search_by_key(&(c as u32), |e| e.0).map_or("", |i| table[i].1);
    Ok(vm.new_str(d))
}

/// The name of `c` in `db` (characters unassigned there have none).
fn char_name(db: Db, c: char) -> Option<String> {
    if !assigned(db, c) {
        return None;
    }
    unicode_names2::name(c).map(|n| n.to_string())
}

fn name(vm: &mut Vm, db: Db, a: &[Value]) -> PyResult<Value> {
    let c = char_arg(vm, &a[0], "name() argument 1")?;
    match char_name(db, c) {
        Some(n) => Ok(vm.new_str(&n)),
        None if !a[1].is_null() => Ok(a[1].clone()),
        None => Err(vm.new_value_error("no such name")),
    }
}

/// lookup(name): the character called `name` (aliases and named sequences included,
/// except in the 3.2.0 database; case-insensitive).
fn lookup(vm: &mut Vm, db: Db, v: &Value) -> PyResult<Value> {
    let text = match v.as_obj().and_then(|o| o.as_str()) {
        Some(s) => s.as_str().to_string(),
        None => match crate::util::bytes_of(v) {
            Some(b) => String::from_utf8_lossy(&b).into_owned(),
            None => {
                let n = vm.type_name(v);
                return Err(vm.new_type_error(format!("a bytes-like object is required, not '{n}'")));
            }
        },
    };
    if text.len() > 256 {
        return Err(vm.new_key_error_msg("name too long"));
    }
    let found = unicode_names2::character(&text).filter(|&c| match db {
        Db::Current => assigned(db, c),
        // The 3.2.0 database has no aliases.
        Db::V320 => char_name(db, c).is_some_and(|n| n.eq_ignore_ascii_case(&text)),
    });
    let upper = text.to_ascii_uppercase();
    let sequence = match db {
        Db::Current => tables::NAMED_SEQUENCES.binary_search_by_key(&upper.as_str(), |e| e.0).ok().map(|i| tables::NAMED_SEQUENCES[i].1),
        Db::V320 => None,
    };
    match (found, sequence) {
        (Some(c), _) => Ok(vm.new_str(c.encode_utf8(&mut [0; 4]))),
        (None, Some(seq)) => Ok(vm.new_str(seq)),
        (None, None) => {
            let msg = format!("undefined character name '{text}'");
            Err(vm.new_key_error_msg(msg))
        }
    }
}

/// The normalization form named `form`, or ValueError.
fn form_arg(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<u8> {
    let f = str_arg(vm, v, fname, 1)?;
    match f.as_str() {
        "NFC" => Ok(0),
        "NFD" => Ok(1),
        "NFKC" => Ok(2),
        "NFKD" => Ok(3),
        _ => Err(vm.new_value_error("invalid normalization form")),
    }
}

/// Normalize a run of characters all assigned in the database.
fn normalize_run(form: u8, s: &str, out: &mut String) {
    match form {
        0 => out.extend(s.nfc()),
        1 => out.extend(s.nfd()),
        2 => out.extend(s.nfkc()),
        _ => out.extend(s.nfkd()),
    }
}

/// Normalize `s` with the database's data: characters it does not assign are starters
/// without decompositions there, so the text is normalized in runs between them; the
/// 3.2.0 database also maps its few later-corrected decompositions back.
fn normalized(db: Db, form: u8, s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut run = String::new();
    for c in s.chars() {
        if assigned(db, c) {
            let mapped = if db == Db::V320 {
                tables::NORMALIZATION_3_2_0.iter().find(|e| e.0 == c as u32).and_then(|e| char::from_u32(e.1)).unwrap_or(c)
            } else {
                c
            };
            run.push(mapped);
        } else {
            normalize_run(form, &run, &mut out);
            run.clear();
            out.push(c);
        }
    }
    normalize_run(form, &run, &mut out);
    out
}

fn normalize(vm: &mut Vm, db: Db, a: &[Value]) -> PyResult<Value> {
    let form = form_arg(vm, &a[0], "normalize")?;
    let s = str_arg(vm, &a[1], "normalize", 2)?;
    let r = normalized(db, form, &s);
    if r == s {
        return Ok(a[1].clone());
    }
    Ok(vm.new_str(&r))
}

fn is_normalized(vm: &mut Vm, db: Db, a: &[Value]) -> PyResult<Value> {
    let form = form_arg(vm, &a[0], "is_normalized")?;
    let s = str_arg(vm, &a[1], "is_normalized", 2)?;
    Ok(Value::Bool(normalized(db, form, &s) == s))
}

/// The functions of the module and the methods of UCD share one table: the first
/// argument (module or UCD object) selects the database.
macro_rules! defs {
    ($($name:literal, $sig:literal, $args:ident => $call:expr;)*) => {
        const FUNCTIONS: &[MethodDef] = &[$(method($name, concat!("(", $sig, ")"), |vm, $args| { let _ = &$args; $call(vm, Db::Current) }),)*];
        const UCD_METHODS: &[MethodDef] = &[$(method($name, concat!("(self, ", $sig, ")"), |vm, a| { let $args = &a[1..]; let db = db_of(&a[0]); $call(vm, db) }),)*];
    };
}

defs! {
    "category", "chr, /", a => |vm, db| category(vm, db, &a[0]);
    "bidirectional", "chr, /", a => |vm, db| bidirectional(vm, db, &a[0]);
    "combining", "chr, /", a => |vm, db| combining(vm, db, &a[0]);
    "east_asian_width", "chr, /", a => |vm, db| east_asian_width(vm, db, &a[0]);
    "mirrored", "chr, /", a => |vm, db| mirrored(vm, db, &a[0]);
    "decimal", "chr, default=?, /", a => |vm, db| decimal(vm, db, a);
    "digit", "chr, default=?, /", a => |vm, db| digit(vm, db, a);
    "numeric", "chr, default=?, /", a => |vm, db| numeric(vm, db, a);
    "decomposition", "chr, /", a => |vm, db| decomposition(vm, db, &a[0]);
    "name", "chr, default=?, /", a => |vm, db| name(vm, db, a);
    "lookup", "name, /", a => |vm, db| lookup(vm, db, &a[0]);
    "normalize", "form, unistr, /", a => |vm, db| normalize(vm, db, a);
    "is_normalized", "form, unistr, /", a => |vm, db| is_normalized(vm, db, a);
}

pub fn make_module(vm: &mut Vm) -> PyRef {
    let (m, d) = new_module(vm, "unicodedata", FUNCTIONS);
    let t = crate::util::new_type(vm, "unicodedata", "unicodedata.UCD", None, Slots::default(), 0, UCD_METHODS);
    krait_vm::types::int::add_property(vm, &t, "UCD", "unidata_version", |vm, a| {
        expect::<Ucd>(vm, &a[0], "unicodedata.UCD")?;
        Ok(vm.new_str("3.2.0"))
    });
    let ucd = wrap(vm, &t, Ucd);
    set(vm, &d, "UCD", Value::Obj(t));
    set(vm, &d, "ucd_3_2_0", ucd);
    let v = vm.new_str(tables::UNIDATA_VERSION);
    set(vm, &d, "unidata_version", v);
    m
}
