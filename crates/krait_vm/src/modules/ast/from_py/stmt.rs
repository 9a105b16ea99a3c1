//! obj2ast for statements, their parts (handlers, aliases, with-items, match cases) and
//! function signatures (`arguments`, `arg`, `keyword`).

use super::FromPy;
use crate::modules::ast::ops::OPERATORS;
use crate::object::Value;
use crate::vm::PyResult;
use krait_syntax::ast::*;

impl FromPy<'_> {
    /// A statement list field (None items are an error).
    pub(super) fn stmts(&mut self, obj: &Value, name: &str, owner: &str) -> PyResult<Vec<Stmt>> {
        self.list(obj, name, owner, |c, v| {
            if v.is_none() {
                return Ok(Stmt { loc: super::NONE_ITEM, kind: StmtKind::Pass });
            }
            c.enter("stmt")?;
            let s = c.stmt(v);
            c.leave();
            s
        })
    }

    /// obj2ast_stmt
    fn stmt(&mut self, obj: &Value) -> PyResult<Stmt> {
        let loc = self.checked_loc(obj, "stmt", false)?;
        let k = self.kind(obj, "stmt")?;
        let kind = match k {
            "FunctionDef" => StmtKind::FunctionDef(self.funcdef(obj, k)?),
            "AsyncFunctionDef" => StmtKind::AsyncFunctionDef(self.funcdef(obj, k)?),
            "ClassDef" => StmtKind::ClassDef(ClassDef {
                name: self.req_ident(obj, "name", k)?,
                bases: self.exprs(obj, "bases", k)?,
                keywords: self.list(obj, "keywords", k, Self::keyword)?,
                body: self.stmts(obj, "body", k)?,
                decorator_list: self.exprs(obj, "decorator_list", k)?,
            }),
            "Return" => StmtKind::Return { value: self.opt_expr(obj, "value")? },
            "Delete" => StmtKind::Delete { targets: self.exprs(obj, "targets", k)? },
            "Assign" => {
                let targets = self.exprs(obj, "targets", k)?;
                let value = self.req_expr(obj, "value", k)?;
                self.type_comment(obj)?;
                StmtKind::Assign { targets, value }
            }
            "AugAssign" => StmtKind::AugAssign {
                target: self.req_expr(obj, "target", k)?,
                op: self.req_simple(obj, "op", k, "operator", OPERATORS)?,
                value: self.req_expr(obj, "value", k)?,
            },
            "AnnAssign" => StmtKind::AnnAssign {
                target: self.req_expr(obj, "target", k)?,
                annotation: self.req_expr(obj, "annotation", k)?,
                value: self.opt_expr(obj, "value")?,
                simple: self.req_int(obj, "simple", k)? != 0,
            },
            "For" => StmtKind::For(self.for_(obj, k)?),
            "AsyncFor" => StmtKind::AsyncFor(self.for_(obj, k)?),
            "While" => StmtKind::While { test: self.req_expr(obj, "test", k)?, body: self.stmts(obj, "body", k)?, orelse: self.stmts(obj, "orelse", k)? },
            "If" => StmtKind::If { test: self.req_expr(obj, "test", k)?, body: self.stmts(obj, "body", k)?, orelse: self.stmts(obj, "orelse", k)? },
            "With" => StmtKind::With(self.with(obj, k)?),
            "AsyncWith" => StmtKind::AsyncWith(self.with(obj, k)?),
            "Match" => StmtKind::Match { subject: self.req_expr(obj, "subject", k)?, cases: self.list(obj, "cases", k, Self::match_case)? },
            "Raise" => StmtKind::Raise { exc: self.opt_expr(obj, "exc")?, cause: self.opt_expr(obj, "cause")? },
            "Try" => StmtKind::Try(self.try_(obj, k)?),
            "TryStar" => StmtKind::TryStar(self.try_(obj, k)?),
            "Assert" => StmtKind::Assert { test: self.req_expr(obj, "test", k)?, msg: self.opt_expr(obj, "msg")? },
            "Import" => StmtKind::Import { names: self.list(obj, "names", k, Self::alias)? },
            "ImportFrom" => {
                let module = self.opt_ident(obj, "module")?;
                let names = self.list(obj, "names", k, Self::alias)?;
                let level = match self.opt(obj, "level")? {
                    Some(v) => self.int(&v)?,
                    None => 0,
                };
                let Ok(level) = u32::try_from(level) else {
                    return Err(self.vm.new_value_error("Negative ImportFrom level"));
                };
                StmtKind::ImportFrom { module, names, level }
            }
            "Global" => StmtKind::Global { names: self.idents(obj, "names", k)? },
            "Nonlocal" => StmtKind::Nonlocal { names: self.idents(obj, "names", k)? },
            "Expr" => StmtKind::Expr { value: self.req_expr(obj, "value", k)? },
            "Pass" => StmtKind::Pass,
            "Break" => StmtKind::Break,
            _ => StmtKind::Continue,
        };
        Ok(Stmt { loc, kind })
    }

    fn funcdef(&mut self, obj: &Value, k: &str) -> PyResult<FunctionDef> {
        let name = self.req_ident(obj, "name", k)?;
        let a = self.req(obj, "args", k)?;
        let f = FunctionDef {
            name,
            args: Box::new(self.arguments(&a)?),
            body: self.stmts(obj, "body", k)?,
            decorator_list: self.exprs(obj, "decorator_list", k)?,
            returns: self.opt_expr(obj, "returns")?,
        };
        self.type_comment(obj)?;
        Ok(f)
    }

    fn for_(&mut self, obj: &Value, k: &str) -> PyResult<For> {
        let f = For {
            target: self.req_expr(obj, "target", k)?,
            iter: self.req_expr(obj, "iter", k)?,
            body: self.stmts(obj, "body", k)?,
            orelse: self.stmts(obj, "orelse", k)?,
        };
        self.type_comment(obj)?;
        Ok(f)
    }

    fn with(&mut self, obj: &Value, k: &str) -> PyResult<With> {
        let items = self.list(obj, "items", k, |c, item| {
            let context_expr = *c.req_expr(item, "context_expr", "withitem")?;
            Ok(WithItem { context_expr, optional_vars: c.opt_expr(item, "optional_vars")? })
        })?;
        let body = self.stmts(obj, "body", k)?;
        self.type_comment(obj)?;
        Ok(With { items, body })
    }

    fn try_(&mut self, obj: &Value, k: &str) -> PyResult<Try> {
        Ok(Try {
            body: self.stmts(obj, "body", k)?,
            handlers: self.list(obj, "handlers", k, Self::handler)?,
            orelse: self.stmts(obj, "orelse", k)?,
            finalbody: self.stmts(obj, "finalbody", k)?,
        })
    }

    /// obj2ast_excepthandler
    fn handler(&mut self, obj: &Value) -> PyResult<ExceptHandler> {
        let loc = self.loc(obj, "excepthandler")?;
        self.kind(obj, "excepthandler")?;
        let type_ = self.opt_expr(obj, "type")?;
        let name = self.opt_ident(obj, "name")?;
        Ok(ExceptHandler { loc, type_, name, body: self.stmts(obj, "body", "ExceptHandler")? })
    }

    /// obj2ast_alias
    fn alias(&mut self, obj: &Value) -> PyResult<Alias> {
        let name = self.req_ident(obj, "name", "alias")?;
        let asname = self.opt_ident(obj, "asname")?;
        Ok(Alias { loc: self.loc(obj, "alias")?, name, asname })
    }

    /// obj2ast_keyword
    pub(super) fn keyword(&mut self, obj: &Value) -> PyResult<Keyword> {
        let arg = self.opt_ident(obj, "arg")?;
        let value = *self.req_expr(obj, "value", "keyword")?;
        Ok(Keyword { loc: self.loc(obj, "keyword")?, arg, value })
    }

    /// obj2ast_arg
    fn arg(&mut self, obj: &Value) -> PyResult<Arg> {
        let arg = self.req_ident(obj, "arg", "arg")?;
        let annotation = self.opt_expr(obj, "annotation")?;
        self.type_comment(obj)?;
        Ok(Arg { loc: self.loc(obj, "arg")?, arg, annotation })
    }

    fn opt_arg(&mut self, obj: &Value, name: &str) -> PyResult<Option<Arg>> {
        match self.opt(obj, name)? {
            Some(v) => Ok(Some(self.arg(&v)?)),
            None => Ok(None),
        }
    }

    /// obj2ast_arguments
    pub(super) fn arguments(&mut self, obj: &Value) -> PyResult<Arguments> {
        const K: &str = "arguments";
        Ok(Arguments {
            posonlyargs: self.list(obj, "posonlyargs", K, Self::arg)?,
            args: self.list(obj, "args", K, Self::arg)?,
            vararg: self.opt_arg(obj, "vararg")?,
            kwonlyargs: self.list(obj, "kwonlyargs", K, Self::arg)?,
            kw_defaults: self.opt_exprs(obj, "kw_defaults", K)?,
            kwarg: self.opt_arg(obj, "kwarg")?,
            defaults: self.exprs(obj, "defaults", K)?,
        })
    }

    /// obj2ast_match_case
    fn match_case(&mut self, obj: &Value) -> PyResult<MatchCase> {
        let p = self.req(obj, "pattern", "match_case")?;
        let Some(pattern) = self.pattern(&p)? else { return Err(self.none_error("pattern", "match_case")) };
        let guard = self.opt_expr(obj, "guard")?;
        Ok(MatchCase { pattern, guard, body: self.stmts(obj, "body", "match_case")? })
    }
}
