//! The `_warnings` module that importlib's bootstrap loads. It defines only `warn`, which
//! hands the warning to the pure-Python `warnings` module: without the C accelerator's
//! `filters`/`_onceregistry`/... names, `warnings.py` uses its own implementation.

use super::util::new_module_with;
use crate::object::{PyRef, Value};
use crate::types::methods::method;
use crate::vm::{PyResult, Vm};

// warnings_warn_impl: warnings.warn(message, category, stacklevel + 1, source).
fn warn(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let warnings = crate::import::import_module_level(vm, "warnings", None, &Value::None, 0)?;
    let f = vm.get_attr_str(&warnings, "warn")?;
    let level = super::util::i64_arg(vm, &a[2])?.saturating_add(1);
    vm.call_positional(&f, &[a[0].clone(), a[1].clone(), Value::Int(level), a[3].clone()])
}

/// Build the `_warnings` module.
pub fn make_module(vm: &mut Vm) -> PyRef {
    new_module_with(vm, "_warnings", &[method("warn", "(message, category=None, stacklevel=1, source=None)", warn)])
}
