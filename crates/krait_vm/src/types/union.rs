//! `types.UnionType` (`int | str`, PEP 604; CPython's Objects/unionobject.c): the `|`
//! of classes, aliases and None, its repr, equality and hash, substitution, and the
//! member tuple that `isinstance`/`issubclass` accept.

use super::generic_alias::{alias_of, cached_parameters, repr_item, subs_parameters};
use crate::object::{BinOp, CmpOp, PyRef, Slots, Value};
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;

/// The state of a `types.UnionType` instance.
pub struct Union {
    /// The members: flattened, deduplicated, None as NoneType; at least two.
    pub args: Value,
    parameters: RefCell<Option<Value>>,
}

/// The union state of `v`, if it is a `types.UnionType`.
pub fn union_of(v: &Value) -> Option<&Union> {
    v.as_obj()?.native::<Union>()
}

/// The members of union `cls` as a tuple (for isinstance/issubclass), if it is one.
pub fn union_args(cls: &Value) -> Option<Value> {
    union_of(cls).map(|u| u.args.clone())
}

fn is_unionable(v: &Value) -> bool {
    v.is_none() || v.as_obj().is_some_and(|o| o.as_type().is_some()) || alias_of(v).is_some() || union_of(v).is_some()
}

// _Py_union_type_or
/// The `|` slot of `type`, GenericAlias and UnionType: a union of two unionable
/// operands (classes, aliases, unions, None), NotImplemented for anything else.
pub fn union_type_or(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    if op != BinOp::Or || !is_unionable(a) || !is_unionable(b) {
        return Ok(Value::Obj(vm.not_implemented.clone()));
    }
    make_union(vm, vec![a.clone(), b.clone()])
}

// dedup_and_flatten_args
fn dedup_and_flatten(vm: &mut Vm, args: Vec<Value>) -> PyResult<Vec<Value>> {
    let mut flat = Vec::new();
    for a in args {
        match union_of(&a) {
            Some(u) => flat.extend(crate::builtins::tuple_items(&u.args).iter().cloned()),
            None if a.is_none() => flat.push(Value::Obj(vm.types.none_type.clone())),
            None => flat.push(a),
        }
    }
    let mut out: Vec<Value> = Vec::new();
    for a in flat {
        let mut dup = false;
        for b in &out {
            dup = if alias_of(&a).is_some() && alias_of(b).is_some() { vm.eq(&a, b)? } else { a.is(b) };
            if dup {
                break;
            }
        }
        if !dup {
            out.push(a);
        }
    }
    Ok(out)
}

// make_union
fn make_union(vm: &mut Vm, args: Vec<Value>) -> PyResult<Value> {
    let mut args = dedup_and_flatten(vm, args)?;
    if args.len() == 1 {
        return Ok(args.remove(0));
    }
    let args = vm.new_tuple(args);
    let t = vm.alias_types.as_ref().expect("alias types are created at start-up").union.clone();
    Ok(vm.wrap(crate::object::Payload::Native(Box::new(Union { args, parameters: RefCell::new(None) })), &t))
}

fn state<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a Union> {
    union_of(v).ok_or_else(|| {
        let n = vm.type_name(v);
        vm.new_type_error(format!("descriptor requires a 'types.UnionType' object but received a '{n}'"))
    })
}

// union_repr
fn union_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let args = state(vm, v)?.args.clone();
    let mut parts = Vec::new();
    for p in crate::builtins::tuple_items(&args).to_vec() {
        if p.as_obj().is_some_and(|o| o.is(&vm.types.none_type)) {
            parts.push("None".to_string());
        } else {
            parts.push(repr_item(vm, &p)?);
        }
    }
    Ok(vm.new_str(&parts.join(" | ")))
}

fn frozenset_of(vm: &mut Vm, args: &Value) -> PyResult<Value> {
    let fs = Value::Obj(vm.types.frozenset.clone());
    vm.call_positional(&fs, std::slice::from_ref(args))
}

// union_hash
fn union_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let args = state(vm, v)?.args.clone();
    let fs = frozenset_of(vm, &args)?;
    vm.hash(&fs)
}

// union_richcompare
fn union_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (union_of(a), union_of(b)) else { return Ok(Value::Obj(vm.not_implemented.clone())) };
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(Value::Obj(vm.not_implemented.clone()));
    }
    let (xa, ya) = (x.args.clone(), y.args.clone());
    let fa = frozenset_of(vm, &xa)?;
    let fb = frozenset_of(vm, &ya)?;
    vm.rich_compare(&fa, &fb, op)
}

// union_getitem
fn union_getitem(vm: &mut Vm, v: &Value, item: &Value) -> PyResult<Value> {
    let u = state(vm, v)?;
    let params = cached_parameters(vm, &u.parameters, &u.args)?;
    let newargs = subs_parameters(vm, v, &u.args, &params, item)?;
    let mut it = newargs.into_iter();
    let Some(mut res) = it.next() else { return make_union(vm, Vec::new()) };
    for arg in it {
        res = vm.binary_op(&res, &arg, BinOp::Or, false)?;
    }
    Ok(res)
}

/// Create the `types.UnionType` type (instances only come from `|`).
pub fn make_type(vm: &mut Vm) -> PyRef {
    let slots = Slots {
        repr: Some(union_repr),
        hash: Some(union_hash),
        richcompare: Some(union_richcompare),
        getitem: Some(union_getitem),
        ..Slots::default()
    };
    let t = vm.new_builtin_type("UnionType", None, slots, 0);
    if let Some(td) = t.as_type() {
        td.slots.borrow_mut().new = None;
    }
    vm.add_methods(&t, "UnionType", &[
        crate::types::methods::method("__or__", "(self, other, /)", |vm, a| union_type_or(vm, &a[0], &a[1], BinOp::Or)),
        crate::types::methods::method("__ror__", "(self, other, /)", |vm, a| union_type_or(vm, &a[1], &a[0], BinOp::Or)),
    ]);
    crate::types::int::add_property(vm, &t, "UnionType", "__args__", |vm, a| Ok(state(vm, &a[0])?.args.clone()));
    crate::types::int::add_property(vm, &t, "UnionType", "__parameters__", |vm, a| {
        let u = state(vm, &a[0])?;
        cached_parameters(vm, &u.parameters, &u.args)
    });
    t
}
