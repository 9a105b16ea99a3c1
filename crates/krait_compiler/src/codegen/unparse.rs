//! Expression → source text (CPython's `Python/ast_unparse.c`), used for annotations under
//! `from __future__ import annotations`.

use krait_syntax::ast::{BoolOp, CmpOp, Comprehension, ConstantValue, Expr, ExprKind, Keyword, Operator, UnaryOp};
use std::fmt::Write;

// Precedence levels (ast_unparse.c `PR_*`).
const PR_TUPLE: u8 = 0;
const PR_TEST: u8 = 1;
const PR_OR: u8 = 2;
const PR_AND: u8 = 3;
const PR_NOT: u8 = 4;
const PR_CMP: u8 = 5;
const PR_BOR: u8 = 6;
const PR_BXOR: u8 = 7;
const PR_BAND: u8 = 8;
const PR_SHIFT: u8 = 9;
const PR_ARITH: u8 = 10;
const PR_TERM: u8 = 11;
const PR_FACTOR: u8 = 12;
const PR_POWER: u8 = 13;
const PR_AWAIT: u8 = 14;
const PR_ATOM: u8 = 15;

/// `_PyAST_ExprAsUnicode`; None for constructs this unparser does not render (f-strings).
pub(crate) fn expr_as_str(e: &Expr) -> Option<String> {
    let mut out = String::new();
    expr(&mut out, e, PR_TEST)?;
    Some(out)
}

/// The source text of an expression (fallback for what [`expr_as_str`] does not render).
pub(crate) fn source_text(source: &str, e: &Expr) -> String {
    let line_start = |line: u32| -> Option<usize> {
        if line == 0 {
            return None;
        }
        let mut off = 0;
        for (i, l) in source.split_inclusive('\n').enumerate() {
            if i + 1 == line as usize {
                return Some(off);
            }
            off += l.len();
        }
        None
    };
    let (Some(a), Some(b)) = (line_start(e.loc.lineno), line_start(e.loc.end_lineno)) else {
        return String::new();
    };
    let start = a + e.loc.col_offset as usize;
    let end = b + e.loc.end_col_offset as usize;
    source.get(start..end).unwrap_or_default().to_string()
}

/// Python's `repr` of a str.
pub(crate) fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::new();
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || (0x7f..0xa0).contains(&(c as u32)) => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

fn constant(out: &mut String, v: &ConstantValue) -> Option<()> {
    match v {
        ConstantValue::Ellipsis => out.push_str("..."),
        ConstantValue::Str(s) => out.push_str(&str_repr(s)),
        ConstantValue::Tuple(items) => {
            out.push('(');
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                constant(out, x)?;
            }
            if items.len() == 1 {
                out.push(',');
            }
            out.push(')');
        }
        ConstantValue::Float(_) | ConstantValue::Complex { .. } | ConstantValue::FrozenSet(_) => return None,
        other => out.push_str(&crate::fold::const_repr(other)),
    }
    Some(())
}

fn seq(out: &mut String, es: &[Expr], level: u8) -> Option<()> {
    for (i, e) in es.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        expr(out, e, level)?;
    }
    Some(())
}

fn comprehensions(out: &mut String, gens: &[Comprehension]) -> Option<()> {
    for g in gens {
        out.push_str(if g.is_async { " async for " } else { " for " });
        expr(out, &g.target, PR_TUPLE)?;
        out.push_str(" in ");
        expr(out, &g.iter, PR_TEST + 1)?;
        for c in &g.ifs {
            out.push_str(" if ");
            expr(out, c, PR_TEST + 1)?;
        }
    }
    Some(())
}

fn call_args(out: &mut String, args: &[Expr], keywords: &[Keyword]) -> Option<()> {
    if let ([only], []) = (args, keywords) {
        if let ExprKind::GeneratorExp { elt, generators } = &only.kind {
            expr(out, elt, PR_TEST)?;
            return comprehensions(out, generators);
        }
    }
    seq(out, args, PR_TEST)?;
    for (i, k) in keywords.iter().enumerate() {
        if i > 0 || !args.is_empty() {
            out.push_str(", ");
        }
        match &k.arg {
            Some(a) => {
                out.push_str(a);
                out.push('=');
            }
            None => out.push_str("**"),
        }
        expr(out, &k.value, PR_TEST)?;
    }
    Some(())
}

fn paren(out: &mut String, cond: bool, f: impl FnOnce(&mut String) -> Option<()>) -> Option<()> {
    if cond {
        out.push('(');
    }
    f(out)?;
    if cond {
        out.push(')');
    }
    Some(())
}

fn binop_info(op: Operator) -> (&'static str, u8) {
    match op {
        Operator::Add => (" + ", PR_ARITH),
        Operator::Sub => (" - ", PR_ARITH),
        Operator::Mult => (" * ", PR_TERM),
        Operator::MatMult => (" @ ", PR_TERM),
        Operator::Div => (" / ", PR_TERM),
        Operator::Mod => (" % ", PR_TERM),
        Operator::FloorDiv => (" // ", PR_TERM),
        Operator::LShift => (" << ", PR_SHIFT),
        Operator::RShift => (" >> ", PR_SHIFT),
        Operator::BitOr => (" | ", PR_BOR),
        Operator::BitXor => (" ^ ", PR_BXOR),
        Operator::BitAnd => (" & ", PR_BAND),
        Operator::Pow => (" ** ", PR_POWER),
    }
}

fn cmp_str(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => " == ",
        CmpOp::NotEq => " != ",
        CmpOp::Lt => " < ",
        CmpOp::LtE => " <= ",
        CmpOp::Gt => " > ",
        CmpOp::GtE => " >= ",
        CmpOp::Is => " is ",
        CmpOp::IsNot => " is not ",
        CmpOp::In => " in ",
        CmpOp::NotIn => " not in ",
    }
}

fn expr(out: &mut String, e: &Expr, level: u8) -> Option<()> {
    match &e.kind {
        ExprKind::BoolOp { op, values } => {
            let (s, pr) = if *op == BoolOp::And { (" and ", PR_AND) } else { (" or ", PR_OR) };
            paren(out, level > pr, |out| {
                for (i, v) in values.iter().enumerate() {
                    if i > 0 {
                        out.push_str(s);
                    }
                    expr(out, v, pr + 1)?;
                }
                Some(())
            })
        }
        ExprKind::BinOp { left, op, right } => {
            let (s, pr) = binop_info(*op);
            let rassoc = u8::from(*op == Operator::Pow);
            paren(out, level > pr, |out| {
                expr(out, left, pr + rassoc)?;
                out.push_str(s);
                expr(out, right, pr + 1 - rassoc)
            })
        }
        ExprKind::UnaryOp { op, operand } => {
            let (s, pr) = match op {
                UnaryOp::Invert => ("~", PR_FACTOR),
                UnaryOp::Not => ("not ", PR_NOT),
                UnaryOp::UAdd => ("+", PR_FACTOR),
                UnaryOp::USub => ("-", PR_FACTOR),
            };
            paren(out, level > pr, |out| {
                out.push_str(s);
                expr(out, operand, pr)
            })
        }
        ExprKind::IfExp { test, body, orelse } => paren(out, level > PR_TEST, |out| {
            expr(out, body, PR_TEST + 1)?;
            out.push_str(" if ");
            expr(out, test, PR_TEST + 1)?;
            out.push_str(" else ");
            expr(out, orelse, PR_TEST)
        }),
        ExprKind::Dict { keys, values } => {
            out.push('{');
            for (i, (k, v)) in keys.iter().zip(values).enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match k {
                    Some(k) => {
                        expr(out, k, PR_TEST)?;
                        out.push_str(": ");
                        expr(out, v, PR_TEST)?;
                    }
                    None => {
                        out.push_str("**");
                        expr(out, v, PR_BOR)?;
                    }
                }
            }
            out.push('}');
            Some(())
        }
        ExprKind::Set { elts } if elts.is_empty() => {
            out.push_str("{*()}");
            Some(())
        }
        ExprKind::Set { elts } => {
            out.push('{');
            seq(out, elts, PR_TEST)?;
            out.push('}');
            Some(())
        }
        ExprKind::List { elts, .. } => {
            out.push('[');
            seq(out, elts, PR_TEST)?;
            out.push(']');
            Some(())
        }
        ExprKind::Tuple { elts, .. } => {
            if elts.is_empty() {
                out.push_str("()");
                return Some(());
            }
            paren(out, level > PR_TUPLE, |out| {
                seq(out, elts, PR_TEST)?;
                if elts.len() == 1 {
                    out.push(',');
                }
                Some(())
            })
        }
        ExprKind::ListComp { elt, generators } | ExprKind::SetComp { elt, generators } => {
            let (open, close) = if matches!(e.kind, ExprKind::ListComp { .. }) { ('[', ']') } else { ('{', '}') };
            out.push(open);
            expr(out, elt, PR_TEST)?;
            comprehensions(out, generators)?;
            out.push(close);
            Some(())
        }
        ExprKind::GeneratorExp { elt, generators } => {
            out.push('(');
            expr(out, elt, PR_TEST)?;
            comprehensions(out, generators)?;
            out.push(')');
            Some(())
        }
        ExprKind::DictComp { key, value, generators } => {
            out.push('{');
            expr(out, key, PR_TEST)?;
            out.push_str(": ");
            expr(out, value, PR_TEST)?;
            comprehensions(out, generators)?;
            out.push('}');
            Some(())
        }
        ExprKind::Compare { left, ops, comparators } => paren(out, level > PR_CMP, |out| {
            expr(out, left, PR_CMP + 1)?;
            for (op, c) in ops.iter().zip(comparators) {
                out.push_str(cmp_str(*op));
                expr(out, c, PR_CMP + 1)?;
            }
            Some(())
        }),
        ExprKind::Call { func, args, keywords } => {
            expr(out, func, PR_ATOM)?;
            out.push('(');
            call_args(out, args, keywords)?;
            out.push(')');
            Some(())
        }
        ExprKind::Constant { value, .. } => constant(out, value),
        ExprKind::Attribute { value, attr, .. } => {
            expr(out, value, PR_ATOM)?;
            let int_base = matches!(&value.kind, ExprKind::Constant { value: ConstantValue::Int(_), .. });
            out.push_str(if int_base { " ." } else { "." });
            out.push_str(attr);
            Some(())
        }
        ExprKind::Subscript { value, slice, .. } => {
            expr(out, value, PR_ATOM)?;
            out.push('[');
            match &slice.kind {
                ExprKind::Tuple { elts, .. } if !elts.is_empty() => {
                    seq(out, elts, PR_TEST)?;
                    if elts.len() == 1 {
                        out.push(',');
                    }
                }
                _ => expr(out, slice, PR_TUPLE)?,
            }
            out.push(']');
            Some(())
        }
        ExprKind::Starred { value, .. } => {
            out.push('*');
            expr(out, value, PR_BOR)
        }
        ExprKind::Name { id, .. } => {
            out.push_str(id);
            Some(())
        }
        ExprKind::Slice { lower, upper, step } => {
            if let Some(l) = lower {
                expr(out, l, PR_TEST)?;
            }
            out.push(':');
            if let Some(u) = upper {
                expr(out, u, PR_TEST)?;
            }
            if let Some(s) = step {
                out.push(':');
                expr(out, s, PR_TEST)?;
            }
            Some(())
        }
        ExprKind::Await { value } => paren(out, level > PR_AWAIT, |out| {
            out.push_str("await ");
            expr(out, value, PR_ATOM)
        }),
        ExprKind::NamedExpr { target, value } => paren(out, level > PR_TUPLE, |out| {
            expr(out, target, PR_ATOM)?;
            out.push_str(" := ");
            expr(out, value, PR_ATOM)
        }),
        ExprKind::Lambda { .. }
        | ExprKind::Yield { .. }
        | ExprKind::YieldFrom { .. }
        | ExprKind::JoinedStr { .. }
        | ExprKind::FormattedValue { .. } => None,
    }
}
