//! Declaring a builtin type's methods and attributes: one table per type, turned into
//! native method objects in the type's dict.

use crate::object::{PyObject, Payload, PyRef, Value};
use crate::types::native::{NativeFn, NativeFunction, Signature};
use crate::vm::Vm;
use std::rc::Rc;

/// How a table entry is exposed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MethodKind {
    /// An instance method; the signature's first parameter is `self`.
    Method,
    /// A classmethod; the first parameter receives the class.
    ClassMethod,
    /// A staticmethod.
    StaticMethod,
}

/// One method of a builtin type: name, Python-style signature (e.g.
/// `"(self, key, default=None, /)"`), implementation, kind.
pub struct MethodDef {
    pub name: &'static str,
    pub sig: &'static str,
    pub func: NativeFn,
    pub kind: MethodKind,
}

/// Shorthand for an instance method entry.
pub const fn method(name: &'static str, sig: &'static str, func: NativeFn) -> MethodDef {
    MethodDef { name, sig, func, kind: MethodKind::Method }
}

impl Vm {
    /// A native function object (unbound unless `self_` is not Null).
    pub fn new_native_function(&mut self, name: &'static str, owner: &'static str, sig: &'static str, func: NativeFn, self_: Value, is_method: bool) -> PyRef {
        self.new_native_function_of(name, owner, sig, func, self_, is_method, Value::Null)
    }

    /// `new_native_function` for a method of type `objclass` (its `__objclass__`).
    #[allow(clippy::too_many_arguments)]
    pub fn new_native_function_of(&mut self, name: &'static str, owner: &'static str, sig: &'static str, func: NativeFn, self_: Value, is_method: bool, objclass: Value) -> PyRef {
        let nf = NativeFunction { name, owner, sig: Rc::new(Signature::parse(sig)), func, self_, is_method, doc: None, objclass };
        // An unbound method of a builtin type is a `method_descriptor` (`str.join`).
        let ty = if is_method && nf.self_.is_null() { self.types.method_descriptor.clone() } else { self.types.native_function.clone() };
        PyRef::new(PyObject::new(ty, Payload::NativeFunction(Box::new(nf))))
    }

    /// Put every method of `defs` into type `ty`'s dict.
    pub fn add_methods(&mut self, ty: &PyRef, owner: &'static str, defs: &[MethodDef]) {
        for d in defs {
            let f = self.new_native_function_of(d.name, owner, d.sig, d.func, Value::Null, d.kind == MethodKind::Method, Value::Obj(ty.clone()));
            let v = match d.kind {
                MethodKind::Method => Value::Obj(f),
                MethodKind::StaticMethod => {
                    let t = self.types.staticmethod.clone();
                    self.wrap(Payload::StaticMethod(Value::Obj(f)), &t)
                }
                MethodKind::ClassMethod => {
                    let t = self.types.classmethod.clone();
                    self.wrap(Payload::ClassMethod(Value::Obj(f)), &t)
                }
            };
            self.set_type_attr(ty, d.name, v);
        }
    }

    /// A new object of type `ty` with `payload`.
    pub fn wrap(&mut self, payload: Payload, ty: &PyRef) -> Value {
        Value::Obj(PyRef::new(PyObject::new(ty.clone(), payload)))
    }

    /// `ty.name = v` directly in the type's dict (no descriptor logic), bumping its version.
    pub fn set_type_attr(&mut self, ty: &PyRef, name: &str, v: Value) {
        let key = Value::Obj(self.intern(name));
        let t = ty.as_type().expect("type");
        let d = t.dict.clone();
        // Interned str keys never run Python code, so this cannot fail.
        let _ = crate::types::dict_ops::set_item(self, &d, key, v);
        t.version.set(crate::types::bootstrap::next_version());
    }
}
