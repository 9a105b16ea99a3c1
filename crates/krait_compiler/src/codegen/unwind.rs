//! The frame-block stack (compile.c `fblockinfo`) and unwinding through it for
//! `return`, `break` and `continue` (`compiler_unwind_fblock`, `compiler_return`, …).

use super::{CResult, Compiler, ScopeType};
use crate::ir::{BlockId, Pseudo};
use crate::symtable::BlockType;
use krait_bytecode::Opcode;
use krait_syntax::ast::{self, ExprKind, Loc, Stmt};
use std::rc::Rc;

/// CPython's `enum fblocktype`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FBlockKind {
    WhileLoop,
    ForLoop,
    TryExcept,
    FinallyTry,
    FinallyEnd,
    With,
    AsyncWith,
    HandlerCleanup,
    PopValue,
    ExceptionHandler,
    ExceptionGroupHandler,
    AsyncComprehensionGenerator,
}

/// One frame block: its kind, loop start/exit blocks and type-specific data.
#[derive(Clone, Debug)]
pub(crate) struct FBlock<'a> {
    pub kind: FBlockKind,
    pub block: Option<BlockId>,
    pub exit: Option<BlockId>,
    /// FINALLY_TRY: the finally body.
    pub finalbody: &'a [Stmt],
    /// WITH/ASYNC_WITH: the location of the `with` statement.
    pub with_loc: Loc,
    /// HANDLER_CLEANUP: the `as` name, if any.
    pub name: Option<Rc<str>>,
}

impl<'a> FBlock<'a> {
    pub fn new(kind: FBlockKind, block: Option<BlockId>, exit: Option<BlockId>) -> FBlock<'a> {
        FBlock { kind, block, exit, finalbody: &[], with_loc: Loc::default(), name: None }
    }
}

impl<'a> Compiler<'a> {
    /// compiler_call_exit_with_nones
    pub fn call_exit_with_nones(&mut self) {
        self.load_none();
        self.load_none();
        self.load_none();
        self.op_i(Opcode::Precall, 2);
        self.op_i(Opcode::Call, 2);
    }

    /// compiler_pop_except_and_reraise
    pub fn pop_except_and_reraise(&mut self) {
        self.op_i(Opcode::Copy, 3);
        self.op(Opcode::PopExcept);
        self.op_i(Opcode::Reraise, 1);
    }

    /// compiler_unwind_fblock
    fn unwind_fblock(&mut self, info: &FBlock<'a>, preserve_tos: bool) -> CResult {
        match info.kind {
            FBlockKind::WhileLoop
            | FBlockKind::ExceptionHandler
            | FBlockKind::ExceptionGroupHandler
            | FBlockKind::AsyncComprehensionGenerator => {}
            FBlockKind::ForLoop => {
                if preserve_tos {
                    self.op_i(Opcode::Swap, 2);
                }
                self.op(Opcode::PopTop);
            }
            FBlockKind::TryExcept => self.pseudo(Pseudo::PopBlock),
            FBlockKind::FinallyTry => {
                self.pseudo(Pseudo::PopBlock);
                if preserve_tos {
                    self.push_fblock(FBlock::new(FBlockKind::PopValue, None, None))?;
                }
                self.visit_stmts(info.finalbody)?;
                if preserve_tos {
                    self.pop_fblock();
                }
                self.unset_loc();
            }
            FBlockKind::FinallyEnd => {
                if preserve_tos {
                    self.op_i(Opcode::Swap, 2);
                }
                self.op(Opcode::PopTop);
                if preserve_tos {
                    self.op_i(Opcode::Swap, 2);
                }
                self.pseudo(Pseudo::PopBlock);
                self.op(Opcode::PopExcept);
            }
            FBlockKind::With | FBlockKind::AsyncWith => {
                self.set_loc(info.with_loc);
                self.pseudo(Pseudo::PopBlock);
                if preserve_tos {
                    self.op_i(Opcode::Swap, 2);
                }
                self.call_exit_with_nones();
                if info.kind == FBlockKind::AsyncWith {
                    self.op_i(Opcode::GetAwaitable, 2);
                    self.load_none();
                    self.add_yield_from(true);
                }
                self.op(Opcode::PopTop);
                self.unset_loc();
            }
            FBlockKind::HandlerCleanup => {
                if info.name.is_some() {
                    self.pseudo(Pseudo::PopBlock);
                }
                if preserve_tos {
                    self.op_i(Opcode::Swap, 2);
                }
                self.pseudo(Pseudo::PopBlock);
                self.op(Opcode::PopExcept);
                if let Some(n) = &info.name {
                    self.load_none();
                    self.nameop(n, ast::ExprContext::Store)?;
                    self.nameop(n, ast::ExprContext::Del)?;
                }
            }
            FBlockKind::PopValue => {
                if preserve_tos {
                    self.op_i(Opcode::Swap, 2);
                }
                self.op(Opcode::PopTop);
            }
        }
        Ok(())
    }

    /// compiler_unwind_fblock_stack: unwind everything (or up to the innermost loop when
    /// `stop_at_loop`), returning that loop's frame block.
    fn unwind_fblock_stack(&mut self, preserve_tos: bool, stop_at_loop: bool) -> CResult<Option<FBlock<'a>>> {
        let Some(top) = self.u.fblocks.last().cloned() else {
            return Ok(None);
        };
        if top.kind == FBlockKind::ExceptionGroupHandler {
            return Err(self.error("'break', 'continue' and 'return' cannot appear in an except* block"));
        }
        if stop_at_loop && matches!(top.kind, FBlockKind::WhileLoop | FBlockKind::ForLoop) {
            return Ok(Some(top));
        }
        self.u.fblocks.pop();
        self.unwind_fblock(&top, preserve_tos)?;
        let r = self.unwind_fblock_stack(preserve_tos, stop_at_loop)?;
        self.u.fblocks.push(top);
        Ok(r)
    }

    /// compiler_return
    pub fn compile_return(&mut self, s: &'a Stmt, value: Option<&'a ast::Expr>) -> CResult {
        let preserve_tos = value.is_some_and(|v| !matches!(v.kind, ExprKind::Constant { .. }));
        if self.ste_kind() != BlockType::Function {
            return Err(self.error("'return' outside function"));
        }
        if value.is_some() && self.ste_is_coroutine() && self.ste_is_generator() {
            return Err(self.error("'return' with value in async generator"));
        }
        if preserve_tos {
            if let Some(v) = value {
                self.visit_expr(v)?;
            }
        } else if let Some(v) = value {
            self.set_loc(v.loc);
            self.op(Opcode::Nop);
        }
        if value.is_none_or(|v| v.loc.lineno != s.loc.lineno) {
            self.set_loc(s.loc);
            self.op(Opcode::Nop);
        }
        self.unwind_fblock_stack(preserve_tos, false)?;
        match value {
            None => self.load_none(),
            Some(v) if !preserve_tos => {
                if let ExprKind::Constant { value: c, .. } = &v.kind {
                    self.load_const(super::consts::to_constant(c));
                }
            }
            Some(_) => {}
        }
        self.op(Opcode::ReturnValue);
        Ok(())
    }

    /// compiler_break / compiler_continue
    pub fn compile_break_continue(&mut self, is_break: bool) -> CResult {
        let saved = self.u.loc;
        self.op(Opcode::Nop);
        let Some(lp) = self.unwind_fblock_stack(false, true)? else {
            self.u.loc = saved;
            return Err(self.error(if is_break { "'break' outside loop" } else { "'continue' not properly in loop" }));
        };
        if is_break {
            self.unwind_fblock(&lp, false)?;
            if let Some(exit) = lp.exit {
                self.jump(Pseudo::Jump, exit);
            }
        } else if let Some(start) = lp.block {
            self.jump(Pseudo::Jump, start);
        }
        Ok(())
    }

    /// compiler_add_yield_from: the SEND loop of `yield from` / `await`.
    pub fn add_yield_from(&mut self, is_await: bool) {
        let start = self.new_block();
        let resume = self.new_block();
        let exit = self.new_block();
        self.use_next_block(start);
        self.jump_op(Opcode::Send, exit);
        self.use_next_block(resume);
        self.op(Opcode::YieldValue);
        self.op_i(Opcode::Resume, if is_await { 3 } else { 2 });
        self.jump(Pseudo::JumpNoInterrupt, start);
        self.use_next_block(exit);
    }

    /// addop_yield
    pub fn add_yield(&mut self) {
        if self.ste_is_generator() && self.ste_is_coroutine() {
            self.op(Opcode::AsyncGenWrap);
        }
        self.op(Opcode::YieldValue);
        self.op_i(Opcode::Resume, 1);
    }

    /// IS_TOP_LEVEL_AWAIT: never set, krait does not compile with PyCF_ALLOW_TOP_LEVEL_AWAIT.
    pub fn is_top_level_await(&self) -> bool {
        false
    }

    pub fn in_async_function(&self) -> bool {
        self.u.scope_type == ScopeType::AsyncFunction
    }

}
