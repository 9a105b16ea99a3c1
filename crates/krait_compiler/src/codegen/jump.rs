//! Comparisons and conditional jumps (compile.c `compiler_compare`, `compiler_addcompare`,
//! `compiler_jump_if`).

use super::{CResult, Compiler};
use crate::ir::{BlockId, Pseudo};
use krait_bytecode::Opcode;
use krait_syntax::ast::{self, CmpOp, ExprKind, UnaryOp};

impl<'a> Compiler<'a> {
    /// compiler_addcompare
    pub fn add_compare(&mut self, op: CmpOp) {
        let (opcode, arg) = match op {
            CmpOp::Lt => (Opcode::CompareOp, 0),
            CmpOp::LtE => (Opcode::CompareOp, 1),
            CmpOp::Eq => (Opcode::CompareOp, 2),
            CmpOp::NotEq => (Opcode::CompareOp, 3),
            CmpOp::Gt => (Opcode::CompareOp, 4),
            CmpOp::GtE => (Opcode::CompareOp, 5),
            CmpOp::Is => (Opcode::IsOp, 0),
            CmpOp::IsNot => (Opcode::IsOp, 1),
            CmpOp::In => (Opcode::ContainsOp, 0),
            CmpOp::NotIn => (Opcode::ContainsOp, 1),
        };
        self.op_i(opcode, arg);
    }

    /// compiler_compare
    pub fn compile_compare(&mut self, left: &'a ast::Expr, ops: &[CmpOp], comparators: &'a [ast::Expr]) -> CResult {
        self.visit_expr(left)?;
        let n = ops.len().min(comparators.len());
        if n == 0 {
            return Ok(());
        }
        if n == 1 {
            self.visit_expr(&comparators[0])?;
            self.add_compare(ops[0]);
            return Ok(());
        }
        let cleanup = self.new_block();
        for i in 0..n - 1 {
            self.visit_expr(&comparators[i])?;
            self.op_i(Opcode::Swap, 2);
            self.op_i(Opcode::Copy, 2);
            self.add_compare(ops[i]);
            self.jump_op(Opcode::JumpIfFalseOrPop, cleanup);
        }
        self.visit_expr(&comparators[n - 1])?;
        self.add_compare(ops[n - 1]);
        let end = self.new_block();
        self.jump_noline(Pseudo::Jump, end);
        self.use_next_block(cleanup);
        self.op_i(Opcode::Swap, 2);
        self.op(Opcode::PopTop);
        self.use_next_block(end);
        Ok(())
    }

    /// compiler_jump_if: jump to `next` if the truth of `e` equals `cond`.
    pub fn jump_if(&mut self, e: &'a ast::Expr, next: BlockId, cond: bool) -> CResult {
        match &e.kind {
            ExprKind::UnaryOp { op: UnaryOp::Not, operand } => return self.jump_if(operand, next, !cond),
            ExprKind::BoolOp { op, values } => {
                let cond2 = *op == ast::BoolOp::Or;
                let next2 = if cond2 != cond { self.new_block() } else { next };
                if let Some((last, init)) = values.split_last() {
                    for v in init {
                        self.jump_if(v, next2, cond2)?;
                    }
                    self.jump_if(last, next, cond)?;
                }
                if next2 != next {
                    self.use_next_block(next2);
                }
                return Ok(());
            }
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_block();
                let next2 = self.new_block();
                self.jump_if(test, next2, false)?;
                self.jump_if(body, next, cond)?;
                self.jump_noline(Pseudo::Jump, end);
                self.use_next_block(next2);
                self.jump_if(orelse, next, cond)?;
                self.use_next_block(end);
                return Ok(());
            }
            ExprKind::Compare { .. } => self.set_loc(e.loc),
            _ => {}
        }
        match &e.kind {
            ExprKind::Compare { left, ops, comparators } if ops.len() > 1 => {
                let n = ops.len().min(comparators.len()) - 1;
                let cleanup = self.new_block();
                self.visit_expr(left)?;
                for i in 0..n {
                    self.visit_expr(&comparators[i])?;
                    self.op_i(Opcode::Swap, 2);
                    self.op_i(Opcode::Copy, 2);
                    self.add_compare(ops[i]);
                    self.jump(Pseudo::PopJumpIfFalse, cleanup);
                }
                self.visit_expr(&comparators[n])?;
                self.add_compare(ops[n]);
                self.jump(if cond { Pseudo::PopJumpIfTrue } else { Pseudo::PopJumpIfFalse }, next);
                let end = self.new_block();
                self.jump_noline(Pseudo::Jump, end);
                self.use_next_block(cleanup);
                self.op(Opcode::PopTop);
                if !cond {
                    self.jump_noline(Pseudo::Jump, next);
                }
                self.use_next_block(end);
                return Ok(());
            }
            _ => {}
        }
        self.visit_expr(e)?;
        self.jump(if cond { Pseudo::PopJumpIfTrue } else { Pseudo::PopJumpIfFalse }, next);
        Ok(())
    }
}
