//! krait_bytecode: the CPython 3.11 instruction set and code-object format as plain data.
//!
//! Nothing here knows about the VM: the compiler produces a [`CodeObject`], marshal and
//! `.pyc` read and write it, the VM decodes it into its own form.
#![forbid(unsafe_code)]

pub mod code;
pub mod opcode;
pub mod pyc;
mod opcode_table;
pub mod marshal;
pub mod stack_effect;

pub use code::{CodeFlags, CodeObject, Constant, LocalKind};
pub use opcode::{ArgKind, Opcode};
pub use opcode_table::{CMP_OP, HAVE_ARGUMENT, NB_OPS};
