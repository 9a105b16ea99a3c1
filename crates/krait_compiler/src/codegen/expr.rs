//! Expressions (compile.c `compiler_visit_expr1`): operators, displays, unpacking targets,
//! subscripts and slices, f-strings, yield/await, attributes and names.

use super::consts::to_constant;
use super::{CResult, Compiler, ScopeType, STACK_USE_GUIDELINE};
use crate::ir::Pseudo;
use crate::symtable::BlockType;
use krait_bytecode::{Constant, Opcode};
use krait_syntax::ast::{self, ConstantValue, ExprContext, ExprKind, Operator, UnaryOp};
use std::rc::Rc;

/// How a display's items are collected (the build/add/extend opcodes of starunpack_helper).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Collect {
    List,
    Tuple,
    Set,
}

pub(crate) fn is_const(e: &ast::Expr) -> bool {
    matches!(e.kind, ExprKind::Constant { .. })
}

fn const_value(e: &ast::Expr) -> Option<&ConstantValue> {
    match &e.kind {
        ExprKind::Constant { value, .. } => Some(value),
        _ => None,
    }
}

impl<'a> Compiler<'a> {
    /// compiler_visit_expr: visit with the expression's location, restoring the caller's.
    pub fn visit_expr(&mut self, e: &'a ast::Expr) -> CResult {
        let saved = self.u.loc;
        self.set_loc(e.loc);
        let r = self.visit_expr1(e);
        self.u.loc = saved;
        r
    }

    /// addop_binary
    pub fn add_binary(&mut self, op: Operator, inplace: bool) {
        let base = match op {
            Operator::Add => 0,
            Operator::BitAnd => 1,
            Operator::FloorDiv => 2,
            Operator::LShift => 3,
            Operator::MatMult => 4,
            Operator::Mult => 5,
            Operator::Mod => 6,
            Operator::BitOr => 7,
            Operator::Pow => 8,
            Operator::RShift => 9,
            Operator::Sub => 10,
            Operator::Div => 11,
            Operator::BitXor => 12,
        };
        self.op_i(Opcode::BinaryOp, if inplace { base + 13 } else { base });
    }

    /// update_start_location_to_match_attr
    pub fn update_start_location_to_match_attr(&mut self, attr_expr: &ast::Expr, attr: &str) {
        let end_lineno = attr_expr.loc.end_lineno as i32;
        let l = &mut self.u.loc;
        if l.lineno != end_lineno {
            l.lineno = end_lineno;
            let len = attr.chars().count() as i32;
            let end_col = attr_expr.loc.end_col_offset as i32;
            if len <= end_col {
                l.col_offset = end_col - len;
            } else {
                l.col_offset = -1;
                l.end_col_offset = -1;
            }
            l.end_lineno = l.end_lineno.max(l.lineno);
            if l.lineno == l.end_lineno {
                l.end_col_offset = l.end_col_offset.max(l.col_offset);
            }
        }
    }

    fn visit_expr1(&mut self, e: &'a ast::Expr) -> CResult {
        match &e.kind {
            ExprKind::NamedExpr { target, value } => {
                self.visit_expr(value)?;
                self.op_i(Opcode::Copy, 1);
                self.visit_expr(target)?;
            }
            ExprKind::BoolOp { op, values } => self.compile_boolop(*op, values)?,
            ExprKind::BinOp { left, op, right } => {
                self.visit_expr(left)?;
                self.visit_expr(right)?;
                self.add_binary(*op, false);
            }
            ExprKind::UnaryOp { op, operand } => {
                self.visit_expr(operand)?;
                self.op(match op {
                    UnaryOp::Invert => Opcode::UnaryInvert,
                    UnaryOp::Not => Opcode::UnaryNot,
                    UnaryOp::UAdd => Opcode::UnaryPositive,
                    UnaryOp::USub => Opcode::UnaryNegative,
                });
            }
            ExprKind::Lambda { args, body } => self.compile_lambda(e, args, body)?,
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_block();
                let next = self.new_block();
                self.jump_if(test, next, false)?;
                self.visit_expr(body)?;
                self.jump_noline(Pseudo::Jump, end);
                self.use_next_block(next);
                self.visit_expr(orelse)?;
                self.use_next_block(end);
            }
            ExprKind::Dict { keys, values } => self.compile_dict(keys, values)?,
            ExprKind::Set { elts } => self.starunpack_helper(elts, 0, Collect::Set)?,
            ExprKind::GeneratorExp { .. }
            | ExprKind::ListComp { .. }
            | ExprKind::SetComp { .. }
            | ExprKind::DictComp { .. } => self.compile_comprehension(e)?,
            ExprKind::Yield { value } => {
                if self.ste_kind() != BlockType::Function {
                    return Err(self.error("'yield' outside function"));
                }
                match value {
                    Some(v) => self.visit_expr(v)?,
                    None => self.load_none(),
                }
                self.add_yield();
            }
            ExprKind::YieldFrom { value } => {
                if self.ste_kind() != BlockType::Function {
                    return Err(self.error("'yield' outside function"));
                }
                if self.u.scope_type == ScopeType::AsyncFunction {
                    return Err(self.error("'yield from' inside async function"));
                }
                self.visit_expr(value)?;
                self.op(Opcode::GetYieldFromIter);
                self.load_none();
                self.add_yield_from(false);
            }
            ExprKind::Await { value } => {
                if !self.is_top_level_await() {
                    if self.ste_kind() != BlockType::Function {
                        return Err(self.error("'await' outside function"));
                    }
                    if !matches!(self.u.scope_type, ScopeType::AsyncFunction | ScopeType::Comprehension) {
                        return Err(self.error("'await' outside async function"));
                    }
                }
                self.visit_expr(value)?;
                self.op_i(Opcode::GetAwaitable, 0);
                self.load_none();
                self.add_yield_from(true);
            }
            ExprKind::Compare { left, ops, comparators } => self.compile_compare(left, ops, comparators)?,
            ExprKind::Call { func, args, keywords } => self.compile_call(e, func, args, keywords)?,
            ExprKind::Constant { value, .. } => self.load_const(to_constant(value)),
            ExprKind::JoinedStr { values } => self.compile_joined_str(values)?,
            ExprKind::FormattedValue { value, conversion, format_spec } => {
                self.visit_expr(value)?;
                let mut oparg = match *conversion {
                    c if c == 's' as i32 => 1,
                    c if c == 'r' as i32 => 2,
                    c if c == 'a' as i32 => 3,
                    _ => 0,
                };
                if let Some(spec) = format_spec {
                    self.visit_expr(spec)?;
                    oparg |= 4;
                }
                self.op_i(Opcode::FormatValue, oparg);
            }
            ExprKind::Attribute { value, attr, ctx } => {
                self.visit_expr(value)?;
                self.update_start_location_to_match_attr(e, attr);
                match ctx {
                    ExprContext::Load => self.op_name(Opcode::LoadAttr, attr),
                    ExprContext::Store => {
                        self.check_forbidden(attr, ExprContext::Store)?;
                        self.op_name(Opcode::StoreAttr, attr);
                    }
                    ExprContext::Del => self.op_name(Opcode::DeleteAttr, attr),
                }
            }
            ExprKind::Subscript { value, slice, ctx } => {
                self.visit_expr(value)?;
                self.visit_expr(slice)?;
                self.op(match ctx {
                    ExprContext::Load => Opcode::BinarySubscr,
                    ExprContext::Store => Opcode::StoreSubscr,
                    ExprContext::Del => Opcode::DeleteSubscr,
                });
            }
            ExprKind::Starred { ctx, .. } => {
                return Err(self.error(if *ctx == ExprContext::Store {
                    "starred assignment target must be in a list or tuple"
                } else {
                    "can't use starred expression here"
                }))
            }
            ExprKind::Slice { lower, upper, step } => {
                match lower {
                    Some(x) => self.visit_expr(x)?,
                    None => self.load_none(),
                }
                match upper {
                    Some(x) => self.visit_expr(x)?,
                    None => self.load_none(),
                }
                let mut n = 2;
                if let Some(x) = step {
                    self.visit_expr(x)?;
                    n = 3;
                }
                self.op_i(Opcode::BuildSlice, n);
            }
            ExprKind::Name { id, ctx } => self.nameop(id, *ctx)?,
            ExprKind::List { elts, ctx } | ExprKind::Tuple { elts, ctx } => {
                let tuple = matches!(e.kind, ExprKind::Tuple { .. });
                match ctx {
                    ExprContext::Store => self.assignment_helper(elts)?,
                    ExprContext::Load => {
                        self.starunpack_helper(elts, 0, if tuple { Collect::Tuple } else { Collect::List })?
                    }
                    ExprContext::Del => elts.iter().try_for_each(|x| self.visit_expr(x))?,
                }
            }
        }
        Ok(())
    }

    /// compiler_boolop
    fn compile_boolop(&mut self, op: ast::BoolOp, values: &'a [ast::Expr]) -> CResult {
        let jumpi = if op == ast::BoolOp::And { Opcode::JumpIfFalseOrPop } else { Opcode::JumpIfTrueOrPop };
        let end = self.new_block();
        let Some((last, init)) = values.split_last() else {
            return Ok(());
        };
        for v in init {
            self.visit_expr(v)?;
            self.jump_op(jumpi, end);
            let next = self.new_block();
            self.use_next_block(next);
        }
        self.visit_expr(last)?;
        self.use_next_block(end);
        Ok(())
    }

    /// starunpack_helper: build a list/tuple/set from items, some possibly starred.
    pub fn starunpack_helper(&mut self, elts: &'a [ast::Expr], pushed: u32, kind: Collect) -> CResult {
        let (build, add, extend) = match kind {
            Collect::Set => (Opcode::BuildSet, Opcode::SetAdd, Opcode::SetUpdate),
            Collect::List | Collect::Tuple => (Opcode::BuildList, Opcode::ListAppend, Opcode::ListExtend),
        };
        let tuple = kind == Collect::Tuple;
        let n = elts.len();
        if n > 2 && elts.iter().all(is_const) {
            let items: Vec<Constant> = elts.iter().filter_map(const_value).map(to_constant).collect();
            if tuple && pushed == 0 {
                self.load_const(Constant::Tuple(items.into()));
            } else {
                let folded = if kind == Collect::Set {
                    Constant::FrozenSet(crate::fold::frozenset_items(items).into())
                } else {
                    Constant::Tuple(items.into())
                };
                self.op_i(build, pushed);
                self.load_const(folded);
                self.op_i(extend, 1);
                if tuple {
                    self.op(Opcode::ListToTuple);
                }
            }
            return Ok(());
        }
        let big = n + pushed as usize > STACK_USE_GUIDELINE;
        let seen_star = elts.iter().any(|e| matches!(e.kind, ExprKind::Starred { .. }));
        if !seen_star && !big {
            for e in elts {
                self.visit_expr(e)?;
            }
            self.op_i(if tuple { Opcode::BuildTuple } else { build }, n as u32 + pushed);
            return Ok(());
        }
        let mut built = false;
        if big {
            self.op_i(build, pushed);
            built = true;
        }
        for (i, e) in elts.iter().enumerate() {
            if let ExprKind::Starred { value, .. } = &e.kind {
                if !built {
                    self.op_i(build, i as u32 + pushed);
                    built = true;
                }
                self.visit_expr(value)?;
                self.op_i(extend, 1);
            } else {
                self.visit_expr(e)?;
                if built {
                    self.op_i(add, 1);
                }
            }
        }
        if tuple {
            self.op(Opcode::ListToTuple);
        }
        Ok(())
    }

    /// unpack_helper + assignment_helper: UNPACK_SEQUENCE/UNPACK_EX then store each target.
    pub fn assignment_helper(&mut self, elts: &'a [ast::Expr]) -> CResult {
        let n = elts.len();
        let mut seen_star = false;
        for (i, e) in elts.iter().enumerate() {
            if matches!(e.kind, ExprKind::Starred { .. }) {
                if seen_star {
                    return Err(self.error("multiple starred expressions in assignment"));
                }
                if i >= 1 << 8 || n - i > (i32::MAX >> 8) as usize {
                    return Err(self.error("too many expressions in star-unpacking assignment"));
                }
                self.op_i(Opcode::UnpackEx, (i + ((n - i - 1) << 8)) as u32);
                seen_star = true;
            }
        }
        if !seen_star {
            self.op_i(Opcode::UnpackSequence, n as u32);
        }
        for e in elts {
            match &e.kind {
                ExprKind::Starred { value, .. } => self.visit_expr(value)?,
                _ => self.visit_expr(e)?,
            }
        }
        Ok(())
    }

    /// compiler_subdict: one run of `key: value` pairs.
    fn compile_subdict(&mut self, keys: &'a [Option<ast::Expr>], values: &'a [ast::Expr], begin: usize, end: usize) -> CResult {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        let all_const = keys[begin..end].iter().all(|k| k.as_ref().is_some_and(is_const));
        if n > 1 && !big && all_const {
            for v in &values[begin..end] {
                self.visit_expr(v)?;
            }
            let ks: Vec<Constant> =
                keys[begin..end].iter().flatten().filter_map(const_value).map(to_constant).collect();
            self.load_const(Constant::Tuple(ks.into()));
            self.op_i(Opcode::BuildConstKeyMap, n as u32);
            return Ok(());
        }
        if big {
            self.op_i(Opcode::BuildMap, 0);
        }
        for i in begin..end {
            if let Some(k) = &keys[i] {
                self.visit_expr(k)?;
            }
            self.visit_expr(&values[i])?;
            if big {
                self.op_i(Opcode::MapAdd, 1);
            }
        }
        if !big {
            self.op_i(Opcode::BuildMap, n as u32);
        }
        Ok(())
    }

    /// compiler_dict
    fn compile_dict(&mut self, keys: &'a [Option<ast::Expr>], values: &'a [ast::Expr]) -> CResult {
        let n = values.len().min(keys.len());
        let mut have_dict = false;
        let mut elements = 0;
        for i in 0..n {
            if keys[i].is_none() {
                if elements > 0 {
                    self.compile_subdict(keys, values, i - elements, i)?;
                    if have_dict {
                        self.op_i(Opcode::DictUpdate, 1);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.op_i(Opcode::BuildMap, 0);
                    have_dict = true;
                }
                self.visit_expr(&values[i])?;
                self.op_i(Opcode::DictUpdate, 1);
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.compile_subdict(keys, values, i - elements, i + 1)?;
                if have_dict {
                    self.op_i(Opcode::DictUpdate, 1);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.compile_subdict(keys, values, n - elements, n)?;
            if have_dict {
                self.op_i(Opcode::DictUpdate, 1);
            }
            have_dict = true;
        }
        if !have_dict {
            self.op_i(Opcode::BuildMap, 0);
        }
        Ok(())
    }

    /// compiler_joined_str
    fn compile_joined_str(&mut self, values: &'a [ast::Expr]) -> CResult {
        if values.len() > STACK_USE_GUIDELINE {
            self.load_const(Constant::Str(Rc::from("")));
            self.op_name(Opcode::LoadMethod, &Rc::from("join"));
            self.op_i(Opcode::BuildList, 0);
            for v in values {
                self.visit_expr(v)?;
                self.op_i(Opcode::ListAppend, 1);
            }
            self.op_i(Opcode::Precall, 1);
            self.op_i(Opcode::Call, 1);
        } else {
            for v in values {
                self.visit_expr(v)?;
            }
            if values.len() != 1 {
                self.op_i(Opcode::BuildString, values.len() as u32);
            }
        }
        Ok(())
    }
}
