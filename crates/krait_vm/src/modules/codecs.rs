//! The `_codecs` module: the native codecs' functions (`utf_8_decode`, ...) over the codec
//! core in `types::bytes::codec`, and the codec search-function registry (`register`,
//! `lookup`) that `codecs.py` builds on.

use super::util::{new_module_with, set, str_arg};
use crate::types::bytes::codec::{decode_with, encode_with, Codec};
use crate::types::bytes::{buffer_arg, new_bytes};
use crate::object::{PyRef, Value};
use crate::types::methods::method;
use crate::vm::{PyResult, Vm};

/// Lower-case, with spaces and hyphens as underscores (the registry's cache key).
pub fn normalize(name: &str) -> String {
    name.trim().to_ascii_lowercase().replace(['-', ' '], "_")
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
    let data = buffer_arg(vm, &a[0])?;
    let errors = errors_arg(vm, &a[1])?;
    let final_ = a[2].is_null() || vm.is_true(&a[2])?;
    let (s, n) = decode_with(vm, codec, &data, &errors, final_)?;
    let s = vm.new_str(&s);
    Ok(vm.new_tuple(vec![s, Value::Int(n as i64)]))
}

/// `<codec>_encode(str, errors=None)` → (bytes, length).
fn encode_fn(vm: &mut Vm, a: &[Value], codec: Codec) -> PyResult<Value> {
    let text = str_arg(vm, &a[0], "argument 1")?;
    let errors = errors_arg(vm, &a[1])?;
    let b = encode_with(vm, codec, &text, &errors)?;
    let b = new_bytes(vm, b);
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
    let mut search = registry(vm, "_search")?;
    if vm.len(&search)? == 0 {
        // As CPython's codec registry does on first use: `encodings` registers its search
        // function when imported.
        crate::import::import_absolute(vm, "encodings")?;
        search = registry(vm, "_search")?;
    }
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

/// Encode (`index` 0) or decode (1) `obj` with the text codec the registry finds for
/// `encoding` (the codecs written in Python, e.g. cp437): the codec's result
/// (_PyCodec_LookupTextEncoding, then the codec call).
pub fn via_registry(vm: &mut Vm, encoding: &str, index: i64, obj: Value, errors: &str) -> PyResult<Value> {
    let enc = vm.new_str(encoding);
    let info = lookup(vm, &[enc])?;
    if let Ok(flag) = vm.get_attr_str(&info, "_is_text_encoding") {
        if !vm.is_true(&flag)? {
            let how = if index == 0 { "encode" } else { "decode" };
            return Err(vm.new_lookup_error(format!("'{encoding}' is not a text encoding; use codecs.{how}() to handle arbitrary codecs")));
        }
    }
    let f = vm.get_item(&info, &Value::Int(index))?;
    let errors = vm.new_str(errors);
    let r = vm.call_positional(&f, &[obj, errors])?;
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
        method("charmap_decode", "(data, errors=None, mapping=None, /)", super::charmap::charmap_decode),
        method("charmap_encode", "(str, errors=None, mapping=None, /)", super::charmap::charmap_encode),
        method("charmap_build", "(map, /)", super::charmap::charmap_build),
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
    super::util::add_functions(vm, &m, "_codecs", super::escape_codecs::METHODS);
    super::util::add_functions(vm, &m, "_codecs", super::bytes_escape::METHODS);
    let search = vm.new_list(vec![]);
    set(vm, &m, "_search", search);
    let cache = vm.new_dict();
    set(vm, &m, "_cache", cache);
    m
}
