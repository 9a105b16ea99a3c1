//! `with` statements: entering a context manager and calling `__exit__` on an exception.

use crate::interp::frame::Frame;
use crate::object::Value;
use crate::vm::{PyResult, Vm};

/// BEFORE_WITH: `(mgr -- __exit__ bound, mgr.__enter__())`.
pub fn before_with(vm: &mut Vm, frame: &mut Frame) -> PyResult<()> {
    let mgr = frame.pop();
    let ty = vm.type_of(&mgr);
    let enter_name = vm.intern("__enter__");
    let exit_name = vm.intern("__exit__");
    let Some(enter) = vm.lookup_type_attr(&ty, &enter_name) else {
        let n = vm.type_name(&mgr);
        return Err(vm.new_type_error(format!("'{n}' object does not support the context manager protocol")));
    };
    let Some(exit) = vm.lookup_type_attr(&ty, &exit_name) else {
        let n = vm.type_name(&mgr);
        return Err(vm.new_type_error(format!("'{n}' object does not support the context manager protocol (missed __exit__ method)")));
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
