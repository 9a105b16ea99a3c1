//! The match statement and its patterns (compile.c `compiler_match`, `compiler_pattern_*`,
//! PEP 634). Every pattern routine consumes the subject on top of the stack and jumps to a
//! `fail_pop` block (which pops what is left) when it does not match.

use super::consts::{int_const, str_tuple};
use super::{CResult, Compiler};
use crate::ir::{BlockId, Pseudo};
use krait_bytecode::Opcode;
use krait_syntax::ast::{self, CmpOp, ExprKind, Operator, Pattern, PatternKind};
use std::rc::Rc;

/// compile.c `pattern_context`.
#[derive(Default)]
struct PatternCtx {
    /// Names captured so far, in stack order.
    stores: Vec<Rc<str>>,
    allow_irrefutable: bool,
    /// `fail_pop[i]` pops `i` items then falls into `fail_pop[i-1]`.
    fail_pop: Vec<BlockId>,
    /// Items on top of the stack that must stay there (captures go beneath them).
    on_top: usize,
}

fn is_wildcard(p: &Pattern) -> bool {
    matches!(&p.kind, PatternKind::MatchAs { pattern: None, name: None })
}

fn is_wildcard_star(p: &Pattern) -> bool {
    matches!(&p.kind, PatternKind::MatchStar { name: None })
}

impl<'a> Compiler<'a> {
    /// ensure_fail_pop
    fn ensure_fail_pop(&mut self, pc: &mut PatternCtx, n: usize) {
        while pc.fail_pop.len() < n + 1 {
            let b = self.new_block();
            pc.fail_pop.push(b);
        }
    }

    /// jump_to_fail_pop
    fn jump_to_fail_pop(&mut self, pc: &mut PatternCtx, op: Pseudo) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        self.jump(op, pc.fail_pop[pops]);
    }

    /// emit_and_reset_fail_pop
    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatternCtx) {
        if pc.fail_pop.is_empty() {
            return;
        }
        for i in (1..pc.fail_pop.len()).rev() {
            self.use_next_block(pc.fail_pop[i]);
            self.op(Opcode::PopTop);
        }
        self.use_next_block(pc.fail_pop[0]);
        pc.fail_pop.clear();
    }

    /// pattern_helper_rotate
    fn rotate(&mut self, mut count: usize) {
        while count > 1 {
            self.op_i(Opcode::Swap, count as u32);
            count -= 1;
        }
    }

    /// pattern_helper_store_name
    fn pattern_store_name(&mut self, name: Option<&Rc<str>>, pc: &mut PatternCtx) -> CResult {
        let Some(n) = name else {
            self.op(Opcode::PopTop);
            return Ok(());
        };
        self.check_forbidden(n, ast::ExprContext::Store)?;
        if pc.stores.contains(n) {
            return Err(self.error(format!("multiple assignments to name '{n}' in pattern")));
        }
        let rotations = pc.on_top + pc.stores.len() + 1;
        self.rotate(rotations);
        pc.stores.push(n.clone());
        Ok(())
    }

    /// pattern_unpack_helper
    fn pattern_unpack(&mut self, elts: &[Pattern]) -> CResult {
        let n = elts.len();
        let mut seen_star = false;
        for (i, e) in elts.iter().enumerate() {
            if matches!(e.kind, PatternKind::MatchStar { .. }) {
                if seen_star {
                    return Err(self.error("multiple starred expressions in sequence pattern"));
                }
                self.op_i(Opcode::UnpackEx, (i + ((n - i - 1) << 8)) as u32);
                seen_star = true;
            }
        }
        if !seen_star {
            self.op_i(Opcode::UnpackSequence, n as u32);
        }
        Ok(())
    }

    /// compiler_pattern_subpattern
    fn pattern_subpattern(&mut self, p: &'a Pattern, pc: &mut PatternCtx) -> CResult {
        let saved = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.pattern(p, pc)?;
        pc.allow_irrefutable = saved;
        Ok(())
    }

    /// compiler_pattern
    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatternCtx) -> CResult {
        self.set_loc(p.loc);
        match &p.kind {
            PatternKind::MatchValue { value } => {
                if !matches!(value.kind, ExprKind::Constant { .. } | ExprKind::Attribute { .. }) {
                    return Err(self.error("patterns may only match literals and attribute lookups"));
                }
                self.visit_expr(value)?;
                self.add_compare(CmpOp::Eq);
                self.jump_to_fail_pop(pc, Pseudo::PopJumpIfFalse);
            }
            PatternKind::MatchSingleton { value } => {
                self.load_const(super::consts::to_constant(value));
                self.add_compare(CmpOp::Is);
                self.jump_to_fail_pop(pc, Pseudo::PopJumpIfFalse);
            }
            PatternKind::MatchSequence { patterns } => self.pattern_sequence(patterns, pc)?,
            PatternKind::MatchMapping { keys, patterns, rest } => {
                self.pattern_mapping(keys, patterns, rest.as_ref(), pc)?
            }
            PatternKind::MatchClass { cls, patterns, kwd_attrs, kwd_patterns } => {
                self.pattern_class(p, cls, patterns, kwd_attrs, kwd_patterns, pc)?
            }
            PatternKind::MatchStar { name } => self.pattern_store_name(name.as_ref(), pc)?,
            PatternKind::MatchAs { pattern, name } => match pattern {
                None => {
                    if !pc.allow_irrefutable {
                        return Err(self.error(match name {
                            Some(n) => format!("name capture '{n}' makes remaining patterns unreachable"),
                            None => "wildcard makes remaining patterns unreachable".to_string(),
                        }));
                    }
                    self.pattern_store_name(name.as_ref(), pc)?;
                }
                Some(inner) => {
                    pc.on_top += 1;
                    self.op_i(Opcode::Copy, 1);
                    self.pattern(inner, pc)?;
                    pc.on_top -= 1;
                    self.pattern_store_name(name.as_ref(), pc)?;
                }
            },
            PatternKind::MatchOr { patterns } => self.pattern_or(patterns, pc)?,
        }
        Ok(())
    }

    /// compiler_pattern_sequence
    fn pattern_sequence(&mut self, patterns: &'a [Pattern], pc: &mut PatternCtx) -> CResult {
        let size = patterns.len();
        let mut star: Option<usize> = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, q) in patterns.iter().enumerate() {
            if matches!(q.kind, PatternKind::MatchStar { .. }) {
                if star.is_some() {
                    return Err(self.error("multiple starred names in sequence pattern"));
                }
                star_wildcard = is_wildcard_star(q);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(q);
        }
        pc.on_top += 1;
        self.op(Opcode::MatchSequence);
        self.jump_to_fail_pop(pc, Pseudo::PopJumpIfFalse);
        match star {
            None => {
                self.op(Opcode::GetLen);
                self.load_const(int_const(size as i64));
                self.add_compare(CmpOp::Eq);
                self.jump_to_fail_pop(pc, Pseudo::PopJumpIfFalse);
            }
            Some(_) if size > 1 => {
                self.op(Opcode::GetLen);
                self.load_const(int_const(size as i64 - 1));
                self.add_compare(CmpOp::GtE);
                self.jump_to_fail_pop(pc, Pseudo::PopJumpIfFalse);
            }
            Some(_) => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.op(Opcode::PopTop);
        } else if star_wildcard {
            self.pattern_sequence_subscr(patterns, star.unwrap_or(0), pc)?;
        } else {
            self.pattern_unpack(patterns)?;
            pc.on_top += size;
            for q in patterns {
                pc.on_top -= 1;
                self.pattern_subpattern(q, pc)?;
            }
        }
        Ok(())
    }

    /// pattern_helper_sequence_subscr
    fn pattern_sequence_subscr(&mut self, patterns: &'a [Pattern], star: usize, pc: &mut PatternCtx) -> CResult {
        pc.on_top += 1;
        let size = patterns.len();
        for (i, q) in patterns.iter().enumerate() {
            if is_wildcard(q) || i == star {
                continue;
            }
            self.op_i(Opcode::Copy, 1);
            if i < star {
                self.load_const(int_const(i as i64));
            } else {
                self.op(Opcode::GetLen);
                self.load_const(int_const((size - i) as i64));
                self.add_binary(Operator::Sub, false);
            }
            self.op(Opcode::BinarySubscr);
            self.pattern_subpattern(q, pc)?;
        }
        pc.on_top -= 1;
        self.op(Opcode::PopTop);
        Ok(())
    }

    /// compiler_pattern_mapping
    fn pattern_mapping(
        &mut self,
        keys: &'a [ast::Expr],
        patterns: &'a [Pattern],
        rest: Option<&Rc<str>>,
        pc: &mut PatternCtx,
    ) -> CResult {
        let size = keys.len();
        if size != patterns.len() {
            return Err(self.error(format!(
                "keys ({size}) / patterns ({}) length mismatch in mapping pattern",
                patterns.len()
            )));
        }
        pc.on_top += 1;
        self.op(Opcode::MatchMapping);
        self.jump_to_fail_pop(pc, Pseudo::PopJumpIfFalse);
        if size == 0 && rest.is_none() {
            pc.on_top -= 1;
            self.op(Opcode::PopTop);
            return Ok(());
        }
        if size > 0 {
            self.op(Opcode::GetLen);
            self.load_const(int_const(size as i64));
            self.add_compare(CmpOp::GtE);
            self.jump_to_fail_pop(pc, Pseudo::PopJumpIfFalse);
        }
        let mut seen: Vec<super::consts::ConstKey> = Vec::new();
        for key in keys {
            if let ExprKind::Constant { value, .. } = &key.kind {
                let k = super::consts::ConstKey::of(&super::consts::to_constant(value));
                if seen.contains(&k) {
                    let shown = crate::fold::const_repr(value);
                    return Err(self.error(format!("mapping pattern checks duplicate key ({shown})")));
                }
                seen.push(k);
            } else if !matches!(key.kind, ExprKind::Attribute { .. }) {
                return Err(self.error("mapping pattern keys may only match literals and attribute lookups"));
            }
            self.visit_expr(key)?;
        }
        self.op_i(Opcode::BuildTuple, size as u32);
        self.op(Opcode::MatchKeys);
        pc.on_top += 2;
        self.op_i(Opcode::Copy, 1);
        self.load_none();
        self.op_i(Opcode::IsOp, 1);
        self.jump_to_fail_pop(pc, Pseudo::PopJumpIfFalse);
        self.op_i(Opcode::UnpackSequence, size as u32);
        pc.on_top = pc.on_top + size - 1;
        for q in patterns {
            pc.on_top -= 1;
            self.pattern_subpattern(q, pc)?;
        }
        pc.on_top -= 2;
        if let Some(r) = rest {
            self.op_i(Opcode::BuildMap, 0);
            self.op_i(Opcode::Swap, 3);
            self.op_i(Opcode::DictUpdate, 2);
            self.op_i(Opcode::UnpackSequence, size as u32);
            let mut left = size;
            while left > 0 {
                self.op_i(Opcode::Copy, 1 + left as u32);
                left -= 1;
                self.op_i(Opcode::Swap, 2);
                self.op(Opcode::DeleteSubscr);
            }
            self.pattern_store_name(Some(r), pc)?;
        } else {
            self.op(Opcode::PopTop);
            self.op(Opcode::PopTop);
        }
        Ok(())
    }

    /// compiler_pattern_class
    fn pattern_class(
        &mut self,
        p: &'a Pattern,
        cls: &'a ast::Expr,
        patterns: &'a [Pattern],
        kwd_attrs: &'a [Rc<str>],
        kwd_patterns: &'a [Pattern],
        pc: &mut PatternCtx,
    ) -> CResult {
        let nargs = patterns.len();
        let nattrs = kwd_attrs.len();
        if nattrs != kwd_patterns.len() {
            return Err(self.error(format!(
                "kwd_attrs ({nattrs}) / kwd_patterns ({}) length mismatch in class pattern",
                kwd_patterns.len()
            )));
        }
        if nattrs > 0 {
            for (i, attr) in kwd_attrs.iter().enumerate() {
                self.set_loc(kwd_patterns[i].loc);
                self.check_forbidden(attr, ast::ExprContext::Store)?;
                for (j, other) in kwd_attrs.iter().enumerate().skip(i + 1) {
                    if other == attr {
                        self.set_loc(kwd_patterns[j].loc);
                        return Err(self.error(format!("attribute name repeated in class pattern: {attr}")));
                    }
                }
            }
            self.set_loc(p.loc);
        }
        self.visit_expr(cls)?;
        self.load_const(str_tuple(kwd_attrs.iter()));
        self.op_i(Opcode::MatchClass, nargs as u32);
        self.op_i(Opcode::Copy, 1);
        self.load_none();
        self.op_i(Opcode::IsOp, 1);
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, Pseudo::PopJumpIfFalse);
        self.op_i(Opcode::UnpackSequence, (nargs + nattrs) as u32);
        pc.on_top += nargs + nattrs;
        pc.on_top -= 1;
        for q in patterns.iter().chain(kwd_patterns) {
            pc.on_top -= 1;
            if is_wildcard(q) {
                self.op(Opcode::PopTop);
                continue;
            }
            self.pattern_subpattern(q, pc)?;
        }
        Ok(())
    }

    /// compiler_pattern_or
    fn pattern_or(&mut self, alts: &'a [Pattern], pc: &mut PatternCtx) -> CResult {
        let end = self.new_block();
        let old_stores = std::mem::take(&mut pc.stores);
        let old_fail_pop = std::mem::take(&mut pc.fail_pop);
        let old_on_top = pc.on_top;
        let old_allow = pc.allow_irrefutable;
        let mut control: Option<Vec<Rc<str>>> = None;
        for (i, alt) in alts.iter().enumerate() {
            self.set_loc(alt.loc);
            pc.stores = Vec::new();
            pc.allow_irrefutable = i + 1 == alts.len() && old_allow;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.op_i(Opcode::Copy, 1);
            self.pattern(alt, pc)?;
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctrl) => {
                    if ctrl.len() != pc.stores.len() {
                        return Err(self.error("alternative patterns bind different names"));
                    }
                    for icontrol in (0..ctrl.len()).rev() {
                        let name = &ctrl[icontrol];
                        let Some(istores) = pc.stores.iter().position(|s| s == name) else {
                            return Err(self.error("alternative patterns bind different names"));
                        };
                        if icontrol != istores {
                            let rotations = istores + 1;
                            let rotated: Vec<Rc<str>> = pc.stores.drain(..rotations).collect();
                            let at = icontrol - istores;
                            for (k, r) in rotated.into_iter().enumerate() {
                                pc.stores.insert(at + k, r);
                            }
                            for _ in 0..rotations {
                                self.rotate(icontrol + 1);
                            }
                        }
                    }
                }
            }
            self.jump(Pseudo::Jump, end);
            self.emit_and_reset_fail_pop(pc);
        }
        pc.stores = old_stores;
        pc.fail_pop = old_fail_pop;
        pc.on_top = old_on_top;
        pc.allow_irrefutable = old_allow;
        self.op(Opcode::PopTop);
        self.jump_to_fail_pop(pc, Pseudo::Jump);
        self.use_next_block(end);
        let control = control.unwrap_or_default();
        let nstores = control.len();
        let nrots = nstores + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.rotate(nrots);
            if pc.stores.contains(&name) {
                return Err(self.error(format!("multiple assignments to name '{name}' in pattern")));
            }
            pc.stores.push(name);
        }
        self.op(Opcode::PopTop);
        Ok(())
    }

    /// compiler_match
    pub fn compile_match(&mut self, subject: &'a ast::Expr, cases: &'a [ast::MatchCase]) -> CResult {
        self.visit_expr(subject)?;
        let end = self.new_block();
        let ncases = cases.len();
        let Some(last) = cases.last() else {
            return Ok(());
        };
        let has_default = is_wildcard(&last.pattern) && ncases > 1;
        let mut pc = PatternCtx::default();
        for (i, m) in cases[..ncases - usize::from(has_default)].iter().enumerate() {
            self.set_loc(m.pattern.loc);
            let not_last = i + 1 != ncases - usize::from(has_default);
            if not_last {
                self.op_i(Opcode::Copy, 1);
            }
            pc.stores = Vec::new();
            pc.allow_irrefutable = m.guard.is_some() || i + 1 == ncases;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.pattern(&m.pattern, &mut pc)?;
            for name in std::mem::take(&mut pc.stores) {
                self.nameop(&name, ast::ExprContext::Store)?;
            }
            if let Some(g) = &m.guard {
                self.ensure_fail_pop(&mut pc, 0);
                let target = pc.fail_pop[0];
                self.jump_if(g, target, false)?;
            }
            if not_last {
                self.op(Opcode::PopTop);
            }
            self.visit_stmts(&m.body)?;
            self.unset_loc();
            self.jump(Pseudo::Jump, end);
            self.set_loc(m.pattern.loc);
            self.emit_and_reset_fail_pop(&mut pc);
        }
        if has_default {
            self.set_loc(last.pattern.loc);
            if ncases == 1 {
                self.op(Opcode::PopTop);
            } else {
                self.op(Opcode::Nop);
            }
            if let Some(g) = &last.guard {
                self.jump_if(g, end, false)?;
            }
            self.visit_stmts(&last.body)?;
            self.unset_loc();
        }
        self.use_next_block(end);
        Ok(())
    }

}
