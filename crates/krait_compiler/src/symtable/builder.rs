//! The first symbol-table pass: walk the AST and record every definition and use
//! (symtable.c `symtable_visit_*`).

use super::flags::*;
use super::{mangled, node_key, BlockType, Comprehension, Entry, EntryId};
use crate::syntax_error;
use crate::FastIndexMap as IndexMap;
use krait_syntax::ast::{self, Expr, ExprKind, Loc, Pattern, PatternKind, Stmt, StmtKind};
use krait_syntax::SyntaxError;
use hashbrown::HashMap;
use std::rc::Rc;

type R = Result<(), SyntaxError>;

pub(super) struct Builder<'a> {
    filename: &'a str,
    source: &'a str,
    future_annotations: bool,
    pub entries: Vec<Entry>,
    pub by_node: HashMap<usize, EntryId>,
    stack: Vec<EntryId>,
    private: Option<Rc<str>>,
}

fn rc(s: &str) -> Rc<str> {
    Rc::from(s)
}

impl<'a> Builder<'a> {
    pub fn new(filename: &'a str, source: &'a str, future_annotations: bool) -> Self {
        Builder {
            filename,
            source,
            future_annotations,
            entries: Vec::new(),
            by_node: HashMap::new(),
            stack: Vec::new(),
            private: None,
        }
    }

    fn err(&self, msg: String, loc: Loc) -> SyntaxError {
        syntax_error(self.filename, self.source, msg, loc)
    }

    fn cur(&self) -> &Entry {
        &self.entries[*self.stack.last().expect("symtable stack is never empty while visiting")]
    }

    fn cur_mut(&mut self) -> &mut Entry {
        let id = *self.stack.last().expect("symtable stack is never empty while visiting");
        &mut self.entries[id]
    }

    pub fn run(&mut self, body: &[Stmt], expr: Option<&Expr>) -> R {
        self.enter_block(BlockType::Module, 0, Loc::default());
        for s in body {
            self.visit_stmt(s)?;
        }
        if let Some(e) = expr {
            self.visit_expr(e)?;
        }
        self.stack.pop();
        Ok(())
    }

    /// symtable_enter_block
    fn enter_block(&mut self, kind: BlockType, key: usize, loc: Loc) {
        let prev = self.stack.last().copied();
        let (nested, comp_iter_expr) = match prev {
            Some(p) => {
                let pe = &self.entries[p];
                (pe.nested || pe.kind == BlockType::Function, pe.comp_iter_expr)
            }
            None => (false, 0),
        };
        let id = self.entries.len();
        self.entries.push(Entry {
            kind,
            symbols: IndexMap::default(),
            scopes: HashMap::new(),
            varnames: Vec::new(),
            children: Vec::new(),
            directives: HashMap::new(),
            loc,
            nested,
            free: false,
            child_free: false,
            generator: false,
            coroutine: false,
            comprehension: Comprehension::None,
            varargs: false,
            varkeywords: false,
            returns_value: false,
            needs_class_closure: false,
            comp_iter_target: false,
            comp_iter_expr,
        });
        if let Some(p) = prev {
            self.entries[p].children.push(id);
            self.by_node.insert(key, id);
        }
        self.stack.push(id);
    }

    /// symtable_add_def_helper
    fn add_def_in(&mut self, name: &Rc<str>, flag: u32, id: EntryId, loc: Loc) -> R {
        let m = mangled(&self.private, name);
        // One lookup: a new name is inserted as 0 first (on an error the table is dropped).
        let ste = &mut self.entries[id];
        let slot = ste.symbols.entry(m.clone());
        let index = slot.index();
        let old = *slot.or_insert(0);
        let comp_iter_target = ste.comp_iter_target;
        if flag & DEF_PARAM != 0 && old & DEF_PARAM != 0 {
            return Err(self.err(format!("duplicate argument '{m}' in function definition"), loc));
        }
        let mut val = flag | old;
        if comp_iter_target {
            if val & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                return Err(self.err(
                    format!("comprehension inner loop cannot rebind assignment expression target '{m}'"),
                    loc,
                ));
            }
            val |= DEF_COMP_ITER;
        }
        let ste = &mut self.entries[id];
        if let Some((_, v)) = ste.symbols.get_index_mut(index) {
            *v = val;
        }
        if flag & DEF_PARAM != 0 {
            ste.varnames.push(m);
        } else if flag & DEF_GLOBAL != 0 {
            *self.entries[0].symbols.entry(m).or_insert(0) |= flag;
        }
        Ok(())
    }

    fn add_def(&mut self, name: &Rc<str>, flag: u32, loc: Loc) -> R {
        let id = *self.stack.last().expect("symtable stack is never empty while visiting");
        self.add_def_in(name, flag, id, loc)
    }

    fn lookup(&self, name: &Rc<str>) -> u32 {
        self.cur().flags_of(&mangled(&self.private, name))
    }

    fn record_directive(&mut self, name: &Rc<str>, loc: Loc) {
        let m = mangled(&self.private, name);
        self.cur_mut().directives.entry(m).or_insert(loc);
    }

    fn visit_stmts(&mut self, body: &[Stmt]) -> R {
        body.iter().try_for_each(|s| self.visit_stmt(s))
    }

    fn visit_exprs(&mut self, es: &[Expr]) -> R {
        es.iter().try_for_each(|e| self.visit_expr(e))
    }

    fn visit_stmt(&mut self, s: &Stmt) -> R {
        match &s.kind {
            StmtKind::FunctionDef(f) | StmtKind::AsyncFunctionDef(f) => {
                let is_async = matches!(s.kind, StmtKind::AsyncFunctionDef(_));
                self.add_def(&f.name, DEF_LOCAL, s.loc)?;
                self.visit_exprs(&f.args.defaults)?;
                for d in f.args.kw_defaults.iter().flatten() {
                    self.visit_expr(d)?;
                }
                self.visit_annotations(&f.args, f.returns.as_deref())?;
                self.visit_exprs(&f.decorator_list)?;
                self.enter_block(BlockType::Function, node_key(s), s.loc);
                if is_async {
                    self.cur_mut().coroutine = true;
                }
                self.visit_arguments(&f.args)?;
                self.visit_stmts(&f.body)?;
                self.stack.pop();
            }
            StmtKind::ClassDef(c) => {
                self.add_def(&c.name, DEF_LOCAL, s.loc)?;
                self.visit_exprs(&c.bases)?;
                for k in &c.keywords {
                    self.visit_expr(&k.value)?;
                }
                self.visit_exprs(&c.decorator_list)?;
                self.enter_block(BlockType::Class, node_key(s), s.loc);
                let saved = self.private.replace(c.name.clone());
                self.visit_stmts(&c.body)?;
                self.private = saved;
                self.stack.pop();
            }
            StmtKind::Return { value } => {
                if let Some(v) = value {
                    self.visit_expr(v)?;
                    self.cur_mut().returns_value = true;
                }
            }
            StmtKind::Delete { targets } => self.visit_exprs(targets)?,
            StmtKind::Assign { targets, value } => {
                self.visit_exprs(targets)?;
                self.visit_expr(value)?;
            }
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                if let ExprKind::Name { id, .. } = &target.kind {
                    let cur = self.lookup(id);
                    let is_top = *self.stack.last().unwrap_or(&0) == 0;
                    if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && !is_top && *simple {
                        let msg = if cur & DEF_GLOBAL != 0 {
                            format!("annotated name '{id}' can't be global")
                        } else {
                            format!("annotated name '{id}' can't be nonlocal")
                        };
                        return Err(self.err(msg, s.loc));
                    }
                    if *simple {
                        self.add_def(id, DEF_ANNOT | DEF_LOCAL, target.loc)?;
                    } else if value.is_some() {
                        self.add_def(id, DEF_LOCAL, target.loc)?;
                    }
                } else {
                    self.visit_expr(target)?;
                }
                self.visit_annotation(annotation)?;
                if let Some(v) = value {
                    self.visit_expr(v)?;
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.visit_expr(target)?;
                self.visit_expr(value)?;
            }
            StmtKind::For(f) | StmtKind::AsyncFor(f) => {
                self.visit_expr(&f.target)?;
                self.visit_expr(&f.iter)?;
                self.visit_stmts(&f.body)?;
                self.visit_stmts(&f.orelse)?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_stmts(body)?;
                self.visit_stmts(orelse)?;
            }
            StmtKind::Match { subject, cases } => {
                self.visit_expr(subject)?;
                for c in cases {
                    self.visit_pattern(&c.pattern)?;
                    if let Some(g) = &c.guard {
                        self.visit_expr(g)?;
                    }
                    self.visit_stmts(&c.body)?;
                }
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.visit_expr(e)?;
                    if let Some(c) = cause {
                        self.visit_expr(c)?;
                    }
                }
            }
            StmtKind::Try(t) | StmtKind::TryStar(t) => {
                self.visit_stmts(&t.body)?;
                self.visit_stmts(&t.orelse)?;
                for h in &t.handlers {
                    if let Some(ty) = &h.type_ {
                        self.visit_expr(ty)?;
                    }
                    if let Some(n) = &h.name {
                        self.add_def(n, DEF_LOCAL, h.loc)?;
                    }
                    self.visit_stmts(&h.body)?;
                }
                self.visit_stmts(&t.finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.visit_expr(test)?;
                if let Some(m) = msg {
                    self.visit_expr(m)?;
                }
            }
            StmtKind::Import { names } | StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    self.visit_alias(a, s.loc)?;
                }
            }
            StmtKind::Global { names } => {
                for n in names {
                    let cur = self.lookup(n);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{n}' is parameter and global")
                        } else if cur & USE != 0 {
                            format!("name '{n}' is used prior to global declaration")
                        } else if cur & DEF_ANNOT != 0 {
                            format!("annotated name '{n}' can't be global")
                        } else {
                            format!("name '{n}' is assigned to before global declaration")
                        };
                        return Err(self.err(msg, s.loc));
                    }
                    self.add_def(n, DEF_GLOBAL, s.loc)?;
                    self.record_directive(n, s.loc);
                }
            }
            StmtKind::Nonlocal { names } => {
                for n in names {
                    let cur = self.lookup(n);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{n}' is parameter and nonlocal")
                        } else if cur & USE != 0 {
                            format!("name '{n}' is used prior to nonlocal declaration")
                        } else if cur & DEF_ANNOT != 0 {
                            format!("annotated name '{n}' can't be nonlocal")
                        } else {
                            format!("name '{n}' is assigned to before nonlocal declaration")
                        };
                        return Err(self.err(msg, s.loc));
                    }
                    self.add_def(n, DEF_NONLOCAL, s.loc)?;
                    self.record_directive(n, s.loc);
                }
            }
            StmtKind::Expr { value } => self.visit_expr(value)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
            StmtKind::With(w) | StmtKind::AsyncWith(w) => {
                for item in &w.items {
                    self.visit_expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.visit_expr(v)?;
                    }
                }
                self.visit_stmts(&w.body)?;
            }
        }
        Ok(())
    }

    /// symtable_visit_alias
    fn visit_alias(&mut self, a: &ast::Alias, loc: Loc) -> R {
        let store: Rc<str> = match &a.asname {
            Some(n) => n.clone(),
            None => match a.name.find('.') {
                Some(dot) => rc(&a.name[..dot]),
                None => a.name.clone(),
            },
        };
        if &*a.name == "*" {
            if self.cur().kind != BlockType::Module {
                return Err(self.err("import * only allowed at module level".into(), loc));
            }
            return Ok(());
        }
        self.add_def(&store, DEF_IMPORT, a.loc)
    }

    /// symtable_visit_annotation
    fn visit_annotation(&mut self, e: &Expr) -> R {
        if self.future_annotations {
            return Ok(());
        }
        self.visit_expr(e)
    }

    /// symtable_visit_annotations
    fn visit_annotations(&mut self, args: &ast::Arguments, returns: Option<&Expr>) -> R {
        if self.future_annotations {
            return Ok(());
        }
        let all = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.vararg)
            .chain(&args.kwonlyargs)
            .chain(&args.kwarg);
        for a in all {
            if let Some(ann) = &a.annotation {
                self.visit_expr(ann)?;
            }
        }
        if let Some(r) = returns {
            self.visit_expr(r)?;
        }
        Ok(())
    }

    /// symtable_visit_arguments
    fn visit_arguments(&mut self, args: &ast::Arguments) -> R {
        for a in args.posonlyargs.iter().chain(&args.args).chain(&args.kwonlyargs) {
            self.add_def(&a.arg, DEF_PARAM, a.loc)?;
        }
        if let Some(a) = &args.vararg {
            self.add_def(&a.arg, DEF_PARAM, a.loc)?;
            self.cur_mut().varargs = true;
        }
        if let Some(a) = &args.kwarg {
            self.add_def(&a.arg, DEF_PARAM, a.loc)?;
            self.cur_mut().varkeywords = true;
        }
        Ok(())
    }

    fn visit_pattern(&mut self, p: &Pattern) -> R {
        match &p.kind {
            PatternKind::MatchValue { value } => self.visit_expr(value),
            PatternKind::MatchSingleton { .. } => Ok(()),
            PatternKind::MatchSequence { patterns } | PatternKind::MatchOr { patterns } => {
                patterns.iter().try_for_each(|q| self.visit_pattern(q))
            }
            PatternKind::MatchStar { name } => match name {
                Some(n) => self.add_def(n, DEF_LOCAL, p.loc),
                None => Ok(()),
            },
            PatternKind::MatchAs { pattern, name } => {
                if let Some(q) = pattern {
                    self.visit_pattern(q)?;
                }
                match name {
                    Some(n) => self.add_def(n, DEF_LOCAL, p.loc),
                    None => Ok(()),
                }
            }
            PatternKind::MatchMapping { keys, patterns, rest } => {
                self.visit_exprs(keys)?;
                patterns.iter().try_for_each(|q| self.visit_pattern(q))?;
                match rest {
                    Some(n) => self.add_def(n, DEF_LOCAL, p.loc),
                    None => Ok(()),
                }
            }
            PatternKind::MatchClass { cls, patterns, kwd_patterns, .. } => {
                self.visit_expr(cls)?;
                patterns.iter().try_for_each(|q| self.visit_pattern(q))?;
                kwd_patterns.iter().try_for_each(|q| self.visit_pattern(q))
            }
        }
    }

    /// symtable_raise_if_comprehension_block
    fn yield_in_comprehension(&self, e: &Expr) -> R {
        let msg = match self.cur().comprehension {
            Comprehension::None => return Ok(()),
            Comprehension::List => "'yield' inside list comprehension",
            Comprehension::Set => "'yield' inside set comprehension",
            Comprehension::Dict => "'yield' inside dict comprehension",
            Comprehension::Generator => "'yield' inside generator expression",
        };
        Err(self.err(msg.into(), e.loc))
    }

    fn visit_expr(&mut self, e: &Expr) -> R {
        match &e.kind {
            ExprKind::NamedExpr { target, value } => {
                if self.cur().comp_iter_expr > 0 {
                    return Err(self.err(
                        "assignment expression cannot be used in a comprehension iterable expression".into(),
                        e.loc,
                    ));
                }
                if self.cur().comprehension != Comprehension::None {
                    self.extend_namedexpr_scope(target)?;
                }
                self.visit_expr(value)?;
                self.visit_expr(target)?;
            }
            ExprKind::BoolOp { values, .. } => self.visit_exprs(values)?,
            ExprKind::BinOp { left, right, .. } => {
                self.visit_expr(left)?;
                self.visit_expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.visit_expr(operand)?,
            ExprKind::Lambda { args, body } => {
                self.visit_exprs(&args.defaults)?;
                for d in args.kw_defaults.iter().flatten() {
                    self.visit_expr(d)?;
                }
                self.enter_block(BlockType::Function, node_key(e), e.loc);
                self.visit_arguments(args)?;
                self.visit_expr(body)?;
                self.stack.pop();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_expr(body)?;
                self.visit_expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter().flatten() {
                    self.visit_expr(k)?;
                }
                self.visit_exprs(values)?;
            }
            ExprKind::Set { elts } => self.visit_exprs(elts)?,
            ExprKind::GeneratorExp { elt, generators } => {
                self.handle_comprehension(e, generators, elt, None, Comprehension::Generator)?
            }
            ExprKind::ListComp { elt, generators } => {
                self.handle_comprehension(e, generators, elt, None, Comprehension::List)?
            }
            ExprKind::SetComp { elt, generators } => {
                self.handle_comprehension(e, generators, elt, None, Comprehension::Set)?
            }
            ExprKind::DictComp { key, value, generators } => {
                self.handle_comprehension(e, generators, key, Some(value), Comprehension::Dict)?
            }
            ExprKind::Yield { value } => {
                if let Some(v) = value {
                    self.visit_expr(v)?;
                }
                self.cur_mut().generator = true;
                self.yield_in_comprehension(e)?;
            }
            ExprKind::YieldFrom { value } => {
                self.visit_expr(value)?;
                self.cur_mut().generator = true;
                self.yield_in_comprehension(e)?;
            }
            ExprKind::Await { value } => {
                self.visit_expr(value)?;
                self.cur_mut().coroutine = true;
            }
            ExprKind::Compare { left, comparators, .. } => {
                self.visit_expr(left)?;
                self.visit_exprs(comparators)?;
            }
            ExprKind::Call { func, args, keywords } => {
                self.visit_expr(func)?;
                self.visit_exprs(args)?;
                for k in keywords {
                    self.visit_expr(&k.value)?;
                }
            }
            ExprKind::FormattedValue { value, format_spec, .. } => {
                self.visit_expr(value)?;
                if let Some(f) = format_spec {
                    self.visit_expr(f)?;
                }
            }
            ExprKind::JoinedStr { values } => self.visit_exprs(values)?,
            ExprKind::Constant { .. } => {}
            ExprKind::Attribute { value, .. } => self.visit_expr(value)?,
            ExprKind::Subscript { value, slice, .. } => {
                self.visit_expr(value)?;
                self.visit_expr(slice)?;
            }
            ExprKind::Starred { value, .. } => self.visit_expr(value)?,
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper, step].into_iter().flatten() {
                    self.visit_expr(x)?;
                }
            }
            ExprKind::Name { id, ctx } => {
                let flag = if *ctx == ast::ExprContext::Load { USE } else { DEF_LOCAL };
                self.add_def(id, flag, e.loc)?;
                if *ctx == ast::ExprContext::Load
                    && self.cur().kind == BlockType::Function
                    && &**id == "super"
                {
                    self.add_def(&rc("__class__"), USE, e.loc)?;
                }
            }
            ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => self.visit_exprs(elts)?,
        }
        Ok(())
    }

    /// symtable_extend_namedexpr_scope
    fn extend_namedexpr_scope(&mut self, target: &Expr) -> R {
        let ExprKind::Name { id, .. } = &target.kind else {
            return Ok(());
        };
        let loc = target.loc;
        for i in (0..self.stack.len()).rev() {
            let sid = self.stack[i];
            let ste = &self.entries[sid];
            if ste.comprehension != Comprehension::None {
                if ste.flags_of(id) & DEF_COMP_ITER != 0 {
                    return Err(self.err(
                        format!("assignment expression cannot rebind comprehension iteration variable '{id}'"),
                        loc,
                    ));
                }
                continue;
            }
            match ste.kind {
                BlockType::Function => {
                    let flag = if ste.flags_of(id) & DEF_GLOBAL != 0 { DEF_GLOBAL } else { DEF_NONLOCAL };
                    self.add_def(id, flag, loc)?;
                    self.record_directive(id, loc);
                    return self.add_def_in(id, DEF_LOCAL, sid, loc);
                }
                BlockType::Module => {
                    self.add_def(id, DEF_GLOBAL, loc)?;
                    self.record_directive(id, loc);
                    return self.add_def_in(id, DEF_GLOBAL, sid, loc);
                }
                BlockType::Class => {
                    return Err(self.err(
                        "assignment expression within a comprehension cannot be used in a class body".into(),
                        loc,
                    ));
                }
            }
        }
        Ok(())
    }

    /// symtable_handle_comprehension
    fn handle_comprehension(
        &mut self,
        e: &Expr,
        generators: &[ast::Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
        kind: Comprehension,
    ) -> R {
        let Some(outermost) = generators.first() else {
            return Ok(());
        };
        self.cur_mut().comp_iter_expr += 1;
        let r = self.visit_expr(&outermost.iter);
        self.cur_mut().comp_iter_expr -= 1;
        r?;
        self.enter_block(BlockType::Function, node_key(e), e.loc);
        self.cur_mut().comprehension = kind;
        if outermost.is_async {
            self.cur_mut().coroutine = true;
        }
        self.add_def(&rc(".0"), DEF_PARAM, e.loc)?;
        self.cur_mut().comp_iter_target = true;
        self.visit_expr(&outermost.target)?;
        self.cur_mut().comp_iter_target = false;
        self.visit_exprs(&outermost.ifs)?;
        for g in &generators[1..] {
            self.cur_mut().comp_iter_target = true;
            self.visit_expr(&g.target)?;
            self.cur_mut().comp_iter_target = false;
            self.cur_mut().comp_iter_expr += 1;
            let r = self.visit_expr(&g.iter);
            self.cur_mut().comp_iter_expr -= 1;
            r?;
            self.visit_exprs(&g.ifs)?;
            if g.is_async {
                self.cur_mut().coroutine = true;
            }
        }
        if let Some(v) = value {
            self.visit_expr(v)?;
        }
        self.visit_expr(elt)?;
        let is_generator = kind == Comprehension::Generator;
        self.cur_mut().generator = is_generator;
        let is_async = self.cur().coroutine && !is_generator;
        self.stack.pop();
        if is_async {
            self.cur_mut().coroutine = true;
        }
        Ok(())
    }
}
