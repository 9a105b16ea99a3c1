//! The `set` and `frozenset` types over [`SetTable`]: lookups that run `__eq__` outside
//! any borrow, CPython's update/merge paths (so iteration order matches), the set
//! algebra methods and operators, comparisons and frozenset's hash.

use crate::object::{Args, BinOp, CmpOp, Payload, PyObject, PyRef, Value};
use crate::types::iterators::{new_iter, IterKind};
use crate::types::methods::{method, MethodDef};
use crate::types::seq_common::{join_reprs, repr_guarded};
use crate::types::set::{Probe, ProbeStep, SetTable};
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;

pub fn init(vm: &mut Vm) {
    for (t, frozen) in [(vm.types.set.clone(), false), (vm.types.frozenset.clone(), true)] {
        if let Some(ty) = t.as_type() {
            let mut s = ty.slots.borrow_mut();
            s.repr = Some(set_repr);
            s.richcompare = Some(set_richcompare);
            s.len = Some(|_, v| Ok(set_len(v)));
            s.bool = Some(|_, v| Ok(set_len(v) != 0));
            s.contains = Some(set_contains);
            s.iter = Some(set_iter);
            s.binary = Some(set_binary);
            let ops = crate::object::NbOps::numeric(&[BinOp::And, BinOp::Or, BinOp::Sub, BinOp::Xor]);
            s.nb_ops = crate::object::NbOps { inplace: if frozen { 0 } else { ops.forward }, ..ops };
            if frozen {
                s.hash = Some(frozenset_hash);
                s.new = Some(frozenset_new);
            } else {
                s.inplace = Some(set_inplace);
                s.new = Some(set_new);
                s.init = Some(set_init);
            }
        }
        let owner = if frozen { "frozenset" } else { "set" };
        vm.add_methods(&t, owner, COMMON);
        if !frozen {
            vm.add_methods(&t, owner, MUTATING);
        }
    }
}

const COMMON: &[MethodDef] = &[
    method("copy", "(self, /)", |vm, a| copy_of(vm, &a[0])),
    method("union", "(self, *others)", set_union),
    method("intersection", "(self, *others)", set_intersection_multi),
    method("difference", "(self, *others)", set_difference_multi),
    method("symmetric_difference", "(self, other, /)", |vm, a| symmetric_difference(vm, &a[0], &a[1])),
    method("issubset", "(self, other, /)", |vm, a| Ok(Value::Bool(issubset(vm, &a[0], &a[1])?))),
    method("issuperset", "(self, other, /)", set_issuperset),
    method("isdisjoint", "(self, other, /)", set_isdisjoint),
    method("__reduce__", "(self, /)", set_reduce),
];

// set_reduce: (type(s), (list(s),), state)
fn set_reduce(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let keys: Vec<Value> = entries(&a[0]).into_iter().map(|(k, _)| k).collect();
    let keys = vm.new_list(keys);
    let args = vm.new_tuple(vec![keys]);
    let state = vm.call_method(&a[0], "__getstate__", &[])?;
    Ok(vm.new_tuple(vec![Value::Obj(vm.type_of(&a[0])), args, state]))
}

const MUTATING: &[MethodDef] = &[
    method("add", "(self, object, /)", |vm, a| {
        add_key(vm, &a[0], a[1].clone())?;
        Ok(Value::None)
    }),
    method("remove", "(self, object, /)", |vm, a| {
        if discard(vm, &a[0], &a[1])? {
            Ok(Value::None)
        } else {
            Err(vm.new_key_error(a[1].clone()))
        }
    }),
    method("discard", "(self, object, /)", |vm, a| {
        discard(vm, &a[0], &a[1])?;
        Ok(Value::None)
    }),
    method("pop", "(self, /)", |vm, a| match mut_table(&a[0]).and_then(|t| t.borrow_mut().pop()) {
        Some(k) => Ok(k),
        None => Err(vm.new_key_error_msg("pop from an empty set")),
    }),
    method("clear", "(self, /)", |_, a| {
        if let Some(t) = mut_table(&a[0]) {
            let old = std::mem::take(&mut *t.borrow_mut());
            t.borrow_mut().version = old.version + 1;
        }
        Ok(Value::None)
    }),
    method("update", "(self, *others)", |vm, a| {
        for o in crate::types::tuple::items(&a[1]).to_vec() {
            update(vm, &a[0], &o)?;
        }
        Ok(Value::None)
    }),
    method("intersection_update", "(self, *others)", |vm, a| {
        let r = set_intersection_multi(vm, a)?;
        replace_table(&a[0], &r);
        Ok(Value::None)
    }),
    method("difference_update", "(self, *others)", |vm, a| {
        for o in crate::types::tuple::items(&a[1]).to_vec() {
            difference_update(vm, &a[0], &o)?;
        }
        Ok(Value::None)
    }),
    method("symmetric_difference_update", "(self, other, /)", |vm, a| {
        symmetric_difference_update(vm, &a[0], &a[1])?;
        Ok(Value::None)
    }),
];

/// Run `f` on the table of a set or frozenset object.
pub fn with_table<R>(o: &PyRef, f: impl FnOnce(&SetTable) -> R) -> Option<R> {
    match &o.payload {
        Payload::Set(t) => Some(f(&t.borrow())),
        Payload::FrozenSet(t) => Some(f(t)),
        _ => None,
    }
}

fn is_anyset(v: &Value) -> bool {
    matches!(v.as_obj().map(|o| &o.payload), Some(Payload::Set(_) | Payload::FrozenSet(_)))
}

fn mut_table(v: &Value) -> Option<&RefCell<SetTable>> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Set(t)) => Some(t),
        _ => None,
    }
}

fn set_len(v: &Value) -> usize {
    v.as_obj().and_then(|o| with_table(o, |t| t.len())).unwrap_or(0)
}

/// (key, hash) pairs of a set in table order.
fn entries(v: &Value) -> Vec<(Value, i64)> {
    v.as_obj().and_then(|o| with_table(o, |t| t.iter().map(|e| (e.key.clone(), e.hash)).collect())).unwrap_or_default()
}

fn not_impl(vm: &Vm) -> Value {
    Value::Obj(vm.not_implemented.clone())
}

/// A set's table, mutable (set) or not (frozenset).
#[derive(Clone, Copy)]
enum Tab<'a> {
    Mut(&'a RefCell<SetTable>),
    Frozen(&'a SetTable),
}

impl Tab<'_> {
    fn with<R>(self, f: impl FnOnce(&SetTable) -> R) -> R {
        match self {
            Tab::Mut(t) => f(&t.borrow()),
            Tab::Frozen(t) => f(t),
        }
    }
}

/// set_lookkey: the slot of `key`, comparing with Python equality outside any borrow
/// and restarting if the table changed meanwhile.
fn lookup_in(vm: &mut Vm, tab: Tab<'_>, key: &Value, hash: i64) -> PyResult<Option<usize>> {
    'restart: loop {
        let (mask, version) = tab.with(|t| (t.mask(), t.version));
        let mut p = Probe::new(hash, mask);
        loop {
            let step = tab.with(|t| t.probe_step(&mut p, hash, |k| if k.is(key) { Some(true) } else { vm.eq_fast(k, key) }));
            match step {
                ProbeStep::Found(i) => return Ok(Some(i)),
                ProbeStep::Absent(_) => return Ok(None),
                ProbeStep::Compare(i, k) => {
                    let eq = vm.eq(&k, key)?;
                    if tab.with(|t| t.version) != version || tab.with(|t| t.mask()) != mask {
                        continue 'restart;
                    }
                    if eq {
                        return Ok(Some(i));
                    }
                }
            }
        }
    }
}

/// Whether `key` (with `hash`) is in set object `o`.
fn contains_hashed(vm: &mut Vm, o: &PyRef, key: &Value, hash: i64) -> PyResult<bool> {
    match &o.payload {
        Payload::Set(t) => Ok(lookup_in(vm, Tab::Mut(t), key, hash)?.is_some()),
        Payload::FrozenSet(t) => Ok(lookup_in(vm, Tab::Frozen(t), key, hash)?.is_some()),
        _ => Ok(false),
    }
}

/// set_add_entry on a mutable table.
fn add_hashed(vm: &mut Vm, t: &RefCell<SetTable>, key: Value, hash: i64) -> PyResult<()> {
    if lookup_in(vm, Tab::Mut(t), &key, hash)?.is_some() {
        return Ok(());
    }
    let mut tb = t.borrow_mut();
    let mut p = Probe::new(hash, tb.mask());
    // The key is absent: walk to the first unused slot.
    if let ProbeStep::Absent(i) = tb.probe_step(&mut p, hash, |_| Some(false)) {
        tb.insert_at(i, key, hash);
    }
    Ok(())
}

fn add_key(vm: &mut Vm, s: &Value, key: Value) -> PyResult<()> {
    let hash = vm.hash(&key)?;
    match mut_table(s) {
        Some(t) => add_hashed(vm, t, key, hash),
        None => Ok(()),
    }
}

/// set_discard_key: whether the key was present.
fn discard(vm: &mut Vm, s: &Value, key: &Value) -> PyResult<bool> {
    let hash = vm.hash(key)?;
    let Some(t) = mut_table(s) else { return Ok(false) };
    match lookup_in(vm, Tab::Mut(t), key, hash)? {
        Some(i) => {
            let old = t.borrow_mut().remove_at(i);
            drop(old);
            Ok(true)
        }
        None => Ok(false),
    }
}

/// set_update_internal: merge a set, a dict's keys (with their hashes), or any iterable.
fn update_table(vm: &mut Vm, t: &RefCell<SetTable>, other: &Value) -> PyResult<()> {
    if let Some(o) = other.as_obj() {
        if is_anyset(other) {
            let done = with_table(o, |ot| if std::ptr::eq(t.as_ptr(), ot) { true } else { t.borrow_mut().merge_into_empty(ot) });
            if done != Some(true) {
                for (k, h) in entries(other) {
                    add_hashed(vm, t, k, h)?;
                }
            }
            return Ok(());
        }
        if vm.is_exact(o, &vm.types.dict) {
            let keys: Vec<(Value, i64)> = o.as_dict().map(|d| d.borrow().iter().map(|(_, e)| (e.key.clone(), e.hash)).collect()).unwrap_or_default();
            {
                let mut tb = t.borrow_mut();
                if (tb.fill + keys.len()) * 5 >= tb.mask() * 3 {
                    let n = (tb.used + keys.len()) * 2;
                    tb.resize(n);
                }
            }
            for (k, h) in keys {
                add_hashed(vm, t, k, h)?;
            }
            return Ok(());
        }
    }
    let it = vm.iter(other)?;
    while let Some(k) = vm.next(&it)? {
        let h = vm.hash(&k)?;
        add_hashed(vm, t, k, h)?;
    }
    Ok(())
}

fn update(vm: &mut Vm, s: &Value, other: &Value) -> PyResult<()> {
    match mut_table(s) {
        Some(t) => update_table(vm, t, other),
        None => Ok(()),
    }
}

/// A new set or frozenset (by `frozen`) of type `cls` holding `iterable`'s items.
fn make_set(vm: &mut Vm, cls: &PyRef, iterable: Option<&Value>, frozen: bool) -> PyResult<Value> {
    let t = RefCell::new(SetTable::new());
    if let Some(it) = iterable {
        update_table(vm, &t, it)?;
    }
    let payload = if frozen { Payload::FrozenSet(t.into_inner()) } else { Payload::Set(t) };
    Ok(Value::Obj(PyRef::new(PyObject::new(cls.clone(), payload))))
}

/// make_new_set_basetype: results of set algebra are plain set or frozenset.
fn new_like(vm: &mut Vm, v: &Value, iterable: Option<&Value>) -> PyResult<Value> {
    let frozen = matches!(v.as_obj().map(|o| &o.payload), Some(Payload::FrozenSet(_)));
    let cls = if frozen { vm.types.frozenset.clone() } else { vm.types.set.clone() };
    make_set(vm, &cls, iterable, frozen)
}

/// A mutable scratch set (set algebra builds into one, then freezes if needed).
fn scratch(vm: &mut Vm, iterable: Option<&Value>) -> PyResult<Value> {
    let cls = vm.types.set.clone();
    make_set(vm, &cls, iterable, false)
}

/// Re-type a scratch set's table as the result kind of `like`.
fn finish(vm: &mut Vm, like: &Value, result: Value) -> PyResult<Value> {
    let frozen = matches!(like.as_obj().map(|o| &o.payload), Some(Payload::FrozenSet(_)));
    if !frozen {
        return Ok(result);
    }
    let table = mut_table(&result).map(|t| t.borrow().clone()).unwrap_or_default();
    let cls = vm.types.frozenset.clone();
    Ok(Value::Obj(PyRef::new(PyObject::new(cls, Payload::FrozenSet(table)))))
}

fn copy_of(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if matches!(v.as_obj().map(|o| &o.payload), Some(Payload::FrozenSet(_))) && v.as_obj().is_some_and(|o| vm.is_exact(o, &vm.types.frozenset)) {
        return Ok(v.clone());
    }
    new_like(vm, v, Some(v))
}

fn replace_table(target: &Value, src: &Value) {
    let new = mut_table(src).map(|t| t.borrow().clone()).or_else(|| src.as_obj().and_then(|o| with_table(o, |t| t.clone())));
    if let (Some(t), Some(mut new)) = (mut_table(target), new) {
        new.version = t.borrow().version + 1;
        let old = std::mem::replace(&mut *t.borrow_mut(), new);
        drop(old);
    }
}

fn set_union(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let r = scratch(vm, Some(&a[0]))?;
    for o in crate::types::tuple::items(&a[1]).to_vec() {
        update(vm, &r, &o)?;
    }
    finish(vm, &a[0], r)
}

/// set_intersection: iterate the smaller set (or the iterable), keeping members of the other.
fn intersection(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<Value> {
    let r = scratch(vm, None)?;
    let Some(rt) = mut_table(&r) else { return Ok(r) };
    if is_anyset(other) {
        let (small, big) = if set_len(other) > set_len(so) { (so, other) } else { (other, so) };
        let Some(big_o) = big.as_obj().cloned() else { return Ok(r) };
        for (k, h) in entries(small) {
            if contains_hashed(vm, &big_o, &k, h)? {
                add_hashed(vm, rt, k, h)?;
            }
        }
    } else {
        let Some(so_o) = so.as_obj().cloned() else { return Ok(r) };
        let it = vm.iter(other)?;
        while let Some(k) = vm.next(&it)? {
            let h = vm.hash(&k)?;
            if contains_hashed(vm, &so_o, &k, h)? {
                add_hashed(vm, rt, k, h)?;
            }
        }
    }
    Ok(r)
}

fn set_intersection_multi(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let others = crate::types::tuple::items(&a[1]).to_vec();
    if others.is_empty() {
        return copy_of(vm, &a[0]);
    }
    let mut r = a[0].clone();
    for o in &others {
        r = intersection(vm, &r, o)?;
    }
    finish(vm, &a[0], r)
}

/// set_difference: filter `so` by membership in `other`, or copy and discard.
fn difference(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<Value> {
    let other_is_set = is_anyset(other);
    let other_len = if other_is_set { Some(set_len(other)) } else { None };
    if other_len.is_none_or(|n| (set_len(so) >> 2) > n) {
        let r = scratch(vm, Some(so))?;
        difference_update(vm, &r, other)?;
        return Ok(r);
    }
    let r = scratch(vm, None)?;
    let Some(rt) = mut_table(&r) else { return Ok(r) };
    let Some(oo) = other.as_obj().cloned() else { return Ok(r) };
    for (k, h) in entries(so) {
        if !contains_hashed(vm, &oo, &k, h)? {
            add_hashed(vm, rt, k, h)?;
        }
    }
    Ok(r)
}

fn set_difference_multi(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let others = crate::types::tuple::items(&a[1]).to_vec();
    if others.is_empty() {
        return copy_of(vm, &a[0]);
    }
    let mut r = difference(vm, &a[0], &others[0])?;
    for o in &others[1..] {
        difference_update(vm, &r, o)?;
    }
    r = finish(vm, &a[0], r)?;
    Ok(r)
}

fn difference_update(vm: &mut Vm, s: &Value, other: &Value) -> PyResult<()> {
    if s.is(other) {
        if let Some(t) = mut_table(s) {
            let v = t.borrow().version;
            *t.borrow_mut() = SetTable::new();
            t.borrow_mut().version = v + 1;
        }
        return Ok(());
    }
    if is_anyset(other) {
        for (k, _) in entries(other) {
            discard(vm, s, &k)?;
        }
        return Ok(());
    }
    let it = vm.iter(other)?;
    while let Some(k) = vm.next(&it)? {
        discard(vm, s, &k)?;
    }
    Ok(())
}

/// set_symmetric_difference_update: toggle membership of each of `other`'s keys.
fn symmetric_difference_update(vm: &mut Vm, s: &Value, other: &Value) -> PyResult<()> {
    if s.is(other) {
        return difference_update(vm, s, other);
    }
    let other = if is_anyset(other) { other.clone() } else { scratch(vm, Some(other))? };
    let Some(t) = mut_table(s) else { return Ok(()) };
    let Some(so) = s.as_obj().cloned() else { return Ok(()) };
    for (k, h) in entries(&other) {
        match lookup_in(vm, Tab::Mut(t), &k, h)? {
            Some(i) => {
                let old = t.borrow_mut().remove_at(i);
                drop(old);
            }
            None => add_hashed(vm, t, k, h)?,
        }
    }
    let _ = so;
    Ok(())
}

fn symmetric_difference(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<Value> {
    let r = scratch(vm, Some(other))?;
    symmetric_difference_update(vm, &r, so)?;
    finish(vm, so, r)
}

fn issubset(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let b = if is_anyset(b) { b.clone() } else { scratch(vm, Some(b))? };
    if set_len(a) > set_len(&b) {
        return Ok(false);
    }
    let Some(bo) = b.as_obj().cloned() else { return Ok(false) };
    for (k, h) in entries(a) {
        if !contains_hashed(vm, &bo, &k, h)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn set_issuperset(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let other = if is_anyset(&a[1]) { a[1].clone() } else { scratch(vm, Some(&a[1]))? };
    Ok(Value::Bool(issubset(vm, &other, &a[0])?))
}

fn set_isdisjoint(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (so, other) = (&a[0], &a[1]);
    if is_anyset(other) {
        let (small, big) = if set_len(other) > set_len(so) { (so, other) } else { (other, so) };
        let Some(bo) = big.as_obj().cloned() else { return Ok(Value::Bool(true)) };
        for (k, h) in entries(small) {
            if contains_hashed(vm, &bo, &k, h)? {
                return Ok(Value::Bool(false));
            }
        }
        return Ok(Value::Bool(true));
    }
    let Some(so_o) = so.as_obj().cloned() else { return Ok(Value::Bool(true)) };
    let it = vm.iter(other)?;
    while let Some(k) = vm.next(&it)? {
        let h = vm.hash(&k)?;
        if contains_hashed(vm, &so_o, &k, h)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn set_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(o) = v.as_obj() else { return Ok(not_impl(vm)) };
    let name = o.type_name();
    let keys: Vec<Value> = entries(v).into_iter().map(|(k, _)| k).collect();
    if keys.is_empty() {
        return Ok(vm.new_str(&format!("{name}()")));
    }
    let plain = vm.is_exact(o, &vm.types.set);
    let recursive = format!("{name}(...)");
    repr_guarded(vm, o, &recursive, |vm| {
        let inner = join_reprs(vm, &keys)?;
        Ok(if plain { format!("{{{inner}}}") } else { format!("{name}({{{inner}}})") })
    })
}

fn set_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    if !is_anyset(a) || !is_anyset(b) {
        return Ok(not_impl(vm));
    }
    let (la, lb) = (set_len(a), set_len(b));
    let r = match op {
        CmpOp::Eq | CmpOp::Ne => {
            let eq = la == lb && issubset(vm, a, b)?;
            eq == (op == CmpOp::Eq)
        }
        CmpOp::Le => issubset(vm, a, b)?,
        CmpOp::Ge => issubset(vm, b, a)?,
        CmpOp::Lt => la < lb && issubset(vm, a, b)?,
        CmpOp::Gt => la > lb && issubset(vm, b, a)?,
    };
    Ok(Value::Bool(r))
}

fn set_contains(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<bool> {
    let Some(o) = v.as_obj() else { return Ok(false) };
    let hash = match vm.hash(key) {
        Ok(h) => h,
        // set_contains: an unhashable set key is looked up as a frozenset.
        Err(e) if matches!(key.as_obj().map(|k| &k.payload), Some(Payload::Set(_))) => {
            drop(e);
            let cls = vm.types.frozenset.clone();
            let f = make_set(vm, &cls, Some(key), true)?;
            return set_contains(vm, v, &f);
        }
        Err(e) => return Err(e),
    };
    contains_hashed(vm, o, key, hash)
}

fn set_iter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let t = vm.iter_types.set.clone();
    Ok(new_iter(&t, IterKind::Set(set_len(v)), v.clone(), 0))
}

fn frozenset_hash(_vm: &mut Vm, v: &Value) -> PyResult<i64> {
    Ok(v.as_obj().and_then(|o| with_table(o, |t| t.frozen_hash())).unwrap_or(0))
}

fn set_binary(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    if !is_anyset(a) || !is_anyset(b) {
        return Ok(not_impl(vm));
    }
    match op {
        BinOp::Or => {
            let r = scratch(vm, Some(a))?;
            update(vm, &r, b)?;
            finish(vm, a, r)
        }
        BinOp::And => {
            let r = intersection(vm, a, b)?;
            finish(vm, a, r)
        }
        BinOp::Sub => {
            let r = difference(vm, a, b)?;
            finish(vm, a, r)
        }
        BinOp::Xor => symmetric_difference(vm, a, b),
        _ => Ok(not_impl(vm)),
    }
}

fn set_inplace(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    if !is_anyset(a) || !is_anyset(b) {
        return Ok(not_impl(vm));
    }
    match op {
        BinOp::Or => update(vm, a, b)?,
        BinOp::And => {
            let r = intersection(vm, a, b)?;
            replace_table(a, &r);
        }
        BinOp::Sub => difference_update(vm, a, b)?,
        BinOp::Xor => symmetric_difference_update(vm, a, b)?,
        _ => return Ok(not_impl(vm)),
    }
    Ok(a.clone())
}

fn set_new(vm: &mut Vm, cls: &PyRef, _args: Args<'_>) -> PyResult<Value> {
    make_set(vm, cls, None, false)
}

fn set_init(vm: &mut Vm, v: &Value, args: Args<'_>) -> PyResult<()> {
    if !args.kwnames.is_empty() && vm.type_of(v).is(&vm.types.set) {
        return Err(vm.new_type_error("set() takes no keyword arguments"));
    }
    let pos = args.pos();
    if pos.len() > 1 {
        return Err(vm.new_type_error(format!("set expected at most 1 argument, got {}", pos.len())));
    }
    if let Some(t) = mut_table(v) {
        let version = t.borrow().version;
        *t.borrow_mut() = SetTable::new();
        t.borrow_mut().version = version + 1;
    }
    match pos.first() {
        Some(it) => update(vm, v, it),
        None => Ok(()),
    }
}

fn frozenset_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    let exact = cls.is(&vm.types.frozenset);
    if !args.kwnames.is_empty() && exact {
        return Err(vm.new_type_error("frozenset() takes no keyword arguments"));
    }
    let pos = args.pos();
    if pos.len() > 1 {
        return Err(vm.new_type_error(format!("frozenset expected at most 1 argument, got {}", pos.len())));
    }
    if let Some(v) = pos.first() {
        if exact && v.as_obj().is_some_and(|o| vm.is_exact(o, &vm.types.frozenset)) {
            return Ok(v.clone());
        }
    }
    make_set(vm, cls, pos.first(), true)
}
