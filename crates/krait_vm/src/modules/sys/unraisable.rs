//! `sys.unraisablehook` and `sys.UnraisableHookArgs`: how errors that cannot be raised
//! (in `__del__`, weakref callbacks, generator finalisation) are reported (CPython's
//! errors.c `write_unraisable_exc` and `make_unraisable_hook_args`).

use crate::modules::structseq::{self, StructSeqDef};
use crate::object::Value;
use crate::vm::{PyResult, Vm};

const HOOK_ARGS: StructSeqDef = StructSeqDef {
    name: "UnraisableHookArgs",
    fields: &["exc_type", "exc_value", "exc_traceback", "err_msg", "object"],
    visible: 5,
    constructible: false,
};

/// Add `unraisablehook`, `__unraisablehook__` and `UnraisableHookArgs` to `sys`.
pub fn install(vm: &mut Vm, set: &mut dyn FnMut(&mut Vm, &str, Value)) {
    let f = vm.new_native_function("unraisablehook", "sys", "(unraisable, /)", unraisablehook, Value::Null, false);
    set(vm, "unraisablehook", Value::Obj(f.clone()));
    set(vm, "__unraisablehook__", Value::Obj(f));
    let t = structseq::new_type(vm, &HOOK_ARGS);
    set(vm, "UnraisableHookArgs", Value::Obj(t));
}

/// The argument of `sys.unraisablehook` for exception `exc`.
pub fn hook_args(vm: &mut Vm, exc: &Value, err_msg: Value, obj: Value) -> PyResult<Value> {
    let sys = Value::Obj(vm.sys.clone());
    let ty = match vm.get_attr_opt_str(&sys, "UnraisableHookArgs")?.and_then(|t| t.as_obj().cloned()) {
        Some(t) if t.as_type().is_some() => t,
        _ => structseq::new_type(vm, &HOOK_ARGS),
    };
    let exc_type = Value::Obj(vm.type_of(exc));
    let tb = vm.get_attr_opt_str(exc, "__traceback__")?.unwrap_or(Value::None);
    Ok(structseq::new_instance(vm, &ty, vec![exc_type, exc.clone(), tb, err_msg, obj]))
}

// sys_unraisablehook_impl: the default hook.
fn unraisablehook(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let exc = vm.get_attr_str(&a[0], "exc_value")?;
    let msg = vm.get_attr_str(&a[0], "err_msg")?;
    let obj = vm.get_attr_str(&a[0], "object")?;
    default_report(vm, &exc, &msg, &obj);
    Ok(Value::None)
}

/// write_unraisable_exc_file: "Exception ignored in: <repr of obj>" (or the message),
/// then the traceback, to `sys.stderr`; nothing when that is None.
pub fn default_report(vm: &mut Vm, exc: &Value, err_msg: &Value, obj: &Value) {
    let sys = Value::Obj(vm.sys.clone());
    let Some(stderr) = vm.get_attr_opt_str(&sys, "stderr").ok().flatten().filter(|s| !s.is_none()) else { return };
    let mut text = String::new();
    let msg = (!err_msg.is_none()).then(|| vm.str_of(err_msg).to_string());
    if !obj.is_none() {
        let what = vm.repr(obj).ok().map_or_else(|| "<object repr() failed>".to_string(), |r| vm.str_of(&Value::Obj(r)).to_string());
        text.push_str(&format!("{}: {what}\n", msg.as_deref().unwrap_or("Exception ignored in")));
    } else if let Some(m) = msg {
        text.push_str(&format!("{m}:\n"));
    }
    match exc.as_obj() {
        Some(e) if matches!(e.payload, crate::object::Payload::Exception(_)) => text.push_str(&crate::exceptions::format_exception(vm, e)),
        _ => text.push_str(&format!("{}\n", vm.type_name(exc))),
    }
    let s = vm.new_str(&text);
    let _ = vm.call_method(&stderr, "write", &[s]);
    let _ = vm.call_method(&stderr, "flush", &[]);
}
