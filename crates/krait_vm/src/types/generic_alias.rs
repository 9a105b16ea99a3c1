//! `types.GenericAlias` (`list[int]`, PEP 585) and the `__class_getitem__` of the builtin
//! generic types (CPython's Objects/genericaliasobject.c), plus the helpers that
//! `types.UnionType` shares: parameter collection, substitution and item repr.

use crate::object::{Args, BinOp, CmpOp, Payload, PyObject, PyRef, Slots, TypeFlags, Value};
use crate::types::methods::{method, MethodDef, MethodKind};
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;

/// The types created here, kept by the VM.
pub struct AliasTypes {
    pub generic_alias: PyRef,
    pub union: PyRef,
    pub ga_iter: PyRef,
}

/// The state of a `GenericAlias` (or subclass) instance.
pub struct GenericAlias {
    pub origin: Value,
    /// Always a tuple.
    pub args: Value,
    /// `__parameters__`, computed on first use.
    parameters: RefCell<Option<Value>>,
    /// `*tuple[int]` (PEP 646 unpacking).
    starred: bool,
}

/// The state of a `generic_alias_iterator`: the alias still to yield, starred.
struct GaIter(RefCell<Option<Value>>);

/// The GenericAlias state of `v`, if it is one (subclasses included).
pub fn alias_of(v: &Value) -> Option<&GenericAlias> {
    v.as_obj()?.native::<GenericAlias>()
}

fn alias_types(vm: &Vm) -> &AliasTypes {
    vm.alias_types.as_ref().expect("alias types are created at start-up")
}

// Py_GenericAlias
/// A new `GenericAlias(origin, args)`; a non-tuple `args` becomes a 1-tuple.
pub fn new_generic_alias(vm: &mut Vm, origin: Value, args: Value) -> Value {
    let t = alias_types(vm).generic_alias.clone();
    new_alias_of(vm, &t, origin, args, false)
}

// setup_ga
fn new_alias_of(vm: &mut Vm, cls: &PyRef, origin: Value, args: Value, starred: bool) -> Value {
    let args = if args.as_obj().is_some_and(|o| o.as_tuple().is_some()) { args } else { vm.new_tuple(vec![args]) };
    let st = GenericAlias { origin, args, parameters: RefCell::new(None), starred };
    Value::Obj(PyRef::new(PyObject::new(cls.clone(), Payload::Native(Box::new(st)))))
}

/// `__class_getitem__(cls, item)`: `GenericAlias(cls, item)`.
pub fn class_getitem(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    Ok(new_generic_alias(vm, a[0].clone(), a[1].clone()))
}

/// Give builtin type `ty` a `__class_getitem__` classmethod returning `GenericAlias`.
pub fn add_class_getitem(vm: &mut Vm, ty: &PyRef, owner: &'static str) {
    vm.add_methods(ty, owner, &[MethodDef { name: "__class_getitem__", sig: "(cls, item, /)", func: class_getitem, kind: MethodKind::ClassMethod }]);
}

fn tuple_vec(v: &Value) -> Vec<Value> {
    crate::builtins::tuple_items(v).to_vec()
}

fn push_unique(out: &mut Vec<Value>, v: &Value) {
    if !out.iter().any(|x| x.is(v)) {
        out.push(v.clone());
    }
}

// _Py_make_parameters
/// The type variables among `args`: those with `__typing_subst__`, and the
/// `__parameters__` of nested aliases, each once, in order.
pub fn make_parameters(vm: &mut Vm, args: &Value) -> PyResult<Value> {
    let mut params = Vec::new();
    for t in tuple_vec(args) {
        if vm.get_attr_opt_str(&t, "__typing_subst__")?.is_some() {
            push_unique(&mut params, &t);
        } else if let Some(sub) = vm.get_attr_opt_str(&t, "__parameters__")? {
            for p in crate::builtins::tuple_items(&sub) {
                push_unique(&mut params, p);
            }
        }
    }
    Ok(vm.new_tuple(params))
}

/// `__parameters__` cached in `cell`, computed from `args` on first use.
pub fn cached_parameters(vm: &mut Vm, cell: &RefCell<Option<Value>>, args: &Value) -> PyResult<Value> {
    if let Some(p) = cell.borrow().clone() {
        return Ok(p);
    }
    let p = make_parameters(vm, args)?;
    *cell.borrow_mut() = Some(p.clone());
    Ok(p)
}

fn is_type(v: &Value) -> bool {
    v.as_obj().is_some_and(|o| o.as_type().is_some())
}

// _is_unpacked_typevartuple
fn is_unpacked_typevartuple(vm: &mut Vm, arg: &Value) -> PyResult<bool> {
    if is_type(arg) {
        return Ok(false);
    }
    match vm.get_attr_opt_str(arg, "__typing_is_unpacked_typevartuple__")? {
        Some(v) => vm.is_true(&v),
        None => Ok(false),
    }
}

// _unpacked_tuple_args
fn unpacked_tuple_args(vm: &mut Vm, arg: &Value) -> PyResult<Option<Value>> {
    if let Some(a) = alias_of(arg) {
        if a.starred && a.origin.as_obj().is_some_and(|o| o.is(&vm.types.tuple)) {
            return Ok(Some(a.args.clone()));
        }
    }
    Ok(vm.get_attr_opt_str(arg, "__typing_unpacked_tuple_args__")?.filter(|r| !r.is_none()))
}

// _unpack_args
fn unpack_args(vm: &mut Vm, item: &Value) -> PyResult<Vec<Value>> {
    let items = if item.as_obj().is_some_and(|o| o.as_tuple().is_some()) { tuple_vec(item) } else { vec![item.clone()] };
    let mut out = Vec::new();
    for it in items {
        if !is_type(&it) {
            if let Some(sub) = unpacked_tuple_args(vm, &it)? {
                let subs = crate::builtins::tuple_items(&sub);
                let is_tuple = sub.as_obj().is_some_and(|o| o.as_tuple().is_some());
                if is_tuple && !subs.last().is_some_and(|l| l.is(&Value::Obj(vm.ellipsis.clone()))) {
                    out.extend(subs.iter().cloned());
                    continue;
                }
            }
        }
        out.push(it);
    }
    Ok(out)
}

fn index_of(params: &[Value], v: &Value) -> Option<usize> {
    params.iter().position(|p| p.is(v))
}

// subs_tvars
fn subs_tvars(vm: &mut Vm, obj: &Value, params: &[Value], argitems: &[Value], varparam: usize) -> PyResult<Value> {
    let sub = vm.get_attr_opt_str(obj, "__parameters__")?;
    let subparams = sub.as_ref().map(tuple_vec).unwrap_or_default();
    if subparams.is_empty() {
        return Ok(obj.clone());
    }
    let (nargs, nparams) = (argitems.len(), params.len());
    let mut subargs = Vec::with_capacity(subparams.len());
    for arg in &subparams {
        match index_of(params, arg) {
            Some(i) if i == varparam => {
                let n = (nargs + 1).saturating_sub(nparams);
                subargs.extend(argitems.iter().skip(i).take(n).cloned());
            }
            Some(mut i) => {
                if i > varparam {
                    i = (i + nargs).saturating_sub(subparams.len());
                }
                subargs.push(argitems.get(i).cloned().unwrap_or(Value::None));
            }
            None => subargs.push(arg.clone()),
        }
    }
    let key = vm.new_tuple(subargs);
    vm.get_item(obj, &key)
}

// _Py_subs_parameters
/// `self[item]` for an alias with `args` and type variables `parameters`: the new args.
pub fn subs_parameters(vm: &mut Vm, self_: &Value, args: &Value, parameters: &Value, item: &Value) -> PyResult<Vec<Value>> {
    let params = tuple_vec(parameters);
    let nparams = params.len();
    if nparams == 0 {
        let r = vm.repr(self_)?;
        return Err(vm.new_type_error(format!("{} is not a generic class", vm.str_of(&Value::Obj(r)))));
    }
    let argitems = unpack_args(vm, item)?;
    let nitems = argitems.len();
    let mut varparam = nparams;
    for (i, p) in params.iter().enumerate() {
        let is_tvt = vm.type_of(p).as_type().is_some_and(|t| t.slots().iter.is_some());
        if is_tvt {
            if varparam < nparams {
                let s = vm.str(self_)?;
                return Err(vm.new_type_error(format!("More than one TypeVarTuple parameter in {}", vm.str_of(&Value::Obj(s)))));
            }
            varparam = i;
        }
    }
    if varparam < nparams {
        if nitems + 1 < nparams {
            let r = vm.repr(self_)?;
            return Err(vm.new_type_error(format!("Too few arguments for {}", vm.str_of(&Value::Obj(r)))));
        }
    } else if nitems != nparams {
        let r = vm.repr(self_)?;
        let which = if nitems > nparams { "many" } else { "few" };
        return Err(vm.new_type_error(format!("Too {which} arguments for {}; actual {nitems}, expected {nparams}", vm.str_of(&Value::Obj(r)))));
    }
    let mut newargs = Vec::new();
    for arg in tuple_vec(args) {
        let unpack = is_unpacked_typevartuple(vm, &arg)?;
        let new = match vm.get_attr_opt_str(&arg, "__typing_subst__")? {
            Some(subst) => {
                let mut iparam = index_of(&params, &arg).unwrap_or(0);
                if iparam == varparam {
                    return Err(vm.new_type_error("Substitution of bare TypeVarTuple is not supported"));
                }
                if iparam > varparam {
                    iparam = (iparam + nitems).saturating_sub(nparams);
                }
                let a = argitems.get(iparam).cloned().unwrap_or(Value::None);
                vm.call_positional(&subst, &[a])?
            }
            None => subs_tvars(vm, &arg, &params, &argitems, varparam)?,
        };
        if unpack {
            newargs.extend(vm.collect(&new)?);
        } else {
            newargs.push(new);
        }
    }
    Ok(newargs)
}

// ga_repr_item
/// How an alias shows one of its arguments: `...`, a nested alias's repr, a class as
/// `module.qualname` (bare for builtins), anything else by repr.
pub fn repr_item(vm: &mut Vm, p: &Value) -> PyResult<String> {
    if p.is(&Value::Obj(vm.ellipsis.clone())) {
        return Ok("...".into());
    }
    let looks_alias = vm.get_attr_opt_str(p, "__origin__")?.is_some() && vm.get_attr_opt_str(p, "__args__")?.is_some();
    if !looks_alias {
        if let Some(qualname) = vm.get_attr_opt_str(p, "__qualname__")? {
            if let Some(module) = vm.get_attr_opt_str(p, "__module__")?.filter(|m| !m.is_none()) {
                let q = vm.str(&qualname)?;
                let q = vm.str_of(&Value::Obj(q)).to_string();
                let is_builtins = module.as_obj().and_then(|o| o.as_str()).is_some_and(|s| s.as_str() == "builtins");
                if is_builtins {
                    return Ok(q);
                }
                let m = vm.str(&module)?;
                return Ok(format!("{}.{q}", vm.str_of(&Value::Obj(m))));
            }
        }
    }
    let r = vm.repr(p)?;
    Ok(vm.str_of(&Value::Obj(r)).to_string())
}

fn state<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a GenericAlias> {
    alias_of(v).ok_or_else(|| {
        let n = vm.type_name(v);
        vm.new_type_error(format!("descriptor requires a 'types.GenericAlias' object but received a '{n}'"))
    })
}

// ga_repr
fn ga_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let a = state(vm, v)?;
    let mut out = String::new();
    if a.starred {
        out.push('*');
    }
    out += &repr_item(vm, &a.origin)?;
    out.push('[');
    let args = tuple_vec(&a.args);
    for (i, p) in args.iter().enumerate() {
        if i > 0 {
            out += ", ";
        }
        out += &repr_item(vm, p)?;
    }
    if args.is_empty() {
        out += "()";
    }
    out.push(']');
    Ok(vm.new_str(&out))
}

// ga_getitem
fn ga_getitem(vm: &mut Vm, v: &Value, item: &Value) -> PyResult<Value> {
    let a = state(vm, v)?;
    let params = cached_parameters(vm, &a.parameters, &a.args)?;
    let newargs = subs_parameters(vm, v, &a.args, &params, item)?;
    let t = alias_types(vm).generic_alias.clone();
    let args = vm.new_tuple(newargs);
    Ok(new_alias_of(vm, &t, a.origin.clone(), args, a.starred))
}

// ga_hash
fn ga_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let a = state(vm, v)?;
    let h0 = vm.hash(&a.origin)?;
    let h1 = vm.hash(&a.args)?;
    let h = h0 ^ h1;
    Ok(if h == -1 { -2 } else { h })
}

// ga_call
fn ga_call(vm: &mut Vm, v: &Value, args: Args<'_>) -> PyResult<Value> {
    let origin = state(vm, v)?.origin.clone();
    let obj = vm.call(&origin, args)?;
    let name = vm.intern("__orig_class__");
    if let Err(e) = vm.set_attr(&obj, &name, v.clone()) {
        let (ae, te) = (vm.exc.attribute_error.clone(), vm.exc.type_error.clone());
        if !crate::builtins::err_matches(vm, &e, &ae) && !crate::builtins::err_matches(vm, &e, &te) {
            return Err(e);
        }
    }
    Ok(obj)
}

/// Names a GenericAlias answers itself; every other name is looked up on its origin.
const ATTR_EXCEPTIONS: &[&str] = &[
    "__class__", "__origin__", "__args__", "__unpacked__", "__parameters__", "__typing_unpacked_tuple_args__",
    "__mro_entries__", "__reduce_ex__", "__reduce__", "__copy__", "__deepcopy__",
];

// ga_getattro
fn ga_getattro(vm: &mut Vm, v: &Value, name: &PyRef) -> PyResult<Option<Value>> {
    let own = name.as_str().is_none_or(|s| ATTR_EXCEPTIONS.contains(&s.as_str()));
    if own {
        return vm.generic_get_attr(v, name);
    }
    let origin = state(vm, v)?.origin.clone();
    vm.get_attr_opt(&origin, name)
}

// ga_richcompare
fn ga_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (alias_of(a), alias_of(b)) else { return Ok(Value::Obj(vm.not_implemented.clone())) };
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(Value::Obj(vm.not_implemented.clone()));
    }
    let eq = x.starred == y.starred && vm.eq(&x.origin, &y.origin)? && vm.eq(&x.args, &y.args)?;
    Ok(Value::Bool(eq == (op == CmpOp::Eq)))
}

// ga_new
fn ga_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    if !args.kwnames.is_empty() {
        return Err(vm.new_type_error("GenericAlias() takes no keyword arguments"));
    }
    let pos = args.pos();
    if pos.len() != 2 {
        let msg = if pos.len() < 2 { "at least" } else { "at most" };
        return Err(vm.new_type_error(format!("GenericAlias expected {msg} 2 arguments, got {}", pos.len())));
    }
    Ok(new_alias_of(vm, cls, pos[0].clone(), pos[1].clone(), false))
}

// ga_iter
fn ga_iter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let t = alias_types(vm).ga_iter.clone();
    Ok(vm.wrap(Payload::Native(Box::new(GaIter(RefCell::new(Some(v.clone()))))), &t))
}

// ga_iternext
fn ga_iternext(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(it) = v.as_obj().and_then(|o| o.native::<GaIter>()) else { return Ok(None) };
    let Some(alias) = it.0.borrow_mut().take() else { return Ok(None) };
    let a = state(vm, &alias)?;
    let t = alias_types(vm).generic_alias.clone();
    Ok(Some(new_alias_of(vm, &t, a.origin.clone(), a.args.clone(), true)))
}

const METHODS: &[MethodDef] = &[
    method("__mro_entries__", "(self, bases, /)", |vm, a| {
        let origin = state(vm, &a[0])?.origin.clone();
        Ok(vm.new_tuple(vec![origin]))
    }),
    method("__instancecheck__", "(self, obj, /)", |vm, _| Err(vm.new_type_error("isinstance() argument 2 cannot be a parameterized generic"))),
    method("__subclasscheck__", "(self, cls, /)", |vm, _| Err(vm.new_type_error("issubclass() argument 2 cannot be a parameterized generic"))),
    method("__reduce__", "(self, /)", ga_reduce),
    method("__or__", "(self, other, /)", |vm, a| union_or(vm, &a[0], &a[1])),
    method("__ror__", "(self, other, /)", |vm, a| union_or(vm, &a[1], &a[0])),
];

// ga_reduce
fn ga_reduce(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let ga = state(vm, &a[0])?;
    if ga.starred {
        let plain = new_generic_alias(vm, ga.origin.clone(), ga.args.clone());
        let it = vm.iter(&plain)?;
        let next = vm.get_attr_str(&Value::Obj(vm.builtins.clone()), "next")?;
        let args = vm.new_tuple(vec![it]);
        return Ok(vm.new_tuple(vec![next, args]));
    }
    let cls = Value::Obj(vm.type_of(&a[0]));
    let args = vm.new_tuple(vec![ga.origin.clone(), ga.args.clone()]);
    Ok(vm.new_tuple(vec![cls, args]))
}

fn union_or(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    super::union::union_type_or(vm, a, b, BinOp::Or)
}

/// Create `types.GenericAlias`, `types.UnionType` and the alias iterator, give the
/// builtin generic types `__class_getitem__`, and make `type | type` a union.
pub fn init(vm: &mut Vm) {
    let slots = Slots {
        repr: Some(ga_repr),
        getitem: Some(ga_getitem),
        hash: Some(ga_hash),
        call: Some(ga_call),
        getattro: Some(ga_getattro),
        richcompare: Some(ga_richcompare),
        new: Some(ga_new),
        init: Some(|_, _, _| Ok(())),
        iter: Some(ga_iter),
        ..Slots::default()
    };
    let ga = vm.new_builtin_type("GenericAlias", None, slots, TypeFlags::BASETYPE);
    vm.add_methods(&ga, "GenericAlias", METHODS);
    let getters: &[(&'static str, crate::types::native::NativeFn)] = &[
        ("__origin__", |vm, a| Ok(state(vm, &a[0])?.origin.clone())),
        ("__args__", |vm, a| Ok(state(vm, &a[0])?.args.clone())),
        ("__unpacked__", |vm, a| Ok(Value::Bool(state(vm, &a[0])?.starred))),
        ("__parameters__", |vm, a| {
            let ga = state(vm, &a[0])?;
            cached_parameters(vm, &ga.parameters, &ga.args)
        }),
        ("__typing_unpacked_tuple_args__", |vm, a| {
            let ga = state(vm, &a[0])?;
            let tuple_origin = ga.origin.as_obj().is_some_and(|o| o.is(&vm.types.tuple));
            Ok(if ga.starred && tuple_origin { ga.args.clone() } else { Value::None })
        }),
    ];
    for &(name, get) in getters {
        crate::types::int::add_property(vm, &ga, "GenericAlias", name, get);
    }
    let iter_slots = Slots { iter: Some(|_, v| Ok(v.clone())), next: Some(ga_iternext), ..Slots::default() };
    let ga_iter = vm.new_builtin_type("generic_alias_iterator", None, iter_slots, 0);
    let union = super::union::make_type(vm);
    for t in [&ga, &union] {
        let m = vm.new_str("types");
        vm.set_type_attr(t, "__module__", m);
        set_binary(t);
    }
    vm.alias_types = Some(AliasTypes { generic_alias: ga, union, ga_iter });
    let ty = vm.types.type_.clone();
    vm.add_methods(&ty, "type", &METHODS[4..]);
    set_binary(&ty);
    let t = &vm.types;
    let generic = [(t.list.clone(), "list"), (t.dict.clone(), "dict"), (t.tuple.clone(), "tuple"), (t.set.clone(), "set"), (t.frozenset.clone(), "frozenset")];
    let groups = [(vm.exc.base_exception_group.clone(), "BaseExceptionGroup"), (vm.exc.exception_group.clone(), "ExceptionGroup")];
    for (t, name) in generic.into_iter().chain(groups) {
        add_class_getitem(vm, &t, name);
    }
    if let Ok(Value::Obj(e)) = vm.get_attr_str(&Value::Obj(vm.builtins.clone()), "enumerate") {
        add_class_getitem(vm, &e, "enumerate");
    }
}

/// Route the `|` operator of `ty` to `_Py_union_type_or` without exposing the other
/// binary dunders (the type's dict has explicit `__or__`/`__ror__` methods).
fn set_binary(ty: &PyRef) {
    if let Some(t) = ty.as_type() {
        t.slots.borrow_mut().binary = Some(super::union::union_type_or);
    }
}
