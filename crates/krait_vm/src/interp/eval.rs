//! The evaluation loop: runs frames on the explicit frame stack. A Python-to-Python call
//! pushes a frame and continues the loop; RETURN_VALUE pops it — no Rust recursion.
//! Errors unwind through the exception table, frame by frame.

use super::code::{Code, Instr};
use super::frame::Frame;
use super::ops;
use crate::object::{Args, BinOp, CmpOp, Payload, PyRef, UnaryOp, Value};
use crate::types::dict_ops;
use crate::types::function::Function;
use crate::vm::{PyErr, PyResult, Vm};
use krait_bytecode::Opcode;
use std::cell::RefCell;
use std::rc::Rc;

/// Run `frame` to completion and return its result. Native code calling into Python
/// comes here, so the recursion limit hit here is "while calling a Python object".
pub fn run_frame(vm: &mut Vm, frame: Box<Frame>) -> PyResult<Value> {
    if vm.frames.len() >= vm.recursion_limit || vm.stack_exhausted() {
        return Err(vm.new_recursion_error("maximum recursion depth exceeded while calling a Python object"));
    }
    let base = vm.frames.len();
    vm.frames.push(frame);
    let r = run(vm, base, None);
    vm.frames.truncate(base);
    match r? {
        Completion::Return(v) => Ok(v),
        Completion::Yield(_) => Err(vm.new_system_error("yield outside a generator frame")),
    }
}

/// How a run of the loop ended for its base frame.
pub enum Completion {
    /// The base frame returned (it has been popped).
    Return(Value),
    /// The base frame (a generator's) yielded; it is still on `vm.frames`.
    Yield(Value),
}

/// What an instruction asks the loop to do next.
enum Flow {
    /// The current frame returned this value.
    Return(Value),
    /// The current frame yielded this value.
    Yield(Value),
    /// RETURN_GENERATOR: the current frame becomes a generator object.
    MakeGenerator,
    /// Tracing was turned on or off: go on in the other variant of the loop.
    Switch,
}

/// Run the frames above `base` until the frame at `base` returns or yields. `pending`
/// starts by raising that exception in the innermost frame (generator `throw`).
pub fn run(vm: &mut Vm, base: usize, pending: Option<PyErr>) -> PyResult<Completion> {
    let mut pending = pending;
    loop {
        let result = match pending.take() {
            Some(e) => Err(e),
            // The traced loop runs while a trace or profile function is set.
            None if vm.trace.is_some() => step_frame::<true>(vm, base),
            None => step_frame::<false>(vm, base),
        };
        match result {
            Ok(Flow::Return(v)) => {
                if let Some(f) = vm.frames.pop() {
                    vm.recycle_frame(f);
                }
                if vm.frames.len() == base {
                    return Ok(Completion::Return(v));
                }
                vm.frames.last_mut().expect("caller frame").push(v);
            }
            Ok(Flow::Yield(v)) => return Ok(Completion::Yield(v)),
            Ok(Flow::Switch) => {}
            Ok(Flow::MakeGenerator) => {
                let frame = vm.frames.pop().expect("generator frame");
                let gen = crate::types::generator::new_generator(vm, frame);
                if vm.frames.len() == base {
                    return Ok(Completion::Return(gen));
                }
                vm.frames.last_mut().expect("caller frame").push(gen);
            }
            Err(err) => {
                set_context(vm, &err);
                // Unwind: find a handler in this frame or an outer one of this run.
                let mut err = err;
                loop {
                    // RERAISE restored `lasti` for the traceback and handler's lasti, but the
                    // handler is looked up at the RERAISE itself, and no traceback entry is
                    // added for it (CPython jumps straight to exception_unwind).
                    let reraised_at = vm.frames.last_mut().expect("frame").reraise_at.take();
                    if reraised_at.is_none() {
                        record_traceback(vm, &err);
                        if vm.trace.is_some() {
                            if let Err(e) = super::trace::exception(vm, &err) {
                                err = e;
                            }
                        }
                    }
                    let frame = vm.frames.last_mut().expect("frame");
                    if let Some(h) = find_handler(&frame.code, reraised_at.unwrap_or(frame.lasti)) {
                        let n = frame.code.nlocalsplus();
                        while frame.sp > n + h.depth as usize {
                            frame.pop();
                        }
                        if h.lasti {
                            let lasti = frame.lasti as i64;
                            frame.push(Value::Int(lasti));
                        }
                        frame.push(Value::Obj(err.0.clone()));
                        frame.ip = h.target as usize;
                        break;
                    }
                    if vm.trace.is_some() {
                        if let Err(e) = super::trace::unwind_exit(vm) {
                            err = e;
                        }
                    }
                    if let Some(mut f) = vm.frames.pop() {
                        if !f.gen.is_null() {
                            err = crate::types::generator::finish_inline(vm, &mut f, Some(err)).expect("error passed in");
                        }
                        vm.recycle_frame(f);
                    }
                    if vm.frames.len() == base {
                        return Err(err);
                    }
                }
            }
        }
    }
}

/// Implicit exception chaining: an exception raised while another is being handled
/// gets that one as its `__context__` (cycles are broken as CPython does).
fn set_context(vm: &mut Vm, err: &PyErr) {
    let Value::Obj(handled) = vm.exc_info.clone() else { return };
    if handled.is(&err.0) {
        return;
    }
    let Payload::Exception(data) = &err.0.payload else { return };
    if !data.context.borrow().is_none() {
        return;
    }
    // Break a cycle: if `err` is already in `handled`'s context chain, cut it there.
    let mut cur = handled.clone();
    loop {
        let next = match &cur.payload {
            Payload::Exception(d) => d.context.borrow().clone(),
            _ => Value::None,
        };
        match next {
            Value::Obj(n) if n.is(&err.0) => {
                if let Payload::Exception(d) = &cur.payload {
                    *d.context.borrow_mut() = Value::None;
                }
                break;
            }
            Value::Obj(n) => cur = n,
            _ => break,
        }
    }
    *data.context.borrow_mut() = Value::Obj(handled);
}

/// The exception handler covering instruction `lasti`, if any.
pub(crate) fn find_handler(code: &Code, lasti: usize) -> Option<super::code::Handler> {
    code.handlers.iter().find(|h| (h.start as usize) <= lasti && lasti < h.end as usize).copied()
}

/// Prepend the current frame's position to the exception's traceback.
fn record_traceback(vm: &mut Vm, err: &PyErr) {
    crate::exceptions::traceback::record(vm, err);
}

/// Execute instructions of the innermost frame until it calls, returns or raises.
/// Execute instructions until the frame at `base` returns, a frame yields or makes a
/// generator, or an error is raised. Calls to Python functions and returns to callers
/// above `base` switch frames inside this loop.
/// `TRACE` is the variant run while a trace or profile function is set (see trace.rs);
/// each variant hands over to the other where it enters a frame.
#[inline(always)]
fn step_frame<const TRACE: bool>(vm: &mut Vm, base: usize) -> PyResult<Flow> {
    'frames: loop {
    if vm.trace.is_some() != TRACE {
        return Ok(Flow::Switch);
    }
    // SAFETY: the frame is boxed, so its address is stable while `vm.frames` grows; it
    // is only popped after this loop leaves it (by `continue 'frames` or returning), and
    // native code reached from here only reads `vm.frames` (it never removes it).
    let frame: &mut Frame = unsafe { &mut *(&mut **vm.frames.last_mut().expect("frame") as *mut Frame) };
    // SAFETY: the frame owns an Rc of its code, which it never replaces while it runs;
    // the reference is not used after the frame is popped (every pop is followed by
    // `continue 'frames` or a return).
    let code: &Code = unsafe { &*Rc::as_ptr(&frame.code) };
    // The instruction array's address, loaded once per frame rather than through `code`
    // on every dispatch.
    let instrs: *const std::cell::Cell<Instr> = code.instrs.as_ptr();
    // The next instruction lives in a local while this frame runs (not a load and store
    // through the frame per instruction); `frame.ip` is written back whenever the loop
    // leaves the frame other than by returning from it or raising.
    let mut ip = frame.ip;
    // Likewise the stack pointer, for the fast path; the generic handlers below use
    // `frame.sp`, synced around them.
    let mut sp = frame.sp;
    loop {
        let i = ip;
        debug_assert!(i < code.instrs.len());
        // SAFETY: `ip` stays inside the code: every jump target and fall-through of
        // compiled or verified bytecode is an instruction of the same code object.
        let Instr { mut op, size, arg } = unsafe { (*instrs.add(i)).get() };
        ip = i + size as usize;
        if TRACE {
            // Traced, a superinstruction runs as its first half (each half its own events).
            if size == 2 && op.cache_entries() == 0 {
                op = op.deopt();
                ip = i + 1;
            }
            frame.sp = sp;
            super::trace::instruction(vm, i, op)?;
        }
        if super::fast_path::try_fast(vm, frame, code, op, arg, i, &mut sp, &mut ip) {
            continue;
        }
        // (Fast instructions neither raise nor let anything observe the frame, so only
        // the generic ones record where the frame is.)
        frame.lasti = i;
        frame.sp = sp;
        'generic: {
        match op {
            Opcode::Nop | Opcode::Resume | Opcode::Cache | Opcode::ExtendedArg | Opcode::Precall => {}
            Opcode::PopTop => {
                frame.pop();
            }
            Opcode::PushNull => frame.push(Value::Null),
            // A superinstruction the fast path declined runs its first half only; the
            // second follows in place (these base opcodes are one unit long).
            Opcode::LoadConst | Opcode::LoadConstLoadFast => {
                ip = i + 1;
                frame.push(code.consts[arg as usize].clone());
            }
            Opcode::LoadFast | Opcode::LoadFastLoadFast | Opcode::LoadFastLoadConst => {
                ip = i + 1;
                let v = frame.local_mut(arg as usize).clone();
                if v.is_null() {
                    let name = code.localsplusnames[arg as usize].as_str().map(|s| s.as_str().to_string()).unwrap_or_default();
                    return Err(vm.new_unbound_local_error(format!("cannot access local variable '{name}' where it is not associated with a value")));
                }
                frame.push(v);
            }
            Opcode::StoreFast | Opcode::StoreFastLoadFast | Opcode::StoreFastStoreFast => {
                ip = i + 1;
                let v = frame.pop();
                *frame.local_mut(arg as usize) = v;
            }
            Opcode::DeleteFast => {
                frame.slots[arg as usize] = Value::Null;
                super::breaker::poll(vm)?;
            }
            Opcode::LoadGlobal => {
                let name = &code.names[(arg >> 1) as usize];
                if arg & 1 != 0 {
                    frame.push(Value::Null);
                }
                // (A cache hit took the fast path.)
                let v = load_global_and_cache(vm, frame, &code.caches[i + 1..i + 4], name)?;
                frame.push(v);
            }
            Opcode::StoreGlobal => {
                let v = frame.pop();
                let g = frame.globals.clone();
                dict_ops::set_item(vm, &g, Value::Obj(code.names[arg as usize].clone()), v)?;
                super::breaker::poll(vm)?;
            }
            Opcode::LoadName => {
                let name = &code.names[arg as usize];
                let v = load_name(vm, frame, name)?;
                frame.push(v);
            }
            Opcode::StoreName => {
                let v = frame.pop();
                let key = Value::Obj(code.names[arg as usize].clone());
                store_name(vm, frame, key, v)?;
                super::breaker::poll(vm)?;
            }
            Opcode::BinaryOp => {
                let b = frame.pop();
                let a = frame.pop();
                // `s += t` with `s` a local about to be overwritten: append in place when
                // the str is not shared (CPython's unicode_concatenate).
                let a = if arg == BinOp::Add as u32 + BinOp::INPLACE_OFFSET {
                    match concat_in_place(vm, frame, &code, i, a, &b) {
                        Ok(r) => {
                            frame.push(r);
                            break 'generic;
                        }
                        Err(a) => a,
                    }
                } else {
                    a
                };
                let r = binary_op(vm, &a, &b, arg)?;
                frame.push(r);
            }
            Opcode::CompareOp => {
                let b = frame.pop();
                let a = frame.pop();
                let r = compare(vm, &a, &b, arg)?;
                frame.push(r);
            }
            Opcode::IsOp => {
                let b = frame.pop();
                let a = frame.pop();
                frame.push(Value::Bool(a.is(&b) != (arg == 1)));
            }
            Opcode::UnaryNot => {
                let v = frame.pop();
                let t = vm.is_true(&v)?;
                frame.push(Value::Bool(!t));
            }
            Opcode::UnaryNegative | Opcode::UnaryPositive | Opcode::UnaryInvert => {
                let v = frame.pop();
                let uop = match op {
                    Opcode::UnaryNegative => UnaryOp::Neg,
                    Opcode::UnaryPositive => UnaryOp::Pos,
                    _ => UnaryOp::Invert,
                };
                let r = match (&v, uop) {
                    (Value::Int(i), UnaryOp::Neg) if *i != i64::MIN => Value::Int(-i),
                    (Value::Float(f), UnaryOp::Neg) => Value::Float(-f),
                    _ => vm.unary_op(&v, uop)?,
                };
                frame.push(r);
            }
            Opcode::PopJumpForwardIfFalse | Opcode::PopJumpBackwardIfFalse | Opcode::PopJumpForwardIfTrue | Opcode::PopJumpBackwardIfTrue => {
                let v = frame.pop();
                let t = match v {
                    Value::Bool(b) => b,
                    _ => vm.is_true(&v)?,
                };
                let want = matches!(op, Opcode::PopJumpForwardIfTrue | Opcode::PopJumpBackwardIfTrue);
                if t == want {
                    ip = jump_target(ip, op, arg);
                    if matches!(op, Opcode::PopJumpBackwardIfFalse | Opcode::PopJumpBackwardIfTrue) && super::breaker::is_set() {
                        super::breaker::handle(vm)?;
                    }
                }
            }
            Opcode::PopJumpForwardIfNone | Opcode::PopJumpBackwardIfNone | Opcode::PopJumpForwardIfNotNone | Opcode::PopJumpBackwardIfNotNone => {
                let v = frame.pop();
                let want_none = matches!(op, Opcode::PopJumpForwardIfNone | Opcode::PopJumpBackwardIfNone);
                if v.is_none() == want_none {
                    ip = jump_target(ip, op, arg);
                    if matches!(op, Opcode::PopJumpBackwardIfNone | Opcode::PopJumpBackwardIfNotNone) && super::breaker::is_set() {
                        super::breaker::handle(vm)?;
                    }
                }
            }
            Opcode::JumpIfFalseOrPop | Opcode::JumpIfTrueOrPop => {
                let t = vm.is_true(&frame.top().clone())?;
                if t == (op == Opcode::JumpIfTrueOrPop) {
                    ip = jump_target(ip, op, arg);
                } else {
                    frame.pop();
                }
            }
            Opcode::JumpForward | Opcode::JumpBackwardNoInterrupt => ip = jump_target(ip, op, arg),
            Opcode::JumpBackward => {
                // (The fast path takes this jump unless a request is pending.)
                super::breaker::handle(vm)?;
                ip = jump_target(ip, op, arg);
            }
            Opcode::ReturnValue => {
                let mut v = frame.pop();
                if !frame.init_self.is_null() {
                    v = init_result(vm, frame, v)?;
                }
                if !frame.gen.is_null() {
                    // An inline-resumed generator is exhausted: the FOR_ITER that resumed
                    // it leaves the loop; a SEND replaces the receiver by the return value.
                    if let Some(mut f) = vm.frames.pop() {
                        crate::types::generator::finish_inline(vm, &mut f, None);
                        vm.recycle_frame(f);
                    }
                    let caller = vm.frames.last_mut().expect("caller frame");
                    caller.pop();
                    let resumer = caller.code.instrs[caller.lasti].get();
                    if resumer.op == Opcode::Send {
                        caller.push(v);
                    }
                    caller.ip = jump_target(caller.ip, resumer.op, resumer.arg);
                    continue 'frames;
                }
                if vm.frames.len() == base + 1 {
                    return Ok(Flow::Return(v));
                }
                // Return to a caller run by this loop.
                if let Some(f) = vm.frames.pop() {
                    vm.recycle_frame(f);
                }
                vm.frames.last_mut().expect("caller frame").push(v);
                // The returned frame's locals are gone: their finalisers run before the
                // caller goes on, as CPython's would.
                super::breaker::run_finalizers(vm);
                continue 'frames;
            }
            Opcode::ReturnGenerator => {
                frame.ip = ip;
                return Ok(Flow::MakeGenerator);
            }
            Opcode::YieldValue => {
                let v = frame.pop();
                frame.ip = ip;
                if !frame.gen.is_null() {
                    // Back to the FOR_ITER that resumed this generator.
                    if let Some(f) = vm.frames.pop() {
                        crate::types::generator::suspend_inline(vm, f);
                    }
                    vm.frames.last_mut().expect("caller frame").push(v);
                    continue 'frames;
                }
                return Ok(Flow::Yield(v));
            }
            Opcode::GetYieldFromIter => ops::async_ops::get_yield_from_iter(vm, frame, &code)?,
            Opcode::Send => {
                let v = frame.pop();
                if let Value::Obj(o) = frame.top() {
                    if matches!(o.payload, Payload::Native(_)) && vm.frames.len() < vm.recursion_limit {
                        if let Some(gen_frame) = crate::types::generator::take_for_inline_resume(vm, frame.top(), &v) {
                            frame.ip = ip;
                            vm.frames.push(gen_frame);
                            continue 'frames;
                        }
                    }
                }
                let receiver = frame.top().clone();
                match crate::types::generator::send(vm, &receiver, v)? {
                    crate::types::generator::SendResult::Yield(r) => frame.push(r),
                    crate::types::generator::SendResult::Return(r) => {
                        frame.pop();
                        frame.push(r);
                        ip = jump_target(ip, op, arg);
                    }
                }
            }
            Opcode::KwNames => frame.kwnames = Some(arg),
            Opcode::Call => {
                // Pending requests (finalisers, signals…) are served before the next call.
                if super::breaker::is_set() {
                    super::breaker::handle(vm)?;
                }
                // KW_NAMES left the index of a constant tuple of keyword names.
                let kw: &[Value] = match frame.kwnames.take() {
                    Some(k) => code.consts[k as usize].as_obj().and_then(|o| o.as_tuple()).unwrap_or(&[]),
                    None => &[],
                };
                let argc = arg as usize;
                let sp = frame.sp;
                if frame.slots[sp - argc - 2].is_null() {
                    // A bound method called as `NULL, method, args...`: unpack it into the
                    // `func, self, args...` form.
                    if let Value::Obj(m) = &frame.slots[sp - argc - 1] {
                        if let Payload::Method { func: Value::Obj(func), self_ } = &m.payload {
                            if matches!(func.payload, Payload::Function(_)) {
                                let (func, self_) = (Value::Obj(func.clone()), self_.clone());
                                frame.slots[sp - argc - 2] = func;
                                frame.slots[sp - argc - 1] = self_;
                            }
                        }
                    }
                }
                if kw.is_empty() {
                    // `NULL, func, args...` or `func, self, args...` (after LOAD_METHOD).
                    let (func_at, nargs) = if frame.slots[sp - argc - 2].is_null() { (sp - argc - 1, argc) } else { (sp - argc - 2, argc + 1) };
                    if let Some(new_frame) = super::call::fast_call_frame(vm, frame, func_at, nargs, sp - argc - 2) {
                        if vm.frames.len() >= vm.recursion_limit {
                            vm.recycle_frame(new_frame);
                            return Err(vm.new_recursion_error("maximum recursion depth exceeded"));
                        }
                        frame.ip = ip;
                        vm.frames.push(new_frame);
                        continue 'frames;
                    }
                }
                let (callable, start) = if frame.slots[sp - argc - 2].is_null() {
                    (frame.slots[sp - argc - 1].clone(), sp - argc)
                } else {
                    (frame.slots[sp - argc - 2].clone(), sp - argc - 1)
                };
                if let Value::Obj(f) = &callable {
                    match f.payload {
                        Payload::Function(_) => {
                            if vm.frames.len() >= vm.recursion_limit {
                                return Err(vm.new_recursion_error("maximum recursion depth exceeded"));
                            }
                            let new_frame = super::call::make_frame(vm, f, Args { args: &frame.slots[start..sp], kwnames: kw })?;
                            frame.drop_top(argc + 2);
                            frame.ip = ip;
                            vm.frames.push(new_frame);
                            continue 'frames;
                        }
                        Payload::Type(_) => {
                            if let Some(new_frame) = ops::calls::class_init_frame(vm, frame, argc, kw)? {
                                frame.ip = ip;
                                vm.frames.push(new_frame);
                                continue 'frames;
                            }
                        }
                        _ => {}
                    }
                }
                // The arguments are passed in place; the callee cannot reach this
                // frame's value stack.
                let r = if TRACE {
                    super::trace::c_call(vm, &callable, |vm| vm.call(&callable, Args { args: &frame.slots[start..sp], kwnames: kw }))
                } else {
                    vm.call(&callable, Args { args: &frame.slots[start..sp], kwnames: kw })
                };
                frame.drop_top(argc + 2);
                frame.push(r?);
                // As CPython, a signal raised by a native call (os.kill) is served here,
                // so that its handler's exception points at this call.
                if super::breaker::is_set() {
                    super::breaker::handle(vm)?;
                    // sys.settrace/setprofile take effect at once.
                    if vm.trace.is_some() != TRACE {
                        frame.ip = ip;
                        return Ok(Flow::Switch);
                    }
                }
            }
            Opcode::MakeFunction => {
                let codeobj = frame.pop();
                let closure = if arg & 0x08 != 0 { Some(frame.pop()) } else { None };
                let annotations = if arg & 0x04 != 0 { frame.pop() } else { Value::None };
                let kwdefaults = if arg & 0x02 != 0 { frame.pop() } else { Value::None };
                let defaults = if arg & 0x01 != 0 { frame.pop() } else { Value::None };
                let f = make_function(vm, frame, &codeobj, defaults, kwdefaults, annotations, closure)?;
                frame.push(f);
            }
            Opcode::BuildTuple => {
                let items = frame.pop_n(arg as usize);
                let t = vm.new_tuple(items);
                frame.push(t);
            }
            Opcode::BuildList => {
                let items = frame.pop_n(arg as usize);
                let l = vm.new_list(items);
                frame.push(l);
            }
            Opcode::ListAppend => {
                let v = frame.pop();
                let l = frame.peek(arg as usize).clone();
                if let Some(list) = l.as_obj().and_then(|o| o.as_list()) {
                    list.borrow_mut().push(v);
                }
            }
            Opcode::ListExtend => {
                let v = frame.pop();
                let items = vm.collect(&v)?;
                let l = frame.peek(arg as usize).clone();
                if let Some(list) = l.as_obj().and_then(|o| o.as_list()) {
                    list.borrow_mut().extend(items);
                }
            }
            Opcode::ListToTuple => {
                let l = frame.pop();
                let items = vm.collect(&l)?;
                let t = vm.new_tuple(items);
                frame.push(t);
            }
            Opcode::BuildMap => {
                let items = frame.pop_n(2 * arg as usize);
                let d = vm.new_dict_ref();
                for kv in items.chunks_exact(2) {
                    dict_ops::set_item(vm, &d, kv[0].clone(), kv[1].clone())?;
                }
                frame.push(Value::Obj(d));
            }
            Opcode::BuildConstKeyMap => {
                let keys = frame.pop();
                let values = frame.pop_n(arg as usize);
                let d = vm.new_dict_ref();
                let keys = vm.collect(&keys)?;
                for (k, v) in keys.into_iter().zip(values) {
                    dict_ops::set_item(vm, &d, k, v)?;
                }
                frame.push(Value::Obj(d));
            }
            Opcode::MapAdd => {
                let v = frame.pop();
                let k = frame.pop();
                if let Some(d) = frame.peek(arg as usize).as_obj().cloned() {
                    dict_ops::set_item(vm, &d, k, v)?;
                }
            }
            Opcode::BuildString => {
                let items = frame.pop_n(arg as usize);
                let mut s = String::new();
                for it in &items {
                    s.push_str(&vm.str_of(it));
                }
                let v = vm.new_str(&s);
                frame.push(v);
            }
            Opcode::FormatValue => {
                let spec = if arg & 0x04 != 0 { frame.pop() } else { Value::Null };
                let v = frame.pop();
                let v = match arg & 0x03 {
                    1 => Value::Obj(vm.str(&v)?),
                    2 => Value::Obj(vm.repr(&v)?),
                    3 => Value::Obj(vm.ascii(&v)?),
                    _ => v,
                };
                let r = vm.format(&v, &spec)?;
                frame.push(Value::Obj(r));
            }
            Opcode::LoadAttr => {
                let obj = frame.pop();
                let v = ops::attr::load_attr(vm, &code, i, &obj, &code.names[arg as usize])?;
                frame.push(v);
            }
            Opcode::LoadMethod => ops::attr::load_method(vm, frame, &code, i, &code.names[arg as usize])?,
            Opcode::CallFunctionEx => ops::calls::call_function_ex(vm, frame, arg)?,
            Opcode::BuildSet => ops::build::build_set(vm, frame, arg as usize)?,
            Opcode::SetAdd => ops::build::set_add(vm, frame, arg as usize)?,
            Opcode::SetUpdate => ops::build::set_update(vm, frame, arg as usize)?,
            Opcode::DictUpdate => ops::build::dict_update(vm, frame, arg as usize)?,
            Opcode::DictMerge => ops::build::dict_merge(vm, frame, arg as usize)?,
            Opcode::BuildSlice => {
                let next = code.instrs.get(ip).map(|c| c.get());
                match next {
                    Some(n) if n.op == Opcode::BinarySubscr && ops::build::slice_subscr(vm, frame, arg as usize) => ip += n.size as usize,
                    _ => ops::build::build_slice(vm, frame, arg as usize),
                }
            }
            Opcode::UnpackEx => ops::build::unpack_ex(vm, frame, arg)?,
            Opcode::GetLen => ops::build::get_len(vm, frame)?,
            Opcode::DeleteName => {
                ops::names::delete_name(vm, frame, &code, arg as usize)?;
                super::breaker::poll(vm)?;
            }
            Opcode::DeleteGlobal => {
                ops::names::delete_global(vm, frame, &code, arg as usize)?;
                super::breaker::poll(vm)?;
            }
            Opcode::DeleteDeref => ops::names::delete_deref(vm, frame, &code, arg as usize)?,
            Opcode::LoadClassderef => {
                let v = ops::names::load_classderef(vm, frame, &code, arg as usize)?;
                frame.push(v);
            }
            Opcode::SetupAnnotations => ops::names::setup_annotations(vm, frame)?,
            Opcode::PrintExpr => ops::names::print_expr(vm, frame)?,
            Opcode::BeforeWith => ops::with_stmt::before_with(vm, frame)?,
            Opcode::BeforeAsyncWith => ops::with_stmt::before_async_with(vm, frame)?,
            Opcode::GetAwaitable => ops::async_ops::get_awaitable(vm, frame, arg)?,
            Opcode::GetAiter => ops::async_ops::get_aiter(vm, frame)?,
            Opcode::GetAnext => ops::async_ops::get_anext(vm, frame)?,
            Opcode::AsyncGenWrap => crate::types::async_gen::wrap_top(vm, frame),
            // (aiter, exc -- ): StopAsyncIteration ends the loop, anything else re-raises.
            Opcode::EndAsyncFor => {
                let exc = frame.pop();
                let stop = vm.exc.stop_async_iteration.clone();
                match exc {
                    Value::Obj(o) if !vm.is_subtype(&o.class(), &stop) => {
                        frame.reraise_at = Some(i);
                        return Err(PyErr(o));
                    }
                    _ => {
                        frame.pop();
                    }
                }
            }
            Opcode::WithExceptStart => ops::with_stmt::with_except_start(vm, frame)?,
            Opcode::MatchMapping => ops::matching::match_flag(vm, frame, crate::object::TypeFlags::MAPPING),
            Opcode::MatchSequence => ops::matching::match_flag(vm, frame, crate::object::TypeFlags::SEQUENCE),
            Opcode::MatchKeys => ops::matching::match_keys(vm, frame)?,
            Opcode::MatchClass => ops::matching::match_class(vm, frame, arg as usize)?,
            Opcode::ImportName => ops::imports::import_name(vm, frame, &code.names[arg as usize])?,
            Opcode::ImportFrom => ops::imports::import_from(vm, frame, &code.names[arg as usize])?,
            Opcode::ImportStar => ops::imports::import_star(vm, frame)?,
            Opcode::CheckEgMatch => ops::except_star::check_eg_match(vm, frame)?,
            Opcode::PrepReraiseStar => ops::except_star::prep_reraise_star(vm, frame)?,
            Opcode::StoreAttr => {
                let obj = frame.pop();
                let v = frame.pop();
                ops::attr::store_attr(vm, &code, i, &obj, &code.names[arg as usize], v)?;
            }
            Opcode::DeleteAttr => {
                let obj = frame.pop();
                vm.set_attr(&obj, &code.names[arg as usize], Value::Null)?;
                drop(obj);
                super::breaker::poll(vm)?;
            }
            Opcode::BinarySubscr => {
                let key = frame.pop();
                let container = frame.pop();
                let r = vm.get_item(&container, &key)?;
                frame.push(r);
            }
            Opcode::StoreSubscr => {
                let key = frame.pop();
                let container = frame.pop();
                let v = frame.pop();
                vm.set_item(&container, &key, v)?;
            }
            Opcode::DeleteSubscr => {
                let key = frame.pop();
                let container = frame.pop();
                vm.set_item(&container, &key, Value::Null)?;
                drop((key, container));
                super::breaker::poll(vm)?;
            }
            Opcode::GetIter => {
                let v = frame.pop();
                let it = vm.iter(&v)?;
                frame.push(it);
            }
            Opcode::ForIter => {
                if let Value::Obj(o) = frame.top() {
                    if matches!(o.payload, Payload::Native(_)) && vm.frames.len() < vm.recursion_limit {
                        if let Some(gen_frame) = crate::types::generator::take_for_inline_resume(vm, frame.top(), &Value::None) {
                            frame.ip = ip;
                            vm.frames.push(gen_frame);
                            continue 'frames;
                        }
                    }
                }
                let it = frame.top().clone();
                match vm.next(&it)? {
                    Some(v) => frame.push(v),
                    None => {
                        frame.pop();
                        ip = jump_target(ip, op, arg);
                    }
                }
            }
            Opcode::UnpackSequence => {
                // (Exact tuples and lists of the right length take the fast path.)
                let seq = frame.pop();
                let items = ops::build::unpack_items(vm, &seq)?;
                if items.len() != arg as usize {
                    let msg = if items.len() > arg as usize {
                        format!("too many values to unpack (expected {arg})")
                    } else {
                        format!("not enough values to unpack (expected {arg}, got {})", items.len())
                    };
                    return Err(vm.new_value_error(msg));
                }
                for v in items.into_iter().rev() {
                    frame.push(v);
                }
            }
            Opcode::Copy => {
                let v = frame.peek(arg as usize).clone();
                frame.push(v);
            }
            Opcode::Swap => {
                let top = frame.sp - 1;
                frame.slots.swap(top, frame.sp - arg as usize);
            }
            Opcode::ContainsOp => {
                let container = frame.pop();
                let item = frame.pop();
                let r = vm.contains(&container, &item)?;
                frame.push(Value::Bool(r != (arg == 1)));
            }
            Opcode::RaiseVarargs => {
                let cause = if arg >= 2 { Some(frame.pop()) } else { None };
                let exc = if arg >= 1 { frame.pop() } else { Value::Null };
                return Err(make_raise(vm, exc, cause)?);
            }
            Opcode::PushExcInfo => {
                let exc = frame.pop();
                let prev = std::mem::replace(&mut vm.exc_info, exc.clone());
                frame.push(prev);
                frame.push(exc);
            }
            Opcode::PopExcept => {
                let prev = frame.pop();
                vm.exc_info = prev;
            }
            Opcode::CheckExcMatch => {
                let ty = frame.pop();
                ops::except_star::check_except_type(vm, &ty)?;
                let exc = frame.top().clone();
                let r = vm.isinstance(&exc, &ty)?;
                frame.push(Value::Bool(r));
            }
            Opcode::Reraise => {
                let exc = frame.pop();
                frame.reraise_at = Some(i);
                if arg != 0 {
                    if let Value::Int(lasti) = frame.peek(arg as usize) {
                        frame.lasti = *lasti as usize;
                    }
                }
                if let Value::Obj(o) = exc {
                    return Err(PyErr(o));
                }
                return Err(vm.new_system_error("RERAISE without an exception"));
            }
            Opcode::LoadAssertionError => frame.push(Value::Obj(vm.exc.assertion_error.clone())),
            Opcode::MakeCell => {
                let v = std::mem::replace(&mut frame.slots[arg as usize], Value::Null);
                let t = vm.types.cell.clone();
                frame.slots[arg as usize] = vm.wrap(Payload::Cell(RefCell::new(v)), &t);
            }
            Opcode::CopyFreeVars => {}
            Opcode::LoadClosure => {
                let v = frame.slots[arg as usize].clone();
                frame.push(v);
            }
            Opcode::LoadDeref => {
                let v = ops::names::cell_contents(frame, arg as usize);
                if v.is_null() {
                    return Err(ops::names::unbound_deref(vm, &code, arg as usize));
                }
                frame.push(v);
            }
            Opcode::StoreDeref => {
                let v = frame.pop();
                if let Value::Obj(o) = &frame.slots[arg as usize] {
                    if let Payload::Cell(c) = &o.payload {
                        *c.borrow_mut() = v;
                    }
                }
            }
            Opcode::LoadBuildClass => {
                let name = vm.intern("__build_class__");
                let b = frame.builtins.clone();
                let hash = vm.hash(&Value::Obj(name.clone()))?;
                match dict_ops::get_str(vm, &b, &name, hash) {
                    Some(v) => frame.push(v),
                    None => return Err(vm.new_name_error("__build_class__ not found")),
                }
            }
            _ => {
                return Err(vm.new_not_implemented_error(format!("krait does not implement the opcode {} yet", op.name())));
            }
        }
        }
        sp = frame.sp;
    }
}
    }

/// What a class call returns when its `__init__` frame returns `v`: the instance, or
/// (raised in the caller, as type_call does, after popping the `__init__` frame)
/// TypeError if `__init__` returned something other than None.
#[cold]
fn init_result(vm: &mut Vm, frame: &mut Frame, v: Value) -> PyResult<Value> {
    let instance = std::mem::replace(&mut frame.init_self, Value::Null);
    if v.is_none() {
        return Ok(instance);
    }
    let n = vm.type_name(&v);
    let err = vm.new_type_error(format!("__init__() should return None, not '{n}'"));
    if let Some(f) = vm.frames.pop() {
        vm.recycle_frame(f);
    }
    Err(err)
}

/// Where a jump instruction goes, from `next` (the position past it and its caches).
#[inline]
pub(super) fn jump_target(next: usize, op: Opcode, arg: u32) -> usize {
    if matches!(op.arg_kind(), krait_bytecode::ArgKind::JumpBackward) {
        next - arg as usize
    } else {
        next + arg as usize
    }
}

/// LOAD_GLOBAL's inline cache (3 words): the globals dict version, the builtins dict
/// version, and `VALID | pos << 1 | in_builtins`. Equal dict versions mean the same keys
/// at the same positions, so the cached position still holds `name`; only its value is read.
const CACHE_VALID: u64 = 1 << 63;

#[inline]
pub(super) fn global_cache_hit(frame: &Frame, cache: &[std::cell::Cell<u64>], name: &PyRef) -> Option<Value> {
    let tag = cache[2].get();
    if tag & CACHE_VALID == 0 {
        return None;
    }
    let g = frame.globals.as_dict()?.borrow();
    if g.version != cache[0].get() {
        return None;
    }
    let pos = ((tag & !CACHE_VALID) >> 1) as usize;
    if tag & 1 == 0 {
        return g.entry_if_key(pos, name).map(|e| e.value.clone());
    }
    let b = frame.builtins.as_dict()?.borrow();
    if b.version != cache[1].get() {
        return None;
    }
    b.entry_if_key(pos, name).map(|e| e.value.clone())
}

#[cold]
fn load_global_and_cache(vm: &mut Vm, frame: &Frame, cache: &[std::cell::Cell<u64>], name: &PyRef) -> PyResult<Value> {
    let hash = vm.hash(&Value::Obj(name.clone()))?;
    let version = |d: &PyRef| d.as_dict().map_or(0, |t| t.borrow().version);
    if let Some((pos, v)) = dict_ops::get_str_pos(vm, &frame.globals, name, hash) {
        cache[0].set(version(&frame.globals));
        cache[2].set(CACHE_VALID | (pos as u64) << 1);
        return Ok(v);
    }
    if let Some((pos, v)) = dict_ops::get_str_pos(vm, &frame.builtins, name, hash) {
        cache[0].set(version(&frame.globals));
        cache[1].set(version(&frame.builtins));
        cache[2].set(CACHE_VALID | (pos as u64) << 1 | 1);
        return Ok(v);
    }
    Err(vm.new_name_not_defined(name))
}

fn load_global(vm: &mut Vm, frame: &Frame, name: &PyRef) -> PyResult<Value> {
    let hash = vm.hash(&Value::Obj(name.clone()))?;
    if let Some(v) = dict_ops::get_str(vm, &frame.globals, name, hash) {
        return Ok(v);
    }
    if let Some(v) = dict_ops::get_str(vm, &frame.builtins, name, hash) {
        return Ok(v);
    }
    Err(vm.new_name_not_defined(name))
}

fn load_name(vm: &mut Vm, frame: &Frame, name: &PyRef) -> PyResult<Value> {
    if let Value::Obj(l) = &frame.locals {
        if l.is(&frame.globals) {
            // Module level: the locals are the globals.
        } else if vm.is_exact(l, &vm.types.dict) {
            let hash = vm.hash(&Value::Obj(name.clone()))?;
            if let Some(v) = dict_ops::get_str(vm, l, name, hash) {
                return Ok(v);
            }
        } else {
            let l = frame.locals.clone();
            match vm.get_item(&l, &Value::Obj(name.clone())) {
                Ok(v) => return Ok(v),
                Err(e) if vm.isinstance(&Value::Obj(e.0.clone()), &Value::Obj(vm.exc.key_error.clone()))? => {}
                Err(e) => return Err(e),
            }
        }
    }
    load_global(vm, frame, name)
}

fn store_name(vm: &mut Vm, frame: &Frame, key: Value, v: Value) -> PyResult<()> {
    match &frame.locals {
        Value::Obj(l) if vm.is_exact(l, &vm.types.dict) => dict_ops::set_item(vm, l, key, v),
        Value::Obj(_) => {
            let l = frame.locals.clone();
            vm.set_item(&l, &key, v)
        }
        _ => Err(vm.new_system_error("no locals found when storing a name")),
    }
}

/// `a += b` for exact strs when the next instruction stores into the local that holds
/// `a`: that local's reference is dropped first, and if `a` is then unshared it is
/// extended in place. Gives `a` back when the fast path does not apply.
fn concat_in_place(vm: &Vm, frame: &mut Frame, code: &Code, i: usize, a: Value, b: &Value) -> Result<Value, Value> {
    let (Value::Obj(ao), Value::Obj(bo)) = (&a, b) else { return Err(a) };
    if !vm.is_exact(ao, &vm.types.str) || !vm.is_exact(bo, &vm.types.str) {
        return Err(a);
    }
    let next = i + 1 + Opcode::BinaryOp.cache_entries() as usize;
    let Some(store) = code.instrs.get(next).map(|c| c.get()) else { return Err(a) };
    if store.op.deopt() != Opcode::StoreFast || !frame.local_mut(store.arg as usize).is(&a) {
        return Err(a);
    }
    *frame.local_mut(store.arg as usize) = Value::Null;
    let Value::Obj(mut owned) = a else { unreachable!("checked above") };
    let Some(tail) = bo.as_str() else { return Err(Value::Obj(owned)) };
    match owned.get_mut().map(|o| &mut o.payload) {
        Some(Payload::Str(s)) => {
            s.push_str(tail);
            Ok(Value::Obj(owned))
        }
        _ => Err(Value::Obj(owned)),
    }
}

#[inline]
fn binary_op(vm: &mut Vm, a: &Value, b: &Value, arg: u32) -> PyResult<Value> {
    let Some((op, inplace)) = BinOp::from_arg(arg) else {
        return Err(vm.new_system_error("bad BINARY_OP argument"));
    };
    // (Small ints and floats took the fast path: `arith_fast`.)
    vm.binary_op(a, b, op, inplace)
}

/// `a op b` for small ints and floats when it cannot fail or overflow; `None` otherwise.
#[inline(always)]
pub(super) fn arith_fast(op: BinOp, a: &Value, b: &Value) -> Option<Value> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => int_op(op, *x, *y),
        (Value::Float(x), Value::Float(y)) => float_op(op, *x, *y),
        (Value::Float(x), Value::Int(y)) => exact_f64(*y).and_then(|y| float_op(op, *x, y)),
        (Value::Int(x), Value::Float(y)) => exact_f64(*x).and_then(|x| float_op(op, x, *y)),
        _ => None,
    }
}

/// `i` as a float when the conversion is exact (|i| < 2**53), as int/float mixing needs.
#[inline]
fn exact_f64(i: i64) -> Option<f64> {
    (i.unsigned_abs() < 1 << 53).then_some(i as f64)
}

/// Small-int arithmetic with Python's semantics; `None` when the result needs a big int,
/// raises, or the operator has no shortcut (the generic path then decides).
#[inline]
fn int_op(op: BinOp, x: i64, y: i64) -> Option<Value> {
    let r = match op {
        BinOp::Add => x.checked_add(y)?,
        BinOp::Sub => x.checked_sub(y)?,
        BinOp::Mul => x.checked_mul(y)?,
        BinOp::And => x & y,
        BinOp::Or => x | y,
        BinOp::Xor => x ^ y,
        // Floor division and modulo round toward negative infinity.
        BinOp::FloorDiv => {
            let q = x.checked_div(y)?;
            if (x % y != 0) && ((x < 0) != (y < 0)) {
                q - 1
            } else {
                q
            }
        }
        BinOp::Mod => {
            let r = x.checked_rem(y)?;
            if r != 0 && ((r < 0) != (y < 0)) {
                r + y
            } else {
                r
            }
        }
        BinOp::RShift if y >= 0 => x >> y.min(63),
        BinOp::LShift if (0..64).contains(&y) => {
            let r = x << y;
            if r >> y != x {
                return None;
            }
            r
        }
        BinOp::Pow if (0..64).contains(&y) => x.checked_pow(y as u32)?,
        BinOp::TrueDiv if y != 0 => {
            let (fx, fy) = (exact_f64(x)?, exact_f64(y)?);
            return Some(Value::Float(fx / fy));
        }
        _ => return None,
    };
    Some(Value::Int(r))
}

/// Float arithmetic that cannot raise; `None` otherwise (division by zero, `%`, `//`, `**`).
#[inline]
fn float_op(op: BinOp, x: f64, y: f64) -> Option<Value> {
    Some(Value::Float(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::TrueDiv if y != 0.0 => x / y,
        // A positive finite base and a finite result: no complex, no error cases.
        BinOp::Pow if x > 0.0 && x.is_finite() && y.is_finite() => {
            let r = x.powf(y);
            if !r.is_finite() {
                return None;
            }
            r
        }
        _ => return None,
    }))
}

#[inline]
fn compare(vm: &mut Vm, a: &Value, b: &Value, arg: u32) -> PyResult<Value> {
    let Some(op) = CmpOp::from_arg(arg) else {
        return Err(vm.new_system_error("bad COMPARE_OP argument"));
    };
    // (Two small ints take the fast path.)
    vm.rich_compare(a, b, op)
}

fn make_function(vm: &mut Vm, frame: &Frame, codeobj: &Value, defaults: Value, kwdefaults: Value, annotations: Value, closure: Option<Value>) -> PyResult<Value> {
    let Some(code) = codeobj.as_obj().and_then(|o| o.native::<Rc<Code>>()).cloned() else {
        return Err(vm.new_system_error("MAKE_FUNCTION expects a code object"));
    };
    let closure = match closure {
        Some(t) => Some(vm.collect(&t)?.into_iter().filter_map(|c| c.as_obj().cloned()).collect::<Vec<_>>().into_boxed_slice()),
        None => None,
    };
    let name = Value::Obj(code.name.clone());
    let qualname = Value::Obj(code.qualname.clone());
    let module_key = vm.intern("__name__");
    let hash = vm.hash(&Value::Obj(module_key.clone()))?;
    let module = dict_ops::get_str(vm, &frame.globals, &module_key, hash).unwrap_or(Value::None);
    let doc = match code.raw.consts.first() {
        Some(krait_bytecode::Constant::Str(_)) if code.flags() & 0x0400_0000 == 0 => code.consts[0].clone(),
        _ => Value::None,
    };
    let f = Function {
        code: RefCell::new(code),
        globals: frame.globals.clone(),
        builtins: frame.builtins.clone(),
        name: RefCell::new(name),
        qualname: RefCell::new(qualname),
        defaults: RefCell::new(defaults),
        kwdefaults: RefCell::new(kwdefaults),
        closure,
        doc: RefCell::new(doc),
        module: RefCell::new(module),
        annotations: RefCell::new(annotations),
    };
    let t = vm.types.function.clone();
    Ok(vm.wrap(Payload::Function(Box::new(f)), &t))
}

/// The exception object for `raise exc from cause` (classes are instantiated).
fn make_raise(vm: &mut Vm, exc: Value, cause: Option<Value>) -> PyResult<PyErr> {
    if exc.is_null() {
        return match vm.exc_info.clone() {
            Value::Obj(o) => Ok(PyErr(o)),
            _ => Err(vm.new_runtime_error("No active exception to reraise")),
        };
    }
    let inst = vm.exception_instance(&exc)?;
    if let Some(cause) = cause {
        let cause = if cause.is_none() { Value::None } else { Value::Obj(vm.exception_cause(&cause)?) };
        if let Payload::Exception(d) = &inst.payload {
            *d.cause.borrow_mut() = cause;
            d.suppress_context.set(true);
        }
    }
    Ok(PyErr(inst))
}

