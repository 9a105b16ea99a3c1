//! Splitting, joining, stripping and padding str: split/rsplit/splitlines/join,
//! strip/lstrip/rstrip, center/ljust/rjust/zfill, expandtabs.

use super::text;
use crate::object::Value;
use crate::types::methods::{method, MethodDef};
use crate::vm::{PyResult, Vm};
use krait_format::unicode::is_space;

pub const METHODS: &[MethodDef] = &[
    method("split", "(self, /, sep=None, maxsplit=-1)", |vm, a| split(vm, a, false)),
    method("rsplit", "(self, /, sep=None, maxsplit=-1)", |vm, a| split(vm, a, true)),
    method("splitlines", "(self, /, keepends=False)", splitlines),
    method("join", "(self, iterable, /)", join),
    method("strip", "(self, chars=None, /)", |vm, a| strip(vm, a, true, true)),
    method("lstrip", "(self, chars=None, /)", |vm, a| strip(vm, a, true, false)),
    method("rstrip", "(self, chars=None, /)", |vm, a| strip(vm, a, false, true)),
    method("center", "(self, width, fillchar=' ', /)", |vm, a| pad(vm, a, 'c')),
    method("ljust", "(self, width, fillchar=' ', /)", |vm, a| pad(vm, a, 'l')),
    method("rjust", "(self, width, fillchar=' ', /)", |vm, a| pad(vm, a, 'r')),
    method("zfill", "(self, width, /)", zfill),
    method("expandtabs", "(self, /, tabsize=8)", expandtabs),
];

fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match crate::types::slice::index_exact(vm, v)? {
        Some(i) => Ok(i),
        None => {
            let n = vm.type_name(v);
            Err(vm.new_type_error(format!("'{n}' object cannot be interpreted as an integer")))
        }
    }
}

fn split(vm: &mut Vm, a: &[Value], rev: bool) -> PyResult<Value> {
    let s = text(&a[0]);
    let max = int_arg(vm, &a[2])?;
    let max = if max < 0 { usize::MAX } else { max as usize };
    let parts: Vec<&str> = if a[1].is_none() {
        split_whitespace(s, max, rev)
    } else {
        let Some(sep) = super::pystr(&a[1]).map(|p| p.as_str()) else {
            let n = vm.type_name(&a[1]);
            return Err(vm.new_type_error(format!("must be str or None, not {n}")));
        };
        if sep.is_empty() {
            return Err(vm.new_value_error("empty separator"));
        }
        super::needle::split(s, sep, max, rev)
    };
    let items = parts.into_iter().map(|p| vm.new_str(p)).collect();
    Ok(vm.new_list(items))
}

/// split()/rsplit() with no separator: runs of whitespace, leading/trailing ignored.
fn split_whitespace(s: &str, max: usize, rev: bool) -> Vec<&str> {
    let mut out = Vec::new();
    if rev {
        let mut rest = s.trim_end_matches(is_space);
        while !rest.is_empty() {
            if out.len() == max {
                out.push(rest);
                break;
            }
            match rest.rfind(is_space) {
                Some(i) => {
                    let c = rest[i..].chars().next().map_or(1, char::len_utf8);
                    out.push(&rest[i + c..]);
                    rest = rest[..i].trim_end_matches(is_space);
                }
                None => {
                    out.push(rest);
                    break;
                }
            }
        }
        out.reverse();
    } else {
        let mut rest = s.trim_start_matches(is_space);
        while !rest.is_empty() {
            if out.len() == max {
                out.push(rest);
                break;
            }
            match rest.find(is_space) {
                Some(i) => {
                    out.push(&rest[..i]);
                    rest = rest[i..].trim_start_matches(is_space);
                }
                None => {
                    out.push(rest);
                    break;
                }
            }
        }
    }
    out
}

/// Line boundaries recognised by str.splitlines.
fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

fn splitlines(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let s = text(&a[0]);
    let keep = vm.is_true(&a[1])?;
    let mut items = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !is_line_break(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' && it.peek().is_some_and(|&(_, n)| n == '\n') {
            it.next();
            end += 1;
        }
        items.push(vm.new_str(if keep { &s[start..end] } else { &s[start..i] }));
        start = end;
    }
    if start < s.len() {
        items.push(vm.new_str(&s[start..]));
    }
    Ok(vm.new_list(items))
}

fn join(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let sep = text(&a[0]);
    let items = vm.collect(&a[1])?;
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        let Some(p) = super::pystr(it) else {
            let n = vm.type_name(it);
            return Err(vm.new_type_error(format!("sequence item {i}: expected str instance, {n} found")));
        };
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(p.as_str());
    }
    Ok(vm.new_str(&out))
}

fn strip(vm: &mut Vm, a: &[Value], left: bool, right: bool) -> PyResult<Value> {
    let s = text(&a[0]);
    let r = if a[1].is_none() {
        let t = if left { s.trim_start_matches(is_space) } else { s };
        if right { t.trim_end_matches(is_space) } else { t }
    } else {
        let Some(chars) = super::pystr(&a[1]) else {
            let n = vm.type_name(&a[1]);
            let name = match (left, right) {
                (true, true) => "strip",
                (true, false) => "lstrip",
                _ => "rstrip",
            };
            return Err(vm.new_type_error(format!("{name} arg must be None or str, not {n}")));
        };
        let set: Vec<char> = chars.as_str().chars().collect();
        let t = if left { s.trim_start_matches(set.as_slice()) } else { s };
        if right { t.trim_end_matches(set.as_slice()) } else { t }
    };
    Ok(vm.new_str(r))
}

fn pad(vm: &mut Vm, a: &[Value], how: char) -> PyResult<Value> {
    let s = text(&a[0]);
    let width = int_arg(vm, &a[1])?;
    let fill = match super::pystr(&a[2]) {
        Some(f) if f.char_len() == 1 => f.as_str().chars().next().unwrap_or(' '),
        Some(_) => return Err(vm.new_type_error("The fill character must be exactly one character long")),
        None => {
            let n = vm.type_name(&a[2]);
            return Err(vm.new_type_error(format!("The fill character must be a unicode character, not {n}")));
        }
    };
    let len = s.chars().count() as i64;
    if width <= len {
        return Ok(vm.new_str(s));
    }
    let total = (width - len) as usize;
    let (l, r) = match how {
        'l' => (0, total),
        'r' => (total, 0),
        // CPython's pad(): the extra space goes left when both total and width are odd.
        _ => {
            let left = total / 2 + (total & width as usize & 1);
            (left, total - left)
        }
    };
    let mut out = String::with_capacity(s.len() + total);
    out.extend(std::iter::repeat_n(fill, l));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, r));
    Ok(vm.new_str(&out))
}

fn zfill(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let s = text(&a[0]);
    let width = int_arg(vm, &a[1])?;
    let len = s.chars().count() as i64;
    if width <= len {
        return Ok(vm.new_str(s));
    }
    let zeros = "0".repeat((width - len) as usize);
    let out = match s.chars().next() {
        Some(c @ ('+' | '-')) => format!("{c}{zeros}{}", &s[1..]),
        _ => format!("{zeros}{s}"),
    };
    Ok(vm.new_str(&out))
}

fn expandtabs(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let s = text(&a[0]);
    let tab = int_arg(vm, &a[1])?;
    let mut out = String::with_capacity(s.len());
    let mut col: i64 = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                if tab > 0 {
                    let n = tab - col % tab;
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            c => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(vm.new_str(&out))
}
