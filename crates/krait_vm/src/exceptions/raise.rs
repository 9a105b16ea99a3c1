//! Making exception instances to raise: `vm.new_type_error(msg)` and friends.

use super::data_of;
use crate::object::{Args, PyRef, TypeFlags, Value};
use crate::vm::{PyErr, Vm};

/// Declares `new_<kind>(msg) -> PyErr` for the common exception classes.
macro_rules! error_constructors {
    ($($fn_name:ident => $field:ident),* $(,)?) => {
        impl Vm {
            $(
                #[doc = concat!("A new `", stringify!($field), "` with `msg` as its only argument.")]
                pub fn $fn_name(&mut self, msg: impl AsRef<str>) -> PyErr {
                    let cls = self.exc.$field.clone();
                    self.new_exception_msg(&cls, msg.as_ref())
                }
            )*
        }
    };
}

error_constructors! {
    new_type_error => type_error,
    new_value_error => value_error,
    new_index_error => index_error,
    new_key_error_msg => key_error,
    new_attribute_error => attribute_error,
    new_name_error => name_error,
    new_zero_division_error => zero_division_error,
    new_overflow_error => overflow_error,
    new_runtime_error => runtime_error,
    new_recursion_error => recursion_error,
    new_not_implemented_error => not_implemented_error,
    new_system_error => system_error,
    new_import_error => import_error,
    new_module_not_found_error => module_not_found_error,
    new_os_error => os_error,
    new_unbound_local_error => unbound_local_error,
    new_assertion_error => assertion_error,
    new_lookup_error => lookup_error,
    new_unicode_error => unicode_error,
    new_memory_error => memory_error,
    new_eof_error => eof_error,
}

impl Vm {
    /// An instance of exception class `cls` with the given args, constructed as a call
    /// `cls(*args)` of a builtin class would (`OSError(2, ...)` becomes
    /// FileNotFoundError, `StopIteration(v).value` is set, ...); no Python code runs.
    pub fn new_exception(&mut self, cls: &PyRef, args: Vec<Value>) -> PyErr {
        let builtin = cls.as_type().is_some_and(|t| !t.has_flag(TypeFlags::HEAPTYPE));
        if builtin {
            let slots = cls.as_type().map(|t| t.slots()).unwrap_or_default();
            if let Some(Ok(Value::Obj(o))) = slots.new.map(|new| new(self, cls, Args::positional(&args))) {
                if data_of(&o).is_some() {
                    let ty = o.class();
                    if let Some(init) = ty.as_type().and_then(|t| t.slots().init) {
                        let _ = init(self, &Value::Obj(o.clone()), Args::positional(&args));
                    }
                    return PyErr(o);
                }
            }
        }
        PyErr(super::base::new_instance(self, cls, args))
    }

    /// An instance of `cls` with one str argument.
    pub fn new_exception_msg(&mut self, cls: &PyRef, msg: &str) -> PyErr {
        let m = self.new_str(msg);
        self.new_exception(cls, vec![m])
    }

    /// KeyError(key).
    pub fn new_key_error(&mut self, key: Value) -> PyErr {
        let cls = self.exc.key_error.clone();
        self.new_exception(&cls, vec![key])
    }

    /// `NameError: name 'x' is not defined` with its `name` attribute set (used for
    /// the "Did you mean" suggestion), as LOAD_NAME / LOAD_GLOBAL raise it.
    pub fn new_name_not_defined(&mut self, name: &PyRef) -> PyErr {
        let n = self.str_of(&Value::Obj(name.clone())).to_string();
        let err = self.new_name_error(format!("name '{n}' is not defined"));
        if let Some(d) = data_of(&err.0) {
            d.set_field("name", Value::Obj(name.clone()));
        }
        err
    }

    /// An ImportError with its `name` and `path` attributes (PyErr_SetImportError).
    pub fn new_import_error_at(&mut self, msg: impl AsRef<str>, name: Value, path: Value) -> PyErr {
        let err = self.new_import_error(msg);
        if let Some(d) = data_of(&err.0) {
            d.set_field("name", name);
            d.set_field("path", path);
        }
        err
    }

    /// `AttributeError: '<type>' object has no attribute 'x'` with `name` and `obj`
    /// set, for the "Did you mean" suggestion.
    pub fn new_attribute_error_for(&mut self, msg: impl AsRef<str>, obj: &Value, name: &PyRef) -> PyErr {
        let err = self.new_attribute_error(msg);
        if let Some(d) = data_of(&err.0) {
            d.set_field("name", Value::Obj(name.clone()));
            d.set_field("obj", obj.clone());
        }
        err
    }
}
