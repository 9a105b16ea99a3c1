//! The awaitables an async generator hands out: `async_generator_asend` (from
//! `__anext__`/asend) and `async_generator_athrow` (from athrow/aclose), each driving one
//! step of the generator through send/throw/close (CPython's genobject.c).

use super::async_gen::{flags, is_end, send, set_closed, set_running_async, stop_async_iteration, unwrap, unwrapped};
use super::generator::{throw_exception, throw_into, SendResult};
use crate::object::{Payload, PyRef, Slots, Value};
use crate::types::methods::method;
use crate::vm::{PyErr, PyResult, Vm};
use std::cell::{Cell, RefCell};

/// An awaitable's progress (AWAITABLE_STATE_*).
#[derive(Clone, Copy, PartialEq, Eq)]
enum AwaitState {
    Init,
    Iter,
    Closed,
}

/// `__anext__()` / `asend(value)`: the value to send first (Null for `__anext__`).
struct ASend {
    gen: Value,
    sendval: Value,
    state: Cell<AwaitState>,
}

/// `athrow(typ, val, tb)`, or `aclose()` when `args` is None.
struct AThrow {
    gen: Value,
    args: Option<[Value; 3]>,
    state: Cell<AwaitState>,
}

const ASEND_REUSED: &str = "cannot reuse already awaited __anext__()/asend()";
const ATHROW_REUSED: &str = "cannot reuse already awaited aclose()/athrow()";
const IGNORED_EXIT: &str = "async generator ignored GeneratorExit";

/// Make the two awaitable types.
pub fn init(vm: &mut Vm) -> (PyRef, PyRef) {
    let asend_slots = Slots { iter: Some(|_, v| Ok(v.clone())), next: Some(|vm, v| asend_send(vm, v, Value::Null).map(Some)), ..Slots::default() };
    let asend = vm.new_builtin_type("async_generator_asend", None, asend_slots, 0);
    vm.add_methods(
        &asend,
        "async_generator_asend",
        &[
            method("send", "(self, value, /)", |vm, a| asend_send(vm, &a[0], a[1].clone())),
            method("throw", "(self, typ, val=None, tb=None, /)", asend_throw),
            method("close", "(self, /)", |_, a| {
                if let Some(o) = asend_of(&a[0]) {
                    o.state.set(AwaitState::Closed);
                }
                Ok(Value::None)
            }),
            method("__await__", "(self, /)", |_, a| Ok(a[0].clone())),
        ],
    );
    let athrow_slots = Slots { iter: Some(|_, v| Ok(v.clone())), next: Some(|vm, v| athrow_send(vm, v, Value::None).map(Some)), ..Slots::default() };
    let athrow = vm.new_builtin_type("async_generator_athrow", None, athrow_slots, 0);
    vm.add_methods(
        &athrow,
        "async_generator_athrow",
        &[
            method("send", "(self, value, /)", |vm, a| athrow_send(vm, &a[0], a[1].clone())),
            method("throw", "(self, typ, val=None, tb=None, /)", athrow_throw),
            method("close", "(self, /)", |_, a| {
                if let Some(o) = athrow_of(&a[0]) {
                    o.state.set(AwaitState::Closed);
                }
                Ok(Value::None)
            }),
            method("__await__", "(self, /)", |_, a| Ok(a[0].clone())),
        ],
    );
    (asend, athrow)
}

/// async_gen_asend_new
pub fn new_asend(vm: &mut Vm, gen: &Value, sendval: Value) -> Value {
    let ty = vm.gen_types.as_ref().expect("generator types").agen.asend.clone();
    let o = ASend { gen: gen.clone(), sendval, state: Cell::new(AwaitState::Init) };
    vm.wrap(Payload::Native(Box::new(RefCell::new(o))), &ty)
}

/// async_gen_athrow_new
pub fn new_athrow(vm: &mut Vm, gen: &Value, args: Option<[Value; 3]>) -> Value {
    let ty = vm.gen_types.as_ref().expect("generator types").agen.athrow.clone();
    let o = AThrow { gen: gen.clone(), args, state: Cell::new(AwaitState::Init) };
    vm.wrap(Payload::Native(Box::new(RefCell::new(o))), &ty)
}

fn asend_of(v: &Value) -> Option<std::cell::Ref<'_, ASend>> {
    v.as_obj().and_then(|o| o.native::<RefCell<ASend>>()).map(|c| c.borrow())
}

fn athrow_of(v: &Value) -> Option<std::cell::Ref<'_, AThrow>> {
    v.as_obj().and_then(|o| o.native::<RefCell<AThrow>>()).map(|c| c.borrow())
}

/// The generator and first value of an asend awaitable, or its reuse error.
fn asend_parts(vm: &mut Vm, v: &Value) -> PyResult<(Value, Value, AwaitState)> {
    let Some(o) = asend_of(v) else { return Err(vm.new_type_error("expected an async_generator_asend")) };
    let parts = (o.gen.clone(), o.sendval.clone(), o.state.get());
    drop(o);
    if parts.2 == AwaitState::Closed {
        return Err(vm.new_runtime_error(ASEND_REUSED));
    }
    Ok(parts)
}

fn set_asend_state(v: &Value, s: AwaitState) {
    if let Some(o) = asend_of(v) {
        o.state.set(s);
    }
}

fn set_athrow_state(v: &Value, s: AwaitState) {
    if let Some(o) = athrow_of(v) {
        o.state.set(s);
    }
}

/// async_gen_asend_send: one step of the generator; `arg` Null or None sends the value
/// given to asend() (None for `__anext__`) on the first step.
fn asend_send(vm: &mut Vm, v: &Value, arg: Value) -> PyResult<Value> {
    let (gen, sendval, st) = asend_parts(vm, v)?;
    let mut arg = if arg.is_null() { Value::None } else { arg };
    if st == AwaitState::Init {
        if flags(&gen).0 {
            return Err(vm.new_runtime_error("anext(): asynchronous generator is already running"));
        }
        if arg.is_none() && !sendval.is_null() {
            arg = sendval;
        }
        set_asend_state(v, AwaitState::Iter);
    }
    set_running_async(&gen, true);
    let r = send(vm, &gen, arg);
    let r = unwrap(vm, &gen, r);
    if r.is_err() {
        set_asend_state(v, AwaitState::Closed);
    }
    r
}

/// async_gen_asend_throw
fn asend_throw(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (gen, _, _) = asend_parts(vm, &a[0])?;
    let r = match throw_exception(vm, &a[1], &a[2]) {
        Ok(exc) => throw_into(vm, &gen, exc, true),
        Err(e) => Err(e),
    };
    let r = unwrap(vm, &gen, r);
    if r.is_err() {
        set_asend_state(&a[0], AwaitState::Closed);
    }
    r
}

/// The generator, arguments (None for aclose) and state of an athrow awaitable.
fn athrow_parts(vm: &mut Vm, v: &Value) -> PyResult<(Value, Option<[Value; 3]>, AwaitState)> {
    let Some(o) = athrow_of(v) else { return Err(vm.new_type_error("expected an async_generator_athrow")) };
    let parts = (o.gen.clone(), o.args.clone(), o.state.get());
    drop(o);
    if parts.2 == AwaitState::Closed {
        return Err(vm.new_runtime_error(ATHROW_REUSED));
    }
    Ok(parts)
}

/// async_gen_athrow_send: the first step throws (GeneratorExit for aclose) into the
/// generator; later steps send into whatever it awaits meanwhile.
fn athrow_send(vm: &mut Vm, v: &Value, arg: Value) -> PyResult<Value> {
    let (gen, args, st) = athrow_parts(vm, v)?;
    let (running, closed, completed) = flags(&gen);
    if completed {
        set_athrow_state(v, AwaitState::Closed);
        return Err(super::generator::stop_iteration(vm, Value::None));
    }
    let r = if st == AwaitState::Init {
        if running {
            set_athrow_state(v, AwaitState::Closed);
            let what = if args.is_none() { "aclose" } else { "athrow" };
            return Err(vm.new_runtime_error(format!("{what}(): asynchronous generator is already running")));
        }
        if closed {
            set_athrow_state(v, AwaitState::Closed);
            return Err(stop_async_iteration(vm));
        }
        if !arg.is_none() {
            return Err(vm.new_runtime_error("can't send non-None value to a just-started coroutine"));
        }
        set_athrow_state(v, AwaitState::Iter);
        set_running_async(&gen, true);
        match &args {
            None => {
                set_closed(&gen);
                let cls = vm.exc.generator_exit.clone();
                let exc = vm.new_exception(&cls, vec![]);
                let r = throw_into(vm, &gen, exc, false);
                return aclose_result(vm, v, &gen, r);
            }
            Some([typ, val, _tb]) => {
                let r = match throw_exception(vm, typ, val) {
                    Ok(exc) => throw_into(vm, &gen, exc, false),
                    Err(e) => Err(e),
                };
                let r = unwrap(vm, &gen, r);
                return match r {
                    Err(e) => Err(check_error(vm, v, &gen, e, false)),
                    ok => ok,
                };
            }
        }
    } else {
        let arg = if arg.is_null() { Value::None } else { arg };
        send(vm, &gen, arg)
    };
    match args {
        Some(_) => unwrap(vm, &gen, r),
        None => aclose_result(vm, v, &gen, r),
    }
}

/// One step of aclose(): the generator yielding a value of its own means it ignored
/// GeneratorExit; its end (or GeneratorExit) completes the await.
fn aclose_result(vm: &mut Vm, v: &Value, gen: &Value, r: PyResult<SendResult>) -> PyResult<Value> {
    match r {
        Ok(SendResult::Yield(y)) if unwrapped(&y).is_some() => {
            set_running_async(gen, false);
            set_athrow_state(v, AwaitState::Closed);
            Err(vm.new_runtime_error(IGNORED_EXIT))
        }
        Ok(SendResult::Yield(y)) => Ok(y),
        Ok(SendResult::Return(_)) => {
            let e = stop_async_iteration(vm);
            Err(check_error(vm, v, gen, e, true))
        }
        Err(e) => Err(check_error(vm, v, gen, e, true)),
    }
}

/// The `check_error` exit of async_gen_athrow_send: the await is over; for aclose() the
/// generator's end is reported as plain StopIteration.
fn check_error(vm: &mut Vm, v: &Value, gen: &Value, e: PyErr, aclose: bool) -> PyErr {
    set_running_async(gen, false);
    set_athrow_state(v, AwaitState::Closed);
    if aclose && is_end(vm, &e) {
        return super::generator::stop_iteration(vm, Value::None);
    }
    e
}

/// async_gen_athrow_throw
fn athrow_throw(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (gen, args, _) = athrow_parts(vm, &a[0])?;
    let r = match throw_exception(vm, &a[1], &a[2]) {
        Ok(exc) => throw_into(vm, &gen, exc, true),
        Err(e) => Err(e),
    };
    if args.is_some() {
        return unwrap(vm, &gen, r);
    }
    match r {
        Ok(SendResult::Yield(y)) if unwrapped(&y).is_some() => {
            set_running_async(&gen, false);
            set_athrow_state(&a[0], AwaitState::Closed);
            Err(vm.new_runtime_error(IGNORED_EXIT))
        }
        Ok(SendResult::Yield(y)) => Ok(y),
        Ok(SendResult::Return(_)) => Err(super::generator::stop_iteration(vm, Value::None)),
        Err(e) if is_end(vm, &e) => Err(super::generator::stop_iteration(vm, Value::None)),
        Err(e) => Err(e),
    }
}
