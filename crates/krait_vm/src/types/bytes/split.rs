//! bytes/bytearray splitting and joining: split, rsplit, splitlines, strip, lstrip,
//! rstrip, join.

use super::{buffer, buffer_arg, data, new_like};
use crate::object::Value;
use crate::types::methods::{method, MethodDef};
use crate::vm::{PyResult, Vm};

pub const METHODS: &[MethodDef] = &[
    method("split", "(self, /, sep=None, maxsplit=-1)", |vm, a| split(vm, a, false)),
    method("rsplit", "(self, /, sep=None, maxsplit=-1)", |vm, a| split(vm, a, true)),
    method("splitlines", "(self, /, keepends=False)", splitlines),
    method("strip", "(self, bytes=None, /)", |vm, a| strip(vm, a, true, true)),
    method("lstrip", "(self, bytes=None, /)", |vm, a| strip(vm, a, true, false)),
    method("rstrip", "(self, bytes=None, /)", |vm, a| strip(vm, a, false, true)),
    method("join", "(self, iterable_of_bytes, /)", join),
];

/// Py_ISSPACE for bytes.
pub fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

fn maxsplit_arg(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    match crate::types::slice::index_clamped(vm, v)? {
        Some(n) if n >= 0 => Ok(n as usize),
        Some(_) => Ok(usize::MAX),
        None => {
            let n = vm.type_name(v);
            Err(vm.new_type_error(format!("'{n}' object cannot be interpreted as an integer")))
        }
    }
}

/// The pieces of `d` split on runs of whitespace, from the left or the right.
fn split_whitespace(d: &[u8], max: usize, reverse: bool) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    if reverse {
        let mut end = d.len();
        loop {
            while end > 0 && is_space(d[end - 1]) {
                end -= 1;
            }
            if end == 0 {
                break;
            }
            if out.len() == max {
                out.push(d[..end].to_vec());
                break;
            }
            let mut start = end;
            while start > 0 && !is_space(d[start - 1]) {
                start -= 1;
            }
            out.push(d[start..end].to_vec());
            end = start;
        }
        out.reverse();
    } else {
        let mut start = 0;
        loop {
            while start < d.len() && is_space(d[start]) {
                start += 1;
            }
            if start == d.len() {
                break;
            }
            if out.len() == max {
                out.push(d[start..].to_vec());
                break;
            }
            let mut end = start;
            while end < d.len() && !is_space(d[end]) {
                end += 1;
            }
            out.push(d[start..end].to_vec());
            start = end;
        }
    }
    out
}

fn split_sep(d: &[u8], sep: &[u8], max: usize, reverse: bool) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    if reverse {
        let mut end = d.len();
        while out.len() < max {
            let Some(p) = d[..end].windows(sep.len()).rposition(|w| w == sep) else { break };
            out.push(d[p + sep.len()..end].to_vec());
            end = p;
        }
        out.push(d[..end].to_vec());
        out.reverse();
    } else {
        let mut start = 0;
        while out.len() < max {
            let Some(p) = super::search::find_sub(d, sep, start) else { break };
            out.push(d[start..p].to_vec());
            start = p + sep.len();
        }
        out.push(d[start..].to_vec());
    }
    out
}

fn split(vm: &mut Vm, a: &[Value], reverse: bool) -> PyResult<Value> {
    let d = data(&a[0]);
    let max = maxsplit_arg(vm, &a[2])?;
    let parts = if a[1].is_none() {
        split_whitespace(&d, max, reverse)
    } else {
        let sep = buffer_arg(vm, &a[1])?;
        if sep.is_empty() {
            return Err(vm.new_value_error("empty separator"));
        }
        split_sep(&d, &sep, max, reverse)
    };
    let items = parts.into_iter().map(|p| new_like(vm, &a[0], p)).collect();
    Ok(vm.new_list(items))
}

fn splitlines(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let d = data(&a[0]);
    let keep = vm.is_true(&a[1])?;
    let mut items = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < d.len() {
        let eol = match d[i] {
            b'\r' if d.get(i + 1) == Some(&b'\n') => 2,
            b'\r' | b'\n' => 1,
            _ => {
                i += 1;
                continue;
            }
        };
        let end = if keep { i + eol } else { i };
        items.push(new_like(vm, &a[0], d[start..end].to_vec()));
        i += eol;
        start = i;
    }
    if start < d.len() {
        items.push(new_like(vm, &a[0], d[start..].to_vec()));
    }
    Ok(vm.new_list(items))
}

fn strip(vm: &mut Vm, a: &[Value], left: bool, right: bool) -> PyResult<Value> {
    let d = data(&a[0]);
    let chars = if a[1].is_none() { None } else { Some(buffer_arg(vm, &a[1])?) };
    let strip_it = |b: u8| chars.as_ref().map_or_else(|| is_space(b), |c| c.contains(&b));
    let mut s = 0;
    let mut e = d.len();
    if left {
        while s < e && strip_it(d[s]) {
            s += 1;
        }
    }
    if right {
        while e > s && strip_it(d[e - 1]) {
            e -= 1;
        }
    }
    Ok(new_like(vm, &a[0], d[s..e].to_vec()))
}

fn join(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let sep = data(&a[0]);
    let items = vm.collect(&a[1])?;
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        let Some(b) = buffer(it) else {
            let n = vm.type_name(it);
            return Err(vm.new_type_error(format!("sequence item {i}: expected a bytes-like object, {n} found")));
        };
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(&b);
    }
    Ok(new_like(vm, &a[0], out))
}
