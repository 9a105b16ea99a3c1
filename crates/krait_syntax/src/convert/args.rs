//! Function and lambda parameters: ruff `Parameters` → CPython `ast.arguments`.

use super::Converter;
use crate::ast::*;
use ruff_python_ast as r;

impl Converter<'_> {
    /// `None` (a lambda without parameters) gives the empty `arguments()`.
    pub(crate) fn parameters(&mut self, p: Option<&r::Parameters>) -> Arguments {
        let Some(p) = p else {
            return Arguments::default();
        };
        let mut out = Arguments::default();
        for pd in p.posonlyargs.iter().chain(p.args.iter()) {
            let arg = self.arg(&pd.parameter);
            if let Some(d) = pd.default.as_deref() {
                out.defaults.push(self.expr(d));
            }
            if out.posonlyargs.len() < p.posonlyargs.len() {
                out.posonlyargs.push(arg);
            } else {
                out.args.push(arg);
            }
        }
        out.vararg = p.vararg.as_deref().map(|a| self.star_arg(a));
        for pd in &p.kwonlyargs {
            out.kwonlyargs.push(self.arg(&pd.parameter));
            out.kw_defaults.push(pd.default.as_deref().map(|d| self.expr(d)));
        }
        out.kwarg = p.kwarg.as_deref().map(|a| self.star_arg(a));
        out
    }

    /// `*args` / `**kwargs`: CPython's `arg` starts at the name, after the stars.
    fn star_arg(&mut self, a: &r::Parameter) -> Arg {
        let mut arg = self.arg(a);
        let start = self.loc(a.name.range);
        arg.loc.lineno = start.lineno;
        arg.loc.col_offset = start.col_offset;
        arg
    }

    fn arg(&mut self, a: &r::Parameter) -> Arg {
        Arg {
            loc: self.loc(a.range),
            arg: self.ident(&a.name),
            annotation: a.annotation.as_deref().map(|e| self.bexpr(e)),
        }
    }
}
