//! The `sys` module: interpreter state (argv, path, modules, recursion limit, exception
//! info), version and platform data, and the standard streams.

pub(crate) mod hooks;
mod info;
mod paths;
pub mod unraisable;

use crate::builtins::file::new_std_stream;
use crate::object::{Payload, PyRef, Value};
use crate::types::methods::{method, MethodDef};
use crate::vm::{PyResult, Vm};

const FUNCTIONS: &[MethodDef] = &[
    method("exit", "(status=None, /)", exit),
    method("getrecursionlimit", "()", |vm, _| Ok(Value::Int(vm.recursion_limit as i64))),
    method("setrecursionlimit", "(limit, /)", setrecursionlimit),
    method("intern", "(string, /)", intern),
    method("getswitchinterval", "()", |_, _| Ok(Value::Float(crate::interp::gil::switch_interval()))),
    method("setswitchinterval", "(interval, /)", setswitchinterval),
    method("exc_info", "()", exc_info),
    method("exception", "()", |vm, _| Ok(vm.exc_info.clone())),
    method("getsizeof", "(object, default=?)", getsizeof),
    method("getrefcount", "(object, /)", getrefcount),
    method("getdefaultencoding", "()", |vm, _| Ok(vm.new_str("utf-8"))),
    method("getfilesystemencoding", "()", |vm, _| Ok(vm.new_str("utf-8"))),
    method("getfilesystemencodeerrors", "()", |vm, _| Ok(vm.new_str("surrogateescape"))),
    method("get_int_max_str_digits", "()", |vm, _| Ok(Value::Int(vm.int_max_str_digits as i64))),
    method("set_int_max_str_digits", "(maxdigits)", set_int_max_str_digits),
    method("displayhook", "(object, /)", displayhook),
    method("excepthook", "(exctype, value, traceback, /)", excepthook),
    method("is_finalizing", "()", |_, _| Ok(Value::Bool(false))),
    method("audit", "(event, /, *args)", audit),
    method("_getframe", "(depth=0, /)", getframe),
    method("set_asyncgen_hooks", "(firstiter=?, finalizer=?)", hooks::set_asyncgen_hooks),
    method("get_asyncgen_hooks", "()", hooks::get_asyncgen_hooks),
    method("set_coroutine_origin_tracking_depth", "(depth)", hooks::set_origin_depth),
    method("get_coroutine_origin_tracking_depth", "()", hooks::get_origin_depth),
    method("gettrace", "()", |vm, _| Ok(crate::interp::trace::get_trace(vm))),
    method("getprofile", "()", |vm, _| Ok(crate::interp::trace::get_profile(vm))),
    method("settrace", "(function, /)", |vm, a| {
        crate::interp::trace::set_trace(vm, a[0].clone());
        Ok(Value::None)
    }),
    method("setprofile", "(function, /)", |vm, a| {
        crate::interp::trace::set_profile(vm, a[0].clone());
        Ok(Value::None)
    }),
];

/// Build the `sys` module object (registered in `sys.modules` by the caller).
pub fn make_module(vm: &mut Vm) -> PyRef {
    let module = vm.sys.clone();
    let d = module.dict.borrow().clone().unwrap_or_else(|| vm.new_dict_ref());
    let set = |vm: &mut Vm, name: &str, v: Value| {
        let key = Value::Obj(vm.intern(name));
        // Interned str keys never run Python code.
        let _ = vm.dict_set_item(&d, key, v);
    };
    for f in FUNCTIONS {
        let func = vm.new_native_function(f.name, "sys", f.sig, f.func, Value::Null, false);
        set(vm, f.name, Value::Obj(func));
    }
    for (name, original) in [("displayhook", "__displayhook__"), ("excepthook", "__excepthook__")] {
        let key = Value::Obj(vm.intern(name));
        if let Ok(Some(f)) = crate::types::dict_ops::get_item(vm, &d, &key) {
            set(vm, original, f);
        }
    }
    unraisable::install(vm, &mut |vm, name, v| set(vm, name, v));
    let s = vm.new_str("sys");
    set(vm, "__name__", s);
    let doc = vm.new_str("This module provides access to some objects used or maintained by the\ninterpreter and to functions that interact strongly with the interpreter.");
    set(vm, "__doc__", doc);
    let argv: Vec<Value> = vm.options.argv.clone().iter().map(|a| vm.new_str(a)).collect();
    let argv = if argv.is_empty() { vec![vm.new_str("")] } else { argv };
    let argv = vm.new_list(argv);
    set(vm, "argv", argv);
    let orig: Vec<Value> = std::env::args().map(|a| vm.new_str(&a)).collect();
    let orig = vm.new_tuple(orig);
    set(vm, "orig_argv", orig);
    let path: Vec<Value> = paths::sys_path(vm).iter().map(|p| vm.new_str(p)).collect();
    let path = vm.new_list(path);
    set(vm, "path", path);
    set(vm, "modules", Value::Obj(vm.modules.clone()));
    let finder = crate::modules::importer::new_finder(vm);
    let meta_path = vm.new_list(vec![finder]);
    set(vm, "meta_path", meta_path);
    let hooks = vm.new_list(Vec::new());
    set(vm, "path_hooks", hooks);
    let cache = vm.new_dict();
    set(vm, "path_importer_cache", cache);
    let exe = paths::executable();
    let exe = vm.new_str(&exe);
    set(vm, "executable", exe.clone());
    set(vm, "_base_executable", exe);
    for (name, fd) in [("stdin", 0), ("stdout", 1), ("stderr", 2)] {
        let stream = new_std_stream(vm, fd);
        set(vm, name, stream.clone());
        set(vm, &format!("__{name}__"), stream);
    }
    for (name, v) in info::values(vm) {
        set(vm, name, v);
    }
    set(vm, "dont_write_bytecode", Value::Bool(vm.options.dont_write_bytecode));
    set(vm, "pycache_prefix", Value::None);
    module
}

/// sys.exit(status=None): raise SystemExit(status).
fn exit(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let cls = vm.exc.system_exit.clone();
    let args = if a[0].is_none() { Vec::new() } else { vec![a[0].clone()] };
    match vm.call_positional(&Value::Obj(cls.clone()), &args)? {
        Value::Obj(o) if matches!(o.payload, Payload::Exception(_)) => Err(crate::vm::PyErr(o)),
        _ => Err(vm.new_exception(&cls, args)),
    }
}

// sys_setswitchinterval_impl
fn setswitchinterval(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let Some(secs) = crate::types::float::float_arg(&a[0]).or_else(|| crate::types::int::bigint_of(&a[0]).and_then(|b| num_traits::ToPrimitive::to_f64(&b))) else {
        let n = vm.type_name(&a[0]);
        return Err(vm.new_type_error(format!("must be real number, not {n}")));
    };
    if secs <= 0.0 {
        return Err(vm.new_value_error("switch interval must be strictly positive"));
    }
    crate::interp::gil::set_switch_interval(secs);
    Ok(Value::None)
}

fn setrecursionlimit(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let n = match &a[0] {
        Value::Float(_) => return Err(vm.new_type_error("'float' object cannot be interpreted as an integer")),
        v => crate::types::int::index_of(vm, v)?,
    };
    let n = i64::try_from(&n).unwrap_or(i64::MAX);
    if n < 1 {
        return Err(vm.new_value_error("recursion limit must be greater or equal than 1"));
    }
    let depth = vm.frames.len() as i64;
    if n <= depth {
        return Err(vm.new_recursion_error(format!("cannot set the recursion limit to {n} at the recursion depth {depth}: the limit is too low")));
    }
    vm.recursion_limit = usize::try_from(n).unwrap_or(usize::MAX).min(i32::MAX as usize);
    Ok(Value::None)
}

fn intern(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    match &a[0] {
        Value::Obj(o) if o.as_str().is_some() && vm.is_exact(o, &vm.types.str.clone()) => {
            let s = vm.str_of(&a[0]);
            Ok(Value::Obj(vm.intern(&s)))
        }
        other => {
            let n = vm.type_name(other);
            Err(vm.new_type_error(format!("intern() argument must be str, not {n}")))
        }
    }
}

/// sys.exc_info(): (type, value, traceback) of the exception being handled.
/// `sys._getframe(depth=0)` (sys__getframe_impl): a snapshot of the frame `depth`
/// calls up from the caller.
fn getframe(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let depth = match a.first().filter(|v| !v.is_null()) {
        Some(v) => {
            let n = crate::types::int::index_of(vm, v)?;
            i32::try_from(&n).map_err(|_| vm.new_overflow_error("Python int too large to convert to C int"))?.max(0) as i64
        }
        None => 0,
    };
    let n = vm.frames.len() as i64;
    if depth >= n {
        return Err(vm.new_value_error("call stack is not deep enough"));
    }
    crate::exceptions::traceback::snapshot(vm, (n - 1 - depth) as usize)
}

fn exc_info(vm: &mut Vm, _a: &[Value]) -> PyResult<Value> {
    let e = vm.exc_info.clone();
    let items = match &e {
        Value::Obj(o) => {
            let tb = match &o.payload {
                Payload::Exception(data) => data.traceback.borrow().clone(),
                _ => Value::None,
            };
            vec![Value::Obj(o.class()), e.clone(), tb]
        }
        _ => vec![Value::None, Value::None, Value::None],
    };
    Ok(vm.new_tuple(items))
}

/// sys.getsizeof: CPython 3.11's sizes for common objects, approximate for the rest.
fn getsizeof(_vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let size = match &a[0] {
        Value::None | Value::Null => 16,
        Value::Bool(b) => 24 + *b as i64 * 4,
        Value::Int(0) => 24,
        Value::Int(i) => 24 + 4 * ((64 - i.unsigned_abs().leading_zeros() as i64 + 29) / 30),
        Value::Float(_) => 24,
        Value::Obj(o) => match &o.payload {
            Payload::Str(s) => {
                let max = s.as_str().chars().map(krait_bytecode::surrogate::code_point).max().unwrap_or(0);
                let n = s.char_len() as i64;
                match max {
                    0..=0x7f => 49 + n,
                    0x80..=0xff => 73 + n,
                    0x100..=0xffff => 74 + 2 * n,
                    _ => 76 + 4 * n,
                }
            }
            Payload::Bytes(b) => 33 + b.len() as i64,
            Payload::Tuple(t) => 40 + 8 * t.len() as i64,
            Payload::List(l) => 56 + 8 * l.borrow().capacity() as i64,
            Payload::Dict(d) => if d.borrow().is_empty() { 64 } else { 184 + 8 * d.borrow().len() as i64 },
            Payload::Int(b) => 24 + 4 * ((b.bits() as i64 + 29) / 30),
            _ => 56,
        },
    };
    Ok(Value::Int(size))
}

fn getrefcount(_vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    Ok(Value::Int(match &a[0] {
        Value::Obj(o) => o.strong_count() as i64,
        _ => 1 << 30,
    }))
}

fn set_int_max_str_digits(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let n = crate::types::int::index_of(vm, &a[0])?;
    let n = i64::try_from(&n).unwrap_or(-1);
    if n != 0 && n < 640 {
        return Err(vm.new_value_error("maxdigits must be 0 or larger than 640"));
    }
    vm.int_max_str_digits = n as usize;
    Ok(Value::None)
}

/// sys.displayhook: print repr(value) to sys.stdout and store it as builtins._.
fn displayhook(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    if a[0].is_none() {
        return Ok(Value::None);
    }
    let key = Value::Obj(vm.intern("_"));
    let b = vm.builtins_dict.clone();
    vm.dict_set_item(&b, key.clone(), Value::None)?;
    let r = vm.repr(&a[0])?;
    let stdout = crate::builtins::io::sys_attr(vm, "stdout");
    if stdout.is_none() {
        return Err(vm.new_runtime_error("lost sys.stdout"));
    }
    let nl = vm.new_str("\n");
    vm.call_method(&stdout, "write", &[Value::Obj(r)])?;
    vm.call_method(&stdout, "write", &[nl])?;
    vm.dict_set_item(&b, key, a[0].clone())?;
    Ok(Value::None)
}

/// sys.excepthook: report the exception as an uncaught one.
fn excepthook(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    if let Value::Obj(o) = &a[1] {
        if matches!(o.payload, Payload::Exception(_)) {
            let _ = crate::builtins::stdio::flush_stdout();
            vm.report_uncaught(&crate::vm::PyErr(o.clone()));
            return Ok(Value::None);
        }
    }
    Err(vm.new_type_error("excepthook: value must be an exception"))
}

/// sys_audit: no audit hooks can be installed (no `sys.addaudithook`), and with no hooks
/// CPython does nothing, not even check the event's type.
fn audit(_vm: &mut Vm, _a: &[Value]) -> PyResult<Value> {
    Ok(Value::None)
}
