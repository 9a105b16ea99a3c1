//! The `posix` module (what `os` re-exports on Unix; CPython's posixmodule.c): paths and
//! `fspath`, errors, the environment, process information, and the constants `os` needs.
//! File-system calls are in [`fs`], stat results and directory listing in [`stat`], file
//! descriptors in [`fds`], pipes and descriptor flags in [`pipes`], child processes and
//! signals in [`process`].

pub mod fds;
mod fs;
pub mod inherited;
pub mod pipes;
mod process;
mod stat;

use crate::types::bytes::codec::{self, Codec};
use super::util::{new_module_with, set};
use crate::object::{PyRef, Value};
use crate::types::methods::method;
use crate::vm::{PyErr, PyResult, Vm};
use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::PathBuf;

/// A path argument: the file-system path and whether it was given as bytes.
pub struct PathArg {
    pub path: PathBuf,
    pub is_bytes: bool,
    /// The argument as given (for error messages' `filename`).
    pub orig: Value,
}

/// `os.fspath(p)` (PyOS_FSPath): str and bytes as they are, else `__fspath__()`.
pub fn fspath(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if is_str_or_bytes(v) {
        return Ok(v.clone());
    }
    let ty = vm.type_of(v);
    let key = vm.intern("__fspath__");
    let Some(f) = vm.lookup_type_attr(&ty, &key) else {
        let n = vm.type_name(v);
        return Err(vm.new_type_error(format!("expected str, bytes or os.PathLike object, not {n}")));
    };
    let r = vm.call_positional(&f, &[v.clone()])?;
    if !is_str_or_bytes(&r) {
        let (tn, rn) = (vm.type_name(v), vm.type_name(&r));
        return Err(vm.new_type_error(format!("expected {tn}.__fspath__() to return str or bytes, not {rn}")));
    }
    Ok(r)
}

fn is_str_or_bytes(v: &Value) -> bool {
    v.as_obj().is_some_and(|o| o.as_str().is_some() || matches!(o.payload, crate::object::Payload::Bytes(_)))
}

/// Convert a path argument of function `fname` (path_converter).
pub fn path_arg(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<PathArg> {
    let p = match fspath(vm, v) {
        Ok(p) => p,
        Err(_) => {
            let n = vm.type_name(v);
            return Err(vm.new_type_error(format!("{fname}: path should be string, bytes or os.PathLike, not {n}")));
        }
    };
    let (bytes, is_bytes) = match p.as_obj().map(|o| &o.payload) {
        Some(crate::object::Payload::Bytes(b)) => (b.to_vec(), true),
        _ => {
            let text = vm.str_of(&p);
            (fs_encode(vm, &text)?, false)
        }
    };
    if bytes.contains(&0) {
        return Err(vm.new_value_error(format!("{fname}: embedded null character in path")));
    }
    Ok(PathArg { path: PathBuf::from(OsStr::from_bytes(&bytes)), is_bytes, orig: v.clone() })
}

/// A file name in the type of the argument it came from (str or bytes).
pub fn name_value(vm: &mut Vm, name: &OsStr, as_bytes: bool) -> PyResult<Value> {
    if as_bytes {
        return Ok(crate::types::bytes::new_bytes(vm, name.as_bytes().to_vec()));
    }
    let (text, _) = codec::decode_with(vm, Codec::Utf8, name.as_bytes(), "surrogateescape", true)?;
    Ok(vm.new_str(&text))
}

/// `os.fsencode` of str text: UTF-8 with surrogateescape (lone surrogates other than
/// U+DC80..U+DCFF raise UnicodeEncodeError, as in CPython).
pub fn fs_encode(vm: &mut Vm, text: &str) -> PyResult<Vec<u8>> {
    codec::encode_with(vm, Codec::Utf8, text, "surrogateescape")
}

/// The C library's message for errno `n` (strerror).
pub fn strerror_text(n: i32) -> String {
    let s = std::io::Error::from_raw_os_error(n).to_string();
    match s.rfind(" (os error ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// OSError (or the errno's subclass) for an I/O error, with `filename`s when given
/// (PyErr_SetFromErrnoWithFilenameObjects).
pub fn os_error(vm: &mut Vm, e: &std::io::Error, filename: Option<&Value>, filename2: Option<&Value>) -> PyErr {
    let cls = vm.exc.os_error.clone();
    let Some(n) = e.raw_os_error() else {
        return vm.new_exception_msg(&cls, &e.to_string());
    };
    let text = vm.new_str(&strerror_text(n));
    let mut args = vec![Value::Int(n as i64), text];
    if let Some(f) = filename {
        args.push(f.clone());
        if let Some(f2) = filename2 {
            args.push(Value::Int(0));
            args.push(f2.clone());
        }
    }
    vm.new_exception(&cls, args)
}

/// OSError for errno `n` with no file name.
pub fn errno_error(vm: &mut Vm, n: i32) -> PyErr {
    os_error(vm, &std::io::Error::from_raw_os_error(n), None, None)
}

fn getcwd(vm: &mut Vm, as_bytes: bool) -> PyResult<Value> {
    match std::env::current_dir() {
        Ok(p) => name_value(vm, p.as_os_str(), as_bytes),
        Err(e) => Err(os_error(vm, &e, None, None)),
    }
}

fn chdir(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let p = path_arg(vm, &a[0], "chdir")?;
    std::env::set_current_dir(&p.path).map_err(|e| os_error(vm, &e, Some(&p.orig), None))?;
    Ok(Value::None)
}

/// `posix.environ`: a dict of bytes → bytes, as on every Unix CPython.
fn environ(vm: &mut Vm) -> Value {
    let d = vm.new_dict_ref();
    for (k, v) in std::env::vars_os() {
        let (k, v) = (crate::types::bytes::new_bytes(vm, k.as_bytes().to_vec()), crate::types::bytes::new_bytes(vm, v.as_bytes().to_vec()));
        // bytes keys run no Python code.
        let _ = vm.dict_set_item(&d, k, v);
    }
    Value::Obj(d)
}

/// An environment name or value argument (str or bytes) as OS bytes.
fn env_arg(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<Vec<u8>> {
    let p = path_arg(vm, v, fname)?;
    Ok(p.path.into_os_string().as_bytes().to_vec())
}

fn putenv(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (k, v) = (env_arg(vm, &a[0], "putenv")?, env_arg(vm, &a[1], "putenv")?);
    if k.is_empty() || k.contains(&b'=') {
        return Err(vm.new_value_error("illegal environment variable name"));
    }
    std::env::set_var(OsStr::from_bytes(&k), OsStr::from_bytes(&v));
    Ok(Value::None)
}

fn unsetenv(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let k = env_arg(vm, &a[0], "unsetenv")?;
    if k.is_empty() || k.contains(&b'=') {
        return Err(vm.new_value_error("illegal environment variable name"));
    }
    std::env::remove_var(OsStr::from_bytes(&k));
    Ok(Value::None)
}

fn urandom(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let n = super::util::i64_arg(vm, &a[0])?;
    if n < 0 {
        return Err(vm.new_value_error("negative argument not allowed"));
    }
    let mut buf = vec![0u8; n as usize];
    let r = std::fs::File::open("/dev/urandom").and_then(|mut f| std::io::Read::read_exact(&mut f, &mut buf));
    r.map_err(|e| os_error(vm, &e, None, None))?;
    Ok(crate::types::bytes::new_bytes(vm, buf.to_vec()))
}

/// An id read from the `Uid:`/`Gid:` line of /proc/self/status (`index` 0 real, 1 effective).
fn proc_id(field: &str, index: usize) -> i64 {
    let text = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    text.lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|rest| rest.split_whitespace().nth(index))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

fn uname(vm: &mut Vm, _: &[Value]) -> PyResult<Value> {
    let read = |f: &str| std::fs::read_to_string(format!("/proc/sys/kernel/{f}")).map(|s| s.trim().to_string()).unwrap_or_default();
    let fields = [read("ostype"), read("hostname"), read("osrelease"), read("version"), std::env::consts::ARCH.to_string()];
    let items: Vec<Value> = fields.iter().map(|s| vm.new_str(s)).collect();
    let t = super::structseq::new_type(vm, &UNAME_RESULT);
    Ok(super::structseq::new_instance(vm, &t, items))
}

const TERMINAL_SIZE: super::structseq::StructSeqDef = super::structseq::StructSeqDef {
    name: "os.terminal_size",
    fields: &["columns", "lines"],
    visible: 2,
    constructible: true,
};

/// get_terminal_size(fd=1): the size needs an ioctl krait does not make without libc, so
/// this reports ENOTTY as CPython does for a non-terminal (shutil then uses $COLUMNS /
/// $LINES or its fallback).
fn get_terminal_size(vm: &mut Vm, _: &[Value]) -> PyResult<Value> {
    Err(os_error(vm, &std::io::Error::from_raw_os_error(25), None, None))
}

const UNAME_RESULT: super::structseq::StructSeqDef = super::structseq::StructSeqDef {
    name: "posix.uname_result",
    fields: &["sysname", "nodename", "release", "version", "machine"],
    visible: 5,
    constructible: false,
};

/// Integer constants of the module (Linux values).
const CONSTANTS: &[(&str, i64)] = &[
    ("F_OK", 0), ("R_OK", 4), ("W_OK", 2), ("X_OK", 1),
    ("O_RDONLY", 0), ("O_WRONLY", 1), ("O_RDWR", 2), ("O_ACCMODE", 3), ("O_CREAT", 0o100), ("O_EXCL", 0o200),
    ("O_NOCTTY", 0o400), ("O_TRUNC", 0o1000), ("O_APPEND", 0o2000), ("O_NONBLOCK", 0o4000), ("O_NDELAY", 0o4000),
    ("O_DSYNC", 0o10000), ("O_SYNC", 0o4010000), ("O_DIRECTORY", 0o200000), ("O_NOFOLLOW", 0o400000),
    ("O_CLOEXEC", 0o2000000),
    ("SEEK_DATA", 3), ("SEEK_HOLE", 4),
    ("EX_OK", 0), ("EX_USAGE", 64), ("EX_DATAERR", 65), ("EX_NOINPUT", 66), ("EX_SOFTWARE", 70), ("EX_OSERR", 71),
    ("EX_IOERR", 74), ("EX_TEMPFAIL", 75), ("EX_NOPERM", 77), ("EX_CONFIG", 78),
    ("WNOHANG", 1), ("WUNTRACED", 2), ("WCONTINUED", 8), ("TMP_MAX", 238_328), ("NGROUPS_MAX", 65_536),
];

/// Build the `posix` module.
pub fn make_module(vm: &mut Vm) -> PyRef {
    let m = new_module_with(vm, "posix", &[
        method("getcwd", "()", |vm, _| getcwd(vm, false)),
        method("getcwdb", "()", |vm, _| getcwd(vm, true)),
        method("chdir", "(path)", chdir),
        method("fspath", "(path)", |vm, a| fspath(vm, &a[0])),
        method("strerror", "(code, /)", |vm, a| {
            let n = super::util::i64_arg(vm, &a[0])?;
            Ok(vm.new_str(&strerror_text(n as i32)))
        }),
        method("putenv", "(name, value, /)", putenv),
        method("unsetenv", "(name, /)", unsetenv),
        method("urandom", "(size, /)", urandom),
        method("getpid", "()", |_, _| Ok(Value::Int(std::process::id() as i64))),
        method("getppid", "()", |_, _| Ok(Value::Int(std::os::unix::process::parent_id() as i64))),
        method("getuid", "()", |_, _| Ok(Value::Int(proc_id("Uid:", 0)))),
        method("geteuid", "()", |_, _| Ok(Value::Int(proc_id("Uid:", 1)))),
        method("getgid", "()", |_, _| Ok(Value::Int(proc_id("Gid:", 0)))),
        method("getegid", "()", |_, _| Ok(Value::Int(proc_id("Gid:", 1)))),
        method("cpu_count", "()", |_, _| Ok(std::thread::available_parallelism().map(|n| Value::Int(n.get() as i64)).unwrap_or(Value::None))),
        method("uname", "()", uname),
        method("get_terminal_size", "(fd=1, /)", get_terminal_size),
        method("_exit", "(status)", |vm, a| {
            let _ = crate::builtins::stdio::flush_stdout();
            std::process::exit(super::util::i64_arg(vm, &a[0])? as i32)
        }),
    ]);
    fs::add_functions(vm, &m);
    stat::add_functions(vm, &m);
    fds::add_functions(vm, &m);
    pipes::add_functions(vm, &m);
    process::add_functions(vm, &m);
    for &(name, v) in CONSTANTS {
        set(vm, &m, name, Value::Int(v));
    }
    let env = environ(vm);
    set(vm, &m, "environ", env);
    let err = Value::Obj(vm.exc.os_error.clone());
    set(vm, &m, "error", err);
    let ts = super::structseq::new_type(vm, &TERMINAL_SIZE);
    set(vm, &m, "terminal_size", Value::Obj(ts));
    let have = vm.new_list(vec![]);
    set(vm, &m, "_have_functions", have);
    m
}
