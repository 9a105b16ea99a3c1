//! Statements: ruff `Stmt` → CPython `ast.stmt` (ast.c / the PEG actions' node shapes).

use super::Converter;
use crate::ast::*;
use ruff_python_ast as r;
use ruff_python_ast::token::TokenKind;
use ruff_text_size::{Ranged, TextRange};

impl Converter<'_> {
    pub(crate) fn stmts(&mut self, body: &[r::Stmt]) -> Vec<Stmt> {
        body.iter().map(|s| self.stmt(s)).collect()
    }

    fn stmt(&mut self, s: &r::Stmt) -> Stmt {
        let compound = matches!(
            s,
            r::Stmt::For(_) | r::Stmt::While(_) | r::Stmt::If(_) | r::Stmt::With(_) | r::Stmt::Match(_) | r::Stmt::Try(_)
        );
        let mut loc = self.loc(if compound { self.block_range(s.range()) } else { s.range() });
        let kind = match s {
            r::Stmt::FunctionDef(f) => {
                loc = self.def_loc(s.range(), &f.decorator_list);
                let def = FunctionDef {
                    name: self.ident(&f.name),
                    args: Box::new(self.parameters(Some(&f.parameters))),
                    body: self.stmts(&f.body),
                    decorator_list: self.decorators(&f.decorator_list),
                    returns: f.returns.as_deref().map(|e| self.bexpr(e)),
                };
                if f.is_async {
                    StmtKind::AsyncFunctionDef(def)
                } else {
                    StmtKind::FunctionDef(def)
                }
            }
            r::Stmt::ClassDef(c) => {
                loc = self.def_loc(s.range(), &c.decorator_list);
                let (bases, keywords) = match c.arguments.as_deref() {
                    Some(a) => (self.exprs(&a.args), self.keywords(&a.keywords)),
                    None => (Vec::new(), Vec::new()),
                };
                StmtKind::ClassDef(ClassDef {
                    name: self.ident(&c.name),
                    bases,
                    keywords,
                    body: self.stmts(&c.body),
                    decorator_list: self.decorators(&c.decorator_list),
                })
            }
            r::Stmt::Return(x) => StmtKind::Return { value: x.value.as_deref().map(|e| self.bexpr(e)) },
            r::Stmt::Delete(x) => StmtKind::Delete { targets: self.exprs(&x.targets) },
            r::Stmt::Assign(x) => {
                StmtKind::Assign { targets: self.exprs(&x.targets), value: self.bexpr(&x.value) }
            }
            r::Stmt::AugAssign(x) => StmtKind::AugAssign {
                target: self.bexpr(&x.target),
                op: super::expr::operator(x.op),
                value: self.bexpr(&x.value),
            },
            r::Stmt::AnnAssign(x) => StmtKind::AnnAssign {
                target: self.bexpr(&x.target),
                annotation: self.bexpr(&x.annotation),
                value: x.value.as_deref().map(|e| self.bexpr(e)),
                simple: x.simple,
            },
            r::Stmt::For(x) => {
                let f = For {
                    target: self.bexpr(&x.target),
                    iter: self.bexpr(&x.iter),
                    body: self.stmts(&x.body),
                    orelse: self.stmts(&x.orelse),
                };
                if x.is_async {
                    StmtKind::AsyncFor(f)
                } else {
                    StmtKind::For(f)
                }
            }
            r::Stmt::While(x) => StmtKind::While {
                test: self.bexpr(&x.test),
                body: self.stmts(&x.body),
                orelse: self.stmts(&x.orelse),
            },
            r::Stmt::If(x) => StmtKind::If {
                test: self.bexpr(&x.test),
                body: self.stmts(&x.body),
                orelse: self.elif_chain(&x.elif_else_clauses),
            },
            r::Stmt::With(x) => {
                let w = With { items: x.items.iter().map(|i| self.withitem(i)).collect(), body: self.stmts(&x.body) };
                if x.is_async {
                    StmtKind::AsyncWith(w)
                } else {
                    StmtKind::With(w)
                }
            }
            r::Stmt::Match(x) => StmtKind::Match {
                subject: self.bexpr(&x.subject),
                cases: x.cases.iter().map(|c| self.match_case(c)).collect(),
            },
            r::Stmt::Raise(x) => StmtKind::Raise {
                exc: x.exc.as_deref().map(|e| self.bexpr(e)),
                cause: x.cause.as_deref().map(|e| self.bexpr(e)),
            },
            r::Stmt::Try(x) => {
                let t = Try {
                    body: self.stmts(&x.body),
                    handlers: x.handlers.iter().map(|h| self.handler(h)).collect(),
                    orelse: self.stmts(&x.orelse),
                    finalbody: self.stmts(&x.finalbody),
                };
                if x.is_star {
                    StmtKind::TryStar(t)
                } else {
                    StmtKind::Try(t)
                }
            }
            r::Stmt::Assert(x) => StmtKind::Assert {
                test: self.bexpr(&x.test),
                msg: x.msg.as_deref().map(|e| self.bexpr(e)),
            },
            r::Stmt::Import(x) => StmtKind::Import { names: x.names.iter().map(|a| self.alias(a)).collect() },
            r::Stmt::ImportFrom(x) => StmtKind::ImportFrom {
                module: x.module.as_ref().map(|n| self.ident(n)),
                names: x.names.iter().map(|a| self.alias(a)).collect(),
                level: x.level,
            },
            r::Stmt::Global(x) => StmtKind::Global { names: x.names.iter().map(|n| self.ident(n)).collect() },
            r::Stmt::Nonlocal(x) => StmtKind::Nonlocal { names: x.names.iter().map(|n| self.ident(n)).collect() },
            r::Stmt::Expr(x) => StmtKind::Expr { value: self.bexpr(&x.value) },
            r::Stmt::Break(_) => StmtKind::Break,
            r::Stmt::Continue(_) => StmtKind::Continue,
            // `type X = ...` and IPython escapes are rejected before conversion (unsupported
            // syntax for 3.11 / not parsed in plain module mode).
            r::Stmt::Pass(_) | r::Stmt::TypeAlias(_) | r::Stmt::IpyEscapeCommand(_) => StmtKind::Pass,
        };
        Stmt { loc, kind }
    }

    /// A decorated def/class starts at its `def`/`async`/`class` keyword, not at the first
    /// decorator (CPython's `_PyAST_FunctionDef` is built from the undecorated rule).
    fn def_loc(&self, range: TextRange, decorators: &[r::Decorator]) -> Loc {
        let mut loc = self.loc(self.block_range(range));
        if let Some(last) = decorators.last() {
            let mut offset = last.end();
            while let Some(tok) = self.token_from(offset) {
                if matches!(tok.kind(), TokenKind::Def | TokenKind::Async | TokenKind::Class) {
                    let start = self.loc(tok.range());
                    loc.lineno = start.lineno;
                    loc.col_offset = start.col_offset;
                    break;
                }
                offset = tok.end();
            }
        }
        loc
    }

    /// The range of a compound statement: a block that ends with `stmt;` ends after the `;`
    /// in CPython (the last token of the block that is not NEWLINE/INDENT/DEDENT).
    fn block_range(&self, range: TextRange) -> TextRange {
        match self.token_from(range.end()) {
            Some(t) if t.kind() == TokenKind::Semi => {
                TextRange::new(range.start(), t.end())
            }
            _ => range,
        }
    }

    fn decorators(&mut self, decorators: &[r::Decorator]) -> Vec<Expr> {
        decorators.iter().map(|d| self.expr(&d.expression)).collect()
    }

    /// `elif`/`else` clauses become nested `If` nodes in `orelse`, each spanning from its
    /// `elif` to the end of the chain.
    fn elif_chain(&mut self, clauses: &[r::ElifElseClause]) -> Vec<Stmt> {
        let Some((first, rest)) = clauses.split_first() else {
            return Vec::new();
        };
        match &first.test {
            None => self.stmts(&first.body),
            Some(test) => {
                let end = clauses.last().map_or(first.end(), Ranged::end);
                let loc = self.loc(self.block_range(TextRange::new(first.start(), end)));
                let kind = StmtKind::If {
                    test: self.bexpr(test),
                    body: self.stmts(&first.body),
                    orelse: self.elif_chain(rest),
                };
                vec![Stmt { loc, kind }]
            }
        }
    }

    fn withitem(&mut self, item: &r::WithItem) -> WithItem {
        WithItem {
            context_expr: self.expr(&item.context_expr),
            optional_vars: item.optional_vars.as_deref().map(|e| self.bexpr(e)),
        }
    }

    fn handler(&mut self, h: &r::ExceptHandler) -> ExceptHandler {
        let r::ExceptHandler::ExceptHandler(h) = h;
        ExceptHandler {
            loc: self.loc(self.block_range(h.range)),
            type_: h.type_.as_deref().map(|e| self.bexpr(e)),
            name: h.name.as_ref().map(|n| self.ident(n)),
            body: self.stmts(&h.body),
        }
    }

    fn alias(&mut self, a: &r::Alias) -> Alias {
        Alias { loc: self.loc(a.range), name: self.ident(&a.name), asname: a.asname.as_ref().map(|n| self.ident(n)) }
    }

    fn match_case(&mut self, c: &r::MatchCase) -> MatchCase {
        MatchCase {
            pattern: self.pattern(&c.pattern),
            guard: c.guard.as_deref().map(|e| self.bexpr(e)),
            body: self.stmts(&c.body),
        }
    }
}
