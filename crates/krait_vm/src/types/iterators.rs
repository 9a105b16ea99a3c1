//! Iterators over the builtin containers (list, tuple, str, dict views, set, range and
//! the reversed forms): their type objects and one `next` per kind.

use crate::object::{Payload, PyObject, PyRef, Slots, Value};
use crate::types::bootstrap::new_type;
use crate::vm::{PyResult, Vm};
use std::cell::{Cell, RefCell};

/// The iterator type objects (`type(iter([]))` is `list_iterator`, ...).
pub struct IterTypes {
    pub list: PyRef,
    pub list_reverse: PyRef,
    pub tuple: PyRef,
    pub str: PyRef,
    pub dict_keys: PyRef,
    pub dict_values: PyRef,
    pub dict_items: PyRef,
    pub dict_reverse_keys: PyRef,
    pub dict_reverse_values: PyRef,
    pub dict_reverse_items: PyRef,
    pub set: PyRef,
    pub range: PyRef,
    /// The iterator of ranges with bounds beyond i64.
    pub longrange: PyRef,
    pub bytes: PyRef,
    pub bytearray: PyRef,
    /// The dict view types (`dict_keys`, `dict_values`, `dict_items`).
    pub keys_view: PyRef,
    pub values_view: PyRef,
    pub items_view: PyRef,
}

impl IterTypes {
    /// Create the iterator types (called from `Vm::new` before the VM exists).
    pub fn new(type_: &PyRef, dict: &PyRef, object: &PyRef) -> IterTypes {
        let mk_with = |name: &str, slots: Slots| {
            let t = new_type(Some(type_), Some(dict), name, vec![object.clone()], slots, 0);
            if let Some(d) = t.as_type() {
                *d.mro.borrow_mut() = vec![t.clone(), object.clone()];
            }
            t
        };
        let mk = |name: &str| mk_with(name, Slots { iter: Some(iter_self), next: Some(iter_next), ..Slots::default() });
        IterTypes {
            list: mk("list_iterator"),
            list_reverse: mk("list_reverseiterator"),
            tuple: mk("tuple_iterator"),
            str: mk("str_ascii_iterator"),
            dict_keys: mk("dict_keyiterator"),
            dict_values: mk("dict_valueiterator"),
            dict_items: mk("dict_itemiterator"),
            dict_reverse_keys: mk("dict_reversekeyiterator"),
            dict_reverse_values: mk("dict_reversevalueiterator"),
            dict_reverse_items: mk("dict_reverseitemiterator"),
            set: mk("set_iterator"),
            range: mk("range_iterator"),
            longrange: mk_with("longrange_iterator", Slots { iter: Some(iter_self), next: Some(crate::types::range_big::iter_next), ..Slots::default() }),
            bytes: mk_with("bytes_iterator", Slots { iter: Some(iter_self), next: Some(crate::types::bytes::iter_next), ..Slots::default() }),
            bytearray: mk_with("bytearray_iterator", Slots { iter: Some(iter_self), next: Some(crate::types::bytes::iter_next), ..Slots::default() }),
            keys_view: mk_with("dict_keys", crate::types::dict_type::view_slots(true)),
            values_view: mk_with("dict_values", crate::types::dict_type::view_slots(false)),
            items_view: mk_with("dict_items", crate::types::dict_type::view_slots(true)),
        }
    }
}

/// What an iterator walks.
pub enum IterKind {
    /// A list (forward or reversed), tuple or str: by position (a byte offset for str).
    List,
    ListReverse,
    Tuple,
    Str,
    /// A dict: entry position, with the length seen at creation.
    DictKeys(usize),
    DictValues(usize),
    DictItems(usize),
    DictReverseKeys(usize),
    DictReverseValues(usize),
    DictReverseItems(usize),
    /// A set: table position, with the length seen at creation.
    Set(usize),
    /// A range of i64 values: next value and step (`pos` counts the remaining items).
    Range { next: Cell<i64>, step: i64 },
}

/// An iterator's state; `seq` becomes Null once exhausted (CPython drops the reference).
pub struct ContainerIter {
    pub kind: IterKind,
    pub seq: RefCell<Value>,
    pub pos: Cell<usize>,
}

/// Make an iterator object of type `ty`.
pub fn new_iter(ty: &PyRef, kind: IterKind, seq: Value, pos: usize) -> Value {
    let state = ContainerIter { kind, seq: RefCell::new(seq), pos: Cell::new(pos) };
    Value::Obj(PyRef::new(PyObject::new(ty.clone(), Payload::Native(Box::new(state)))))
}

fn iter_self(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

/// FOR_ITER's shortcut for list and range iterators (no slot call, nothing that can
/// fail): `Some(next item or None at the end)`, or `None` for any other iterator.
#[inline]
pub fn next_fast(o: &PyRef) -> Option<Option<Value>> {
    let it = o.native::<ContainerIter>()?;
    let pos = it.pos.get();
    match &it.kind {
        IterKind::Range { next, step } => {
            if pos == 0 {
                *it.seq.borrow_mut() = Value::Null;
                return Some(None);
            }
            it.pos.set(pos - 1);
            let v = next.get();
            next.set(v.wrapping_add(*step));
            Some(Some(Value::Int(v)))
        }
        IterKind::List => {
            let item = {
                let seq = it.seq.borrow();
                let Value::Obj(l) = &*seq else { return Some(None) };
                let item = l.as_list()?.borrow().get(pos).cloned();
                item
            };
            match item {
                Some(x) => {
                    it.pos.set(pos + 1);
                    Some(Some(x))
                }
                None => {
                    let old = std::mem::replace(&mut *it.seq.borrow_mut(), Value::Null);
                    drop(old);
                    Some(None)
                }
            }
        }
        _ => None,
    }
}

fn iter_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(it) = v.as_obj().and_then(|o| o.native::<ContainerIter>()) else { return Ok(None) };
    let seq = it.seq.borrow().clone();
    let Value::Obj(obj) = seq else { return Ok(None) };
    let pos = it.pos.get();
    let item = match &it.kind {
        IterKind::List => obj.as_list().and_then(|l| l.borrow().get(pos).cloned()).inspect(|_| it.pos.set(pos + 1)),
        IterKind::ListReverse => {
            // `pos` is one past the next index.
            let len = obj.as_list().map(|l| l.borrow().len()).unwrap_or(0);
            if pos == 0 || pos > len {
                None
            } else {
                it.pos.set(pos - 1);
                obj.as_list().and_then(|l| l.borrow().get(pos - 1).cloned())
            }
        }
        IterKind::Tuple => obj.as_tuple().and_then(|t| t.get(pos).cloned()).inspect(|_| it.pos.set(pos + 1)),
        IterKind::Str => {
            let s = obj.as_str().map(|s| s.as_str()).unwrap_or("");
            match s.get(pos..).and_then(|r| r.chars().next()) {
                Some(c) => {
                    it.pos.set(pos + c.len_utf8());
                    let mut buf = [0u8; 4];
                    Some(vm.new_str(c.encode_utf8(&mut buf)))
                }
                None => None,
            }
        }
        IterKind::DictKeys(n) | IterKind::DictValues(n) | IterKind::DictItems(n) => {
            let Some(d) = obj.as_dict() else { return Ok(None) };
            let d = d.borrow();
            if d.len() != *n {
                drop(d);
                it.pos.set(usize::MAX);
                *it.seq.borrow_mut() = Value::Null;
                return Err(vm.new_runtime_error("dictionary changed size during iteration"));
            }
            match d.next_live(pos) {
                Some(p) => {
                    it.pos.set(p + 1);
                    let e = d.entry(p);
                    let (k, val) = (e.key.clone(), e.value.clone());
                    drop(d);
                    Some(match it.kind {
                        IterKind::DictKeys(_) => k,
                        IterKind::DictValues(_) => val,
                        _ => vm.new_tuple(vec![k, val]),
                    })
                }
                None => None,
            }
        }
        IterKind::DictReverseKeys(n) | IterKind::DictReverseValues(n) | IterKind::DictReverseItems(n) => {
            let Some(d) = obj.as_dict() else { return Ok(None) };
            let d = d.borrow();
            if d.len() != *n {
                drop(d);
                *it.seq.borrow_mut() = Value::Null;
                return Err(vm.new_runtime_error("dictionary changed size during iteration"));
            }
            // `pos` is one past the next entry position to look at.
            let mut p = pos;
            let mut found = None;
            while p > 0 {
                p -= 1;
                if d.next_live(p) == Some(p) {
                    let e = d.entry(p);
                    found = Some((e.key.clone(), e.value.clone()));
                    break;
                }
            }
            drop(d);
            it.pos.set(p);
            found.map(|(k, val)| match it.kind {
                IterKind::DictReverseKeys(_) => k,
                IterKind::DictReverseValues(_) => val,
                _ => vm.new_tuple(vec![k, val]),
            })
        }
        IterKind::Set(n) => {
            let cur = crate::types::set_type::with_table(&obj, |t| {
                if t.len() != *n {
                    return Err(());
                }
                let mut p = pos;
                while p < t.table.len() {
                    if !t.table[p].key.is_null() {
                        return Ok(Some((p, t.table[p].key.clone())));
                    }
                    p += 1;
                }
                Ok(None)
            });
            match cur {
                Some(Err(())) => {
                    *it.seq.borrow_mut() = Value::Null;
                    return Err(vm.new_runtime_error("Set changed size during iteration"));
                }
                Some(Ok(Some((p, k)))) => {
                    it.pos.set(p + 1);
                    Some(k)
                }
                _ => None,
            }
        }
        IterKind::Range { next, step } => {
            if pos == 0 {
                None
            } else {
                it.pos.set(pos - 1);
                let v = next.get();
                next.set(v.wrapping_add(*step));
                Some(Value::Int(v))
            }
        }
    };
    if item.is_none() {
        *it.seq.borrow_mut() = Value::Null;
    }
    Ok(item)
}
