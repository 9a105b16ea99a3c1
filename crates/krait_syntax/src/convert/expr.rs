//! Expressions: ruff `Expr` → CPython `ast.expr`, plus operators, keywords and comprehensions.

use super::{ctx, Converter};
use crate::ast::*;
use ruff_python_ast as r;
use ruff_text_size::Ranged;

impl Converter<'_> {
    pub(crate) fn exprs(&mut self, es: &[r::Expr]) -> Vec<Expr> {
        es.iter().map(|e| self.expr(e)).collect()
    }

    pub(crate) fn bexpr(&mut self, e: &r::Expr) -> Box<Expr> {
        Box::new(self.expr(e))
    }

    pub(crate) fn expr(&mut self, e: &r::Expr) -> Expr {
        let loc = self.loc(e.range());
        let kind = match e {
            r::Expr::BoolOp(x) => ExprKind::BoolOp {
                op: match x.op {
                    r::BoolOp::And => BoolOp::And,
                    r::BoolOp::Or => BoolOp::Or,
                },
                values: self.exprs(&x.values),
            },
            r::Expr::Named(x) => {
                ExprKind::NamedExpr { target: self.bexpr(&x.target), value: self.bexpr(&x.value) }
            }
            r::Expr::BinOp(x) => ExprKind::BinOp {
                left: self.bexpr(&x.left),
                op: operator(x.op),
                right: self.bexpr(&x.right),
            },
            r::Expr::UnaryOp(x) => ExprKind::UnaryOp {
                op: match x.op {
                    r::UnaryOp::Invert => UnaryOp::Invert,
                    r::UnaryOp::Not => UnaryOp::Not,
                    r::UnaryOp::UAdd => UnaryOp::UAdd,
                    r::UnaryOp::USub => UnaryOp::USub,
                },
                operand: self.bexpr(&x.operand),
            },
            r::Expr::Lambda(x) => ExprKind::Lambda {
                args: Box::new(self.parameters(x.parameters.as_deref())),
                body: self.bexpr(&x.body),
            },
            r::Expr::If(x) => ExprKind::IfExp {
                test: self.bexpr(&x.test),
                body: self.bexpr(&x.body),
                orelse: self.bexpr(&x.orelse),
            },
            r::Expr::Dict(x) => {
                let mut keys = Vec::with_capacity(x.items.len());
                let mut values = Vec::with_capacity(x.items.len());
                for item in &x.items {
                    keys.push(item.key.as_ref().map(|k| self.expr(k)));
                    values.push(self.expr(&item.value));
                }
                ExprKind::Dict { keys, values }
            }
            r::Expr::Set(x) => ExprKind::Set { elts: self.exprs(&x.elts) },
            r::Expr::ListComp(x) => {
                ExprKind::ListComp { elt: self.bexpr(&x.elt), generators: self.comprehensions(&x.generators) }
            }
            r::Expr::SetComp(x) => {
                ExprKind::SetComp { elt: self.bexpr(&x.elt), generators: self.comprehensions(&x.generators) }
            }
            r::Expr::DictComp(x) => ExprKind::DictComp {
                // A missing key (`{**d for ...}`) is 3.15 syntax, rejected before conversion.
                key: match x.key.as_deref() {
                    Some(k) => self.bexpr(k),
                    None => self.bexpr(&x.value),
                },
                value: self.bexpr(&x.value),
                generators: self.comprehensions(&x.generators),
            },
            r::Expr::Generator(x) => ExprKind::GeneratorExp {
                elt: self.bexpr(&x.elt),
                generators: self.comprehensions(&x.generators),
            },
            r::Expr::Await(x) => ExprKind::Await { value: self.bexpr(&x.value) },
            r::Expr::Yield(x) => ExprKind::Yield { value: x.value.as_deref().map(|v| self.bexpr(v)) },
            r::Expr::YieldFrom(x) => ExprKind::YieldFrom { value: self.bexpr(&x.value) },
            r::Expr::Compare(x) => ExprKind::Compare {
                left: self.bexpr(&x.left),
                ops: x.ops.iter().map(|&o| cmpop(o)).collect(),
                comparators: self.exprs(&x.comparators),
            },
            r::Expr::Call(x) => {
                let mut args = self.exprs(&x.arguments.args);
                // A lone generator argument `f(x for x in y)` spans the call's parentheses.
                if let ([arg], [r::Expr::Generator(g)]) = (args.as_mut_slice(), &*x.arguments.args) {
                    if !g.parenthesized {
                        arg.loc = self.loc(x.arguments.range);
                    }
                }
                ExprKind::Call { func: self.bexpr(&x.func), args, keywords: self.keywords(&x.arguments.keywords) }
            }
            r::Expr::FString(x) => return self.fstring_expr(x),
            r::Expr::StringLiteral(x) => ExprKind::Constant {
                value: ConstantValue::Str(self.string_literal(&x.value)),
                kind: x.value.is_unicode().then(|| "u".into()),
            },
            r::Expr::BytesLiteral(x) => {
                let bytes: Vec<u8> = x.value.bytes().collect();
                ExprKind::Constant { value: ConstantValue::Bytes(bytes.into()), kind: None }
            }
            r::Expr::NumberLiteral(x) => {
                ExprKind::Constant { value: self.number(&x.value, x.range), kind: None }
            }
            r::Expr::BooleanLiteral(x) => ExprKind::Constant { value: ConstantValue::Bool(x.value), kind: None },
            r::Expr::NoneLiteral(_) => ExprKind::Constant { value: ConstantValue::None, kind: None },
            r::Expr::EllipsisLiteral(_) => ExprKind::Constant { value: ConstantValue::Ellipsis, kind: None },
            r::Expr::Attribute(x) => ExprKind::Attribute {
                value: self.bexpr(&x.value),
                attr: self.ident(&x.attr),
                ctx: ctx(x.ctx),
            },
            r::Expr::Subscript(x) => ExprKind::Subscript {
                value: self.bexpr(&x.value),
                slice: self.bexpr(&x.slice),
                ctx: ctx(x.ctx),
            },
            r::Expr::Starred(x) => ExprKind::Starred { value: self.bexpr(&x.value), ctx: ctx(x.ctx) },
            r::Expr::Name(x) => ExprKind::Name { id: self.name(x.id.as_str()), ctx: ctx(x.ctx) },
            r::Expr::List(x) => ExprKind::List { elts: self.exprs(&x.elts), ctx: ctx(x.ctx) },
            r::Expr::Tuple(x) => ExprKind::Tuple { elts: self.exprs(&x.elts), ctx: ctx(x.ctx) },
            r::Expr::Slice(x) => ExprKind::Slice {
                lower: x.lower.as_deref().map(|v| self.bexpr(v)),
                upper: x.upper.as_deref().map(|v| self.bexpr(v)),
                step: x.step.as_deref().map(|v| self.bexpr(v)),
            },
            // t-strings (3.14) and IPython escapes are rejected before conversion.
            r::Expr::TString(_) | r::Expr::IpyEscapeCommand(_) => {
                ExprKind::Constant { value: ConstantValue::None, kind: None }
            }
        };
        Expr { loc, kind }
    }

    pub(crate) fn keywords(&mut self, kws: &[r::Keyword]) -> Vec<Keyword> {
        kws.iter()
            .map(|k| Keyword { loc: self.loc(k.range), arg: k.arg.as_ref().map(|n| self.ident(n)), value: self.expr(&k.value) })
            .collect()
    }

    fn comprehensions(&mut self, gens: &[r::Comprehension]) -> Vec<Comprehension> {
        gens.iter()
            .map(|g| Comprehension {
                target: self.expr(&g.target),
                iter: self.expr(&g.iter),
                ifs: self.exprs(&g.ifs),
                is_async: g.is_async,
            })
            .collect()
    }
}

pub(crate) fn operator(op: r::Operator) -> Operator {
    match op {
        r::Operator::Add => Operator::Add,
        r::Operator::Sub => Operator::Sub,
        r::Operator::Mult => Operator::Mult,
        r::Operator::MatMult => Operator::MatMult,
        r::Operator::Div => Operator::Div,
        r::Operator::Mod => Operator::Mod,
        r::Operator::Pow => Operator::Pow,
        r::Operator::LShift => Operator::LShift,
        r::Operator::RShift => Operator::RShift,
        r::Operator::BitOr => Operator::BitOr,
        r::Operator::BitXor => Operator::BitXor,
        r::Operator::BitAnd => Operator::BitAnd,
        r::Operator::FloorDiv => Operator::FloorDiv,
    }
}

fn cmpop(op: r::CmpOp) -> CmpOp {
    match op {
        r::CmpOp::Eq => CmpOp::Eq,
        r::CmpOp::NotEq => CmpOp::NotEq,
        r::CmpOp::Lt => CmpOp::Lt,
        r::CmpOp::LtE => CmpOp::LtE,
        r::CmpOp::Gt => CmpOp::Gt,
        r::CmpOp::GtE => CmpOp::GtE,
        r::CmpOp::Is => CmpOp::Is,
        r::CmpOp::IsNot => CmpOp::IsNot,
        r::CmpOp::In => CmpOp::In,
        r::CmpOp::NotIn => CmpOp::NotIn,
    }
}
