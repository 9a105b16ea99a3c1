//! Rust AST → Python node objects (CPython's `ast2obj_*`), for `compile(..., PyCF_ONLY_AST)`.

use super::ops::{cmpop_name, name_of, operator_name, unaryop_name, BOOLOPS, CONTEXTS};
use super::AstState;
use crate::object::{Payload, PyObject, PyRef, Value};
use crate::vm::{PyResult, Vm};
use krait_syntax::ast::*;
use krait_syntax::Parsed;
use std::rc::Rc;

/// The Python tree (`ast.Module` / `ast.Expression` / `ast.Interactive`) for `parsed`.
pub fn to_object(vm: &mut Vm, parsed: &Parsed) -> PyResult<Value> {
    let st = super::state(vm)?;
    // As CPython's ast2obj: three levels per Python frame, counting from the current depth.
    let depth = vm.frames.len() * 3;
    let limit = vm.recursion_limit.saturating_mul(3);
    let mut c = ToPy { vm, st: &st, depth, limit };
    match parsed {
        Parsed::Module(m) => {
            let body = c.stmts(&m.body)?;
            let ignores = c.vm.new_list(Vec::new());
            c.node("Module", vec![("body", body), ("type_ignores", ignores)], None)
        }
        Parsed::Expression(e) => {
            let body = c.expr(&e.body)?;
            c.node("Expression", vec![("body", body)], None)
        }
        Parsed::Interactive(i) => {
            let body = c.stmts(&i.body)?;
            c.node("Interactive", vec![("body", body)], None)
        }
    }
}

struct ToPy<'a> {
    vm: &'a mut Vm,
    st: &'a AstState,
    depth: usize,
    limit: usize,
}

type Fields = Vec<(&'static str, Value)>;

impl ToPy<'_> {
    /// A new instance of node class `name` with `fields` (then the location) in its dict.
    fn node(&mut self, name: &str, fields: Fields, loc: Option<&Loc>) -> PyResult<Value> {
        let obj = PyRef::new(PyObject::new(self.st.class(name).clone(), Payload::Object));
        let d = self.vm.new_dict_ref();
        for (k, v) in fields {
            let key = Value::Obj(self.vm.intern(k));
            self.vm.dict_set_item(&d, key, v)?;
        }
        if let Some(l) = loc {
            let attrs = [("lineno", l.lineno), ("col_offset", l.col_offset), ("end_lineno", l.end_lineno), ("end_col_offset", l.end_col_offset)];
            for (k, v) in attrs {
                let key = Value::Obj(self.vm.intern(k));
                self.vm.dict_set_item(&d, key, Value::Int(v as i64))?;
            }
        }
        *obj.dict.borrow_mut() = Some(d);
        Ok(Value::Obj(obj))
    }

    /// Run `f` one level deeper; RecursionError past the limit.
    fn nested(&mut self, f: impl FnOnce(&mut Self) -> PyResult<Value>) -> PyResult<Value> {
        self.depth += 1;
        if self.depth > self.limit {
            self.depth -= 1;
            return Err(self.vm.new_recursion_error("maximum recursion depth exceeded during ast construction"));
        }
        let r = f(self);
        self.depth -= 1;
        r
    }

    fn singleton(&self, name: &str) -> Value {
        self.st.singletons[name].clone()
    }

    fn list<T>(&mut self, items: &[T], mut f: impl FnMut(&mut Self, &T) -> PyResult<Value>) -> PyResult<Value> {
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            out.push(f(self, item)?);
        }
        Ok(self.vm.new_list(out))
    }

    fn stmts(&mut self, body: &[Stmt]) -> PyResult<Value> {
        self.list(body, Self::stmt)
    }

    fn exprs(&mut self, es: &[Expr]) -> PyResult<Value> {
        self.list(es, Self::expr)
    }

    fn opt_expr(&mut self, e: Option<&Expr>) -> PyResult<Value> {
        match e {
            Some(e) => self.expr(e),
            None => Ok(Value::None),
        }
    }

    fn ident(&mut self, s: &str) -> Value {
        Value::Obj(self.vm.intern(s))
    }

    fn opt_ident(&mut self, s: Option<&Rc<str>>) -> Value {
        match s {
            Some(s) => self.ident(s),
            None => Value::None,
        }
    }

    fn idents(&mut self, names: &[Rc<str>]) -> Value {
        let v = names.iter().map(|n| self.ident(n)).collect();
        self.vm.new_list(v)
    }

    fn stmt(&mut self, s: &Stmt) -> PyResult<Value> {
        self.nested(|c| c.stmt_node(s))
    }

    fn stmt_node(&mut self, s: &Stmt) -> PyResult<Value> {
        let (name, fields): (&str, Fields) = match &s.kind {
            StmtKind::FunctionDef(f) => ("FunctionDef", self.funcdef(f)?),
            StmtKind::AsyncFunctionDef(f) => ("AsyncFunctionDef", self.funcdef(f)?),
            StmtKind::ClassDef(c) => {
                let name = self.ident(&c.name);
                let bases = self.exprs(&c.bases)?;
                let keywords = self.list(&c.keywords, Self::keyword)?;
                let body = self.stmts(&c.body)?;
                let decorators = self.exprs(&c.decorator_list)?;
                ("ClassDef", vec![("name", name), ("bases", bases), ("keywords", keywords), ("body", body), ("decorator_list", decorators)])
            }
            StmtKind::Return { value } => ("Return", vec![("value", self.opt_expr(value.as_deref())?)]),
            StmtKind::Delete { targets } => ("Delete", vec![("targets", self.exprs(targets)?)]),
            StmtKind::Assign { targets, value } => {
                let targets = self.exprs(targets)?;
                ("Assign", vec![("targets", targets), ("value", self.expr(value)?), ("type_comment", Value::None)])
            }
            StmtKind::AugAssign { target, op, value } => {
                let target = self.expr(target)?;
                let op = self.singleton(operator_name(*op));
                ("AugAssign", vec![("target", target), ("op", op), ("value", self.expr(value)?)])
            }
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                let target = self.expr(target)?;
                let annotation = self.expr(annotation)?;
                let value = self.opt_expr(value.as_deref())?;
                ("AnnAssign", vec![("target", target), ("annotation", annotation), ("value", value), ("simple", Value::Int(*simple as i64))])
            }
            StmtKind::For(f) => ("For", self.for_(f)?),
            StmtKind::AsyncFor(f) => ("AsyncFor", self.for_(f)?),
            StmtKind::While { test, body, orelse } => ("While", self.test_body(test, body, orelse)?),
            StmtKind::If { test, body, orelse } => ("If", self.test_body(test, body, orelse)?),
            StmtKind::With(w) => ("With", self.with(w)?),
            StmtKind::AsyncWith(w) => ("AsyncWith", self.with(w)?),
            StmtKind::Match { subject, cases } => {
                let subject = self.expr(subject)?;
                ("Match", vec![("subject", subject), ("cases", self.list(cases, Self::match_case)?)])
            }
            StmtKind::Raise { exc, cause } => {
                let exc = self.opt_expr(exc.as_deref())?;
                ("Raise", vec![("exc", exc), ("cause", self.opt_expr(cause.as_deref())?)])
            }
            StmtKind::Try(t) => ("Try", self.try_(t)?),
            StmtKind::TryStar(t) => ("TryStar", self.try_(t)?),
            StmtKind::Assert { test, msg } => {
                let test = self.expr(test)?;
                ("Assert", vec![("test", test), ("msg", self.opt_expr(msg.as_deref())?)])
            }
            StmtKind::Import { names } => ("Import", vec![("names", self.list(names, Self::alias)?)]),
            StmtKind::ImportFrom { module, names, level } => {
                let module = self.opt_ident(module.as_ref());
                let names = self.list(names, Self::alias)?;
                ("ImportFrom", vec![("module", module), ("names", names), ("level", Value::Int(*level as i64))])
            }
            StmtKind::Global { names } => ("Global", vec![("names", self.idents(names))]),
            StmtKind::Nonlocal { names } => ("Nonlocal", vec![("names", self.idents(names))]),
            StmtKind::Expr { value } => ("Expr", vec![("value", self.expr(value)?)]),
            StmtKind::Pass => ("Pass", vec![]),
            StmtKind::Break => ("Break", vec![]),
            StmtKind::Continue => ("Continue", vec![]),
        };
        self.node(name, fields, Some(&s.loc))
    }

    fn funcdef(&mut self, f: &FunctionDef) -> PyResult<Fields> {
        let name = self.ident(&f.name);
        let args = self.arguments(&f.args)?;
        let body = self.stmts(&f.body)?;
        let decorators = self.exprs(&f.decorator_list)?;
        let returns = self.opt_expr(f.returns.as_deref())?;
        Ok(vec![("name", name), ("args", args), ("body", body), ("decorator_list", decorators), ("returns", returns), ("type_comment", Value::None)])
    }

    fn for_(&mut self, f: &For) -> PyResult<Fields> {
        let target = self.expr(&f.target)?;
        let iter = self.expr(&f.iter)?;
        let body = self.stmts(&f.body)?;
        let orelse = self.stmts(&f.orelse)?;
        Ok(vec![("target", target), ("iter", iter), ("body", body), ("orelse", orelse), ("type_comment", Value::None)])
    }

    fn test_body(&mut self, test: &Expr, body: &[Stmt], orelse: &[Stmt]) -> PyResult<Fields> {
        let test = self.expr(test)?;
        let body = self.stmts(body)?;
        Ok(vec![("test", test), ("body", body), ("orelse", self.stmts(orelse)?)])
    }

    fn with(&mut self, w: &With) -> PyResult<Fields> {
        let items = self.list(&w.items, |c, i| {
            let ctx = c.expr(&i.context_expr)?;
            let vars = c.opt_expr(i.optional_vars.as_deref())?;
            c.node("withitem", vec![("context_expr", ctx), ("optional_vars", vars)], None)
        })?;
        let body = self.stmts(&w.body)?;
        Ok(vec![("items", items), ("body", body), ("type_comment", Value::None)])
    }

    fn try_(&mut self, t: &Try) -> PyResult<Fields> {
        let body = self.stmts(&t.body)?;
        let handlers = self.list(&t.handlers, |c, h| {
            let ty = c.opt_expr(h.type_.as_deref())?;
            let name = c.opt_ident(h.name.as_ref());
            let body = c.stmts(&h.body)?;
            c.node("ExceptHandler", vec![("type", ty), ("name", name), ("body", body)], Some(&h.loc))
        })?;
        let orelse = self.stmts(&t.orelse)?;
        let finalbody = self.stmts(&t.finalbody)?;
        Ok(vec![("body", body), ("handlers", handlers), ("orelse", orelse), ("finalbody", finalbody)])
    }

    fn alias(&mut self, a: &Alias) -> PyResult<Value> {
        let name = self.ident(&a.name);
        let asname = self.opt_ident(a.asname.as_ref());
        self.node("alias", vec![("name", name), ("asname", asname)], Some(&a.loc))
    }

    fn keyword(&mut self, k: &Keyword) -> PyResult<Value> {
        let arg = self.opt_ident(k.arg.as_ref());
        let value = self.expr(&k.value)?;
        self.node("keyword", vec![("arg", arg), ("value", value)], Some(&k.loc))
    }

    fn arg(&mut self, a: &Arg) -> PyResult<Value> {
        let name = self.ident(&a.arg);
        let annotation = self.opt_expr(a.annotation.as_deref())?;
        self.node("arg", vec![("arg", name), ("annotation", annotation), ("type_comment", Value::None)], Some(&a.loc))
    }

    fn opt_arg(&mut self, a: Option<&Arg>) -> PyResult<Value> {
        match a {
            Some(a) => self.arg(a),
            None => Ok(Value::None),
        }
    }

    fn arguments(&mut self, a: &Arguments) -> PyResult<Value> {
        let posonly = self.list(&a.posonlyargs, Self::arg)?;
        let args = self.list(&a.args, Self::arg)?;
        let vararg = self.opt_arg(a.vararg.as_ref())?;
        let kwonly = self.list(&a.kwonlyargs, Self::arg)?;
        let kw_defaults = self.list(&a.kw_defaults, |c, d| c.opt_expr(d.as_ref()))?;
        let kwarg = self.opt_arg(a.kwarg.as_ref())?;
        let defaults = self.exprs(&a.defaults)?;
        let fields = vec![
            ("posonlyargs", posonly),
            ("args", args),
            ("vararg", vararg),
            ("kwonlyargs", kwonly),
            ("kw_defaults", kw_defaults),
            ("kwarg", kwarg),
            ("defaults", defaults),
        ];
        self.node("arguments", fields, None)
    }

    fn comprehension(&mut self, g: &Comprehension) -> PyResult<Value> {
        let target = self.expr(&g.target)?;
        let iter = self.expr(&g.iter)?;
        let ifs = self.exprs(&g.ifs)?;
        self.node("comprehension", vec![("target", target), ("iter", iter), ("ifs", ifs), ("is_async", Value::Int(g.is_async as i64))], None)
    }

    fn match_case(&mut self, m: &MatchCase) -> PyResult<Value> {
        let pattern = self.pattern(&m.pattern)?;
        let guard = self.opt_expr(m.guard.as_deref())?;
        let body = self.stmts(&m.body)?;
        self.node("match_case", vec![("pattern", pattern), ("guard", guard), ("body", body)], None)
    }

    fn pattern(&mut self, p: &Pattern) -> PyResult<Value> {
        self.nested(|c| c.pattern_node(p))
    }

    fn pattern_node(&mut self, p: &Pattern) -> PyResult<Value> {
        let (name, fields): (&str, Fields) = match &p.kind {
            PatternKind::MatchValue { value } => ("MatchValue", vec![("value", self.expr(value)?)]),
            PatternKind::MatchSingleton { value } => ("MatchSingleton", vec![("value", self.constant(value)?)]),
            PatternKind::MatchSequence { patterns } => ("MatchSequence", vec![("patterns", self.list(patterns, Self::pattern)?)]),
            PatternKind::MatchMapping { keys, patterns, rest } => {
                let keys = self.exprs(keys)?;
                let patterns = self.list(patterns, Self::pattern)?;
                ("MatchMapping", vec![("keys", keys), ("patterns", patterns), ("rest", self.opt_ident(rest.as_ref()))])
            }
            PatternKind::MatchClass { cls, patterns, kwd_attrs, kwd_patterns } => {
                let cls = self.expr(cls)?;
                let patterns = self.list(patterns, Self::pattern)?;
                let attrs = self.idents(kwd_attrs);
                let kwd = self.list(kwd_patterns, Self::pattern)?;
                ("MatchClass", vec![("cls", cls), ("patterns", patterns), ("kwd_attrs", attrs), ("kwd_patterns", kwd)])
            }
            PatternKind::MatchStar { name } => ("MatchStar", vec![("name", self.opt_ident(name.as_ref()))]),
            PatternKind::MatchAs { pattern, name } => {
                let pattern = match pattern {
                    Some(p) => self.pattern(p)?,
                    None => Value::None,
                };
                ("MatchAs", vec![("pattern", pattern), ("name", self.opt_ident(name.as_ref()))])
            }
            PatternKind::MatchOr { patterns } => ("MatchOr", vec![("patterns", self.list(patterns, Self::pattern)?)]),
        };
        self.node(name, fields, Some(&p.loc))
    }

    fn generators(&mut self, name: &'static str, elt: Vec<(&'static str, Value)>, gens: &[Comprehension]) -> PyResult<(&'static str, Fields)> {
        let mut fields = elt;
        fields.push(("generators", self.list(gens, Self::comprehension)?));
        Ok((name, fields))
    }

    fn ctx(&self, c: ExprContext) -> Value {
        self.singleton(name_of(CONTEXTS, c))
    }

    fn expr(&mut self, e: &Expr) -> PyResult<Value> {
        self.nested(|c| c.expr_node(e))
    }

    fn expr_node(&mut self, e: &Expr) -> PyResult<Value> {
        let (name, fields): (&str, Fields) = match &e.kind {
            ExprKind::BoolOp { op, values } => {
                let op = self.singleton(name_of(BOOLOPS, *op));
                ("BoolOp", vec![("op", op), ("values", self.exprs(values)?)])
            }
            ExprKind::NamedExpr { target, value } => {
                let target = self.expr(target)?;
                ("NamedExpr", vec![("target", target), ("value", self.expr(value)?)])
            }
            ExprKind::BinOp { left, op, right } => {
                let left = self.expr(left)?;
                let op = self.singleton(operator_name(*op));
                ("BinOp", vec![("left", left), ("op", op), ("right", self.expr(right)?)])
            }
            ExprKind::UnaryOp { op, operand } => {
                let op = self.singleton(unaryop_name(*op));
                ("UnaryOp", vec![("op", op), ("operand", self.expr(operand)?)])
            }
            ExprKind::Lambda { args, body } => {
                let args = self.arguments(args)?;
                ("Lambda", vec![("args", args), ("body", self.expr(body)?)])
            }
            ExprKind::IfExp { test, body, orelse } => {
                let test = self.expr(test)?;
                let body = self.expr(body)?;
                ("IfExp", vec![("test", test), ("body", body), ("orelse", self.expr(orelse)?)])
            }
            ExprKind::Dict { keys, values } => {
                let keys = self.list(keys, |c, k| c.opt_expr(k.as_ref()))?;
                ("Dict", vec![("keys", keys), ("values", self.exprs(values)?)])
            }
            ExprKind::Set { elts } => ("Set", vec![("elts", self.exprs(elts)?)]),
            ExprKind::ListComp { elt, generators } => {
                let elt = self.expr(elt)?;
                self.generators("ListComp", vec![("elt", elt)], generators)?
            }
            ExprKind::SetComp { elt, generators } => {
                let elt = self.expr(elt)?;
                self.generators("SetComp", vec![("elt", elt)], generators)?
            }
            ExprKind::GeneratorExp { elt, generators } => {
                let elt = self.expr(elt)?;
                self.generators("GeneratorExp", vec![("elt", elt)], generators)?
            }
            ExprKind::DictComp { key, value, generators } => {
                let key = self.expr(key)?;
                let value = self.expr(value)?;
                self.generators("DictComp", vec![("key", key), ("value", value)], generators)?
            }
            ExprKind::Await { value } => ("Await", vec![("value", self.expr(value)?)]),
            ExprKind::Yield { value } => ("Yield", vec![("value", self.opt_expr(value.as_deref())?)]),
            ExprKind::YieldFrom { value } => ("YieldFrom", vec![("value", self.expr(value)?)]),
            ExprKind::Compare { left, ops, comparators } => {
                let left = self.expr(left)?;
                let ops = ops.iter().map(|o| self.singleton(cmpop_name(*o))).collect();
                let ops = self.vm.new_list(ops);
                ("Compare", vec![("left", left), ("ops", ops), ("comparators", self.exprs(comparators)?)])
            }
            ExprKind::Call { func, args, keywords } => {
                let func = self.expr(func)?;
                let args = self.exprs(args)?;
                ("Call", vec![("func", func), ("args", args), ("keywords", self.list(keywords, Self::keyword)?)])
            }
            ExprKind::FormattedValue { value, conversion, format_spec } => {
                let value = self.expr(value)?;
                let spec = self.opt_expr(format_spec.as_deref())?;
                ("FormattedValue", vec![("value", value), ("conversion", Value::Int(*conversion as i64)), ("format_spec", spec)])
            }
            ExprKind::JoinedStr { values } => ("JoinedStr", vec![("values", self.exprs(values)?)]),
            ExprKind::Constant { value, kind } => {
                let value = self.constant(value)?;
                ("Constant", vec![("value", value), ("kind", self.opt_ident(kind.as_ref()))])
            }
            ExprKind::Attribute { value, attr, ctx } => {
                let value = self.expr(value)?;
                let attr = self.ident(attr);
                ("Attribute", vec![("value", value), ("attr", attr), ("ctx", self.ctx(*ctx))])
            }
            ExprKind::Subscript { value, slice, ctx } => {
                let value = self.expr(value)?;
                let slice = self.expr(slice)?;
                ("Subscript", vec![("value", value), ("slice", slice), ("ctx", self.ctx(*ctx))])
            }
            ExprKind::Starred { value, ctx } => ("Starred", vec![("value", self.expr(value)?), ("ctx", self.ctx(*ctx))]),
            ExprKind::Name { id, ctx } => ("Name", vec![("id", self.ident(id)), ("ctx", self.ctx(*ctx))]),
            ExprKind::List { elts, ctx } => ("List", vec![("elts", self.exprs(elts)?), ("ctx", self.ctx(*ctx))]),
            ExprKind::Tuple { elts, ctx } => ("Tuple", vec![("elts", self.exprs(elts)?), ("ctx", self.ctx(*ctx))]),
            ExprKind::Slice { lower, upper, step } => {
                let lower = self.opt_expr(lower.as_deref())?;
                let upper = self.opt_expr(upper.as_deref())?;
                ("Slice", vec![("lower", lower), ("upper", upper), ("step", self.opt_expr(step.as_deref())?)])
            }
        };
        self.node(name, fields, Some(&e.loc))
    }

    /// ast2obj_constant: the Python value of a constant.
    fn constant(&mut self, c: &ConstantValue) -> PyResult<Value> {
        Ok(match c {
            ConstantValue::None => Value::None,
            ConstantValue::Ellipsis => Value::Obj(self.vm.ellipsis.clone()),
            ConstantValue::Bool(b) => Value::Bool(*b),
            ConstantValue::Int(i) => self.vm.new_bigint(i.clone()),
            ConstantValue::Float(f) => Value::Float(*f),
            ConstantValue::Complex { re, im } => {
                let t = self.vm.types.complex.clone();
                self.vm.wrap(Payload::Complex { re: *re, im: *im }, &t)
            }
            ConstantValue::Str(s) => self.vm.new_str(s),
            ConstantValue::Bytes(b) => crate::types::bytes::new_bytes(self.vm, b.to_vec()),
            ConstantValue::Tuple(items) => {
                let v = items.iter().map(|c| self.constant(c)).collect::<PyResult<Vec<_>>>()?;
                self.vm.new_tuple(v)
            }
            ConstantValue::FrozenSet(items) => {
                let v = items.iter().map(|c| self.constant(c)).collect::<PyResult<Vec<_>>>()?;
                let l = self.vm.new_list(v);
                let t = Value::Obj(self.vm.types.frozenset.clone());
                self.vm.call_positional(&t, &[l])?
            }
        })
    }
}
