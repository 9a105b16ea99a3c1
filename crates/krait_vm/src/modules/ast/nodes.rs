//! The node classes of `_ast`, from one table written after CPython 3.11's Parser/Python.asdl:
//! class names, bases, `_fields`, `_attributes`, None defaults of `?` fields and docs.

use crate::object::{PyRef, Value};
use crate::vm::{PyResult, Vm};

/// The location attributes of `stmt`, `expr`, `excepthandler`, `arg`, `keyword`, `alias`.
const LOC: &str = "int lineno, int col_offset, int? end_lineno, int? end_col_offset";
/// `pattern`'s location attributes (all required).
const PLOC: &str = "int lineno, int col_offset, int end_lineno, int end_col_offset";

/// One ASDL type: a sum (`name = C1(fields) | C2 …`) or a product (`name(fields)`).
enum Def {
    Sum(&'static str, &'static [(&'static str, &'static str)], &'static str),
    Product(&'static str, &'static str, &'static str),
}

use Def::{Product, Sum};

/// Every type of the 3.11 grammar, in ASDL order: (name, constructors or fields, attributes).
const ASDL: &[Def] = &[
    Sum("mod", &[
        ("Module", "stmt* body, type_ignore* type_ignores"),
        ("Interactive", "stmt* body"),
        ("Expression", "expr body"),
        ("FunctionType", "expr* argtypes, expr returns"),
    ], ""),
    Sum("stmt", &[
        ("FunctionDef", "identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment"),
        ("AsyncFunctionDef", "identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment"),
        ("ClassDef", "identifier name, expr* bases, keyword* keywords, stmt* body, expr* decorator_list"),
        ("Return", "expr? value"),
        ("Delete", "expr* targets"),
        ("Assign", "expr* targets, expr value, string? type_comment"),
        ("AugAssign", "expr target, operator op, expr value"),
        ("AnnAssign", "expr target, expr annotation, expr? value, int simple"),
        ("For", "expr target, expr iter, stmt* body, stmt* orelse, string? type_comment"),
        ("AsyncFor", "expr target, expr iter, stmt* body, stmt* orelse, string? type_comment"),
        ("While", "expr test, stmt* body, stmt* orelse"),
        ("If", "expr test, stmt* body, stmt* orelse"),
        ("With", "withitem* items, stmt* body, string? type_comment"),
        ("AsyncWith", "withitem* items, stmt* body, string? type_comment"),
        ("Match", "expr subject, match_case* cases"),
        ("Raise", "expr? exc, expr? cause"),
        ("Try", "stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody"),
        ("TryStar", "stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody"),
        ("Assert", "expr test, expr? msg"),
        ("Import", "alias* names"),
        ("ImportFrom", "identifier? module, alias* names, int? level"),
        ("Global", "identifier* names"),
        ("Nonlocal", "identifier* names"),
        ("Expr", "expr value"),
        ("Pass", ""),
        ("Break", ""),
        ("Continue", ""),
    ], LOC),
    Sum("expr", &[
        ("BoolOp", "boolop op, expr* values"),
        ("NamedExpr", "expr target, expr value"),
        ("BinOp", "expr left, operator op, expr right"),
        ("UnaryOp", "unaryop op, expr operand"),
        ("Lambda", "arguments args, expr body"),
        ("IfExp", "expr test, expr body, expr orelse"),
        ("Dict", "expr* keys, expr* values"),
        ("Set", "expr* elts"),
        ("ListComp", "expr elt, comprehension* generators"),
        ("SetComp", "expr elt, comprehension* generators"),
        ("DictComp", "expr key, expr value, comprehension* generators"),
        ("GeneratorExp", "expr elt, comprehension* generators"),
        ("Await", "expr value"),
        ("Yield", "expr? value"),
        ("YieldFrom", "expr value"),
        ("Compare", "expr left, cmpop* ops, expr* comparators"),
        ("Call", "expr func, expr* args, keyword* keywords"),
        ("FormattedValue", "expr value, int conversion, expr? format_spec"),
        ("JoinedStr", "expr* values"),
        ("Constant", "constant value, string? kind"),
        ("Attribute", "expr value, identifier attr, expr_context ctx"),
        ("Subscript", "expr value, expr slice, expr_context ctx"),
        ("Starred", "expr value, expr_context ctx"),
        ("Name", "identifier id, expr_context ctx"),
        ("List", "expr* elts, expr_context ctx"),
        ("Tuple", "expr* elts, expr_context ctx"),
        ("Slice", "expr? lower, expr? upper, expr? step"),
    ], LOC),
    Sum("expr_context", &[("Load", ""), ("Store", ""), ("Del", "")], ""),
    Sum("boolop", &[("And", ""), ("Or", "")], ""),
    Sum("operator", &[
        ("Add", ""), ("Sub", ""), ("Mult", ""), ("MatMult", ""), ("Div", ""), ("Mod", ""), ("Pow", ""),
        ("LShift", ""), ("RShift", ""), ("BitOr", ""), ("BitXor", ""), ("BitAnd", ""), ("FloorDiv", ""),
    ], ""),
    Sum("unaryop", &[("Invert", ""), ("Not", ""), ("UAdd", ""), ("USub", "")], ""),
    Sum("cmpop", &[
        ("Eq", ""), ("NotEq", ""), ("Lt", ""), ("LtE", ""), ("Gt", ""), ("GtE", ""),
        ("Is", ""), ("IsNot", ""), ("In", ""), ("NotIn", ""),
    ], ""),
    Product("comprehension", "expr target, expr iter, expr* ifs, int is_async", ""),
    Sum("excepthandler", &[("ExceptHandler", "expr? type, identifier? name, stmt* body")], LOC),
    Product("arguments", "arg* posonlyargs, arg* args, arg? vararg, arg* kwonlyargs, expr* kw_defaults, arg? kwarg, expr* defaults", ""),
    Product("arg", "identifier arg, expr? annotation, string? type_comment", LOC),
    Product("keyword", "identifier? arg, expr value", LOC),
    Product("alias", "identifier name, identifier? asname", LOC),
    Product("withitem", "expr context_expr, expr? optional_vars", ""),
    Product("match_case", "pattern pattern, expr? guard, stmt* body", ""),
    Sum("pattern", &[
        ("MatchValue", "expr value"),
        ("MatchSingleton", "constant value"),
        ("MatchSequence", "pattern* patterns"),
        ("MatchMapping", "expr* keys, pattern* patterns, identifier? rest"),
        ("MatchClass", "expr cls, pattern* patterns, identifier* kwd_attrs, pattern* kwd_patterns"),
        ("MatchStar", "identifier? name"),
        ("MatchAs", "pattern? pattern, identifier? name"),
        ("MatchOr", "pattern* patterns"),
    ], PLOC),
    Sum("type_ignore", &[("TypeIgnore", "int lineno, string tag")], ""),
];

/// `(name, optional)` of each `type? name` / `type* name` / `type name` in an ASDL field list.
fn fields(spec: &'static str) -> impl Iterator<Item = (&'static str, bool)> {
    spec.split(", ").filter(|f| !f.is_empty()).map(|f| {
        let (ty, name) = f.rsplit_once(' ').unwrap_or(("", f));
        (name, ty.ends_with('?'))
    })
}

/// `Name(fields)`, or just `Name` without fields (the class's `__doc__`).
fn signature(name: &str, spec: &str) -> String {
    if spec.is_empty() {
        name.to_string()
    } else {
        format!("{name}({spec})")
    }
}

/// A class `name(base)` made by calling `type`, as CPython's `make_type` does, with
/// `_fields`/`__match_args__` from `spec`, None for each optional field and `__doc__`.
fn make_class(vm: &mut Vm, name: &str, base: &PyRef, spec: &'static str, doc: &str) -> PyResult<PyRef> {
    let names: Vec<Value> = fields(spec).map(|(n, _)| vm.new_str(n)).collect();
    let names = vm.new_tuple(names);
    let ns = vm.new_dict_ref();
    let module = vm.new_str("ast");
    let doc = vm.new_str(doc);
    for (k, v) in [("_fields", names.clone()), ("__match_args__", names), ("__module__", module), ("__doc__", doc)] {
        let key = Value::Obj(vm.intern(k));
        vm.dict_set_item(&ns, key, v)?;
    }
    let args = [vm.new_str(name), vm.new_tuple(vec![Value::Obj(base.clone())]), Value::Obj(ns)];
    let ty = Value::Obj(vm.types.type_.clone());
    let cls = vm.call_positional(&ty, &args)?;
    let Value::Obj(cls) = cls else { return Err(vm.new_system_error("type() returned a non-object")) };
    for (field, optional) in fields(spec) {
        if optional {
            vm.set_type_attr(&cls, field, Value::None);
        }
    }
    Ok(cls)
}

/// Set `_attributes` (and None for optional attributes) on `cls`.
fn add_attributes(vm: &mut Vm, cls: &PyRef, spec: &'static str) {
    let names: Vec<Value> = fields(spec).map(|(n, _)| vm.new_str(n)).collect();
    let names = vm.new_tuple(names);
    vm.set_type_attr(cls, "_attributes", names);
    for (field, optional) in fields(spec) {
        if optional {
            vm.set_type_attr(cls, field, Value::None);
        }
    }
}

/// Create every node class under `ast_base` (CPython's `init_types`), in ASDL order, as
/// `(name, base name, class)`.
pub fn make_classes(vm: &mut Vm, ast_base: &PyRef) -> PyResult<Vec<(&'static str, &'static str, PyRef)>> {
    let mut out = Vec::new();
    for def in ASDL {
        match def {
            Sum(name, ctors, attrs) => {
                let pad = " ".repeat(name.len() + 1);
                let alts: Vec<String> = ctors.iter().map(|(c, spec)| signature(c, spec)).collect();
                let doc = if ctors.iter().all(|(_, spec)| spec.is_empty()) {
                    format!("{name} = {}", alts.join(" | "))
                } else {
                    format!("{name} = {}", alts.join(&format!("\n{pad}| ")))
                };
                let base = make_class(vm, name, ast_base, "", &doc)?;
                add_attributes(vm, &base, attrs);
                out.push((*name, "AST", base.clone()));
                for (ctor, spec) in ctors.iter() {
                    let cls = make_class(vm, ctor, &base, spec, &signature(ctor, spec))?;
                    out.push((*ctor, *name, cls));
                }
            }
            Product(name, spec, attrs) => {
                let cls = make_class(vm, name, ast_base, spec, &signature(name, spec))?;
                add_attributes(vm, &cls, attrs);
                out.push((*name, "AST", cls));
            }
        }
    }
    Ok(out)
}
