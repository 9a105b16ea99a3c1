//! Comprehensions and generator expressions (compile.c `compiler_comprehension` and the
//! sync/async generator loops): each is a nested function taking the outermost iterator.

use super::{CResult, Compiler, FBlock, FBlockKind, ScopeType};
use crate::ir::Pseudo;
use krait_bytecode::Opcode;
use krait_syntax::ast::{self, ExprKind};
use std::rc::Rc;

/// What a comprehension builds (compile.c `COMP_*`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Comp {
    GenExp,
    List,
    Set,
    Dict,
}

/// The pieces of one comprehension expression.
struct CompParts<'a> {
    kind: Comp,
    generators: &'a [ast::Comprehension],
    elt: &'a ast::Expr,
    val: Option<&'a ast::Expr>,
}

impl<'a> Compiler<'a> {
    /// compiler_comprehension (and compiler_genexp/listcomp/setcomp/dictcomp)
    pub fn compile_comprehension(&mut self, e: &'a ast::Expr) -> CResult {
        let (name, parts) = match &e.kind {
            ExprKind::GeneratorExp { elt, generators } => {
                ("<genexpr>", CompParts { kind: Comp::GenExp, generators, elt, val: None })
            }
            ExprKind::ListComp { elt, generators } => {
                ("<listcomp>", CompParts { kind: Comp::List, generators, elt, val: None })
            }
            ExprKind::SetComp { elt, generators } => {
                ("<setcomp>", CompParts { kind: Comp::Set, generators, elt, val: None })
            }
            ExprKind::DictComp { key, value, generators } => {
                ("<dictcomp>", CompParts { kind: Comp::Dict, generators, elt: key, val: Some(value) })
            }
            _ => return Ok(()),
        };
        let Some(outermost) = parts.generators.first() else {
            return Err(self.error("comprehension with no generators"));
        };
        let outer_scope = self.u.scope_type;
        let ste = self.st.entry_for(e).ok_or_else(|| self.error("internal compiler error: scope not found"))?;
        self.enter_scope(Rc::from(name), ScopeType::Comprehension, ste, e.loc.lineno)?;
        self.set_loc(e.loc);
        let is_async_generator = self.ste_is_coroutine();
        if is_async_generator
            && parts.kind != Comp::GenExp
            && !matches!(outer_scope, ScopeType::AsyncFunction | ScopeType::Comprehension)
            && !self.is_top_level_await()
        {
            return Err(self.error("asynchronous comprehension outside of an asynchronous function"));
        }
        match parts.kind {
            Comp::List => self.op_i(Opcode::BuildList, 0),
            Comp::Set => self.op_i(Opcode::BuildSet, 0),
            Comp::Dict => self.op_i(Opcode::BuildMap, 0),
            Comp::GenExp => {}
        }
        self.comprehension_generator(&parts, 0, 0)?;
        if parts.kind != Comp::GenExp {
            self.op(Opcode::ReturnValue);
        }
        let co = self.finish_unit(true)?;
        self.make_closure(co, 0);
        self.visit_expr(&outermost.iter)?;
        self.op(if outermost.is_async { Opcode::GetAiter } else { Opcode::GetIter });
        self.op_i(Opcode::Precall, 0);
        self.op_i(Opcode::Call, 0);
        if is_async_generator && parts.kind != Comp::GenExp {
            self.op_i(Opcode::GetAwaitable, 0);
            self.load_none();
            self.add_yield_from(true);
        }
        Ok(())
    }

    fn comprehension_generator(&mut self, p: &CompParts<'a>, gen_index: usize, depth: u32) -> CResult {
        if p.generators[gen_index].is_async {
            self.async_comprehension_generator(p, gen_index, depth)
        } else {
            self.sync_comprehension_generator(p, gen_index, depth)
        }
    }

    /// The innermost element code: yield or append to the collection.
    fn comprehension_element(&mut self, p: &CompParts<'a>, depth: u32) -> CResult {
        match p.kind {
            Comp::GenExp => {
                self.visit_expr(p.elt)?;
                self.add_yield();
                self.op(Opcode::PopTop);
            }
            Comp::List => {
                self.visit_expr(p.elt)?;
                self.op_i(Opcode::ListAppend, depth + 1);
            }
            Comp::Set => {
                self.visit_expr(p.elt)?;
                self.op_i(Opcode::SetAdd, depth + 1);
            }
            Comp::Dict => {
                self.visit_expr(p.elt)?;
                if let Some(v) = p.val {
                    self.visit_expr(v)?;
                }
                self.op_i(Opcode::MapAdd, depth + 1);
            }
        }
        Ok(())
    }

    /// compiler_sync_comprehension_generator
    fn sync_comprehension_generator(&mut self, p: &CompParts<'a>, gen_index: usize, mut depth: u32) -> CResult {
        let mut start = Some(self.new_block());
        let if_cleanup = self.new_block();
        let anchor = self.new_block();
        let gen = &p.generators[gen_index];
        if gen_index == 0 {
            self.u.meta.argcount = 1;
            self.load_fast_slot(0);
        } else {
            let elts = match &gen.iter.kind {
                ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => Some(elts),
                _ => None,
            };
            if let Some([only]) = elts.map(|v| &v[..]) {
                if !matches!(only.kind, ExprKind::Starred { .. }) {
                    self.visit_expr(only)?;
                    start = None;
                }
            }
            if start.is_some() {
                self.visit_expr(&gen.iter)?;
                self.op(Opcode::GetIter);
            }
        }
        if let Some(s) = start {
            depth += 1;
            self.use_next_block(s);
            self.jump_op(Opcode::ForIter, anchor);
        }
        self.visit_expr(&gen.target)?;
        for cond in &gen.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        if gen_index + 1 < p.generators.len() {
            self.comprehension_generator(p, gen_index + 1, depth)?;
        } else {
            self.comprehension_element(p, depth)?;
        }
        self.use_next_block(if_cleanup);
        if let Some(s) = start {
            self.jump(Pseudo::Jump, s);
            self.use_next_block(anchor);
        }
        Ok(())
    }

    /// compiler_async_comprehension_generator
    fn async_comprehension_generator(&mut self, p: &CompParts<'a>, gen_index: usize, mut depth: u32) -> CResult {
        let start = self.new_block();
        let except = self.new_block();
        let if_cleanup = self.new_block();
        let gen = &p.generators[gen_index];
        if gen_index == 0 {
            self.u.meta.argcount = 1;
            self.load_fast_slot(0);
        } else {
            self.visit_expr(&gen.iter)?;
            self.op(Opcode::GetAiter);
        }
        self.use_next_block(start);
        self.push_fblock(FBlock::new(FBlockKind::AsyncComprehensionGenerator, Some(start), None))?;
        self.jump(Pseudo::SetupFinally, except);
        self.op(Opcode::GetAnext);
        self.load_none();
        self.add_yield_from(true);
        self.pseudo(Pseudo::PopBlock);
        self.visit_expr(&gen.target)?;
        for cond in &gen.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        depth += 1;
        if gen_index + 1 < p.generators.len() {
            self.comprehension_generator(p, gen_index + 1, depth)?;
        } else {
            self.comprehension_element(p, depth)?;
        }
        self.use_next_block(if_cleanup);
        self.jump(Pseudo::Jump, start);
        self.pop_fblock();
        self.use_next_block(except);
        self.op(Opcode::EndAsyncFor);
        Ok(())
    }
}
