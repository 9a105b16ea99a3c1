//! The object model: the `PyRef` handle, `Value`, heap objects and type objects.

pub mod finalize;
pub mod gc_registry;
mod handle;
pub mod hash;
mod obj;
mod typeobj;
mod value;

pub use handle::{PyRef, PyWeak};
pub use obj::{Payload, PyObject};
pub use typeobj::{
    Args, BinOp, BinaryFn, CallFn, CmpOp, CompareFn, GetAttrFn, InitFn, NbOps, NewFn, Slots, SlotsCell, TypeFlags, UnaryFn,
    TypeObject, UnaryOp,
};
pub use value::{clone_slot, put_slot, take_slot, Value};
