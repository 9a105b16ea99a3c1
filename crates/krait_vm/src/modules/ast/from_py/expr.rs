//! obj2ast for expressions, comprehensions, match patterns and constants.

use super::FromPy;
use crate::modules::ast::ops::{BOOLOPS, CMPOPS, CONTEXTS, OPERATORS, UNARYOPS};
use crate::object::{Payload, Value};
use crate::vm::PyResult;
use krait_syntax::ast::*;
use std::rc::Rc;

impl FromPy<'_> {
    /// obj2ast_expr: None gives None.
    pub(super) fn expr(&mut self, obj: &Value) -> PyResult<Option<Expr>> {
        if obj.is_none() {
            return Ok(None);
        }
        self.enter("expr")?;
        let e = self.expr_node(obj);
        self.leave();
        e.map(Some)
    }

    fn ctx(&mut self, obj: &Value, k: &str) -> PyResult<ExprContext> {
        self.req_simple(obj, "ctx", k, "expr_context", CONTEXTS)
    }

    fn expr_node(&mut self, obj: &Value) -> PyResult<Expr> {
        let loc = self.checked_loc(obj, "expr", false)?;
        let k = self.kind(obj, "expr")?;
        let kind = match k {
            "BoolOp" => ExprKind::BoolOp { op: self.req_simple(obj, "op", k, "boolop", BOOLOPS)?, values: self.exprs(obj, "values", k)? },
            "NamedExpr" => ExprKind::NamedExpr { target: self.req_expr(obj, "target", k)?, value: self.req_expr(obj, "value", k)? },
            "BinOp" => ExprKind::BinOp {
                left: self.req_expr(obj, "left", k)?,
                op: self.req_simple(obj, "op", k, "operator", OPERATORS)?,
                right: self.req_expr(obj, "right", k)?,
            },
            "UnaryOp" => ExprKind::UnaryOp { op: self.req_simple(obj, "op", k, "unaryop", UNARYOPS)?, operand: self.req_expr(obj, "operand", k)? },
            "Lambda" => {
                let a = self.req(obj, "args", k)?;
                ExprKind::Lambda { args: Box::new(self.arguments(&a)?), body: self.req_expr(obj, "body", k)? }
            }
            "IfExp" => ExprKind::IfExp { test: self.req_expr(obj, "test", k)?, body: self.req_expr(obj, "body", k)?, orelse: self.req_expr(obj, "orelse", k)? },
            "Dict" => ExprKind::Dict { keys: self.opt_exprs(obj, "keys", k)?, values: self.exprs(obj, "values", k)? },
            "Set" => ExprKind::Set { elts: self.exprs(obj, "elts", k)? },
            "ListComp" => ExprKind::ListComp { elt: self.req_expr(obj, "elt", k)?, generators: self.generators(obj, k)? },
            "SetComp" => ExprKind::SetComp { elt: self.req_expr(obj, "elt", k)?, generators: self.generators(obj, k)? },
            "GeneratorExp" => ExprKind::GeneratorExp { elt: self.req_expr(obj, "elt", k)?, generators: self.generators(obj, k)? },
            "DictComp" => ExprKind::DictComp { key: self.req_expr(obj, "key", k)?, value: self.req_expr(obj, "value", k)?, generators: self.generators(obj, k)? },
            "Await" => ExprKind::Await { value: self.req_expr(obj, "value", k)? },
            "Yield" => ExprKind::Yield { value: self.opt_expr(obj, "value")? },
            "YieldFrom" => ExprKind::YieldFrom { value: self.req_expr(obj, "value", k)? },
            "Compare" => ExprKind::Compare {
                left: self.req_expr(obj, "left", k)?,
                ops: self.list(obj, "ops", k, |c, v| c.simple(v, "cmpop", CMPOPS))?,
                comparators: self.exprs(obj, "comparators", k)?,
            },
            "Call" => ExprKind::Call { func: self.req_expr(obj, "func", k)?, args: self.exprs(obj, "args", k)?, keywords: self.list(obj, "keywords", k, Self::keyword)? },
            "FormattedValue" => {
                let value = self.req_expr(obj, "value", k)?;
                let conversion = self.req_int(obj, "conversion", k)? as i32;
                // The compiler's check (compiler_formatted_value), made here.
                if ![-1, 's' as i32, 'r' as i32, 'a' as i32].contains(&conversion) {
                    return Err(self.vm.new_system_error(format!("Unrecognized conversion character {conversion}")));
                }
                ExprKind::FormattedValue { value, conversion, format_spec: self.opt_expr(obj, "format_spec")? }
            }
            "JoinedStr" => ExprKind::JoinedStr { values: self.exprs(obj, "values", k)? },
            "Constant" => {
                let v = self.req(obj, "value", k)?;
                // validate_constant runs in the validator: an invalid value waits for it.
                let value = match self.constant_value(&v) {
                    Ok(c) => c,
                    Err(bad) => {
                        let n = self.vm.type_name(&bad);
                        return Ok(Expr { loc, kind: super::invalid_constant(&n) });
                    }
                };
                let kind = match self.opt(obj, "kind")? {
                    Some(s) => self.string(&s)?,
                    None => None,
                };
                ExprKind::Constant { value, kind }
            }
            "Attribute" => ExprKind::Attribute { value: self.req_expr(obj, "value", k)?, attr: self.req_ident(obj, "attr", k)?, ctx: self.ctx(obj, k)? },
            "Subscript" => ExprKind::Subscript { value: self.req_expr(obj, "value", k)?, slice: self.req_expr(obj, "slice", k)?, ctx: self.ctx(obj, k)? },
            "Starred" => ExprKind::Starred { value: self.req_expr(obj, "value", k)?, ctx: self.ctx(obj, k)? },
            "Name" => ExprKind::Name { id: self.req_ident(obj, "id", k)?, ctx: self.ctx(obj, k)? },
            "List" => ExprKind::List { elts: self.exprs(obj, "elts", k)?, ctx: self.ctx(obj, k)? },
            "Tuple" => ExprKind::Tuple { elts: self.exprs(obj, "elts", k)?, ctx: self.ctx(obj, k)? },
            _ => ExprKind::Slice { lower: self.opt_expr(obj, "lower")?, upper: self.opt_expr(obj, "upper")?, step: self.opt_expr(obj, "step")? },
        };
        Ok(Expr { loc, kind })
    }

    fn generators(&mut self, obj: &Value, k: &str) -> PyResult<Vec<Comprehension>> {
        self.list(obj, "generators", k, |c, g| {
            const K: &str = "comprehension";
            Ok(Comprehension {
                target: *c.req_expr(g, "target", K)?,
                iter: *c.req_expr(g, "iter", K)?,
                ifs: c.exprs(g, "ifs", K)?,
                is_async: c.req_int(g, "is_async", K)? != 0,
            })
        })
    }

    /// obj2ast_pattern: None gives None.
    pub(super) fn pattern(&mut self, obj: &Value) -> PyResult<Option<Pattern>> {
        if obj.is_none() {
            return Ok(None);
        }
        self.enter("pattern")?;
        let p = self.pattern_node(obj);
        self.leave();
        p.map(Some)
    }

    /// A list of patterns; a None item stands as [`super::NONE_ITEM`] for the validator.
    fn patterns(&mut self, obj: &Value, name: &str, owner: &str) -> PyResult<Vec<Pattern>> {
        self.list(obj, name, owner, |c, v| {
            Ok(c.pattern(v)?.unwrap_or(Pattern { loc: super::NONE_ITEM, kind: PatternKind::MatchStar { name: None } }))
        })
    }

    fn pattern_node(&mut self, obj: &Value) -> PyResult<Pattern> {
        let loc = self.checked_loc(obj, "pattern", true)?;
        let k = self.kind(obj, "pattern")?;
        let kind = match k {
            "MatchValue" => PatternKind::MatchValue { value: self.req_expr(obj, "value", k)? },
            "MatchSingleton" => {
                let value = match self.req(obj, "value", k)? {
                    Value::None => ConstantValue::None,
                    Value::Bool(b) => ConstantValue::Bool(b),
                    // Anything else: the validator refuses a non-singleton.
                    _ => ConstantValue::Ellipsis,
                };
                PatternKind::MatchSingleton { value }
            }
            "MatchSequence" => PatternKind::MatchSequence { patterns: self.patterns(obj, "patterns", k)? },
            "MatchMapping" => PatternKind::MatchMapping { keys: self.exprs(obj, "keys", k)?, patterns: self.patterns(obj, "patterns", k)?, rest: self.opt_ident(obj, "rest")? },
            "MatchClass" => PatternKind::MatchClass {
                cls: self.req_expr(obj, "cls", k)?,
                patterns: self.patterns(obj, "patterns", k)?,
                kwd_attrs: self.idents(obj, "kwd_attrs", k)?,
                kwd_patterns: self.patterns(obj, "kwd_patterns", k)?,
            },
            "MatchStar" => PatternKind::MatchStar { name: self.opt_ident(obj, "name")? },
            "MatchAs" => {
                let pattern = match self.opt(obj, "pattern")? {
                    Some(p) => self.pattern(&p)?.map(Box::new),
                    None => None,
                };
                PatternKind::MatchAs { pattern, name: self.opt_ident(obj, "name")? }
            }
            _ => PatternKind::MatchOr { patterns: self.patterns(obj, "patterns", k)? },
        };
        Ok(Pattern { loc, kind })
    }

    /// The constant for `v`, or the (innermost) value that cannot be one.
    fn constant_value(&mut self, v: &Value) -> Result<ConstantValue, Value> {
        let o = match v {
            Value::None => return Ok(ConstantValue::None),
            Value::Bool(b) => return Ok(ConstantValue::Bool(*b)),
            Value::Int(i) => return Ok(ConstantValue::Int((*i).into())),
            Value::Float(f) => return Ok(ConstantValue::Float(*f)),
            Value::Obj(o) => o,
            Value::Null => return Err(v.clone()),
        };
        if o.is(&self.vm.ellipsis) {
            return Ok(ConstantValue::Ellipsis);
        }
        let cls = o.class();
        let t = &self.vm.types;
        let exact = |ty: &crate::object::PyRef| cls.is(ty);
        match &o.payload {
            Payload::Int(i) if exact(&t.int) => Ok(ConstantValue::Int(i.clone())),
            Payload::Float(f) if exact(&t.float) => Ok(ConstantValue::Float(*f)),
            Payload::Complex { re, im } if exact(&t.complex) => Ok(ConstantValue::Complex { re: *re, im: *im }),
            Payload::Str(s) if exact(&t.str) => Ok(ConstantValue::Str(Rc::from(s.as_str()))),
            Payload::Bytes(b) if exact(&t.bytes) => Ok(ConstantValue::Bytes(Rc::from(&b[..]))),
            Payload::Tuple(items) if exact(&t.tuple) => {
                let items = items.to_vec();
                let cs = items.iter().map(|x| self.constant_value(x)).collect::<Result<Vec<_>, _>>()?;
                Ok(ConstantValue::Tuple(Rc::from(cs)))
            }
            Payload::FrozenSet(_) if exact(&t.frozenset) => {
                let items = self.vm.collect(v).map_err(|_| v.clone())?;
                let cs = items.iter().map(|x| self.constant_value(x)).collect::<Result<Vec<_>, _>>()?;
                Ok(ConstantValue::FrozenSet(Rc::from(cs)))
            }
            _ => Err(v.clone()),
        }
    }
}
