//! bytes/bytearray searching: find, rfind, index, rindex, count, startswith, endswith,
//! replace, partition, rpartition, removeprefix, removesuffix.

use super::{buffer, buffer_arg, byte_value, data, new_like};
use crate::object::Value;
use crate::types::methods::{method, MethodDef};
use crate::vm::{PyResult, Vm};

pub const METHODS: &[MethodDef] = &[
    method("find", "(self, sub, start=None, end=None, /)", |vm, a| find_impl(vm, a, false, false)),
    method("rfind", "(self, sub, start=None, end=None, /)", |vm, a| find_impl(vm, a, true, false)),
    method("index", "(self, sub, start=None, end=None, /)", |vm, a| find_impl(vm, a, false, true)),
    method("rindex", "(self, sub, start=None, end=None, /)", |vm, a| find_impl(vm, a, true, true)),
    method("count", "(self, sub, start=None, end=None, /)", count),
    method("startswith", "(self, prefix, start=None, end=None, /)", |vm, a| affix_match(vm, a, "startswith")),
    method("endswith", "(self, suffix, start=None, end=None, /)", |vm, a| affix_match(vm, a, "endswith")),
    method("replace", "(self, old, new, count=-1, /)", replace),
    method("partition", "(self, sep, /)", |vm, a| partition(vm, a, false)),
    method("rpartition", "(self, sep, /)", |vm, a| partition(vm, a, true)),
    method("removeprefix", "(self, prefix, /)", |vm, a| remove_affix(vm, a, true)),
    method("removesuffix", "(self, suffix, /)", |vm, a| remove_affix(vm, a, false)),
];

/// The first position of `needle` in `hay` at or after `from`.
pub fn find_sub(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return (from <= hay.len()).then_some(from);
    }
    if from >= hay.len() || needle.len() > hay.len() - from {
        return None;
    }
    hay[from..].windows(needle.len()).position(|w| w == needle).map(|p| p + from)
}

/// The last position of `needle` in `hay`.
fn rfind_sub(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    if needle.is_empty() {
        return Some(hay.len());
    }
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// Non-overlapping occurrences of `needle` (empty: one more than the length).
pub fn count_sub(hay: &[u8], needle: &[u8]) -> usize {
    if needle.is_empty() {
        return hay.len() + 1;
    }
    let (mut n, mut i) = (0, 0);
    while let Some(p) = find_sub(hay, needle, i) {
        n += 1;
        i = p + needle.len();
    }
    n
}

/// The `[start:end]` window of a sequence of `len` items for find/count/startswith
/// (ADJUST_INDICES): `None` when start is past the end.
fn window(vm: &mut Vm, len: usize, start: &Value, end: &Value) -> PyResult<Option<(usize, usize)>> {
    let conv = |vm: &mut Vm, v: &Value, default: i64| -> PyResult<i64> {
        if v.is_none() {
            return Ok(default);
        }
        match crate::types::slice::index_clamped(vm, v)? {
            Some(i) => Ok(i),
            None => Err(vm.new_type_error("slice indices must be integers or None or have an __index__ method")),
        }
    };
    let len = len as i64;
    let mut a = conv(vm, start, 0)?;
    let mut e = conv(vm, end, len)?;
    if e > len {
        e = len;
    } else if e < 0 {
        e = (e + len).max(0);
    }
    if a < 0 {
        a = (a + len).max(0);
    }
    if a > len {
        return Ok(None);
    }
    Ok(Some((a as usize, e.max(a) as usize)))
}

/// The `sub` argument of find/count/index: a buffer or an int byte value.
fn sub_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer(v) {
        return Ok(b);
    }
    if !super::has_index(vm, v) {
        let n = vm.type_name(v);
        return Err(vm.new_type_error(format!("argument should be integer or bytes-like object, not '{n}'")));
    }
    Ok(vec![byte_value(vm, v, "byte")?])
}

fn find_impl(vm: &mut Vm, a: &[Value], reverse: bool, raise: bool) -> PyResult<Value> {
    let hay = data(&a[0]);
    let needle = sub_arg(vm, &a[1])?;
    let found = match window(vm, hay.len(), &a[2], &a[3])? {
        None => None,
        Some((s, e)) if e - s < needle.len() => None,
        Some((s, e)) => {
            if reverse { rfind_sub(&hay[s..e], &needle).map(|p| p + s) } else { find_sub(&hay[..e], &needle, s) }
        }
    };
    match found {
        Some(p) => Ok(Value::Int(p as i64)),
        None if raise => Err(vm.new_value_error("subsection not found")),
        None => Ok(Value::Int(-1)),
    }
}

fn count(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let hay = data(&a[0]);
    let needle = sub_arg(vm, &a[1])?;
    let n = match window(vm, hay.len(), &a[2], &a[3])? {
        None => 0,
        Some((s, e)) => count_sub(&hay[s..e], &needle),
    };
    Ok(Value::Int(n as i64))
}

fn affix_match(vm: &mut Vm, a: &[Value], name: &str) -> PyResult<Value> {
    let hay = data(&a[0]);
    let candidates: Vec<Value> = match a[1].as_obj().and_then(|o| o.as_tuple()) {
        Some(t) => t.to_vec(),
        None => {
            if buffer(&a[1]).is_none() {
                let n = vm.type_name(&a[1]);
                return Err(vm.new_type_error(format!("{name} first arg must be bytes or a tuple of bytes, not {n}")));
            }
            vec![a[1].clone()]
        }
    };
    let Some((s, e)) = window(vm, hay.len(), &a[2], &a[3])? else {
        // Still type-check the candidates, as CPython does.
        for c in &candidates {
            buffer_arg(vm, c)?;
        }
        return Ok(Value::Bool(false));
    };
    let part = &hay[s..e];
    for c in &candidates {
        let x = buffer_arg(vm, c)?;
        let ok = if name == "startswith" { part.starts_with(&x) } else { part.ends_with(&x) };
        if ok {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

/// bytes.replace(old, new, count=-1).
fn replace(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let hay = data(&a[0]);
    let old = buffer_arg(vm, &a[1])?;
    let new = buffer_arg(vm, &a[2])?;
    let max = match crate::types::slice::index_clamped(vm, &a[3])? {
        Some(n) if n >= 0 => n as usize,
        Some(_) => usize::MAX,
        None => {
            let n = vm.type_name(&a[3]);
            return Err(vm.new_type_error(format!("'{n}' object cannot be interpreted as an integer")));
        }
    };
    let mut out = Vec::with_capacity(hay.len());
    let mut done = 0;
    if old.is_empty() {
        for &b in &hay {
            if done < max {
                out.extend_from_slice(&new);
                done += 1;
            }
            out.push(b);
        }
        if done < max {
            out.extend_from_slice(&new);
        }
        return Ok(new_like(vm, &a[0], out));
    }
    let mut i = 0;
    while done < max {
        let Some(p) = find_sub(&hay, &old, i) else { break };
        out.extend_from_slice(&hay[i..p]);
        out.extend_from_slice(&new);
        i = p + old.len();
        done += 1;
    }
    out.extend_from_slice(&hay[i..]);
    Ok(new_like(vm, &a[0], out))
}

fn partition(vm: &mut Vm, a: &[Value], reverse: bool) -> PyResult<Value> {
    let hay = data(&a[0]);
    let sep = buffer_arg(vm, &a[1])?;
    if sep.is_empty() {
        return Err(vm.new_value_error("empty separator"));
    }
    let found = if reverse { rfind_sub(&hay, &sep) } else { find_sub(&hay, &sep, 0) };
    let parts: [Vec<u8>; 3] = match found {
        Some(p) => [hay[..p].to_vec(), sep.clone(), hay[p + sep.len()..].to_vec()],
        None if reverse => [Vec::new(), Vec::new(), hay],
        None => [hay, Vec::new(), Vec::new()],
    };
    let items = parts.into_iter().map(|p| new_like(vm, &a[0], p)).collect();
    Ok(vm.new_tuple(items))
}

fn remove_affix(vm: &mut Vm, a: &[Value], prefix: bool) -> PyResult<Value> {
    let hay = data(&a[0]);
    let x = buffer_arg(vm, &a[1])?;
    let out = if prefix {
        hay.strip_prefix(x.as_slice()).unwrap_or(&hay).to_vec()
    } else {
        hay.strip_suffix(x.as_slice()).unwrap_or(&hay).to_vec()
    };
    Ok(new_like(vm, &a[0], out))
}
