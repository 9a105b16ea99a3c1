//! Calls (compile.c `compiler_call`, `maybe_optimize_method_call`, `compiler_call_helper`):
//! PRECALL/CALL with KW_NAMES, LOAD_METHOD calls, and CALL_FUNCTION_EX for `*`/`**`.

use super::consts::str_tuple;
use super::expr::Collect;
use super::{CResult, Compiler, STACK_USE_GUIDELINE};
use krait_bytecode::Opcode;
use krait_syntax::ast::{self, ExprContext, ExprKind};

fn is_starred(e: &ast::Expr) -> bool {
    matches!(e.kind, ExprKind::Starred { .. })
}

impl<'a> Compiler<'a> {
    /// validate_keywords
    fn validate_keywords(&mut self, keywords: &'a [ast::Keyword]) -> CResult {
        for (i, k) in keywords.iter().enumerate() {
            let Some(name) = &k.arg else { continue };
            self.check_forbidden(name, ExprContext::Store)?;
            for other in &keywords[i + 1..] {
                if other.arg.as_deref() == Some(&**name) {
                    self.set_loc(other.loc);
                    return Err(self.error(format!("keyword argument repeated: {name}")));
                }
            }
        }
        Ok(())
    }

    /// compiler_call
    pub fn compile_call(
        &mut self,
        e: &'a ast::Expr,
        func: &'a ast::Expr,
        args: &'a [ast::Expr],
        keywords: &'a [ast::Keyword],
    ) -> CResult {
        self.validate_keywords(keywords)?;
        if self.maybe_optimize_method_call(e, func, args, keywords)? {
            return Ok(());
        }
        self.set_loc(func.loc);
        self.op(Opcode::PushNull);
        self.set_loc(e.loc);
        self.visit_expr(func)?;
        self.call_helper(0, args, keywords)
    }

    /// maybe_optimize_method_call: `obj.meth(args)` as LOAD_METHOD + CALL.
    fn maybe_optimize_method_call(
        &mut self,
        e: &'a ast::Expr,
        func: &'a ast::Expr,
        args: &'a [ast::Expr],
        keywords: &'a [ast::Keyword],
    ) -> CResult<bool> {
        let ExprKind::Attribute { value, attr, ctx: ExprContext::Load } = &func.kind else {
            return Ok(false);
        };
        if let ExprKind::Name { id, .. } = &value.kind {
            if self.st.top_imports(id) {
                return Ok(false);
            }
        }
        let nargs = args.len();
        let nkw = keywords.len();
        if nargs + nkw + usize::from(nkw != 0) >= STACK_USE_GUIDELINE {
            return Ok(false);
        }
        if args.iter().any(is_starred) || keywords.iter().any(|k| k.arg.is_none()) {
            return Ok(false);
        }
        self.visit_expr(value)?;
        self.set_loc(func.loc);
        self.update_start_location_to_match_attr(func, attr);
        self.op_name(Opcode::LoadMethod, attr);
        for a in args {
            self.visit_expr(a)?;
        }
        if nkw > 0 {
            for k in keywords {
                self.visit_expr(&k.value)?;
            }
            self.kw_names(keywords);
        }
        self.set_loc(e.loc);
        self.update_start_location_to_match_attr(func, attr);
        self.op_i(Opcode::Precall, (nargs + nkw) as u32);
        self.op_i(Opcode::Call, (nargs + nkw) as u32);
        Ok(true)
    }

    /// compiler_call_simple_kw_helper: the KW_NAMES tuple.
    fn kw_names(&mut self, keywords: &[ast::Keyword]) {
        let c = str_tuple(keywords.iter().filter_map(|k| k.arg.as_ref()));
        let i = self.add_const(c);
        self.op_i(Opcode::KwNames, i);
    }

    /// compiler_subkwargs: a dict of keyword arguments `begin..end`.
    fn subkwargs(&mut self, keywords: &'a [ast::Keyword], begin: usize, end: usize) -> CResult {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            for k in &keywords[begin..end] {
                self.visit_expr(&k.value)?;
            }
            let c = str_tuple(keywords[begin..end].iter().filter_map(|k| k.arg.as_ref()));
            self.load_const(c);
            self.op_i(Opcode::BuildConstKeyMap, n as u32);
            return Ok(());
        }
        if big {
            self.op_i_noline(Opcode::BuildMap, 0);
        }
        for k in &keywords[begin..end] {
            if let Some(name) = &k.arg {
                self.load_const(krait_bytecode::Constant::Str(name.clone()));
            }
            self.visit_expr(&k.value)?;
            if big {
                self.op_i_noline(Opcode::MapAdd, 1);
            }
        }
        if !big {
            self.op_i(Opcode::BuildMap, n as u32);
        }
        Ok(())
    }

    /// compiler_call_helper: the arguments and the call, `n` callee-side arguments already
    /// pushed (the class body function and name for `__build_class__`).
    pub fn call_helper(&mut self, n: u32, args: &'a [ast::Expr], keywords: &'a [ast::Keyword]) -> CResult {
        self.validate_keywords(keywords)?;
        let nelts = args.len();
        let nkw = keywords.len();
        let ex_call = nelts + nkw * 2 > STACK_USE_GUIDELINE
            || args.iter().any(is_starred)
            || keywords.iter().any(|k| k.arg.is_none());
        if !ex_call {
            for a in args {
                self.visit_expr(a)?;
            }
            if nkw > 0 {
                for k in keywords {
                    self.visit_expr(&k.value)?;
                }
                self.kw_names(keywords);
            }
            let total = n + (nelts + nkw) as u32;
            self.op_i(Opcode::Precall, total);
            self.op_i(Opcode::Call, total);
            return Ok(());
        }
        match args {
            [ast::Expr { kind: ExprKind::Starred { value, .. }, .. }] if n == 0 => self.visit_expr(value)?,
            _ => self.starunpack_helper(args, n, Collect::Tuple)?,
        }
        if nkw > 0 {
            let mut have_dict = false;
            let mut nseen = 0;
            for (i, k) in keywords.iter().enumerate() {
                if k.arg.is_none() {
                    if nseen > 0 {
                        self.subkwargs(keywords, i - nseen, i)?;
                        if have_dict {
                            self.op_i(Opcode::DictMerge, 1);
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.op_i(Opcode::BuildMap, 0);
                        have_dict = true;
                    }
                    self.visit_expr(&k.value)?;
                    self.op_i(Opcode::DictMerge, 1);
                } else {
                    nseen += 1;
                }
            }
            if nseen > 0 {
                self.subkwargs(keywords, nkw - nseen, nkw)?;
                if have_dict {
                    self.op_i(Opcode::DictMerge, 1);
                }
            }
        }
        self.op_i(Opcode::CallFunctionEx, u32::from(nkw > 0));
        Ok(())
    }
}
