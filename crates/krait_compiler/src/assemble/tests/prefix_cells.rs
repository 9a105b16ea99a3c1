//! Cells, free variables and the generator prefix.

use super::*;
use Opcode::*;

/// ```python
/// def outer(a):
///     b = 1
///     def gen(c):
///         nonlocal b
///         yield a + b + c
///     return gen
/// ```
/// MAKE_CELL for an argument cell (slot of `a`) and a plain cell; COPY_FREE_VARS and the
/// generator prefix; deref opargs renumbered to localsplus slots.
#[test]
fn closure_and_generator_prefix() {
    let mut g = Builder::new();
    let line5 = |c0, c1| (5, 5, c0, c1);
    g.op(Resume, 0, (3, 3, 0, 0)).op(LoadDeref, 0, line5(14, 15)).op(LoadDeref, 1, line5(18, 19));
    g.op(BinaryOp, 0, line5(14, 19)).op(LoadFast, 0, line5(22, 23)).op(BinaryOp, 0, line5(14, 23));
    g.op(YieldValue, 0, line5(8, 23)).op(Resume, 1, line5(8, 23)).op(PopTop, 0, line5(8, 23));
    g.op(LoadConst, 0, NO).op(ReturnValue, 0, NO);
    let gen = g.finish(CodeUnit {
        name: s("gen"),
        qualname: s("outer.<locals>.gen"),
        filename: s("<t>"),
        flags: 0x33,
        argcount: 1,
        firstlineno: 3,
        consts: vec![Constant::None],
        varnames: names(&["c"]),
        freevars: names(&["a", "b"]),
        ..CodeUnit::default()
    });
    check(
        &gen,
        "95024b0001009700890189027a0000007c007a00000056009701010064005300",
        "f8e800e8008000e00e0f9021896590618969880f880f880f880f880f",
        "",
        2,
    );
    assert_eq!(gen.localsplusnames, names(&["c", "a", "b"]));
    assert_eq!(gen.localspluskinds, vec![0x20, 0x80, 0x80]);

    let def: L = (3, 5, 4, 23);
    let mut o = Builder::new();
    o.op(Resume, 0, (1, 1, 0, 0)).op(LoadConst, 1, (2, 2, 8, 9)).op(StoreDeref, 1, (2, 2, 4, 5));
    o.op(LoadClosure, 0, def).op(LoadClosure, 1, def).op(BuildTuple, 2, def);
    o.op(LoadConst, 2, def).op(MakeFunction, 8, def).op(StoreFast, 1, def);
    o.op(LoadFast, 1, (6, 6, 11, 14)).op(ReturnValue, 0, (6, 6, 4, 14));
    let outer = o.finish(CodeUnit {
        name: s("outer"),
        qualname: s("outer"),
        filename: s("<t>"),
        flags: 0x3,
        argcount: 1,
        firstlineno: 1,
        consts: vec![Constant::None, int(1), Constant::Code(Rc::new(gen))],
        varnames: names(&["a", "gen"]),
        cellvars: names(&["a", "b"]),
        ..CodeUnit::default()
    });
    check(
        &outer,
        "87008702970064018a02880088026602640284087d017c015300",
        "f8f88000d808098041f002020518f000020518f000020518f000020518f000020518f000020518f006000c0f804a",
        "",
        2,
    );
    assert_eq!(outer.localsplusnames, names(&["a", "gen", "b"]));
    assert_eq!(outer.localspluskinds, vec![0x60, 0x20, 0x40]);
}
