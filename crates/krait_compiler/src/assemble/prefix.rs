//! Frame-setup prefix and localsplus numbering: CPython's `build_cellfixedoffsets`,
//! `insert_prefix_instructions`, `fix_cell_offsets` and `compute_localsplus_info`.

use super::AssembleError;
use crate::flowgraph::{Graph, Instr};
use crate::ir::{CodeUnit, Location};
use krait_bytecode::{CodeFlags, LocalKind, Opcode};
use std::rc::Rc;

/// For every cell and free index, its localsplus slot before argument cells are folded
/// away: `nlocals + index`, or the argument's own slot for a cell that is also a local.
/// Mirrors CPython's `build_cellfixedoffsets`.
pub(crate) fn cell_fixed_offsets(unit: &CodeUnit) -> Vec<u32> {
    let nlocals = unit.varnames.len() as u32;
    let n = unit.cellvars.len() + unit.freevars.len();
    let mut fixed: Vec<u32> = (0..n as u32).map(|i| nlocals + i).collect();
    for (ci, cell) in unit.cellvars.iter().enumerate() {
        if let Some(vi) = unit.varnames.iter().position(|v| v == cell) {
            fixed[ci] = vi as u32;
        }
    }
    fixed
}

/// Whether the code is a generator, coroutine or async generator.
pub(crate) fn is_generator_like(flags: u32) -> bool {
    flags & (CodeFlags::GENERATOR | CodeFlags::COROUTINE | CodeFlags::ASYNC_GENERATOR) != 0
}

/// Put `COPY_FREE_VARS n; MAKE_CELL …; RETURN_GENERATOR; POP_TOP` (each when needed) at the
/// start of the entry block. MAKE_CELL args are still cell indices here.
/// Mirrors CPython's `insert_prefix_instructions`.
pub(crate) fn insert_prefix_instructions(g: &mut Graph, unit: &CodeUnit, fixed: &[u32]) {
    let mut prefix = Vec::new();
    if unit.freevars.len() as u32 > 0 {
        prefix.push(Instr::new(Opcode::CopyFreeVars, unit.freevars.len() as u32, Location::NONE));
    }
    // MAKE_CELLs in final slot order.
    let mut cells: Vec<(u32, u32)> =
        (0..unit.cellvars.len()).map(|i| (fixed[i], i as u32)).collect();
    cells.sort_unstable();
    for (_, cell) in cells {
        prefix.push(Instr::new(Opcode::MakeCell, cell, Location::NONE));
    }
    if is_generator_like(unit.flags) {
        let line = unit.firstlineno;
        let loc = Location { lineno: line, end_lineno: line, col_offset: -1, end_col_offset: -1 };
        prefix.push(Instr::new(Opcode::ReturnGenerator, 0, loc));
        prefix.push(Instr::new(Opcode::PopTop, 0, Location::NONE));
    }
    let entry = g.entry;
    let instrs = &mut g.bm(entry).instrs;
    instrs.splice(0..0, prefix);
}

/// Renumber MAKE_CELL/LOAD_CLOSURE/*_DEREF/LOAD_CLASSDEREF args from cell/free indices to
/// localsplus slots (argument cells share the argument's slot, later slots close up).
/// Mirrors CPython's `fix_cell_offsets`.
pub(crate) fn fix_cell_offsets(g: &mut Graph, unit: &CodeUnit, mut fixed: Vec<u32>) -> Result<(), AssembleError> {
    let nlocals = unit.varnames.len() as u32;
    let mut numdropped = 0;
    for (i, f) in fixed.iter_mut().enumerate() {
        if *f == i as u32 + nlocals {
            *f -= numdropped;
        } else {
            numdropped += 1;
        }
    }
    for b in g.layout() {
        for inst in &mut g.bm(b).instrs {
            let deref = [
                Opcode::MakeCell,
                Opcode::LoadClosure,
                Opcode::LoadDeref,
                Opcode::StoreDeref,
                Opcode::DeleteDeref,
                Opcode::LoadClassderef,
            ]
            .iter()
            .any(|&op| inst.is(op));
            if deref {
                inst.oparg = *fixed
                    .get(inst.oparg as usize)
                    .ok_or_else(|| AssembleError(format!("cell/free index {} out of range", inst.oparg)))?;
            }
        }
    }
    Ok(())
}

/// `co_localsplusnames` and `co_localspluskinds`. Mirrors CPython's `compute_localsplus_info`.
pub(crate) fn localsplus_info(unit: &CodeUnit) -> (Vec<Rc<str>>, Vec<u8>) {
    let mut names: Vec<Rc<str>> = unit.varnames.clone();
    let mut kinds: Vec<u8> = unit
        .varnames
        .iter()
        .map(|v| if unit.cellvars.contains(v) { LocalKind::LOCAL | LocalKind::CELL } else { LocalKind::LOCAL })
        .collect();
    for cell in &unit.cellvars {
        if !unit.varnames.contains(cell) {
            names.push(cell.clone());
            kinds.push(LocalKind::CELL);
        }
    }
    for free in &unit.freevars {
        names.push(free.clone());
        kinds.push(LocalKind::FREE);
    }
    (names, kinds)
}
