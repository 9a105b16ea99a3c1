//! krait_compiler: AST → CPython 3.11 code objects.
//!
//! Pipeline (as CPython's `compile.c`): `__future__` detection, constant folding on the AST
//! ([`fold`]), symbol table (`symtable/`), code generation into a control-flow graph of basic
//! blocks (`codegen/`), CFG optimisation (`flowgraph/`), then assembly into a [`CodeObject`]
//! (`assemble/`).
#![forbid(unsafe_code)]

pub mod ir;

/// An insertion-ordered map with hashbrown's randomly seeded fast hasher instead of
/// SipHash (hashing was a tenth of compile time).
pub(crate) type FastIndexMap<K, V> = indexmap::IndexMap<K, V, hashbrown::DefaultHashBuilder>;

mod assemble;
mod codegen;
mod flowgraph;
mod fold;
mod symtable;

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
    let parsed = krait_syntax::parse(source, filename, mode)?;
    compile_parsed(parsed, source, filename, opts)
}

/// Compile an already parsed tree (`compile(ast_object, …)`); `source` is only used for the
/// text of error messages.
pub fn compile_parsed(
    parsed: krait_syntax::Parsed,
    source: &str,
    filename: &str,
    opts: CompileOptions,
) -> Result<Rc<CodeObject>, SyntaxError> {
    codegen::compile_mod(parsed, source, filename, opts)
}

/// CPython's `_Py_Mangle`: `__x` inside class `C` becomes `_C__x` (not for dunder names,
/// dotted names, or classes named only with underscores).
pub(crate) fn mangle(private: Option<&str>, name: &Rc<str>) -> Rc<str> {
    let Some(class) = private else {
        return name.clone();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.clone();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.clone();
    }
    Rc::from(format!("_{stripped}{name}"))
}

/// A SyntaxError raised by the compiler or symbol table at an AST location (CPython's
/// `compiler_error` / `PyErr_RangedSyntaxLocationObject`: 1-based offsets, source line text).
pub(crate) fn syntax_error(
    filename: &str,
    source: &str,
    msg: impl Into<String>,
    loc: krait_syntax::ast::Loc,
) -> SyntaxError {
    let text = source
        .split_inclusive('\n')
        .nth((loc.lineno as usize).saturating_sub(1))
        .filter(|_| loc.lineno > 0)
        .map(|l| if l.ends_with('\n') { l.to_string() } else { format!("{l}\n") });
    SyntaxError {
        kind: "SyntaxError",
        msg: msg.into(),
        filename: filename.to_string(),
        lineno: loc.lineno,
        offset: loc.col_offset + 1,
        text,
        end_lineno: loc.end_lineno,
        end_offset: loc.end_col_offset + 1,
    }
}
