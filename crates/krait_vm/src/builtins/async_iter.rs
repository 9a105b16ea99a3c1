//! Builtins over async iterators: aiter, anext, and the `anext_awaitable` that
//! `anext(it, default)` returns (CPython's anextawaitableobject).

use super::{err_matches, set_vm_type, vm_type};
use crate::interp::ops::async_ops::{awaitable_iter, call_special};
use crate::object::{Payload, Slots, Value};
use crate::types::generator::{self, SendResult};
use crate::types::methods::{method, MethodDef};
use crate::vm::{PyResult, Vm};

pub const FUNCTIONS: &[MethodDef] = &[method("aiter", "(async_iterable, /)", aiter), method("anext", "(aiterator, default=?, /)", anext)];

/// `anext(it, default)`: the awaitable of `it.__anext__()` and the default to give when
/// it raises StopAsyncIteration.
struct AnextAwaitable {
    wrapped: Value,
    default: Value,
}

/// Make the anext_awaitable type.
pub fn init(vm: &mut Vm) {
    let slots = Slots { iter: Some(|_, v| Ok(v.clone())), next: Some(|vm, v| proxy(vm, v, Step::Send(Value::None)).map(Some)), ..Slots::default() };
    let ty = vm.new_builtin_type("anext_awaitable", None, slots, 0);
    vm.add_methods(
        &ty,
        "anext_awaitable",
        &[
            method("send", "(self, value, /)", |vm, a| proxy(vm, &a[0], Step::Send(a[1].clone()))),
            method("throw", "(self, typ, val=None, tb=None, /)", |vm, a| proxy(vm, &a[0], Step::Throw(a[1].clone(), a[2].clone()))),
            method("close", "(self, /)", |vm, a| proxy(vm, &a[0], Step::Close)),
            method("__await__", "(self, /)", |_, a| Ok(a[0].clone())),
        ],
    );
    set_vm_type(vm, "anext_awaitable", ty);
}

/// builtin_aiter (PyObject_GetAIter).
fn aiter(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let Some(it) = call_special(vm, &a[0], "__aiter__")? else {
        let n = vm.type_name(&a[0]);
        return Err(vm.new_type_error(format!("'{n}' object is not an async iterable")));
    };
    let ty = vm.type_of(&it);
    let key = vm.intern("__anext__");
    if vm.lookup_type_attr(&ty, &key).is_none() {
        let n = vm.type_name(&it);
        return Err(vm.new_type_error(format!("aiter() returned not an async iterator of type '{n}'")));
    }
    Ok(it)
}

/// builtin_anext: `aiterator.__anext__()`, wrapped to give `default` at the end.
fn anext(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let Some(awaitable) = call_special(vm, &a[0], "__anext__")? else {
        let n = vm.type_name(&a[0]);
        return Err(vm.new_type_error(format!("'{n}' object is not an async iterator")));
    };
    if a[1].is_null() {
        return Ok(awaitable);
    }
    let ty = vm_type(vm, "anext_awaitable").unwrap_or_else(|| vm.types.object.clone());
    Ok(vm.wrap(Payload::Native(Box::new(AnextAwaitable { wrapped: awaitable, default: a[1].clone() })), &ty))
}

enum Step {
    Send(Value),
    Throw(Value, Value),
    Close,
}

/// anextawaitable_proxy / anextawaitable_iternext: one step of the wrapped awaitable's
/// iterator; its StopAsyncIteration becomes StopIteration(default).
fn proxy(vm: &mut Vm, v: &Value, step: Step) -> PyResult<Value> {
    let Some(o) = v.as_obj().and_then(|o| o.native::<AnextAwaitable>()) else {
        return Err(vm.new_type_error("expected an anext_awaitable"));
    };
    let (wrapped, default) = (o.wrapped.clone(), o.default.clone());
    let it = awaitable_iter(vm, &wrapped)?;
    let r = match step {
        Step::Send(value) => generator::send(vm, &it, value).and_then(|r| match r {
            SendResult::Yield(y) => Ok(y),
            SendResult::Return(r) => Err(generator::stop_iteration(vm, r)),
        }),
        Step::Throw(typ, val) => vm.call_method(&it, "throw", &[typ, val]),
        Step::Close => vm.call_method(&it, "close", &[]),
    };
    match r {
        Err(e) if err_matches(vm, &e, &vm.exc.stop_async_iteration.clone()) => Err(generator::stop_iteration(vm, default)),
        other => other,
    }
}
