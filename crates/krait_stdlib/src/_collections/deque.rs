//! collections.deque: a double-ended queue with an optional maximum length, its methods,
//! sequence/number slots, and its forward and reverse iterators.

use crate::util::{expect, get_type, parse, state, wrap};
use krait_vm::object::{Args, BinOp, CmpOp, PyRef, Slots, TypeFlags, Value};
use krait_vm::types::methods::{method, MethodDef};
use krait_vm::types::seq_common::{compare_seqs, repr_guarded};
use krait_vm::{PyResult, Vm};
use std::cell::RefCell;
use std::collections::VecDeque;

/// A deque's contents; `mutations` counts changes so iterators can detect them.
pub struct Deque {
    items: VecDeque<Value>,
    maxlen: Option<usize>,
    mutations: u64,
}

impl Deque {
    fn push_back(&mut self, v: Value) {
        self.mutations += 1;
        if self.maxlen == Some(0) {
            return;
        }
        if self.maxlen.is_some_and(|m| self.items.len() >= m) {
            self.items.pop_front();
        }
        self.items.push_back(v);
    }

    fn push_front(&mut self, v: Value) {
        self.mutations += 1;
        if self.maxlen == Some(0) {
            return;
        }
        if self.maxlen.is_some_and(|m| self.items.len() >= m) {
            self.items.pop_back();
        }
        self.items.push_front(v);
    }
}

/// The forward or reverse iterator of a deque.
struct DequeIter {
    deque: Value,
    index: usize,
    mutations: u64,
    reverse: bool,
}

type Cell = RefCell<Deque>;

const NAME: &str = "collections.deque";

fn st<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a Cell> {
    expect::<Deque>(vm, v, NAME)
}

fn snapshot(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    Ok(st(vm, v)?.borrow().items.iter().cloned().collect())
}

/// Create the deque and iterator types.
pub fn init(vm: &mut Vm) -> PyRef {
    let slots = Slots {
        new: Some(deque_new),
        init: Some(deque_init),
        repr: Some(deque_repr),
        richcompare: Some(deque_richcompare),
        binary: Some(deque_binary),
        inplace: Some(deque_inplace),
        nb_ops: krait_vm::object::NbOps::sequence(false, true),
        len: Some(|vm, v| Ok(st(vm, v)?.borrow().items.len())),
        iter: Some(|vm, v| new_iter(vm, v, false)),
        getitem: Some(deque_getitem),
        setitem: Some(deque_setitem),
        contains: Some(deque_contains),
        ..Slots::default()
    };
    let t = crate::util::new_type(vm, "collections", "_collections.deque", None, slots, TypeFlags::BASETYPE | TypeFlags::SEQUENCE, METHODS);
    vm.set_type_attr(&t, "__hash__", Value::None);
    krait_vm::types::int::add_property(vm, &t, "deque", "maxlen", |vm, a| {
        Ok(st(vm, &a[0])?.borrow().maxlen.map_or(Value::None, |m| Value::Int(m as i64)))
    });
    let it_slots = Slots { iter: Some(|_, v| Ok(v.clone())), next: Some(iter_next), ..Slots::default() };
    let hint: &[MethodDef] = &[method("__length_hint__", "(self, /)", iter_length_hint)];
    crate::util::new_type(vm, "_collections", "_collections._deque_iterator", None, it_slots, 0, hint);
    crate::util::new_type(vm, "_collections", "_collections._deque_reverse_iterator", None, it_slots, 0, hint);
    t
}

const METHODS: &[MethodDef] = &[
    method("append", "(self, x, /)", |vm, a| {
        st(vm, &a[0])?.borrow_mut().push_back(a[1].clone());
        Ok(Value::None)
    }),
    method("appendleft", "(self, x, /)", |vm, a| {
        st(vm, &a[0])?.borrow_mut().push_front(a[1].clone());
        Ok(Value::None)
    }),
    method("pop", "(self, /)", |vm, a| pop(vm, &a[0], false)),
    method("popleft", "(self, /)", |vm, a| pop(vm, &a[0], true)),
    method("extend", "(self, iterable, /)", |vm, a| extend(vm, &a[0], &a[1], false).map(|_| Value::None)),
    method("extendleft", "(self, iterable, /)", |vm, a| extend(vm, &a[0], &a[1], true).map(|_| Value::None)),
    method("rotate", "(self, n=1, /)", rotate),
    method("clear", "(self, /)", |vm, a| {
        let old = {
            let mut d = st(vm, &a[0])?.borrow_mut();
            d.mutations += 1;
            std::mem::take(&mut d.items)
        };
        drop(old);
        Ok(Value::None)
    }),
    method("copy", "(self, /)", deque_copy),
    method("__copy__", "(self, /)", deque_copy),
    method("count", "(self, value, /)", count),
    method("index", "(self, value, start=0, stop=?, /)", index),
    method("insert", "(self, index, value, /)", insert),
    method("remove", "(self, value, /)", remove),
    method("reverse", "(self, /)", |vm, a| {
        let mut d = st(vm, &a[0])?.borrow_mut();
        d.mutations += 1;
        d.items.make_contiguous().reverse();
        Ok(Value::None)
    }),
    method("__reversed__", "(self, /)", |vm, a| new_iter(vm, &a[0], true)),
    method("__reduce__", "(self, /)", reduce),
];

/// deque_new: an empty deque of class `cls` (filled by `__init__`).
fn deque_new(vm: &mut Vm, cls: &PyRef, _args: Args<'_>) -> PyResult<Value> {
    Ok(wrap(vm, cls, Deque { items: VecDeque::new(), maxlen: None, mutations: 0 }))
}

/// deque_init: deque(iterable=(), maxlen=None)
fn deque_init(vm: &mut Vm, v: &Value, args: Args<'_>) -> PyResult<()> {
    let a = parse(vm, "(iterable=?, maxlen=None)", "deque", args)?;
    let maxlen = if a[1].is_none() {
        None
    } else {
        let n = crate::util::index_i64(vm, &a[1])?.ok_or_else(|| vm.new_overflow_error("Python int too large to convert to C ssize_t"))?;
        if n < 0 {
            return Err(vm.new_value_error("maxlen must be non-negative"));
        }
        Some(n as usize)
    };
    {
        let mut d = st(vm, v)?.borrow_mut();
        d.maxlen = maxlen;
        d.mutations += 1;
        d.items.clear();
    }
    if !a[0].is_null() {
        extend(vm, v, &a[0], false)?;
    }
    Ok(())
}

fn pop(vm: &mut Vm, v: &Value, left: bool) -> PyResult<Value> {
    let r = {
        let mut d = st(vm, v)?.borrow_mut();
        d.mutations += 1;
        if left { d.items.pop_front() } else { d.items.pop_back() }
    };
    r.ok_or_else(|| vm.new_index_error("pop from an empty deque"))
}

/// deque_extend / deque_extendleft (extending a deque with itself copies it first).
fn extend(vm: &mut Vm, v: &Value, iterable: &Value, left: bool) -> PyResult<()> {
    let cell = st(vm, v)?;
    let items = if iterable.is(v) { snapshot(vm, v)? } else { Vec::new() };
    let push = |cell: &Cell, x: Value| {
        let mut d = cell.borrow_mut();
        if left { d.push_front(x) } else { d.push_back(x) }
    };
    if iterable.is(v) {
        for x in items {
            push(cell, x);
        }
        return Ok(());
    }
    let it = vm.iter(iterable)?;
    while let Some(x) = vm.next(&it)? {
        push(cell, x);
    }
    Ok(())
}

/// deque_rotate: rotate right by n (left for negative n).
fn rotate(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let n = crate::util::index_i64(vm, &a[1])?.ok_or_else(|| vm.new_overflow_error("Python int too large to convert to C ssize_t"))?;
    let mut d = st(vm, &a[0])?.borrow_mut();
    let len = d.items.len() as i64;
    if len > 1 {
        d.mutations += 1;
        let k = n.rem_euclid(len) as usize;
        d.items.rotate_right(k);
    }
    Ok(Value::None)
}

/// deque_copy: an exact deque copies directly; a subclass is called as
/// `type(d)(d)` or `type(d)(d, maxlen)`.
fn deque_copy(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (items, maxlen) = {
        let d = st(vm, &a[0])?.borrow();
        (d.items.clone(), d.maxlen)
    };
    let cls = vm.type_of(&a[0]);
    let exact = get_type(vm, "_collections.deque")?;
    if cls.is(&exact) {
        return Ok(wrap(vm, &cls, Deque { items, maxlen, mutations: 0 }));
    }
    let c = Value::Obj(cls);
    match maxlen {
        None => vm.call_positional(&c, &[a[0].clone()]),
        Some(m) => vm.call_positional(&c, &[a[0].clone(), Value::Int(m as i64)]),
    }
}

/// Compare the items in `start..stop` with `value` in order, checking the deque is not
/// mutated meanwhile: (number of matches, position of the first when `first_only`).
fn scan(vm: &mut Vm, v: &Value, value: &Value, start: usize, stop: usize, first_only: bool) -> PyResult<(usize, Option<usize>)> {
    let cell = st(vm, v)?;
    let mutations = cell.borrow().mutations;
    let mut count = 0;
    for i in start..stop {
        let item = match cell.borrow().items.get(i) {
            Some(x) => x.clone(),
            None => break,
        };
        let eq = item.is(value) || vm.eq(&item, value)?;
        if cell.borrow().mutations != mutations {
            return Err(vm.new_runtime_error("deque mutated during iteration"));
        }
        if eq {
            if first_only {
                return Ok((1, Some(i)));
            }
            count += 1;
        }
    }
    Ok((count, None))
}

/// deque_count
fn count(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let n = st(vm, &a[0])?.borrow().items.len();
    let (c, _) = scan(vm, &a[0], &a[1], 0, n, false)?;
    Ok(Value::Int(c as i64))
}

fn not_in_deque(vm: &mut Vm, value: &Value) -> krait_vm::PyErr {
    match vm.repr(value) {
        Ok(r) => {
            let text = format!("{} is not in deque", r.as_str().map(|s| s.as_str()).unwrap_or(""));
            vm.new_value_error(text)
        }
        Err(e) => e,
    }
}

/// deque_index: index(value, start=0, stop=len) with slice-style bounds.
fn index(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let n = st(vm, &a[0])?.borrow().items.len();
    let stop = if a[3].is_null() { Value::Int(n as i64) } else { a[3].clone() };
    let (start, stop) = krait_vm::types::seq_common::search_range(vm, &a[2], &stop, n)?;
    match scan(vm, &a[0], &a[1], start, stop, true)?.1 {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(not_in_deque(vm, &a[1])),
    }
}

/// deque_insert
fn insert(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let i = crate::util::index_i64(vm, &a[1])?.unwrap_or(i64::MAX);
    let mut d = st(vm, &a[0])?.borrow_mut();
    let n = d.items.len() as i64;
    if d.maxlen.is_some_and(|m| d.items.len() >= m) {
        drop(d);
        return Err(vm.new_index_error("deque already at its maximum size"));
    }
    let pos = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    d.mutations += 1;
    d.items.insert(pos, a[2].clone());
    Ok(Value::None)
}

/// deque_remove: the first item equal to value.
fn remove(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let n = st(vm, &a[0])?.borrow().items.len();
    match scan(vm, &a[0], &a[1], 0, n, true)?.1 {
        Some(i) => {
            let removed = {
                let mut d = st(vm, &a[0])?.borrow_mut();
                d.mutations += 1;
                d.items.remove(i)
            };
            drop(removed);
            Ok(Value::None)
        }
        None => Err(not_in_deque(vm, &a[1])),
    }
}

/// deque_reduce: (type, (), state-or-None, iterator).
fn reduce(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let cls = Value::Obj(vm.type_of(&a[0]));
    let maxlen = st(vm, &a[0])?.borrow().maxlen;
    let args = match maxlen {
        None => vm.new_tuple(Vec::new()),
        Some(m) => {
            let empty = vm.new_list(Vec::new());
            vm.new_tuple(vec![empty, Value::Int(m as i64)])
        }
    };
    let d = a[0].as_obj().and_then(|o| o.dict.borrow().clone()).map_or(Value::None, Value::Obj);
    let it = new_iter(vm, &a[0], false)?;
    Ok(vm.new_tuple(vec![cls, args, d, it]))
}

/// deque_repr: `deque([1, 2])`, `deque([1], maxlen=3)`, `[...]` when recursive.
fn deque_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let items = snapshot(vm, v)?;
    let maxlen = st(vm, v)?.borrow().maxlen;
    let name = vm.short_type_name(v);
    let Some(o) = v.as_obj() else { return Ok(vm.new_str("deque()")) };
    let o = o.clone();
    repr_guarded(vm, &o, "[...]", |vm| {
        let inner = krait_vm::types::seq_common::join_reprs(vm, &items)?;
        Ok(match maxlen {
            Some(m) => format!("{name}([{inner}], maxlen={m})"),
            None => format!("{name}([{inner}])"),
        })
    })
}

fn not_implemented(vm: &Vm) -> Value {
    Value::Obj(vm.not_implemented.clone())
}

/// deque_richcompare: sequence comparison between deques only.
fn deque_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    if state::<Deque>(a).is_none() || state::<Deque>(b).is_none() {
        return Ok(not_implemented(vm));
    }
    let x = snapshot(vm, a)?;
    let y = snapshot(vm, b)?;
    compare_seqs(vm, &x, &y, op)
}

/// deque + deque, deque * n, n * deque.
fn deque_binary(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    match op {
        BinOp::Add if state::<Deque>(a).is_some() => {
            if state::<Deque>(b).is_none() {
                let n = vm.type_name(b);
                return Err(vm.new_type_error(format!("can only concatenate deque (not \"{n}\") to deque")));
            }
            let new = deque_copy(vm, std::slice::from_ref(a))?;
            extend(vm, &new, b, false)?;
            Ok(new)
        }
        BinOp::Mul => {
            let (d, n) = if state::<Deque>(a).is_some() { (a, b) } else { (b, a) };
            if krait_vm::types::int::bigint_of(n).is_none() && vm.type_of(n).as_type().and_then(|t| t.slots().index).is_none() {
                return Ok(not_implemented(vm));
            }
            let new = deque_copy(vm, std::slice::from_ref(d))?;
            repeat_in_place(vm, &new, n)?;
            Ok(new)
        }
        _ => Ok(not_implemented(vm)),
    }
}

/// deque_inplace_repeat: keep at most maxlen items of the repetition.
fn repeat_in_place(vm: &mut Vm, d: &Value, n: &Value) -> PyResult<()> {
    let n = crate::util::index_i64(vm, n)?.ok_or_else(|| vm.new_overflow_error("cannot fit 'int' into an index-sized integer"))?;
    let mut dq = st(vm, d)?.borrow_mut();
    dq.mutations += 1;
    if n <= 0 || dq.items.is_empty() {
        dq.items.clear();
        return Ok(());
    }
    let base: Vec<Value> = dq.items.iter().cloned().collect();
    let reps = match dq.maxlen {
        // Only the last maxlen items survive: a couple of periods past it are enough.
        Some(m) => (n as usize).min(m / base.len() + 2),
        None => {
            if (base.len() as u128) * (n as u128) > (isize::MAX as u128) / 16 {
                drop(dq);
                return Err(vm.new_memory_error(""));
            }
            n as usize
        }
    };
    for _ in 1..reps {
        for x in &base {
            dq.push_back(x.clone());
        }
    }
    Ok(())
}

/// `+=` extends with any iterable, `*=` repeats in place.
fn deque_inplace(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    match op {
        BinOp::Add => {
            extend(vm, a, b, false)?;
            Ok(a.clone())
        }
        BinOp::Mul => {
            repeat_in_place(vm, a, b)?;
            Ok(a.clone())
        }
        _ => Ok(not_implemented(vm)),
    }
}

/// A deque index (negative counts from the end), or IndexError.
fn item_index(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<usize> {
    if krait_vm::types::int::bigint_of(key).is_none() && vm.type_of(key).as_type().and_then(|t| t.slots().index).is_none() {
        let n = vm.type_name(key);
        return Err(vm.new_type_error(format!("sequence index must be integer, not '{n}'")));
    }
    let i = crate::util::index_i64(vm, key)?;
    let n = st(vm, v)?.borrow().items.len() as i64;
    match i {
        Some(i) if i >= -n && i < n => Ok(if i < 0 { i + n } else { i } as usize),
        _ => Err(vm.new_index_error("deque index out of range")),
    }
}

fn deque_getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let i = item_index(vm, v, key)?;
    let item = st(vm, v)?.borrow().items.get(i).cloned();
    item.ok_or_else(|| vm.new_index_error("deque index out of range"))
}

/// `d[i] = x`, or `del d[i]` when `value` is Null.
fn deque_setitem(vm: &mut Vm, v: &Value, key: &Value, value: Value) -> PyResult<()> {
    let i = item_index(vm, v, key)?;
    let old = {
        let mut d = st(vm, v)?.borrow_mut();
        if value.is_null() {
            d.mutations += 1;
            d.items.remove(i)
        } else {
            d.items.get_mut(i).map(|slot| std::mem::replace(slot, value))
        }
    };
    drop(old);
    Ok(())
}

fn deque_contains(vm: &mut Vm, v: &Value, x: &Value) -> PyResult<bool> {
    let n = st(vm, v)?.borrow().items.len();
    Ok(scan(vm, v, x, 0, n, true)?.1.is_some())
}

fn new_iter(vm: &mut Vm, v: &Value, reverse: bool) -> PyResult<Value> {
    let mutations = st(vm, v)?.borrow().mutations;
    let key = if reverse { "_collections._deque_reverse_iterator" } else { "_collections._deque_iterator" };
    let ty = get_type(vm, key)?;
    Ok(wrap(vm, &ty, DequeIter { deque: v.clone(), index: 0, mutations, reverse }))
}

/// dequeiter_next / dequereviter_next
fn iter_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(it) = state::<DequeIter>(v) else { return Ok(None) };
    let (deque, index, mutations, reverse) = {
        let s = it.borrow();
        (s.deque.clone(), s.index, s.mutations, s.reverse)
    };
    // dequereviter_next looks at the counter before the mutation check.
    if reverse && index == usize::MAX {
        return Ok(None);
    }
    let Some(d) = state::<Deque>(&deque) else { return Ok(None) };
    let d = d.borrow();
    if d.mutations != mutations {
        drop(d);
        // As CPython zeroes the iterator's counter: nothing is left (length hint 0).
        it.borrow_mut().index = usize::MAX;
        return Err(vm.new_runtime_error("deque mutated during iteration"));
    }
    let n = d.items.len();
    if index >= n {
        return Ok(None);
    }
    let item = if reverse { d.items[n - 1 - index].clone() } else { d.items[index].clone() };
    drop(d);
    it.borrow_mut().index = index + 1;
    Ok(Some(item))
}

fn iter_length_hint(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let it = expect::<DequeIter>(vm, &a[0], "_collections._deque_iterator")?;
    let (deque, index) = {
        let s = it.borrow();
        (s.deque.clone(), s.index)
    };
    let n = state::<Deque>(&deque).map_or(0, |d| d.borrow().items.len());
    Ok(Value::Int(n.saturating_sub(index) as i64))
}
