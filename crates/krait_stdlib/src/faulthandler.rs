//! The `faulthandler` module: dump the Python traceback of the current thread to a file
//! descriptor on request (`dump_traceback`) or when a registered signal arrives. krait
//! does not crash on faults, so `enable` only records the file; `dump_traceback_later`
//! (a watchdog thread that reads another thread's stack) is not supported.

use crate::util::{new_module, set};
use krait_vm::object::{PyRef, Value};
use krait_vm::types::methods::{method, MethodDef};
use krait_vm::{PyResult, Vm};

/// Key of the enabled file (absent when disabled) in the VM's native state.
const ENABLED: &str = "faulthandler.file";
/// Key of the dict {signum: (fd, all_threads, chain, previous handler)} of `register`.
const REGISTERED: &str = "faulthandler.registered";
/// At most this many frames are written (MAX_FRAME_DEPTH).
const MAX_DEPTH: usize = 100;

const FUNCTIONS: &[MethodDef] = &[
    method("enable", "(file=None, all_threads=True)", |vm, a| {
        let (_, file) = fileno(vm, &a[0])?;
        vm.native_state.insert(ENABLED, file);
        Ok(Value::None)
    }),
    method("disable", "()", |vm, _| Ok(Value::Bool(vm.native_state.remove(ENABLED).is_some()))),
    method("is_enabled", "()", |vm, _| Ok(Value::Bool(vm.native_state.contains_key(ENABLED)))),
    method("dump_traceback", "(file=None, all_threads=True)", |vm, a| {
        let (fd, _) = fileno(vm, &a[0])?;
        let all = vm.is_true(&a[1])?;
        dump(vm, fd, all)?;
        Ok(Value::None)
    }),
    method("dump_traceback_later", "(timeout, repeat=False, file=None, exit=False)", |vm, a| {
        let t = krait_vm::types::float::float_from(vm, &a[0])?;
        if t <= 0.0 {
            return Err(vm.new_value_error("timeout must be greater than 0"));
        }
        if !(t * 1e6).is_finite() || t * 1e6 >= i64::MAX as f64 {
            return Err(vm.new_overflow_error("timeout value is too large"));
        }
        fileno(vm, &a[2])?;
        Err(vm.new_not_implemented_error("faulthandler.dump_traceback_later is not supported by krait"))
    }),
    // Nothing is ever scheduled by dump_traceback_later, so there is nothing to cancel.
    method("cancel_dump_traceback_later", "()", |_, _| Ok(Value::None)),
    method("register", "(signum, file=None, all_threads=True, chain=False)", register),
    method("unregister", "(signum, /)", unregister),
];

pub fn make_module(vm: &mut Vm) -> PyRef {
    let (m, d) = new_module(vm, "faulthandler", FUNCTIONS);
    let reg = vm.new_dict();
    vm.native_state.insert(REGISTERED, reg);
    let handler = vm.new_native_function("_signal_handler", "faulthandler", "(signum, frame, /)", on_signal, Value::Null, false);
    set(vm, &d, "_signal_handler", Value::Obj(handler));
    m
}

/// faulthandler_get_fileno: the descriptor of `file` (sys.stderr when None), after
/// flushing it; also returns the file object to keep alive.
fn fileno(vm: &mut Vm, file: &Value) -> PyResult<(i64, Value)> {
    let file = if file.is_null() || file.is_none() {
        let Some(sys) = krait_vm::modules::builtin_module(vm, "sys") else { return Err(vm.new_runtime_error("sys.stderr is None")) };
        let e = vm.get_attr_str(&Value::Obj(sys), "stderr")?;
        if e.is_none() {
            return Err(vm.new_runtime_error("sys.stderr is None"));
        }
        e
    } else {
        file.clone()
    };
    if let Some(fd) = krait_vm::types::int::int_arg(&file).and_then(|_| crate::util::index_i64(vm, &file).ok().flatten()) {
        if fd < 0 {
            return Err(vm.new_value_error("file is not a valid file descripter"));
        }
        return Ok((fd, file));
    }
    let r = vm.call_method(&file, "fileno", &[])?;
    let fd = match r {
        Value::Int(fd) if fd >= 0 => fd,
        _ => return Err(vm.new_runtime_error("file.fileno() is not a valid file descriptor")),
    };
    // Errors of flush() are ignored, as in CPython.
    let _ = vm.call_method(&file, "flush", &[]);
    Ok((fd, file))
}

/// The traceback text of the current thread (dump_traceback / dump_frame).
fn traceback_text(vm: &mut Vm, all_threads: bool) -> PyResult<String> {
    let mut out = if all_threads {
        let thread = krait_vm::modules::builtin_module(vm, "_thread").map(Value::Obj).unwrap_or(Value::None);
        let ident = vm.call_method(&thread, "get_ident", &[])?;
        let id = crate::util::index_i64(vm, &ident)?.unwrap_or(0);
        format!("Current thread 0x{id:016x} (most recent call first):\n")
    } else {
        "Stack (most recent call first):\n".to_string()
    };
    let Some(sys) = krait_vm::modules::builtin_module(vm, "sys") else { return Ok(out) };
    let mut frame = vm.call_method(&Value::Obj(sys), "_getframe", &[Value::Int(0)]).unwrap_or(Value::None);
    if frame.is_none() {
        out.push_str("  <no Python frame>\n");
    }
    let mut depth = 0;
    while !frame.is_none() {
        if depth == MAX_DEPTH {
            out.push_str("  ...\n");
            break;
        }
        let code = vm.get_attr_str(&frame, "f_code")?;
        let file = vm.get_attr_str(&code, "co_filename")?;
        let name = vm.get_attr_str(&code, "co_name")?;
        let line = vm.get_attr_str(&frame, "f_lineno")?;
        let line = match line {
            Value::Int(n) => n.to_string(),
            _ => "???".to_string(),
        };
        let (file, name) = (escaped(&vm.str_of(&file)), escaped(&vm.str_of(&name)));
        out.push_str(&format!("  File \"{file}\", line {line} in {name}\n"));
        frame = vm.get_attr_str(&frame, "f_back")?;
        depth += 1;
    }
    Ok(out)
}

/// _Py_DumpASCII: non-ASCII characters as \xNN, \uNNNN or \UNNNNNNNN.
fn escaped(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let cp = c as u32;
        match cp {
            0x20..=0x7e => out.push(c),
            0..=0xff => out.push_str(&format!("\\x{cp:02x}")),
            0x100..=0xffff => out.push_str(&format!("\\u{cp:04x}")),
            _ => out.push_str(&format!("\\U{cp:08x}")),
        }
    }
    out
}

/// Write the traceback to descriptor `fd`: with os.write when the descriptor is one
/// `posix` knows, else by appending through /proc/self/fd (files from `open()`).
fn dump(vm: &mut Vm, fd: i64, all_threads: bool) -> PyResult<()> {
    let text = traceback_text(vm, all_threads)?;
    let Some(posix) = krait_vm::modules::builtin_module(vm, "posix") else { return Ok(()) };
    let data = crate::util::new_bytes(vm, text.as_bytes());
    let err = match vm.call_method(&Value::Obj(posix), "write", &[Value::Int(fd), data]) {
        Ok(_) => return Ok(()),
        Err(e) => e,
    };
    let appended = std::fs::OpenOptions::new().append(true).open(format!("/proc/self/fd/{fd}")).and_then(|mut f| std::io::Write::write_all(&mut f, text.as_bytes()));
    appended.map_err(|_| err)
}

fn registered(vm: &mut Vm) -> PyResult<Value> {
    vm.native_state.get(REGISTERED).cloned().ok_or_else(|| vm.new_system_error("faulthandler is not initialised"))
}

fn signal_module(vm: &mut Vm) -> PyResult<Value> {
    let m = krait_vm::import::import_absolute(vm, "signal")?;
    Ok(Value::Obj(m))
}

/// register(signum, file=None, all_threads=True, chain=False): dump the traceback when
/// `signum` arrives. The dump runs as a Python-level signal handler (between bytecodes),
/// not inside the C signal handler as in CPython.
fn register(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let signum = crate::util::index_i64(vm, &a[0])?.unwrap_or(-1);
    // The fatal signals enable() covers (SIGILL, SIGABRT, SIGBUS, SIGFPE, SIGSEGV).
    if matches!(signum, 4 | 6 | 7 | 8 | 11) {
        return Err(vm.new_runtime_error(format!("signal {signum} cannot be registered, use enable() instead")));
    }
    if !(1..65).contains(&signum) {
        return Err(vm.new_value_error("signal number out of range"));
    }
    let (fd, file) = fileno(vm, &a[1])?;
    let all = vm.is_true(&a[2])?;
    let chain = vm.is_true(&a[3])?;
    let reg = registered(vm)?;
    let key = Value::Int(signum);
    let previous = match vm.call_method(&reg, "get", std::slice::from_ref(&key))? {
        Value::None => {
            let signal = signal_module(vm)?;
            let m = krait_vm::modules::builtin_module(vm, "faulthandler").map(Value::Obj).unwrap_or(Value::None);
            let handler = vm.get_attr_str(&m, "_signal_handler")?;
            vm.call_method(&signal, "signal", &[key.clone(), handler])?
        }
        entry => vm.get_item(&entry, &Value::Int(4))?,
    };
    let entry = vm.new_tuple(vec![Value::Int(fd), Value::Bool(all), Value::Bool(chain), file, previous]);
    vm.set_item(&reg, &key, entry)?;
    Ok(Value::None)
}

/// unregister(signum): restore the previous handler; whether one was registered.
fn unregister(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let signum = crate::util::index_i64(vm, &a[0])?.unwrap_or(-1);
    if !(1..65).contains(&signum) {
        return Err(vm.new_value_error("signal number out of range"));
    }
    let reg = registered(vm)?;
    let entry = vm.call_method(&reg, "pop", &[Value::Int(signum), Value::None])?;
    if entry.is_none() {
        return Ok(Value::Bool(false));
    }
    let previous = vm.get_item(&entry, &Value::Int(4))?;
    let signal = signal_module(vm)?;
    vm.call_method(&signal, "signal", &[Value::Int(signum), previous])?;
    Ok(Value::Bool(true))
}

/// The Python-level handler of registered signals: dump, then chain when asked.
fn on_signal(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let reg = registered(vm)?;
    let entry = vm.call_method(&reg, "get", std::slice::from_ref(&a[0]))?;
    if entry.is_none() {
        return Ok(Value::None);
    }
    let items: Vec<Value> = crate::util::tuple_items(&entry).to_vec();
    let [fd, all, chain, _file, previous] = items.as_slice() else { return Ok(Value::None) };
    let fd = crate::util::index_i64(vm, fd)?.unwrap_or(2);
    dump(vm, fd, matches!(all, Value::Bool(true)))?;
    let callable = previous.as_obj().is_some_and(|_| vm.type_of(previous).as_type().is_some_and(|t| t.slots().call.is_some()));
    if matches!(chain, Value::Bool(true)) && callable {
        vm.call_positional(previous, a)?;
    }
    Ok(Value::None)
}
