//! The CFG as the optimisation passes see it (CPython 3.11's `basicblock`/`struct instr`),
//! plus the helpers every pass shares. Passes live in the submodules, one family per file.

pub(crate) mod consts;
pub(crate) mod except_labels;
pub(crate) mod extend;
pub(crate) mod lines;
pub(crate) mod nops;
pub(crate) mod optimize;
pub(crate) mod peephole;
pub(crate) mod stackdepth;
pub(crate) mod swaps;

use crate::assemble::AssembleError;
use crate::ir::{BlockId, Cfg, IrOp, Location, Pseudo};
use krait_bytecode::Opcode;

/// One instruction (CPython's `struct instr`).
#[derive(Clone, Debug)]
pub(crate) struct Instr {
    pub op: IrOp,
    pub oparg: u32,
    pub target: Option<BlockId>,
    pub loc: Location,
    /// Innermost exception handler (`i_except`), set by `label_exception_targets`.
    pub except: Option<BlockId>,
}

impl Instr {
    pub fn new(op: Opcode, oparg: u32, loc: Location) -> Instr {
        Instr { op: IrOp::Real(op), oparg, target: None, loc, except: None }
    }

    pub fn is(&self, op: Opcode) -> bool {
        self.op == IrOp::Real(op)
    }

    pub fn set_real(&mut self, op: Opcode) {
        self.op = IrOp::Real(op);
    }

    pub fn set_pseudo(&mut self, p: Pseudo) {
        self.op = IrOp::Pseudo(p);
    }

    pub fn lineno(&self) -> i32 {
        self.loc.lineno
    }
}

/// CPython's `is_jump`: virtual jumps and every real relative-jump opcode.
pub(crate) fn is_jump(op: IrOp) -> bool {
    match op {
        IrOp::Pseudo(p) => matches!(
            p,
            Pseudo::Jump
                | Pseudo::JumpNoInterrupt
                | Pseudo::PopJumpIfFalse
                | Pseudo::PopJumpIfTrue
                | Pseudo::PopJumpIfNone
                | Pseudo::PopJumpIfNotNone
        ),
        IrOp::Real(op) => op.is_jump(),
    }
}

/// CPython's `is_block_push`: SETUP_FINALLY, SETUP_CLEANUP, SETUP_WITH.
pub(crate) fn is_block_push(op: IrOp) -> bool {
    matches!(
        op,
        IrOp::Pseudo(Pseudo::SetupFinally | Pseudo::SetupCleanup | Pseudo::SetupWith)
    )
}

/// One basic block with the per-block facts the passes compute.
#[derive(Clone, Debug, Default)]
pub(crate) struct Block {
    pub instrs: Vec<Instr>,
    pub next: Option<BlockId>,
    pub nofallthrough: bool,
    pub exit: bool,
    pub preserve_lasti: bool,
    pub visited: bool,
    pub predecessors: u32,
    pub startdepth: i32,
    /// Offset in code units, computed by the jump-offset pass.
    pub offset: u32,
}

impl Block {
    pub fn last(&self) -> Option<&Instr> {
        self.instrs.last()
    }

    /// The block's final instruction if it is a jump.
    pub fn last_jump(&self) -> Option<&Instr> {
        self.instrs.last().filter(|i| is_jump(i.op))
    }
}

/// A code unit's CFG. Block ids follow allocation order, so walking ids downwards is
/// CPython's walk over `u_blocks`/`b_list`; `entry` plus `next` is the layout order.
#[derive(Clone, Debug)]
pub(crate) struct Graph {
    pub blocks: Vec<Block>,
    pub entry: BlockId,
}

fn err(msg: &str) -> AssembleError {
    AssembleError(msg.to_string())
}

impl Graph {
    pub fn from_cfg(cfg: Cfg) -> Result<Graph, AssembleError> {
        let entry = cfg.entry.ok_or_else(|| err("CFG has no entry block"))?;
        let n = cfg.blocks.len();
        let check = |id: BlockId| -> Result<BlockId, AssembleError> {
            if (id.0 as usize) < n {
                Ok(id)
            } else {
                Err(err("CFG refers to a block that does not exist"))
            }
        };
        check(entry)?;
        let mut blocks = Vec::with_capacity(n);
        for b in cfg.blocks {
            let next = b.next.map(check).transpose()?;
            let mut instrs = Vec::with_capacity(b.instrs.len());
            for i in b.instrs {
                let needs_target = is_jump(i.op) || is_block_push(i.op);
                let target = i.target.map(check).transpose()?;
                if needs_target && target.is_none() {
                    return Err(err("jump without a target in CFG"));
                }
                instrs.push(Instr { op: i.op, oparg: i.oparg, target, loc: i.loc, except: None });
            }
            blocks.push(Block { instrs, next, ..Block::default() });
        }
        Ok(Graph { blocks, entry })
    }

    pub fn b(&self, id: BlockId) -> &Block {
        &self.blocks[id.0 as usize]
    }

    pub fn bm(&mut self, id: BlockId) -> &mut Block {
        &mut self.blocks[id.0 as usize]
    }

    /// Blocks in layout order (from `entry` along `next`).
    pub fn layout(&self) -> Vec<BlockId> {
        let mut out = Vec::new();
        let mut cur = Some(self.entry);
        while let Some(id) = cur {
            if out.len() > self.blocks.len() {
                break; // a cycle in `next`: malformed input, stop walking
            }
            out.push(id);
            cur = self.b(id).next;
        }
        out
    }

    /// All block ids in CPython's `b_list` order (most recently allocated first).
    pub fn alloc_order(&self) -> impl Iterator<Item = BlockId> {
        (0..self.blocks.len() as u32).rev().map(BlockId)
    }

    /// Follow `next` from `id` past empty blocks (CPython's "skip over empty basic blocks").
    pub fn skip_empty(&self, mut id: BlockId) -> Result<BlockId, AssembleError> {
        let mut steps = 0;
        while self.b(id).instrs.is_empty() {
            id = self.b(id).next.ok_or_else(|| err("jump to an empty block at the end of the code"))?;
            steps += 1;
            if steps > self.blocks.len() {
                return Err(err("cycle of empty blocks in CFG"));
            }
        }
        Ok(id)
    }

    /// Append a new block (CPython's `compiler_new_block`).
    pub fn new_block(&mut self) -> BlockId {
        self.blocks.push(Block::default());
        BlockId(self.blocks.len() as u32 - 1)
    }
}
