//! Async generators (PEP 525): the `async_generator` type's methods (`__anext__`, asend,
//! athrow, aclose), the firstiter/finalizer hooks, and ASYNC_GEN_WRAP's wrapped values.
//! The awaitables those methods return live in `async_gen_awaitables.rs`.

use super::async_gen_awaitables::{new_asend, new_athrow};
use super::generator::{resume, state, SendResult};
use crate::interp::frame::Frame;
use crate::object::{PyRef, Slots, Value};
use crate::types::methods::method;
use crate::vm::{PyErr, PyResult, Vm};

/// What an async generator adds to a generator's state (PyAsyncGenObject's fields).
#[derive(Default)]
pub struct AsyncGenFlags {
    /// `sys.get_asyncgen_hooks().finalizer` when the generator was first iterated (Null if
    /// none): called instead of closing it when it is dropped unfinished.
    pub finalizer: Value,
    /// The hooks have been looked at (on the first `__anext__`/asend/athrow/aclose).
    pub hooks_inited: bool,
    /// aclose() was called, or the generator ended (StopAsyncIteration, GeneratorExit).
    pub closed: bool,
    /// One of its awaitables is being iterated (`ag_running`).
    pub running_async: bool,
    /// The finalizer has been called for it once (it is not called again).
    pub finalized: bool,
}

/// A value yielded by the async generator's own `yield` (not by an `await` inside it).
pub struct Wrapped(pub Value);

/// The async generator's awaitable types.
pub struct AsyncGenTypes {
    pub asend: PyRef,
    pub athrow: PyRef,
    pub wrapped: PyRef,
}

/// Add the async_generator methods and make its awaitable types.
pub fn init(vm: &mut Vm, async_generator: &PyRef) -> AsyncGenTypes {
    vm.add_methods(
        async_generator,
        "async_generator",
        &[
            method("__aiter__", "(self, /)", |_, a| Ok(a[0].clone())),
            method("__anext__", "(self, /)", |vm, a| {
                init_hooks(vm, &a[0])?;
                Ok(new_asend(vm, &a[0], Value::Null))
            }),
            method("asend", "(self, value, /)", |vm, a| {
                init_hooks(vm, &a[0])?;
                Ok(new_asend(vm, &a[0], a[1].clone()))
            }),
            method("athrow", "(self, typ, val=None, tb=None, /)", |vm, a| {
                init_hooks(vm, &a[0])?;
                Ok(new_athrow(vm, &a[0], Some([a[1].clone(), a[2].clone(), a[3].clone()])))
            }),
            method("aclose", "(self, /)", |vm, a| {
                init_hooks(vm, &a[0])?;
                Ok(new_athrow(vm, &a[0], None))
            }),
        ],
    );
    let (asend, athrow) = super::async_gen_awaitables::init(vm);
    let wrapped = vm.new_builtin_type("async_generator_wrapped_value", None, Slots::default(), 0);
    AsyncGenTypes { asend, athrow, wrapped }
}

/// async_gen_init_hooks: on first use, remember the finalizer hook and call firstiter.
fn init_hooks(vm: &mut Vm, g: &Value) -> PyResult<()> {
    let Some(st) = state(g) else { return Ok(()) };
    if std::mem::replace(&mut st.borrow_mut().ag.hooks_inited, true) {
        return Ok(());
    }
    let (firstiter, finalizer) = crate::modules::sys::hooks::current();
    if !finalizer.is_none() {
        st.borrow_mut().ag.finalizer = finalizer;
    }
    if !firstiter.is_none() {
        vm.call_positional(&firstiter, std::slice::from_ref(g))?;
    }
    Ok(())
}

/// ASYNC_GEN_WRAP: `(value -- wrapped value)`, marking a value the async generator yields.
pub fn wrap_top(vm: &mut Vm, frame: &mut Frame) {
    let v = frame.pop();
    let ty = vm.gen_types.as_ref().expect("generator types").agen.wrapped.clone();
    let w = vm.wrap(crate::object::Payload::Native(Box::new(Wrapped(v))), &ty);
    frame.push(w);
}

/// The value inside a wrapped value.
pub(crate) fn unwrapped(v: &Value) -> Option<Value> {
    v.as_obj().and_then(|o| o.native::<Wrapped>()).map(|w| w.0.clone())
}

/// Set or clear the generator's `ag_running` flag.
pub(crate) fn set_running_async(g: &Value, on: bool) {
    if let Some(st) = state(g) {
        st.borrow_mut().ag.running_async = on;
    }
}

/// The generator's (`ag_running`, closed, finished) flags.
pub(crate) fn flags(g: &Value) -> (bool, bool, bool) {
    state(g).map_or((false, true, true), |st| {
        let s = st.borrow();
        (s.ag.running_async, s.ag.closed, s.frame.is_none() && !s.running)
    })
}

pub(crate) fn set_closed(g: &Value) {
    if let Some(st) = state(g) {
        st.borrow_mut().ag.closed = true;
    }
}

/// gen_send_ex for an async generator: a return becomes StopAsyncIteration.
pub(crate) fn send(vm: &mut Vm, g: &Value, arg: Value) -> PyResult<SendResult> {
    match resume(vm, g, arg, None)? {
        SendResult::Return(_) => Err(stop_async_iteration(vm)),
        y => Ok(y),
    }
}

pub(crate) fn stop_async_iteration(vm: &mut Vm) -> PyErr {
    let cls = vm.exc.stop_async_iteration.clone();
    vm.new_exception(&cls, vec![])
}

/// Whether `e` is StopAsyncIteration or GeneratorExit (the ends of an async generator).
pub(crate) fn is_end(vm: &Vm, e: &PyErr) -> bool {
    let c = e.0.class();
    vm.is_subtype(&c, &vm.exc.stop_async_iteration) || vm.is_subtype(&c, &vm.exc.generator_exit)
}

/// async_gen_unwrap_value: what an awaitable reports for one step of generator `g`. A
/// wrapped value (the generator's own `yield`) ends the await with StopIteration(value);
/// other values (from an `await` inside) pass through to the event loop.
pub(crate) fn unwrap(vm: &mut Vm, g: &Value, r: PyResult<SendResult>) -> PyResult<Value> {
    match r {
        Ok(SendResult::Yield(v)) => match unwrapped(&v) {
            Some(inner) => {
                set_running_async(g, false);
                Err(super::generator::stop_iteration(vm, inner))
            }
            None => Ok(v),
        },
        Ok(SendResult::Return(_)) => {
            let e = stop_async_iteration(vm);
            unwrap(vm, g, Err(e))
        }
        Err(e) => {
            if is_end(vm, &e) {
                set_closed(g);
            }
            set_running_async(g, false);
            Err(e)
        }
    }
}
