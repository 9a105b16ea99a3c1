//! The CFG optimisation driver (CPython's `optimize_cfg`) with reachability marking and
//! empty-block elimination (`mark_reachable`, `eliminate_empty_basic_blocks`).

use super::extend::extend_block;
use super::nops::clean_basic_block;
use super::peephole::optimize_basic_block;
use super::{is_block_push, is_jump, Graph};
use crate::assemble::AssembleError;
use crate::ir::{IrOp, Pseudo};
use krait_bytecode::{Constant, Opcode};

/// Count each block's predecessors along fall-through, jump and handler edges from the
/// entry; unreachable blocks keep 0. Mirrors CPython's `mark_reachable`.
pub(crate) fn mark_reachable(g: &mut Graph) {
    let entry = g.entry;
    g.bm(entry).predecessors = 1;
    let mut stack = vec![entry];
    while let Some(b) = stack.pop() {
        let blk = g.b(b);
        let fall = if blk.nofallthrough { None } else { blk.next };
        let targets: Vec<_> = blk
            .instrs
            .iter()
            .filter(|i| is_jump(i.op) || is_block_push(i.op))
            .filter_map(|i| i.target)
            .collect();
        for t in fall.into_iter().chain(targets) {
            let tb = g.bm(t);
            if tb.predecessors == 0 {
                stack.push(t);
            }
            tb.predecessors += 1;
        }
    }
}

/// Unlink empty blocks from the layout (keeping a trailing one) and send block-final
/// jumps past empty blocks. Mirrors CPython's `eliminate_empty_basic_blocks`.
pub(crate) fn eliminate_empty_basic_blocks(g: &mut Graph) -> Result<(), AssembleError> {
    let mut cur = Some(g.entry);
    let mut steps = 0;
    while let Some(b) = cur {
        if let Some(mut next) = g.b(b).next {
            while g.b(next).instrs.is_empty() {
                match g.b(next).next {
                    Some(n) => next = n,
                    None => break,
                }
            }
            g.bm(b).next = Some(next);
        }
        cur = g.b(b).next;
        steps += 1;
        if steps > g.blocks.len() {
            return Err(AssembleError("cycle in block layout".into()));
        }
    }
    for b in g.layout() {
        let Some(last) = g.b(b).last_jump() else { continue };
        if let Some(t) = last.target {
            let t = g.skip_empty(t)?;
            if let Some(last) = g.bm(b).instrs.last_mut() {
                last.target = Some(t);
            }
        }
    }
    Ok(())
}

/// Peephole every block, inline small exits, drop unreachable code and redundant jumps.
/// Mirrors CPython's `optimize_cfg`.
pub(crate) fn optimize_cfg(g: &mut Graph, consts: &mut Vec<Constant>) -> Result<(), AssembleError> {
    for b in g.layout() {
        optimize_basic_block(g, b, consts)?;
        clean_basic_block(g, b);
    }
    for b in g.alloc_order() {
        extend_block(g, b);
    }
    mark_reachable(g);
    for b in g.layout() {
        let blk = g.bm(b);
        if blk.predecessors == 0 {
            blk.instrs.clear();
            blk.nofallthrough = false;
        }
    }
    eliminate_empty_basic_blocks(g)?;
    for b in g.layout() {
        clean_basic_block(g, b);
    }
    // A block-final JUMP to the very next block is redundant.
    let mut maybe_empty_blocks = false;
    for b in g.layout() {
        let next = g.b(b).next;
        let blk = g.bm(b);
        if let Some(last) = blk.instrs.last_mut() {
            let uncond = matches!(last.op, IrOp::Pseudo(Pseudo::Jump | Pseudo::JumpNoInterrupt));
            if uncond && last.target.is_some() && last.target == next {
                last.set_real(Opcode::Nop);
                blk.nofallthrough = false;
                maybe_empty_blocks = true;
            }
        }
    }
    if maybe_empty_blocks {
        eliminate_empty_basic_blocks(g)?;
    }
    Ok(())
}
