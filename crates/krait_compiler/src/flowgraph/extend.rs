//! Block classification and exit-block inlining: CPython's `normalize_basic_block` and
//! `extend_block`.

use super::Graph;
use crate::assemble::AssembleError;
use crate::ir::{BlockId, IrOp, Pseudo};
use krait_bytecode::Opcode;

/// Largest exit block `extend_block` copies (CPython's `MAX_COPY_SIZE`).
const MAX_COPY_SIZE: usize = 4;

/// Mark exit/no-fallthrough blocks, check that jumps end their block and send jumps past
/// empty blocks. Mirrors CPython's `normalize_basic_block`.
pub(crate) fn normalize_basic_block(g: &mut Graph, id: BlockId) -> Result<(), AssembleError> {
    let n = g.b(id).instrs.len();
    for i in 0..n {
        let op = g.b(id).instrs[i].op;
        let (exit, nofall) = match op {
            IrOp::Real(Opcode::ReturnValue | Opcode::RaiseVarargs | Opcode::Reraise) => (true, true),
            IrOp::Pseudo(Pseudo::Jump | Pseudo::JumpNoInterrupt) => (false, true),
            _ => (false, false),
        };
        if exit {
            g.bm(id).exit = true;
        }
        if nofall {
            g.bm(id).nofallthrough = true;
        }
        let checked_jump = matches!(
            op,
            IrOp::Pseudo(
                Pseudo::Jump
                    | Pseudo::JumpNoInterrupt
                    | Pseudo::PopJumpIfFalse
                    | Pseudo::PopJumpIfTrue
                    | Pseudo::PopJumpIfNone
                    | Pseudo::PopJumpIfNotNone
            ) | IrOp::Real(Opcode::JumpIfFalseOrPop | Opcode::JumpIfTrueOrPop | Opcode::ForIter)
        );
        if checked_jump {
            if i != n - 1 {
                return Err(AssembleError("malformed control flow graph.".into()));
            }
            if let Some(t) = g.b(id).instrs[i].target {
                let t = g.skip_empty(t)?;
                g.bm(id).instrs[i].target = Some(t);
            }
        }
    }
    Ok(())
}

/// If the block ends with an unconditional jump to a small exit block without line numbers
/// (an implicit `return None`), replace the jump by a copy of that block. CPython's
/// `extend_block`.
pub(crate) fn extend_block(g: &mut Graph, id: BlockId) {
    let Some(last) = g.b(id).last() else { return };
    let unconditional = matches!(
        last.op,
        IrOp::Pseudo(Pseudo::Jump) | IrOp::Real(Opcode::JumpForward | Opcode::JumpBackward)
    );
    if !unconditional {
        return;
    }
    let Some(target) = last.target else { return };
    let to_copy = g.b(target);
    if !to_copy.exit || to_copy.instrs.len() > MAX_COPY_SIZE {
        return;
    }
    // Copy only blocks without line numbers (CPython's `basicblock_has_lineno`).
    if to_copy.instrs.iter().any(|i| i.lineno() > 0) {
        return;
    }
    let copied = to_copy.instrs.clone();
    let b = g.bm(id);
    if let Some(last) = b.instrs.last_mut() {
        last.set_real(Opcode::Nop);
    }
    b.instrs.extend(copied);
    b.exit = true;
}

