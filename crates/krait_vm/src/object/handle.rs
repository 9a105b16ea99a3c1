//! `PyRef`: the one handle type through which all code reaches heap objects.
//!
//! It is a reference-counted pointer (non-atomic: one interpreter lock, DESIGN.md §7).
//! Nothing outside this module names `Rc` for Python objects.

use super::PyObject;
use std::fmt;
use std::ops::Deref;
use std::rc::{Rc, Weak};

/// A strong reference to a heap object.
pub struct PyRef(Rc<PyObject>);

/// A weak reference to a heap object (for `weakref` and caches).
#[derive(Clone)]
pub struct PyWeak(Weak<PyObject>);

impl PyRef {
    /// Allocate a new object.
    #[inline]
    pub fn new(obj: PyObject) -> PyRef {
        let container = super::gc_registry::is_container(&obj.payload);
        let r = PyRef(Rc::new(obj));
        if container {
            super::gc_registry::track(&r);
        }
        r
    }

    /// Identity comparison (`is`).
    #[inline]
    pub fn is(&self, other: &PyRef) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }

    /// The address, used for `id()` and identity hashing.
    #[inline]
    pub fn addr(&self) -> usize {
        Rc::as_ptr(&self.0) as *const u8 as usize
    }

    /// Current strong count (`sys.getrefcount` and the cycle collector).
    pub fn strong_count(&self) -> usize {
        Rc::strong_count(&self.0)
    }

    /// Mutable access when this is the only reference (no other strong or weak refs).
    pub fn get_mut(&mut self) -> Option<&mut PyObject> {
        Rc::get_mut(&mut self.0)
    }

    pub fn downgrade(&self) -> PyWeak {
        PyWeak(Rc::downgrade(&self.0))
    }
}

impl PyWeak {
    pub fn upgrade(&self) -> Option<PyRef> {
        self.0.upgrade().map(PyRef)
    }

    /// Whether the object is still alive, without taking a reference.
    pub fn strong_count(&self) -> usize {
        self.0.strong_count()
    }
}

impl Clone for PyRef {
    #[inline]
    fn clone(&self) -> Self {
        PyRef(Rc::clone(&self.0))
    }
}

impl Deref for PyRef {
    type Target = PyObject;
    #[inline]
    fn deref(&self) -> &PyObject {
        &self.0
    }
}

impl fmt::Debug for PyRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<{} object at {:#x}>", self.type_name(), self.addr())
    }
}
