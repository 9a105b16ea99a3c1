//! `TypeRegistry`: the builtin type objects the VM refers to directly.

use crate::object::PyRef;

/// Declares the registry struct from a list of field names.
macro_rules! registry {
    ($($field:ident),* $(,)?) => {
        /// The builtin types (exceptions are in [`crate::exceptions::ExcTypes`]).
        pub struct TypeRegistry {
            $(pub $field: PyRef,)*
        }
    };
}

registry! {
    object, type_, none_type, not_implemented_type, ellipsis_type,
    int, bool, float, complex, str, bytes, bytearray,
    tuple, list, dict, set, frozenset, range, slice,
    function, native_function, method_descriptor, method, cell, code, module,
    property, classmethod, staticmethod,
}
