//! The `_csv` module: `reader`, `writer`, `Dialect`, the dialect registry,
//! `field_size_limit`, the QUOTE_* constants and `Error`.

mod dialect;
mod reader;
mod writer;

use crate::util::{get_type, new_module, set};
use krait_vm::object::{PyRef, Slots, Value};
use krait_vm::types::int::add_property;
use krait_vm::types::methods::method;
use krait_vm::{PyErr, PyResult, Vm};

const FIELD_LIMIT: &str = "_csv.field_limit";

/// Build the `_csv` module.
pub fn make_module(vm: &mut Vm) -> PyRef {
    let (m, d) = new_module(vm, "_csv", &[
        method("reader", dialect::SIG, reader::reader),
        method("writer", dialect::SIG, writer::writer),
        method("register_dialect", "(name, dialect=?, /, *, delimiter=?, doublequote=?, escapechar=?, lineterminator=?, quotechar=?, quoting=?, skipinitialspace=?, strict=?)", register_dialect),
        method("unregister_dialect", "(name)", unregister_dialect),
        method("get_dialect", "(name)", |vm, a| dialect::lookup(vm, &a[0])),
        method("list_dialects", "()", |vm, _| {
            let reg = dialect::registry(vm);
            let keys = vm.call_method(&reg, "keys", &[])?;
            let list = Value::Obj(vm.types.list.clone());
            vm.call_positional(&list, &[keys])
        }),
        method("field_size_limit", "(new_limit=?)", field_size_limit),
    ]);
    let exc = vm.exc.exception.clone();
    if let Ok(e) = crate::util::new_exception_type(vm, "_csv", "_csv.Error", &exc) {
        set(vm, &d, "Error", Value::Obj(e));
    }
    for (name, v) in [("QUOTE_MINIMAL", dialect::QUOTE_MINIMAL), ("QUOTE_ALL", dialect::QUOTE_ALL), ("QUOTE_NONNUMERIC", dialect::QUOTE_NONNUMERIC), ("QUOTE_NONE", dialect::QUOTE_NONE)] {
        set(vm, &d, name, Value::Int(v));
    }
    let version = vm.new_str("1.0");
    set(vm, &d, "__version__", version);
    let doc = vm.new_str("CSV parsing and writing.\n");
    set(vm, &d, "__doc__", doc);
    let t = dialect::init(vm);
    set(vm, &d, "Dialect", Value::Obj(t));
    let slots = Slots { iter: Some(|_, v| Ok(v.clone())), next: Some(reader::next), ..Slots::default() };
    let r = crate::util::new_type(vm, "_csv", "_csv.reader", None, slots, 0, &[]);
    add_property(vm, &r, "reader", "dialect", |vm, a| reader::dialect(vm, &a[0]));
    add_property(vm, &r, "reader", "line_num", |vm, a| reader::line_num(vm, &a[0]));
    let w = crate::util::new_type(vm, "_csv", "_csv.writer", None, Slots::default(), 0, &[
        method("writerow", "(self, row, /)", writer::writerow),
        method("writerows", "(self, rows, /)", writer::writerows),
    ]);
    add_property(vm, &w, "writer", "dialect", |vm, a| writer::dialect(vm, &a[0]));
    m
}

/// _csv.Error(msg)
fn error(vm: &mut Vm, msg: &str) -> PyErr {
    match get_type(vm, "_csv.Error") {
        Ok(t) => vm.new_exception_msg(&t, msg),
        Err(e) => e,
    }
}

/// The current field size limit.
fn field_limit(vm: &mut Vm) -> i64 {
    match vm.native_state.get(FIELD_LIMIT) {
        Some(Value::Int(n)) => *n,
        _ => 128 * 1024,
    }
}

/// field_size_limit([new_limit]): the old limit.
fn field_size_limit(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let old = field_limit(vm);
    if !a[0].is_null() {
        let Value::Int(n) = a[0] else {
            return Err(vm.new_type_error("limit must be an integer"));
        };
        vm.native_state.insert(FIELD_LIMIT, Value::Int(n));
    }
    Ok(Value::Int(old))
}

/// register_dialect(name, [dialect], **fmtparams)
fn register_dialect(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    if a[0].as_obj().and_then(|o| o.as_str()).is_none() {
        return Err(vm.new_type_error("dialect name must be a string"));
    }
    let d = dialect::make(vm, &a[1], &a[2..])?;
    let reg = dialect::registry(vm);
    vm.set_item(&reg, &a[0], d)?;
    Ok(Value::None)
}

/// unregister_dialect(name)
fn unregister_dialect(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let reg = dialect::registry(vm);
    dialect::lookup(vm, &a[0])?;
    vm.call_method(&reg, "pop", &[a[0].clone()])?;
    Ok(Value::None)
}
