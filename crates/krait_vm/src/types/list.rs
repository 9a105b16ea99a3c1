//! The `list` type: slots (repr, compare, subscript with slices, `+`, `*`, `in`,
//! iteration) and methods, including the stable `sort` with `key` and `reverse`.

use crate::object::{Args, BinOp, CmpOp, Payload, PyObject, PyRef, Value};
use crate::types::iterators::{new_iter, IterKind};
use crate::types::methods::method;
use crate::types::seq_common::{compare_seqs, join_reprs, repeat, repeat_count, repr_guarded, search_range};
use crate::types::sort::stable_sort;
use crate::types::slice::{index_exact, normalize, slice_indices_with, slice_parts};
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;

pub fn init(vm: &mut Vm) {
    let t = vm.types.list.clone();
    if let Some(ty) = t.as_type() {
        let mut s = ty.slots.borrow_mut();
        s.repr = Some(list_repr);
        s.richcompare = Some(list_richcompare);
        s.len = Some(list_len);
        s.getitem = Some(list_getitem);
        s.setitem = Some(list_setitem);
        s.contains = Some(list_contains);
        s.iter = Some(list_iter);
        s.bool = Some(|_, v| Ok(items_of(v).is_some_and(|l| !l.borrow().is_empty())));
        s.binary = Some(list_binary);
        s.nb_ops = crate::object::NbOps::sequence(false, true);
        s.inplace = Some(list_inplace);
        s.new = Some(list_new);
        s.init = Some(list_init);
    }
    vm.add_methods(&t, "list", &[
        method("append", "(self, object, /)", list_append),
        method("extend", "(self, iterable, /)", list_extend),
        method("insert", "(self, index, object, /)", list_insert),
        method("remove", "(self, value, /)", list_remove),
        method("pop", "(self, index=-1, /)", list_pop),
        method("index", "(self, value, start=?, stop=?, /)", list_index),
        method("count", "(self, value, /)", list_count),
        method("sort", "(self, /, *, key=None, reverse=False)", list_sort),
        method("reverse", "(self, /)", list_reverse),
        method("copy", "(self, /)", list_copy),
        method("clear", "(self, /)", list_clear),
        method("__reversed__", "(self, /)", list_reversed),
    ]);
}

/// The list payload of `v`.
pub fn items_of(v: &Value) -> Option<&RefCell<Vec<Value>>> {
    v.as_obj().and_then(|o| o.as_list())
}

fn snapshot(v: &Value) -> Vec<Value> {
    items_of(v).map(|l| l.borrow().clone()).unwrap_or_default()
}

fn not_impl(vm: &Vm) -> Value {
    Value::Obj(vm.not_implemented.clone())
}

fn list_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(o) = v.as_obj() else { return Ok(not_impl(vm)) };
    let items = snapshot(v);
    if items.is_empty() {
        return Ok(vm.new_str("[]"));
    }
    repr_guarded(vm, o, "[...]", |vm| Ok(format!("[{}]", join_reprs(vm, &items)?)))
}

fn list_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    if items_of(a).is_none() || items_of(b).is_none() {
        return Ok(not_impl(vm));
    }
    let (x, y) = (snapshot(a), snapshot(b));
    compare_seqs(vm, &x, &y, op)
}

fn list_len(_vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(items_of(v).map(|l| l.borrow().len()).unwrap_or(0))
}

fn indices_error(vm: &mut Vm, key: &Value) -> crate::vm::PyErr {
    let n = vm.type_name(key);
    vm.new_type_error(format!("list indices must be integers or slices, not {n}"))
}

/// The items a resolved slice selects (of a list or tuple).
pub fn slice_items(items: &[Value], s: crate::types::slice::SliceIdx) -> Vec<Value> {
    if s.step == 1 {
        items.get(s.start as usize..s.start as usize + s.len).map(<[Value]>::to_vec).unwrap_or_default()
    } else {
        s.positions().filter_map(|p| items.get(p).cloned()).collect()
    }
}

fn list_getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let Some(l) = items_of(v) else { return Ok(not_impl(vm)) };
    if slice_parts(key).is_some() {
        let s = slice_indices_with(vm, key, || l.borrow().len())?;
        let out = slice_items(&l.borrow(), s);
        return Ok(vm.new_list(out));
    }
    let Some(i) = index_exact(vm, key)? else { return Err(indices_error(vm, key)) };
    let items = l.borrow();
    match normalize(i, items.len()).and_then(|p| items.get(p).cloned()) {
        Some(x) => Ok(x),
        None => {
            drop(items);
            Err(vm.new_index_error("list index out of range"))
        }
    }
}

fn list_setitem(vm: &mut Vm, v: &Value, key: &Value, value: Value) -> PyResult<()> {
    let Some(l) = items_of(v) else { return Ok(()) };
    if slice_parts(key).is_some() {
        return assign_slice(vm, v, l, key, value);
    }
    let Some(i) = index_exact(vm, key)? else { return Err(indices_error(vm, key)) };
    let mut items = l.borrow_mut();
    let Some(p) = normalize(i, items.len()) else {
        drop(items);
        return Err(vm.new_index_error("list assignment index out of range"));
    };
    let old = if value.is_null() { items.remove(p) } else { std::mem::replace(&mut items[p], value) };
    drop(items);
    drop(old);
    Ok(())
}

/// `l[a:b:c] = value` and `del l[a:b:c]` (list_ass_slice / list_ass_subscript).
fn assign_slice(vm: &mut Vm, v: &Value, l: &RefCell<Vec<Value>>, key: &Value, value: Value) -> PyResult<()> {
    let new_items = if value.is_null() {
        None
    } else if items_of(&value).is_some_and(|_| value.is(v)) {
        Some(snapshot(v))
    } else {
        let extended = slice_parts(key).is_some_and(|(_, _, st)| !st.is_none() && !matches!(st, Value::Int(1)));
        let msg = if extended { "must assign iterable to extended slice" } else { "can only assign an iterable" };
        Some(crate::types::seq_common::sequence_fast(vm, &value, msg)?)
    };
    let s = slice_indices_with(vm, key, || l.borrow().len())?;
    let mut items = l.borrow_mut();
    if s.step == 1 {
        let start = s.start as usize;
        let stop = (s.stop.max(s.start)) as usize;
        let removed: Vec<Value> = items.splice(start..stop, new_items.unwrap_or_default()).collect();
        drop(items);
        drop(removed);
        return Ok(());
    }
    match new_items {
        None => {
            let mut drop_pos: Vec<usize> = s.positions().collect();
            drop_pos.sort_unstable();
            let mut removed = Vec::with_capacity(drop_pos.len());
            for p in drop_pos.into_iter().rev() {
                removed.push(items.remove(p));
            }
            drop(items);
            drop(removed);
            Ok(())
        }
        Some(new) => {
            if new.len() != s.len {
                drop(items);
                return Err(vm.new_value_error(format!("attempt to assign sequence of size {} to extended slice of size {}", new.len(), s.len)));
            }
            let mut old = Vec::with_capacity(new.len());
            for (p, x) in s.positions().zip(new) {
                old.push(std::mem::replace(&mut items[p], x));
            }
            drop(items);
            drop(old);
            Ok(())
        }
    }
}

fn list_contains(vm: &mut Vm, v: &Value, item: &Value) -> PyResult<bool> {
    let Some(l) = items_of(v) else { return Ok(false) };
    let mut i = 0;
    loop {
        let x = match l.borrow().get(i) {
            Some(x) => x.clone(),
            None => return Ok(false),
        };
        if vm.eq(&x, item)? {
            return Ok(true);
        }
        i += 1;
    }
}

fn list_iter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let t = vm.iter_types.list.clone();
    Ok(new_iter(&t, IterKind::List, v.clone(), 0))
}

fn list_reversed(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    let t = vm.iter_types.list_reverse.clone();
    let len = items_of(&args[0]).map(|l| l.borrow().len()).unwrap_or(0);
    Ok(new_iter(&t, IterKind::ListReverse, args[0].clone(), len))
}

fn list_binary(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    match op {
        BinOp::Add => {
            if items_of(a).is_none() {
                return Ok(not_impl(vm));
            }
            if items_of(b).is_none() {
                return Ok(not_impl(vm));
            }
            let (Some(la), Some(lb)) = (items_of(a), items_of(b)) else { return Ok(not_impl(vm)) };
            let (la, lb) = (la.borrow(), lb.borrow());
            let mut x = Vec::with_capacity(la.len() + lb.len());
            x.extend_from_slice(&la);
            x.extend_from_slice(&lb);
            drop((la, lb));
            Ok(vm.new_list(x))
        }
        BinOp::Mul => {
            let (seq, n) = if items_of(a).is_some() { (a, b) } else { (b, a) };
            let Some(count) = repeat_count(vm, n)? else { return Ok(not_impl(vm)) };
            let items = snapshot(seq);
            let out = repeat(vm, &items, count)?;
            Ok(vm.new_list(out))
        }
        _ => Ok(not_impl(vm)),
    }
}

fn list_inplace(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    let Some(l) = items_of(a) else { return Ok(not_impl(vm)) };
    match op {
        BinOp::Add => {
            let extra = vm.collect(b)?;
            l.borrow_mut().extend(extra);
            Ok(a.clone())
        }
        BinOp::Mul => {
            let Some(count) = repeat_count(vm, b)? else { return Ok(not_impl(vm)) };
            let items = snapshot(a);
            let out = repeat(vm, &items, count)?;
            let old = std::mem::replace(&mut *l.borrow_mut(), out);
            drop(old);
            Ok(a.clone())
        }
        _ => Ok(not_impl(vm)),
    }
}

fn list_new(_vm: &mut Vm, cls: &PyRef, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Obj(PyRef::new(PyObject::new(cls.clone(), Payload::List(RefCell::new(Vec::new()))))))
}

fn list_init(vm: &mut Vm, v: &Value, args: Args<'_>) -> PyResult<()> {
    if !args.kwnames.is_empty() && crate::types::native::keeps_new(&vm.type_of(v), &vm.types.list) {
        return Err(vm.new_type_error("list() takes no keyword arguments"));
    }
    let pos = args.pos();
    if pos.len() > 1 {
        return Err(vm.new_type_error(format!("list expected at most 1 argument, got {}", pos.len())));
    }
    let Some(l) = items_of(v) else { return Ok(()) };
    let old = std::mem::take(&mut *l.borrow_mut());
    drop(old);
    if let Some(it) = pos.first() {
        if !is_list_or_tuple(it) {
            vm.length_hint(it, 0)?;
        }
        let items = vm.collect(it)?;
        l.borrow_mut().extend(items);
    }
    Ok(())
}

fn list_append(_vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    if let Some(l) = items_of(&args[0]) {
        l.borrow_mut().push(args[1].clone());
    }
    Ok(Value::None)
}

/// Whether `v` is a list or tuple (whose length needs no hint).
fn is_list_or_tuple(v: &Value) -> bool {
    v.as_obj().is_some_and(|o| o.as_list().is_some() || o.as_tuple().is_some())
}

fn list_extend(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    if !is_list_or_tuple(&args[1]) {
        // list_extend sizes the list from the hint first (its errors propagate).
        vm.length_hint(&args[1], 0)?;
    }
    let items = if args[1].is(&args[0]) { snapshot(&args[0]) } else { vm.collect(&args[1])? };
    if let Some(l) = items_of(&args[0]) {
        l.borrow_mut().extend(items);
    }
    Ok(Value::None)
}

fn list_insert(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    let Some(i) = index_exact(vm, &args[1])? else {
        let n = vm.type_name(&args[1]);
        return Err(vm.new_type_error(format!("'{n}' object cannot be interpreted as an integer")));
    };
    if let Some(l) = items_of(&args[0]) {
        let mut items = l.borrow_mut();
        let len = items.len() as i64;
        let p = if i < 0 { (i + len).max(0) } else { i.min(len) };
        items.insert(p as usize, args[2].clone());
    }
    Ok(Value::None)
}

/// The first position of `x` in the list between `start` and `stop`.
fn find(vm: &mut Vm, v: &Value, x: &Value, start: usize, stop: usize) -> PyResult<Option<usize>> {
    let Some(l) = items_of(v) else { return Ok(None) };
    let mut i = start;
    while i < stop {
        let item = match l.borrow().get(i) {
            Some(it) => it.clone(),
            None => break,
        };
        if vm.eq(&item, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn list_remove(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    match find(vm, &args[0], &args[1], 0, usize::MAX)? {
        Some(p) => {
            if let Some(l) = items_of(&args[0]) {
                let mut items = l.borrow_mut();
                if p < items.len() {
                    let old = items.remove(p);
                    drop(items);
                    drop(old);
                }
            }
            Ok(Value::None)
        }
        None => Err(vm.new_value_error("list.remove(x): x not in list")),
    }
}

fn list_pop(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    let Some(i) = index_exact(vm, &args[1])? else {
        let n = vm.type_name(&args[1]);
        return Err(vm.new_type_error(format!("'{n}' object cannot be interpreted as an integer")));
    };
    let Some(l) = items_of(&args[0]) else { return Ok(Value::None) };
    let mut items = l.borrow_mut();
    if items.is_empty() {
        drop(items);
        return Err(vm.new_index_error("pop from empty list"));
    }
    match normalize(i, items.len()) {
        Some(p) => Ok(items.remove(p)),
        None => {
            drop(items);
            Err(vm.new_index_error("pop index out of range"))
        }
    }
}

fn list_index(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    let len = items_of(&args[0]).map(|l| l.borrow().len()).unwrap_or(0);
    let (s, e) = search_range(vm, &args[2], &args[3], len)?;
    match find(vm, &args[0], &args[1], s, e)? {
        Some(p) => Ok(Value::Int(p as i64)),
        None => {
            let r = vm.repr(&args[1])?;
            let text = r.as_str().map(|s| s.as_str().to_string()).unwrap_or_default();
            Err(vm.new_value_error(format!("{text} is not in list")))
        }
    }
}

fn list_count(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    let Some(l) = items_of(&args[0]) else { return Ok(Value::Int(0)) };
    let mut n = 0;
    let mut i = 0;
    loop {
        let item = match l.borrow().get(i) {
            Some(it) => it.clone(),
            None => break,
        };
        if vm.eq(&item, &args[1])? {
            n += 1;
        }
        i += 1;
    }
    Ok(Value::Int(n))
}

/// list.sort: the list is empty while sorting (CPython's rule), so mutation by a key
/// function or comparison is detected and reported.
fn list_sort(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    let Some(l) = items_of(&args[0]) else { return Ok(Value::None) };
    let key = args[1].clone();
    let reverse = vm.is_true(&args[2])?;
    let mut items = std::mem::take(&mut *l.borrow_mut());
    let result = sort_items(vm, &mut items, &key, reverse);
    let mut cur = l.borrow_mut();
    // The list was left empty without storage: anything that grew it (even if it shrank
    // back to empty) gave it a capacity.
    let modified = !cur.is_empty() || cur.capacity() != 0;
    let junk = std::mem::replace(&mut *cur, items);
    drop(cur);
    drop(junk);
    result?;
    if modified {
        return Err(vm.new_value_error("list modified during sort"));
    }
    Ok(Value::None)
}

fn sort_items(vm: &mut Vm, items: &mut Vec<Value>, key: &Value, reverse: bool) -> PyResult<()> {
    let mut pairs = Vec::with_capacity(items.len());
    for it in items.iter() {
        let k = if key.is_none() { it.clone() } else { vm.call_positional(key, std::slice::from_ref(it))? };
        pairs.push((k, it.clone()));
    }
    if reverse {
        pairs.reverse();
    }
    stable_sort(vm, &mut pairs)?;
    if reverse {
        pairs.reverse();
    }
    *items = pairs.into_iter().map(|(_, v)| v).collect();
    Ok(())
}

fn list_reverse(_vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    if let Some(l) = items_of(&args[0]) {
        l.borrow_mut().reverse();
    }
    Ok(Value::None)
}

fn list_copy(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    let items = snapshot(&args[0]);
    Ok(vm.new_list(items))
}

fn list_clear(_vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    if let Some(l) = items_of(&args[0]) {
        let old = std::mem::take(&mut *l.borrow_mut());
        drop(old);
    }
    Ok(Value::None)
}
