//! Jump resolution: virtual jumps to forward/backward opcodes (CPython's `normalize_jumps`)
//! and relative offsets with EXTENDED_ARG iteration (`assemble_jump_offsets`).

use super::AssembleError;
use crate::flowgraph::{is_jump, Graph, Instr};
use crate::ir::{IrOp, Pseudo};
use krait_bytecode::Opcode;

/// The real opcode of a final instruction, or an error for a leftover virtual one.
pub(crate) fn real_op(i: &Instr) -> Result<Opcode, AssembleError> {
    match i.op {
        IrOp::Real(op) => Ok(op),
        IrOp::Pseudo(p) => Err(AssembleError(format!("virtual opcode {p:?} reached the assembler"))),
    }
}

/// The argument written to co_code: 0 for opcodes without one.
pub(crate) fn effective_oparg(op: Opcode, oparg: u32) -> u32 {
    if op.has_arg() {
        oparg
    } else {
        0
    }
}

/// Code units taken by an instruction: EXTENDED_ARG prefixes, itself, its caches.
/// Mirrors CPython's `instr_size`.
pub(crate) fn instr_size(op: Opcode, oparg: u32) -> u32 {
    let arg = effective_oparg(op, oparg);
    let extended = u32::from(arg > 0xFF) + u32::from(arg > 0xFFFF) + u32::from(arg > 0xFF_FFFF);
    extended + 1 + u32::from(op.cache_entries())
}

/// Give every block-final virtual jump its real opcode, forward or backward by layout.
/// Mirrors CPython's `normalize_jumps`.
pub(crate) fn normalize_jumps(g: &mut Graph) -> Result<(), AssembleError> {
    let layout = g.layout();
    for &b in &layout {
        g.bm(b).visited = false;
    }
    for &b in &layout {
        g.bm(b).visited = true;
        let Some(last) = g.b(b).last_jump() else { continue };
        let Some(target) = last.target else { continue };
        let forward = !g.b(target).visited;
        let pick = |fwd: Opcode, back: Opcode| IrOp::Real(if forward { fwd } else { back });
        let new = match last.op {
            IrOp::Pseudo(Pseudo::Jump) => pick(Opcode::JumpForward, Opcode::JumpBackward),
            IrOp::Pseudo(Pseudo::JumpNoInterrupt) => pick(Opcode::JumpForward, Opcode::JumpBackwardNoInterrupt),
            IrOp::Pseudo(Pseudo::PopJumpIfNotNone) => {
                pick(Opcode::PopJumpForwardIfNotNone, Opcode::PopJumpBackwardIfNotNone)
            }
            IrOp::Pseudo(Pseudo::PopJumpIfNone) => pick(Opcode::PopJumpForwardIfNone, Opcode::PopJumpBackwardIfNone),
            IrOp::Pseudo(Pseudo::PopJumpIfFalse) => pick(Opcode::PopJumpForwardIfFalse, Opcode::PopJumpBackwardIfFalse),
            IrOp::Pseudo(Pseudo::PopJumpIfTrue) => pick(Opcode::PopJumpForwardIfTrue, Opcode::PopJumpBackwardIfTrue),
            IrOp::Real(op @ (Opcode::JumpIfTrueOrPop | Opcode::JumpIfFalseOrPop)) if !forward => {
                return Err(AssembleError(format!("unexpected {} jumping backwards", op.name())));
            }
            other => other,
        };
        if let Some(last) = g.bm(b).instrs.last_mut() {
            last.op = new;
        }
    }
    Ok(())
}

/// Compute block offsets and relative jump args, repeating while EXTENDED_ARG counts
/// change. Mirrors CPython's `assemble_jump_offsets`.
pub(crate) fn assemble_jump_offsets(g: &mut Graph) -> Result<(), AssembleError> {
    let layout = g.layout();
    for &b in &layout {
        for i in &mut g.bm(b).instrs {
            if is_jump(i.op) {
                i.oparg = 0;
            }
        }
    }
    // Sizes only grow as offsets grow, so this settles quickly; the bound keeps malformed
    // input from looping forever.
    for _ in 0..64 {
        let mut total = 0u32;
        for &b in &layout {
            let blk = g.bm(b);
            blk.offset = total;
            for i in &blk.instrs {
                total = total
                    .checked_add(instr_size(real_op(i)?, i.oparg))
                    .ok_or_else(|| AssembleError("code too large".into()))?;
            }
        }
        let mut recompile = false;
        for &b in &layout {
            let mut pos = g.b(b).offset;
            for idx in 0..g.b(b).instrs.len() {
                let (op, oparg, target) = {
                    let i = &g.b(b).instrs[idx];
                    (real_op(i)?, i.oparg, i.target)
                };
                let size = instr_size(op, oparg);
                pos = pos.saturating_add(size);
                if !op.is_jump() {
                    continue;
                }
                let Some(t) = target else { continue };
                let dest = g.b(t).offset;
                let backward_op = op.arg_kind() == krait_bytecode::ArgKind::JumpBackward;
                let arg = if dest < pos {
                    if !backward_op {
                        return Err(AssembleError(format!("{} jumps backwards", op.name())));
                    }
                    pos - dest
                } else {
                    if backward_op {
                        return Err(AssembleError(format!("{} jumps forwards", op.name())));
                    }
                    dest - pos
                };
                g.bm(b).instrs[idx].oparg = arg;
                if instr_size(op, arg) != size {
                    recompile = true;
                }
            }
        }
        if !recompile {
            return Ok(());
        }
    }
    Err(AssembleError("jump offsets do not converge".into()))
}
