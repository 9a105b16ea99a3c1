//! The `dict` type over [`DictTable`]/`dict_ops`: slots (repr, ==, subscript, `in`,
//! iteration, `|`, `|=`, constructor), methods, and the keys/values/items views.

use crate::object::{Args, BinOp, CmpOp, Payload, PyObject, PyRef, Slots, Value};
use crate::types::dict::DictTable;
use crate::types::dict_ops;
use crate::types::iterators::{new_iter, IterKind};
use crate::types::methods::{method, MethodDef, MethodKind};
use crate::types::seq_common::{join_reprs, repr_guarded};
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;

pub fn init(vm: &mut Vm) {
    let t = vm.types.dict.clone();
    if let Some(ty) = t.as_type() {
        let mut s = ty.slots.borrow_mut();
        s.repr = Some(dict_repr);
        s.richcompare = Some(dict_richcompare);
        s.len = Some(|_, v| Ok(dict_len(v)));
        s.bool = Some(|_, v| Ok(dict_len(v) != 0));
        s.getitem = Some(dict_getitem);
        s.setitem = Some(dict_setitem);
        s.contains = Some(|vm, v, k| Ok(get(vm, v, k)?.is_some()));
        s.iter = Some(|vm, v| Ok(key_iter(vm, v)));
        s.binary = Some(dict_binary);
        s.nb_ops = crate::object::NbOps { inplace: crate::object::NbOps::mask(&[BinOp::Or]), ..crate::object::NbOps::numeric(&[BinOp::Or]) };
        s.inplace = Some(dict_inplace);
        s.new = Some(dict_new);
        s.init = Some(dict_init);
    }
    vm.add_methods(&t, "dict", METHODS);
    vm.add_methods(&t, "dict", &[MethodDef { name: "fromkeys", sig: "(cls, iterable, value=None, /)", func: fromkeys, kind: MethodKind::ClassMethod }]);
    init_views(vm);
}

const METHODS: &[MethodDef] = &[
    method("keys", "(self, /)", |vm, a| Ok(view(vm, &a[0], 0))),
    method("values", "(self, /)", |vm, a| Ok(view(vm, &a[0], 1))),
    method("items", "(self, /)", |vm, a| Ok(view(vm, &a[0], 2))),
    method("get", "(self, key, default=None, /)", |vm, a| Ok(get(vm, &a[0], &a[1])?.unwrap_or_else(|| a[2].clone()))),
    method("setdefault", "(self, key, default=None, /)", |vm, a| match get(vm, &a[0], &a[1])? {
        Some(v) => Ok(v),
        None => {
            set(vm, &a[0], a[1].clone(), a[2].clone())?;
            Ok(a[2].clone())
        }
    }),
    method("pop", "(self, key, default=?, /)", |vm, a| {
        let Some(d) = a[0].as_obj() else { return Ok(Value::None) };
        match dict_ops::del_item(vm, d, &a[1])? {
            Some(v) => Ok(v),
            None if !a[2].is_null() => Ok(a[2].clone()),
            None => Err(vm.new_key_error(a[1].clone())),
        }
    }),
    method("popitem", "(self, /)", |vm, a| {
        let r = table(&a[0]).and_then(|t| t.borrow_mut().pop_last());
        match r {
            Some((k, v)) => Ok(vm.new_tuple(vec![k, v])),
            None => Err(vm.new_key_error_msg("popitem(): dictionary is empty")),
        }
    }),
    method("update", "(self, other=?, /, **kwargs)", |vm, a| {
        if !a[1].is_null() {
            update(vm, &a[0], &a[1])?;
        }
        update(vm, &a[0], &a[2])?;
        Ok(Value::None)
    }),
    method("clear", "(self, /)", |_, a| {
        if let Some(t) = table(&a[0]) {
            let old = std::mem::take(&mut *t.borrow_mut());
            t.borrow_mut().version = old.version + 1;
        }
        Ok(Value::None)
    }),
    method("copy", "(self, /)", |vm, a| {
        let t = table(&a[0]).map(|t| t.borrow().clone()).unwrap_or_default();
        let cls = vm.types.dict.clone();
        Ok(Value::Obj(PyRef::new(PyObject::new(cls, Payload::Dict(RefCell::new(t))))))
    }),
    method("__contains__", "(self, key, /)", |vm, a| Ok(Value::Bool(get(vm, &a[0], &a[1])?.is_some()))),
    method("__getitem__", "(self, key, /)", |vm, a| dict_getitem(vm, &a[0], &a[1])),
    method("__reversed__", "(self, /)", |vm, a| Ok(reverse_iter(vm, &a[0], 0))),
];

/// A reverse iterator over dict `d`'s keys (0), values (1) or items (2).
fn reverse_iter(vm: &mut Vm, d: &Value, kind: u8) -> Value {
    let (t, k) = {
        let n = dict_len(d);
        match kind {
            0 => (vm.iter_types.dict_reverse_keys.clone(), IterKind::DictReverseKeys(n)),
            1 => (vm.iter_types.dict_reverse_values.clone(), IterKind::DictReverseValues(n)),
            _ => (vm.iter_types.dict_reverse_items.clone(), IterKind::DictReverseItems(n)),
        }
    };
    let end = table(d).map_or(0, |t| t.borrow().iter().last().map_or(0, |(p, _)| p + 1));
    new_iter(&t, k, d.clone(), end)
}

/// The methods and attributes of the view types (dictviews_methods).
fn init_views(vm: &mut Vm) {
    let views = [vm.iter_types.keys_view.clone(), vm.iter_types.values_view.clone(), vm.iter_types.items_view.clone()];
    for (kind, t) in views.iter().enumerate() {
        let name: &'static str = ["dict_keys", "dict_values", "dict_items"][kind];
        vm.add_methods(t, name, &[method("__reversed__", "(self, /)", |vm, a| {
            let Some((d, kind)) = view_of(&a[0]) else { return Ok(Value::None) };
            let d = d.clone();
            Ok(reverse_iter(vm, &d, kind))
        })]);
        if kind != 1 {
            vm.add_methods(t, name, &[method("isdisjoint", "(self, other, /)", view_isdisjoint)]);
        }
        // The mapping is shown as the dict itself (krait has no mappingproxy type; a
        // class's __dict__ is likewise the dict).
        vm.add_getsets(t, &[crate::types::getset::GetSetDef { name: "mapping", get: |_, v, _| Ok(view_of(v).map_or(Value::None, |(d, _)| d.clone())), set: None }]);
    }
}

/// dictviews_isdisjoint: no item of `other` is in the view.
fn view_isdisjoint(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let items = vm.collect(&a[1])?;
    for x in &items {
        if view_contains(vm, &a[0], x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn table(v: &Value) -> Option<&RefCell<DictTable>> {
    v.as_obj().and_then(|o| o.as_dict())
}

fn dict_len(v: &Value) -> usize {
    table(v).map(|t| t.borrow().len()).unwrap_or(0)
}

fn get(vm: &mut Vm, d: &Value, k: &Value) -> PyResult<Option<Value>> {
    match d.as_obj() {
        Some(o) if o.as_dict().is_some() => dict_ops::get_item(vm, o, k),
        _ => Ok(None),
    }
}

fn set(vm: &mut Vm, d: &Value, k: Value, v: Value) -> PyResult<()> {
    match d.as_obj() {
        Some(o) if o.as_dict().is_some() => dict_ops::set_item(vm, o, k, v),
        _ => Ok(()),
    }
}

/// (key, value) pairs in insertion order.
fn pairs(v: &Value) -> Vec<(Value, Value)> {
    table(v).map(|t| t.borrow().iter().map(|(_, e)| (e.key.clone(), e.value.clone())).collect()).unwrap_or_default()
}

fn not_impl(vm: &Vm) -> Value {
    Value::Obj(vm.not_implemented.clone())
}

fn key_iter(vm: &mut Vm, v: &Value) -> Value {
    let t = vm.iter_types.dict_keys.clone();
    new_iter(&t, IterKind::DictKeys(dict_len(v)), v.clone(), 0)
}

fn dict_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(o) = v.as_obj() else { return Ok(not_impl(vm)) };
    let items = pairs(v);
    if items.is_empty() {
        return Ok(vm.new_str("{}"));
    }
    repr_guarded(vm, o, "{...}", |vm| {
        let mut out = String::from("{");
        for (i, (k, val)) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&join_reprs(vm, std::slice::from_ref(k))?);
            out.push_str(": ");
            out.push_str(&join_reprs(vm, std::slice::from_ref(val))?);
        }
        out.push('}');
        Ok(out)
    })
}

/// dict_equal: same length and every key maps to an equal value.
fn dict_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    if table(a).is_none() || table(b).is_none() || !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(not_impl(vm));
    }
    let mut eq = dict_len(a) == dict_len(b);
    if eq {
        for (k, v) in pairs(a) {
            match get(vm, b, &k)? {
                Some(w) if vm.eq(&v, &w)? => {}
                _ => {
                    eq = false;
                    break;
                }
            }
        }
    }
    Ok(Value::Bool(eq == (op == CmpOp::Eq)))
}

fn dict_getitem(vm: &mut Vm, d: &Value, k: &Value) -> PyResult<Value> {
    if let Some(v) = get(vm, d, k)? {
        return Ok(v);
    }
    // dict_subscript: a subclass's __missing__ supplies the value.
    if let Some(o) = d.as_obj() {
        if !vm.is_exact(o, &vm.types.dict) {
            if let Some(r) = vm.call_dunder(d, "__missing__", std::slice::from_ref(k))? {
                return Ok(r);
            }
        }
    }
    Err(vm.new_key_error(k.clone()))
}

fn dict_setitem(vm: &mut Vm, d: &Value, k: &Value, v: Value) -> PyResult<()> {
    let Some(o) = d.as_obj() else { return Ok(()) };
    if v.is_null() {
        return match dict_ops::del_item(vm, o, k)? {
            Some(_) => Ok(()),
            None => Err(vm.new_key_error(k.clone())),
        };
    }
    dict_ops::set_item(vm, o, k.clone(), v)
}

/// dict_update_arg: a dict, an object with keys(), or an iterable of pairs.
fn update(vm: &mut Vm, d: &Value, other: &Value) -> PyResult<()> {
    if table(other).is_some() && other.as_obj().is_some_and(|o| vm.is_exact(o, &vm.types.dict)) {
        for (k, v) in pairs(other) {
            set(vm, d, k, v)?;
        }
        return Ok(());
    }
    let keys_name = vm.intern("keys");
    if let Some(keys) = vm.get_attr_opt(other, &keys_name)? {
        let ks = vm.call_positional(&keys, &[])?;
        for k in vm.collect(&ks)? {
            let v = vm.get_item(other, &k)?;
            set(vm, d, k, v)?;
        }
        return Ok(());
    }
    let it = vm.iter(other)?;
    let mut i = 0;
    while let Some(item) = vm.next(&it)? {
        let kv = match vm.collect(&item) {
            Ok(kv) => kv,
            Err(_) => {
                return Err(vm.new_type_error(format!("cannot convert dictionary update sequence element #{i} to a sequence")));
            }
        };
        if kv.len() != 2 {
            return Err(vm.new_value_error(format!("dictionary update sequence element #{i} has length {}; 2 is required", kv.len())));
        }
        let mut kv = kv.into_iter();
        if let (Some(k), Some(v)) = (kv.next(), kv.next()) {
            set(vm, d, k, v)?;
        }
        i += 1;
    }
    Ok(())
}

fn dict_binary(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    if op != BinOp::Or || table(a).is_none() || table(b).is_none() {
        return Ok(not_impl(vm));
    }
    let t = table(a).map(|t| t.borrow().clone()).unwrap_or_default();
    let cls = vm.types.dict.clone();
    let r = Value::Obj(PyRef::new(PyObject::new(cls, Payload::Dict(RefCell::new(t)))));
    update(vm, &r, b)?;
    Ok(r)
}

fn dict_inplace(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    if op != BinOp::Or || table(a).is_none() {
        return Ok(not_impl(vm));
    }
    update(vm, a, b)?;
    Ok(a.clone())
}

fn dict_new(_vm: &mut Vm, cls: &PyRef, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Obj(PyRef::new(PyObject::new(cls.clone(), Payload::Dict(RefCell::new(DictTable::new()))))))
}

fn dict_init(vm: &mut Vm, d: &Value, args: Args<'_>) -> PyResult<()> {
    let pos = args.pos();
    if pos.len() > 1 {
        return Err(vm.new_type_error(format!("dict expected at most 1 argument, got {}", pos.len())));
    }
    if let Some(o) = pos.first() {
        update(vm, d, o)?;
    }
    for (k, v) in args.kwnames.iter().zip(args.kwvalues()) {
        set(vm, d, k.clone(), v.clone())?;
    }
    Ok(())
}

fn fromkeys(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let d = vm.call_positional(&a[0], &[])?;
    for k in vm.collect(&a[1])? {
        vm.set_item(&d, &k, a[2].clone())?;
    }
    Ok(d)
}

/// A dict view: the dict and which of keys (0), values (1), items (2).
pub struct DictView {
    pub dict: Value,
    pub kind: u8,
}

fn view(vm: &mut Vm, d: &Value, kind: u8) -> Value {
    let t = match kind {
        0 => vm.iter_types.keys_view.clone(),
        1 => vm.iter_types.values_view.clone(),
        _ => vm.iter_types.items_view.clone(),
    };
    let state = DictView { dict: d.clone(), kind };
    Value::Obj(PyRef::new(PyObject::new(t, Payload::Native(Box::new(state)))))
}

fn view_of(v: &Value) -> Option<(&Value, u8)> {
    v.as_obj().and_then(|o| o.native::<DictView>()).map(|s| (&s.dict, s.kind))
}

/// The slots of the view types; keys and items views are set-like.
pub fn view_slots(set_like: bool) -> Slots {
    Slots {
        repr: Some(view_repr),
        len: Some(|_, v| Ok(view_of(v).map_or(0, |(d, _)| dict_len(d)))),
        iter: Some(view_iter),
        contains: Some(view_contains),
        richcompare: if set_like { Some(view_richcompare) } else { None },
        binary: if set_like { Some(view_binary) } else { None },
        ..Slots::default()
    }
}

fn view_items(vm: &mut Vm, v: &Value) -> Vec<Value> {
    let Some((d, kind)) = view_of(v) else { return Vec::new() };
    pairs(d)
        .into_iter()
        .map(|(k, val)| match kind {
            0 => k,
            1 => val,
            _ => vm.new_tuple(vec![k, val]),
        })
        .collect()
}

fn view_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(o) = v.as_obj() else { return Ok(not_impl(vm)) };
    let name = o.type_name();
    let items = view_items(vm, v);
    let recursive = "...".to_string();
    repr_guarded(vm, o, &recursive, |vm| Ok(format!("{name}([{}])", join_reprs(vm, &items)?)))
}

fn view_iter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some((d, kind)) = view_of(v) else { return Ok(Value::None) };
    let d = d.clone();
    let n = dict_len(&d);
    let (t, k) = match kind {
        0 => (vm.iter_types.dict_keys.clone(), IterKind::DictKeys(n)),
        1 => (vm.iter_types.dict_values.clone(), IterKind::DictValues(n)),
        _ => (vm.iter_types.dict_items.clone(), IterKind::DictItems(n)),
    };
    Ok(new_iter(&t, k, d, 0))
}

fn view_contains(vm: &mut Vm, v: &Value, x: &Value) -> PyResult<bool> {
    let Some((d, kind)) = view_of(v) else { return Ok(false) };
    let d = d.clone();
    match kind {
        0 => Ok(get(vm, &d, x)?.is_some()),
        1 => {
            for (_, val) in pairs(&d) {
                if vm.eq(&val, x)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => {
            let kv = match x.as_obj().and_then(|o| o.as_tuple()) {
                Some(t) if t.len() == 2 => t.to_vec(),
                _ => return Ok(false),
            };
            match get(vm, &d, &kv[0])? {
                Some(val) => vm.eq(&val, &kv[1]),
                None => Ok(false),
            }
        }
    }
}

/// A set holding a set-like view's items (or any iterable's).
fn as_set(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let items = if view_of(v).is_some() { view_items(vm, v) } else { vm.collect(v)? };
    let list = vm.new_list(items);
    let set_t = Value::Obj(vm.types.set.clone());
    vm.call_positional(&set_t, &[list])
}

fn view_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    let b_setlike = view_of(b).is_some_and(|(_, k)| k != 1) || matches!(b.as_obj().map(|o| &o.payload), Some(Payload::Set(_) | Payload::FrozenSet(_)));
    if view_of(a).is_none() || !b_setlike {
        return Ok(not_impl(vm));
    }
    let x = as_set(vm, a)?;
    let y = as_set(vm, b)?;
    vm.rich_compare(&x, &y, op)
}

fn view_binary(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    if !matches!(op, BinOp::And | BinOp::Or | BinOp::Sub | BinOp::Xor) {
        return Ok(not_impl(vm));
    }
    let x = match as_set(vm, a) {
        Ok(x) => x,
        Err(_) => return Ok(not_impl(vm)),
    };
    let y = match as_set(vm, b) {
        Ok(y) => y,
        Err(_) => return Ok(not_impl(vm)),
    };
    vm.binary_op(&x, &y, op, false)
}
