//! `dump()`: the text of CPython 3.11's `ast.dump(tree, include_attributes=True)`, for tests.

mod expr;
mod repr;

use crate::ast::*;
use crate::Parsed;
use std::fmt::Write as _;

/// What `ast.dump(tree, include_attributes=True)` prints for this tree in CPython 3.11.
pub fn dump(p: &Parsed) -> String {
    let mut d = Dumper { out: String::new() };
    match p {
        Parsed::Module(m) => {
            d.open("Module");
            d.field("body");
            d.stmts(&m.body);
            d.sep();
            d.out.push_str("type_ignores=[])");
        }
        Parsed::Expression(e) => {
            d.open("Expression");
            d.field("body");
            d.expr(&e.body);
            d.out.push(')');
        }
        Parsed::Interactive(i) => {
            d.open("Interactive");
            d.field("body");
            d.stmts(&i.body);
            d.out.push(')');
        }
    }
    d.out
}

struct Dumper {
    out: String,
}

impl Dumper {
    fn open(&mut self, name: &str) {
        self.out.push_str(name);
        self.out.push('(');
    }

    fn sep(&mut self) {
        self.out.push_str(", ");
    }

    /// `name=` (the caller writes the value).
    fn field(&mut self, name: &str) {
        self.out.push_str(name);
        self.out.push('=');
    }

    /// `, name=` unless this is the first field of the node.
    fn next(&mut self, name: &str) {
        if !self.out.ends_with('(') {
            self.sep();
        }
        self.field(name);
    }

    /// The location attributes and the closing parenthesis.
    fn close_loc(&mut self, loc: &Loc) {
        if !self.out.ends_with('(') {
            self.sep();
        }
        let _ = write!(
            self.out,
            "lineno={}, col_offset={}, end_lineno={}, end_col_offset={})",
            loc.lineno, loc.col_offset, loc.end_lineno, loc.end_col_offset
        );
    }

    fn list<T>(&mut self, items: &[T], mut f: impl FnMut(&mut Self, &T)) {
        self.out.push('[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.sep();
            }
            f(self, item);
        }
        self.out.push(']');
    }

    fn stmts(&mut self, body: &[Stmt]) {
        self.list(body, Self::stmt);
    }

    fn exprs(&mut self, es: &[Expr]) {
        self.list(es, Self::expr);
    }

    fn names(&mut self, names: &[std::rc::Rc<str>]) {
        self.list(names, |d, n| repr::str(&mut d.out, n));
    }

    fn opt_expr(&mut self, name: &str, e: Option<&Expr>) {
        if let Some(e) = e {
            self.next(name);
            self.expr(e);
        }
    }

    fn opt_name(&mut self, name: &str, n: Option<&std::rc::Rc<str>>) {
        if let Some(n) = n {
            self.next(name);
            repr::str(&mut self.out, n);
        }
    }

    fn ident(&mut self, name: &str, value: &str) {
        self.next(name);
        repr::str(&mut self.out, value);
    }

    fn body(&mut self, name: &str, body: &[Stmt]) {
        self.next(name);
        self.stmts(body);
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::FunctionDef(f) => self.funcdef("FunctionDef", f),
            StmtKind::AsyncFunctionDef(f) => self.funcdef("AsyncFunctionDef", f),
            StmtKind::ClassDef(c) => {
                self.open("ClassDef");
                self.ident("name", &c.name);
                self.next("bases");
                self.exprs(&c.bases);
                self.next("keywords");
                self.list(&c.keywords, Self::keyword);
                self.body("body", &c.body);
                self.next("decorator_list");
                self.exprs(&c.decorator_list);
            }
            StmtKind::Return { value } => {
                self.open("Return");
                self.opt_expr("value", value.as_deref());
            }
            StmtKind::Delete { targets } => {
                self.open("Delete");
                self.next("targets");
                self.exprs(targets);
            }
            StmtKind::Assign { targets, value } => {
                self.open("Assign");
                self.next("targets");
                self.exprs(targets);
                self.opt_expr("value", Some(value));
            }
            StmtKind::AugAssign { target, op, value } => {
                self.open("AugAssign");
                self.opt_expr("target", Some(target));
                self.next("op");
                self.operator(*op);
                self.opt_expr("value", Some(value));
            }
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                self.open("AnnAssign");
                self.opt_expr("target", Some(target));
                self.opt_expr("annotation", Some(annotation));
                self.opt_expr("value", value.as_deref());
                self.next("simple");
                self.out.push(if *simple { '1' } else { '0' });
            }
            StmtKind::For(f) => self.for_("For", f),
            StmtKind::AsyncFor(f) => self.for_("AsyncFor", f),
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.open(if matches!(s.kind, StmtKind::While { .. }) { "While" } else { "If" });
                self.opt_expr("test", Some(test));
                self.body("body", body);
                self.body("orelse", orelse);
            }
            StmtKind::With(w) => self.with("With", w),
            StmtKind::AsyncWith(w) => self.with("AsyncWith", w),
            StmtKind::Match { subject, cases } => {
                self.open("Match");
                self.opt_expr("subject", Some(subject));
                self.next("cases");
                self.list(cases, Self::match_case);
            }
            StmtKind::Raise { exc, cause } => {
                self.open("Raise");
                self.opt_expr("exc", exc.as_deref());
                self.opt_expr("cause", cause.as_deref());
            }
            StmtKind::Try(t) => self.try_("Try", t),
            StmtKind::TryStar(t) => self.try_("TryStar", t),
            StmtKind::Assert { test, msg } => {
                self.open("Assert");
                self.opt_expr("test", Some(test));
                self.opt_expr("msg", msg.as_deref());
            }
            StmtKind::Import { names } => {
                self.open("Import");
                self.next("names");
                self.list(names, Self::alias);
            }
            StmtKind::ImportFrom { module, names, level } => {
                self.open("ImportFrom");
                self.opt_name("module", module.as_ref());
                self.next("names");
                self.list(names, Self::alias);
                self.next("level");
                let _ = write!(self.out, "{level}");
            }
            StmtKind::Global { names } | StmtKind::Nonlocal { names } => {
                self.open(if matches!(s.kind, StmtKind::Global { .. }) { "Global" } else { "Nonlocal" });
                self.next("names");
                self.names(names);
            }
            StmtKind::Expr { value } => {
                self.open("Expr");
                self.opt_expr("value", Some(value));
            }
            StmtKind::Pass => self.open("Pass"),
            StmtKind::Break => self.open("Break"),
            StmtKind::Continue => self.open("Continue"),
        }
        self.close_loc(&s.loc);
    }

    fn funcdef(&mut self, name: &str, f: &FunctionDef) {
        self.open(name);
        self.ident("name", &f.name);
        self.next("args");
        self.arguments(&f.args);
        self.body("body", &f.body);
        self.next("decorator_list");
        self.exprs(&f.decorator_list);
        self.opt_expr("returns", f.returns.as_deref());
    }

    fn for_(&mut self, name: &str, f: &For) {
        self.open(name);
        self.opt_expr("target", Some(&f.target));
        self.opt_expr("iter", Some(&f.iter));
        self.body("body", &f.body);
        self.body("orelse", &f.orelse);
    }

    fn with(&mut self, name: &str, w: &With) {
        self.open(name);
        self.next("items");
        self.list(&w.items, |d, item| {
            d.open("withitem");
            d.opt_expr("context_expr", Some(&item.context_expr));
            d.opt_expr("optional_vars", item.optional_vars.as_deref());
            d.out.push(')');
        });
        self.body("body", &w.body);
    }

    fn try_(&mut self, name: &str, t: &Try) {
        self.open(name);
        self.body("body", &t.body);
        self.next("handlers");
        self.list(&t.handlers, |d, h| {
            d.open("ExceptHandler");
            d.opt_expr("type", h.type_.as_deref());
            d.opt_name("name", h.name.as_ref());
            d.body("body", &h.body);
            d.close_loc(&h.loc);
        });
        self.body("orelse", &t.orelse);
        self.body("finalbody", &t.finalbody);
    }

    fn alias(&mut self, a: &Alias) {
        self.open("alias");
        self.ident("name", &a.name);
        self.opt_name("asname", a.asname.as_ref());
        self.close_loc(&a.loc);
    }

    fn keyword(&mut self, k: &Keyword) {
        self.open("keyword");
        self.opt_name("arg", k.arg.as_ref());
        self.opt_expr("value", Some(&k.value));
        self.close_loc(&k.loc);
    }

    fn arguments(&mut self, a: &Arguments) {
        self.open("arguments");
        self.next("posonlyargs");
        self.list(&a.posonlyargs, Self::arg);
        self.next("args");
        self.list(&a.args, Self::arg);
        if let Some(v) = &a.vararg {
            self.next("vararg");
            self.arg(v);
        }
        self.next("kwonlyargs");
        self.list(&a.kwonlyargs, Self::arg);
        self.next("kw_defaults");
        self.list(&a.kw_defaults, |d, e| match e {
            Some(e) => d.expr(e),
            None => d.out.push_str("None"),
        });
        if let Some(k) = &a.kwarg {
            self.next("kwarg");
            self.arg(k);
        }
        self.next("defaults");
        self.exprs(&a.defaults);
        self.out.push(')');
    }

    fn arg(&mut self, a: &Arg) {
        self.open("arg");
        self.ident("arg", &a.arg);
        self.opt_expr("annotation", a.annotation.as_deref());
        self.close_loc(&a.loc);
    }

    fn match_case(&mut self, c: &MatchCase) {
        self.open("match_case");
        self.next("pattern");
        self.pattern(&c.pattern);
        self.opt_expr("guard", c.guard.as_deref());
        self.body("body", &c.body);
        self.out.push(')');
    }

    fn pattern(&mut self, p: &Pattern) {
        match &p.kind {
            PatternKind::MatchValue { value } => {
                self.open("MatchValue");
                self.opt_expr("value", Some(value));
            }
            PatternKind::MatchSingleton { value } => {
                self.open("MatchSingleton");
                self.next("value");
                repr::constant(&mut self.out, value);
            }
            PatternKind::MatchSequence { patterns } => {
                self.open("MatchSequence");
                self.next("patterns");
                self.list(patterns, Self::pattern);
            }
            PatternKind::MatchMapping { keys, patterns, rest } => {
                self.open("MatchMapping");
                self.next("keys");
                self.exprs(keys);
                self.next("patterns");
                self.list(patterns, Self::pattern);
                self.opt_name("rest", rest.as_ref());
            }
            PatternKind::MatchClass { cls, patterns, kwd_attrs, kwd_patterns } => {
                self.open("MatchClass");
                self.opt_expr("cls", Some(cls));
                self.next("patterns");
                self.list(patterns, Self::pattern);
                self.next("kwd_attrs");
                self.names(kwd_attrs);
                self.next("kwd_patterns");
                self.list(kwd_patterns, Self::pattern);
            }
            PatternKind::MatchStar { name } => {
                self.open("MatchStar");
                self.opt_name("name", name.as_ref());
            }
            PatternKind::MatchAs { pattern, name } => {
                self.open("MatchAs");
                if let Some(p) = pattern {
                    self.next("pattern");
                    self.pattern(p);
                }
                self.opt_name("name", name.as_ref());
            }
            PatternKind::MatchOr { patterns } => {
                self.open("MatchOr");
                self.next("patterns");
                self.list(patterns, Self::pattern);
            }
        }
        self.close_loc(&p.loc);
    }
}
