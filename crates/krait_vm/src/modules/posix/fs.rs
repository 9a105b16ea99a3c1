//! File-system calls on paths: mkdir, rmdir, unlink/remove, rename/replace, link,
//! symlink, readlink, access, chmod, truncate, utime.

use super::{name_value, os_error, path_arg};
use crate::modules::util::{i64_arg, set};
use crate::object::{PyRef, Value};
use crate::types::native::NativeFn;
use crate::vm::{PyResult, Vm};
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};

/// Run a one-path operation, raising OSError with the file name on failure.
fn on_path(vm: &mut Vm, v: &Value, fname: &str, op: impl FnOnce(&std::path::Path) -> std::io::Result<()>) -> PyResult<Value> {
    let p = path_arg(vm, v, fname)?;
    op(&p.path).map_err(|e| os_error(vm, &e, Some(&p.orig), None))?;
    Ok(Value::None)
}

/// Run a two-path operation (rename, link, symlink).
fn on_paths(vm: &mut Vm, a: &Value, b: &Value, fname: &str, op: impl FnOnce(&std::path::Path, &std::path::Path) -> std::io::Result<()>) -> PyResult<Value> {
    let (pa, pb) = (path_arg(vm, a, fname)?, path_arg(vm, b, fname)?);
    op(&pa.path, &pb.path).map_err(|e| os_error(vm, &e, Some(&pa.orig), Some(&pb.orig)))?;
    Ok(Value::None)
}

fn mkdir(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let mode = i64_arg(vm, &a[1])? as u32;
    on_path(vm, &a[0], "mkdir", |p| std::fs::DirBuilder::new().mode(mode).create(p))
}

fn rename(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    on_paths(vm, &a[0], &a[1], "rename", |x, y| std::fs::rename(x, y))
}

fn readlink(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let p = path_arg(vm, &a[0], "readlink")?;
    match std::fs::read_link(&p.path) {
        Ok(t) => name_value(vm, t.as_os_str(), p.is_bytes),
        Err(e) => Err(os_error(vm, &e, Some(&p.orig), None)),
    }
}

/// access(path, mode): existence, then the permission bits for the owner (an
/// approximation of access(2) that ignores group/other and root).
fn access(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let p = path_arg(vm, &a[0], "access")?;
    let mode = i64_arg(vm, &a[1])?;
    let Ok(md) = std::fs::metadata(&p.path) else { return Ok(Value::Bool(false)) };
    let bits = md.permissions().mode();
    let ok = (mode & 4 == 0 || bits & 0o444 != 0) && (mode & 2 == 0 || bits & 0o222 != 0) && (mode & 1 == 0 || bits & 0o111 != 0);
    Ok(Value::Bool(ok))
}

fn chmod(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let mode = i64_arg(vm, &a[1])? as u32;
    on_path(vm, &a[0], "chmod", |p| std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)))
}

fn truncate(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    if let Value::Int(fd) = a[0] {
        let len = i64_arg(vm, &a[1])?.max(0) as u64;
        super::fds::truncate_fd(fd, len).map_err(|e| os_error(vm, &e, None, None))?;
        return Ok(Value::None);
    }
    let len = i64_arg(vm, &a[1])?.max(0) as u64;
    on_path(vm, &a[0], "truncate", |p| std::fs::OpenOptions::new().write(true).open(p)?.set_len(len))
}

/// utime(path, times=None, *, ns=?): set access and modification times.
fn utime(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let to_time = |secs: f64| std::time::UNIX_EPOCH + std::time::Duration::from_secs_f64(secs.max(0.0));
    let (at, mt) = if !a[2].is_null() {
        let v = vm.collect(&a[2])?;
        if v.len() != 2 {
            return Err(vm.new_type_error("utime: 'ns' must be a tuple of two ints"));
        }
        (to_time(i64_arg(vm, &v[0])? as f64 / 1e9), to_time(i64_arg(vm, &v[1])? as f64 / 1e9))
    } else if a[1].is_none() {
        (std::time::SystemTime::now(), std::time::SystemTime::now())
    } else {
        let v = vm.collect(&a[1])?;
        if v.len() != 2 {
            return Err(vm.new_type_error("utime: 'times' must be either a tuple of two ints or None"));
        }
        (to_time(crate::modules::math::real_arg(vm, &v[0])?), to_time(crate::modules::math::real_arg(vm, &v[1])?))
    };
    on_path(vm, &a[0], "utime", |p| {
        let f = std::fs::File::options().write(true).open(p).or_else(|_| std::fs::File::open(p))?;
        f.set_times(std::fs::FileTimes::new().set_accessed(at).set_modified(mt))
    })
}

/// Add the path functions to `posix`.
pub fn add_functions(vm: &mut Vm, m: &PyRef) {
    let defs: &[(&'static str, &'static str, NativeFn)] = &[
        ("mkdir", "(path, mode=511, *, dir_fd=None)", mkdir),
        ("rmdir", "(path, *, dir_fd=None)", |vm, a| on_path(vm, &a[0], "rmdir", |p| std::fs::remove_dir(p))),
        ("unlink", "(path, *, dir_fd=None)", |vm, a| on_path(vm, &a[0], "unlink", |p| std::fs::remove_file(p))),
        ("remove", "(path, *, dir_fd=None)", |vm, a| on_path(vm, &a[0], "remove", |p| std::fs::remove_file(p))),
        ("rename", "(src, dst, *, src_dir_fd=None, dst_dir_fd=None)", rename),
        ("replace", "(src, dst, *, src_dir_fd=None, dst_dir_fd=None)", rename),
        ("link", "(src, dst, *, src_dir_fd=None, dst_dir_fd=None, follow_symlinks=True)", |vm, a| on_paths(vm, &a[0], &a[1], "link", |x, y| std::fs::hard_link(x, y))),
        ("symlink", "(src, dst, target_is_directory=False, *, dir_fd=None)", |vm, a| on_paths(vm, &a[0], &a[1], "symlink", |x, y| std::os::unix::fs::symlink(x, y))),
        ("readlink", "(path, *, dir_fd=None)", readlink),
        ("access", "(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True)", access),
        ("chmod", "(path, mode, *, dir_fd=None, follow_symlinks=True)", chmod),
        ("truncate", "(path, length)", truncate),
        ("utime", "(path, times=None, *, ns=?, dir_fd=None, follow_symlinks=True)", utime),
    ];
    for &(name, sig, f) in defs {
        let func = vm.new_native_function(name, "posix", sig, f, Value::Null, false);
        set(vm, m, name, Value::Obj(func));
    }
}
