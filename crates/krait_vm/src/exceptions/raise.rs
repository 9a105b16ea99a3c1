//! Making exception instances to raise: `vm.new_type_error(msg)` and friends.

use crate::exceptions::ExceptionData;
use crate::object::{Payload, PyObject, PyRef, Value};
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
    /// An instance of exception class `cls` with the given args tuple items.
    pub fn new_exception(&mut self, cls: &PyRef, args: Vec<Value>) -> PyErr {
        let args = self.new_tuple(args);
        PyErr(PyRef::new(PyObject::new(cls.clone(), Payload::Exception(Box::new(ExceptionData::new(args))))))
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
}
