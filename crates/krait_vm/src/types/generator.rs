//! Generators and coroutines: objects that own a suspended frame and resume it on the
//! frame stack (send/throw/close, `yield from` delegation, PEP 479).

use crate::interp::code::Code;
use crate::interp::eval::{run, Completion};
use crate::interp::frame::Frame;
use crate::object::{Payload, PyRef, Slots, Value};
use crate::types::methods::method;
use crate::vm::{PyErr, PyResult, Vm};
use krait_bytecode::{CodeFlags, Opcode};
use std::cell::RefCell;
use std::rc::Rc;

/// Which kind of frame-owning object this is.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

/// A generator's state: its frame while suspended (None once finished or while running).
pub struct GenState {
    pub frame: Option<Box<Frame>>,
    pub running: bool,
    pub started: bool,
    pub kind: GenKind,
    pub name: Value,
    pub qualname: Value,
    /// The exception being handled inside the generator when it last yielded.
    pub saved_exc: Value,
    /// The code it runs (kept after the frame is gone, for `gi_code`).
    pub code: Rc<Code>,
    /// An async generator's own state (unused by the other kinds).
    pub ag: super::async_gen::AsyncGenFlags,
    /// A coroutine's `cr_origin`: None, or where it was created (origin tracking on).
    pub origin: Value,
    /// While running: the index of its frame on `vm.frames` (for `gi_frame`).
    pub running_at: usize,
}

impl GenState {
    /// The state of a generator suspended in `frame` (not started when `started` is false).
    pub fn new(frame: Box<Frame>, kind: GenKind, name: Value, qualname: Value, started: bool) -> GenState {
        let code = frame.code.clone();
        GenState { frame: Some(frame), running: false, started, kind, name, qualname, saved_exc: Value::None, code, ag: Default::default(), origin: Value::None, running_at: 0 }
    }

    /// What error messages call this kind of object.
    pub fn kind_name(&self) -> &'static str {
        match self.kind {
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async generator",
            GenKind::Generator => "generator",
        }
    }
}

/// The result of resuming a generator or iterator.
pub enum SendResult {
    Yield(Value),
    Return(Value),
}

/// The generator/coroutine type objects.
pub struct GenTypes {
    pub generator: PyRef,
    pub coroutine: PyRef,
    pub async_generator: PyRef,
    /// The awaitables of async generators (asend, athrow, wrapped values).
    pub agen: super::async_gen::AsyncGenTypes,
}

pub fn init(vm: &mut Vm) {
    let common = Slots { repr: Some(gen_repr), getattro: Some(gen_getattro), setattro: Some(gen_setattro), ..Default::default() };
    let gen_slots = Slots {
        iter: Some(|_, v| Ok(v.clone())),
        // A return value other than None travels in StopIteration (for next());
        // vm.next turns it into plain exhaustion for loops.
        next: Some(gen_iternext),
        ..common
    };
    let generator = vm.new_builtin_type("generator", None, gen_slots, 0);
    let coroutine = vm.new_builtin_type("coroutine", None, common, 0);
    let async_generator = vm.new_builtin_type("async_generator", None, common, 0);
    let methods = [
        method("send", "(self, value, /)", |vm, a| resume_value(vm, &a[0], a[1].clone(), None)),
        method("throw", "(self, typ, val=None, tb=None, /)", gen_throw),
        method("close", "(self, /)", gen_close),
    ];
    vm.add_methods(&generator, "generator", &methods);
    vm.add_methods(&coroutine, "coroutine", &methods);
    vm.add_methods(&coroutine, "coroutine", &[method("__await__", "(self, /)", super::coro_wrapper::new)]);
    super::coro_wrapper::init(vm);
    let agen = super::async_gen::init(vm, &async_generator);
    vm.gen_types = Some(GenTypes { generator, coroutine, async_generator, agen });
}

/// gen_iternext: the next value; a return value other than None travels in StopIteration.
pub(crate) fn gen_iternext(vm: &mut Vm, g: &Value) -> PyResult<Option<Value>> {
    match resume(vm, g, Value::None, None)? {
        SendResult::Yield(r) => Ok(Some(r)),
        SendResult::Return(Value::None) => Ok(None),
        SendResult::Return(r) => Err(stop_iteration(vm, r)),
    }
}

/// The object RETURN_GENERATOR makes from the current frame.
pub fn new_generator(vm: &mut Vm, frame: Box<Frame>) -> Value {
    let flags = frame.code.flags();
    let kind = if flags & CodeFlags::COROUTINE != 0 {
        GenKind::Coroutine
    } else if flags & CodeFlags::ASYNC_GENERATOR != 0 {
        GenKind::AsyncGenerator
    } else {
        GenKind::Generator
    };
    let (name, qualname) = match &frame.func {
        Value::Obj(f) => match &f.payload {
            Payload::Function(func) => (func.name.borrow().clone(), func.qualname.borrow().clone()),
            _ => (Value::Obj(frame.code.name.clone()), Value::Obj(frame.code.qualname.clone())),
        },
        _ => (Value::Obj(frame.code.name.clone()), Value::Obj(frame.code.qualname.clone())),
    };
    let types = vm.gen_types.as_ref().expect("generator types");
    let ty = match kind {
        GenKind::Generator => types.generator.clone(),
        GenKind::Coroutine => types.coroutine.clone(),
        GenKind::AsyncGenerator => types.async_generator.clone(),
    };
    let mut state = GenState::new(frame, kind, name, qualname, false);
    if kind == GenKind::Coroutine {
        let depth = crate::modules::sys::hooks::origin_depth();
        if depth > 0 {
            state.origin = origin(vm, depth as usize);
        }
    }
    vm.wrap(Payload::Native(Box::new(RefCell::new(state))), &ty)
}

/// The state of a generator, coroutine or async generator object.
pub(crate) fn state(v: &Value) -> Option<&RefCell<GenState>> {
    v.as_obj().and_then(|o| o.native::<RefCell<GenState>>())
}

/// compute_cr_origin: ((filename, lineno, name), ...) of the `depth` innermost frames
/// (the coroutine function's caller first).
fn origin(vm: &mut Vm, depth: usize) -> Value {
    let mut items = Vec::new();
    for i in (0..vm.frames.len()).rev().take(depth) {
        let f = &vm.frames[i];
        let line = crate::exceptions::traceback::location(&f.code, f.lasti).line.unwrap_or(-1);
        let (file, name) = (Value::Obj(f.code.filename.clone()), Value::Obj(f.code.name.clone()));
        items.push(vm.new_tuple(vec![file, Value::Int(line as i64), name]));
    }
    vm.new_tuple(items)
}

/// Whether `v` is a coroutine object.
pub fn is_coroutine(v: &Value) -> bool {
    state(v).is_some_and(|s| s.borrow().kind == GenKind::Coroutine)
}

/// Whether `v` can be awaited directly: a coroutine, or a generator whose code has
/// CO_ITERABLE_COROUTINE (`types.coroutine`).
pub fn is_awaitable_coroutine(v: &Value) -> bool {
    state(v).is_some_and(|st| {
        let s = st.borrow();
        s.kind == GenKind::Coroutine || (s.kind == GenKind::Generator && s.code.flags() & CodeFlags::ITERABLE_COROUTINE != 0)
    })
}

/// FOR_ITER or SEND (`yield from`) to a plain generator, resumed inside the running loop
/// (no Rust recursion): its frame, marked running, with `value` sent in and the generator and the caller's
/// handled exception recorded in it. `None` when `g` is not a suspended generator that
/// can be resumed so (the generic path then handles it, errors included).
pub fn take_for_inline_resume(vm: &Vm, g: &Value, value: &Value) -> Option<Box<Frame>> {
    let st = state(g)?;
    let mut s = st.borrow_mut();
    if s.kind != GenKind::Generator || s.running || !s.saved_exc.is_none() {
        return None;
    }
    if !s.started && !value.is_none() {
        return None;
    }
    let mut frame = s.frame.take()?;
    s.running = true;
    s.started = true;
    s.running_at = vm.frames.len();
    drop(s);
    frame.push(value.clone());
    frame.gen = g.clone();
    frame.gen_outer_exc = vm.exc_info.clone();
    Some(frame)
}

/// YIELD_VALUE in an inline-resumed generator frame: the frame goes back into its
/// generator, and the caller's handled exception is restored.
pub fn suspend_inline(vm: &mut Vm, mut frame: Box<Frame>) {
    let g = std::mem::take(&mut frame.gen);
    let outer = std::mem::take(&mut frame.gen_outer_exc);
    if let Some(st) = state(&g) {
        let mut s = st.borrow_mut();
        s.saved_exc = if vm.exc_info.is(&outer) { Value::None } else { vm.exc_info.clone() };
        s.frame = Some(frame);
        s.running = false;
    }
    vm.exc_info = outer;
}

/// An inline-resumed generator frame returned or raised: its generator is finished.
/// Returns the error to propagate (PEP 479 applied) when it raised.
pub fn finish_inline(vm: &mut Vm, frame: &mut Frame, err: Option<PyErr>) -> Option<PyErr> {
    let g = std::mem::take(&mut frame.gen);
    let outer = std::mem::take(&mut frame.gen_outer_exc);
    if let Some(st) = state(&g) {
        st.borrow_mut().running = false;
    }
    vm.exc_info = outer;
    err.map(|e| pep479(vm, e, GenKind::Generator))
}

/// Whether `v` is a generator or coroutine (`yield from` sends to it directly; an async
/// generator is neither iterable nor awaitable).
pub fn is_generator_like(v: &Value) -> bool {
    state(v).is_some_and(|s| s.borrow().kind != GenKind::AsyncGenerator)
}

/// Resume generator `g` with `value` sent in, or with `exc` raised at the yield point.
pub fn resume(vm: &mut Vm, g: &Value, value: Value, exc: Option<PyErr>) -> PyResult<SendResult> {
    let Some(st) = state(g) else {
        return Err(vm.new_type_error("not a generator"));
    };
    let (mut frame, kind) = {
        let mut s = st.borrow_mut();
        if s.running {
            let what = s.kind_name();
            drop(s);
            return Err(vm.new_value_error(format!("{what} already executing")));
        }
        match s.frame.take() {
            Some(f) => {
                if !s.started && exc.is_none() && !value.is_none() {
                    let what = s.kind_name();
                    s.frame = Some(f);
                    drop(s);
                    return Err(vm.new_type_error(format!("can't send non-None value to a just-started {what}")));
                }
                s.running = true;
                s.started = true;
                (f, s.kind)
            }
            None => {
                let kind = s.kind;
                drop(s);
                // (close() does not come here for a finished generator.)
                if kind == GenKind::Coroutine {
                    return Err(vm.new_runtime_error("cannot reuse already awaited coroutine"));
                }
                if let Some(e) = exc {
                    return Err(e);
                }
                return Ok(SendResult::Return(Value::None));
            }
        }
    };
    if exc.is_none() {
        frame.push(value);
    }
    let outer_exc = vm.exc_info.clone();
    let saved = std::mem::replace(&mut st.borrow_mut().saved_exc, Value::None);
    if !saved.is_none() {
        vm.exc_info = saved;
    }
    let base = vm.frames.len();
    st.borrow_mut().running_at = base;
    vm.frames.push(frame);
    let r = run(vm, base, exc);
    let r = match r {
        Ok(Completion::Yield(v)) => {
            let frame = vm.frames.pop();
            let mut s = st.borrow_mut();
            s.frame = frame;
            s.running = false;
            s.saved_exc = if vm.exc_info.is(&outer_exc) { Value::None } else { vm.exc_info.clone() };
            Ok(SendResult::Yield(v))
        }
        Ok(Completion::Return(v)) => {
            st.borrow_mut().running = false;
            Ok(SendResult::Return(v))
        }
        Err(e) => {
            vm.frames.truncate(base);
            st.borrow_mut().running = false;
            Err(pep479(vm, e, kind))
        }
    };
    vm.exc_info = outer_exc;
    r
}

/// A StopIteration escaping a generator body (or StopAsyncIteration escaping an async
/// generator's) becomes RuntimeError (PEP 479).
fn pep479(vm: &mut Vm, e: PyErr, kind: GenKind) -> PyErr {
    let (stop, stop_async) = (vm.exc.stop_iteration.clone(), vm.exc.stop_async_iteration.clone());
    let msg = if vm.is_subtype(&e.0.class(), &stop) {
        match kind {
            GenKind::Coroutine => "coroutine raised StopIteration",
            GenKind::AsyncGenerator => "async generator raised StopIteration",
            GenKind::Generator => "generator raised StopIteration",
        }
    } else if kind == GenKind::AsyncGenerator && vm.is_subtype(&e.0.class(), &stop_async) {
        "async generator raised StopAsyncIteration"
    } else {
        return e;
    };
    let err = vm.new_runtime_error(msg);
    if let Payload::Exception(d) = &err.0.payload {
        *d.cause.borrow_mut() = Value::Obj(e.0.clone());
        *d.context.borrow_mut() = Value::Obj(e.0.clone());
        d.suppress_context.set(true);
    }
    err
}

/// `send` for SEND / `yield from`: generators directly, other iterators via `__next__`
/// (for None) or their `send` method.
pub fn send(vm: &mut Vm, receiver: &Value, value: Value) -> PyResult<SendResult> {
    if is_generator_like(receiver) {
        return resume(vm, receiver, value, None);
    }
    if value.is_none() {
        // (next_raw: a StopIteration carries the awaitable's result.)
        return match vm.next_raw(receiver) {
            Ok(Some(v)) => Ok(SendResult::Yield(v)),
            Ok(None) => Ok(SendResult::Return(Value::None)),
            Err(e) => stop_value(vm, e),
        };
    }
    match vm.call_method(receiver, "send", &[value]) {
        Ok(v) => Ok(SendResult::Yield(v)),
        Err(e) => stop_value(vm, e),
    }
}

/// StopIteration(value) → Return(value); any other error propagates.
fn stop_value(vm: &mut Vm, e: PyErr) -> PyResult<SendResult> {
    let stop = vm.exc.stop_iteration.clone();
    if vm.is_subtype(&e.0.class(), &stop) {
        let v = stop_iteration_value(&e.0);
        return Ok(SendResult::Return(v));
    }
    Err(e)
}

/// The `value` of a StopIteration instance (its first argument).
pub fn stop_iteration_value(exc: &PyRef) -> Value {
    match &exc.payload {
        Payload::Exception(d) => d.args.borrow().as_obj().and_then(|t| t.as_tuple()).and_then(|t| t.first().cloned()).unwrap_or(Value::None),
        _ => Value::None,
    }
}

/// Resume and return the yielded value, raising StopIteration(value) on return.
pub(crate) fn resume_value(vm: &mut Vm, g: &Value, value: Value, exc: Option<PyErr>) -> PyResult<Value> {
    let r = resume(vm, g, value, exc)?;
    yielded(vm, r)
}

/// The yielded value, or StopIteration(value) for a return.
fn yielded(vm: &mut Vm, r: SendResult) -> PyResult<Value> {
    match r {
        SendResult::Yield(v) => Ok(v),
        SendResult::Return(v) => Err(stop_iteration(vm, v)),
    }
}

/// StopIteration carrying `v` as its value (`_PyGen_SetStopIterationValue`).
pub(crate) fn stop_iteration(vm: &mut Vm, v: Value) -> PyErr {
    let cls = vm.exc.stop_iteration.clone();
    let args = if v.is_none() { vec![] } else { vec![v] };
    vm.new_exception(&cls, args)
}

/// The iterator a suspended generator is delegating to (`_PyGen_yf`): the top of its
/// stack when the next instruction is a RESUME after `yield from`/`await`.
pub(crate) fn delegate(g: &Value) -> Option<Value> {
    let st = state(g)?;
    let s = st.borrow();
    let frame = s.frame.as_ref()?;
    if !s.started {
        return None;
    }
    let next = frame.code.instrs.get(frame.ip)?.get();
    if next.op == Opcode::Resume && next.arg >= 2 && frame.stack_len() > 0 {
        return Some(frame.top().clone());
    }
    None
}

/// generator.throw(typ[, val[, tb]])
pub(crate) fn gen_throw(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let exc = throw_exception(vm, &a[1], &a[2])?;
    let r = throw_into(vm, &a[0], exc, true)?;
    yielded(vm, r)
}

/// Raise `exc` at generator `g`'s yield point, first in the iterator it delegates to
/// (`yield from`/`await`), recursively (CPython's `_gen_throw`). GeneratorExit closes
/// the delegate when `close_on_genexit`; an async generator's aclose()/athrow() pass
/// false, so that the awaited object may go on running to handle it.
pub(crate) fn throw_into(vm: &mut Vm, g: &Value, exc: PyErr, close_on_genexit: bool) -> PyResult<SendResult> {
    if let Some(yf) = delegate(g) {
        let gen_exit = vm.exc.generator_exit.clone();
        let r = if close_on_genexit && vm.is_subtype(&exc.0.class(), &gen_exit) {
            close_delegate(vm, &yf).map(|_| None)
        } else if is_generator_like(&yf) {
            match throw_into(vm, &yf, exc.clone(), close_on_genexit) {
                Ok(SendResult::Yield(v)) => return Ok(SendResult::Yield(v)),
                Ok(SendResult::Return(v)) => Ok(Some(v)),
                Err(e) => Err(e),
            }
        } else {
            let throw = vm.intern("throw");
            match vm.get_attr_opt(&yf, &throw)? {
                Some(m) => match vm.call_positional(&m, &[Value::Obj(exc.0.clone())]) {
                    Ok(v) => return Ok(SendResult::Yield(v)),
                    Err(e) => match stop_value(vm, e) {
                        Ok(SendResult::Return(v)) => Ok(Some(v)),
                        Ok(SendResult::Yield(v)) => return Ok(SendResult::Yield(v)),
                        Err(e) => Err(e),
                    },
                },
                None => Ok(None),
            }
        };
        match r {
            // The delegate finished with `v`: leave the SEND loop as SEND itself would.
            Ok(Some(v)) => {
                finish_delegation(g);
                return resume(vm, g, v, None);
            }
            Ok(None) => {}
            Err(e) => return resume(vm, g, Value::None, Some(e)),
        }
    }
    resume(vm, g, Value::None, Some(exc))
}

/// Pop the finished delegate off the suspended frame's stack and position the frame at
/// the SEND instruction's exit target (SEND; YIELD_VALUE; RESUME ← ip), so that resuming
/// with a value makes it the result of the `yield from`/`await` expression.
fn finish_delegation(g: &Value) {
    let Some(st) = state(g) else { return };
    let mut s = st.borrow_mut();
    let Some(frame) = s.frame.as_mut() else { return };
    let Some(send_at) = frame.ip.checked_sub(2) else { return };
    let send = frame.code.instrs[send_at].get();
    if send.op != Opcode::Send {
        return;
    }
    frame.pop();
    frame.ip = send_at + 1 + send.arg as usize;
}

fn close_delegate(vm: &mut Vm, yf: &Value) -> PyResult<()> {
    if is_generator_like(yf) {
        gen_close(vm, std::slice::from_ref(yf))?;
        return Ok(());
    }
    let close = vm.intern("close");
    if let Some(m) = vm.get_attr_opt(yf, &close)? {
        vm.call_positional(&m, &[])?;
    }
    Ok(())
}

/// The exception instance for throw(typ, val).
pub(crate) fn throw_exception(vm: &mut Vm, typ: &Value, val: &Value) -> PyResult<PyErr> {
    if let Value::Obj(o) = typ {
        if o.as_type().is_some() {
            let args = if val.is_none() { vec![] } else { vec![val.clone()] };
            if !val.is_none() && vm.isinstance(val, typ)? {
                if let Value::Obj(inst) = val {
                    return Ok(PyErr(inst.clone()));
                }
            }
            let inst = vm.call_positional(typ, &args)?;
            return vm.exception_instance(&inst).map(PyErr);
        }
        if matches!(o.payload, Payload::Exception(_)) {
            if !val.is_none() {
                return Err(vm.new_type_error("instance exception may not have a separate value"));
            }
            return Ok(PyErr(o.clone()));
        }
    }
    let n = vm.type_name(typ);
    Err(vm.new_type_error(format!("exceptions must be classes or instances deriving from BaseException, not {n}")))
}

/// generator.close(): throw GeneratorExit; yielding again is a RuntimeError.
pub(crate) fn gen_close(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let Some(st) = state(&a[0]) else { return Ok(Value::None) };
    if st.borrow().frame.is_none() {
        return Ok(Value::None);
    }
    if !st.borrow().started {
        st.borrow_mut().frame = None;
        return Ok(Value::None);
    }
    // An error closing the delegate is raised in the generator instead of GeneratorExit.
    let delegate_err = match delegate(&a[0]) {
        Some(yf) => close_delegate(vm, &yf).err(),
        None => None,
    };
    let exc = delegate_err.unwrap_or_else(|| {
        let cls = vm.exc.generator_exit.clone();
        vm.new_exception(&cls, vec![])
    });
    match resume(vm, &a[0], Value::None, Some(exc)) {
        Ok(SendResult::Yield(_)) => {
            let what = st.borrow().kind_name();
            Err(vm.new_runtime_error(format!("{what} ignored GeneratorExit")))
        }
        Ok(SendResult::Return(_)) => Ok(Value::None),
        Err(e) => {
            let (ge, si) = (vm.exc.generator_exit.clone(), vm.exc.stop_iteration.clone());
            let c = e.0.class();
            if vm.is_subtype(&c, &ge) || vm.is_subtype(&c, &si) {
                Ok(Value::None)
            } else {
                Err(e)
            }
        }
    }
}

fn gen_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(st) = state(v) else { return Ok(vm.new_str("<generator>")) };
    let (kind, q) = {
        let s = st.borrow();
        (s.kind, s.qualname.clone())
    };
    let what = match kind {
        GenKind::Generator => "generator",
        GenKind::Coroutine => "coroutine",
        GenKind::AsyncGenerator => "async_generator",
    };
    let q = vm.str_of(&q);
    let addr = v.as_obj().map_or(0, |o| o.addr());
    Ok(vm.new_str(&format!("<{what} object {q} at {addr:#x}>")))
}

/// gen_set_name / gen_set_qualname: `__name__` and `__qualname__` take only strings.
fn gen_setattro(vm: &mut Vm, v: &Value, name: &PyRef, value: Value) -> PyResult<()> {
    let n = name.as_str().map(|s| s.as_str()).unwrap_or("");
    if let (Some(st), "__name__" | "__qualname__") = (state(v), n) {
        if value.as_obj().and_then(|o| o.as_str()).is_none() {
            return Err(vm.new_type_error(format!("{n} must be set to a string object")));
        }
        let mut s = st.borrow_mut();
        if n == "__name__" {
            s.name = value;
        } else {
            s.qualname = value;
        }
        return Ok(());
    }
    vm.generic_set_attr(v, name, value)
}

fn gen_getattro(vm: &mut Vm, v: &Value, name: &PyRef) -> PyResult<Option<Value>> {
    let Some(st) = state(v) else { return Ok(None) };
    let n = name.as_str().map(|s| s.as_str()).unwrap_or("");
    // gi_* for generators, cr_* for coroutines, ag_* for async generators.
    let prefix = match st.borrow().kind {
        GenKind::Generator => "gi_",
        GenKind::Coroutine => "cr_",
        GenKind::AsyncGenerator => "ag_",
    };
    let field = match n.strip_prefix(prefix) {
        Some(f) => f,
        None if n.starts_with("__") => n,
        None => return vm.generic_get_attr(v, name),
    };
    let r = match field {
        "__name__" => st.borrow().name.clone(),
        "__qualname__" => st.borrow().qualname.clone(),
        // An async generator's ag_running is its awaitables' flag, not the frame's.
        "running" if prefix == "ag_" => Value::Bool(st.borrow().ag.running_async),
        "running" => Value::Bool(st.borrow().running),
        "suspended" if prefix != "ag_" => Value::Bool(st.borrow().frame.is_some() && st.borrow().started),
        "yieldfrom" if prefix == "gi_" => delegate(v).unwrap_or(Value::None),
        "await" if prefix != "gi_" => delegate(v).unwrap_or(Value::None),
        "origin" if prefix == "cr_" => st.borrow().origin.clone(),
        "code" => {
            let code = st.borrow().code.clone();
            vm.code_object(&code)
        }
        // A snapshot of the suspended frame (no Python code runs while it is borrowed).
        "frame" => {
            let running_at = st.borrow().running.then(|| st.borrow().running_at).filter(|&i| i < vm.frames.len());
            match (st.borrow().frame.as_deref(), running_at) {
                (Some(frame), _) => crate::exceptions::traceback::frame_object(vm, frame)?,
                (None, Some(i)) => crate::exceptions::traceback::snapshot(vm, i)?,
                (None, None) => Value::None,
            }
        }
        _ => return vm.generic_get_attr(v, name),
    };
    Ok(Some(r))
}
