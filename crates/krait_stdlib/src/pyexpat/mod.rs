//! The `pyexpat` module (CPython's Modules/pyexpat.c over libexpat): `ParserCreate`,
//! the `xmlparser` type, `ExpatError`, `ErrorString`, the `errors` and `model`
//! submodules and expat's version and feature constants. The XML parser itself is
//! written here (`core` and the tokenizers) to behave as expat 2.5 does.

mod content;
mod core;
mod dispatch;
mod dtd;
mod encoding;
mod errors;
mod event;
mod prolog;
mod scan;
mod xmlparser;

use crate::util::{self, new_module, set};
use krait_vm::object::{PyRef, Value};
use krait_vm::types::methods::method;
use krait_vm::{PyErr, PyResult, Vm};

/// Build the `pyexpat` module.
pub fn make_module(vm: &mut Vm) -> PyRef {
    let (m, d) = new_module(vm, "pyexpat", &[
        method("ParserCreate", "(encoding=None, namespace_separator=None, intern=?)", xmlparser::parser_create),
        method("ErrorString", "(code, /)", error_string),
    ]);
    xmlparser::make_type(vm);
    if let Ok(t) = util::get_type(vm, xmlparser::KEY) {
        set(vm, &d, "XMLParserType", Value::Obj(t));
    }
    let exc = vm.exc.exception.clone();
    if let Ok(e) = util::new_exception_type(vm, "xml.parsers.expat", "pyexpat.ExpatError", &exc) {
        set(vm, &d, "ExpatError", Value::Obj(e.clone()));
        set(vm, &d, "error", Value::Obj(e));
    }
    let s = vm.new_str("expat_2.5.0");
    set(vm, &d, "EXPAT_VERSION", s);
    let v = vm.new_tuple(vec![Value::Int(2), Value::Int(5), Value::Int(0)]);
    set(vm, &d, "version_info", v);
    let s = vm.new_str("UTF-8");
    set(vm, &d, "native_encoding", s);
    let doc = vm.new_str("Python wrapper for Expat parser.");
    set(vm, &d, "__doc__", doc);
    let mut features = Vec::new();
    for (name, value) in [("sizeof(XML_Char)", 1), ("sizeof(XML_LChar)", 1), ("XML_DTD", 0), ("XML_CONTEXT_BYTES", 1024), ("XML_NS", 0), ("XML_BLAP_MAX_AMP", 100), ("XML_BLAP_ACT_THRES", 8388608)] {
        let n = vm.new_str(name);
        features.push(vm.new_tuple(vec![n, Value::Int(value)]));
    }
    let f = vm.new_list(features);
    set(vm, &d, "features", f);
    for (name, v) in [("XML_PARAM_ENTITY_PARSING_NEVER", prolog::PARAM_ENTITY_PARSING_NEVER), ("XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE", prolog::PARAM_ENTITY_PARSING_UNLESS_STANDALONE), ("XML_PARAM_ENTITY_PARSING_ALWAYS", prolog::PARAM_ENTITY_PARSING_ALWAYS)] {
        set(vm, &d, name, Value::Int(v));
    }
    let e = errors_module(vm);
    set(vm, &d, "errors", Value::Obj(e));
    let md = model_module(vm);
    set(vm, &d, "model", Value::Obj(md));
    m
}

/// Register a submodule in `sys.modules`.
fn register_sub(vm: &mut Vm, name: &str, m: &PyRef) {
    let key = vm.new_str(name);
    let modules = vm.modules.clone();
    let _ = vm.dict_set_item(&modules, key, Value::Obj(m.clone()));
}

/// `pyexpat.errors`: XML_ERROR_* message constants and the `codes`/`messages` maps.
fn errors_module(vm: &mut Vm) -> PyRef {
    let (m, d) = new_module(vm, "pyexpat.errors", &[]);
    let doc = vm.new_str("Constants used to describe error conditions.");
    set(vm, &d, "__doc__", doc);
    let codes = vm.new_dict_ref();
    let messages = vm.new_dict_ref();
    for &(code, name, msg) in errors::ERRORS {
        let s = vm.new_str(msg);
        set(vm, &d, name, s.clone());
        let _ = vm.dict_set_item(&codes, s.clone(), Value::Int(code));
        let _ = vm.dict_set_item(&messages, Value::Int(code), s);
    }
    set(vm, &d, "codes", Value::Obj(codes));
    set(vm, &d, "messages", Value::Obj(messages));
    register_sub(vm, "pyexpat.errors", &m);
    m
}

/// `pyexpat.model`: the XML_CTYPE_* and XML_CQUANT_* constants.
fn model_module(vm: &mut Vm) -> PyRef {
    let (m, d) = new_module(vm, "pyexpat.model", &[]);
    let doc = vm.new_str("Constants used to interpret content model information.");
    set(vm, &d, "__doc__", doc);
    let consts = [
        ("XML_CTYPE_EMPTY", 1),
        ("XML_CTYPE_ANY", 2),
        ("XML_CTYPE_MIXED", 3),
        ("XML_CTYPE_NAME", 4),
        ("XML_CTYPE_CHOICE", 5),
        ("XML_CTYPE_SEQ", 6),
        ("XML_CQUANT_NONE", 0),
        ("XML_CQUANT_OPT", 1),
        ("XML_CQUANT_REP", 2),
        ("XML_CQUANT_PLUS", 3),
    ];
    for (name, v) in consts {
        set(vm, &d, name, Value::Int(v));
    }
    register_sub(vm, "pyexpat.model", &m);
    m
}

/// ErrorString(code): expat's message for an error code, None for others.
fn error_string(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let code = match util::index_i64(vm, &a[0])? {
        Some(c) => c,
        None => return Err(vm.new_overflow_error("Python int too large to convert to C long")),
    };
    Ok(match errors::message(code) {
        Some(m) => vm.new_str(m),
        None => Value::None,
    })
}

/// ExpatError for `code` at a position: "message: line L, column C", with `code`,
/// `lineno` and `offset` attributes (set_error).
pub fn expat_error(vm: &mut Vm, code: i64, line: i64, col: i64) -> PyErr {
    let msg = format!("{}: line {line}, column {col}", errors::message(code).unwrap_or("unknown error"));
    let cls = match util::get_type(vm, "pyexpat.ExpatError") {
        Ok(c) => c,
        Err(e) => return e,
    };
    let err = vm.new_exception_msg(&cls, &msg);
    let obj = Value::Obj(err.0.clone());
    for (name, v) in [("code", code), ("offset", col), ("lineno", line)] {
        let key = vm.intern(name);
        if let Err(e) = vm.generic_set_attr(&obj, &key, Value::Int(v)) {
            return e;
        }
    }
    err
}
