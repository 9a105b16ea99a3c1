//! collections.defaultdict: a dict subclass whose `__missing__` calls `default_factory`.
//! The factory lives in the instance's attribute dict (so it is a plain, settable
//! attribute).

use crate::util::get_type;
use krait_vm::object::{Args, BinOp, PyRef, Slots, TypeFlags, Value};
use krait_vm::types::methods::{method, MethodDef};
use krait_vm::{PyResult, Vm};

/// Create the defaultdict type.
pub fn init(vm: &mut Vm) -> PyRef {
    let dict = vm.types.dict.clone();
    let slots = Slots { init: Some(dd_init), repr: Some(dd_repr), binary: Some(dd_or), nb_ops: krait_vm::object::NbOps::numeric(&[BinOp::Or]), ..Slots::default() };
    let flags = TypeFlags::BASETYPE | TypeFlags::HAS_DICT | TypeFlags::DICT_SUBCLASS | TypeFlags::MAPPING;
    crate::util::new_type(vm, "collections", "_collections.defaultdict", Some(&dict), slots, flags, METHODS)
}

const METHODS: &[MethodDef] = &[
    method("__missing__", "(self, key, /)", missing),
    method("copy", "(self, /)", dd_copy),
    method("__copy__", "(self, /)", dd_copy),
    method("__reduce__", "(self, /)", reduce),
];

fn factory(vm: &mut Vm, d: &Value) -> PyResult<Value> {
    Ok(vm.get_attr_opt_str(d, "default_factory")?.unwrap_or(Value::None))
}

/// defdict_init: defaultdict(default_factory=None, /, *args, **kwargs)
fn dd_init(vm: &mut Vm, d: &Value, args: Args<'_>) -> PyResult<()> {
    let pos = args.pos();
    let f = pos.first().cloned().unwrap_or(Value::None);
    if !f.is_none() && vm.type_of(&f).as_type().is_none_or(|t| t.slots().call.is_none()) {
        return Err(vm.new_type_error("first argument must be callable or None"));
    }
    let name = vm.intern("default_factory");
    vm.generic_set_attr(d, &name, f)?;
    let rest: Vec<Value> = args.args.iter().skip(pos.len().min(1)).cloned().collect();
    let rest_args = Args { args: &rest, kwnames: args.kwnames };
    let dict_init = vm.types.dict.as_type().and_then(|t| t.slots().init);
    match dict_init {
        Some(init) => init(vm, d, rest_args),
        None => Ok(()),
    }
}

/// defdict_missing: `self[key] = default_factory()`, or KeyError(key) without a factory.
fn missing(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let f = factory(vm, &a[0])?;
    if f.is_none() {
        return Err(vm.new_key_error(a[1].clone()));
    }
    let v = vm.call_positional(&f, &[])?;
    vm.set_item(&a[0], &a[1], v.clone())?;
    Ok(v)
}

/// defdict_copy: `type(self)(self.default_factory, self)`.
fn dd_copy(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let f = factory(vm, &a[0])?;
    let cls = Value::Obj(vm.type_of(&a[0]));
    vm.call_positional(&cls, &[f, a[0].clone()])
}

/// defdict_reduce: (type, (factory,) or (), None, None, iter(items)).
fn reduce(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let f = factory(vm, &a[0])?;
    let cls = Value::Obj(vm.type_of(&a[0]));
    let args = if f.is_none() { vm.new_tuple(Vec::new()) } else { vm.new_tuple(vec![f]) };
    let items = vm.call_method(&a[0], "items", &[])?;
    let it = vm.iter(&items)?;
    Ok(vm.new_tuple(vec![cls, args, Value::None, Value::None, it]))
}

/// defdict_repr: `defaultdict(<factory repr>, {...})` (`...` for a recursive factory).
fn dd_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let dict_repr = vm.types.dict.as_type().and_then(|t| t.slots().repr);
    let base = match dict_repr {
        Some(r) => r(vm, v)?,
        None => vm.new_str("{}"),
    };
    let f = factory(vm, v)?;
    let frepr = if f.is_none() {
        "None".to_string()
    } else {
        let o = v.as_obj().cloned();
        match o {
            Some(o) => {
                let r = krait_vm::types::seq_common::repr_guarded(vm, &o, "...", |vm| Ok(vm.repr(&f)?.as_str().map(|s| s.as_str().to_string()).unwrap_or_default()))?;
                vm.str_of(&r).to_string()
            }
            None => String::new(),
        }
    };
    let name = vm.short_type_name(v);
    let text = format!("{name}({frepr}, {})", vm.str_of(&base));
    Ok(vm.new_str(&text))
}

/// defdict_or: `dd | mapping` and `mapping | dd` give a new defaultdict of dd's class.
fn dd_or(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    let dict = vm.types.dict.clone();
    let a_dict = vm.is_subtype(&vm.type_of(a), &dict);
    let b_dict = vm.is_subtype(&vm.type_of(b), &dict);
    if op != BinOp::Or || !a_dict || !b_dict {
        return Ok(Value::Obj(vm.not_implemented.clone()));
    }
    let dd = get_type(vm, "_collections.defaultdict")?;
    let this = if vm.is_subtype(&vm.type_of(a), &dd) { a } else { b };
    let f = factory(vm, this)?;
    let cls = Value::Obj(vm.type_of(this));
    let new = vm.call_positional(&cls, &[f, a.clone()])?;
    vm.call_method(&new, "update", std::slice::from_ref(b))?;
    Ok(new)
}
