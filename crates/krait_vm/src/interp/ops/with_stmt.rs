//! `with` and `async with` statements: entering a context manager and calling `__exit__`
//! on an exception.

use crate::interp::frame::Frame;
use crate::object::Value;
use crate::vm::{PyResult, Vm};

/// BEFORE_WITH: `(mgr -- __exit__ bound, mgr.__enter__())`.
pub fn before_with(vm: &mut Vm, frame: &mut Frame) -> PyResult<()> {
    enter_manager(vm, frame, "__enter__", "__exit__", "")
}

/// BEFORE_ASYNC_WITH: `(mgr -- __aexit__ bound, mgr.__aenter__())`; GET_AWAITABLE follows.
pub fn before_async_with(vm: &mut Vm, frame: &mut Frame) -> PyResult<()> {
    enter_manager(vm, frame, "__aenter__", "__aexit__", "asynchronous ")
}

fn enter_manager(vm: &mut Vm, frame: &mut Frame, enter: &str, exit: &str, kind: &str) -> PyResult<()> {
    let mgr = frame.pop();
    let ty = vm.type_of(&mgr);
    let enter_name = vm.intern(enter);
    let exit_name = vm.intern(exit);
    let Some(enter) = vm.lookup_type_attr(&ty, &enter_name) else {
        let n = vm.type_name(&mgr);
        return Err(vm.new_type_error(format!("'{n}' object does not support the {kind}context manager protocol")));
    };
    let Some(exit) = vm.lookup_type_attr(&ty, &exit_name) else {
        let n = vm.type_name(&mgr);
        return Err(vm.new_type_error(format!("'{n}' object does not support the {kind}context manager protocol (missed {} method)", exit_name.as_str().map(|s| s.as_str()).unwrap_or(""))));
    };
    let tyv = Value::Obj(ty.clone());
    let exit_bound = vm.bind_descriptor(&exit, &mgr, &tyv)?;
    frame.push(exit_bound);
    let r = vm.call_unbound(&enter, &mgr, &ty, crate::object::Args::positional(&[]))?;
    frame.push(r);
    Ok(())
}

/// WITH_EXCEPT_START: `(exit, lasti, prev_exc, exc -- exit, lasti, prev_exc, exc, res)`
/// where res = exit(type(exc), exc, exc.__traceback__).
pub fn with_except_start(vm: &mut Vm, frame: &mut Frame) -> PyResult<()> {
    let exc = frame.peek(1).clone();
    let exit = frame.peek(4).clone();
    let ty = Value::Obj(vm.type_of(&exc));
    let tb = vm.get_attr_str(&exc, "__traceback__").unwrap_or(Value::None);
    let r = vm.call_positional(&exit, &[ty, exc, tb])?;
    frame.push(r);
    Ok(())
}
