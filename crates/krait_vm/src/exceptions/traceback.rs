//! Traceback objects (`tb_next`, `tb_frame`, `tb_lasti`, `tb_lineno`) and the minimal
//! frame objects they point to, built as an exception unwinds (CPython's
//! `PyTraceBack_Here`). Frames on the interpreter's stack are not objects; a traceback
//! entry's `tb_frame` is a snapshot with `f_code`, `f_globals`, `f_builtins`,
//! `f_locals` (module and class bodies only), `f_lineno`, `f_lasti` and `f_back` None.
//! `sys._getframe` builds the same snapshots with `f_locals` always filled and `f_back`
//! chained to a snapshot of the next outer frame; a suspended generator's `gi_frame` is a
//! snapshot too.

use crate::types::getset::GetSetDef;
use crate::interp::code::Code;
use crate::object::{Payload, PyRef, Value};
use crate::vm::{PyErr, PyResult, Vm};
use std::cell::RefCell;
use std::rc::Rc;

/// The state of a frame snapshot.
pub struct FrameInfo {
    pub code: Rc<Code>,
    pub globals: PyRef,
    pub builtins: PyRef,
    /// The locals mapping of a module or class body; Null for function frames. A traced
    /// frame's is refreshed before each trace event.
    pub locals: RefCell<Value>,
    /// Instruction index (code units); a traced frame's follows the live frame.
    pub lasti: std::cell::Cell<usize>,
    /// `f_trace`, `f_trace_lines`, `f_trace_opcodes` (see interp/trace.rs).
    pub trace: RefCell<Value>,
    pub trace_lines: std::cell::Cell<bool>,
    pub trace_opcodes: std::cell::Cell<bool>,
    /// Identity of the live frame this snapshot was taken from (its address).
    frame_id: usize,
    /// `f_back`: a snapshot of the next outer frame, or None.
    back: Value,
}

/// The state of a traceback object.
pub struct Traceback {
    pub next: RefCell<Value>,
    pub frame: PyRef,
    /// Instruction index (code units); `tb_lasti` is the byte offset.
    pub lasti: usize,
    /// `tb_lineno`, given explicitly by `TracebackType(...)`; computed otherwise.
    lineno: Option<i32>,
}

impl Traceback {
    /// The frame snapshot.
    pub fn frame_info(&self) -> Option<&FrameInfo> {
        self.frame.native::<FrameInfo>()
    }

    /// `tb_lineno` (-1 when the instruction has no line).
    pub fn lineno(&self) -> i32 {
        match (self.lineno, self.frame_info()) {
            (Some(n), _) => n,
            (None, Some(f)) => location(&f.code, self.lasti).line.unwrap_or(-1),
            (None, None) => -1,
        }
    }
}

/// The source location of instruction `lasti` of `code` (CPython's `PyCode_Addr2Location`).
pub fn location(code: &Code, lasti: usize) -> krait_bytecode::line_table::Location {
    let offset = lasti * 2;
    krait_bytecode::line_table::decode(&code.raw.linetable, code.raw.firstlineno as i32)
        .into_iter()
        .find(|e| e.start <= offset && offset < e.end)
        .map(|e| e.loc)
        .unwrap_or_default()
}

/// Whether `v` is a traceback object.
pub fn is_traceback(v: &Value) -> bool {
    v.as_obj().is_some_and(|o| o.native::<Traceback>().is_some())
}

/// The traceback state of `v`, if it is a traceback object.
pub fn traceback_of(v: &Value) -> Option<&Traceback> {
    v.as_obj().and_then(|o| o.native::<Traceback>())
}

/// Prepend the innermost frame's current position to `err.__traceback__`
/// (CPython's `PyTraceBack_Here`). A re-raise (RERAISE, which restores the original
/// instruction index) adds nothing, as in CPython.
pub fn record(vm: &mut Vm, err: &PyErr) {
    let Some(frame) = vm.frames.last() else { return };
    let Payload::Exception(data) = &err.0.payload else { return };
    let frame_id = &**frame as *const crate::interp::frame::Frame as usize;
    let lasti = frame.lasti;
    // A bare `raise` (RAISE_VARARGS 0) goes straight to exception_unwind in CPython too.
    let reraise = |i: crate::interp::code::Instr| i.op == krait_bytecode::Opcode::Reraise || (i.op == krait_bytecode::Opcode::RaiseVarargs && i.arg == 0);
    if frame.code.instrs.get(lasti).is_some_and(|i| reraise(i.get())) {
        return;
    }
    let head = data.traceback.borrow().clone();
    if let Some(tb) = traceback_of(&head) {
        if tb.lasti == lasti && tb.frame_info().is_some_and(|f| f.frame_id == frame_id) {
            return;
        }
    }
    let info = snapshot_info(frame, frame.locals.clone(), Value::None);
    let Value::Obj(frame_obj) = wrap_frame(vm, info) else { return };
    let tt = vm.exc.traceback_type.clone();
    let tb = vm.wrap(Payload::Native(Box::new(Traceback { next: RefCell::new(head), frame: frame_obj, lasti, lineno: None })), &tt);
    *data.traceback.borrow_mut() = tb;
}

/// A snapshot of `vm.frames[index]` with its locals and its chain of outer frames
/// (for `sys._getframe`); None when there is no such frame.
pub fn snapshot(vm: &mut Vm, index: usize) -> PyResult<Value> {
    let mut back = Value::None;
    for i in 0..vm.frames.len().min(index + 1) {
        let locals = crate::builtins::code::frame_locals(vm, i)?;
        let info = snapshot_info(&vm.frames[i], locals, back);
        back = wrap_frame(vm, info);
    }
    Ok(back)
}

/// A snapshot of `frame`, a frame that is not on the stack (`gi_frame` of a suspended
/// generator), with its locals.
pub fn frame_object(vm: &mut Vm, frame: &crate::interp::frame::Frame) -> PyResult<Value> {
    let locals = crate::builtins::code::locals_dict(vm, frame)?;
    let info = snapshot_info(frame, locals, Value::None);
    Ok(wrap_frame(vm, info))
}

fn snapshot_info(frame: &crate::interp::frame::Frame, locals: Value, back: Value) -> FrameInfo {
    FrameInfo {
        code: frame.code.clone(),
        globals: frame.globals.clone(),
        builtins: frame.builtins.clone(),
        locals: RefCell::new(locals),
        lasti: std::cell::Cell::new(frame.lasti),
        trace: RefCell::new(Value::None),
        trace_lines: std::cell::Cell::new(true),
        trace_opcodes: std::cell::Cell::new(false),
        frame_id: frame as *const crate::interp::frame::Frame as usize,
        back,
    }
}

/// A frame object for `vm.frames[index]` whose `f_back` is `back` (for tracing, which
/// keeps one object per traced frame and refreshes it with [`refresh`]).
pub fn live_frame(vm: &mut Vm, index: usize, back: Value) -> PyResult<Value> {
    let locals = crate::builtins::code::frame_locals(vm, index)?;
    let info = snapshot_info(&vm.frames[index], locals, back);
    Ok(wrap_frame(vm, info))
}

/// Bring frame object `obj` up to date with `vm.frames[index]` (position and locals).
pub fn refresh(vm: &mut Vm, obj: &Value, index: usize) -> PyResult<()> {
    let Some(lasti) = vm.frames.get(index).map(|f| f.lasti) else { return Ok(()) };
    let locals = crate::builtins::code::frame_locals(vm, index)?;
    if let Some(f) = frame_of(obj) {
        f.lasti.set(lasti);
        *f.locals.borrow_mut() = locals;
    }
    Ok(())
}

fn wrap_frame(vm: &mut Vm, info: FrameInfo) -> Value {
    let ft = vm.exc.frame_type.clone();
    vm.wrap(Payload::Native(Box::new(info)), &ft)
}

/// The traceback entries of `tb` (a traceback object or None), outermost first.
pub fn entries(tb: &Value) -> Vec<Value> {
    let mut out = Vec::new();
    let mut cur = tb.clone();
    while let Some(t) = traceback_of(&cur) {
        out.push(cur.clone());
        let next = t.next.borrow().clone();
        cur = next;
    }
    out
}

pub fn init(vm: &mut Vm) {
    let object = vm.types.object.clone();
    let type_ = vm.types.type_.clone();
    let dict = vm.types.dict.clone();
    let mk = |name: &str| {
        let t = crate::types::bootstrap::new_type(Some(&type_), Some(&dict), name, vec![object.clone()], Default::default(), 0);
        if let Some(tt) = t.as_type() {
            *tt.mro.borrow_mut() = vec![t.clone(), object.clone()];
        }
        crate::vm_init::inherit_slots(&t);
        t
    };
    let tb = mk("traceback");
    let frame = mk("frame");
    if let Some(t) = tb.as_type() {
        t.slots.borrow_mut().new = Some(traceback_new);
    }
    if let Some(t) = frame.as_type() {
        t.slots.borrow_mut().repr = Some(frame_repr);
    }
    vm.add_getsets(&tb, &[
        GetSetDef { name: "tb_next", get: |_, v, _| Ok(traceback_of(v).map(|t| t.next.borrow().clone()).unwrap_or(Value::None)), set: Some(set_tb_next) },
        GetSetDef { name: "tb_frame", get: |_, v, _| Ok(traceback_of(v).map(|t| Value::Obj(t.frame.clone())).unwrap_or(Value::None)), set: None },
        GetSetDef { name: "tb_lasti", get: |_, v, _| Ok(traceback_of(v).map(|t| Value::Int(t.lasti as i64 * 2)).unwrap_or(Value::None)), set: None },
        GetSetDef { name: "tb_lineno", get: |_, v, _| Ok(traceback_of(v).map(|t| Value::Int(t.lineno() as i64)).unwrap_or(Value::None)), set: None },
    ]);
    vm.add_getsets(&frame, &[
        GetSetDef { name: "f_code", get: |vm, v, _| Ok(frame_of(v).map(|f| f.code.clone()).map(|c| vm.code_object(&c)).unwrap_or(Value::None)), set: None },
        GetSetDef { name: "f_globals", get: |_, v, _| Ok(frame_of(v).map(|f| Value::Obj(f.globals.clone())).unwrap_or(Value::None)), set: None },
        GetSetDef { name: "f_builtins", get: |_, v, _| Ok(frame_of(v).map(|f| Value::Obj(f.builtins.clone())).unwrap_or(Value::None)), set: None },
        GetSetDef {
            name: "f_locals",
            get: |vm, v, _| Ok(match frame_of(v).map(|f| f.locals.borrow().clone()) {
                Some(l) if !l.is_null() => l,
                _ => vm.new_dict(),
            }),
            set: None,
        },
        GetSetDef { name: "f_lineno", get: |_, v, _| Ok(frame_of(v).map(|f| Value::Int(location(&f.code, f.lasti.get()).line.unwrap_or(-1) as i64)).unwrap_or(Value::None)), set: Some(set_lineno) },
        GetSetDef { name: "f_lasti", get: |_, v, _| Ok(frame_of(v).map(|f| Value::Int(f.lasti.get() as i64 * 2)).unwrap_or(Value::None)), set: None },
        GetSetDef { name: "f_trace", get: |_, v, _| Ok(frame_of(v).map(|f| f.trace.borrow().clone()).unwrap_or(Value::None)), set: Some(set_trace) },
        GetSetDef { name: "f_trace_lines", get: |_, v, _| Ok(Value::Bool(frame_of(v).is_some_and(|f| f.trace_lines.get()))), set: Some(set_trace_flag) },
        GetSetDef { name: "f_trace_opcodes", get: |_, v, _| Ok(Value::Bool(frame_of(v).is_some_and(|f| f.trace_opcodes.get()))), set: Some(set_trace_flag) },
        GetSetDef { name: "f_back", get: |_, v, _| Ok(frame_of(v).map(|f| f.back.clone()).unwrap_or(Value::None)), set: None },
    ]);
    // frame.clear(): a snapshot owns no fast locals to release, so there is nothing to do.
    vm.add_methods(&frame, "frame", &[crate::types::methods::method("clear", "(self, /)", |_, _| Ok(Value::None))]);
    vm.exc.traceback_type = tb;
    vm.exc.frame_type = frame;
}

/// `frame.f_trace = f` (None or a deletion: no local trace function).
fn set_trace(_: &mut Vm, v: &Value, value: Value, _: &'static str) -> PyResult<()> {
    if let Some(f) = frame_of(v) {
        *f.trace.borrow_mut() = if value.is_null() { Value::None } else { value };
    }
    Ok(())
}

/// `frame.f_trace_lines = flag` / `frame.f_trace_opcodes = flag`.
fn set_trace_flag(vm: &mut Vm, v: &Value, value: Value, name: &'static str) -> PyResult<()> {
    if value.is_null() {
        return Err(vm.new_attribute_error(format!("cannot delete {name}")));
    }
    let flag = vm.is_true(&value)?;
    if let Some(f) = frame_of(v) {
        if name == "f_trace_lines" { f.trace_lines.set(flag) } else { f.trace_opcodes.set(flag) }
    }
    Ok(())
}

/// Assigning `f_lineno` (a debugger's jump) is not supported.
fn set_lineno(vm: &mut Vm, _: &Value, _: Value, _: &'static str) -> PyResult<()> {
    Err(vm.new_not_implemented_error("assigning frame.f_lineno (jumping) is not supported by krait"))
}

/// The snapshot state of a frame object.
pub fn frame_of(v: &Value) -> Option<&FrameInfo> {
    v.as_obj().and_then(|o| o.native::<FrameInfo>())
}

fn frame_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let text = match frame_of(v) {
        Some(f) => format!(
            "<frame at {:#x}, file '{}', line {}, code {}>",
            v.as_obj().map_or(0, |o| o.addr()),
            f.code.raw.filename,
            location(&f.code, f.lasti.get()).line.unwrap_or(-1),
            f.code.raw.name
        ),
        None => "<frame>".to_string(),
    };
    Ok(vm.new_str(&text))
}

/// `TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno)` (tb_new).
fn traceback_new(vm: &mut Vm, cls: &PyRef, args: crate::object::Args<'_>) -> PyResult<Value> {
    let sig = crate::types::native::Signature::cached("(tb_next, tb_frame, tb_lasti, tb_lineno)");
    let b = crate::types::native::bind(vm, &sig, "traceback", args)?;
    let a = b.as_slice();
    if !a[0].is_none() && !is_traceback(&a[0]) {
        let n = vm.type_name(&a[0]);
        return Err(vm.new_type_error(format!("expected traceback object or None, got '{n}'")));
    }
    let Some(frame) = a[1].as_obj().filter(|o| o.native::<FrameInfo>().is_some()).cloned() else {
        let n = vm.type_name(&a[1]);
        return Err(vm.new_type_error(format!("TracebackType() argument 'tb_frame' must be frame, not {n}")));
    };
    let (Value::Int(lasti), Value::Int(lineno)) = (&a[2], &a[3]) else {
        return Err(vm.new_type_error("an integer is required"));
    };
    let tb = Traceback { next: RefCell::new(a[0].clone()), frame, lasti: (*lasti).max(0) as usize / 2, lineno: Some(*lineno as i32) };
    Ok(vm.wrap(Payload::Native(Box::new(tb)), cls))
}

/// `tb.tb_next = value`: a traceback or None, without creating a loop.
fn set_tb_next(vm: &mut Vm, tb: &Value, value: Value, _name: &'static str) -> PyResult<()> {
    if value.is_null() {
        return Err(vm.new_type_error("can't delete tb_next attribute"));
    }
    if !value.is_none() && !is_traceback(&value) {
        let n = vm.type_name(&value);
        return Err(vm.new_type_error(format!("expected traceback object or None, got '{n}'")));
    }
    let mut cur = value.clone();
    while let Some(t) = traceback_of(&cur) {
        if cur.is(tb) {
            return Err(vm.new_value_error("traceback loop detected"));
        }
        let next = t.next.borrow().clone();
        cur = next;
    }
    if let Some(t) = traceback_of(tb) {
        *t.next.borrow_mut() = value;
    }
    Ok(())
}
