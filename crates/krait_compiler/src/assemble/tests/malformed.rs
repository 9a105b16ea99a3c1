//! Malformed CFGs are reported as errors (CPython's SystemError), never panics.

use super::*;
use Opcode::*;

fn fails(b: Builder, unit: CodeUnit) -> String {
    match assemble(b.cfg, unit) {
        Ok(_) => panic!("malformed CFG was accepted"),
        Err(e) => e.0,
    }
}

#[test]
fn jump_not_at_end_of_block() {
    let mut b = Builder::new();
    let t = b.new_block();
    b.op(Resume, 0, NO);
    b.push(IrOp::Pseudo(Pseudo::Jump), 0, Some(t), NO);
    b.op(LoadConst, 0, NO).op(ReturnValue, 0, NO);
    b.use_block(t);
    b.op(LoadConst, 0, NO).op(ReturnValue, 0, NO);
    let msg = fails(b, module_unit(vec![Constant::None], &[]));
    assert_eq!(msg, "malformed control flow graph.");
}

#[test]
fn bad_references() {
    // A deref index past the cells and frees.
    let mut b = Builder::new();
    b.op(Resume, 0, NO).op(LoadDeref, 3, NO).op(ReturnValue, 0, NO);
    fails(b, module_unit(vec![], &[]));
    // A constant index past co_consts in a folded condition.
    let mut b = Builder::new();
    let t = b.new_block();
    b.op(Resume, 0, NO).op(LoadConst, 7, NO).jump(Pseudo::PopJumpIfFalse, t, NO);
    b.use_block(t);
    b.op(LoadConst, 0, NO).op(ReturnValue, 0, NO);
    fails(b, module_unit(vec![Constant::None], &[]));
    // A jump to a block that does not exist.
    let mut b = Builder::new();
    b.op(Resume, 0, NO).jump(Pseudo::Jump, BlockId(9), NO);
    fails(b, module_unit(vec![], &[]));
}

#[test]
fn unbalanced_stack_and_blocks() {
    // POP_BLOCK without SETUP.
    let mut b = Builder::new();
    b.op(Resume, 0, NO).pseudo(Pseudo::PopBlock, NO).op(LoadConst, 0, NO).op(ReturnValue, 0, NO);
    fails(b, module_unit(vec![Constant::None], &[]));
    // Popping from an empty stack.
    let mut b = Builder::new();
    b.op(Resume, 0, NO).op(PopTop, 0, NO).op(LoadConst, 0, NO).op(ReturnValue, 0, NO);
    fails(b, module_unit(vec![Constant::None], &[]));
    // Absurd stack effects and SWAP args do not overflow or index out of bounds.
    let mut b = Builder::new();
    b.op(Resume, 0, NO).op(LoadConst, 0, NO).op(UnpackSequence, u32::MAX, NO);
    b.op(Swap, 0, NO).op(Swap, 1, NO).op(Swap, 0, NO).op(ReturnValue, 0, NO);
    let _ = assemble(b.cfg, module_unit(vec![Constant::None], &[]));
}
