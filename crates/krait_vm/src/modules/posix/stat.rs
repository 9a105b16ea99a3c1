//! `stat_result`, `stat`/`lstat`/`fstat`, `listdir` and `scandir` with `DirEntry`.

use super::{name_value, os_error, path_arg};
use crate::modules::structseq::{self, StructSeqDef};
use crate::modules::util::{add_getters, native_type, set, state_of};
use crate::object::{Payload, PyObject, PyRef, Slots, Value};
use crate::types::methods::method;
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;
use std::fs::Metadata;
use std::os::unix::fs::MetadataExt;
use std::path::PathBuf;

/// The visible fields end with the integer times. CPython names them like the float
/// times, which are hidden fields; here the floats are `_st_*time` fields and the
/// `stat_result` subclass made in [`add_functions`] exposes them as `st_*time`.
const STAT_RESULT: StructSeqDef = StructSeqDef {
    name: "os.stat_result",
    fields: &[
        "st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", "st_atime", "st_mtime", "st_ctime",
        "_st_atime", "_st_mtime", "_st_ctime", "st_atime_ns", "st_mtime_ns", "st_ctime_ns", "st_blksize", "st_blocks", "st_rdev",
    ],
    visible: 10,
    constructible: true,
};

/// The type `posix.<name>` of this VM (types are made once, kept on the module).
fn module_type(vm: &mut Vm, name: &str) -> PyResult<PyRef> {
    let m = crate::modules::builtin_module(vm, "posix").ok_or_else(|| vm.new_system_error("posix missing"))?;
    let t = vm.get_attr_str(&Value::Obj(m), name)?;
    t.as_obj().cloned().ok_or_else(|| vm.new_system_error(format!("bad posix.{name}")))
}

/// A `stat_result` for `md` (fill_time for the three times).
pub fn stat_result(vm: &mut Vm, md: &Metadata) -> PyResult<Value> {
    let t = module_type(vm, "stat_result")?;
    let times = [(md.atime(), md.atime_nsec()), (md.mtime(), md.mtime_nsec()), (md.ctime(), md.ctime_nsec())];
    let mut v: Vec<Value> = vec![
        Value::Int(md.mode() as i64),
        vm.new_bigint(md.ino().into()),
        vm.new_bigint(md.dev().into()),
        Value::Int(md.nlink() as i64),
        Value::Int(md.uid() as i64),
        Value::Int(md.gid() as i64),
        Value::Int(md.size() as i64),
    ];
    v.extend(times.iter().map(|&(s, _)| Value::Int(s)));
    v.extend(times.iter().map(|&(s, ns)| Value::Float(s as f64 + ns as f64 * 1e-9)));
    for &(s, ns) in &times {
        v.push(vm.new_bigint(num_bigint::BigInt::from(s) * 1_000_000_000 + ns));
    }
    v.extend([Value::Int(md.blksize() as i64), Value::Int(md.blocks() as i64), vm.new_bigint(md.rdev().into())]);
    Ok(structseq::new_instance(vm, &t, v))
}

/// stat(path, *, dir_fd=None, follow_symlinks=True); `path` may be an open fd.
fn stat(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let follow = vm.is_true(&a[2])?;
    do_stat(vm, &a[0], follow, "stat")
}

fn do_stat(vm: &mut Vm, p: &Value, follow: bool, fname: &str) -> PyResult<Value> {
    if let Value::Int(fd) = p {
        return super::fds::fstat_fd(vm, *fd);
    }
    let p = path_arg(vm, p, fname)?;
    let md = if follow { std::fs::metadata(&p.path) } else { std::fs::symlink_metadata(&p.path) };
    match md {
        Ok(md) => stat_result(vm, &md),
        Err(e) => Err(os_error(vm, &e, Some(&p.orig), None)),
    }
}

/// listdir(path=None): names in arbitrary order, bytes for a bytes path.
fn listdir(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let p = if a[0].is_none() { vm.new_str(".") } else { a[0].clone() };
    let p = path_arg(vm, &p, "listdir")?;
    let rd = std::fs::read_dir(&p.path).map_err(|e| os_error(vm, &e, Some(&p.orig), None))?;
    let mut out = Vec::new();
    for ent in rd {
        let ent = ent.map_err(|e| os_error(vm, &e, Some(&p.orig), None))?;
        out.push(name_value(vm, &ent.file_name(), p.is_bytes)?);
    }
    Ok(vm.new_list(out))
}

/// The state of a `DirEntry`.
struct DirEntry {
    name: Value,
    path: Value,
    full: PathBuf,
    file_type: Option<std::fs::FileType>,
    ino: u64,
    stat: RefCell<Option<Value>>,
    lstat: RefCell<Option<Value>>,
}

/// The state of a `ScandirIterator`: `None` once exhausted or closed.
struct Scandir {
    iter: RefCell<Option<std::fs::ReadDir>>,
    base: Value,
    is_bytes: bool,
    orig: Value,
}

fn scandir(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let p = if a[0].is_none() { vm.new_str(".") } else { a[0].clone() };
    let p = path_arg(vm, &p, "scandir")?;
    let rd = std::fs::read_dir(&p.path).map_err(|e| os_error(vm, &e, Some(&p.orig), None))?;
    let base = if a[0].is_none() { vm.new_str(".") } else { super::fspath(vm, &a[0])? };
    let st = Scandir { iter: RefCell::new(Some(rd)), base, is_bytes: p.is_bytes, orig: p.orig };
    let t = module_type(vm, "_ScandirIterator")?;
    Ok(Value::Obj(PyRef::new(PyObject::new(t, Payload::Native(Box::new(st))))))
}

fn scandir_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let s: &Scandir = state_of(vm, v, "ScandirIterator")?;
    let next = s.iter.borrow_mut().as_mut().and_then(Iterator::next);
    let Some(ent) = next else {
        *s.iter.borrow_mut() = None;
        return Ok(None);
    };
    let ent = ent.map_err(|e| os_error(vm, &e, Some(&s.orig), None))?;
    let name = name_value(vm, &ent.file_name(), s.is_bytes)?;
    // os.path.join(base, name) as CPython's DirEntry does.
    let base = if s.is_bytes {
        crate::types::bytes::data(&s.base)
    } else {
        let text = vm.str_of(&s.base);
        super::fs_encode(vm, &text)?
    };
    let mut joined = base;
    if !joined.is_empty() && !joined.ends_with(b"/") {
        joined.push(b'/');
    }
    joined.extend_from_slice(std::os::unix::ffi::OsStrExt::as_bytes(ent.file_name().as_os_str()));
    let path = name_value(vm, std::os::unix::ffi::OsStrExt::from_bytes(&joined), s.is_bytes)?;
    let ino = std::os::unix::fs::DirEntryExt::ino(&ent);
    let de = DirEntry { name, path, full: ent.path(), file_type: ent.file_type().ok(), ino, stat: RefCell::new(None), lstat: RefCell::new(None) };
    let t = module_type(vm, "DirEntry")?;
    Ok(Some(Value::Obj(PyRef::new(PyObject::new(t, Payload::Native(Box::new(de)))))))
}

/// DirEntry.stat(*, follow_symlinks=True), cached.
fn entry_stat(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let follow = vm.is_true(&a[1])?;
    let e: &DirEntry = state_of(vm, &a[0], "posix.DirEntry")?;
    let is_link = e.file_type.is_some_and(|t| t.is_symlink());
    let cache = if follow && is_link { &e.stat } else { &e.lstat };
    if let Some(v) = cache.borrow().clone() {
        return Ok(v);
    }
    let md = if follow { std::fs::metadata(&e.full) } else { std::fs::symlink_metadata(&e.full) };
    let v = match md {
        Ok(md) => stat_result(vm, &md)?,
        Err(err) => return Err(os_error(vm, &err, Some(&e.path), None)),
    };
    *cache.borrow_mut() = Some(v.clone());
    Ok(v)
}

/// DirEntry.is_dir / is_file (following symlinks unless told not to); a missing target is False.
fn entry_is(vm: &mut Vm, a: &[Value], want_dir: bool) -> PyResult<Value> {
    let follow = vm.is_true(&a[1])?;
    let e: &DirEntry = state_of(vm, &a[0], "posix.DirEntry")?;
    let ft = match e.file_type {
        Some(t) if !(follow && t.is_symlink()) => Some(t),
        _ => std::fs::metadata(&e.full).ok().map(|m| m.file_type()),
    };
    Ok(Value::Bool(ft.is_some_and(|t| if want_dir { t.is_dir() } else { t.is_file() })))
}

fn entry_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let e: &DirEntry = state_of(vm, v, "posix.DirEntry")?;
    let r = vm.repr(&e.name)?;
    Ok(vm.new_str(&format!("<DirEntry {}>", r.as_str().map(|s| s.as_str()).unwrap_or(""))))
}

/// Add the stat and directory functions and types to `posix`.
pub fn add_functions(vm: &mut Vm, m: &PyRef) {
    let base = structseq::new_type(vm, &STAT_RESULT);
    let st = native_type(vm, "os", "stat_result", Some(&base), Slots::default(), &[]);
    add_getters(vm, &st, "stat_result", &[
        ("st_atime", |vm, a| vm.get_attr_str(&a[0], "_st_atime")),
        ("st_mtime", |vm, a| vm.get_attr_str(&a[0], "_st_mtime")),
        ("st_ctime", |vm, a| vm.get_attr_str(&a[0], "_st_ctime")),
    ]);
    set(vm, m, "stat_result", Value::Obj(st));
    for (name, sig, f) in [
        ("stat", "(path, *, dir_fd=None, follow_symlinks=True)", stat as crate::types::native::NativeFn),
        ("lstat", "(path, *, dir_fd=None)", |vm, a| do_stat(vm, &a[0], false, "lstat")),
        ("fstat", "(fd)", |vm, a| {
            let fd = crate::modules::util::i64_arg(vm, &a[0])?;
            super::fds::fstat_fd(vm, fd)
        }),
        ("listdir", "(path=None)", listdir),
        ("scandir", "(path=None)", scandir),
    ] {
        let func = vm.new_native_function(name, "posix", sig, f, Value::Null, false);
        set(vm, m, name, Value::Obj(func));
    }
    let it_slots = Slots { iter: Some(|_, v| Ok(v.clone())), next: Some(scandir_next), ..Slots::default() };
    let it = native_type(vm, "posix", "ScandirIterator", None, it_slots, &[
        method("close", "(self, /)", |vm, a| {
            let s: &Scandir = state_of(vm, &a[0], "ScandirIterator")?;
            *s.iter.borrow_mut() = None;
            Ok(Value::None)
        }),
        method("__enter__", "(self, /)", |_, a| Ok(a[0].clone())),
        method("__exit__", "(self, *args)", |vm, a| {
            let s: &Scandir = state_of(vm, &a[0], "ScandirIterator")?;
            *s.iter.borrow_mut() = None;
            Ok(Value::None)
        }),
    ]);
    set(vm, m, "_ScandirIterator", Value::Obj(it));
    let de_slots = Slots { repr: Some(entry_repr), ..Slots::default() };
    let de = native_type(vm, "posix", "DirEntry", None, de_slots, &[
        method("stat", "(self, /, *, follow_symlinks=True)", entry_stat),
        method("is_dir", "(self, /, *, follow_symlinks=True)", |vm, a| entry_is(vm, a, true)),
        method("is_file", "(self, /, *, follow_symlinks=True)", |vm, a| entry_is(vm, a, false)),
        method("is_symlink", "(self, /)", |vm, a| {
            let e: &DirEntry = state_of(vm, &a[0], "posix.DirEntry")?;
            Ok(Value::Bool(e.file_type.is_some_and(|t| t.is_symlink())))
        }),
        method("inode", "(self, /)", |vm, a| {
            let e: &DirEntry = state_of(vm, &a[0], "posix.DirEntry")?;
            let ino = e.ino;
            Ok(vm.new_bigint(ino.into()))
        }),
        method("__fspath__", "(self, /)", |vm, a| Ok(state_of::<DirEntry>(vm, &a[0], "posix.DirEntry")?.path.clone())),
    ]);
    add_getters(vm, &de, "DirEntry", &[
        ("name", |vm, a| Ok(state_of::<DirEntry>(vm, &a[0], "posix.DirEntry")?.name.clone())),
        ("path", |vm, a| Ok(state_of::<DirEntry>(vm, &a[0], "posix.DirEntry")?.path.clone())),
    ]);
    set(vm, m, "DirEntry", Value::Obj(de));
}
