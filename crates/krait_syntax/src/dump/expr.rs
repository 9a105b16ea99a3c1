//! `dump()` of expression nodes, operators and contexts.

use super::{repr, Dumper};
use crate::ast::*;
use std::fmt::Write as _;

impl Dumper {
    pub(super) fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::BoolOp { op, values } => {
                self.open("BoolOp");
                self.next("op");
                self.out.push_str(match op {
                    BoolOp::And => "And()",
                    BoolOp::Or => "Or()",
                });
                self.next("values");
                self.exprs(values);
            }
            ExprKind::NamedExpr { target, value } => {
                self.open("NamedExpr");
                self.opt_expr("target", Some(target));
                self.opt_expr("value", Some(value));
            }
            ExprKind::BinOp { left, op, right } => {
                self.open("BinOp");
                self.opt_expr("left", Some(left));
                self.next("op");
                self.operator(*op);
                self.opt_expr("right", Some(right));
            }
            ExprKind::UnaryOp { op, operand } => {
                self.open("UnaryOp");
                self.next("op");
                self.out.push_str(match op {
                    UnaryOp::Invert => "Invert()",
                    UnaryOp::Not => "Not()",
                    UnaryOp::UAdd => "UAdd()",
                    UnaryOp::USub => "USub()",
                });
                self.opt_expr("operand", Some(operand));
            }
            ExprKind::Lambda { args, body } => {
                self.open("Lambda");
                self.next("args");
                self.arguments(args);
                self.opt_expr("body", Some(body));
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.open("IfExp");
                self.opt_expr("test", Some(test));
                self.opt_expr("body", Some(body));
                self.opt_expr("orelse", Some(orelse));
            }
            ExprKind::Dict { keys, values } => {
                self.open("Dict");
                self.next("keys");
                self.list(keys, |d, k| match k {
                    Some(k) => d.expr(k),
                    None => d.out.push_str("None"),
                });
                self.next("values");
                self.exprs(values);
            }
            ExprKind::Set { elts } => {
                self.open("Set");
                self.next("elts");
                self.exprs(elts);
            }
            ExprKind::ListComp { elt, generators } => self.comp("ListComp", elt, generators),
            ExprKind::SetComp { elt, generators } => self.comp("SetComp", elt, generators),
            ExprKind::GeneratorExp { elt, generators } => self.comp("GeneratorExp", elt, generators),
            ExprKind::DictComp { key, value, generators } => {
                self.open("DictComp");
                self.opt_expr("key", Some(key));
                self.opt_expr("value", Some(value));
                self.generators(generators);
            }
            ExprKind::Await { value } => {
                self.open("Await");
                self.opt_expr("value", Some(value));
            }
            ExprKind::Yield { value } => {
                self.open("Yield");
                self.opt_expr("value", value.as_deref());
            }
            ExprKind::YieldFrom { value } => {
                self.open("YieldFrom");
                self.opt_expr("value", Some(value));
            }
            ExprKind::Compare { left, ops, comparators } => {
                self.open("Compare");
                self.opt_expr("left", Some(left));
                self.next("ops");
                self.list(ops, |d, op| d.out.push_str(cmpop(*op)));
                self.next("comparators");
                self.exprs(comparators);
            }
            ExprKind::Call { func, args, keywords } => {
                self.open("Call");
                self.opt_expr("func", Some(func));
                self.next("args");
                self.exprs(args);
                self.next("keywords");
                self.list(keywords, Self::keyword);
            }
            ExprKind::FormattedValue { value, conversion, format_spec } => {
                self.open("FormattedValue");
                self.opt_expr("value", Some(value));
                self.next("conversion");
                let _ = write!(self.out, "{conversion}");
                self.opt_expr("format_spec", format_spec.as_deref());
            }
            ExprKind::JoinedStr { values } => {
                self.open("JoinedStr");
                self.next("values");
                self.exprs(values);
            }
            ExprKind::Constant { value, kind } => {
                self.open("Constant");
                self.next("value");
                repr::constant(&mut self.out, value);
                self.opt_name("kind", kind.as_ref());
            }
            ExprKind::Attribute { value, attr, ctx } => {
                self.open("Attribute");
                self.opt_expr("value", Some(value));
                self.ident("attr", attr);
                self.ctx(*ctx);
            }
            ExprKind::Subscript { value, slice, ctx } => {
                self.open("Subscript");
                self.opt_expr("value", Some(value));
                self.opt_expr("slice", Some(slice));
                self.ctx(*ctx);
            }
            ExprKind::Starred { value, ctx } => {
                self.open("Starred");
                self.opt_expr("value", Some(value));
                self.ctx(*ctx);
            }
            ExprKind::Name { id, ctx } => {
                self.open("Name");
                self.ident("id", id);
                self.ctx(*ctx);
            }
            ExprKind::List { elts, ctx } | ExprKind::Tuple { elts, ctx } => {
                self.open(if matches!(e.kind, ExprKind::List { .. }) { "List" } else { "Tuple" });
                self.next("elts");
                self.exprs(elts);
                self.ctx(*ctx);
            }
            ExprKind::Slice { lower, upper, step } => {
                self.open("Slice");
                self.opt_expr("lower", lower.as_deref());
                self.opt_expr("upper", upper.as_deref());
                self.opt_expr("step", step.as_deref());
            }
        }
        self.close_loc(&e.loc);
    }

    fn comp(&mut self, name: &str, elt: &Expr, generators: &[Comprehension]) {
        self.open(name);
        self.opt_expr("elt", Some(elt));
        self.generators(generators);
    }

    fn generators(&mut self, generators: &[Comprehension]) {
        self.next("generators");
        self.list(generators, |d, g| {
            d.open("comprehension");
            d.opt_expr("target", Some(&g.target));
            d.opt_expr("iter", Some(&g.iter));
            d.next("ifs");
            d.exprs(&g.ifs);
            d.next("is_async");
            d.out.push(if g.is_async { '1' } else { '0' });
            d.out.push(')');
        });
    }

    fn ctx(&mut self, ctx: ExprContext) {
        self.next("ctx");
        self.out.push_str(match ctx {
            ExprContext::Load => "Load()",
            ExprContext::Store => "Store()",
            ExprContext::Del => "Del()",
        });
    }

    pub(super) fn operator(&mut self, op: Operator) {
        self.out.push_str(match op {
            Operator::Add => "Add()",
            Operator::Sub => "Sub()",
            Operator::Mult => "Mult()",
            Operator::MatMult => "MatMult()",
            Operator::Div => "Div()",
            Operator::Mod => "Mod()",
            Operator::Pow => "Pow()",
            Operator::LShift => "LShift()",
            Operator::RShift => "RShift()",
            Operator::BitOr => "BitOr()",
            Operator::BitXor => "BitXor()",
            Operator::BitAnd => "BitAnd()",
            Operator::FloorDiv => "FloorDiv()",
        });
    }
}

fn cmpop(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "Eq()",
        CmpOp::NotEq => "NotEq()",
        CmpOp::Lt => "Lt()",
        CmpOp::LtE => "LtE()",
        CmpOp::Gt => "Gt()",
        CmpOp::GtE => "GtE()",
        CmpOp::Is => "Is()",
        CmpOp::IsNot => "IsNot()",
        CmpOp::In => "In()",
        CmpOp::NotIn => "NotIn()",
    }
}
