//! The field-less node types (operators and contexts) and their class names, both ways.

use krait_syntax::ast::{BoolOp, CmpOp, ExprContext, Operator, UnaryOp};

pub const CONTEXTS: &[(&str, ExprContext)] = &[("Load", ExprContext::Load), ("Store", ExprContext::Store), ("Del", ExprContext::Del)];

pub const BOOLOPS: &[(&str, BoolOp)] = &[("And", BoolOp::And), ("Or", BoolOp::Or)];

pub const OPERATORS: &[(&str, Operator)] = &[
    ("Add", Operator::Add),
    ("Sub", Operator::Sub),
    ("Mult", Operator::Mult),
    ("MatMult", Operator::MatMult),
    ("Div", Operator::Div),
    ("Mod", Operator::Mod),
    ("Pow", Operator::Pow),
    ("LShift", Operator::LShift),
    ("RShift", Operator::RShift),
    ("BitOr", Operator::BitOr),
    ("BitXor", Operator::BitXor),
    ("BitAnd", Operator::BitAnd),
    ("FloorDiv", Operator::FloorDiv),
];

pub const UNARYOPS: &[(&str, UnaryOp)] = &[("Invert", UnaryOp::Invert), ("Not", UnaryOp::Not), ("UAdd", UnaryOp::UAdd), ("USub", UnaryOp::USub)];

pub const CMPOPS: &[(&str, CmpOp)] = &[
    ("Eq", CmpOp::Eq),
    ("NotEq", CmpOp::NotEq),
    ("Lt", CmpOp::Lt),
    ("LtE", CmpOp::LtE),
    ("Gt", CmpOp::Gt),
    ("GtE", CmpOp::GtE),
    ("Is", CmpOp::Is),
    ("IsNot", CmpOp::IsNot),
    ("In", CmpOp::In),
    ("NotIn", CmpOp::NotIn),
];

/// The class name of `v` in `table`.
pub fn name_of<T: PartialEq + Copy>(table: &[(&'static str, T)], v: T) -> &'static str {
    table.iter().find(|(_, x)| *x == v).map_or("", |(n, _)| n)
}

pub fn operator_name(op: Operator) -> &'static str {
    name_of(OPERATORS, op)
}

pub fn unaryop_name(op: UnaryOp) -> &'static str {
    name_of(UNARYOPS, op)
}

pub fn cmpop_name(op: CmpOp) -> &'static str {
    name_of(CMPOPS, op)
}

/// Every field-less constructor: ast2obj gives one shared instance of each.
pub fn singleton_names() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = CONTEXTS.iter().map(|(n, _)| *n).collect();
    out.extend(BOOLOPS.iter().map(|(n, _)| *n));
    out.extend(OPERATORS.iter().map(|(n, _)| *n));
    out.extend(UNARYOPS.iter().map(|(n, _)| *n));
    out.extend(CMPOPS.iter().map(|(n, _)| *n));
    out
}
