//! The `unicode_escape` and `raw_unicode_escape` codecs of `_codecs` (CPython's
//! `_PyUnicode_DecodeUnicodeEscapeInternal`, `PyUnicode_AsUnicodeEscapeString` and the raw
//! variants): backslash escapes over latin-1 text, surrogates included.

use super::codecs::errors_arg;
use super::util::str_arg;
use crate::object::Value;
use crate::types::bytes::{buffer_arg, new_bytes};
use crate::types::str_methods::repr::push_escape;
use crate::vm::{PyResult, Vm};
use krait_bytecode::surrogate;

/// A bad escape: where it starts and ends, and why.
struct Bad {
    start: usize,
    end: usize,
    reason: &'static str,
    /// It ends at the end of the data (an incremental decoder waits for more).
    incomplete: bool,
}

/// `n` hex digits of `data` from `at` as a code point, or where the digits stop.
fn hex_digits(data: &[u8], at: usize, n: usize) -> Result<u32, usize> {
    let mut v = 0u32;
    for i in at..at + n {
        match data.get(i).and_then(|&b| (b as char).to_digit(16)) {
            Some(d) => v = (v << 4) | d,
            None => return Err(i.min(data.len())),
        }
    }
    Ok(v)
}

/// One escape of unicode_escape at `data[at] == b'\\'`: the text it stands for and its end.
fn unicode_escape_at(data: &[u8], at: usize) -> Result<(Option<u32>, usize), Bad> {
    let bad = |end: usize, reason| Bad { start: at, end, reason, incomplete: end >= data.len() };
    let Some(&c) = data.get(at + 1) else { return Err(bad(data.len(), "\\ at end of string")) };
    let simple = match c {
        b'\n' => return Ok((None, at + 2)),
        b'\\' | b'\'' | b'"' => c,
        b'b' => 8,
        b'f' => 12,
        b't' => b'\t',
        b'n' => b'\n',
        b'r' => b'\r',
        b'v' => 11,
        b'a' => 7,
        b'0'..=b'7' => {
            let digits = data[at + 1..].iter().take(3).take_while(|b| (b'0'..=b'7').contains(b)).count();
            let v = data[at + 1..at + 1 + digits].iter().fold(0u32, |v, &b| v * 8 + u32::from(b - b'0'));
            return Ok((Some(v), at + 1 + digits));
        }
        b'x' | b'u' | b'U' => {
            let (n, reason) = match c {
                b'x' => (2, "truncated \\xXX escape"),
                b'u' => (4, "truncated \\uXXXX escape"),
                _ => (8, "truncated \\UXXXXXXXX escape"),
            };
            return match hex_digits(data, at + 2, n) {
                Ok(v) if v > 0x10ffff => Err(Bad { start: at, end: at + 2 + n, reason: "illegal Unicode character", incomplete: false }),
                Ok(v) => Ok((Some(v), at + 2 + n)),
                Err(stop) => Err(bad(stop, reason)),
            };
        }
        // Unknown escapes stay as they are (CPython also warns).
        _ => return Ok((Some(u32::from(b'\\')), at + 1)),
    };
    Ok((Some(u32::from(simple)), at + 2))
}

/// One `\uXXXX` / `\UXXXXXXXX` of raw_unicode_escape at `data[at] == b'\\'` after an even
/// number of backslashes, or `None` when the backslash is just a character.
fn raw_escape_at(data: &[u8], at: usize) -> Option<Result<(u32, usize), Bad>> {
    let c = *data.get(at + 1)?;
    let (n, reason) = match c {
        b'u' => (4, "truncated \\uXXXX escape"),
        b'U' => (8, "truncated \\UXXXXXXXX escape"),
        _ => return None,
    };
    Some(match hex_digits(data, at + 2, n) {
        Ok(v) if v > 0x10ffff => Err(Bad { start: at, end: at + 2 + n, reason: "\\Uxxxxxxxx out of range", incomplete: false }),
        Ok(v) => Ok((v, at + 2 + n)),
        Err(stop) => Err(Bad { start: at, end: stop, reason, incomplete: stop >= data.len() }),
    })
}

/// `unicode_escape_decode` / `raw_unicode_escape_decode(data, errors=None, final=True)`.
fn decode(vm: &mut Vm, a: &[Value], raw: bool) -> PyResult<Value> {
    // A str argument is decoded from its UTF-8 bytes ("s*"), as CPython does.
    let data = match a[0].as_obj().and_then(|o| o.as_str()) {
        Some(s) => s.as_str().as_bytes().to_vec(),
        None => buffer_arg(vm, &a[0])?,
    };
    let errors = errors_arg(vm, &a[1])?;
    let final_ = a[2].is_null() || vm.is_true(&a[2])?;
    let mut out = String::with_capacity(data.len());
    let mut pos = 0;
    let mut backslashes = 0usize;
    while pos < data.len() {
        let b = data[pos];
        if b != b'\\' || (raw && backslashes % 2 == 1) {
            backslashes = if b == b'\\' { backslashes + 1 } else { 0 };
            out.push(char::from(b));
            pos += 1;
            continue;
        }
        if !raw && data.get(pos + 1) == Some(&b'N') {
            return Err(vm.new_not_implemented_error("\\N{...} escapes in the unicode_escape codec are not supported"));
        }
        let step = if raw {
            match raw_escape_at(&data, pos) {
                None => {
                    backslashes += 1;
                    out.push('\\');
                    pos += 1;
                    continue;
                }
                Some(r) => r.map(|(v, end)| (Some(v), end)),
            }
        } else {
            unicode_escape_at(&data, pos)
        };
        backslashes = 0;
        match step {
            Ok((v, end)) => {
                if let Some(v) = v {
                    out.push(crate::types::str::char_of(vm, v)?);
                }
                pos = end;
            }
            Err(bad) if bad.incomplete && !final_ => break,
            Err(bad) => {
                match errors.as_str() {
                    "strict" => {
                        let cls = vm.exc.unicode_decode_error.clone();
                        let name = vm.new_str(if raw { "rawunicodeescape" } else { "unicodeescape" });
                        let obj = new_bytes(vm, data.clone());
                        let reason = vm.new_str(bad.reason);
                        return Err(vm.new_exception(&cls, vec![name, obj, Value::Int(bad.start as i64), Value::Int(bad.end as i64), reason]));
                    }
                    "ignore" => {}
                    "replace" => out.push('\u{fffd}'),
                    "backslashreplace" => data[bad.start..bad.end].iter().for_each(|b| push_escape(&mut out, u32::from(*b))),
                    _ => return Err(vm.new_lookup_error(format!("unknown error handler name '{errors}'"))),
                }
                pos = bad.end;
            }
        }
    }
    let s = vm.new_str(&out);
    Ok(vm.new_tuple(vec![s, Value::Int(pos as i64)]))
}

/// `unicode_escape_encode` / `raw_unicode_escape_encode(str, errors=None)`.
fn encode(vm: &mut Vm, a: &[Value], raw: bool) -> PyResult<Value> {
    let text = str_arg(vm, &a[0], "argument 1")?;
    let mut out = String::with_capacity(text.len());
    let mut n = 0;
    for c in text.chars() {
        n += 1;
        let cp = surrogate::code_point(c);
        match c {
            _ if raw && cp < 0x100 => out.push(c),
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            ' '..='~' => out.push(c),
            _ => push_escape(&mut out, cp),
        }
    }
    // Every character left is below 0x100: one latin-1 byte each.
    let bytes: Vec<u8> = out.chars().map(|c| c as u32 as u8).collect();
    let b = new_bytes(vm, bytes);
    Ok(vm.new_tuple(vec![b, Value::Int(n)]))
}

pub const METHODS: &[crate::types::methods::MethodDef] = &[
    crate::types::methods::method("unicode_escape_decode", "(data, errors=None, final=True, /)", |vm, a| decode(vm, a, false)),
    crate::types::methods::method("raw_unicode_escape_decode", "(data, errors=None, final=True, /)", |vm, a| decode(vm, a, true)),
    crate::types::methods::method("unicode_escape_encode", "(str, errors=None, /)", |vm, a| encode(vm, a, false)),
    crate::types::methods::method("raw_unicode_escape_encode", "(str, errors=None, /)", |vm, a| encode(vm, a, true)),
];
