//! krait_vm: the runtime — objects and types, the interpreter loop, builtins,
//! exceptions, import, and the native modules the VM needs to boot.

pub mod builtins;
mod compile;
pub mod exceptions;
pub mod import;
pub mod interp;
pub mod modules;
pub mod object;
pub mod types;
pub mod protocols;
pub mod vm;
mod run;
mod vm_init;

pub use vm_init::inherit_slots;

pub use object::{PyRef, Value};
pub use vm::{PyErr, PyResult, Vm, VmOptions};
