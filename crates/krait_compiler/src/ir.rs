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
