//! `__length_hint__`, `__reduce__` and `__setstate__` of the builtin container iterators
//! (list, tuple, str, dict, set and range iterators), as CPython's listiter_reduce_general,
//! dictiter_reduce, setiter_reduce, rangeiter_reduce and their `*_len`/`*_setstate`.

use crate::object::{PyRef, Value};
use crate::types::callable_reduce::builtin;
use crate::types::iterators::{ContainerIter, IterKind};
use crate::types::range_big::LongRangeIter;
use crate::types::methods::method;
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;

fn state<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a ContainerIter> {
    match v.as_obj().and_then(|o| o.native::<ContainerIter>()) {
        Some(it) => Ok(it),
        None => {
            let n = vm.type_name(v);
            Err(vm.new_type_error(format!("descriptor requires an iterator, not '{n}'")))
        }
    }
}

/// The live entries of a dict (or set) table from `pos` on (`rev`: before `pos`).
fn dict_remaining(d: &PyRef, pos: usize, rev: bool) -> Vec<(Value, Value)> {
    let Some(t) = d.as_dict() else { return Vec::new() };
    let t = t.borrow();
    let mut out = Vec::new();
    if rev {
        let mut p = pos;
        while p > 0 {
            p -= 1;
            if t.next_live(p) == Some(p) {
                let e = t.entry(p);
                out.push((e.key.clone(), e.value.clone()));
            }
        }
    } else {
        let mut p = pos;
        while let Some(q) = t.next_live(p) {
            let e = t.entry(q);
            out.push((e.key.clone(), e.value.clone()));
            p = q + 1;
        }
    }
    out
}

fn set_remaining(s: &PyRef, pos: usize) -> Vec<Value> {
    crate::types::set_type::with_table(s, |t| t.table.iter().skip(pos).filter(|e| !e.key.is_null()).map(|e| e.key.clone()).collect())
        .unwrap_or_default()
}

/// The items a dict or set iterator has still to produce (nothing after a size change).
fn hashed_remaining(vm: &mut Vm, it: &ContainerIter, seq: &PyRef) -> Vec<Value> {
    let pos = it.pos.get();
    match it.kind {
        IterKind::DictKeys(n) | IterKind::DictValues(n) | IterKind::DictItems(n) | IterKind::DictReverseKeys(n) | IterKind::DictReverseValues(n) | IterKind::DictReverseItems(n) => {
            if seq.as_dict().is_none_or(|d| d.borrow().len() != n) {
                return Vec::new();
            }
            let rev = matches!(it.kind, IterKind::DictReverseKeys(_) | IterKind::DictReverseValues(_) | IterKind::DictReverseItems(_));
            dict_remaining(seq, pos, rev)
                .into_iter()
                .map(|(k, v)| match it.kind {
                    IterKind::DictKeys(_) | IterKind::DictReverseKeys(_) => k,
                    IterKind::DictValues(_) | IterKind::DictReverseValues(_) => v,
                    _ => vm.new_tuple(vec![k, v]),
                })
                .collect()
        }
        IterKind::Set(n) => {
            if crate::types::set_type::with_table(seq, |t| t.len()) != Some(n) {
                return Vec::new();
            }
            set_remaining(seq, pos)
        }
        _ => Vec::new(),
    }
}

/// Position in chars of byte offset `pos` in str `s`.
fn char_index(s: &PyRef, pos: usize) -> usize {
    s.as_str().map_or(0, |t| t.as_str().get(..pos).map_or(0, |p| p.chars().count()))
}

fn seq_len(seq: &PyRef) -> usize {
    if let Some(l) = seq.as_list() {
        l.borrow().len()
    } else if let Some(t) = seq.as_tuple() {
        t.len()
    } else {
        0
    }
}

// listiter_len, tupleiter_len, unicodeiter_len, dictiter_len, setiter_len, rangeiter_len
fn length_hint(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let it = state(vm, &a[0])?;
    let Value::Obj(seq) = it.seq.borrow().clone() else { return Ok(Value::Int(0)) };
    let pos = it.pos.get();
    let n = match &it.kind {
        IterKind::List | IterKind::Tuple => seq_len(&seq).saturating_sub(pos),
        IterKind::ListReverse => {
            if pos <= seq_len(&seq) {
                pos
            } else {
                0
            }
        }
        IterKind::Str => seq.as_str().map_or(0, |s| s.as_str().get(pos..).map_or(0, |r| r.chars().count())),
        IterKind::Range { .. } => pos,
        _ => hashed_remaining(vm, it, &seq).len(),
    };
    Ok(Value::Int(n as i64))
}

fn int_value(vm: &mut Vm, v: i128) -> Value {
    match i64::try_from(v) {
        Ok(i) => Value::Int(i),
        Err(_) => vm.new_bigint(BigInt::from(v)),
    }
}

fn reduce(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let it = state(vm, &a[0])?;
    let seq = it.seq.borrow().clone();
    let pos = it.pos.get();
    let iter = builtin(vm, "iter")?;
    let Value::Obj(seq) = seq else {
        // Exhausted: an iterator over an empty container of the same kind.
        let empty = match it.kind {
            IterKind::Tuple => vm.new_tuple(vec![]),
            IterKind::Str => vm.new_str(""),
            IterKind::Range { .. } => {
                let range = Value::Obj(vm.types.range.clone());
                vm.call_positional(&range, &[Value::Int(0)])?
            }
            _ => vm.new_list(vec![]),
        };
        let args = vm.new_tuple(vec![empty]);
        return Ok(vm.new_tuple(vec![iter, args]));
    };
    let (func, arg, index) = match &it.kind {
        IterKind::List | IterKind::Tuple => (iter, Value::Obj(seq), Some(pos)),
        IterKind::Str => {
            let index = char_index(&seq, pos);
            (iter, Value::Obj(seq), Some(index))
        }
        IterKind::ListReverse => {
            let index = pos as i64 - 1;
            let reversed = builtin(vm, "reversed")?;
            let args = vm.new_tuple(vec![Value::Obj(seq)]);
            return Ok(vm.new_tuple(vec![reversed, args, Value::Int(index)]));
        }
        IterKind::Range { next, step } => {
            let (first, step) = (i128::from(next.get()), i128::from(*step));
            let stop = first + pos as i128 * step;
            let range = Value::Obj(vm.types.range.clone());
            let bounds = [int_value(vm, first), int_value(vm, stop), int_value(vm, step)];
            let r = vm.call_positional(&range, &bounds)?;
            (iter, r, Some(0))
        }
        _ => {
            let items = hashed_remaining(vm, it, &seq);
            (iter, vm.new_list(items), None)
        }
    };
    let args = vm.new_tuple(vec![arg]);
    let mut out = vec![func, args];
    out.extend(index.map(|i| Value::Int(i as i64)));
    Ok(vm.new_tuple(out))
}

// listiter_setstate, listreviter_setstate, tupleiter_setstate, unicodeiter_setstate,
// rangeiter_setstate
fn setstate(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let index = crate::types::int::index_of(vm, &a[1])?;
    let index: i64 = num_traits::ToPrimitive::to_i64(&index).unwrap_or(if index.sign() == num_bigint::Sign::Minus { i64::MIN } else { i64::MAX });
    let it = state(vm, &a[0])?;
    let Value::Obj(seq) = it.seq.borrow().clone() else { return Ok(Value::None) };
    match &it.kind {
        IterKind::List | IterKind::Tuple => {
            let n = seq_len(&seq) as i64;
            it.pos.set(index.clamp(0, n) as usize);
        }
        IterKind::ListReverse => {
            let n = seq_len(&seq) as i64;
            it.pos.set((index.clamp(-1, n - 1) + 1) as usize);
        }
        IterKind::Str => {
            let s = seq.as_str().map(|s| s.as_str().to_string()).unwrap_or_default();
            let k = index.max(0) as usize;
            it.pos.set(s.char_indices().nth(k).map_or(s.len(), |(b, _)| b));
        }
        IterKind::Range { next, step } => {
            // The range the iterator was made from: `pos` items remain of its length.
            let len = crate::types::range::parts(&Value::Obj(seq)).len().max(0);
            let consumed = len - it.pos.get() as i128;
            let k = i128::from(index).clamp(0, len);
            let first = i128::from(next.get()) - consumed * i128::from(*step);
            next.set((first + k * i128::from(*step)) as i64);
            it.pos.set((len - k) as usize);
        }
        _ => {
            let n = vm.type_name(&a[0]);
            return Err(vm.new_type_error(format!("'{n}' object has no state to set")));
        }
    }
    Ok(Value::None)
}

fn long_state(vm: &mut Vm, v: &Value) -> PyResult<(BigInt, BigInt, BigInt)> {
    match v.as_obj().and_then(|o| o.native::<LongRangeIter>()) {
        Some(it) => Ok(it.0.borrow().clone()),
        None => {
            let n = vm.type_name(v);
            Err(vm.new_type_error(format!("descriptor requires a 'longrange_iterator', not '{n}'")))
        }
    }
}

// longrangeiter_len
fn long_length_hint(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (_, _, left) = long_state(vm, &a[0])?;
    Ok(vm.new_bigint(left))
}

// longrangeiter_reduce: the range still to go, from its start.
fn long_reduce(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (next, step, left) = long_state(vm, &a[0])?;
    let stop = &next + &left * &step;
    let range = Value::Obj(vm.types.range.clone());
    let bounds = [vm.new_bigint(next), vm.new_bigint(stop), vm.new_bigint(step)];
    let r = vm.call_positional(&range, &bounds)?;
    let iter = builtin(vm, "iter")?;
    let args = vm.new_tuple(vec![r]);
    Ok(vm.new_tuple(vec![iter, args, Value::Int(0)]))
}

// longrangeiter_setstate: skips `state` items (clamped to the items left).
fn long_setstate(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let k = crate::types::int::index_of(vm, &a[1])?;
    let Some(it) = a[0].as_obj().and_then(|o| o.native::<LongRangeIter>()) else { return Ok(Value::None) };
    let mut s = it.0.borrow_mut();
    let k = k.clamp(BigInt::from(0), s.2.clone());
    s.0 = &s.0 + &k * &s.1;
    s.2 = &s.2 - &k;
    Ok(Value::None)
}

/// Give the container iterator types their pickling and length-hint methods.
pub fn init(vm: &mut Vm) {
    let t = &vm.iter_types;
    let positional = [
        (t.list.clone(), "list_iterator"),
        (t.list_reverse.clone(), "list_reverseiterator"),
        (t.tuple.clone(), "tuple_iterator"),
        (t.str.clone(), "str_ascii_iterator"),
        (t.range.clone(), "range_iterator"),
    ];
    let hashed = [
        (t.dict_keys.clone(), "dict_keyiterator"),
        (t.dict_values.clone(), "dict_valueiterator"),
        (t.dict_items.clone(), "dict_itemiterator"),
        (t.dict_reverse_keys.clone(), "dict_reversekeyiterator"),
        (t.dict_reverse_values.clone(), "dict_reversevalueiterator"),
        (t.dict_reverse_items.clone(), "dict_reverseitemiterator"),
        (t.set.clone(), "set_iterator"),
    ];
    for (ty, name) in positional {
        vm.add_methods(&ty, name, &[
            method("__length_hint__", "(self, /)", length_hint),
            method("__reduce__", "(self, /)", reduce),
            method("__setstate__", "(self, state, /)", setstate),
        ]);
    }
    let long = vm.iter_types.longrange.clone();
    vm.add_methods(&long, "longrange_iterator", &[
        method("__length_hint__", "(self, /)", long_length_hint),
        method("__reduce__", "(self, /)", long_reduce),
        method("__setstate__", "(self, state, /)", long_setstate),
    ]);
    for (ty, name) in hashed {
        vm.add_methods(&ty, name, &[method("__length_hint__", "(self, /)", length_hint), method("__reduce__", "(self, /)", reduce)]);
    }
}
