//! The `tuple` type: hash (CPython's xxHash-based tuplehash), comparison, subscript with
//! slices, `+`, `*`, `in`, iteration, `count`/`index`, and the constructor.

use crate::object::hash::hash_tuple;
use crate::object::{Args, BinOp, CmpOp, Payload, PyObject, PyRef, Value};
use crate::types::iterators::{new_iter, IterKind};
use crate::types::methods::method;
use crate::types::seq_common::{compare_seqs, join_reprs, repeat, repeat_count, repr_guarded, search_range};
use crate::types::slice::{index_exact, normalize, slice_indices, slice_parts};
use crate::vm::{PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let t = vm.types.tuple.clone();
    if let Some(ty) = t.as_type() {
        let mut s = ty.slots.borrow_mut();
        s.repr = Some(tuple_repr);
        s.hash = Some(tuple_hash);
        s.richcompare = Some(tuple_richcompare);
        s.len = Some(|_, v| Ok(items(v).len()));
        s.getitem = Some(tuple_getitem);
        s.contains = Some(tuple_contains);
        s.iter = Some(tuple_iter);
        s.bool = Some(|_, v| Ok(!items(v).is_empty()));
        s.binary = Some(tuple_binary);
        s.nb_ops = crate::object::NbOps::sequence(false, false);
        s.new = Some(tuple_new);
    }
    vm.add_methods(&t, "tuple", &[
        method("index", "(self, value, start=?, stop=?, /)", tuple_index),
        method("count", "(self, value, /)", tuple_count),
        method("__getnewargs__", "(self, /)", |vm, a| {
            let t = items(&a[0]).to_vec();
            let inner = vm.new_tuple(t);
            Ok(vm.new_tuple(vec![inner]))
        }),
    ]);
}

/// The items of a tuple value (empty for a non-tuple).
pub fn items(v: &Value) -> &[Value] {
    v.as_obj().and_then(|o| o.as_tuple()).unwrap_or(&[])
}

fn is_tuple(v: &Value) -> bool {
    v.as_obj().and_then(|o| o.as_tuple()).is_some()
}

fn not_impl(vm: &Vm) -> Value {
    Value::Obj(vm.not_implemented.clone())
}

fn tuple_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(o) = v.as_obj() else { return Ok(not_impl(vm)) };
    let its = items(v).to_vec();
    match its.len() {
        0 => Ok(vm.new_str("()")),
        1 => repr_guarded(vm, o, "(...)", |vm| Ok(format!("({},)", join_reprs(vm, &its)?))),
        _ => repr_guarded(vm, o, "(...)", |vm| Ok(format!("({})", join_reprs(vm, &its)?))),
    }
}

fn tuple_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let its = items(v).to_vec();
    let mut hashes = Vec::with_capacity(its.len());
    for x in &its {
        hashes.push(vm.hash(x)?);
    }
    Ok(hash_tuple(hashes.into_iter()))
}

fn tuple_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    if !is_tuple(a) || !is_tuple(b) {
        return Ok(not_impl(vm));
    }
    // Tuples are immutable: their items can stay borrowed while comparing runs Python code.
    compare_seqs(vm, items(a), items(b), op)
}

fn tuple_getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let its = items(v);
    if slice_parts(key).is_some() {
        let s = slice_indices(vm, key, its.len())?;
        if s.step == 1 && s.len == its.len() && vm.is_exact(v.as_obj().expect("tuple"), &vm.types.tuple) {
            return Ok(v.clone());
        }
        let out = crate::types::list::slice_items(its, s);
        return Ok(vm.new_tuple(out));
    }
    let Some(i) = index_exact(vm, key)? else {
        let n = vm.type_name(key);
        return Err(vm.new_type_error(format!("tuple indices must be integers or slices, not {n}")));
    };
    match normalize(i, its.len()) {
        Some(p) => Ok(its[p].clone()),
        None => Err(vm.new_index_error("tuple index out of range")),
    }
}

fn tuple_contains(vm: &mut Vm, v: &Value, item: &Value) -> PyResult<bool> {
    for x in items(v).to_vec() {
        if vm.eq(&x, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn tuple_iter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let t = vm.iter_types.tuple.clone();
    Ok(new_iter(&t, IterKind::Tuple, v.clone(), 0))
}

fn tuple_binary(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    match op {
        BinOp::Add => {
            if !is_tuple(a) {
                return Ok(not_impl(vm));
            }
            if !is_tuple(b) {
                return Ok(not_impl(vm));
            }
            let mut x = items(a).to_vec();
            x.extend_from_slice(items(b));
            Ok(vm.new_tuple(x))
        }
        BinOp::Mul => {
            let (seq, n) = if is_tuple(a) { (a, b) } else { (b, a) };
            let Some(count) = repeat_count(vm, n)? else { return Ok(not_impl(vm)) };
            if count == 1 && seq.as_obj().is_some_and(|o| vm.is_exact(o, &vm.types.tuple)) {
                return Ok(seq.clone());
            }
            let its = items(seq).to_vec();
            let out = repeat(vm, &its, count)?;
            Ok(vm.new_tuple(out))
        }
        _ => Ok(not_impl(vm)),
    }
}

fn tuple_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    let is_exact = cls.is(&vm.types.tuple);
    if !args.kwnames.is_empty() && crate::types::native::keeps_init(cls, &vm.types.tuple) {
        return Err(vm.new_type_error("tuple() takes no keyword arguments"));
    }
    let pos = args.pos();
    if pos.len() > 1 {
        return Err(vm.new_type_error(format!("tuple expected at most 1 argument, got {}", pos.len())));
    }
    let its = match pos.first() {
        Some(v) if is_exact && is_tuple(v) && v.as_obj().is_some_and(|o| vm.is_exact(o, &vm.types.tuple)) => return Ok(v.clone()),
        Some(v) => vm.collect(v)?,
        None => Vec::new(),
    };
    Ok(Value::Obj(PyRef::new(PyObject::new(cls.clone(), Payload::Tuple(its.into_boxed_slice())))))
}

fn tuple_index(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    let its = items(&args[0]).to_vec();
    let (s, e) = search_range(vm, &args[2], &args[3], its.len())?;
    for (i, x) in its.iter().enumerate().take(e).skip(s) {
        if vm.eq(x, &args[1])? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(vm.new_value_error("tuple.index(x): x not in tuple"))
}

fn tuple_count(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    let mut n = 0;
    for x in items(&args[0]).to_vec() {
        if vm.eq(&x, &args[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}
