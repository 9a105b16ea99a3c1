//! bytes/bytearray case changes and padding: upper, lower, capitalize, title, swapcase,
//! center, ljust, rjust, zfill, expandtabs.

use super::{data, new_like, with_data};
use crate::object::Value;
use crate::types::methods::{method, MethodDef};
use crate::vm::{PyResult, Vm};

pub const METHODS: &[MethodDef] = &[
    method("upper", "(self, /)", |vm, a| map(vm, a, |d| d.to_ascii_uppercase())),
    method("lower", "(self, /)", |vm, a| map(vm, a, |d| d.to_ascii_lowercase())),
    method("swapcase", "(self, /)", |vm, a| map(vm, a, |d| d.iter().map(|&b| if b.is_ascii_lowercase() { b.to_ascii_uppercase() } else { b.to_ascii_lowercase() }).collect())),
    method("capitalize", "(self, /)", |vm, a| {
        map(vm, a, |d| d.iter().enumerate().map(|(i, &b)| if i == 0 { b.to_ascii_uppercase() } else { b.to_ascii_lowercase() }).collect())
    }),
    method("title", "(self, /)", |vm, a| map(vm, a, title)),
    method("center", "(self, width, fillchar=?, /)", |vm, a| pad(vm, a, "center")),
    method("ljust", "(self, width, fillchar=?, /)", |vm, a| pad(vm, a, "ljust")),
    method("rjust", "(self, width, fillchar=?, /)", |vm, a| pad(vm, a, "rjust")),
    method("zfill", "(self, width, /)", zfill),
    method("expandtabs", "(self, /, tabsize=8)", expandtabs),
];

fn map(vm: &mut Vm, a: &[Value], f: impl FnOnce(&[u8]) -> Vec<u8>) -> PyResult<Value> {
    let out = with_data(&a[0], f).unwrap_or_default();
    Ok(new_like(vm, &a[0], out))
}

/// bytes.title: a letter after a cased letter is lowered, else uppered.
fn title(d: &[u8]) -> Vec<u8> {
    let mut prev_cased = false;
    d.iter()
        .map(|&b| {
            let r = if prev_cased { b.to_ascii_lowercase() } else { b.to_ascii_uppercase() };
            prev_cased = b.is_ascii_alphabetic();
            r
        })
        .collect()
}

fn width_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match crate::types::slice::index_exact(vm, v) {
        Ok(Some(n)) => Ok(n),
        Ok(None) => {
            let n = vm.type_name(v);
            Err(vm.new_type_error(format!("'{n}' object cannot be interpreted as an integer")))
        }
        Err(_) => Err(vm.new_overflow_error("Python int too large to convert to C ssize_t")),
    }
}

/// `d` padded to `width` with `left` and `right` fill bytes.
fn padded(d: &[u8], left: usize, right: usize, fill: u8) -> Vec<u8> {
    let mut out = Vec::with_capacity(d.len() + left + right);
    out.resize(left, fill);
    out.extend_from_slice(d);
    out.resize(out.len() + right, fill);
    out
}

fn pad(vm: &mut Vm, a: &[Value], name: &str) -> PyResult<Value> {
    let width = width_arg(vm, &a[1])?;
    let fill = if a[2].is_null() { Some(b' ') } else { with_data(&a[2], |f| (f.len() == 1).then(|| f[0])).flatten() };
    let Some(fill) = fill else {
        let n = vm.type_name(&a[2]);
        return Err(vm.new_type_error(format!("{name}() argument 2 must be a byte string of length 1, not {n}")));
    };
    let d = data(&a[0]);
    if width <= d.len() as i64 {
        return Ok(new_like(vm, &a[0], d));
    }
    if width >= 1 << 40 {
        return Err(vm.new_memory_error(""));
    }
    let total = width as usize - d.len();
    let (l, r) = match name {
        "ljust" => (0, total),
        "rjust" => (total, 0),
        // CPython's pad(): the extra byte goes left when both the total and width are odd.
        _ => {
            let l = total / 2 + (total & width as usize & 1);
            (l, total - l)
        }
    };
    Ok(new_like(vm, &a[0], padded(&d, l, r, fill)))
}

fn zfill(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let width = width_arg(vm, &a[1])?;
    let d = data(&a[0]);
    if width <= d.len() as i64 {
        return Ok(new_like(vm, &a[0], d));
    }
    if width >= 1 << 40 {
        return Err(vm.new_memory_error(""));
    }
    let fill = width as usize - d.len();
    let mut out = padded(&d, fill, 0, b'0');
    if let Some(&sign @ (b'+' | b'-')) = d.first() {
        out[0] = sign;
        out[fill] = b'0';
    }
    Ok(new_like(vm, &a[0], out))
}

fn expandtabs(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let tab = width_arg(vm, &a[1])?;
    let d = data(&a[0]);
    let mut out = Vec::with_capacity(d.len());
    let mut col: usize = 0;
    for &b in &d {
        match b {
            b'\t' => {
                if tab > 0 {
                    let n = tab as usize - col % tab as usize;
                    if out.len() + n >= 1 << 40 {
                        return Err(vm.new_overflow_error("result too long"));
                    }
                    out.resize(out.len() + n, b' ');
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(b);
                col = 0;
            }
            _ => {
                out.push(b);
                col += 1;
            }
        }
    }
    Ok(new_like(vm, &a[0], out))
}
