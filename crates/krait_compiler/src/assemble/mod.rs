//! The assembler: CFG of one code unit → CPython 3.11 code object, following the pipeline
//! of CPython 3.11's `assemble()` in `compile.c`.

mod emit;
mod jumps;
mod prefix;
mod tables;
#[cfg(test)]
mod tests;

use crate::flowgraph::consts::trim_unused_consts;
use crate::flowgraph::except_labels::{convert_exception_handlers_to_nops, label_exception_targets};
use crate::flowgraph::extend::{extend_block, normalize_basic_block};
use crate::flowgraph::lines::{duplicate_exits_without_lineno, guarantee_lineno_for_exits, propagate_line_numbers};
use crate::flowgraph::nops::clean_basic_block;
use crate::flowgraph::optimize::optimize_cfg;
use crate::flowgraph::stackdepth::stackdepth;
use crate::flowgraph::Graph;
use crate::ir::{Cfg, CodeUnit};
use krait_bytecode::CodeObject;
use std::rc::Rc;

/// The compiler found its own CFG malformed (CPython raises SystemError for these).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AssembleError(pub String);

impl std::fmt::Display for AssembleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for AssembleError {}

/// Optimise the CFG of one code unit and assemble it into a code object.
/// Mirrors CPython 3.11's `assemble()`.
pub fn assemble(cfg: Cfg, mut unit: CodeUnit) -> Result<CodeObject, AssembleError> {
    let mut g = Graph::from_cfg(cfg)?;
    let blocks: Vec<_> = g.alloc_order().collect();
    for &b in &blocks {
        normalize_basic_block(&mut g, b)?;
    }
    for &b in &blocks {
        extend_block(&mut g, b);
    }
    let fixed = prefix::cell_fixed_offsets(&unit);
    if unit.firstlineno == 0 {
        let first = g.b(g.entry).instrs.first().map_or(0, |i| i.lineno());
        unit.firstlineno = if first > 0 { first } else { 1 };
    }
    prefix::insert_prefix_instructions(&mut g, &unit, &fixed);
    prefix::fix_cell_offsets(&mut g, &unit, fixed)?;
    let mut consts = std::mem::take(&mut unit.consts);
    optimize_cfg(&mut g, &mut consts)?;
    duplicate_exits_without_lineno(&mut g);
    trim_unused_consts(&g, &mut consts);
    propagate_line_numbers(&mut g);
    guarantee_lineno_for_exits(&mut g, unit.firstlineno);
    let maxdepth = stackdepth(&mut g, prefix::is_generator_like(unit.flags))?;
    label_exception_targets(&mut g)?;
    convert_exception_handlers_to_nops(&mut g);
    for b in g.layout() {
        clean_basic_block(&mut g, b);
    }
    jumps::normalize_jumps(&mut g)?;
    jumps::assemble_jump_offsets(&mut g)?;

    let code = emit::emit_code(&g)?;
    let linetable = tables::location_table(unit.firstlineno, &emit::instr_locations(&g)?);
    let exceptiontable = tables::exception_table(&g, &emit::exception_ranges(&g)?)?;
    let (localsplusnames, localspluskinds) = prefix::localsplus_info(&unit);
    Ok(CodeObject {
        argcount: unit.argcount,
        posonlyargcount: unit.posonlyargcount,
        kwonlyargcount: unit.kwonlyargcount,
        stacksize: maxdepth,
        flags: unit.flags,
        code: Rc::from(code),
        consts,
        names: unit.names,
        localsplusnames,
        localspluskinds,
        filename: unit.filename,
        name: unit.name,
        qualname: unit.qualname,
        firstlineno: u32::try_from(unit.firstlineno).unwrap_or(1),
        linetable: Rc::from(linetable),
        exceptiontable: Rc::from(exceptiontable),
    })
}
