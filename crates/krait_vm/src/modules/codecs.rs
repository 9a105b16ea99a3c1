//! The `_codecs` module and the codec core shared with `_io`: UTF-8, ASCII and Latin-1
//! encoding/decoding with the strict, ignore, replace, backslashreplace and
//! surrogateescape error handlers, plus the codec search-function registry
//! (`register`, `lookup`) that `codecs.py` builds on.

use super::util::{bytes_arg, new_bytes, new_module_with, set, str_arg};
use crate::object::{PyRef, Value};
use crate::types::methods::method;
use crate::vm::{PyErr, PyResult, Vm};

/// The codecs implemented natively.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    /// The codec for an encoding name (normalised as `encodings.normalize_encoding`).
    pub fn from_name(name: &str) -> Option<Codec> {
        let n = normalize(name);
        Some(match n.as_str() {
            "utf_8" | "utf8" | "u8" | "utf" | "cp65001" => Codec::Utf8,
            "ascii" | "us_ascii" | "646" => Codec::Ascii,
            "latin_1" | "latin1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819" | "l1" | "latin" => Codec::Latin1,
            _ => return None,
        })
    }

    /// The codec's canonical name (`CodecInfo.name`).
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "iso8859-1",
        }
    }

    fn short(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }
}

/// Lower-case, with spaces and hyphens as underscores.
pub fn normalize(name: &str) -> String {
    name.trim().to_ascii_lowercase().replace(['-', ' '], "_")
}

/// A codec from an `encoding` argument, or LookupError.
pub fn codec_arg(vm: &mut Vm, name: &str) -> PyResult<Codec> {
    Codec::from_name(name).ok_or_else(|| vm.new_lookup_error(format!("unknown encoding: {name}")))
}

fn decode_error(vm: &mut Vm, codec: Codec, data: &[u8], start: usize, end: usize, reason: &str) -> PyErr {
    let cls = vm.exc.unicode_decode_error.clone();
    let args = vec![vm.new_str(codec.short()), new_bytes(vm, data), Value::Int(start as i64), Value::Int(end as i64), vm.new_str(reason)];
    vm.new_exception(&cls, args)
}

fn encode_error(vm: &mut Vm, codec: Codec, text: &str, start: usize, reason: &str) -> PyErr {
    let cls = vm.exc.unicode_encode_error.clone();
    let args = vec![vm.new_str(codec.short()), vm.new_str(text), Value::Int(start as i64), Value::Int(start as i64 + 1), vm.new_str(reason)];
    vm.new_exception(&cls, args)
}

/// Decode `data`; the result and the number of bytes consumed (less than all when
/// `final_` is false and `data` ends inside a UTF-8 sequence).
pub fn decode(vm: &mut Vm, codec: Codec, errors: &str, data: &[u8], final_: bool) -> PyResult<(String, usize)> {
    let mut out = String::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let (bad_len, reason) = match codec {
            Codec::Latin1 => {
                out.extend(data[i..].iter().map(|&b| b as char));
                i = data.len();
                continue;
            }
            Codec::Ascii => match data[i..].iter().position(|&b| b >= 0x80) {
                None => {
                    out.extend(data[i..].iter().map(|&b| b as char));
                    i = data.len();
                    continue;
                }
                Some(p) => {
                    out.extend(data[i..i + p].iter().map(|&b| b as char));
                    i += p;
                    (1, "ordinal not in range(128)")
                }
            },
            Codec::Utf8 => match std::str::from_utf8(&data[i..]) {
                Ok(s) => {
                    out.push_str(s);
                    i = data.len();
                    continue;
                }
                Err(e) => {
                    let good = e.valid_up_to();
                    out.push_str(std::str::from_utf8(&data[i..i + good]).unwrap_or_default());
                    i += good;
                    match e.error_len() {
                        None if !final_ => return Ok((out, i)),
                        None => (data.len() - i, "unexpected end of data"),
                        Some(n) => (n, if data[i] >= 0x80 && data[i] < 0xc2 || data[i] > 0xf4 { "invalid start byte" } else { "invalid continuation byte" }),
                    }
                }
            },
        };
        match errors {
            "ignore" => {}
            "replace" => out.push('\u{fffd}'),
            "backslashreplace" => data[i..i + bad_len].iter().for_each(|b| out.push_str(&format!("\\x{b:02x}"))),
            "surrogateescape" => {
                // Lone surrogates cannot live in a Rust string: use the replacement character.
                out.extend(std::iter::repeat('\u{fffd}').take(bad_len));
            }
            "strict" => return Err(decode_error(vm, codec, data, i, i + bad_len, reason)),
            other => return Err(vm.new_lookup_error(format!("unknown error handler name '{other}'"))),
        }
        i += bad_len;
    }
    Ok((out, i))
}

/// Encode `text` with `codec` and error handler `errors`.
pub fn encode(vm: &mut Vm, codec: Codec, errors: &str, text: &str) -> PyResult<Vec<u8>> {
    let limit = match codec {
        Codec::Utf8 => return Ok(text.as_bytes().to_vec()),
        Codec::Ascii => 0x80,
        Codec::Latin1 => 0x100,
    };
    let mut out = Vec::with_capacity(text.len());
    for (pos, c) in text.chars().enumerate() {
        let cp = c as u32;
        if cp < limit {
            out.push(cp as u8);
            continue;
        }
        match errors {
            "ignore" => {}
            "replace" => out.push(b'?'),
            "backslashreplace" => {
                let esc = if cp < 0x100 { format!("\\x{cp:02x}") } else if cp < 0x10000 { format!("\\u{cp:04x}") } else { format!("\\U{cp:08x}") };
                out.extend_from_slice(esc.as_bytes());
            }
            "xmlcharrefreplace" => out.extend_from_slice(format!("&#{cp};").as_bytes()),
            "strict" | "surrogateescape" => return Err(encode_error(vm, codec, text, pos, &format!("ordinal not in range({limit})"))),
            other => return Err(vm.new_lookup_error(format!("unknown error handler name '{other}'"))),
        }
    }
    Ok(out)
}

/// An `errors` argument (None → "strict").
pub fn errors_arg(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if v.is_none() || v.is_null() {
        return Ok("strict".into());
    }
    str_arg(vm, v, "errors")
}

/// `<codec>_decode(data, errors=None, final=False)` → (str, consumed).
fn decode_fn(vm: &mut Vm, a: &[Value], codec: Codec) -> PyResult<Value> {
    let data = bytes_arg(vm, &a[0], "")?;
    let errors = errors_arg(vm, &a[1])?;
    let final_ = a[2].is_null() || vm.is_true(&a[2])?;
    let (s, n) = decode(vm, codec, &errors, &data, final_)?;
    let s = vm.new_str(&s);
    Ok(vm.new_tuple(vec![s, Value::Int(n as i64)]))
}

/// `<codec>_encode(str, errors=None)` → (bytes, length).
fn encode_fn(vm: &mut Vm, a: &[Value], codec: Codec) -> PyResult<Value> {
    let text = str_arg(vm, &a[0], "argument 1")?;
    let errors = errors_arg(vm, &a[1])?;
    let b = encode(vm, codec, &errors, &text)?;
    let b = new_bytes(vm, &b);
    Ok(vm.new_tuple(vec![b, Value::Int(text.chars().count() as i64)]))
}

/// The search functions registered with `register`, kept in the module as `_search`.
fn registry(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let m = super::builtin_module(vm, "_codecs").ok_or_else(|| vm.new_system_error("_codecs missing"))?;
    vm.get_attr_str(&Value::Obj(m), name)
}

// _PyCodec_Lookup
fn lookup(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let name = str_arg(vm, &a[0], "lookup() argument")?;
    let key = vm.new_str(&normalize(&name).replace(' ', "_"));
    let cache = registry(vm, "_cache")?;
    if let Ok(hit) = vm.get_item(&cache, &key) {
        return Ok(hit);
    }
    let search = registry(vm, "_search")?;
    for f in vm.collect(&search)? {
        let r = vm.call_positional(&f, &[key.clone()])?;
        if r.is_none() {
            continue;
        }
        if vm.len(&r).ok() != Some(4) {
            return Err(vm.new_type_error("codec search functions must return 4-tuples"));
        }
        vm.set_item(&cache, &key, r.clone())?;
        return Ok(r);
    }
    Err(vm.new_lookup_error(format!("unknown encoding: {name}")))
}

/// `_codecs.encode(obj, encoding='utf-8', errors='strict')` through the registry.
fn generic(vm: &mut Vm, a: &[Value], index: i64) -> PyResult<Value> {
    let enc = if a[1].is_null() { vm.new_str("utf-8") } else { a[1].clone() };
    let info = lookup(vm, &[enc])?;
    let f = vm.get_item(&info, &Value::Int(index))?;
    let errors = if a[2].is_null() { vm.new_str("strict") } else { a[2].clone() };
    let r = vm.call_positional(&f, &[a[0].clone(), errors])?;
    vm.get_item(&r, &Value::Int(0))
}

/// Build the `_codecs` module.
pub fn make_module(vm: &mut Vm) -> PyRef {
    let m = new_module_with(vm, "_codecs", &[
        method("register", "(search_function, /)", |vm, a| {
            let s = registry(vm, "_search")?;
            vm.call_method(&s, "append", &[a[0].clone()])?;
            Ok(Value::None)
        }),
        method("unregister", "(search_function, /)", |vm, a| {
            let s = registry(vm, "_search")?;
            if vm.contains(&s, &a[0])? {
                vm.call_method(&s, "remove", &[a[0].clone()])?;
            }
            Ok(Value::None)
        }),
        method("lookup", "(encoding, /)", lookup),
        method("encode", "(obj, encoding=?, errors=?)", |vm, a| generic(vm, a, 0)),
        method("decode", "(obj, encoding=?, errors=?)", |vm, a| generic(vm, a, 1)),
        method("utf_8_decode", "(data, errors=None, final=False, /)", |vm, a| decode_fn(vm, a, Codec::Utf8)),
        method("utf_8_encode", "(str, errors=None, /)", |vm, a| encode_fn(vm, a, Codec::Utf8)),
        method("ascii_decode", "(data, errors=None, /)", |vm, a| decode_fn(vm, &[a[0].clone(), a[1].clone(), Value::Null], Codec::Ascii)),
        method("ascii_encode", "(str, errors=None, /)", |vm, a| encode_fn(vm, a, Codec::Ascii)),
        method("latin_1_decode", "(data, errors=None, /)", |vm, a| decode_fn(vm, &[a[0].clone(), a[1].clone(), Value::Null], Codec::Latin1)),
        method("latin_1_encode", "(str, errors=None, /)", |vm, a| encode_fn(vm, a, Codec::Latin1)),
        method("lookup_error", "(name, /)", |vm, a| {
            let n = str_arg(vm, &a[0], "lookup_error() argument")?;
            Err(vm.new_lookup_error(format!("unknown error handler name '{n}'")))
        }),
        method("register_error", "(errors, handler, /)", |_, _| Ok(Value::None)),
        method("_forget_codec", "(encoding, /)", |vm, a| {
            let cache = registry(vm, "_cache")?;
            let key = vm.new_str(&normalize(&vm.str_of(&a[0])));
            let _ = vm.call_method(&cache, "pop", &[key, Value::None]);
            Ok(Value::None)
        }),
    ]);
    let search = vm.new_list(vec![]);
    set(vm, &m, "_search", search);
    let cache = vm.new_dict();
    set(vm, &m, "_cache", cache);
    m
}
