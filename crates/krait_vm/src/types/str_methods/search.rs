//! Searching str: find/rfind/index/rindex/count, startswith/endswith (with tuples),
//! replace, partition/rpartition, removeprefix/removesuffix.

use super::{arg_text, byte_at, char_at, text, window};
use crate::object::Value;
use crate::types::methods::{method, MethodDef};
use crate::vm::{PyResult, Vm};

pub const METHODS: &[MethodDef] = &[
    method("find", "(self, sub, start=None, end=None, /)", |vm, a| find(vm, a, false, false)),
    method("rfind", "(self, sub, start=None, end=None, /)", |vm, a| find(vm, a, true, false)),
    method("index", "(self, sub, start=None, end=None, /)", |vm, a| find(vm, a, false, true)),
    method("rindex", "(self, sub, start=None, end=None, /)", |vm, a| find(vm, a, true, true)),
    method("count", "(self, sub, start=None, end=None, /)", count),
    method("startswith", "(self, prefix, start=None, end=None, /)", |vm, a| affix(vm, a, false)),
    method("endswith", "(self, suffix, start=None, end=None, /)", |vm, a| affix(vm, a, true)),
    method("replace", "(self, old, new, count=-1, /)", replace),
    method("partition", "(self, sep, /)", |vm, a| partition(vm, a, false)),
    method("rpartition", "(self, sep, /)", |vm, a| partition(vm, a, true)),
    method("removeprefix", "(self, prefix, /)", |vm, a| {
        let p = arg_text(vm, &a[1], "removeprefix() argument")?;
        let s = text(&a[0]);
        Ok(match s.strip_prefix(p) {
            Some(rest) if !p.is_empty() => vm.new_str(rest),
            _ => vm.new_str(s),
        })
    }),
    method("removesuffix", "(self, suffix, /)", |vm, a| {
        let p = arg_text(vm, &a[1], "removesuffix() argument")?;
        let s = text(&a[0]);
        Ok(match s.strip_suffix(p) {
            Some(rest) if !p.is_empty() => vm.new_str(rest),
            _ => vm.new_str(s),
        })
    }),
];

fn sub_text<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a str> {
    match super::pystr(v) {
        Some(s) => Ok(s.as_str()),
        None => {
            let n = vm.type_name(v);
            Err(vm.new_type_error(format!("must be str, not {n}")))
        }
    }
}

/// find/rfind/index/rindex: a code point index, -1 or ValueError when absent.
fn find(vm: &mut Vm, a: &[Value], rev: bool, raise: bool) -> PyResult<Value> {
    let sub = sub_text(vm, &a[1])?;
    let s = text(&a[0]);
    let found = window(vm, s, &a[2], &a[3])?.and_then(|(st, en)| {
        let (bs, be) = (byte_at(s, st), byte_at(s, en));
        let hay = &s[bs..be];
        let pos = match (sub.is_empty(), rev) {
            (true, true) => Some(hay.len()),
            (true, false) => Some(0),
            (false, true) => super::needle::rfind(hay, sub),
            (false, false) => super::needle::find(hay, sub),
        };
        pos.map(|p| char_at(s, bs + p) as i64)
    });
    match found {
        Some(i) => Ok(Value::Int(i)),
        None if raise => Err(vm.new_value_error("substring not found")),
        None => Ok(Value::Int(-1)),
    }
}

fn count(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let sub = sub_text(vm, &a[1])?;
    let s = text(&a[0]);
    let n = match window(vm, s, &a[2], &a[3])? {
        None => 0,
        Some((st, en)) if sub.is_empty() => en - st + 1,
        Some((st, en)) => super::needle::count(&s[byte_at(s, st)..byte_at(s, en)], sub),
    };
    Ok(Value::Int(n as i64))
}

/// startswith/endswith with a str or a tuple of strs.
fn affix(vm: &mut Vm, a: &[Value], end: bool) -> PyResult<Value> {
    let s = text(&a[0]);
    let Some((st, en)) = window(vm, s, &a[2], &a[3])? else { return Ok(Value::Bool(false)) };
    let hay = &s[byte_at(s, st)..byte_at(s, en)];
    let cands: Vec<Value> = match a[1].as_obj().and_then(|o| o.as_tuple()) {
        Some(t) => t.to_vec(),
        None => vec![a[1].clone()],
    };
    let is_tuple = a[1].as_obj().and_then(|o| o.as_tuple()).is_some();
    for c in &cands {
        let Some(p) = super::pystr(c) else {
            let n = vm.type_name(c);
            let what = if end { "endswith" } else { "startswith" };
            let msg = if is_tuple {
                format!("tuple for {what} must only contain str, not {n}")
            } else {
                format!("{what} first arg must be str or a tuple of str, not {n}")
            };
            return Err(vm.new_type_error(msg));
        };
        let hit = if end { hay.ends_with(p.as_str()) } else { hay.starts_with(p.as_str()) };
        if hit {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn replace(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let old = arg_text(vm, &a[1], "replace() argument 1")?;
    let new = arg_text(vm, &a[2], "replace() argument 2")?;
    let n = match crate::types::slice::index_exact(vm, &a[3])? {
        Some(n) => n,
        None => {
            let t = vm.type_name(&a[3]);
            return Err(vm.new_type_error(format!("'{t}' object cannot be interpreted as an integer")));
        }
    };
    let s = text(&a[0]);
    let limit = if n < 0 { usize::MAX } else { n as usize };
    if old.is_empty() {
        // Insert `new` before every character and at the end, up to `limit` times.
        let mut out = String::new();
        let mut done = 0;
        for c in s.chars() {
            if done < limit {
                out.push_str(new);
                done += 1;
            }
            out.push(c);
        }
        if done < limit {
            out.push_str(new);
        }
        return Ok(vm.new_str(&out));
    }
    Ok(vm.new_str(&super::needle::replace(s, old, new, limit)))
}

fn partition(vm: &mut Vm, a: &[Value], rev: bool) -> PyResult<Value> {
    let sep = sub_text(vm, &a[1])?;
    if sep.is_empty() {
        return Err(vm.new_value_error("empty separator"));
    }
    let s = text(&a[0]);
    let at = if rev { super::needle::rfind(s, sep) } else { super::needle::find(s, sep) };
    let parts = at.map(|i| (&s[..i], &s[i + sep.len()..]));
    let items = match parts {
        Some((x, y)) => vec![vm.new_str(x), a[1].clone(), vm.new_str(y)],
        None if rev => vec![vm.new_str(""), vm.new_str(""), vm.new_str(s)],
        None => vec![vm.new_str(s), vm.new_str(""), vm.new_str("")],
    };
    Ok(vm.new_tuple(items))
}
