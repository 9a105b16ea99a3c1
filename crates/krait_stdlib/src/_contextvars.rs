//! The `_contextvars` module (PEP 567): `ContextVar`, `Token`, `Context` and
//! `copy_context`. The current context is per interpreter (`Vm::native_state`).

use crate::util::{expect, get_type, new_module, set, state, wrap};
use krait_vm::object::{Args, PyRef, Slots, Value};
use krait_vm::types::int::add_property;
use krait_vm::types::methods::{method, MethodDef, MethodKind};
use krait_vm::{PyResult, Vm};
use std::rc::Rc;

const CURRENT: &str = "_contextvars.current";

/// A mapping of ContextVar → value, shared by copies until one of them changes (as
/// CPython's immutable HAMT is).
type Vars = Rc<Vec<(Value, Value)>>;

/// A Context: its variables and, while entered, the context it replaced.
struct Context {
    vars: Vars,
    prev: Option<Value>,
}

/// A ContextVar: its name and default (Null when it has none).
struct Var {
    name: Value,
    default: Value,
}

/// A Token: the context and variable of a `set`, the value before it (Null: none).
struct Token {
    ctx: Value,
    var: Value,
    old: Value,
    used: bool,
}

/// The `Token.MISSING` marker's payload.
struct Missing;

/// Build the `_contextvars` module.
pub fn make_module(vm: &mut Vm) -> PyRef {
    let (m, d) = new_module(vm, "_contextvars", &[method("copy_context", "()", |vm, _| copy_context(vm))]);
    let slots = Slots {
        new: Some(|vm, cls, args| {
            let given = args.pos().len();
            if given != 1 {
                let bound = if given == 0 { "exactly" } else { "at most" };
                return Err(vm.new_type_error(format!("ContextVar() takes {bound} 1 positional argument ({given} given)")));
            }
            let a = crate::util::parse(vm, "(name, *, default=?)", "ContextVar", args)?;
            if a[0].as_obj().and_then(|o| o.as_str()).is_none() {
                return Err(vm.new_type_error("context variable name must be a str"));
            }
            Ok(wrap(vm, cls, Var { name: a[0].clone(), default: a[1].clone() }))
        }),
        repr: Some(var_repr),
        ..Slots::default()
    };
    let var_t = crate::util::new_type(vm, "_contextvars", "_contextvars.ContextVar", None, slots, 0, VAR_METHODS);
    add_property(vm, &var_t, "ContextVar", "name", |vm, a| Ok(this_var(vm, &a[0])?.borrow().name.clone()));

    let slots = Slots { repr: Some(token_repr), ..Slots::default() };
    let tok_t = crate::util::new_type(vm, "_contextvars", "_contextvars.Token", None, slots, 0, &[class_getitem()]);
    add_property(vm, &tok_t, "Token", "var", |vm, a| Ok(this_token(vm, &a[0])?.borrow().var.clone()));
    add_property(vm, &tok_t, "Token", "old_value", |vm, a| {
        let old = this_token(vm, &a[0])?.borrow().old.clone();
        if old.is_null() { missing(vm) } else { Ok(old) }
    });
    let slots = Slots { repr: Some(|vm, _| Ok(vm.new_str("<Token.MISSING>"))), ..Slots::default() };
    let missing_t = crate::util::new_type(vm, "_contextvars", "_contextvars.Token.MISSING", None, slots, 0, &[]);
    let marker = wrap(vm, &missing_t, Missing);
    vm.set_type_attr(&tok_t, "MISSING", marker);

    let slots = Slots {
        new: Some(|vm, cls, args| {
            if !args.args.is_empty() {
                return Err(vm.new_type_error("Context() does not accept any arguments"));
            }
            Ok(wrap(vm, cls, Context { vars: Rc::default(), prev: None }))
        }),
        len: Some(|vm, v| Ok(this_ctx(vm, v)?.borrow().vars.len())),
        getitem: Some(ctx_getitem),
        contains: Some(|vm, v, key| {
            check_var(vm, key)?;
            Ok(lookup(&this_ctx(vm, v)?.borrow().vars, key).is_some())
        }),
        iter: Some(|vm, v| {
            let keys = column(vm, v, |(k, _)| k.clone())?;
            vm.iter(&keys)
        }),
        richcompare: Some(ctx_richcompare),
        ..Slots::default()
    };
    let ctx_t = crate::util::new_type(vm, "_contextvars", "_contextvars.Context", None, slots, 0, CTX_METHODS);
    vm.set_type_attr(&ctx_t, "__hash__", Value::None);
    for (name, t) in [("ContextVar", var_t), ("Token", tok_t), ("Context", ctx_t)] {
        set(vm, &d, name, Value::Obj(t));
    }
    m
}

/// `__class_getitem__` for the generic types: `X[int]` is a GenericAlias.
const fn class_getitem() -> MethodDef {
    MethodDef {
        name: "__class_getitem__",
        sig: "(cls, item, /)",
        func: |vm, a| Ok(krait_vm::types::generic_alias::new_generic_alias(vm, a[0].clone(), a[1].clone())),
        kind: MethodKind::ClassMethod,
    }
}

const VAR_METHODS: &[MethodDef] = &[
    method("get", "(self, default=?, /)", var_get),
    method("set", "(self, value, /)", var_set),
    method("reset", "(self, token, /)", var_reset),
    class_getitem(),
];

const CTX_METHODS: &[MethodDef] = &[
    method("run", "(self, /, *args, **kwargs)", |vm, a| {
        let pos = crate::util::tuple_items(&a[1]).to_vec();
        let Some((callable, rest)) = pos.split_first() else {
            return Err(vm.new_type_error("run() missing 1 required positional argument"));
        };
        let rest = vm.new_tuple(rest.to_vec());
        ctx_run(vm, &[a[0].clone(), callable.clone(), rest, a[2].clone()])
    }),
    method("copy", "(self, /)", |vm, a| {
        let vars = this_ctx(vm, &a[0])?.borrow().vars.clone();
        new_context(vm, vars)
    }),
    method("get", "(self, key, default=None, /)", |vm, a| {
        check_var(vm, &a[1])?;
        Ok(lookup(&this_ctx(vm, &a[0])?.borrow().vars, &a[1]).unwrap_or_else(|| a[2].clone()))
    }),
    method("keys", "(self, /)", |vm, a| column(vm, &a[0], |(k, _)| k.clone())),
    method("values", "(self, /)", |vm, a| column(vm, &a[0], |(_, v)| v.clone())),
    method("items", "(self, /)", |vm, a| {
        let pairs = this_ctx(vm, &a[0])?.borrow().vars.clone();
        let items = pairs.iter().map(|(k, v)| vm.new_tuple(vec![k.clone(), v.clone()])).collect();
        Ok(vm.new_list(items))
    }),
];

fn this_ctx<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a std::cell::RefCell<Context>> {
    expect::<Context>(vm, v, "_contextvars.Context")
}

fn this_var<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a std::cell::RefCell<Var>> {
    expect::<Var>(vm, v, "_contextvars.ContextVar")
}

fn this_token<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a std::cell::RefCell<Token>> {
    expect::<Token>(vm, v, "_contextvars.Token")
}

fn missing(vm: &mut Vm) -> PyResult<Value> {
    let t = get_type(vm, "_contextvars.Token")?;
    vm.get_attr_str(&Value::Obj(t), "MISSING")
}

/// The value bound to `var` in `vars`.
/// context_tp_richcompare: two contexts are equal when they map the same variables to
/// equal values.
fn ctx_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: krait_vm::object::CmpOp) -> PyResult<Value> {
    use krait_vm::object::CmpOp;
    let ctx_t = vm.type_of(a);
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) || !vm.type_of(b).is(&ctx_t) {
        return Ok(Value::Obj(vm.not_implemented.clone()));
    }
    let (x, y) = (this_ctx(vm, a)?.borrow().vars.clone(), this_ctx(vm, b)?.borrow().vars.clone());
    let mut equal = x.len() == y.len();
    for (k, v) in x.iter() {
        if !equal {
            break;
        }
        equal = match lookup(&y, k) {
            Some(w) => vm.eq(v, &w)?,
            None => false,
        };
    }
    Ok(Value::Bool(equal == matches!(op, CmpOp::Eq)))
}

fn lookup(vars: &[(Value, Value)], var: &Value) -> Option<Value> {
    vars.iter().find(|(k, _)| k.is(var)).map(|(_, v)| v.clone())
}

/// A list of one column (keys or values) of a context, in the order variables were set.
fn column(vm: &mut Vm, ctx: &Value, f: fn(&(Value, Value)) -> Value) -> PyResult<Value> {
    let items = this_ctx(vm, ctx)?.borrow().vars.iter().map(f).collect();
    Ok(vm.new_list(items))
}

/// TypeError unless `key` is a ContextVar.
fn check_var(vm: &mut Vm, key: &Value) -> PyResult<()> {
    if state::<Var>(key).is_some() {
        return Ok(());
    }
    let r = vm.repr(key)?;
    let r = r.as_str().map(|s| s.as_str().to_string()).unwrap_or_default();
    Err(vm.new_type_error(format!("a ContextVar key was expected, got {r}")))
}

fn new_context(vm: &mut Vm, vars: Vars) -> PyResult<Value> {
    let t = get_type(vm, "_contextvars.Context")?;
    Ok(wrap(vm, &t, Context { vars, prev: None }))
}

/// The current context, made empty on first use (context_get).
fn current(vm: &mut Vm) -> PyResult<Value> {
    if let Some(c) = vm.native_state.get(CURRENT) {
        return Ok(c.clone());
    }
    let c = new_context(vm, Rc::default())?;
    vm.native_state.insert(CURRENT, c.clone());
    Ok(c)
}

/// PyContext_CopyCurrent
fn copy_context(vm: &mut Vm) -> PyResult<Value> {
    let cur = current(vm)?;
    let vars = this_ctx(vm, &cur)?.borrow().vars.clone();
    new_context(vm, vars)
}

fn ctx_getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    check_var(vm, key)?;
    match lookup(&this_ctx(vm, v)?.borrow().vars, key) {
        Some(x) => Ok(x),
        None => Err(vm.new_key_error(key.clone())),
    }
}

/// context_run: enter the context, call, and leave it whatever happens.
fn ctx_run(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let ctx = &a[0];
    let prev = current(vm)?;
    {
        let cell = this_ctx(vm, ctx)?;
        if cell.borrow().prev.is_some() || ctx.is(&prev) {
            let r = text_repr(vm, ctx);
            return Err(vm.new_runtime_error(format!("cannot enter context: {r} is already entered")));
        }
        cell.borrow_mut().prev = Some(prev.clone());
    }
    vm.native_state.insert(CURRENT, ctx.clone());
    let mut args: Vec<Value> = crate::util::tuple_items(&a[2]).to_vec();
    let mut names = Vec::new();
    if let Some(d) = a[3].as_obj().and_then(|o| o.as_dict()) {
        for (_, e) in d.borrow().iter() {
            names.push(e.key.clone());
            args.push(e.value.clone());
        }
    }
    let r = vm.call(&a[1], Args { args: &args, kwnames: &names });
    vm.native_state.insert(CURRENT, prev);
    if let Some(cell) = state::<Context>(ctx) {
        cell.borrow_mut().prev = None;
    }
    r
}

/// ContextVar.get(default=?): the value in the current context, else `default`, else
/// the variable's default, else LookupError(var).
fn var_get(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let cur = current(vm)?;
    if let Some(v) = lookup(&this_ctx(vm, &cur)?.borrow().vars, &a[0]) {
        return Ok(v);
    }
    if !a[1].is_null() {
        return Ok(a[1].clone());
    }
    let default = this_var(vm, &a[0])?.borrow().default.clone();
    if !default.is_null() {
        return Ok(default);
    }
    let t = vm.exc.lookup_error.clone();
    Err(vm.new_exception(&t, vec![a[0].clone()]))
}

/// Bind (or with Null, unbind) `var` in context `ctx`, replacing its mapping.
fn bind(vm: &mut Vm, ctx: &Value, var: &Value, value: Value) -> PyResult<()> {
    let cell = this_ctx(vm, ctx)?;
    let mut c = cell.borrow_mut();
    let vars = Rc::make_mut(&mut c.vars);
    let pos = vars.iter().position(|(k, _)| k.is(var));
    match (pos, value.is_null()) {
        (Some(i), true) => {
            vars.remove(i);
        }
        (Some(i), false) => vars[i].1 = value,
        (None, false) => vars.push((var.clone(), value)),
        (None, true) => {}
    }
    Ok(())
}

/// ContextVar.set(value) → Token
fn var_set(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    this_var(vm, &a[0])?;
    let ctx = current(vm)?;
    let old = lookup(&this_ctx(vm, &ctx)?.borrow().vars, &a[0]).unwrap_or(Value::Null);
    bind(vm, &ctx, &a[0], a[1].clone())?;
    let t = get_type(vm, "_contextvars.Token")?;
    Ok(wrap(vm, &t, Token { ctx, var: a[0].clone(), old, used: false }))
}

/// ContextVar.reset(token): restore the value the variable had before `token`'s set.
fn var_reset(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let Some(cell) = state::<Token>(&a[1]) else {
        let r = text_repr(vm, &a[1]);
        return Err(vm.new_type_error(format!("expected an instance of Token, got {r}")));
    };
    let (ctx, var, old, used) = {
        let t = cell.borrow();
        (t.ctx.clone(), t.var.clone(), t.old.clone(), t.used)
    };
    let problem = if used {
        Some("has already been used once")
    } else if !var.is(&a[0]) {
        Some("was created by a different ContextVar")
    } else if !ctx.is(&current(vm)?) {
        Some("was created in a different Context")
    } else {
        None
    };
    if let Some(p) = problem {
        let r = text_repr(vm, &a[1]);
        let msg = format!("{r} {p}");
        return Err(if used { vm.new_runtime_error(msg) } else { vm.new_value_error(msg) });
    }
    cell.borrow_mut().used = true;
    bind(vm, &ctx, &var, old)?;
    Ok(Value::None)
}

fn text_repr(vm: &mut Vm, v: &Value) -> String {
    match vm.repr(v) {
        Ok(r) => r.as_str().map(|s| s.as_str().to_string()).unwrap_or_default(),
        Err(_) => String::from("?"),
    }
}

fn addr(v: &Value) -> usize {
    v.as_obj().map(PyRef::addr).unwrap_or(0)
}

/// contextvar_tp_repr: `<ContextVar name='x' default=1 at 0x...>`
fn var_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let (name, default) = {
        let s = this_var(vm, v)?.borrow();
        (s.name.clone(), s.default.clone())
    };
    let mut text = format!("<ContextVar name={}", text_repr(vm, &name));
    if !default.is_null() {
        text.push_str(&format!(" default={}", text_repr(vm, &default)));
    }
    text.push_str(&format!(" at {:#x}>", addr(v)));
    Ok(vm.new_str(&text))
}

/// token_tp_repr: `<Token used=False var=<ContextVar ...> at 0x...>`
fn token_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let (used, var) = {
        let t = this_token(vm, v)?.borrow();
        (t.used, t.var.clone())
    };
    let text = format!("<Token{} var={} at {:#x}>", if used { " used" } else { "" }, text_repr(vm, &var), addr(v));
    Ok(vm.new_str(&text))
}
