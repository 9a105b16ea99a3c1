//! `coroutine_wrapper`: what `coroutine.__await__()` returns, an iterator that steps the
//! coroutine (CPython's PyCoroWrapper). `await` itself uses the coroutine directly.

use super::generator::{gen_close, gen_iternext, gen_throw, resume_value};
use crate::builtins::{set_vm_type, vm_type};
use crate::object::{Payload, Slots, Value};
use crate::types::methods::method;
use crate::vm::{PyResult, Vm};

/// The coroutine a wrapper steps.
struct CoroWrapper(Value);

/// Make the coroutine_wrapper type.
pub fn init(vm: &mut Vm) {
    let slots = Slots { iter: Some(|_, v| Ok(v.clone())), next: Some(|vm, v| gen_iternext(vm, &coro(v))), ..Slots::default() };
    let ty = vm.new_builtin_type("coroutine_wrapper", None, slots, 0);
    vm.add_methods(
        &ty,
        "coroutine_wrapper",
        &[
            method("send", "(self, arg, /)", |vm, a| resume_value(vm, &coro(&a[0]), a[1].clone(), None)),
            method("throw", "(self, typ, val=None, tb=None, /)", |vm, a| gen_throw(vm, &[coro(&a[0]), a[1].clone(), a[2].clone(), a[3].clone()])),
            method("close", "(self, /)", |vm, a| gen_close(vm, &[coro(&a[0])])),
        ],
    );
    set_vm_type(vm, "coroutine_wrapper", ty);
}

/// coroutine.__await__()
pub fn new(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let ty = vm_type(vm, "coroutine_wrapper").unwrap_or_else(|| vm.types.object.clone());
    Ok(vm.wrap(Payload::Native(Box::new(CoroWrapper(a[0].clone()))), &ty))
}

fn coro(v: &Value) -> Value {
    v.as_obj().and_then(|o| o.native::<CoroWrapper>()).map_or(Value::None, |w| w.0.clone())
}
