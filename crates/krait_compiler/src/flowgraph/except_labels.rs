//! Exception-handler labelling from SETUP_*/POP_BLOCK (CPython's `label_exception_targets`
//! and `convert_exception_handlers_to_nops`).

use super::{is_block_push, is_jump, Graph};
use crate::assemble::AssembleError;
use crate::ir::{BlockId, IrOp, Pseudo};
use krait_bytecode::Opcode;

/// Walk the CPython way over the CFG with a stack of active handlers, setting `except` on
/// every instruction but the SETUP_*/POP_BLOCK markers, and marking SETUP_WITH/SETUP_CLEANUP
/// handlers as preserving `lasti`.
pub(crate) fn label_exception_targets(g: &mut Graph) -> Result<(), AssembleError> {
    for b in g.layout() {
        g.bm(b).visited = false;
    }
    // Exception stack at the start of each pending block (`b_exceptstack`); index 0 of a
    // stack is the "no handler" bottom.
    let mut stacks: Vec<Option<Vec<Option<BlockId>>>> = vec![None; g.blocks.len()];
    let entry = g.entry;
    stacks[entry.0 as usize] = Some(vec![None]);
    g.bm(entry).visited = true;
    let mut todo = vec![entry];
    while let Some(b) = todo.pop() {
        let mut stack = stacks[b.0 as usize].take().unwrap_or_else(|| vec![None]);
        let mut handler = stack.last().copied().flatten();
        let n = g.b(b).instrs.len();
        for i in 0..n {
            let (op, target) = (g.b(b).instrs[i].op, g.b(b).instrs[i].target);
            if is_block_push(op) {
                let Some(t) = target else { continue };
                if !g.b(t).visited {
                    stacks[t.0 as usize] = Some(stack.clone());
                    g.bm(t).visited = true;
                    todo.push(t);
                }
                if matches!(op, IrOp::Pseudo(Pseudo::SetupWith | Pseudo::SetupCleanup)) {
                    g.bm(t).preserve_lasti = true;
                }
                stack.push(Some(t));
                handler = Some(t);
            } else if op == IrOp::Pseudo(Pseudo::PopBlock) {
                if stack.len() <= 1 {
                    return Err(AssembleError("POP_BLOCK without a matching SETUP".into()));
                }
                stack.pop();
                handler = stack.last().copied().flatten();
            } else {
                g.bm(b).instrs[i].except = handler;
                if is_jump(op) {
                    if let Some(t) = target {
                        if !g.b(t).visited {
                            stacks[t.0 as usize] = Some(stack.clone());
                            g.bm(t).visited = true;
                            todo.push(t);
                        }
                    }
                }
            }
        }
        if !g.b(b).nofallthrough {
            if let Some(next) = g.b(b).next {
                if !g.b(next).visited {
                    stacks[next.0 as usize] = Some(stack);
                    g.bm(next).visited = true;
                    todo.push(next);
                }
            }
        }
    }
    Ok(())
}

/// Turn the SETUP_*/POP_BLOCK markers into NOPs (CPython's
/// `convert_exception_handlers_to_nops`).
pub(crate) fn convert_exception_handlers_to_nops(g: &mut Graph) {
    for b in g.layout() {
        for i in &mut g.bm(b).instrs {
            if is_block_push(i.op) || i.op == IrOp::Pseudo(Pseudo::PopBlock) {
                i.set_real(Opcode::Nop);
            }
        }
    }
}
