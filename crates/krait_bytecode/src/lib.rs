//! krait_bytecode: the CPython 3.11 instruction set and code-object format as plain data.
//!
//! Nothing here knows about the VM: the compiler produces a [`CodeObject`], marshal and
//! `.pyc` read and write it, [`verify`](verify::verify) checks untrusted ones, the VM decodes
//! it into its own form.
#![forbid(unsafe_code)]

pub mod code;
pub mod exception_table;
pub mod instruction;
pub mod line_table;
pub mod marshal;
pub mod opcode;
mod opcode_table;
pub mod pyc;
pub mod stack_effect;
pub mod surrogate;
pub mod verify;

pub use code::{CodeFlags, CodeObject, Constant, LocalKind};
pub use opcode::{ArgKind, Opcode};
pub use opcode_table::{CMP_OP, HAVE_ARGUMENT, NB_OPS};
