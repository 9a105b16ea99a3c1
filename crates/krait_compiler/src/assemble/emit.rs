//! Final emission: co_code with EXTENDED_ARG prefixes and zeroed CACHE units
//! (CPython's `write_instr`/`assemble_emit`), plus the per-instruction facts the location
//! and exception tables are encoded from (`assemble_emit_location`,
//! `assemble_exception_table`).

use super::jumps::{effective_oparg, instr_size, real_op};
use super::AssembleError;
use crate::flowgraph::Graph;
use crate::ir::{BlockId, Location};
use krait_bytecode::Opcode;

/// The bytes of co_code.
pub(crate) fn emit_code(g: &Graph) -> Result<Vec<u8>, AssembleError> {
    let mut out = Vec::new();
    for b in g.layout() {
        for i in &g.b(b).instrs {
            let op = real_op(i)?;
            let arg = effective_oparg(op, i.oparg);
            let size = instr_size(op, arg);
            let prefixes = size - 1 - u32::from(op.cache_entries());
            for k in (1..=prefixes).rev() {
                out.push(Opcode::ExtendedArg as u8);
                out.push((arg >> (8 * k)) as u8);
            }
            out.push(op as u8);
            out.push(arg as u8);
            for _ in 0..op.cache_entries() {
                out.extend_from_slice(&[0, 0]);
            }
        }
    }
    Ok(out)
}

/// Each instruction's size in code units with its location, in layout order.
pub(crate) fn instr_locations(g: &Graph) -> Result<Vec<(u32, Location)>, AssembleError> {
    let mut out = Vec::with_capacity(g.blocks.iter().map(|b| b.instrs.len()).sum());
    for b in g.layout() {
        for i in &g.b(b).instrs {
            out.push((instr_size(real_op(i)?, i.oparg), i.loc));
        }
    }
    Ok(out)
}

/// One exception-table range before encoding, in code units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct ExceptRange {
    pub start: u32,
    pub end: u32,
    pub handler: BlockId,
}

/// Maximal runs of consecutive instructions that share a handler. Mirrors the walk of
/// CPython's `assemble_exception_table`.
pub(crate) fn exception_ranges(g: &Graph) -> Result<Vec<ExceptRange>, AssembleError> {
    let mut out = Vec::new();
    let mut handler: Option<BlockId> = None;
    let mut start = 0;
    let mut offset = 0;
    for b in g.layout() {
        offset = g.b(b).offset;
        for i in &g.b(b).instrs {
            if i.except != handler {
                if let Some(h) = handler {
                    out.push(ExceptRange { start, end: offset, handler: h });
                }
                start = offset;
                handler = i.except;
            }
            offset += instr_size(real_op(i)?, i.oparg);
        }
    }
    if let Some(h) = handler {
        out.push(ExceptRange { start, end: offset, handler: h });
    }
    Ok(out)
}
