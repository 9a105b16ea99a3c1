//! krait_compiler: AST → CPython 3.11 code objects.
//!
//! Pipeline (as CPython's `compile.c`): constant folding on the AST, symbol table
//! (`symtable/`), code generation into a control-flow graph of basic blocks (`codegen/`),
//! CFG optimisation (`flowgraph/`), then assembly into a [`CodeObject`] (`assemble/`).
#![forbid(unsafe_code)]

pub mod ir;

use krait_bytecode::CodeObject;
pub use krait_syntax::{Mode, SyntaxError};
use std::rc::Rc;

/// Options of one compilation (the `flags`/`optimize` arguments of `compile()`).
#[derive(Clone, Copy, Debug, Default)]
pub struct CompileOptions {
    /// 0, 1 (`-O`: no asserts, `__debug__` false) or 2 (`-OO`: also no docstrings).
    pub optimize: u8,
    /// `CO_FUTURE_*` flags inherited from the caller (for `compile()`/`exec`).
    pub future_flags: u32,
}

/// Compile source text to a module/expression/interactive code object.
pub fn compile(
    source: &str,
    filename: &str,
    mode: Mode,
    opts: CompileOptions,
) -> Result<Rc<CodeObject>, SyntaxError> {
    let _ = (source, filename, mode, opts);
    unimplemented!("krait_compiler::compile")
}
