//! Loops and exception handling.

use super::*;
use Opcode::*;

/// ```python
/// try:
///     a()
/// except E:
///     b()
/// ```
/// Exception table with a plain and two lasti ranges, the `try:` NOP, handler depths.
#[test]
fn try_except() {
    let mut b = Builder::new();
    let body = b.new_block();
    let except = b.new_block();
    let orelse = b.new_block();
    let end = b.new_block();
    let cleanup = b.new_block();
    let handler: L = (3, 4, 0, 7);
    b.op(Resume, 0, (0, 1, 0, 0)).jump(Pseudo::SetupFinally, except, (1, 4, 0, 7));
    b.use_block(body);
    b.op(PushNull, 0, (2, 2, 4, 5)).op(LoadName, 0, (2, 2, 4, 5));
    b.op(Precall, 0, (2, 2, 4, 7)).op(Call, 0, (2, 2, 4, 7)).op(PopTop, 0, (2, 2, 4, 7));
    b.pseudo(Pseudo::PopBlock, NO).jump(Pseudo::Jump, end, NO);
    b.use_block(except);
    b.jump(Pseudo::SetupCleanup, cleanup, NO).op(PushExcInfo, 0, NO);
    let next_handler = b.new_block();
    b.op(LoadName, 1, (3, 3, 7, 8)).op(CheckExcMatch, 0, handler);
    b.jump(Pseudo::PopJumpIfFalse, next_handler, handler);
    let cleanup_body = b.new_block();
    b.op(PopTop, 0, handler);
    b.use_block(cleanup_body);
    b.op(PushNull, 0, (4, 4, 4, 5)).op(LoadName, 2, (4, 4, 4, 5));
    b.op(Precall, 0, (4, 4, 4, 7)).op(Call, 0, (4, 4, 4, 7)).op(PopTop, 0, (4, 4, 4, 7));
    b.pseudo(Pseudo::PopBlock, NO).op(PopExcept, 0, NO).jump(Pseudo::Jump, end, NO);
    b.use_block(next_handler);
    b.op(Reraise, 0, NO);
    b.use_block(cleanup);
    b.op(Copy, 3, NO).op(PopExcept, 0, NO).op(Reraise, 1, NO);
    b.use_block(orelse);
    b.use_block(end);
    b.op(LoadConst, 0, NO).op(ReturnValue, 0, NO);
    let co = b.finish(module_unit(vec![Constant::None], &["a", "E", "b"]));
    check(
        &co,
        "9700090002006500a6000000ab000000000000000000010064005300230065012400720e010002006502a6000000ab00000000000000000001005900640053007700780359007701",
        "f003010101f002030108d80405804181438443804380438043f8d80708f000010108f000010108f000010108d804058041814384438043804380438043f003010108f8f8f8",
        "820a0e008e0f2103a0012103",
        4,
    );
}

/// ```python
/// for i in x:
///     y(i)
/// ```
#[test]
fn for_loop_backward_jump() {
    let mut b = Builder::new();
    let start = b.new_block();
    let body = b.new_block();
    let cleanup = b.new_block();
    let end = b.new_block();
    let for_loc: L = (1, 2, 0, 8);
    b.op(Resume, 0, (0, 1, 0, 0)).op(LoadName, 0, (1, 1, 9, 10)).op(GetIter, 0, for_loc);
    b.use_block(start);
    b.real_jump(ForIter, cleanup, for_loc);
    b.use_block(body);
    b.op(StoreName, 1, (1, 1, 4, 5)).op(PushNull, 0, (2, 2, 4, 5)).op(LoadName, 2, (2, 2, 4, 5));
    b.op(LoadName, 1, (2, 2, 6, 7)).op(Precall, 1, (2, 2, 4, 8)).op(Call, 1, (2, 2, 4, 8));
    b.op(PopTop, 0, (2, 2, 4, 8)).jump(Pseudo::Jump, start, NO);
    b.use_block(cleanup);
    b.use_block(end);
    b.op(LoadConst, 0, NO).op(ReturnValue, 0, NO);
    let co = b.finish(module_unit(vec![Constant::None], &["x", "i", "y"]));
    check(
        &co,
        "9700650044005d0d5a01020065026501a6010000ab01000000000000000001008c0e64005300",
        "f003010101d8090af000010109f0000101098041d80405804180618144844480448044f003010109f000010109",
        "",
        4,
    );
}

/// ```python
/// while a:
///     b()
/// ```
/// The test is repeated at the bottom as a backward conditional jump.
#[test]
fn while_loop_backward_conditional() {
    let mut b = Builder::new();
    let lp = b.new_block();
    let body = b.new_block();
    let anchor = b.new_block();
    let exit = b.new_block();
    let while_loc: L = (1, 2, 0, 7);
    b.op(Resume, 0, (0, 1, 0, 0));
    b.use_block(lp);
    b.op(LoadName, 0, (1, 1, 6, 7)).jump(Pseudo::PopJumpIfFalse, anchor, while_loc);
    b.use_block(body);
    b.op(PushNull, 0, (2, 2, 4, 5)).op(LoadName, 1, (2, 2, 4, 5));
    b.op(Precall, 0, (2, 2, 4, 7)).op(Call, 0, (2, 2, 4, 7)).op(PopTop, 0, (2, 2, 4, 7));
    b.op(LoadName, 0, (1, 1, 6, 7)).jump(Pseudo::PopJumpIfTrue, body, while_loc);
    b.use_block(anchor);
    b.use_block(exit);
    b.op(LoadConst, 0, NO).op(ReturnValue, 0, NO);
    let co = b.finish(module_unit(vec![Constant::None], &["a", "b"]));
    check(
        &co,
        "97006500720e02006501a6000000ab00000000000000000001006500b00c6400530064005300",
        "f003010101d80607f000010108d804058041814384438043f003000708f000010108f000010108f000010108f000010108f000010108",
        "",
        2,
    );
}

/// ```python
/// if 0:
///     a()
/// while True:
///     b()
/// ```
/// Constant conditions: dead code removed, line-carrying NOPs kept, constants trimmed.
#[test]
fn constant_conditions() {
    let mut b = Builder::new();
    let end = b.new_block();
    b.op(Resume, 0, (0, 1, 0, 0)).op(LoadConst, 0, (1, 1, 3, 4));
    b.jump(Pseudo::PopJumpIfFalse, end, (1, 2, 0, 7));
    b.op(PushNull, 0, (2, 2, 4, 5)).op(LoadName, 0, (2, 2, 4, 5));
    b.op(Precall, 0, (2, 2, 4, 7)).op(Call, 0, (2, 2, 4, 7)).op(PopTop, 0, (2, 2, 4, 7));
    b.use_block(end);
    let lp = b.new_block();
    let body = b.new_block();
    let anchor = b.new_block();
    let exit = b.new_block();
    let while_loc: L = (3, 4, 0, 7);
    b.use_block(lp);
    b.op(LoadConst, 1, (3, 3, 6, 10)).jump(Pseudo::PopJumpIfFalse, anchor, while_loc);
    b.use_block(body);
    b.op(PushNull, 0, (4, 4, 4, 5)).op(LoadName, 1, (4, 4, 4, 5));
    b.op(Precall, 0, (4, 4, 4, 7)).op(Call, 0, (4, 4, 4, 7)).op(PopTop, 0, (4, 4, 4, 7));
    b.op(LoadConst, 1, (3, 3, 6, 10)).jump(Pseudo::PopJumpIfTrue, body, while_loc);
    b.use_block(anchor);
    b.use_block(exit);
    b.op(LoadConst, 2, NO).op(ReturnValue, 0, NO);
    let co = b.finish(module_unit(vec![int(0), Constant::Bool(true), Constant::None], &["a", "b"]));
    check(
        &co,
        "97000900090002006501a6000000ab00000000000000000001008c0b",
        "f003010101f002010108f004010108d804058041814384438043f003010108",
        "",
        2,
    );
    assert_eq!(co.consts.len(), 1);
}

/// `x = a and b or c`: JUMP_IF_FALSE_OR_POP into JUMP_IF_TRUE_OR_POP on the same line
/// becomes POP_JUMP_IF_FALSE past it.
#[test]
fn boolop_jump_threading() {
    let mut b = Builder::new();
    let end_or = b.new_block();
    let end_and = b.new_block();
    b.op(Resume, 0, (0, 1, 0, 0)).op(LoadName, 0, (1, 1, 4, 5));
    b.real_jump(JumpIfFalseOrPop, end_and, (1, 1, 4, 11));
    b.op(LoadName, 1, (1, 1, 10, 11));
    b.use_block(end_and);
    b.real_jump(JumpIfTrueOrPop, end_or, (1, 1, 4, 16));
    b.op(LoadName, 2, (1, 1, 15, 16));
    b.use_block(end_or);
    b.op(StoreName, 3, (1, 1, 0, 1)).op(LoadConst, 0, NO).op(ReturnValue, 0, NO);
    let co = b.finish(module_unit(vec![Constant::None], &["a", "b", "c", "x"]));
    check(&co, "9700650072026501700165025a0364005300", "f003010101d8040580478821804c8871800180018001", "", 1);
}

/// `if a:` followed by 130 lines `b = 1`: the forward jump needs EXTENDED_ARG, which
/// shares the jump's location entry.
#[test]
fn extended_arg_jump() {
    let mut b = Builder::new();
    let end = b.new_block();
    b.op(Resume, 0, (0, 1, 0, 0)).op(LoadName, 0, (1, 1, 3, 4));
    b.jump(Pseudo::PopJumpIfFalse, end, (1, 131, 0, 9));
    for line in 2..=131 {
        b.op(LoadConst, 0, (line, line, 8, 9)).op(StoreName, 1, (line, line, 4, 5));
    }
    b.use_block(end);
    b.op(LoadConst, 1, NO).op(ReturnValue, 0, NO);
    let co = b.finish(module_unit(vec![int(1), Constant::None], &["a", "b"]));
    let code = hex(&co.code);
    assert_eq!(code.len(), 2 * 536);
    assert_eq!(&code[..24], "970065009001720664005a01");
    assert_eq!(&code[code.len() - 24..], "64005a016401530064015300");
    let lt = hex(&co.linetable);
    assert_eq!(lt.len(), 2 * 681);
    assert_eq!(&lt[..24], "f003010101d80304f1004202");
    assert_eq!(&lt[lt.len() - 24..], "45044202010af0004202010a");
    assert_eq!(co.stacksize, 1);
}

/// ```python
/// def f():
///     with a as b:
///         c()
/// ```
/// SETUP_WITH/SETUP_CLEANUP handlers (lasti), PUSH_NULL+LOAD_GLOBAL fusion, the implicit
/// return copied into the body by `extend_block`.
#[test]
fn with_statement() {
    let mut b = Builder::new();
    let with: L = (2, 3, 4, 11);
    let block = b.new_block();
    let fin = b.new_block();
    let exit = b.new_block();
    let cleanup = b.new_block();
    b.op(Resume, 0, (1, 1, 0, 0)).op(LoadGlobal, 0, (2, 2, 9, 10)).op(BeforeWith, 0, with);
    b.jump(Pseudo::SetupWith, fin, with);
    b.use_block(block);
    b.op(StoreFast, 0, (2, 2, 14, 15));
    b.op(PushNull, 0, (3, 3, 8, 9)).op(LoadGlobal, 2, (3, 3, 8, 9));
    b.op(Precall, 0, (3, 3, 8, 11)).op(Call, 0, (3, 3, 8, 11)).op(PopTop, 0, (3, 3, 8, 11));
    b.pseudo(Pseudo::PopBlock, NO);
    b.op(LoadConst, 0, with).op(LoadConst, 0, with).op(LoadConst, 0, with);
    b.op(Precall, 2, with).op(Call, 2, with).op(PopTop, 0, with).jump(Pseudo::Jump, exit, with);
    b.use_block(fin);
    b.jump(Pseudo::SetupCleanup, cleanup, with).op(PushExcInfo, 0, with).op(WithExceptStart, 0, with);
    let wexit = b.new_block();
    b.jump(Pseudo::PopJumpIfTrue, wexit, NO).op(Reraise, 2, NO);
    b.use_block(cleanup);
    b.op(Copy, 3, NO).op(PopExcept, 0, NO).op(Reraise, 1, NO);
    b.use_block(wexit);
    b.op(PopTop, 0, NO).pseudo(Pseudo::PopBlock, NO).op(PopExcept, 0, NO).op(PopTop, 0, NO).op(PopTop, 0, NO);
    b.use_block(exit);
    b.op(LoadConst, 0, NO).op(ReturnValue, 0, NO);
    let co = b.finish(CodeUnit {
        name: s("f"),
        qualname: s("f"),
        filename: s("<t>"),
        flags: 0x3,
        firstlineno: 1,
        consts: vec![Constant::None],
        names: names(&["a", "c"]),
        varnames: names(&["b"]),
        ..CodeUnit::default()
    });
    check(
        &co,
        "970074000000000000000000000035007d00740300000000000000000000a6000000ab0000000000000000000100640064006400a6020000ab0200000000000000000100640053002300310073047702780359007701010059000100010064005300",
        "8000dd090af00001050c8861dd080989038c038803f00301050cf00001050cf00001050cf10001050cf40001050cf00001050cf00001050cf00001050cf00001050cf00001050cf00001050cf00001050cf8f8f8f00001050cf00001050cf00001050cf00001050cf00001050cf00001050c",
        "880f2403a4042807ab012807",
        6,
    );
}

/// ```python
/// try:
///     a()
/// except E as e:
///     b(e)
/// ```
/// Nested SETUP_CLEANUP for the named handler, location-less cleanup code, four ranges.
#[test]
fn try_except_as_name() {
    let mut b = Builder::new();
    let body = b.new_block();
    let except = b.new_block();
    let orelse = b.new_block();
    let end = b.new_block();
    let cleanup = b.new_block();
    let handler: L = (3, 4, 0, 8);
    b.op(Resume, 0, (0, 1, 0, 0)).jump(Pseudo::SetupFinally, except, (1, 4, 0, 8));
    b.use_block(body);
    b.op(PushNull, 0, (2, 2, 4, 5)).op(LoadName, 0, (2, 2, 4, 5));
    b.op(Precall, 0, (2, 2, 4, 7)).op(Call, 0, (2, 2, 4, 7)).op(PopTop, 0, (2, 2, 4, 7));
    b.pseudo(Pseudo::PopBlock, NO).jump(Pseudo::Jump, end, NO);
    b.use_block(except);
    b.jump(Pseudo::SetupCleanup, cleanup, NO).op(PushExcInfo, 0, NO);
    let next_handler = b.new_block();
    b.op(LoadName, 1, (3, 3, 7, 8)).op(CheckExcMatch, 0, handler);
    b.jump(Pseudo::PopJumpIfFalse, next_handler, handler);
    let cleanup_end = b.new_block();
    let cleanup_body = b.new_block();
    b.op(StoreName, 2, handler).jump(Pseudo::SetupCleanup, cleanup_end, handler);
    b.use_block(cleanup_body);
    b.op(PushNull, 0, (4, 4, 4, 5)).op(LoadName, 3, (4, 4, 4, 5)).op(LoadName, 2, (4, 4, 6, 7));
    b.op(Precall, 1, (4, 4, 4, 8)).op(Call, 1, (4, 4, 4, 8)).op(PopTop, 0, (4, 4, 4, 8));
    b.pseudo(Pseudo::PopBlock, NO).pseudo(Pseudo::PopBlock, NO).op(PopExcept, 0, NO);
    b.op(LoadConst, 0, NO).op(StoreName, 2, NO).op(DeleteName, 2, NO).jump(Pseudo::Jump, end, NO);
    b.use_block(cleanup_end);
    b.op(LoadConst, 0, NO).op(StoreName, 2, NO).op(DeleteName, 2, NO).op(Reraise, 1, NO);
    b.use_block(next_handler);
    b.op(Reraise, 0, NO);
    b.use_block(cleanup);
    b.op(Copy, 3, NO).op(PopExcept, 0, NO).op(Reraise, 1, NO);
    b.use_block(orelse);
    b.use_block(end);
    b.op(LoadConst, 0, NO).op(ReturnValue, 0, NO);
    let co = b.finish(module_unit(vec![Constant::None], &["a", "E", "e", "b"]));
    check(
        &co,
        "9700090002006500a6000000ab00000000000000000001006400530023006501240072165a02020065036502a6010000ab0100000000000000000100590064005a025b026400530064005a025b0277017700780359007701",
        "f003010101f002030109d80405804181438443804380438043f8d80708f000010109f000010109f000010109d8040580418061814484448044804480448044804480448044f8f8f8f8f003010109f8f8f8",
        "820a0e008e052903930b2403a4052903",
        4,
    );
}
