//! try/except/finally, try/except*, with and async with (compile.c `compiler_try_*`,
//! `compiler_with`, `compiler_async_with`).

use super::{CResult, Compiler, FBlock, FBlockKind};
use crate::ir::{BlockId, Pseudo};
use krait_bytecode::Opcode;
use krait_syntax::ast::{self, ExprContext, Stmt};

impl<'a> Compiler<'a> {
    /// compiler_try_finally / compiler_try_star_finally
    pub fn compile_try_finally(&mut self, t: &'a ast::Try, star: bool) -> CResult {
        let body = self.new_block();
        let end = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.jump(Pseudo::SetupFinally, end);
        self.use_next_block(body);
        let mut fb = FBlock::new(FBlockKind::FinallyTry, Some(body), Some(end));
        fb.finalbody = &t.finalbody;
        self.push_fblock(fb)?;
        if t.handlers.is_empty() {
            self.visit_stmts(&t.body)?;
        } else if star {
            self.compile_try_star_except(t)?;
        } else {
            self.compile_try_except(t)?;
        }
        self.pseudo_noline(Pseudo::PopBlock);
        self.pop_fblock();
        self.visit_stmts(&t.finalbody)?;
        self.jump_noline(Pseudo::Jump, exit);
        self.use_next_block(end);
        self.unset_loc();
        self.jump(Pseudo::SetupCleanup, cleanup);
        self.op(Opcode::PushExcInfo);
        self.push_fblock(FBlock::new(FBlockKind::FinallyEnd, Some(end), None))?;
        self.visit_stmts(&t.finalbody)?;
        self.pop_fblock();
        self.op_i(Opcode::Reraise, 0);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(exit);
        Ok(())
    }

    /// The `name = None; del name` cleanup of an `except … as name` handler.
    fn clear_handler_name(&mut self, name: &std::rc::Rc<str>) -> CResult {
        self.load_none();
        self.nameop(name, ExprContext::Store)?;
        self.nameop(name, ExprContext::Del)
    }

    /// compiler_try_except
    pub fn compile_try_except(&mut self, t: &'a ast::Try) -> CResult {
        let body = self.new_block();
        let mut except = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        self.jump(Pseudo::SetupFinally, except);
        self.use_next_block(body);
        self.push_fblock(FBlock::new(FBlockKind::TryExcept, Some(body), None))?;
        self.visit_stmts(&t.body)?;
        self.pop_fblock();
        self.pseudo_noline(Pseudo::PopBlock);
        self.visit_stmts(&t.orelse)?;
        self.jump_noline(Pseudo::Jump, end);
        let n = t.handlers.len();
        self.use_next_block(except);
        self.unset_loc();
        self.jump(Pseudo::SetupCleanup, cleanup);
        self.op(Opcode::PushExcInfo);
        self.push_fblock(FBlock::new(FBlockKind::ExceptionHandler, None, None))?;
        for (i, h) in t.handlers.iter().enumerate() {
            self.set_loc(h.loc);
            if h.type_.is_none() && i + 1 < n {
                return Err(self.error("default 'except:' must be last"));
            }
            except = self.new_block();
            if let Some(ty) = &h.type_ {
                self.visit_expr(ty)?;
                self.op(Opcode::CheckExcMatch);
                self.jump(Pseudo::PopJumpIfFalse, except);
            }
            if let Some(name) = &h.name {
                let cleanup_end = self.new_block();
                let cleanup_body = self.new_block();
                self.nameop(name, ExprContext::Store)?;
                self.jump(Pseudo::SetupCleanup, cleanup_end);
                self.use_next_block(cleanup_body);
                let mut fb = FBlock::new(FBlockKind::HandlerCleanup, Some(cleanup_body), None);
                fb.name = Some(name.clone());
                self.push_fblock(fb)?;
                self.visit_stmts(&h.body)?;
                self.pop_fblock();
                self.unset_loc();
                self.pseudo(Pseudo::PopBlock);
                self.pseudo(Pseudo::PopBlock);
                self.op(Opcode::PopExcept);
                self.clear_handler_name(name)?;
                self.jump(Pseudo::Jump, end);
                self.use_next_block(cleanup_end);
                self.unset_loc();
                self.clear_handler_name(name)?;
                self.op_i(Opcode::Reraise, 1);
            } else {
                let cleanup_body = self.new_block();
                self.op(Opcode::PopTop);
                self.use_next_block(cleanup_body);
                self.push_fblock(FBlock::new(FBlockKind::HandlerCleanup, Some(cleanup_body), None))?;
                self.visit_stmts(&h.body)?;
                self.pop_fblock();
                self.unset_loc();
                self.pseudo(Pseudo::PopBlock);
                self.op(Opcode::PopExcept);
                self.jump(Pseudo::Jump, end);
            }
            self.use_next_block(except);
        }
        self.unset_loc();
        self.pop_fblock();
        self.op_i(Opcode::Reraise, 0);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(end);
        Ok(())
    }

    /// compiler_try_star_except
    pub fn compile_try_star_except(&mut self, t: &'a ast::Try) -> CResult {
        let body = self.new_block();
        let mut except = self.new_block();
        let orelse = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        let reraise_star = self.new_block();
        self.jump(Pseudo::SetupFinally, except);
        self.use_next_block(body);
        self.push_fblock(FBlock::new(FBlockKind::TryExcept, Some(body), None))?;
        self.visit_stmts(&t.body)?;
        self.pop_fblock();
        self.pseudo_noline(Pseudo::PopBlock);
        self.jump_noline(Pseudo::Jump, orelse);
        let n = t.handlers.len();
        self.use_next_block(except);
        self.unset_loc();
        self.jump(Pseudo::SetupCleanup, cleanup);
        self.op(Opcode::PushExcInfo);
        self.push_fblock(FBlock::new(FBlockKind::ExceptionGroupHandler, None, None))?;
        for (i, h) in t.handlers.iter().enumerate() {
            self.set_loc(h.loc);
            except = self.new_block();
            let except_with_error = self.new_block();
            let no_match = self.new_block();
            if i == 0 {
                self.op_i(Opcode::Copy, 1);
                self.op_i(Opcode::BuildList, 0);
                self.op_i(Opcode::Swap, 2);
            }
            if let Some(ty) = &h.type_ {
                self.visit_expr(ty)?;
                self.op(Opcode::CheckEgMatch);
                self.op_i(Opcode::Copy, 1);
                self.jump(Pseudo::PopJumpIfNone, no_match);
            }
            let cleanup_end = self.new_block();
            let cleanup_body = self.new_block();
            match &h.name {
                Some(name) => self.nameop(name, ExprContext::Store)?,
                None => self.op(Opcode::PopTop),
            }
            self.jump(Pseudo::SetupCleanup, cleanup_end);
            self.use_next_block(cleanup_body);
            let mut fb = FBlock::new(FBlockKind::HandlerCleanup, Some(cleanup_body), None);
            fb.name = h.name.clone();
            self.push_fblock(fb)?;
            self.visit_stmts(&h.body)?;
            self.pop_fblock();
            self.unset_loc();
            self.pseudo(Pseudo::PopBlock);
            if let Some(name) = &h.name {
                self.clear_handler_name(name)?;
            }
            self.jump(Pseudo::Jump, except);
            self.use_next_block(cleanup_end);
            self.unset_loc();
            if let Some(name) = &h.name {
                self.clear_handler_name(name)?;
            }
            self.op_i(Opcode::ListAppend, 3);
            self.op(Opcode::PopTop);
            self.jump(Pseudo::Jump, except_with_error);
            self.use_next_block(except);
            self.op(Opcode::Nop);
            self.jump(Pseudo::Jump, except_with_error);
            self.use_next_block(no_match);
            self.op(Opcode::PopTop);
            self.use_next_block(except_with_error);
            if i + 1 == n {
                self.op_i(Opcode::ListAppend, 1);
                self.jump(Pseudo::Jump, reraise_star);
            }
        }
        self.unset_loc();
        self.pop_fblock();
        let reraise = self.new_block();
        self.use_next_block(reraise_star);
        self.op(Opcode::PrepReraiseStar);
        self.op_i(Opcode::Copy, 1);
        self.jump(Pseudo::PopJumpIfNotNone, reraise);
        self.op(Opcode::PopTop);
        self.pseudo(Pseudo::PopBlock);
        self.op(Opcode::PopExcept);
        self.jump(Pseudo::Jump, end);
        self.use_next_block(reraise);
        self.pseudo(Pseudo::PopBlock);
        self.op_i(Opcode::Swap, 2);
        self.op(Opcode::PopExcept);
        self.op_i(Opcode::Reraise, 0);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(orelse);
        self.visit_stmts(&t.orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    /// compiler_with_except_finish
    fn with_except_finish(&mut self, cleanup: BlockId) {
        self.unset_loc();
        let exit = self.new_block();
        self.jump(Pseudo::PopJumpIfTrue, exit);
        self.op_i(Opcode::Reraise, 2);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(exit);
        self.op(Opcode::PopTop);
        self.pseudo(Pseudo::PopBlock);
        self.op(Opcode::PopExcept);
        self.op(Opcode::PopTop);
        self.op(Opcode::PopTop);
    }

    /// compiler_with
    pub fn compile_with(&mut self, s: &'a Stmt, w: &'a ast::With, pos: usize) -> CResult {
        let Some(item) = w.items.get(pos) else { return Ok(()) };
        let block = self.new_block();
        let final_ = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.visit_expr(&item.context_expr)?;
        self.op(Opcode::BeforeWith);
        self.jump(Pseudo::SetupWith, final_);
        self.use_next_block(block);
        let mut fb = FBlock::new(FBlockKind::With, Some(block), Some(final_));
        fb.with_loc = s.loc;
        self.push_fblock(fb)?;
        match &item.optional_vars {
            Some(v) => self.visit_expr(v)?,
            None => self.op(Opcode::PopTop),
        }
        if pos + 1 == w.items.len() {
            self.visit_stmts(&w.body)?;
        } else {
            self.compile_with(s, w, pos + 1)?;
        }
        self.unset_loc();
        self.pseudo(Pseudo::PopBlock);
        self.pop_fblock();
        self.set_loc(s.loc);
        self.call_exit_with_nones();
        self.op(Opcode::PopTop);
        self.jump(Pseudo::Jump, exit);
        self.use_next_block(final_);
        self.jump(Pseudo::SetupCleanup, cleanup);
        self.op(Opcode::PushExcInfo);
        self.op(Opcode::WithExceptStart);
        self.with_except_finish(cleanup);
        self.use_next_block(exit);
        Ok(())
    }

    /// compiler_async_with
    pub fn compile_async_with(&mut self, s: &'a Stmt, w: &'a ast::With, pos: usize) -> CResult {
        if self.is_top_level_await() {
            self.set_ste_coroutine();
        } else if !self.in_async_function() {
            return Err(self.error("'async with' outside async function"));
        }
        let Some(item) = w.items.get(pos) else { return Ok(()) };
        let block = self.new_block();
        let final_ = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.visit_expr(&item.context_expr)?;
        self.op(Opcode::BeforeAsyncWith);
        self.op_i(Opcode::GetAwaitable, 1);
        self.load_none();
        self.add_yield_from(true);
        self.jump(Pseudo::SetupWith, final_);
        self.use_next_block(block);
        let mut fb = FBlock::new(FBlockKind::AsyncWith, Some(block), Some(final_));
        fb.with_loc = s.loc;
        self.push_fblock(fb)?;
        match &item.optional_vars {
            Some(v) => self.visit_expr(v)?,
            None => self.op(Opcode::PopTop),
        }
        if pos + 1 == w.items.len() {
            self.visit_stmts(&w.body)?;
        } else {
            self.compile_async_with(s, w, pos + 1)?;
        }
        self.pop_fblock();
        self.pseudo(Pseudo::PopBlock);
        self.set_loc(s.loc);
        self.call_exit_with_nones();
        self.op_i(Opcode::GetAwaitable, 2);
        self.load_none();
        self.add_yield_from(true);
        self.op(Opcode::PopTop);
        self.jump(Pseudo::Jump, exit);
        self.use_next_block(final_);
        self.jump(Pseudo::SetupCleanup, cleanup);
        self.op(Opcode::PushExcInfo);
        self.op(Opcode::WithExceptStart);
        self.op_i(Opcode::GetAwaitable, 2);
        self.load_none();
        self.add_yield_from(true);
        self.with_except_finish(cleanup);
        self.use_next_block(exit);
        Ok(())
    }
}
