//! `await`, `async for` and `yield from`: GET_AWAITABLE, GET_AITER, GET_ANEXT and
//! GET_YIELD_FROM_ITER (END_ASYNC_FOR lives in the eval loop, as it re-raises).

use crate::interp::code::Code;
use crate::interp::frame::Frame;
use crate::object::{Args, Value};
use crate::types::generator::{is_awaitable_coroutine, is_coroutine, is_generator_like};
use crate::vm::{PyResult, Vm};

/// `type(obj).<name>` bound to `obj` and called without arguments, or None when the
/// type has no such attribute.
pub(crate) fn call_special(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    let ty = vm.type_of(obj);
    let key = vm.intern(name);
    match vm.lookup_type_attr(&ty, &key) {
        Some(f) => vm.call_unbound(&f, obj, &ty, Args::positional(&[])).map(Some),
        None => Ok(None),
    }
}

fn type_has(vm: &mut Vm, obj: &Value, name: &str) -> bool {
    let ty = vm.type_of(obj);
    let key = vm.intern(name);
    vm.lookup_type_attr(&ty, &key).is_some()
}

/// _PyCoro_GetAwaitableIter: a coroutine itself, else the iterator `__await__` returns.
pub fn awaitable_iter(vm: &mut Vm, obj: &Value) -> PyResult<Value> {
    if is_awaitable_coroutine(obj) {
        return Ok(obj.clone());
    }
    let Some(res) = call_special(vm, obj, "__await__")? else {
        let n = vm.type_name(obj);
        return Err(vm.new_type_error(format!("object {n} can't be used in 'await' expression")));
    };
    if is_awaitable_coroutine(&res) {
        return Err(vm.new_type_error("__await__() returned a coroutine"));
    }
    if !type_has(vm, &res, "__next__") {
        let n = vm.type_name(&res);
        return Err(vm.new_type_error(format!("__await__() returned non-iterator of type '{n}'")));
    }
    Ok(res)
}

/// GET_AWAITABLE(where): `(obj -- awaitable iterator)`; `where` 1 and 2 name
/// `__aenter__`/`__aexit__` in the error for an object that cannot be awaited.
pub fn get_awaitable(vm: &mut Vm, frame: &mut Frame, where_: u32) -> PyResult<()> {
    let obj = frame.pop();
    match awaitable_iter(vm, &obj) {
        Ok(it) if is_coroutine(&it) && crate::types::generator::delegate(&it).is_some() => Err(vm.new_runtime_error("coroutine is being awaited already")),
        Ok(it) => {
            frame.push(it);
            Ok(())
        }
        Err(_) if where_ != 0 && !type_has(vm, &obj, "__await__") => {
            let (n, method) = (vm.type_name(&obj), if where_ == 1 { "__aenter__" } else { "__aexit__" });
            Err(vm.new_type_error(format!("'async with' received an object from {method} that does not implement __await__: {n}")))
        }
        Err(e) => Err(e),
    }
}

/// GET_AITER: `(obj -- obj.__aiter__())`.
pub fn get_aiter(vm: &mut Vm, frame: &mut Frame) -> PyResult<()> {
    let obj = frame.pop();
    let Some(it) = call_special(vm, &obj, "__aiter__")? else {
        let n = vm.type_name(&obj);
        return Err(vm.new_type_error(format!("'async for' requires an object with __aiter__ method, got {n}")));
    };
    if !type_has(vm, &it, "__anext__") {
        let n = vm.type_name(&it);
        return Err(vm.new_type_error(format!("'async for' received an object from __aiter__ that does not implement __anext__: {n}")));
    }
    frame.push(it);
    Ok(())
}

/// GET_ANEXT: `(aiter -- aiter, awaitable of aiter.__anext__())`.
pub fn get_anext(vm: &mut Vm, frame: &mut Frame) -> PyResult<()> {
    let aiter = frame.top().clone();
    let Some(next) = call_special(vm, &aiter, "__anext__")? else {
        let n = vm.type_name(&aiter);
        return Err(vm.new_type_error(format!("'async for' requires an iterator with __anext__ method, got {n}")));
    };
    match awaitable_iter(vm, &next) {
        Ok(it) => {
            frame.push(it);
            Ok(())
        }
        Err(cause) => {
            let n = vm.type_name(&next);
            let err = vm.new_type_error(format!("'async for' received an invalid object from __anext__: {n}"));
            let key = vm.intern("__cause__");
            vm.set_attr(&Value::Obj(err.0.clone()), &key, Value::Obj(cause.0))?;
            Err(err)
        }
    }
}

/// GET_YIELD_FROM_ITER: `(iterable -- iterator)`; generators and coroutines stay as they
/// are, but only a coroutine (or `types.coroutine`) may `yield from` a coroutine.
pub fn get_yield_from_iter(vm: &mut Vm, frame: &mut Frame, code: &Code) -> PyResult<()> {
    use krait_bytecode::CodeFlags;
    let v = frame.top().clone();
    if is_coroutine(&v) {
        if code.flags() & (CodeFlags::COROUTINE | CodeFlags::ITERABLE_COROUTINE) == 0 {
            return Err(vm.new_type_error("cannot 'yield from' a coroutine object in a non-coroutine generator"));
        }
    } else if !is_generator_like(&v) {
        let it = vm.iter(&v)?;
        frame.pop();
        frame.push(it);
    }
    Ok(())
}
