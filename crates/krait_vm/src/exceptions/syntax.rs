//! SyntaxError (and IndentationError/TabError): the `msg`, `filename`, `lineno`,
//! `offset`, `text`, `end_lineno`, `end_offset`, `print_file_and_line` fields, the
//! `msg (file, line N)` str (CPython's SyntaxError_init/SyntaxError_str), and turning
//! the compiler's SyntaxError into an exception instance.

use super::base::set_args;
use crate::types::getset::GetSetDef;
use super::subclasses::{install, str_pair};
use super::data;
use crate::object::Value;
use crate::vm::{PyErr, PyResult, Vm};

const LOCATION_FIELDS: [&str; 6] = ["filename", "lineno", "offset", "text", "end_lineno", "end_offset"];

pub fn init(vm: &mut Vm) {
    let t = vm.exc.syntax_error.clone();
    install(vm, &t, "SyntaxError", Some((syntax_error_slot, syntax_error_meth)), Some(str_pair!(syntax_error_str)), &[
        GetSetDef::field("msg"),
        GetSetDef::field("filename"),
        GetSetDef::field("lineno"),
        GetSetDef::field("offset"),
        GetSetDef::field("text"),
        GetSetDef::field("end_lineno"),
        GetSetDef::field("end_offset"),
        GetSetDef::field("print_file_and_line"),
    ]);
}

// SyntaxError_init
fn syntax_error_init(vm: &mut Vm, obj: &Value, pos: &[Value], kw: &[(String, Value)]) -> PyResult<()> {
    if !kw.is_empty() {
        let name = vm.type_name(obj);
        return Err(vm.new_type_error(format!("{name}() takes no keyword arguments")));
    }
    set_args(vm, obj, pos.to_vec());
    let Some(d) = data(obj) else { return Ok(()) };
    if let Some(msg) = pos.first() {
        d.set_field("msg", msg.clone());
    }
    if pos.len() == 2 {
        let info = vm.collect(&pos[1])?;
        if !(4..=6).contains(&info.len()) {
            return Err(vm.new_index_error("tuple index out of range"));
        }
        for (name, v) in LOCATION_FIELDS.iter().zip(info) {
            d.set_field(name, v);
        }
    }
    Ok(())
}
super::subclasses::init_pair!(syntax_error_slot, syntax_error_meth, syntax_error_init);

// SyntaxError_str: `msg (file, line N)` with the file's base name.
fn syntax_error_str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(d) = data(v) else { return Ok(vm.new_str("")) };
    let (msg, filename, lineno) = (d.field("msg"), d.field("filename"), d.field("lineno"));
    let msg_text = vm.str(&msg)?.as_str().map(|s| s.as_str().to_string()).unwrap_or_default();
    let file = filename.as_obj().and_then(|o| o.as_str()).map(|s| {
        let s = s.as_str();
        s.rsplit('/').next().unwrap_or(s).to_string()
    });
    let line = match lineno {
        Value::Int(n) => Some(n),
        _ => None,
    };
    let text = match (file, line) {
        (Some(f), Some(n)) => format!("{msg_text} ({f}, line {n})"),
        (Some(f), None) => format!("{msg_text} ({f})"),
        (None, Some(n)) => format!("{msg_text} (line {n})"),
        (None, None) => msg_text,
    };
    Ok(vm.new_str(&text))
}

/// The SyntaxError / IndentationError / TabError instance for a compile error, with
/// args `(msg, (filename, lineno, offset, text, end_lineno, end_offset))` as CPython.
pub fn syntax_error_from_compiler(vm: &mut Vm, e: &krait_syntax::SyntaxError) -> PyErr {
    let cls = match e.kind {
        "NotImplementedError" => return vm.new_not_implemented_error(e.msg.clone()),
        "IndentationError" => vm.exc.indentation_error.clone(),
        "TabError" => vm.exc.tab_error.clone(),
        _ => vm.exc.syntax_error.clone(),
    };
    let msg = vm.new_str(&e.msg);
    let filename = vm.new_str(&e.filename);
    let text = match &e.text {
        Some(t) => vm.new_str(t),
        None => Value::None,
    };
    let info = vm.new_tuple(vec![
        filename,
        Value::Int(e.lineno as i64),
        Value::Int(e.offset as i64),
        text,
        Value::Int(e.end_lineno as i64),
        Value::Int(e.end_offset as i64),
    ]);
    vm.new_exception(&cls, vec![msg, info])
}
