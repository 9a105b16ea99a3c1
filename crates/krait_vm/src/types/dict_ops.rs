//! Dict operations with Python semantics: hashing, key equality (which may run Python
//! code, so no table borrow is held across it), get/set/delete.

use crate::object::{PyRef, Value};
use crate::vm::{PyResult, Vm};

/// Find the position of `key` (with hash `hash`) in dict `d`.
pub fn lookup(vm: &mut Vm, d: &PyRef, key: &Value, hash: i64) -> PyResult<Option<usize>> {
    let table = d.as_dict().expect("dict payload");
    // Fast pass: identity or builtin equality, under one short borrow.
    let mut slow: Vec<(usize, Value)> = Vec::new();
    {
        let t = table.borrow();
        if let Some(pos) = t.find(hash, |k| k.is(key) || vm.eq_fast(k, key) == Some(true)) {
            return Ok(Some(pos));
        }
        for pos in t.candidates(hash) {
            let k = &t.entry(pos).key;
            if vm.eq_fast(k, key).is_none() {
                slow.push((pos, k.clone()));
            }
        }
    }
    for (pos, k) in slow {
        if vm.eq(&k, key)? {
            // The comparison may have mutated the dict: confirm the entry is still there.
            let t = table.borrow();
            if pos < usize::MAX && t.next_live(pos) == Some(pos) && t.entry(pos).key.is(&k) {
                return Ok(Some(pos));
            }
            drop(t);
            return lookup(vm, d, key, hash);
        }
    }
    Ok(None)
}

/// `d[key]`, or `None` when absent.
pub fn get_item(vm: &mut Vm, d: &PyRef, key: &Value) -> PyResult<Option<Value>> {
    let hash = vm.hash(key)?;
    Ok(lookup(vm, d, key, hash)?.map(|pos| d.as_dict().expect("dict").borrow().entry(pos).value.clone()))
}

/// `d[key] = value`.
pub fn set_item(vm: &mut Vm, d: &PyRef, key: Value, value: Value) -> PyResult<()> {
    let hash = vm.hash(&key)?;
    match lookup(vm, d, &key, hash)? {
        Some(pos) => {
            let old = d.as_dict().expect("dict").borrow_mut().set_value_at(pos, value);
            drop(old);
        }
        None => d.as_dict().expect("dict").borrow_mut().push(hash, key, value),
    }
    Ok(())
}

/// `del d[key]`; returns the removed value, or `None` when absent.
pub fn del_item(vm: &mut Vm, d: &PyRef, key: &Value) -> PyResult<Option<Value>> {
    let hash = vm.hash(key)?;
    match lookup(vm, d, key, hash)? {
        Some(pos) => {
            let (k, v) = d.as_dict().expect("dict").borrow_mut().remove_at(pos);
            drop(k);
            Ok(Some(v))
        }
        None => Ok(None),
    }
}

/// Like [`get_str`], also giving the entry's position (for inline caches).
#[inline]
pub fn get_str_pos(vm: &Vm, d: &PyRef, name: &PyRef, hash: i64) -> Option<(usize, Value)> {
    let t = d.as_dict()?.borrow();
    let pos = t.find(hash, |k| same_str_key(vm, k, name))?;
    Some((pos, t.entry(pos).value.clone()))
}

/// Whether dict key `k` equals the str `name` without running Python code: identity
/// (interned names), else equal text for an exact str key.
#[inline]
fn same_str_key(vm: &Vm, k: &Value, name: &PyRef) -> bool {
    match k {
        Value::Obj(o) => {
            o.is(name)
                || match (o.as_str(), name.as_str()) {
                    (Some(a), Some(b)) => vm.is_exact(o, &vm.types.str) && a.as_str() == b.as_str(),
                    _ => false,
                }
        }
        _ => false,
    }
}

/// Lookup by an interned/exact str name with a precomputed hash — the globals/attribute
/// path: no Python code can run, so one borrow suffices.
#[inline]
pub fn get_str(vm: &Vm, d: &PyRef, name: &PyRef, hash: i64) -> Option<Value> {
    let t = d.as_dict()?.borrow();
    let pos = t.find(hash, |k| same_str_key(vm, k, name))?;
    Some(t.entry(pos).value.clone())
}
