//! _PyAST_Validate: the checks CPython makes on a tree given to `compile()` before
//! compiling it (contexts, empty bodies, argument shapes, patterns), with its messages.

use crate::vm::{PyResult, Vm};
use krait_syntax::ast::*;
use krait_syntax::Parsed;

use super::from_py::{invalid_constant_type, is_none_item};

/// Validate a converted tree; ValueError/TypeError as CPython's validator raises them.
pub fn validate(vm: &mut Vm, p: &Parsed) -> PyResult<()> {
    let r = match p {
        Parsed::Module(m) => stmts(&m.body),
        Parsed::Interactive(i) => stmts(&i.body),
        Parsed::Expression(e) => expr(&e.body, ExprContext::Load),
    };
    r.map_err(|msg| match msg.strip_prefix(TYPE_ERROR) {
        Some(m) => vm.new_type_error(m),
        None => vm.new_value_error(msg),
    })
}

/// The message of a ValueError, or of a TypeError when it starts with [`TYPE_ERROR`].
type V = Result<(), String>;

const TYPE_ERROR: &str = "TypeError: ";

fn ctx_name(c: ExprContext) -> &'static str {
    match c {
        ExprContext::Load => "Load",
        ExprContext::Store => "Store",
        ExprContext::Del => "Del",
    }
}

fn nonempty<T>(seq: &[T], what: &str, owner: &str) -> V {
    if seq.is_empty() {
        return Err(format!("empty {what} on {owner}"));
    }
    Ok(())
}

fn body(b: &[Stmt], owner: &str) -> V {
    nonempty(b, "body", owner)?;
    stmts(b)
}

fn stmts(b: &[Stmt]) -> V {
    b.iter().try_for_each(stmt)
}

fn exprs(es: &[Expr], ctx: ExprContext) -> V {
    es.iter().try_for_each(|e| expr(e, ctx))
}

fn opt(e: Option<&Expr>) -> V {
    e.map_or(Ok(()), |e| expr(e, ExprContext::Load))
}

fn load(e: &Expr) -> V {
    expr(e, ExprContext::Load)
}

fn stmt(s: &Stmt) -> V {
    use ExprContext::{Del, Load, Store};
    if is_none_item(&s.loc) {
        return Err("None disallowed in statement list".into());
    }
    loc(&s.loc)?;
    match &s.kind {
        StmtKind::FunctionDef(f) | StmtKind::AsyncFunctionDef(f) => {
            body(&f.body, if matches!(s.kind, StmtKind::FunctionDef(_)) { "FunctionDef" } else { "AsyncFunctionDef" })?;
            arguments(&f.args)?;
            exprs(&f.decorator_list, Load)?;
            opt(f.returns.as_deref())
        }
        StmtKind::ClassDef(c) => {
            body(&c.body, "ClassDef")?;
            exprs(&c.bases, Load)?;
            c.keywords.iter().try_for_each(|k| load(&k.value))?;
            exprs(&c.decorator_list, Load)
        }
        StmtKind::Return { value } => opt(value.as_deref()),
        StmtKind::Delete { targets } => {
            nonempty(targets, "targets", "Delete")?;
            exprs(targets, Del)
        }
        StmtKind::Assign { targets, value } => {
            nonempty(targets, "targets", "Assign")?;
            exprs(targets, Store)?;
            load(value)
        }
        StmtKind::AugAssign { target, value, .. } => {
            expr(target, Store)?;
            load(value)
        }
        StmtKind::AnnAssign { target, annotation, value, simple } => {
            if *simple && !matches!(target.kind, ExprKind::Name { .. }) {
                return Err(format!("{TYPE_ERROR}AnnAssign with simple non-Name target"));
            }
            expr(target, Store)?;
            opt(value.as_deref())?;
            load(annotation)
        }
        StmtKind::For(f) | StmtKind::AsyncFor(f) => {
            expr(&f.target, Store)?;
            load(&f.iter)?;
            body(&f.body, if matches!(s.kind, StmtKind::For(_)) { "For" } else { "AsyncFor" })?;
            stmts(&f.orelse)
        }
        StmtKind::While { test, body: b, orelse } | StmtKind::If { test, body: b, orelse } => {
            load(test)?;
            body(b, if matches!(s.kind, StmtKind::While { .. }) { "While" } else { "If" })?;
            stmts(orelse)
        }
        StmtKind::With(w) | StmtKind::AsyncWith(w) => {
            let owner = if matches!(s.kind, StmtKind::With(_)) { "With" } else { "AsyncWith" };
            nonempty(&w.items, "items", owner)?;
            for item in &w.items {
                load(&item.context_expr)?;
                if let Some(v) = &item.optional_vars {
                    expr(v, Store)?;
                }
            }
            body(&w.body, owner)
        }
        StmtKind::Match { subject, cases } => {
            load(subject)?;
            nonempty(cases, "cases", "Match")?;
            for c in cases {
                pattern(&c.pattern, false)?;
                opt(c.guard.as_deref())?;
                body(&c.body, "match_case")?;
            }
            Ok(())
        }
        StmtKind::Raise { exc, cause } => match exc {
            Some(e) => {
                load(e)?;
                opt(cause.as_deref())
            }
            None if cause.is_some() => Err("Raise with cause but no exception".into()),
            None => Ok(()),
        },
        StmtKind::Try(t) | StmtKind::TryStar(t) => {
            let owner = if matches!(s.kind, StmtKind::Try(_)) { "Try" } else { "TryStar" };
            body(&t.body, owner)?;
            if t.handlers.is_empty() && t.finalbody.is_empty() {
                return Err(format!("{owner} has neither except handlers nor finalbody"));
            }
            if t.handlers.is_empty() && !t.orelse.is_empty() {
                return Err(format!("{owner} has orelse but no except handlers"));
            }
            for h in &t.handlers {
                opt(h.type_.as_deref())?;
                body(&h.body, "ExceptHandler")?;
            }
            stmts(&t.finalbody)?;
            stmts(&t.orelse)
        }
        StmtKind::Assert { test, msg } => {
            load(test)?;
            opt(msg.as_deref())
        }
        StmtKind::Import { names } => nonempty(names, "names", "Import"),
        StmtKind::ImportFrom { names, .. } => nonempty(names, "names", "ImportFrom"),
        StmtKind::Global { names } => nonempty(names, "names", "Global"),
        StmtKind::Nonlocal { names } => nonempty(names, "names", "Nonlocal"),
        StmtKind::Expr { value } => load(value),
        StmtKind::Pass | StmtKind::Break | StmtKind::Continue => Ok(()),
    }
}

/// VALIDATE_POSITIONS: the start of a node must not come after its end (negative lines and
/// columns mean "no position").
pub fn positions(l: i64, c: i64, el: i64, ec: i64) -> V {
    if l > el {
        return Err(format!("AST node line range ({l}, {el}) is not valid"));
    }
    if (l < 0 && el != l) || (c < 0 && c != ec) {
        return Err(format!("AST node column range ({c}, {ec}) for line range ({l}, {el}) is not valid"));
    }
    if l == el && c > ec {
        return Err(format!("line {l}, column {c}-{ec} is not a valid range"));
    }
    Ok(())
}

/// VALIDATE_POSITIONS on a node's location (which holds invalid negative positions as
/// their 32-bit patterns: see `FromPy::checked_loc`).
fn loc(l: &Loc) -> V {
    let p = |v: u32| i64::from(v as i32);
    positions(p(l.lineno), p(l.col_offset), p(l.end_lineno), p(l.end_col_offset))
}

fn arguments(a: &Arguments) -> V {
    // validate_args: positions and annotations (`*args`/`**kw` get only the annotation).
    let annotations = |args: &[Arg]| {
        args.iter().try_for_each(|a| {
            loc(&a.loc)?;
            opt(a.annotation.as_deref())
        })
    };
    annotations(&a.posonlyargs)?;
    annotations(&a.args)?;
    if let Some(v) = &a.vararg {
        opt(v.annotation.as_deref())?;
    }
    annotations(&a.kwonlyargs)?;
    if let Some(k) = &a.kwarg {
        opt(k.annotation.as_deref())?;
    }
    if a.defaults.len() > a.posonlyargs.len() + a.args.len() {
        return Err("more positional defaults than args on arguments".into());
    }
    if a.kw_defaults.len() != a.kwonlyargs.len() {
        return Err("length of kwonlyargs is not the same as kw_defaults on arguments".into());
    }
    exprs(&a.defaults, ExprContext::Load)?;
    a.kw_defaults.iter().try_for_each(|d| opt(d.as_ref()))
}

/// validate_name: `None`, `True` and `False` cannot be names.
fn name(id: &str) -> V {
    if matches!(id, "None" | "True" | "False") {
        return Err(format!("identifier field can't represent '{id}' constant"));
    }
    Ok(())
}

fn comprehensions(gens: &[Comprehension]) -> V {
    if gens.is_empty() {
        return Err("comprehension with no generators".into());
    }
    for g in gens {
        expr(&g.target, ExprContext::Store)?;
        load(&g.iter)?;
        exprs(&g.ifs, ExprContext::Load)?;
    }
    Ok(())
}

fn expr(e: &Expr, ctx: ExprContext) -> V {
    if is_none_item(&e.loc) {
        return Err("None disallowed in expression list".into());
    }
    loc(&e.loc)?;
    let actual = match &e.kind {
        ExprKind::Attribute { ctx, .. } | ExprKind::Subscript { ctx, .. } | ExprKind::Starred { ctx, .. } | ExprKind::List { ctx, .. } | ExprKind::Tuple { ctx, .. } => Some(*ctx),
        ExprKind::Name { id, ctx } => {
            name(id)?;
            Some(*ctx)
        }
        _ => None,
    };
    match actual {
        Some(a) if a != ctx => return Err(format!("expression must have {} context but has {} instead", ctx_name(ctx), ctx_name(a))),
        None if ctx != ExprContext::Load => return Err(format!("expression which can't be assigned to in {} context", ctx_name(ctx))),
        _ => {}
    }
    match &e.kind {
        ExprKind::BoolOp { values, .. } => {
            if values.len() < 2 {
                return Err("BoolOp with less than 2 values".into());
            }
            exprs(values, ExprContext::Load)
        }
        ExprKind::BinOp { left, right, .. } => load(left).and_then(|_| load(right)),
        ExprKind::UnaryOp { operand, .. } => load(operand),
        ExprKind::Lambda { args, body } => arguments(args).and_then(|_| load(body)),
        ExprKind::IfExp { test, body, orelse } => load(test).and_then(|_| load(body)).and_then(|_| load(orelse)),
        ExprKind::Dict { keys, values } => {
            if keys.len() != values.len() {
                return Err("Dict doesn't have the same number of keys as values".into());
            }
            keys.iter().try_for_each(|k| opt(k.as_ref()))?;
            exprs(values, ExprContext::Load)
        }
        ExprKind::Set { elts } => exprs(elts, ExprContext::Load),
        ExprKind::ListComp { elt, generators } | ExprKind::SetComp { elt, generators } | ExprKind::GeneratorExp { elt, generators } => {
            comprehensions(generators)?;
            load(elt)
        }
        ExprKind::DictComp { key, value, generators } => {
            comprehensions(generators)?;
            load(key)?;
            load(value)
        }
        ExprKind::Yield { value } => opt(value.as_deref()),
        ExprKind::YieldFrom { value } | ExprKind::Await { value } => load(value),
        ExprKind::Compare { left, ops, comparators } => {
            if comparators.is_empty() {
                return Err("Compare with no comparators".into());
            }
            if comparators.len() != ops.len() {
                return Err("Compare has a different number of comparators and operands".into());
            }
            exprs(comparators, ExprContext::Load)?;
            load(left)
        }
        ExprKind::Call { func, args, keywords } => {
            load(func)?;
            exprs(args, ExprContext::Load)?;
            keywords.iter().try_for_each(|k| load(&k.value))
        }
        ExprKind::JoinedStr { values } => exprs(values, ExprContext::Load),
        ExprKind::FormattedValue { value, format_spec, .. } => load(value).and_then(|_| opt(format_spec.as_deref())),
        ExprKind::Attribute { value, .. } => load(value),
        ExprKind::Subscript { value, slice, .. } => load(slice).and_then(|_| load(value)),
        ExprKind::Starred { value, .. } => expr(value, ctx),
        ExprKind::Slice { lower, upper, step } => opt(lower.as_deref()).and_then(|_| opt(upper.as_deref())).and_then(|_| opt(step.as_deref())),
        ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => exprs(elts, ctx),
        ExprKind::NamedExpr { value, .. } => load(value),
        ExprKind::Constant { value, kind } => match invalid_constant_type(kind.as_ref(), value) {
            Some(t) => Err(format!("{TYPE_ERROR}got an invalid type in Constant: {t}")),
            None => Ok(()),
        },
        ExprKind::Name { .. } => Ok(()),
    }
}

/// validate_capture
fn capture(n: &str) -> V {
    if n == "_" {
        return Err("can't capture name '_' in patterns".into());
    }
    name(n)
}

/// validate_pattern (`star_ok`: a MatchStar may appear here).
fn pattern(p: &Pattern, star_ok: bool) -> V {
    if is_none_item(&p.loc) {
        return Err("None disallowed in pattern list".into());
    }
    loc(&p.loc)?;
    match &p.kind {
        PatternKind::MatchValue { value } => {
            load(value)?;
            match &value.kind {
                ExprKind::Constant { value: c, .. } => match c {
                    ConstantValue::Int(_) | ConstantValue::Float(_) | ConstantValue::Bytes(_) | ConstantValue::Complex { .. } | ConstantValue::Str(_) => Ok(()),
                    _ => Err("unexpected constant inside of a literal pattern".into()),
                },
                ExprKind::Attribute { .. } | ExprKind::JoinedStr { .. } => Ok(()),
                ExprKind::UnaryOp { op: UnaryOp::USub, .. } | ExprKind::BinOp { op: Operator::Add | Operator::Sub, .. } => Ok(()),
                _ => Err("patterns may only match literals and attribute lookups".into()),
            }
        }
        PatternKind::MatchSingleton { value } => match value {
            ConstantValue::None | ConstantValue::Bool(_) => Ok(()),
            _ => Err("MatchSingleton can only contain True, False and None".into()),
        },
        PatternKind::MatchSequence { patterns } => patterns.iter().try_for_each(|q| pattern(q, true)),
        PatternKind::MatchMapping { keys, patterns, rest } => {
            if keys.len() != patterns.len() {
                return Err("MatchMapping doesn't have the same number of keys as patterns".into());
            }
            if let Some(r) = rest {
                capture(r)?;
            }
            exprs(keys, ExprContext::Load)?;
            patterns.iter().try_for_each(|q| pattern(q, false))
        }
        PatternKind::MatchClass { cls, patterns, kwd_attrs, kwd_patterns } => {
            if kwd_attrs.len() != kwd_patterns.len() {
                return Err("MatchClass doesn't have the same number of keyword attributes as patterns".into());
            }
            load(cls)?;
            kwd_attrs.iter().try_for_each(|a| name(a))?;
            patterns.iter().chain(kwd_patterns).try_for_each(|q| pattern(q, false))
        }
        PatternKind::MatchStar { name: n } => {
            if !star_ok {
                return Err("can't use MatchStar here".into());
            }
            n.as_deref().map_or(Ok(()), capture)
        }
        PatternKind::MatchAs { pattern: q, name: n } => {
            if let Some(n) = n {
                capture(n)?;
            }
            match q {
                Some(_) if n.is_none() => Err("MatchAs must specify a target name if a pattern is given".into()),
                Some(q) => pattern(q, false),
                None => Ok(()),
            }
        }
        PatternKind::MatchOr { patterns } => {
            if patterns.len() < 2 {
                return Err("MatchOr requires at least 2 patterns".into());
            }
            patterns.iter().try_for_each(|q| pattern(q, false))
        }
    }
}
