//! OSError: `errno`, `strerror`, `filename`, `filename2`, the errno → subclass mapping
//! of `OSError(errno, ...)` and the `[Errno N] text: 'file'` str (CPython's OSError_new,
//! oserror_init and OSError_str).

use super::base::new_instance;
use crate::types::getset::GetSetDef;
use super::subclasses::{base_init, install, str_pair};
use super::data;
use crate::exceptions::ExcTypes;
use crate::object::{Args, PyRef, Value};
use crate::vm::{PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let t = vm.exc.os_error.clone();
    if let Some(tt) = t.as_type() {
        tt.slots.borrow_mut().new = Some(os_error_new);
    }
    install(vm, &t, "OSError", Some((os_error_slot, os_error_meth)), Some(str_pair!(os_error_str)), &[
        GetSetDef::field("errno"),
        GetSetDef::field("strerror"),
        GetSetDef::field("filename"),
        GetSetDef::field("filename2"),
    ]);
    let b = vm.exc.blocking_io_error.clone();
    vm.add_getsets(&b, &[GetSetDef::field("characters_written")]);
}

/// The OSError subclass for an errno value (CPython's `errnomap`, Linux numbers).
fn subclass_for_errno(exc: &ExcTypes, errno: i64) -> Option<&PyRef> {
    Some(match errno {
        11 | 114 | 115 => &exc.blocking_io_error,
        10 => &exc.child_process_error,
        32 | 108 => &exc.broken_pipe_error,
        103 => &exc.connection_aborted_error,
        111 => &exc.connection_refused_error,
        104 => &exc.connection_reset_error,
        17 => &exc.file_exists_error,
        2 => &exc.file_not_found_error,
        21 => &exc.is_a_directory_error,
        20 => &exc.not_a_directory_error,
        4 => &exc.interrupted_error,
        1 | 13 => &exc.permission_error,
        3 => &exc.process_lookup_error,
        110 => &exc.timeout_error,
        _ => return None,
    })
}

/// OSError.__new__: `OSError(errno, strerror, ...)` makes the errno's subclass.
fn os_error_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    let mut cls = cls.clone();
    if cls.is(&vm.exc.os_error) && (2..=5).contains(&pos.len()) {
        if let Value::Int(n) = pos[0] {
            if let Some(sub) = subclass_for_errno(&vm.exc, n) {
                cls = sub.clone();
            }
        }
    }
    Ok(Value::Obj(new_instance(vm, &cls, pos.to_vec())))
}

// oserror_init
fn os_error_init(vm: &mut Vm, obj: &Value, pos: &[Value], kw: &[(String, Value)]) -> PyResult<()> {
    base_init(vm, obj, pos, kw)?;
    let Some(d) = data(obj) else { return Ok(()) };
    if !(2..=5).contains(&pos.len()) {
        return Ok(());
    }
    d.set_field("errno", pos[0].clone());
    d.set_field("strerror", pos[1].clone());
    let filename = pos.get(2).cloned().unwrap_or(Value::None);
    if !filename.is_none() {
        d.set_field("filename", filename);
        if let Some(f2) = pos.get(4) {
            d.set_field("filename2", f2.clone());
        }
        let args = vm.new_tuple(pos[..2].to_vec());
        *d.args.borrow_mut() = args;
    }
    Ok(())
}
super::subclasses::init_pair!(os_error_slot, os_error_meth, os_error_init);

// OSError_str
fn os_error_str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(d) = data(v) else { return Ok(vm.new_str("")) };
    let (errno, strerror, filename, filename2) = (d.field("errno"), d.field("strerror"), d.field("filename"), d.field("filename2"));
    let s = |vm: &mut Vm, x: &Value| -> PyResult<String> { Ok(vm.str(x)?.as_str().map(|s| s.as_str().to_string()).unwrap_or_default()) };
    let r = |vm: &mut Vm, x: &Value| -> PyResult<String> { Ok(vm.repr(x)?.as_str().map(|s| s.as_str().to_string()).unwrap_or_default()) };
    let text = if !filename.is_none() {
        let head = format!("[Errno {}] {}: {}", s(vm, &errno)?, s(vm, &strerror)?, r(vm, &filename)?);
        if filename2.is_none() {
            head
        } else {
            format!("{head} -> {}", r(vm, &filename2)?)
        }
    } else if !errno.is_none() && !strerror.is_none() {
        format!("[Errno {}] {}", s(vm, &errno)?, s(vm, &strerror)?)
    } else {
        return super::base::exc_str(vm, v);
    };
    Ok(vm.new_str(&text))
}
