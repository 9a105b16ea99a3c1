//! Straight-line code, constant folding, SWAP and `is None` peepholes.

use super::*;
use Opcode::*;

const MODULE_RESUME: L = (0, 1, 0, 0);

fn function_unit(name: &str, consts: Vec<Constant>, varnames: &[&str], argcount: u32) -> CodeUnit {
    CodeUnit {
        name: s(name),
        qualname: s(name),
        filename: s("<t>"),
        flags: 0x3,
        argcount,
        firstlineno: 1,
        consts,
        varnames: names(varnames),
        ..CodeUnit::default()
    }
}

/// `x = 1`
#[test]
fn store_constant() {
    let mut b = Builder::new();
    b.op(Resume, 0, MODULE_RESUME).op(LoadConst, 0, (1, 1, 4, 5)).op(StoreName, 0, (1, 1, 0, 1));
    b.op(LoadConst, 1, NO).op(ReturnValue, 0, NO);
    let co = b.finish(module_unit(vec![int(1), Constant::None], &["x"]));
    check(&co, "970064005a0064015300", "f003010101d80405800180018001", "", 1);
}

/// ```python
/// if a:
///     b = 1
/// else:
///     b = 2
/// ```
#[test]
fn if_else_duplicates_return() {
    let mut b = Builder::new();
    let end = b.new_block();
    let next = b.new_block();
    b.op(Resume, 0, MODULE_RESUME).op(LoadName, 0, (1, 1, 3, 4));
    b.jump(Pseudo::PopJumpIfFalse, next, (1, 4, 0, 9));
    b.op(LoadConst, 0, (2, 2, 8, 9)).op(StoreName, 1, (2, 2, 4, 5));
    b.jump(Pseudo::Jump, end, NO);
    b.use_block(next);
    b.op(LoadConst, 1, (4, 4, 8, 9)).op(StoreName, 1, (4, 4, 4, 5));
    b.use_block(end);
    b.op(LoadConst, 2, NO).op(ReturnValue, 0, NO);
    let co = b.finish(module_unit(vec![int(1), int(2), Constant::None], &["a", "b"]));
    check(
        &co,
        "97006500720464005a016402530064015a0164025300",
        "f003010101d80304f00003010ad80809804180418041e00809804180418041",
        "",
        1,
    );
}

/// `def f(a=1, b=2): pass` — the defaults tuple is folded into a new trailing constant.
#[test]
fn fold_tuple_of_constants() {
    let mut f = Builder::new();
    f.op(Resume, 0, (1, 1, 0, 0)).op(Nop, 0, (1, 1, 17, 21));
    f.op(LoadConst, 0, NO).op(ReturnValue, 0, NO);
    let fco = f.finish(function_unit("f", vec![Constant::None], &["a", "b"], 2));
    check(&fco, "970064005300", "800080008000", "", 1);

    let def: L = (1, 1, 0, 21);
    let mut m = Builder::new();
    m.op(Resume, 0, MODULE_RESUME).op(LoadConst, 0, def).op(LoadConst, 1, def).op(BuildTuple, 2, def);
    m.op(LoadConst, 2, def).op(MakeFunction, 1, def).op(StoreName, 0, def);
    m.op(LoadConst, 3, NO).op(ReturnValue, 0, NO);
    let consts = vec![int(1), int(2), Constant::Code(Rc::new(fco)), Constant::None];
    let co = m.finish(module_unit(consts, &["f"]));
    check(&co, "97006404640284015a0064035300", "f003010101d80015d00015d00015d00015d00015d00015", "", 2);
    assert_eq!(co.consts.len(), 5);
    assert!(co.consts[4].same_constant(&Constant::Tuple(Rc::from(vec![int(1), int(2)]))));
}

/// ```python
/// def f(a, b):
///     a, b = b, a
/// ```
/// BUILD_TUPLE 2 + UNPACK_SEQUENCE 2 becomes SWAP 2, which is then applied statically.
#[test]
fn swap_applied_statically() {
    let mut f = Builder::new();
    f.op(Resume, 0, (1, 1, 0, 0)).op(LoadFast, 1, (2, 2, 11, 12)).op(LoadFast, 0, (2, 2, 14, 15));
    f.op(BuildTuple, 2, (2, 2, 11, 15)).op(UnpackSequence, 2, (2, 2, 4, 8));
    f.op(StoreFast, 0, (2, 2, 4, 5)).op(StoreFast, 1, (2, 2, 7, 8));
    f.op(LoadConst, 0, NO).op(ReturnValue, 0, NO);
    let co = f.finish(function_unit("f", vec![Constant::None], &["a", "b"], 2));
    check(&co, "97007c017c007d017d0064005300", "8000d80b0c88618071804180418041", "", 2);
}

/// ```python
/// if x is None:
///     y()
/// ```
/// `LOAD_CONST None; IS_OP 0; POP_JUMP_IF_FALSE` becomes POP_JUMP_IF_NOT_NONE, and the
/// shared implicit return is duplicated for the jump.
#[test]
fn is_none_jump_and_exit_duplication() {
    let mut b = Builder::new();
    let end = b.new_block();
    let cmp: L = (1, 1, 3, 12);
    b.op(Resume, 0, MODULE_RESUME).op(LoadName, 0, (1, 1, 3, 4)).op(LoadConst, 0, (1, 1, 8, 12));
    b.op(IsOp, 0, cmp).jump(Pseudo::PopJumpIfFalse, end, cmp);
    b.op(PushNull, 0, (2, 2, 4, 5)).op(LoadName, 1, (2, 2, 4, 5));
    b.op(Precall, 0, (2, 2, 4, 7)).op(Call, 0, (2, 2, 4, 7)).op(PopTop, 0, (2, 2, 4, 7));
    b.use_block(end);
    b.op(LoadConst, 0, NO).op(ReturnValue, 0, NO);
    let co = b.finish(module_unit(vec![Constant::None], &["x", "y"]));
    check(
        &co,
        "97006500800c02006501a6000000ab00000000000000000001006400530064005300",
        "f003010101d803048039d80405804181438443804380438043f00300040d8039",
        "",
        2,
    );
}
