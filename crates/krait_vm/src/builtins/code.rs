//! Builtin functions that run or inspect code: eval, exec, compile, globals, locals.

use crate::interp::code::Code;
use crate::modules::ast;
use crate::interp::frame::Frame;
use crate::object::{Payload, PyObject, PyRef, Value};
use crate::types::dict_ops;
use crate::types::methods::{method, MethodDef};
use crate::vm::{PyResult, Vm};
use krait_bytecode::LocalKind;
use krait_compiler::{CompileOptions, Mode};
use std::rc::Rc;

pub const FUNCTIONS: &[MethodDef] = &[
    method("eval", "(source, globals=None, locals=None, /)", eval),
    method("exec", "(source, globals=None, locals=None, /, *, closure=None)", exec),
    method("compile", "(source, filename, mode, flags=0, dont_inherit=False, optimize=-1, *, _feature_version=-1)", compile),
    method("globals", "()", globals),
    method("locals", "()", locals),
    method("__import__", "(name, globals=None, locals=None, fromlist=None, level=0)", import),
];

/// builtin___import__: the import statement's machinery.
fn import(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let name = super::str_arg_with(vm, &a[0], |n| format!("__import__() argument 1 must be str, not {n}"))?;
    let level = match &a[4] {
        Value::Int(l) => *l,
        Value::Bool(b) => *b as i64,
        other => {
            let n = vm.type_name(other);
            return Err(vm.new_type_error(format!("'{n}' object cannot be interpreted as an integer")));
        }
    };
    if level < 0 {
        return Err(vm.new_value_error("level must be >= 0"));
    }
    if name.is_empty() && level == 0 {
        return Err(vm.new_value_error("Empty module name"));
    }
    let globals = a[1].as_obj().filter(|o| o.as_dict().is_some()).cloned();
    let fromlist = if a[3].is_none() { vm.new_tuple(Vec::new()) } else { a[3].clone() };
    crate::import::import_module_level(vm, &name, globals.as_ref(), &fromlist, level)
}

/// The calling frame's globals dict.
fn globals(vm: &mut Vm, _a: &[Value]) -> PyResult<Value> {
    match vm.frames.last() {
        Some(f) => Ok(Value::Obj(f.globals.clone())),
        None => Ok(Value::Obj(vm.builtins_dict.clone())),
    }
}

fn locals(vm: &mut Vm, _a: &[Value]) -> PyResult<Value> {
    caller_locals(vm)
}

/// The calling frame's locals (see `frame_locals`).
pub fn caller_locals(vm: &mut Vm) -> PyResult<Value> {
    match vm.frames.len().checked_sub(1) {
        Some(i) => frame_locals(vm, i),
        None => Ok(vm.new_dict()),
    }
}

/// The locals of `vm.frames[index]`: its mapping for module/class bodies, else a new dict
/// of the bound fast locals with cells dereferenced (PyFrame_FastToLocals).
pub fn frame_locals(vm: &mut Vm, index: usize) -> PyResult<Value> {
    let Some(frame) = vm.frames.get(index) else { return Ok(vm.new_dict()) };
    if !frame.locals.is_null() {
        return Ok(frame.locals.clone());
    }
    let pairs = local_pairs(frame);
    pairs_dict(vm, pairs)
}

/// The locals mapping of a frame that is not on the stack (a suspended generator's).
pub fn locals_dict(vm: &mut Vm, frame: &crate::interp::frame::Frame) -> PyResult<Value> {
    if !frame.locals.is_null() {
        return Ok(frame.locals.clone());
    }
    let pairs = local_pairs(frame);
    pairs_dict(vm, pairs)
}

/// The bound local variables of a function frame (cells read through).
fn local_pairs(frame: &crate::interp::frame::Frame) -> Vec<(PyRef, Value)> {
    let kinds = &frame.code.raw.localspluskinds;
    frame
        .code
        .localsplusnames
        .iter()
        .zip(frame.slots.iter())
        .zip(kinds.iter())
        .filter_map(|((name, v), kind)| {
            let v = match v {
                Value::Obj(o) if kind & (LocalKind::CELL | LocalKind::FREE) != 0 => match &o.payload {
                    Payload::Cell(c) => c.borrow().clone(),
                    _ => v.clone(),
                },
                _ => v.clone(),
            };
            (!v.is_null()).then(|| (name.clone(), v))
        })
        .collect()
}

fn pairs_dict(vm: &mut Vm, pairs: Vec<(PyRef, Value)>) -> PyResult<Value> {
    let d = vm.new_dict_ref();
    for (k, v) in pairs {
        vm.dict_set_item(&d, Value::Obj(k), v)?;
    }
    Ok(Value::Obj(d))
}

/// Compile source text into a VM code object.
fn compile_source(vm: &mut Vm, source: &str, filename: &str, mode: Mode, optimize: Option<u8>) -> PyResult<Rc<Code>> {
    let opts = CompileOptions { optimize: optimize.unwrap_or(vm.options.optimize), future_flags: 0 };
    match krait_compiler::compile(source, filename, mode, opts) {
        Ok(raw) => vm.load_code(raw),
        Err(e) => Err(crate::exceptions::syntax_error_from_compiler(vm, &e)),
    }
}

/// The source text of a str/bytes argument; `None` when it is neither.
fn source_text(vm: &mut Vm, v: &Value, filename: &str) -> PyResult<Option<String>> {
    let Value::Obj(o) = v else { return Ok(None) };
    match &o.payload {
        Payload::Str(s) => {
            // CPython encodes a str source to UTF-8 first: lone surrogates fail there.
            if !s.is_ascii() && krait_bytecode::surrogate::has_surrogates(s.as_str()) {
                crate::types::bytes::codec::encode_with(vm, crate::types::bytes::codec::Codec::Utf8, s.as_str(), "strict")?;
            }
            Ok(Some(s.as_str().to_string()))
        }
        // Bytes are decoded by their PEP 263 declaration (a str source ignores it).
        Payload::Bytes(b) => vm.decode_source(b, filename, false).map(Some),
        Payload::ByteArray(b) => {
            let data = b.borrow().clone();
            vm.decode_source(&data, filename, false).map(Some)
        }
        _ => Ok(None),
    }
}

fn code_of(v: &Value) -> Option<Rc<Code>> {
    v.as_obj().and_then(|o| o.native::<Rc<Code>>()).cloned()
}

/// A code value of type `code`.
fn code_value(vm: &mut Vm, code: Rc<Code>) -> Value {
    Value::Obj(PyRef::new(PyObject::new(vm.types.code.clone(), Payload::Native(Box::new(code)))))
}

/// compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)
fn compile(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let filename = match &a[1] {
        Value::Obj(o) if o.as_str().is_some() => vm.str_of(&a[1]).to_string(),
        Value::Obj(o) if matches!(o.payload, Payload::Bytes(_)) => match &o.payload {
            Payload::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
            _ => String::new(),
        },
        other => {
            let n = vm.type_name(other);
            return Err(vm.new_type_error(format!("expected str, bytes or os.PathLike object, not {n}")));
        }
    };
    let mode_text = super::str_arg_with(vm, &a[2], |n| format!("compile() argument 'mode' must be str, not {n}"))?;
    let mode = match mode_text.as_str() {
        "exec" => Mode::Exec,
        "eval" => Mode::Eval,
        "single" => Mode::Single,
        "func_type" => return Err(vm.new_not_implemented_error("compile() mode 'func_type'")),
        _ => return Err(vm.new_value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    let optimize = match &a[5] {
        Value::Int(-1) => None,
        Value::Int(o @ 0..=2) => Some(*o as u8),
        _ => return Err(vm.new_value_error("compile(): invalid optimize value")),
    };
    if let Some(code) = code_of(&a[0]) {
        return Ok(code_value(vm, code));
    }
    let flags = crate::modules::util::i64_arg(vm, &a[3])?;
    let only_ast = flags & ast::PYCF_ONLY_AST != 0;
    if ast::is_ast(vm, &a[0]) {
        if only_ast {
            return Ok(a[0].clone());
        }
        let parsed = ast::parse_tree(vm, &a[0], mode)?;
        let opts = CompileOptions { optimize: optimize.unwrap_or(vm.options.optimize), future_flags: 0 };
        let code = match krait_compiler::compile_parsed(parsed, "", &filename, opts) {
            Ok(raw) => vm.load_code(raw)?,
            Err(e) => return Err(crate::exceptions::syntax_error_from_compiler(vm, &e)),
        };
        return Ok(code_value(vm, code));
    }
    let Some(src) = source_text(vm, &a[0], &filename)? else {
        return Err(vm.new_type_error("compile() arg 1 must be a string, bytes or AST object"));
    };
    if src.contains('\0') {
        return Err(vm.new_exception_msg(&vm.exc.syntax_error.clone(), "source code string cannot contain null bytes"));
    }
    if only_ast {
        if flags & ast::PYCF_TYPE_COMMENTS != 0 && ast::has_type_comment(&src) {
            return Err(vm.new_not_implemented_error("type comments (PyCF_TYPE_COMMENTS) are not parsed"));
        }
        return match krait_syntax::parse(&src, &filename, mode) {
            Ok(parsed) => ast::to_object(vm, &parsed),
            Err(e) => Err(crate::exceptions::syntax_error_from_compiler(vm, &e)),
        };
    }
    let code = compile_source(vm, &src, &filename, mode, optimize)?;
    Ok(code_value(vm, code))
}

fn eval(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    run_source(vm, a, "eval", Mode::Eval)
}

fn exec(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    run_source(vm, a, "exec", Mode::Exec)?;
    Ok(Value::None)
}

/// builtin_eval / builtin_exec: resolve the namespaces (the caller's by default), make sure
/// globals has `__builtins__`, compile if needed, and run the code in a new frame.
fn run_source(vm: &mut Vm, a: &[Value], name: &str, mode: Mode) -> PyResult<Value> {
    let (globals, locals) = namespaces(vm, &a[1], &a[2], name)?;
    let code = match code_of(&a[0]) {
        Some(c) => c,
        None => {
            let Some(src) = source_text(vm, &a[0], "<string>")? else {
                return Err(vm.new_type_error(format!("{name}() arg 1 must be a string, bytes or code object")));
            };
            if src.contains('\0') {
                return Err(vm.new_exception_msg(&vm.exc.syntax_error.clone(), "source code string cannot contain null bytes"));
            }
            let src = if mode == Mode::Eval { src.trim_start_matches([' ', '\t']).to_string() } else { src };
            compile_source(vm, &src, "<string>", mode, None)?
        }
    };
    let builtins = builtins_of(vm, &globals)?;
    let frame = Box::new(Frame::new(code, globals, builtins, locals));
    crate::interp::eval::run_frame(vm, frame)
}

/// The (globals, locals) pair for eval/exec with CPython's checks and defaults.
fn namespaces(vm: &mut Vm, g: &Value, l: &Value, name: &str) -> PyResult<(PyRef, Value)> {
    let globals = match g {
        Value::None => None,
        Value::Obj(o) if o.as_dict().is_some() => Some(o.clone()),
        other => {
            let n = vm.type_name(other);
            let msg = if name == "exec" { format!("exec() globals must be a dict, not {n}") } else { "globals must be a dict".to_string() };
            return Err(vm.new_type_error(msg));
        }
    };
    if !l.is_none() {
        let ty = vm.type_of(l);
        if ty.as_type().and_then(|t| t.slots().getitem).is_none() && l.as_obj().and_then(|o| o.as_dict()).is_none() {
            let msg = if name == "exec" { format!("locals must be a mapping or None, not {}", vm.type_name(l)) } else { "locals must be a mapping".to_string() };
            return Err(vm.new_type_error(msg));
        }
    }
    match globals {
        Some(gd) => {
            let locals = if l.is_none() { Value::Obj(gd.clone()) } else { l.clone() };
            Ok((gd, locals))
        }
        None => {
            let Some(frame) = vm.frames.last() else {
                return Err(vm.new_system_error(format!("{name}(): no current frame")));
            };
            let gd = frame.globals.clone();
            let locals = if l.is_none() { caller_locals(vm)? } else { l.clone() };
            Ok((gd, locals))
        }
    }
}

/// The builtins dict for code run with `globals`: its `__builtins__` (a module's dict, or
/// a dict), inserting the current builtins when absent.
fn builtins_of(vm: &mut Vm, globals: &PyRef) -> PyResult<PyRef> {
    let key = Value::Obj(vm.intern("__builtins__"));
    match dict_ops::get_item(vm, globals, &key)? {
        Some(Value::Obj(o)) if o.as_dict().is_some() => Ok(o),
        Some(Value::Obj(o)) if o.dict.borrow().is_some() => Ok(o.dict.borrow().clone().unwrap_or_else(|| vm.builtins_dict.clone())),
        Some(_) => Ok(vm.builtins_dict.clone()),
        None => {
            let current = vm.frames.last().map(|f| f.builtins.clone()).unwrap_or_else(|| vm.builtins_dict.clone());
            vm.dict_set_item(globals, key, Value::Obj(current.clone()))?;
            Ok(current)
        }
    }
}
