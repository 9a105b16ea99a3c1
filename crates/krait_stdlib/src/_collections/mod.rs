//! The `_collections` module: deque, defaultdict, `_count_elements` (Counter's fast
//! path) and `_tuplegetter` (namedtuple's field descriptors).

mod defaultdict;
mod deque;

use crate::util::{new_module, parse, set, state, wrap};
use krait_vm::object::{Args, PyRef, Slots, TypeFlags, Value};
use krait_vm::types::methods::method;
use krait_vm::{PyResult, Vm};

/// Build the `_collections` module.
pub fn make_module(vm: &mut Vm) -> PyRef {
    let (m, d) = new_module(vm, "_collections", &[method("_count_elements", "(mapping, iterable, /)", count_elements)]);
    let deque = deque::init(vm);
    set(vm, &d, "deque", Value::Obj(deque));
    for (name, key) in [("_deque_iterator", "_collections._deque_iterator"), ("_deque_reverse_iterator", "_collections._deque_reverse_iterator")] {
        if let Some(t) = krait_vm::builtins::vm_type(vm, key) {
            set(vm, &d, name, Value::Obj(t));
        }
    }
    let dd = defaultdict::init(vm);
    set(vm, &d, "defaultdict", Value::Obj(dd));
    let slots = Slots { new: Some(tuplegetter_new), descr_get: Some(tuplegetter_get), descr_set: Some(tuplegetter_set), ..Slots::default() };
    let tg = crate::util::new_type(vm, "collections", "_collections._tuplegetter", None, slots, TypeFlags::HAS_DICT, &[]);
    set(vm, &d, "_tuplegetter", Value::Obj(tg));
    m
}

/// _count_elements(mapping, iterable): `mapping[x] = mapping.get(x, 0) + 1` for each x.
fn count_elements(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let it = vm.iter(&a[1])?;
    let get = vm.get_attr_str(&a[0], "get")?;
    while let Some(x) = vm.next(&it)? {
        let old = vm.call_positional(&get, &[x.clone(), Value::Int(0)])?;
        let new = match old {
            Value::Int(i) if i < i64::MAX => Value::Int(i + 1),
            other => vm.binary_op(&other, &Value::Int(1), krait_vm::object::BinOp::Add, false)?,
        };
        vm.set_item(&a[0], &x, new)?;
    }
    Ok(Value::None)
}

/// A `_tuplegetter(index, doc)`: reads item `index` of a tuple instance.
struct TupleGetter {
    index: usize,
}

fn tuplegetter_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    let a = parse(vm, "(index, doc, /)", "_tuplegetter", args)?;
    let index = crate::util::index_i64(vm, &a[0])?.filter(|i| *i >= 0).unwrap_or(i64::MAX) as usize;
    let g = wrap(vm, cls, TupleGetter { index });
    let doc = vm.intern("__doc__");
    vm.generic_set_attr(&g, &doc, a[1].clone())?;
    Ok(g)
}

/// tuplegetter_descr_get
fn tuplegetter_get(vm: &mut Vm, descr: &Value, obj: &Value, _owner: &Value) -> PyResult<Value> {
    if obj.is_null() || obj.is_none() {
        return Ok(descr.clone());
    }
    let index = state::<TupleGetter>(descr).map_or(usize::MAX, |s| s.borrow().index);
    match obj.as_obj().and_then(|o| o.as_tuple()) {
        Some(items) => items.get(index).cloned().ok_or_else(|| vm.new_index_error("tuple index out of range")),
        None => {
            let n = vm.type_name(obj);
            Err(vm.new_type_error(format!("descriptor for index '{index}' for tuple subclasses doesn't apply to '{n}' object")))
        }
    }
}

/// tuplegetter_descr_set: the fields are read-only.
fn tuplegetter_set(vm: &mut Vm, _descr: &Value, _obj: &Value, value: Value) -> PyResult<()> {
    Err(vm.new_attribute_error(if value.is_null() { "can't delete attribute" } else { "can't set attribute" }))
}
