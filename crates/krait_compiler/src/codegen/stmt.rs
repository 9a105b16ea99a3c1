//! Statements (compile.c `compiler_visit_stmt` and friends): control flow, assignment
//! forms, imports, assert, raise and expression statements.

use super::consts::{int_const, str_const, str_tuple};
use super::{CResult, Compiler, FBlock, FBlockKind, ScopeType};
use crate::ir::Pseudo;
use krait_bytecode::{Constant, Opcode};
use krait_syntax::ast::{self, ExprContext, ExprKind, Stmt, StmtKind};
use std::rc::Rc;

/// find_ann: whether a body contains variable annotations (needing SETUP_ANNOTATIONS).
pub(crate) fn find_ann(stmts: &[Stmt]) -> bool {
    stmts.iter().any(|s| match &s.kind {
        StmtKind::AnnAssign { .. } => true,
        StmtKind::For(f) | StmtKind::AsyncFor(f) => find_ann(&f.body) || find_ann(&f.orelse),
        StmtKind::While { body, orelse, .. } | StmtKind::If { body, orelse, .. } => {
            find_ann(body) || find_ann(orelse)
        }
        StmtKind::With(w) | StmtKind::AsyncWith(w) => find_ann(&w.body),
        StmtKind::Try(t) | StmtKind::TryStar(t) => {
            t.handlers.iter().any(|h| find_ann(&h.body))
                || find_ann(&t.body)
                || find_ann(&t.finalbody)
                || find_ann(&t.orelse)
        }
        StmtKind::Match { cases, .. } => cases.iter().any(|c| find_ann(&c.body)),
        _ => false,
    })
}

impl<'a> Compiler<'a> {
    /// compiler_visit_stmt
    pub fn visit_stmt(&mut self, s: &'a Stmt) -> CResult {
        self.set_loc(s.loc);
        match &s.kind {
            StmtKind::FunctionDef(f) => self.compile_function(s, f, false),
            StmtKind::AsyncFunctionDef(f) => self.compile_function(s, f, true),
            StmtKind::ClassDef(c) => self.compile_class(s, c),
            StmtKind::Return { value } => self.compile_return(s, value.as_deref()),
            StmtKind::Delete { targets } => targets.iter().try_for_each(|t| self.visit_expr(t)),
            StmtKind::Assign { targets, value } => {
                self.visit_expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.op_i(Opcode::Copy, 1);
                    }
                    self.visit_expr(t)?;
                }
                Ok(())
            }
            StmtKind::AugAssign { target, op, value } => self.compile_augassign(target, *op, value),
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                self.compile_annassign(target, annotation, value.as_deref(), *simple)
            }
            StmtKind::For(f) => self.compile_for(f),
            StmtKind::AsyncFor(f) => self.compile_async_for(f),
            StmtKind::While { test, body, orelse } => self.compile_while(s, test, body, orelse),
            StmtKind::If { test, body, orelse } => self.compile_if(test, body, orelse),
            StmtKind::Match { subject, cases } => self.compile_match(subject, cases),
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.visit_expr(e)?;
                    n += 1;
                    if let Some(c) = cause {
                        self.visit_expr(c)?;
                        n += 1;
                    }
                }
                self.op_i(Opcode::RaiseVarargs, n);
                Ok(())
            }
            StmtKind::Try(t) if t.finalbody.is_empty() => self.compile_try_except(t),
            StmtKind::TryStar(t) if t.finalbody.is_empty() => self.compile_try_star_except(t),
            StmtKind::Try(t) => self.compile_try_finally(t, false),
            StmtKind::TryStar(t) => self.compile_try_finally(t, true),
            StmtKind::Assert { test, msg } => self.compile_assert(test, msg.as_deref()),
            StmtKind::Import { names } => self.compile_import(names),
            StmtKind::ImportFrom { module, names, level } => {
                self.compile_from_import(s, module.as_ref(), names, *level)
            }
            StmtKind::Global { .. } | StmtKind::Nonlocal { .. } => Ok(()),
            StmtKind::Expr { value } => self.compile_stmt_expr(value),
            StmtKind::Pass => {
                self.op(Opcode::Nop);
                Ok(())
            }
            StmtKind::Break => self.compile_break_continue(true),
            StmtKind::Continue => self.compile_break_continue(false),
            StmtKind::With(w) => self.compile_with(s, w, 0),
            StmtKind::AsyncWith(w) => self.compile_async_with(s, w, 0),
        }
    }

    /// compiler_visit_stmt_expr
    fn compile_stmt_expr(&mut self, value: &'a ast::Expr) -> CResult {
        if self.interactive && self.stack_depth() <= 1 {
            self.visit_expr(value)?;
            self.op(Opcode::PrintExpr);
            return Ok(());
        }
        if matches!(value.kind, ExprKind::Constant { .. }) {
            self.op(Opcode::Nop);
            return Ok(());
        }
        self.visit_expr(value)?;
        self.unset_loc();
        self.op(Opcode::PopTop);
        Ok(())
    }

    /// compiler_if
    fn compile_if(&mut self, test: &'a ast::Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> CResult {
        let end = self.new_block();
        let next = if orelse.is_empty() { end } else { self.new_block() };
        self.jump_if(test, next, false)?;
        self.visit_stmts(body)?;
        if !orelse.is_empty() {
            self.jump_noline(Pseudo::Jump, end);
            self.use_next_block(next);
            self.visit_stmts(orelse)?;
        }
        self.use_next_block(end);
        Ok(())
    }

    /// compiler_for
    fn compile_for(&mut self, f: &'a ast::For) -> CResult {
        let start = self.new_block();
        let body = self.new_block();
        let cleanup = self.new_block();
        let end = self.new_block();
        self.push_fblock(FBlock::new(FBlockKind::ForLoop, Some(start), Some(end)))?;
        self.visit_expr(&f.iter)?;
        self.op(Opcode::GetIter);
        self.use_next_block(start);
        self.jump_op(Opcode::ForIter, cleanup);
        self.use_next_block(body);
        self.visit_expr(&f.target)?;
        self.visit_stmts(&f.body)?;
        self.unset_loc();
        self.jump(Pseudo::Jump, start);
        self.use_next_block(cleanup);
        self.pop_fblock();
        self.visit_stmts(&f.orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    /// compiler_async_for
    fn compile_async_for(&mut self, f: &'a ast::For) -> CResult {
        if self.is_top_level_await() {
            self.set_ste_coroutine();
        } else if self.u.scope_type != ScopeType::AsyncFunction {
            return Err(self.error("'async for' outside async function"));
        }
        let start = self.new_block();
        let except = self.new_block();
        let end = self.new_block();
        self.visit_expr(&f.iter)?;
        self.op(Opcode::GetAiter);
        self.use_next_block(start);
        self.push_fblock(FBlock::new(FBlockKind::ForLoop, Some(start), Some(end)))?;
        self.jump(Pseudo::SetupFinally, except);
        self.op(Opcode::GetAnext);
        self.load_none();
        self.add_yield_from(true);
        self.pseudo(Pseudo::PopBlock);
        self.visit_expr(&f.target)?;
        self.visit_stmts(&f.body)?;
        self.unset_loc();
        self.jump(Pseudo::Jump, start);
        self.pop_fblock();
        self.use_next_block(except);
        self.set_loc(f.iter.loc);
        self.op(Opcode::EndAsyncFor);
        self.visit_stmts(&f.orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    /// compiler_while
    fn compile_while(&mut self, s: &'a Stmt, test: &'a ast::Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> CResult {
        let lp = self.new_block();
        let body_b = self.new_block();
        let anchor = self.new_block();
        let end = self.new_block();
        self.use_next_block(lp);
        self.push_fblock(FBlock::new(FBlockKind::WhileLoop, Some(lp), Some(end)))?;
        self.jump_if(test, anchor, false)?;
        self.use_next_block(body_b);
        self.visit_stmts(body)?;
        self.set_loc(s.loc);
        self.jump_if(test, body_b, true)?;
        self.pop_fblock();
        self.use_next_block(anchor);
        self.visit_stmts(orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    /// compiler_assert
    fn compile_assert(&mut self, test: &'a ast::Expr, msg: Option<&'a ast::Expr>) -> CResult {
        if self.optimize > 0 {
            return Ok(());
        }
        let end = self.new_block();
        self.jump_if(test, end, true)?;
        self.op(Opcode::LoadAssertionError);
        if let Some(m) = msg {
            self.visit_expr(m)?;
            self.op_i(Opcode::Precall, 0);
            self.op_i(Opcode::Call, 0);
        }
        self.op_i(Opcode::RaiseVarargs, 1);
        self.use_next_block(end);
        Ok(())
    }

    /// compiler_import
    fn compile_import(&mut self, names: &'a [ast::Alias]) -> CResult {
        for a in names {
            self.load_const(int_const(0));
            self.load_none();
            self.op_name(Opcode::ImportName, &a.name);
            if let Some(asname) = &a.asname {
                self.import_as(&a.name, asname)?;
            } else {
                let store: Rc<str> = match a.name.find('.') {
                    Some(dot) => Rc::from(&a.name[..dot]),
                    None => a.name.clone(),
                };
                self.nameop(&store, ExprContext::Store)?;
            }
        }
        Ok(())
    }

    /// compiler_import_as
    fn import_as(&mut self, name: &str, asname: &Rc<str>) -> CResult {
        let parts: Vec<&str> = name.split('.').collect();
        if parts.len() > 1 {
            for (i, attr) in parts[1..].iter().enumerate() {
                self.op_name_raw(Opcode::ImportFrom, Rc::from(*attr));
                if i + 2 < parts.len() {
                    self.op_i(Opcode::Swap, 2);
                    self.op(Opcode::PopTop);
                }
            }
            self.nameop(asname, ExprContext::Store)?;
            self.op(Opcode::PopTop);
            return Ok(());
        }
        self.nameop(asname, ExprContext::Store)
    }

    /// compiler_from_import
    fn compile_from_import(
        &mut self,
        s: &'a Stmt,
        module: Option<&Rc<str>>,
        names: &'a [ast::Alias],
        level: u32,
    ) -> CResult {
        self.load_const(int_const(level as i64));
        if (s.loc.lineno as i32) > self.future_lineno && module.is_some_and(|m| &**m == "__future__") {
            return Err(self.error("from __future__ imports must occur at the beginning of the file"));
        }
        self.load_const(str_tuple(names.iter().map(|a| &a.name)));
        let empty: Rc<str> = Rc::from("");
        self.op_name(Opcode::ImportName, module.unwrap_or(&empty));
        for (i, a) in names.iter().enumerate() {
            if i == 0 && a.name.starts_with('*') {
                self.op(Opcode::ImportStar);
                return Ok(());
            }
            self.op_name(Opcode::ImportFrom, &a.name);
            let store = a.asname.as_ref().unwrap_or(&a.name);
            self.nameop(store, ExprContext::Store)?;
        }
        self.op(Opcode::PopTop);
        Ok(())
    }

    /// compiler_augassign
    fn compile_augassign(&mut self, e: &'a ast::Expr, op: ast::Operator, value: &'a ast::Expr) -> CResult {
        let saved = self.u.loc;
        self.set_loc(e.loc);
        match &e.kind {
            ExprKind::Attribute { value: obj, attr, .. } => {
                self.visit_expr(obj)?;
                self.op_i(Opcode::Copy, 1);
                self.update_start_location_to_match_attr(e, attr);
                self.op_name(Opcode::LoadAttr, attr);
            }
            ExprKind::Subscript { value: obj, slice, .. } => {
                self.visit_expr(obj)?;
                self.visit_expr(slice)?;
                self.op_i(Opcode::Copy, 2);
                self.op_i(Opcode::Copy, 2);
                self.op(Opcode::BinarySubscr);
            }
            ExprKind::Name { id, .. } => self.nameop(id, ExprContext::Load)?,
            _ => return Err(self.error("illegal expression for augmented assignment")),
        }
        self.u.loc = saved;
        self.visit_expr(value)?;
        self.add_binary(op, true);
        self.set_loc(e.loc);
        match &e.kind {
            ExprKind::Attribute { attr, .. } => {
                self.update_start_location_to_match_attr(e, attr);
                self.op_i(Opcode::Swap, 2);
                self.op_name(Opcode::StoreAttr, attr);
            }
            ExprKind::Subscript { .. } => {
                self.op_i(Opcode::Swap, 3);
                self.op_i(Opcode::Swap, 2);
                self.op(Opcode::StoreSubscr);
            }
            ExprKind::Name { id, .. } => self.nameop(id, ExprContext::Store)?,
            _ => {}
        }
        Ok(())
    }

    /// check_ann_expr
    fn check_ann_expr(&mut self, e: &'a ast::Expr) -> CResult {
        self.visit_expr(e)?;
        self.op(Opcode::PopTop);
        Ok(())
    }

    /// check_ann_subscr
    fn check_ann_subscr(&mut self, e: &'a ast::Expr) -> CResult {
        match &e.kind {
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper, step].into_iter().flatten() {
                    self.check_ann_expr(x)?;
                }
                Ok(())
            }
            ExprKind::Tuple { elts, .. } => elts.iter().try_for_each(|x| self.check_ann_subscr(x)),
            _ => self.check_ann_expr(e),
        }
    }

    /// The annotation as a string constant (`from __future__ import annotations`).
    pub fn annotation_string(&self, e: &ast::Expr) -> Constant {
        let text = super::unparse::expr_as_str(e).unwrap_or_else(|| super::unparse::source_text(self.source, e));
        str_const(&text)
    }

    /// compiler_annassign
    fn compile_annassign(
        &mut self,
        targ: &'a ast::Expr,
        annotation: &'a ast::Expr,
        value: Option<&'a ast::Expr>,
        simple: bool,
    ) -> CResult {
        let future_ann = self.future & krait_bytecode::CodeFlags::FUTURE_ANNOTATIONS != 0;
        if let Some(v) = value {
            self.visit_expr(v)?;
            self.visit_expr(targ)?;
        }
        let module_or_class = matches!(self.u.scope_type, ScopeType::Module | ScopeType::Class);
        match &targ.kind {
            ExprKind::Name { id, .. } => {
                self.check_forbidden(id, ExprContext::Store)?;
                if simple && module_or_class {
                    if future_ann {
                        let c = self.annotation_string(annotation);
                        self.load_const(c);
                    } else {
                        self.visit_expr(annotation)?;
                    }
                    self.op_name(Opcode::LoadName, &Rc::from("__annotations__"));
                    let m = self.mangle(id);
                    self.load_const(Constant::Str(m));
                    self.op(Opcode::StoreSubscr);
                }
            }
            ExprKind::Attribute { value: obj, attr, .. } => {
                self.check_forbidden(attr, ExprContext::Store)?;
                if value.is_none() {
                    self.check_ann_expr(obj)?;
                }
            }
            ExprKind::Subscript { value: obj, slice, .. } => {
                if value.is_none() {
                    self.check_ann_expr(obj)?;
                    self.check_ann_subscr(slice)?;
                }
            }
            _ => return Err(self.error("invalid node type for annotated assignment")),
        }
        if !simple && !future_ann && module_or_class {
            self.check_ann_expr(annotation)?;
        }
        Ok(())
    }

    /// Depth of the unit stack (CPython's `c_nestlevel`).
    pub fn stack_depth(&self) -> usize {
        self.stack.len() + 1
    }

}
