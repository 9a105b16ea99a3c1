//! Maximum stack depth (CPython's `stackdepth`), which also records each block's entry
//! depth for the exception table.

use super::{is_block_push, is_jump, Graph};
use crate::assemble::AssembleError;
use crate::ir::{BlockId, IrOp, Pseudo};
use krait_bytecode::stack_effect::{pseudo, stack_effect};
use krait_bytecode::Opcode;

/// Stack effect of a real or virtual instruction; `jump` selects the taken-branch effect.
fn effect(op: IrOp, oparg: u32, jump: bool) -> Result<i32, AssembleError> {
    let e = match op {
        IrOp::Real(op) => op.stack_effect(oparg as i32, Some(jump)),
        IrOp::Pseudo(p) => {
            let code = match p {
                Pseudo::SetupFinally => pseudo::SETUP_FINALLY,
                Pseudo::SetupCleanup => pseudo::SETUP_CLEANUP,
                Pseudo::SetupWith => pseudo::SETUP_WITH,
                Pseudo::PopBlock => pseudo::POP_BLOCK,
                Pseudo::Jump => pseudo::JUMP,
                Pseudo::JumpNoInterrupt => pseudo::JUMP_NO_INTERRUPT,
                Pseudo::PopJumpIfFalse => pseudo::POP_JUMP_IF_FALSE,
                Pseudo::PopJumpIfTrue => pseudo::POP_JUMP_IF_TRUE,
                Pseudo::PopJumpIfNone => pseudo::POP_JUMP_IF_NONE,
                Pseudo::PopJumpIfNotNone => pseudo::POP_JUMP_IF_NOT_NONE,
            };
            stack_effect(code, None, Some(jump)).ok()
        }
    };
    e.ok_or_else(|| AssembleError(format!("compiler stack_effect(opcode={op:?}, arg={oparg}) failed")))
}

fn add_depth(depth: i32, effect: i32) -> Result<i32, AssembleError> {
    depth.checked_add(effect).ok_or_else(|| AssembleError("stack depth overflow".into()))
}

fn push(g: &mut Graph, stack: &mut Vec<BlockId>, b: BlockId, depth: i32) {
    let blk = g.bm(b);
    if blk.startdepth < depth && blk.startdepth < 100 {
        blk.startdepth = depth;
        stack.push(b);
    }
}

/// Depth-first walk from the entry computing the largest stack depth; generators and
/// coroutines start at 1 (the value RETURN_GENERATOR's POP_TOP removes).
pub(crate) fn stackdepth(g: &mut Graph, generator_like: bool) -> Result<u32, AssembleError> {
    for b in &mut g.blocks {
        b.startdepth = i32::MIN;
    }
    let mut stack = Vec::new();
    let mut maxdepth = 0;
    let entry = g.entry;
    push(g, &mut stack, entry, i32::from(generator_like));
    while let Some(b) = stack.pop() {
        let mut depth = g.b(b).startdepth;
        let mut next = g.b(b).next;
        let n = g.b(b).instrs.len();
        for i in 0..n {
            let (op, oparg, target) = {
                let x = &g.b(b).instrs[i];
                (x.op, x.oparg, x.target)
            };
            let new_depth = add_depth(depth, effect(op, oparg, false)?)?;
            maxdepth = maxdepth.max(new_depth);
            if is_jump(op) || is_block_push(op) {
                let target_depth = add_depth(depth, effect(op, oparg, true)?)?;
                maxdepth = maxdepth.max(target_depth);
                if target_depth < 0 {
                    return Err(AssembleError("negative stack depth at jump target".into()));
                }
                if let Some(t) = target {
                    push(g, &mut stack, t, target_depth);
                }
            }
            depth = new_depth;
            if depth < 0 {
                return Err(AssembleError("negative stack depth".into()));
            }
            let ends = matches!(
                op,
                IrOp::Pseudo(Pseudo::Jump | Pseudo::JumpNoInterrupt)
                    | IrOp::Real(Opcode::ReturnValue | Opcode::RaiseVarargs | Opcode::Reraise)
            );
            if ends {
                next = None;
                break;
            }
        }
        if let Some(nx) = next {
            push(g, &mut stack, nx, depth);
        }
    }
    u32::try_from(maxdepth).map_err(|_| AssembleError("negative stack depth".into()))
}
