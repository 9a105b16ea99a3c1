//! Test support: build CFGs by hand the way CPython 3.11's codegen would, assemble them and
//! compare with bytes recorded from CPython 3.11 (source snippets in each test's comment).

mod basic;
mod control;
mod malformed;
mod prefix_cells;

use crate::assemble::assemble;
use crate::ir::{Block, BlockId, Cfg, CodeUnit, Instr, IrOp, Location, Pseudo};
use krait_bytecode::{CodeObject, Constant, Opcode};
use num_bigint::BigInt;
use std::rc::Rc;

/// A (line, end line, column, end column) location; `NO` is "no location".
type L = (i32, i32, i32, i32);
const NO: L = (-1, -1, -1, -1);

fn loc(l: L) -> Location {
    Location { lineno: l.0, end_lineno: l.1, col_offset: l.2, end_col_offset: l.3 }
}

/// Mimics CPython's codegen block handling: `new_block` is `compiler_new_block`,
/// `use_block` is `compiler_use_next_block`, and an instruction after a jump opens an
/// implicit new block.
struct Builder {
    cfg: Cfg,
    cur: BlockId,
    need_new_block: bool,
}

impl Builder {
    fn new() -> Builder {
        Builder { cfg: Cfg { blocks: vec![Block::default()], entry: Some(BlockId(0)) }, cur: BlockId(0), need_new_block: false }
    }

    fn new_block(&mut self) -> BlockId {
        self.cfg.blocks.push(Block::default());
        BlockId(self.cfg.blocks.len() as u32 - 1)
    }

    fn use_block(&mut self, b: BlockId) {
        self.cfg.blocks[self.cur.0 as usize].next = Some(b);
        self.cur = b;
        self.need_new_block = false;
    }

    fn push(&mut self, op: IrOp, oparg: u32, target: Option<BlockId>, l: L) {
        if self.need_new_block {
            let b = self.new_block();
            self.use_block(b);
        }
        self.cfg.blocks[self.cur.0 as usize].instrs.push(Instr { op, oparg, target, loc: loc(l) });
    }

    fn op(&mut self, op: Opcode, oparg: u32, l: L) -> &mut Self {
        self.push(IrOp::Real(op), oparg, None, l);
        self
    }

    fn jump(&mut self, p: Pseudo, target: BlockId, l: L) -> &mut Self {
        self.push(IrOp::Pseudo(p), 0, Some(target), l);
        if !matches!(p, Pseudo::SetupFinally | Pseudo::SetupCleanup | Pseudo::SetupWith) {
            self.need_new_block = true;
        }
        self
    }

    fn real_jump(&mut self, op: Opcode, target: BlockId, l: L) -> &mut Self {
        self.push(IrOp::Real(op), 0, Some(target), l);
        self.need_new_block = true;
        self
    }

    fn pseudo(&mut self, p: Pseudo, l: L) -> &mut Self {
        self.push(IrOp::Pseudo(p), 0, None, l);
        self
    }

    fn finish(self, unit: CodeUnit) -> CodeObject {
        match assemble(self.cfg, unit) {
            Ok(co) => co,
            Err(e) => panic!("assemble failed: {e}"),
        }
    }
}

fn s(x: &str) -> Rc<str> {
    Rc::from(x)
}

fn int(i: i64) -> Constant {
    Constant::Int(BigInt::from(i))
}

fn names(xs: &[&str]) -> Vec<Rc<str>> {
    xs.iter().map(|x| s(x)).collect()
}

fn module_unit(consts: Vec<Constant>, nms: &[&str]) -> CodeUnit {
    CodeUnit {
        name: s("<module>"),
        qualname: s("<module>"),
        filename: s("<t>"),
        firstlineno: 1,
        consts,
        names: names(nms),
        ..CodeUnit::default()
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Check co_code, co_linetable, co_exceptiontable and co_stacksize against CPython's.
fn check(co: &CodeObject, code: &str, linetable: &str, exctable: &str, stacksize: u32) {
    assert_eq!(hex(&co.code), code, "co_code");
    assert_eq!(hex(&co.linetable), linetable, "co_linetable");
    assert_eq!(hex(&co.exceptiontable), exctable, "co_exceptiontable");
    assert_eq!(co.stacksize, stacksize, "co_stacksize");
}
