//! `sys.settrace` / `sys.setprofile`: the events CPython 3.11's eval loop reports to
//! trace and profile functions (`call_trace`, `maybe_call_line_trace`,
//! `trace_function_entry/exit`, `call_exc_trace`, the c_call family).
//!
//! While a trace or profile function is set (`vm.trace` is Some), the loop runs its
//! traced variant (`step_frame::<true>`), which calls [`instruction`] before each
//! instruction; the untraced loop only checks `vm.trace` where it switches frames. Each
//! traced frame gets one frame object (kept by depth here) that carries `f_trace`, and
//! is refreshed (position, locals) before each event.

use crate::object::{PyRef, Value};
use crate::vm::{PyErr, PyResult, Vm};
use krait_bytecode::Opcode;
use std::rc::Rc;

/// A frame that has had its call event: its frame object and line numbers.
struct Traced {
    /// Address of the live frame (to tell a later frame at the same depth apart).
    addr: usize,
    obj: Value,
    /// The line of each instruction (code units; -1: none).
    lines: Rc<[i32]>,
    /// Index of the first RESUME: earlier instructions are not traced.
    first_traceable: usize,
}

/// The trace and profile functions and the frames being traced.
pub struct TraceState {
    trace: Value,
    profile: Value,
    /// Inside a trace or profile function (no events then; CPython's `tstate->tracing`).
    busy: bool,
    /// By frame depth.
    frames: Vec<Option<Traced>>,
}

/// `sys.settrace(func)` (None removes it).
pub fn set_trace(vm: &mut Vm, func: Value) {
    state_mut(vm).trace = func;
    drop_if_idle(vm);
    super::breaker::set(super::breaker::TRACING);
}

/// `sys.setprofile(func)` (None removes it).
pub fn set_profile(vm: &mut Vm, func: Value) {
    state_mut(vm).profile = func;
    drop_if_idle(vm);
    super::breaker::set(super::breaker::TRACING);
}

/// `sys.gettrace()`.
pub fn get_trace(vm: &Vm) -> Value {
    vm.trace.as_ref().map_or(Value::None, |t| t.trace.clone())
}

/// `sys.getprofile()`.
pub fn get_profile(vm: &Vm) -> Value {
    vm.trace.as_ref().map_or(Value::None, |t| t.profile.clone())
}

fn state_mut(vm: &mut Vm) -> &mut TraceState {
    vm.trace.get_or_insert_with(|| Box::new(TraceState { trace: Value::None, profile: Value::None, busy: false, frames: Vec::new() }))
}

fn drop_if_idle(vm: &mut Vm) {
    if vm.trace.as_ref().is_some_and(|t| t.trace.is_none() && t.profile.is_none() && !t.busy) {
        vm.trace = None;
    }
}

fn frame_addr(vm: &Vm, depth: usize) -> usize {
    vm.frames.get(depth).map_or(0, |f| &**f as *const super::frame::Frame as usize)
}

/// The line of each instruction of `code`.
fn line_array(code: &super::code::Code) -> Rc<[i32]> {
    let mut lines = vec![-1; code.instrs.len()];
    for e in krait_bytecode::line_table::decode(&code.raw.linetable, code.raw.firstlineno as i32) {
        let end = (e.end / 2).min(lines.len());
        for slot in lines.iter_mut().take(end).skip(e.start / 2) {
            *slot = e.loc.line.unwrap_or(-1);
        }
    }
    lines.into()
}

fn first_resume(code: &super::code::Code) -> usize {
    let mut i = 0;
    while let Some(ins) = code.instrs.get(i).map(|c| c.get()) {
        if ins.op == Opcode::Resume {
            return i;
        }
        i += ins.size.max(1) as usize;
    }
    0
}

/// The traced entry of the frame at `depth`, if it had its call event.
fn traced(vm: &Vm, depth: usize) -> Option<&Traced> {
    let t = vm.trace.as_ref()?.frames.get(depth)?.as_ref()?;
    (t.addr == frame_addr(vm, depth)).then_some(t)
}

/// Record a frame object for the frame at `depth` (and the outer ones lacking one, its
/// `f_back` chain); `fresh` replaces an existing one (a frame starting or resuming).
fn enter(vm: &mut Vm, depth: usize, fresh: bool) -> PyResult<Value> {
    let start = (0..depth).rev().take_while(|&d| traced(vm, d).is_none()).last().unwrap_or(depth);
    let mut back = match start.checked_sub(1) {
        Some(d) => traced(vm, d).map(|t| t.obj.clone()).unwrap_or(Value::None),
        None => Value::None,
    };
    for d in start..=depth {
        if let Some(t) = traced(vm, d).filter(|_| d < depth || !fresh) {
            back = t.obj.clone();
            continue;
        }
        let obj = crate::exceptions::traceback::live_frame(vm, d, back)?;
        let code = vm.frames[d].code.clone();
        let entry = Traced { addr: frame_addr(vm, d), obj: obj.clone(), lines: line_array(&code), first_traceable: first_resume(&code) };
        if let Some(t) = vm.trace.as_mut() {
            if t.frames.len() <= d {
                t.frames.resize_with(d + 1, || None);
            }
            t.frames[d] = Some(entry);
        }
        back = obj;
    }
    if let Some(t) = vm.trace.as_mut() {
        t.frames.truncate(depth + 1);
    }
    Ok(back)
}

/// Forget the frames at `depth` and deeper (they have exited).
fn forget(vm: &mut Vm, depth: usize) {
    if let Some(t) = vm.trace.as_mut() {
        t.frames.truncate(depth);
    }
}

fn frame_info(obj: &Value) -> Option<&crate::exceptions::traceback::FrameInfo> {
    crate::exceptions::traceback::frame_of(obj)
}

/// Call `func(frame, event, arg)` with tracing off meanwhile (CPython's
/// `call_trampoline`); the frame object is refreshed first.
fn call(vm: &mut Vm, func: &Value, obj: &Value, depth: usize, event: &str, arg: Value) -> PyResult<Value> {
    crate::exceptions::traceback::refresh(vm, obj, depth)?;
    let ev = Value::Obj(vm.intern(event));
    if let Some(t) = vm.trace.as_mut() {
        t.busy = true;
    }
    let r = vm.call_positional(func, &[obj.clone(), ev, arg]);
    if let Some(t) = vm.trace.as_mut() {
        t.busy = false;
    }
    drop_if_idle(vm);
    r
}

/// A trace function that raised is removed, with the frame's local one (CPython's
/// `trace_trampoline`).
fn trace_failed(vm: &mut Vm, obj: &Value, e: PyErr) -> PyErr {
    if let Some(f) = frame_info(obj) {
        *f.trace.borrow_mut() = Value::None;
    }
    set_trace(vm, Value::None);
    e
}

/// Call the frame's local trace function for `event`; its result (unless None) becomes
/// the new local trace function.
fn local_event(vm: &mut Vm, obj: &Value, depth: usize, event: &str, arg: Value) -> PyResult<()> {
    let Some(func) = frame_info(obj).map(|f| f.trace.borrow().clone()).filter(|f| !f.is_none()) else { return Ok(()) };
    if vm.trace.as_ref().is_none_or(|t| t.trace.is_none()) {
        return Ok(());
    }
    match call(vm, &func, obj, depth, event, arg) {
        Ok(r) => {
            if !r.is_none() {
                if let Some(f) = frame_info(obj) {
                    *f.trace.borrow_mut() = r;
                }
            }
            Ok(())
        }
        Err(e) => Err(trace_failed(vm, obj, e)),
    }
}

/// Report `event` to the profile function (its result is ignored; if it raises it is
/// removed, as CPython's `profile_trampoline`).
fn profile_event(vm: &mut Vm, obj: &Value, depth: usize, event: &str, arg: Value) -> PyResult<()> {
    let Some(func) = vm.trace.as_ref().map(|t| t.profile.clone()).filter(|f| !f.is_none()) else { return Ok(()) };
    if let Err(e) = call(vm, &func, obj, depth, event, arg) {
        set_profile(vm, Value::None);
        return Err(e);
    }
    Ok(())
}

/// Before instruction `i` (`op`) of the innermost frame runs in the traced loop.
pub fn instruction(vm: &mut Vm, i: usize, op: Opcode) -> PyResult<()> {
    let depth = vm.frames.len() - 1;
    let prev = {
        let frame = vm.frames.last_mut().expect("frame");
        std::mem::replace(&mut frame.lasti, i)
    };
    let Some(state) = vm.trace.as_ref() else { return Ok(()) };
    if state.busy {
        return Ok(());
    }
    if op == Opcode::Resume {
        return call_event(vm, depth);
    }
    let Some(t) = traced(vm, depth) else { return Ok(()) };
    if i < t.first_traceable {
        return Ok(());
    }
    let (obj, lines, first) = (t.obj.clone(), t.lines.clone(), t.first_traceable);
    // maybe_call_line_trace: a new line, or a backward jump (not SEND's), starts a line event.
    let line = lines.get(i).copied().unwrap_or(-1);
    let lastline = if prev <= first { -1 } else { lines.get(prev).copied().unwrap_or(-1) };
    let prev_op = vm.frames[depth].code.instrs.get(prev).map(|c| c.get().op);
    if let Some(f) = frame_info(&obj) {
        let backward = i < prev && prev_op != Some(Opcode::Send);
        if line != -1 && f.trace_lines.get() && (line != lastline || backward) {
            local_event(vm, &obj, depth, "line", Value::None)?;
        }
    }
    if frame_info(&obj).is_some_and(|f| f.trace_opcodes.get()) {
        local_event(vm, &obj, depth, "opcode", Value::None)?;
    }
    if matches!(op, Opcode::ReturnValue | Opcode::YieldValue) {
        let value = {
            let f = &vm.frames[depth];
            f.slots.get(f.sp.wrapping_sub(1)).cloned().unwrap_or(Value::None)
        };
        return_event(vm, depth, value)?;
    }
    Ok(())
}

/// RESUME: the frame at `depth` starts or resumes (CPython's `trace_function_entry`):
/// it gets a fresh frame object, the profile function sees "call", and the global trace
/// function's result becomes the frame's local trace function.
fn call_event(vm: &mut Vm, depth: usize) -> PyResult<()> {
    let obj = enter(vm, depth, true)?;
    profile_event(vm, &obj, depth, "call", Value::None)?;
    let Some(func) = vm.trace.as_ref().map(|t| t.trace.clone()).filter(|f| !f.is_none()) else { return Ok(()) };
    match call(vm, &func, &obj, depth, "call", Value::None) {
        Ok(r) => {
            if let Some(f) = frame_info(&obj) {
                *f.trace.borrow_mut() = r;
            }
            Ok(())
        }
        Err(e) => Err(trace_failed(vm, &obj, e)),
    }
}

/// The frame at `depth` returns or yields `value` (CPython's `trace_function_exit`).
fn return_event(vm: &mut Vm, depth: usize, value: Value) -> PyResult<()> {
    let obj = match traced(vm, depth) {
        Some(t) => t.obj.clone(),
        None if vm.trace.as_ref().is_some_and(|t| !t.profile.is_none()) => enter(vm, depth, false)?,
        None => return Ok(()),
    };
    forget(vm, depth);
    local_event(vm, &obj, depth, "return", value.clone())?;
    profile_event(vm, &obj, depth, "return", value)
}

/// An exception is being raised in (or passes through) the innermost frame (CPython's
/// `call_exc_trace`): its local trace function sees (type, value, traceback).
pub fn exception(vm: &mut Vm, err: &PyErr) -> PyResult<()> {
    let depth = vm.frames.len().saturating_sub(1);
    if vm.trace.as_ref().is_none_or(|t| t.busy) {
        return Ok(());
    }
    let Some(obj) = traced(vm, depth).map(|t| t.obj.clone()) else { return Ok(()) };
    let exc = Value::Obj(err.0.clone());
    let tb = match &err.0.payload {
        crate::object::Payload::Exception(d) => d.traceback.borrow().clone(),
        _ => Value::None,
    };
    let arg = vm.new_tuple(vec![Value::Obj(err.0.class()), exc, tb]);
    local_event(vm, &obj, depth, "exception", arg)
}

/// The innermost frame is left by an exception: "return" with None.
pub fn unwind_exit(vm: &mut Vm) -> PyResult<()> {
    let depth = vm.frames.len().saturating_sub(1);
    if vm.trace.as_ref().is_none_or(|t| t.busy) {
        return Ok(());
    }
    return_event(vm, depth, Value::None)
}

/// Around a call of a builtin `callable` by the traced loop: the profile function's
/// c_call, then c_return or c_exception.
pub fn c_call(vm: &mut Vm, callable: &Value, run: impl FnOnce(&mut Vm) -> PyResult<Value>) -> PyResult<Value> {
    let depth = vm.frames.len().saturating_sub(1);
    let is_builtin = callable.as_obj().is_some_and(|o: &PyRef| matches!(o.payload, crate::object::Payload::NativeFunction(_)));
    let profiled = is_builtin && vm.trace.as_ref().is_some_and(|t| !t.profile.is_none() && !t.busy);
    if !profiled {
        return run(vm);
    }
    let obj = enter(vm, depth, false)?;
    profile_event(vm, &obj, depth, "c_call", callable.clone())?;
    let r = run(vm);
    let event = if r.is_ok() { "c_return" } else { "c_exception" };
    profile_event(vm, &obj, depth, event, callable.clone())?;
    r
}
