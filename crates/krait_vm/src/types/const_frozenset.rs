//! Frozenset constants of freshly compiled code, put in the order CPython's compiler
//! leaves them (so a set literal iterates as in CPython, and a `.pyc` holds what
//! CPython's would): the compiler keys a frozenset by its elements' constant keys
//! (`_PyCode_ConstantKey`), and the frozenset it keeps holds the elements in the order
//! of the frozenset of those keys. Loading builds each frozenset once from that order,
//! as unmarshalling does.

use crate::object::{Payload, Value};
use crate::vm::{PyResult, Vm};
use krait_bytecode::{CodeObject, Constant};
use std::rc::Rc;

/// `code` with every frozenset constant (in nested code objects too) in CPython's order.
pub fn canonicalize(vm: &mut Vm, code: Rc<CodeObject>) -> PyResult<Rc<CodeObject>> {
    if !code.consts.iter().any(has_frozenset) {
        return Ok(code);
    }
    let mut c = (*code).clone();
    for k in c.consts.iter_mut() {
        *k = canonical(vm, k)?;
    }
    Ok(Rc::new(c))
}

fn has_frozenset(k: &Constant) -> bool {
    match k {
        Constant::FrozenSet(_) => true,
        Constant::Tuple(items) => items.iter().any(has_frozenset),
        Constant::Code(c) => c.consts.iter().any(has_frozenset),
        _ => false,
    }
}

fn canonical(vm: &mut Vm, k: &Constant) -> PyResult<Constant> {
    Ok(match k {
        Constant::Code(c) => Constant::Code(canonicalize(vm, c.clone())?),
        Constant::Tuple(items) if items.iter().any(has_frozenset) => Constant::Tuple(items.iter().map(|i| canonical(vm, i)).collect::<PyResult<Vec<_>>>()?.into()),
        Constant::FrozenSet(items) => {
            let items = items.iter().map(|i| canonical(vm, i)).collect::<PyResult<Vec<_>>>()?;
            let values = items.iter().map(|i| vm.constant_value(i)).collect::<PyResult<Vec<_>>>()?;
            let order = key_order(vm, &values)?;
            Constant::FrozenSet(order.into_iter().map(|i| items[i].clone()).collect::<Vec<_>>().into())
        }
        other => other.clone(),
    })
}

/// The positions of `values` in the iteration order of the frozenset of their keys.
fn key_order(vm: &mut Vm, values: &[Value]) -> PyResult<Vec<usize>> {
    let mut keys = Vec::with_capacity(values.len());
    for v in values {
        keys.push(constant_key(vm, v)?);
    }
    let set = frozenset(vm, keys.clone())?;
    let in_order = vm.collect(&set)?;
    Ok(in_order.iter().filter_map(|k| keys.iter().position(|pk| pk.is(k))).collect())
}

fn frozenset(vm: &mut Vm, items: Vec<Value>) -> PyResult<Value> {
    let t = vm.new_tuple(items);
    let fs = Value::Obj(vm.types.frozenset.clone());
    vm.call_positional(&fs, &[t])
}

/// _PyCode_ConstantKey: ints, strs, None and Ellipsis are their own key; other constants
/// are tagged tuples that keep 0/-0.0, True/1 and the like apart.
fn constant_key(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let ty = Value::Obj(vm.type_of(v));
    let pack = |vm: &mut Vm, extra: Option<Value>| {
        let mut parts = vec![ty.clone(), v.clone()];
        parts.extend(extra);
        vm.new_tuple(parts)
    };
    let neg_zero = |x: f64| x == 0.0 && x.is_sign_negative();
    Ok(match v {
        Value::None | Value::Int(_) => v.clone(),
        Value::Bool(_) => pack(vm, None),
        Value::Float(f) => pack(vm, neg_zero(*f).then_some(Value::None)),
        Value::Obj(o) => match &o.payload {
            Payload::Str(_) | Payload::Int(_) => v.clone(),
            Payload::Complex { re, im } => {
                let tag = match (neg_zero(*re), neg_zero(*im)) {
                    (true, true) => Some(Value::Bool(true)),
                    (false, true) => Some(Value::Bool(false)),
                    (true, false) => Some(Value::None),
                    (false, false) => None,
                };
                pack(vm, tag)
            }
            Payload::Tuple(items) => {
                let items = items.to_vec();
                let mut keys = Vec::with_capacity(items.len());
                for item in &items {
                    keys.push(constant_key(vm, item)?);
                }
                let keys = vm.new_tuple(keys);
                vm.new_tuple(vec![keys, v.clone()])
            }
            Payload::FrozenSet(_) => {
                let items = vm.collect(v)?;
                let mut keys = Vec::with_capacity(items.len());
                for item in &items {
                    keys.push(constant_key(vm, item)?);
                }
                let keys = frozenset(vm, keys)?;
                vm.new_tuple(vec![keys, v.clone()])
            }
            _ if o.is(&vm.ellipsis) => v.clone(),
            // Bytes (and anything else) are tagged with their type.
            _ => pack(vm, None),
        },
        Value::Null => v.clone(),
    })
}
