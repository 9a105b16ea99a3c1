//! `PyObject`: the heap object header (type, optional instance dict) and its payload.

use super::{PyRef, TypeObject, Value};
use crate::exceptions::ExceptionData;
use crate::types::{
    dict::DictTable, function::Function, native::NativeFunction, set::SetTable, str::PyStr,
};
use num_bigint::BigInt;
use std::any::Any;
use std::cell::{Cell, RefCell, UnsafeCell};

/// A heap object: its type, its instance `__dict__` if it has one, and its payload.
pub struct PyObject {
    /// Only `None` while the first types are being bootstrapped. Read on every type check,
    /// so without a borrow flag: see [`PyObject::with_class`] for the contract.
    pub(super) ty: UnsafeCell<Option<PyRef>>,
    /// The instance dict (a dict object), for instances of classes defined in Python,
    /// functions and modules. Created on first attribute store.
    pub dict: RefCell<Option<PyRef>>,
    pub payload: Payload,
}

/// The builtin layout of an object. Instances of Python classes that inherit from a
/// builtin type carry that type's payload (a `class L(list)` instance has `List`).
pub enum Payload {
    /// A plain `object()` or an instance of a class with only `object` as builtin base.
    Object,
    /// An int too large for `Value::Int` (or any int that is an instance of an int subclass).
    Int(BigInt),
    /// A float that is an instance of a float subclass (plain floats are `Value::Float`).
    Float(f64),
    Complex { re: f64, im: f64 },
    Str(PyStr),
    Bytes(Box<[u8]>),
    ByteArray(RefCell<Vec<u8>>),
    Tuple(Box<[Value]>),
    List(RefCell<Vec<Value>>),
    Dict(RefCell<DictTable>),
    Set(RefCell<SetTable>),
    FrozenSet(SetTable),
    Range { start: Value, stop: Value, step: Value },
    Slice { start: Value, stop: Value, step: Value },
    Type(Box<TypeObject>),
    Function(Box<Function>),
    NativeFunction(Box<NativeFunction>),
    /// A bound method: `func` called with `self_` prepended.
    Method { func: Value, self_: Value },
    Cell(RefCell<Value>),
    /// An instance of BaseException or a subclass.
    Exception(Box<ExceptionData>),
    /// Descriptors implemented natively (property, classmethod, staticmethod, ...).
    /// `name` is set by `property.__set_name__` (Null until then), for error messages.
    /// `getter_doc`: the doc was taken from `fget.__doc__` (property_copy re-reads it).
    Property { fget: Value, fset: Value, fdel: Value, doc: RefCell<Value>, getter_doc: bool, name: RefCell<Value> },
    ClassMethod(Value),
    StaticMethod(Value),
    /// Native state owned by a type implemented in Rust elsewhere (iterators, modules'
    /// objects, generators, exceptions ...). `Cell` gives the owner interior mutability.
    Native(Box<dyn Any>),
    /// A counter-like scalar for small native objects that need one mutable word.
    Counter(Cell<usize>),
    /// The `__slots__` values of an instance whose builtin base is `object` (Null = unset;
    /// see types/slots.rs).
    SlotValues(RefCell<Vec<Value>>),
}

impl PyObject {
    #[inline]
    pub fn new(ty: PyRef, payload: Payload) -> PyObject {
        PyObject { ty: UnsafeCell::new(Some(ty)), dict: RefCell::new(None), payload }
    }

    /// An object whose type is set later with [`PyObject::set_class`] (bootstrap only).
    pub(crate) fn new_untyped(payload: Payload) -> PyObject {
        PyObject { ty: UnsafeCell::new(None), dict: RefCell::new(None), payload }
    }

    /// The object's type (`type(obj)`).
    #[inline]
    pub fn class(&self) -> PyRef {
        self.with_class(PyRef::clone)
    }

    /// Run `f` with the type borrowed, without touching its reference count. `f` must
    /// not change this object's class (it is a short check: no Python code runs in it).
    #[inline]
    pub fn with_class<R>(&self, f: impl FnOnce(&PyRef) -> R) -> R {
        // SAFETY: the class is only replaced by `set_class`, which no `with_class`
        // closure calls (contract above), and objects are used by one thread; so the
        // reference does not outlive the value it points to.
        match unsafe { &*self.ty.get() } {
            Some(t) => f(t),
            None => unreachable!("object used before its type was bootstrapped"),
        }
    }

    /// `obj.__class__ = cls` (layout compatibility is checked by the caller).
    pub fn set_class(&self, ty: PyRef) {
        // SAFETY: no reference from `with_class` is alive here (its contract), so
        // replacing the value invalidates nothing; the old class is dropped after the
        // write, when no reference into this cell exists.
        let old = unsafe { std::mem::replace(&mut *self.ty.get(), Some(ty)) };
        drop(old);
    }

    /// The type's name, for messages.
    pub fn type_name(&self) -> String {
        self.with_class(|t| t.as_type().map(|t| t.name()).unwrap_or_default())
    }

    /// The type object data, if this object is a type.
    #[inline]
    pub fn as_type(&self) -> Option<&TypeObject> {
        match &self.payload {
            Payload::Type(t) => Some(t),
            _ => None,
        }
    }

    #[inline]
    pub fn as_str(&self) -> Option<&PyStr> {
        match &self.payload {
            Payload::Str(s) => Some(s),
            _ => None,
        }
    }

    #[inline]
    pub fn as_tuple(&self) -> Option<&[Value]> {
        match &self.payload {
            Payload::Tuple(t) => Some(t),
            _ => None,
        }
    }

    #[inline]
    pub fn as_list(&self) -> Option<&RefCell<Vec<Value>>> {
        match &self.payload {
            Payload::List(l) => Some(l),
            _ => None,
        }
    }

    #[inline]
    pub fn as_dict(&self) -> Option<&RefCell<DictTable>> {
        match &self.payload {
            Payload::Dict(d) => Some(d),
            _ => None,
        }
    }

    /// Native state of type `T`, if the payload is `Native(T)`.
    #[inline]
    pub fn native<T: 'static>(&self) -> Option<&T> {
        match &self.payload {
            Payload::Native(b) => b.downcast_ref::<T>(),
            _ => None,
        }
    }
}
