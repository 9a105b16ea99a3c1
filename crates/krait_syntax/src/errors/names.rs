//! Looking up expressions in ruff's (error-recovered) tree, and CPython's names for them
//! (pegen.c `_PyPegen_get_expr_name`).

use ruff_python_ast::visitor::{walk_expr, Visitor};
use ruff_python_ast::{Expr, Mod};
use ruff_text_size::{Ranged, TextRange};

/// The outermost expression whose range is exactly `range`.
pub(super) fn find_expr(m: &Mod, range: TextRange) -> Option<&Expr> {
    struct Finder<'a> {
        range: TextRange,
        found: Option<&'a Expr>,
    }
    impl<'a> Visitor<'a> for Finder<'a> {
        fn visit_expr(&mut self, expr: &'a Expr) {
            if self.found.is_some() {
                return;
            }
            if expr.range() == self.range {
                self.found = Some(expr);
            } else if expr.range().contains_range(self.range) {
                walk_expr(self, expr);
            }
        }
    }
    let mut f = Finder { range, found: None };
    match m {
        Mod::Module(m) => f.visit_body(&m.body),
        Mod::Expression(e) => f.visit_expr(&e.body),
    }
    f.found
}

/// The invalid part of an assignment target (pegen.c `_PyPegen_get_invalid_target`): the
/// first element of a tuple/list/starred target that cannot be assigned to.
pub(super) fn invalid_target(e: &Expr) -> Option<&Expr> {
    match e {
        Expr::Name(_) | Expr::Attribute(_) | Expr::Subscript(_) => None,
        Expr::Tuple(t) => t.elts.iter().find_map(invalid_target),
        Expr::List(l) => l.elts.iter().find_map(invalid_target),
        Expr::Starred(s) => invalid_target(&s.value),
        other => Some(other),
    }
}

/// CPython's name for an expression kind in "cannot assign to %s" messages.
pub(super) fn expr_name(e: &Expr) -> &'static str {
    match e {
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Starred(_) => "starred",
        Expr::Name(_) => "name",
        Expr::List(_) => "list",
        Expr::Tuple(_) => "tuple",
        Expr::Lambda(_) => "lambda",
        Expr::Call(_) => "function call",
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::Generator(_) => "generator expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Await(_) => "await expression",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::FString(_) | Expr::TString(_) => "f-string expression",
        Expr::NoneLiteral(_) => "None",
        Expr::BooleanLiteral(b) => {
            if b.value {
                "True"
            } else {
                "False"
            }
        }
        Expr::EllipsisLiteral(_) => "ellipsis",
        Expr::StringLiteral(_) | Expr::BytesLiteral(_) | Expr::NumberLiteral(_) => "literal",
        Expr::Compare(_) => "comparison",
        Expr::If(_) => "conditional expression",
        Expr::Named(_) => "named expression",
        Expr::Slice(_) | Expr::IpyEscapeCommand(_) => "expression",
    }
}
