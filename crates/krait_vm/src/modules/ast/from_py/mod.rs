//! Python node objects → Rust AST (CPython's `obj2ast_*`), with CPython's messages for
//! missing fields and wrong types; `compile()` of an AST object goes through here.

mod expr;
mod stmt;

use super::AstState;
use crate::object::Value;
use crate::vm::{PyResult, Vm};
use krait_syntax::ast::{Expr, Loc};
use krait_syntax::{Mode, Parsed};
use std::rc::Rc;

/// Where a None item of an expression or statement list stands until the validator
/// reports it, as CPython keeps a null there: a location no Python int can give.
const NONE_ITEM: Loc = Loc { lineno: u32::MAX, col_offset: u32::MAX, end_lineno: u32::MAX, end_col_offset: u32::MAX };

/// The stand-in for a None item of an expression list.
fn none_expr() -> Expr {
    Expr { loc: NONE_ITEM, kind: krait_syntax::ast::ExprKind::Constant { value: krait_syntax::ast::ConstantValue::None, kind: None } }
}

/// Whether `loc` marks a None item (see [`NONE_ITEM`]).
pub(super) fn is_none_item(loc: &Loc) -> bool {
    *loc == NONE_ITEM
}

thread_local! {
    /// The `kind` that marks a Constant whose value was not a constant (see
    /// [`invalid_constant`]); compared by address, so no Python str can forge it.
    static INVALID_CONSTANT: Rc<str> = Rc::from("invalid");
}

/// A Constant standing for a value of type `type_name` that cannot be a constant, until
/// the validator reports it ("got an invalid type in Constant: <type_name>").
pub(super) fn invalid_constant(type_name: &str) -> krait_syntax::ast::ExprKind {
    let kind = INVALID_CONSTANT.with(|k| k.clone());
    krait_syntax::ast::ExprKind::Constant { value: krait_syntax::ast::ConstantValue::Str(Rc::from(type_name)), kind: Some(kind) }
}

/// The type name of a Constant made by [`invalid_constant`].
pub(super) fn invalid_constant_type(kind: Option<&Rc<str>>, value: &krait_syntax::ast::ConstantValue) -> Option<Rc<str>> {
    let marked = kind.is_some_and(|k| INVALID_CONSTANT.with(|m| Rc::ptr_eq(k, m)));
    match value {
        krait_syntax::ast::ConstantValue::Str(t) if marked => Some(t.clone()),
        _ => None,
    }
}

/// A location from checked positions (negative ones mean "none": 0).
fn to_loc(lineno: i64, col_offset: i64, end_lineno: i64, end_col_offset: i64) -> Loc {
    let p = |v: i64| u32::try_from(v).unwrap_or(0);
    Loc { lineno: p(lineno), col_offset: p(col_offset), end_lineno: p(end_lineno), end_col_offset: p(end_col_offset) }
}

/// How deep a tree may nest before RecursionError (Rust recursion stays bounded).
const MAX_DEPTH: usize = 3000;

/// PyAST_obj2mod + _PyAST_Validate: the tree for `compile(obj, filename, mode)`.
pub fn parse_tree(vm: &mut Vm, obj: &Value, mode: Mode) -> PyResult<Parsed> {
    let st = super::state(vm)?;
    let want = match mode {
        Mode::Exec => "Module",
        Mode::Eval => "Expression",
        Mode::Single => "Interactive",
    };
    let ty = vm.type_of(obj);
    if st.kind_of(&ty, "mod") != Some(want) {
        let n = vm.type_name(obj);
        return Err(vm.new_type_error(format!("expected {want} node, got {n}")));
    }
    let limit = vm.recursion_limit.min(MAX_DEPTH);
    let depth = vm.frames.len();
    let mut c = FromPy { vm, st: &st, depth, limit, none_ident: false };
    let parsed = match want {
        "Module" => {
            let body = c.stmts(obj, "body", "Module")?;
            c.list(obj, "type_ignores", "Module", FromPy::type_ignore)?;
            Parsed::Module(krait_syntax::ast::Module { body })
        }
        "Expression" => Parsed::Expression(krait_syntax::ast::Expression { body: c.req_expr(obj, "body", "Expression")? }),
        _ => Parsed::Interactive(krait_syntax::ast::Interactive { body: c.stmts(obj, "body", "Interactive")? }),
    };
    let none_ident = c.none_ident;
    super::validate::validate(vm, &parsed)?;
    if none_ident {
        return Err(vm.new_value_error("None disallowed in identifier list"));
    }
    Ok(parsed)
}

/// A constructor of a sum type or a product type: the converter's cursor.
pub(super) struct FromPy<'a> {
    pub vm: &'a mut Vm,
    pub st: &'a AstState,
    depth: usize,
    limit: usize,
    /// Whether an identifier list held None (see [`FromPy::idents`]).
    none_ident: bool,
}

impl FromPy<'_> {
    /// Enter a nested node (`_Py_EnterRecursiveCall(" while traversing '<kind>' node")`).
    fn enter(&mut self, kind: &str) -> PyResult<()> {
        self.depth += 1;
        if self.depth > self.limit {
            return Err(self.vm.new_recursion_error(format!("maximum recursion depth exceeded while traversing '{kind}' node")));
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    /// Attribute `name` of `obj`, or None when it is missing.
    fn get(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        self.vm.get_attr_opt_str(obj, name)
    }

    /// Attribute `name` of `obj`; TypeError `required field "name" missing from owner`.
    fn req(&mut self, obj: &Value, name: &str, owner: &str) -> PyResult<Value> {
        match self.get(obj, name)? {
            Some(v) => Ok(v),
            None => Err(self.vm.new_type_error(format!("required field \"{name}\" missing from {owner}"))),
        }
    }

    /// Attribute `name` of `obj`, None when missing or None.
    fn opt(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(self.get(obj, name)?.filter(|v| !v.is_none()))
    }

    /// The ValueError for a required field given as None (the `_PyAST_<Kind>` constructors).
    fn none_error(&mut self, name: &str, owner: &str) -> crate::vm::PyErr {
        self.vm.new_value_error(format!("field '{name}' is required for {owner}"))
    }

    /// A list field converted item by item with `f`.
    fn list<T>(&mut self, obj: &Value, name: &str, owner: &str, mut f: impl FnMut(&mut Self, &Value) -> PyResult<T>) -> PyResult<Vec<T>> {
        let v = self.req(obj, name, owner)?;
        let ty = self.vm.type_of(&v);
        let list = self.vm.types.list.clone();
        if !self.vm.is_subtype(&ty, &list) {
            let n = self.vm.type_name(&v);
            return Err(self.vm.new_type_error(format!("{owner} field \"{name}\" must be a list, not a {n}")));
        }
        let items = self.vm.collect(&v)?;
        items.iter().map(|item| f(self, item)).collect()
    }

    /// obj2ast_int (a bool is an int too).
    fn int(&mut self, v: &Value) -> PyResult<i64> {
        let int = self.vm.types.int.clone();
        let ty = self.vm.type_of(v);
        if !matches!(v, Value::Int(_) | Value::Bool(_)) && !self.vm.is_subtype(&ty, &int) {
            let r = self.vm.repr(v)?;
            return Err(self.vm.new_value_error(format!("invalid integer value: {}", r.as_str().map(|s| s.as_str()).unwrap_or(""))));
        }
        let i = super::super::util::i64_arg(self.vm, v)?;
        if i32::try_from(i).is_err() {
            return Err(self.vm.new_overflow_error("Python int too large to convert to C int"));
        }
        Ok(i)
    }

    /// A required int field.
    fn req_int(&mut self, obj: &Value, name: &str, owner: &str) -> PyResult<i64> {
        let v = self.req(obj, name, owner)?;
        self.int(&v)
    }

    /// The location attributes of a `keyword`, `alias`, `arg` or `excepthandler` (`owner`):
    /// end positions default to the start, and positions are not checked here.
    fn loc(&mut self, obj: &Value, owner: &str) -> PyResult<Loc> {
        let [l, c, el, ec] = self.positions(obj, owner, false)?;
        Ok(to_loc(l, c, el, ec))
    }

    /// The location of a `stmt`, `expr` or (`end_required`) `pattern`, which the validator
    /// checks (VALIDATE_POSITIONS). Negative positions mean "none" (0), but invalid ones
    /// are kept as their 32-bit patterns for the validator to report.
    fn checked_loc(&mut self, obj: &Value, owner: &str, end_required: bool) -> PyResult<Loc> {
        let [l, c, el, ec] = self.positions(obj, owner, end_required)?;
        if [l, c, el, ec].iter().any(|&p| p < 0) && super::validate::positions(l, c, el, ec).is_err() {
            // `int` keeps every position within i32.
            let raw = |p: i64| p as i32 as u32;
            return Ok(Loc { lineno: raw(l), col_offset: raw(c), end_lineno: raw(el), end_col_offset: raw(ec) });
        }
        Ok(to_loc(l, c, el, ec))
    }

    /// `lineno`, `col_offset`, `end_lineno`, `end_col_offset` (the end ones default to the
    /// start unless `end_required`).
    fn positions(&mut self, obj: &Value, owner: &str, end_required: bool) -> PyResult<[i64; 4]> {
        let lineno = self.req_int(obj, "lineno", owner)?;
        let col_offset = self.req_int(obj, "col_offset", owner)?;
        let end = |c: &mut Self, name: &str, default: i64| -> PyResult<i64> {
            if end_required {
                return c.req_int(obj, name, owner);
            }
            match c.opt(obj, name)? {
                Some(v) => c.int(&v),
                None => Ok(default),
            }
        };
        let end_lineno = end(self, "end_lineno", lineno)?;
        let end_col_offset = end(self, "end_col_offset", col_offset)?;
        Ok([lineno, col_offset, end_lineno, end_col_offset])
    }

    /// A `string` field (obj2ast_string: an exact str or bytes); str text or None for bytes.
    fn string(&mut self, v: &Value) -> PyResult<Option<Rc<str>>> {
        if let Value::Obj(o) = v {
            if o.class().is(&self.vm.types.bytes) {
                return Ok(None);
            }
        }
        match self.text(v, "AST string must be of type str")? {
            Some(s) => Ok(Some(s)),
            None => Err(self.vm.new_type_error("AST string must be of type str")),
        }
    }

    /// Check an optional `type_comment` field (krait's AST does not keep it).
    fn type_comment(&mut self, obj: &Value) -> PyResult<()> {
        if let Some(v) = self.opt(obj, "type_comment")? {
            self.string(&v)?;
        }
        Ok(())
    }

    /// obj2ast_type_ignore (checked, then dropped: krait's AST has no type ignores).
    fn type_ignore(&mut self, obj: &Value) -> PyResult<()> {
        if obj.is_none() {
            return Ok(());
        }
        self.kind(obj, "type_ignore")?;
        self.req_int(obj, "lineno", "TypeIgnore")?;
        let tag = self.req(obj, "tag", "TypeIgnore")?;
        self.string(&tag)?;
        Ok(())
    }

    /// obj2ast_identifier: a str, or None.
    fn ident(&mut self, v: &Value) -> PyResult<Option<Rc<str>>> {
        self.text(v, "AST identifier must be of type str")
    }

    /// A str (obj2ast_identifier / obj2ast_string) or None; TypeError `msg` otherwise.
    fn text(&mut self, v: &Value, msg: &str) -> PyResult<Option<Rc<str>>> {
        match v {
            Value::None => Ok(None),
            Value::Obj(o) if o.as_str().is_some() && o.class().is(&self.vm.types.str) => Ok(Some(Rc::from(o.as_str().map(|s| s.as_str()).unwrap_or("")))),
            _ => Err(self.vm.new_type_error(msg)),
        }
    }

    /// A required identifier field.
    fn req_ident(&mut self, obj: &Value, name: &str, owner: &str) -> PyResult<Rc<str>> {
        let v = self.req(obj, name, owner)?;
        match self.ident(&v)? {
            Some(s) => Ok(s),
            None => Err(self.none_error(name, owner)),
        }
    }

    /// An optional identifier field.
    fn opt_ident(&mut self, obj: &Value, name: &str) -> PyResult<Option<Rc<str>>> {
        match self.opt(obj, name)? {
            Some(v) => self.ident(&v),
            None => Ok(None),
        }
    }

    /// A list of identifiers. CPython keeps a None item as a null that its validator does
    /// not look for; here it becomes "" and the tree is refused after validation.
    fn idents(&mut self, obj: &Value, name: &str, owner: &str) -> PyResult<Vec<Rc<str>>> {
        self.list(obj, name, owner, |c, v| match c.ident(v)? {
            Some(s) => Ok(s),
            None => {
                c.none_ident = true;
                Ok(Rc::from(""))
            }
        })
    }

    /// A required expression field.
    fn req_expr(&mut self, obj: &Value, name: &str, owner: &str) -> PyResult<Box<Expr>> {
        let v = self.req(obj, name, owner)?;
        match self.expr(&v)? {
            Some(e) => Ok(Box::new(e)),
            None => Err(self.none_error(name, owner)),
        }
    }

    /// An optional expression field.
    fn opt_expr(&mut self, obj: &Value, name: &str) -> PyResult<Option<Box<Expr>>> {
        match self.opt(obj, name)? {
            Some(v) => Ok(self.expr(&v)?.map(Box::new)),
            None => Ok(None),
        }
    }

    /// A list of expressions; a None item becomes [`none_expr`] (the validator's error).
    fn exprs(&mut self, obj: &Value, name: &str, owner: &str) -> PyResult<Vec<Expr>> {
        self.list(obj, name, owner, |c, v| Ok(c.expr(v)?.unwrap_or_else(none_expr)))
    }

    /// A list of expressions that may hold None (`Dict.keys`, `arguments.kw_defaults`).
    fn opt_exprs(&mut self, obj: &Value, name: &str, owner: &str) -> PyResult<Vec<Option<Expr>>> {
        self.list(obj, name, owner, |c, v| c.expr(v))
    }

    /// The constructor of sum type `sum` that `v` is an instance of; TypeError
    /// `expected some sort of <sum>, but got <repr>` otherwise.
    fn kind(&mut self, v: &Value, sum: &str) -> PyResult<&'static str> {
        let ty = self.vm.type_of(v);
        match self.st.kind_of(&ty, sum) {
            Some(k) => Ok(k),
            None => {
                let r = self.vm.repr(v)?;
                let r = r.as_str().map(|s| s.as_str().to_string()).unwrap_or_default();
                Err(self.vm.new_type_error(format!("expected some sort of {sum}, but got {r}")))
            }
        }
    }

    /// A field-less node (operator, context) from its table.
    fn simple<T: Copy>(&mut self, v: &Value, sum: &str, table: &[(&str, T)]) -> PyResult<T> {
        let k = self.kind(v, sum)?;
        match table.iter().find(|(n, _)| *n == k) {
            Some((_, x)) => Ok(*x),
            None => Err(self.vm.new_system_error(format!("unknown {sum} {k}"))),
        }
    }

    /// A required field-less node field.
    fn req_simple<T: Copy>(&mut self, obj: &Value, name: &str, owner: &str, sum: &str, table: &[(&str, T)]) -> PyResult<T> {
        let v = self.req(obj, name, owner)?;
        self.simple(&v, sum, table)
    }
}
