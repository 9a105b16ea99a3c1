//! The builtin exception subclasses with their own fields and `str()`: StopIteration,
//! SystemExit, KeyError, ImportError, AttributeError, NameError and the UnicodeError
//! family (CPython's Objects/exceptions.c).

use super::base::{exc_str, set_args};
use crate::types::getset::GetSetDef;
use super::data;
use crate::object::{Args, PyRef, Value};
use crate::types::methods::method;
use crate::vm::{PyResult, Vm};

/// The keyword arguments of a call as (name, value) pairs.
pub fn split_kwargs(vm: &Vm, args: Args<'_>) -> Vec<(String, Value)> {
    args.kwnames.iter().zip(args.kwvalues()).map(|(k, v)| (vm.str_of(k).to_string(), v.clone())).collect()
}

/// The items of a `**kwargs` dict (or Null) as (name, value) pairs.
pub fn dict_kwargs(vm: &Vm, kwargs: &Value) -> Vec<(String, Value)> {
    kwargs
        .as_obj()
        .and_then(|d| d.as_dict())
        .map(|t| t.borrow().iter().map(|(_, e)| (vm.str_of(&e.key).to_string(), e.value.clone())).collect())
        .unwrap_or_default()
}

/// Declares an init slot and an `__init__` method running the same body
/// `fn(vm, self, positional args, keyword (name, value) pairs)`.
macro_rules! init_pair {
    ($slot:ident, $meth:ident, $body:path) => {
        fn $slot(vm: &mut Vm, obj: &Value, args: $crate::object::Args<'_>) -> PyResult<()> {
            let kw = $crate::exceptions::subclasses::split_kwargs(vm, args);
            $body(vm, obj, args.pos(), &kw)
        }
        fn $meth(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
            let pos = vm.collect(&a[1])?;
            let kw = $crate::exceptions::subclasses::dict_kwargs(vm, &a[2]);
            $body(vm, &a[0], &pos, &kw)?;
            Ok(Value::None)
        }
    };
}
pub(crate) use init_pair;

/// A str slot and the `__str__` method calling the same function.
pub type StrPair = (fn(&mut Vm, &Value) -> PyResult<Value>, crate::types::native::NativeFn);

/// The [`StrPair`] for a str function.
macro_rules! str_pair {
    ($f:path) => {
        ($f, |vm: &mut Vm, a: &[Value]| $f(vm, &a[0]))
    };
}
pub(crate) use str_pair;

/// Install `init` (slot and `__init__`), `str` (slot and `__str__`) and attributes on `ty`.
pub fn install(vm: &mut Vm, ty: &PyRef, owner: &'static str, init: Option<(crate::object::InitFn, crate::types::native::NativeFn)>, str_: Option<StrPair>, attrs: &[GetSetDef]) {
    if let Some(t) = ty.as_type() {
        let mut s = t.slots.borrow_mut();
        if let Some((slot, _)) = init {
            s.init = Some(slot);
        }
        if let Some((f, _)) = str_ {
            s.str = Some(f);
        }
    }
    if let Some((_, meth)) = init {
        vm.add_methods(ty, owner, &[method("__init__", "(self, /, *args, **kwargs)", meth)]);
    }
    if let Some((_, meth)) = str_ {
        vm.add_methods(ty, owner, &[method("__str__", "(self, /)", meth)]);
    }
    vm.add_getsets(ty, attrs);
}

pub fn init(vm: &mut Vm) {
    let e = |vm: &Vm, f: fn(&crate::exceptions::ExcTypes) -> &PyRef| f(&vm.exc).clone();
    let t = e(vm, |x| &x.stop_iteration);
    install(vm, &t, "StopIteration", Some((stop_iteration_slot, stop_iteration_meth)), None, &[GetSetDef::field("value")]);
    let t = e(vm, |x| &x.system_exit);
    install(vm, &t, "SystemExit", Some((system_exit_slot, system_exit_meth)), None, &[GetSetDef::field("code")]);
    let t = e(vm, |x| &x.key_error);
    install(vm, &t, "KeyError", None, Some(str_pair!(key_error_str)), &[]);
    let t = e(vm, |x| &x.import_error);
    install(vm, &t, "ImportError", Some((import_error_slot, import_error_meth)), Some(str_pair!(import_error_str)), &[GetSetDef::field("msg"), GetSetDef::field("name"), GetSetDef::field("path")]);
    let t = e(vm, |x| &x.attribute_error);
    install(vm, &t, "AttributeError", Some((attribute_error_slot, attribute_error_meth)), None, &[GetSetDef::field("name"), GetSetDef::field("obj")]);
    let t = e(vm, |x| &x.name_error);
    install(vm, &t, "NameError", Some((name_error_slot, name_error_meth)), None, &[GetSetDef::field("name")]);
    let unicode_fields = [GetSetDef::field("encoding"), GetSetDef::field("object"), GetSetDef::field("start"), GetSetDef::field("end"), GetSetDef::field("reason")];
    let t = e(vm, |x| &x.unicode_decode_error);
    install(vm, &t, "UnicodeDecodeError", Some((unicode_decode_slot, unicode_decode_meth)), Some(str_pair!(unicode_decode_str)), &unicode_fields);
    let t = e(vm, |x| &x.unicode_encode_error);
    install(vm, &t, "UnicodeEncodeError", Some((unicode_encode_slot, unicode_encode_meth)), Some(str_pair!(unicode_encode_str)), &unicode_fields);
    let t = e(vm, |x| &x.unicode_translate_error);
    install(vm, &t, "UnicodeTranslateError", Some((unicode_translate_slot, unicode_translate_meth)), Some(str_pair!(unicode_translate_str)), &unicode_fields);
}

/// BaseException_init's rule: no keyword arguments, then `args` = the positionals.
pub fn base_init(vm: &mut Vm, obj: &Value, pos: &[Value], kw: &[(String, Value)]) -> PyResult<()> {
    if !kw.is_empty() {
        let name = vm.type_name(obj);
        return Err(vm.new_type_error(format!("{name}() takes no keyword arguments")));
    }
    set_args(vm, obj, pos.to_vec());
    Ok(())
}

fn set(obj: &Value, name: &'static str, v: Value) {
    if let Some(d) = data(obj) {
        d.set_field(name, v);
    }
}

fn get(obj: &Value, name: &str) -> Value {
    data(obj).map(|d| d.field(name)).unwrap_or(Value::None)
}

/// Keyword arguments restricted to `allowed` (keyword-only parameters of `func`).
fn keyword_only(vm: &mut Vm, kw: &[(String, Value)], allowed: &[&'static str], func: &str) -> PyResult<Vec<(&'static str, Value)>> {
    let mut out = Vec::new();
    for (k, v) in kw {
        match allowed.iter().find(|a| **a == k.as_str()) {
            Some(a) => out.push((*a, v.clone())),
            None => return Err(vm.new_type_error(format!("'{k}' is an invalid keyword argument for {func}()"))),
        }
    }
    Ok(out)
}

// StopIteration_init
fn stop_iteration_init(vm: &mut Vm, obj: &Value, pos: &[Value], kw: &[(String, Value)]) -> PyResult<()> {
    base_init(vm, obj, pos, kw)?;
    set(obj, "value", pos.first().cloned().unwrap_or(Value::None));
    Ok(())
}
init_pair!(stop_iteration_slot, stop_iteration_meth, stop_iteration_init);

// SystemExit_init
fn system_exit_init(vm: &mut Vm, obj: &Value, pos: &[Value], kw: &[(String, Value)]) -> PyResult<()> {
    base_init(vm, obj, pos, kw)?;
    let code = match pos.len() {
        0 => Value::None,
        1 => pos[0].clone(),
        _ => vm.new_tuple(pos.to_vec()),
    };
    set(obj, "code", code);
    Ok(())
}
init_pair!(system_exit_slot, system_exit_meth, system_exit_init);

// KeyError_str: the repr of a single key.
fn key_error_str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let args = data(v).map(|d| d.args_vec()).unwrap_or_default();
    if args.len() == 1 {
        return Ok(Value::Obj(vm.repr(&args[0])?));
    }
    exc_str(vm, v)
}

// ImportError_init
fn import_error_init(vm: &mut Vm, obj: &Value, pos: &[Value], kw: &[(String, Value)]) -> PyResult<()> {
    let kws = keyword_only(vm, kw, &["name", "path"], "ImportError")?;
    set_args(vm, obj, pos.to_vec());
    set(obj, "msg", if pos.len() == 1 { pos[0].clone() } else { Value::None });
    set(obj, "name", Value::None);
    set(obj, "path", Value::None);
    for (k, v) in kws {
        set(obj, k, v);
    }
    Ok(())
}
init_pair!(import_error_slot, import_error_meth, import_error_init);

// ImportError_str: `msg` when it is a str.
fn import_error_str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let msg = get(v, "msg");
    if msg.as_obj().is_some_and(|o| o.as_str().is_some()) {
        return Ok(msg);
    }
    exc_str(vm, v)
}

// AttributeError_init
fn attribute_error_init(vm: &mut Vm, obj: &Value, pos: &[Value], kw: &[(String, Value)]) -> PyResult<()> {
    let kws = keyword_only(vm, kw, &["name", "obj"], "AttributeError")?;
    set_args(vm, obj, pos.to_vec());
    for (k, v) in kws {
        set(obj, k, v);
    }
    Ok(())
}
init_pair!(attribute_error_slot, attribute_error_meth, attribute_error_init);

// NameError_init
fn name_error_init(vm: &mut Vm, obj: &Value, pos: &[Value], kw: &[(String, Value)]) -> PyResult<()> {
    let kws = keyword_only(vm, kw, &["name"], "NameError")?;
    set_args(vm, obj, pos.to_vec());
    for (k, v) in kws {
        set(obj, k, v);
    }
    Ok(())
}
init_pair!(name_error_slot, name_error_meth, name_error_init);

/// Parse the UnicodeError constructor arguments: `n` positionals (str, object, int,
/// int[, str]) as CPython's `PyArg_ParseTuple` formats "UOnnU" / "OnnU".
fn unicode_init(vm: &mut Vm, obj: &Value, pos: &[Value], kw: &[(String, Value)], with_encoding: bool) -> PyResult<()> {
    base_init(vm, obj, pos, kw)?;
    let n = if with_encoding { 5 } else { 4 };
    if pos.len() != n {
        return Err(vm.new_type_error(format!("function takes exactly {n} arguments ({} given)", pos.len())));
    }
    let names: &[&'static str] = if with_encoding { &["encoding", "object", "start", "end", "reason"] } else { &["object", "start", "end", "reason"] };
    for (name, v) in names.iter().zip(pos) {
        let ok = match *name {
            "encoding" | "reason" => v.as_obj().is_some_and(|o| o.as_str().is_some()),
            "start" | "end" => matches!(v, Value::Int(_) | Value::Bool(_)),
            _ => true,
        };
        if !ok {
            let want = if matches!(*name, "start" | "end") { "an integer" } else { "str" };
            let n = vm.type_name(v);
            return Err(vm.new_type_error(format!("argument must be {want}, not {n}")));
        }
        set(obj, name, v.clone());
    }
    Ok(())
}

fn unicode_decode_init(vm: &mut Vm, obj: &Value, pos: &[Value], kw: &[(String, Value)]) -> PyResult<()> {
    unicode_init(vm, obj, pos, kw, true)
}
init_pair!(unicode_decode_slot, unicode_decode_meth, unicode_decode_init);

fn unicode_encode_init(vm: &mut Vm, obj: &Value, pos: &[Value], kw: &[(String, Value)]) -> PyResult<()> {
    unicode_init(vm, obj, pos, kw, true)
}
init_pair!(unicode_encode_slot, unicode_encode_meth, unicode_encode_init);

fn unicode_translate_init(vm: &mut Vm, obj: &Value, pos: &[Value], kw: &[(String, Value)]) -> PyResult<()> {
    unicode_init(vm, obj, pos, kw, false)
}
init_pair!(unicode_translate_slot, unicode_translate_meth, unicode_translate_init);

/// (encoding, object, start, end, reason) for str(); None when the fields are unset.
fn unicode_parts(vm: &mut Vm, v: &Value) -> Option<(String, Value, i64, i64, String)> {
    let object = get(v, "object");
    let (Value::Int(start), Value::Int(end)) = (get(v, "start"), get(v, "end")) else { return None };
    let reason = get(v, "reason");
    if reason.is_none() {
        return None;
    }
    let enc = get(v, "encoding");
    let enc = if enc.is_none() { String::new() } else { vm.str_of(&enc).to_string() };
    Some((enc, object, start, end, vm.str_of(&reason).to_string()))
}

// UnicodeDecodeError_str
fn unicode_decode_str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some((enc, object, start, end, reason)) = unicode_parts(vm, v) else { return Ok(vm.new_str("")) };
    let bytes: Vec<u8> = match object.as_obj().map(|o| &o.payload) {
        Some(crate::object::Payload::Bytes(b)) => b.to_vec(),
        Some(crate::object::Payload::ByteArray(b)) => b.borrow().clone(),
        _ => Vec::new(),
    };
    let text = if start >= 0 && (start as usize) < bytes.len() && end == start + 1 {
        format!("'{enc}' codec can't decode byte 0x{:02x} in position {start}: {reason}", bytes[start as usize])
    } else {
        format!("'{enc}' codec can't decode bytes in position {start}-{}: {reason}", end - 1)
    };
    Ok(vm.new_str(&text))
}

/// `'\xNN'`, `'\uNNNN'` or `'\UNNNNNNNN'` for one character, as the encode and
/// translate messages show it.
fn char_escape(c: char) -> String {
    let mut out = String::new();
    crate::types::str_methods::repr::push_escape(&mut out, krait_bytecode::surrogate::code_point(c));
    out
}

fn unicode_char_message(vm: &mut Vm, v: &Value, verb: &str, with_encoding: bool) -> PyResult<Value> {
    let Some((enc, object, start, end, reason)) = unicode_parts(vm, v) else { return Ok(vm.new_str("")) };
    let chars: Vec<char> = object.as_obj().and_then(|o| o.as_str()).map(|s| s.as_str().chars().collect()).unwrap_or_default();
    let prefix = if with_encoding { format!("'{enc}' codec can't {verb}") } else { format!("can't {verb}") };
    let text = if start >= 0 && (start as usize) < chars.len() && end == start + 1 {
        format!("{prefix} character '{}' in position {start}: {reason}", char_escape(chars[start as usize]))
    } else {
        format!("{prefix} characters in position {start}-{}: {reason}", end - 1)
    };
    Ok(vm.new_str(&text))
}

// UnicodeEncodeError_str
fn unicode_encode_str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    unicode_char_message(vm, v, "encode", true)
}

// UnicodeTranslateError_str
fn unicode_translate_str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    unicode_char_message(vm, v, "translate", false)
}
