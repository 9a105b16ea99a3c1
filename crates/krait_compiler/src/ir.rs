//! The compiler's intermediate form: basic blocks of instructions that may still use
//! CPython's virtual opcodes (unresolved jumps to blocks, SETUP_*/POP_BLOCK).
//! Codegen builds it, flowgraph passes rewrite it, the assembler lowers it to bytes.

use krait_bytecode::Opcode;

/// Index of a basic block in [`Cfg::blocks`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BlockId(pub u32);

/// CPython 3.11's virtual opcodes (compile.c, numbered >= 256 there): they only exist in the CFG.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pseudo {
    SetupFinally,
    SetupCleanup,
    SetupWith,
    PopBlock,
    /// Becomes JUMP_FORWARD or JUMP_BACKWARD.
    Jump,
    /// Becomes JUMP_FORWARD or JUMP_BACKWARD_NO_INTERRUPT.
    JumpNoInterrupt,
    PopJumpIfFalse,
    PopJumpIfTrue,
    PopJumpIfNone,
    PopJumpIfNotNone,
}

/// A real or virtual opcode.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IrOp {
    Real(Opcode),
    Pseudo(Pseudo),
}

/// A source location; `lineno < 0` means "no location" (CPython's -1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Location {
    pub lineno: i32,
    pub end_lineno: i32,
    pub col_offset: i32,
    pub end_col_offset: i32,
}

impl Location {
    pub const NONE: Location = Location { lineno: -1, end_lineno: -1, col_offset: -1, end_col_offset: -1 };
}

/// One instruction. Jumps and SETUP_* carry `target`; `oparg` is resolved at assembly.
#[derive(Clone, Debug)]
pub struct Instr {
    pub op: IrOp,
    pub oparg: u32,
    pub target: Option<BlockId>,
    pub loc: Location,
}

/// A basic block; `next` is the following block in layout order (CPython's `b_next`).
#[derive(Clone, Debug, Default)]
pub struct Block {
    pub instrs: Vec<Instr>,
    pub next: Option<BlockId>,
}

/// A code unit's control-flow graph; blocks are laid out from `entry` along `next`.
#[derive(Clone, Debug, Default)]
pub struct Cfg {
    pub blocks: Vec<Block>,
    pub entry: Option<BlockId>,
}

/// What the assembler needs to know about one code unit besides its CFG (CPython keeps
/// this in `struct compiler_unit`). Added by the flowgraph/assembler side; codegen fills it.
///
/// Contract for the CFG handed to [`crate::assemble::assemble`]:
/// - block ids are in CPython's allocation order (`compiler_new_block`), because several
///   passes walk blocks in reverse allocation order (CPython's `b_list`);
/// - the last block already ends with the implicit `LOAD_CONST None; RETURN_VALUE`
///   (with [`Location::NONE`]) when the body can fall off its end;
/// - `*_DEREF`, `LOAD_CLOSURE`, `LOAD_CLASSDEREF` opargs are cell indices
///   (`0..cellvars.len()`) or `cellvars.len() + free index`, as CPython's codegen emits them;
///   the assembler renumbers them to localsplus slots and adds MAKE_CELL/COPY_FREE_VARS;
/// - jump opargs are ignored (resolved from `target`).
#[derive(Clone, Debug, Default)]
pub struct CodeUnit {
    pub name: std::rc::Rc<str>,
    pub qualname: std::rc::Rc<str>,
    pub filename: std::rc::Rc<str>,
    /// Final `co_flags` (CO_GENERATOR/CO_COROUTINE/… decide the generator prefix).
    pub flags: u32,
    /// Positional parameters including positional-only ones.
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    /// 0 = unset: taken from the first instruction's line, else 1.
    pub firstlineno: i32,
    /// `co_consts` in first-use order; folding appends to it, trimming shortens it.
    pub consts: Vec<krait_bytecode::Constant>,
    pub names: Vec<std::rc::Rc<str>>,
    /// Fast locals in slot order (parameters first).
    pub varnames: Vec<std::rc::Rc<str>>,
    /// Cell variables in cell-index order (sorted; `__class__` first in classes).
    pub cellvars: Vec<std::rc::Rc<str>>,
    /// Free variables in free-index order (sorted).
    pub freevars: Vec<std::rc::Rc<str>>,
}
