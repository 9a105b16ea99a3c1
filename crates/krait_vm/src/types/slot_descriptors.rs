//! Slot wrappers: the `__add__`, `__len__`, `__eq__`, `__new__` ... entries that builtin
//! types expose for the slots they implement (CPython's `wrapper_descriptor`, bound as
//! `method-wrapper`), so `int.__add__(1, 2)`, `(1).__add__` and `super().__eq__(x)` work.

use crate::object::{Args, BinOp, CmpOp, NbOps, Payload, PyRef, Slots, TypeFlags, UnaryOp, Value};
use crate::vm::{PyResult, Vm};

/// Which slot a wrapper calls, and how.
#[derive(Clone, Copy, Debug)]
pub enum Wrap {
    Repr,
    Str,
    Hash,
    Call,
    Iter,
    Next,
    Len,
    Bool,
    GetItem,
    SetItem,
    DelItem,
    Contains,
    Compare(CmpOp),
    Binary(BinOp),
    Reflected(BinOp),
    InPlace(BinOp),
    Unary(UnaryOp),
    Init,
    New,
    Int,
    Float,
    Index,
    Get,
    Set,
    Delete,
    GetAttribute,
    SetAttr,
    DelAttr,
}

/// A wrapper descriptor: the type whose slot it calls, the dunder name and the kind.
pub struct SlotWrapper {
    pub ty: PyRef,
    pub name: &'static str,
    pub kind: Wrap,
}

/// A wrapper bound to an instance (`method-wrapper`).
pub struct BoundWrapper {
    pub wrapper: PyRef,
    pub self_: Value,
}

/// The wrapper and bound-wrapper types.
pub struct WrapperTypes {
    pub descriptor: PyRef,
    pub bound: PyRef,
}

pub fn init(vm: &mut Vm) -> WrapperTypes {
    let mk = |vm: &mut Vm, name: &str| {
        let t = crate::types::bootstrap::new_type(Some(&vm.types.type_), Some(&vm.types.dict), name, vec![vm.types.object.clone()], Default::default(), 0);
        *t.as_type().expect("type").mro.borrow_mut() = vec![t.clone(), vm.types.object.clone()];
        t
    };
    let descriptor = mk(vm, "wrapper_descriptor");
    let bound = mk(vm, "method-wrapper");
    {
        let mut s = descriptor.as_type().expect("type").slots.borrow_mut();
        s.call = Some(|vm, d, args| call_wrapper(vm, d, args.args.first().cloned().unwrap_or(Value::Null), Args { args: args.args.get(1..).unwrap_or(&[]), kwnames: args.kwnames }));
        s.descr_get = Some(wrapper_get);
        s.repr = Some(|vm, d| {
            let (name, owner) = describe(d);
            Ok(vm.new_str(&format!("<slot wrapper '{name}' of '{owner}' objects>")))
        });
        s.getattro = Some(wrapper_getattro);
    }
    {
        let mut s = bound.as_type().expect("type").slots.borrow_mut();
        s.call = Some(|vm, b, args| {
            let Some(bw) = b.as_obj().and_then(|o| o.native::<BoundWrapper>()) else { return Ok(Value::None) };
            let (w, me) = (Value::Obj(bw.wrapper.clone()), bw.self_.clone());
            call_wrapper(vm, &w, me, args)
        });
        s.repr = Some(|vm, b| {
            let Some(bw) = b.as_obj().and_then(|o| o.native::<BoundWrapper>()) else { return Ok(vm.new_str("<method-wrapper>")) };
            let (name, _) = describe(&Value::Obj(bw.wrapper.clone()));
            let me = bw.self_.clone();
            let tn = vm.type_name(&me);
            let addr = me.as_obj().map_or(0, |o| o.addr());
            Ok(vm.new_str(&format!("<method-wrapper '{name}' of {tn} object at {addr:#x}>")))
        });
        s.getattro = Some(|vm, b, name| {
            let Some(bw) = b.as_obj().and_then(|o| o.native::<BoundWrapper>()) else { return Ok(None) };
            match name.as_str().map(|s| s.as_str()).unwrap_or("") {
                "__self__" => Ok(Some(bw.self_.clone())),
                "__objclass__" | "__name__" | "__qualname__" | "__doc__" => {
                    let w = Value::Obj(bw.wrapper.clone());
                    wrapper_getattro(vm, &w, name)
                }
                _ => vm.generic_get_attr(b, name),
            }
        });
    }
    WrapperTypes { descriptor, bound }
}

fn describe(d: &Value) -> (&'static str, String) {
    match d.as_obj().and_then(|o| o.native::<SlotWrapper>()) {
        Some(w) => (w.name, w.ty.as_type().map(|t| t.name()).unwrap_or_default()),
        None => ("?", String::new()),
    }
}

fn wrapper_getattro(vm: &mut Vm, d: &Value, name: &PyRef) -> PyResult<Option<Value>> {
    let Some(w) = d.as_obj().and_then(|o| o.native::<SlotWrapper>()) else { return Ok(None) };
    match name.as_str().map(|s| s.as_str()).unwrap_or("") {
        "__name__" => Ok(Some(vm.new_str(w.name))),
        "__qualname__" => {
            let q = format!("{}.{}", w.ty.as_type().map(|t| t.name()).unwrap_or_default(), w.name);
            Ok(Some(vm.new_str(&q)))
        }
        "__objclass__" => Ok(Some(Value::Obj(w.ty.clone()))),
        // `T.__new__` is bound to T (CPython's tp_new_wrapper is a builtin method of T).
        "__self__" if matches!(w.kind, Wrap::New) => Ok(Some(Value::Obj(w.ty.clone()))),
        "__doc__" => Ok(Some(Value::None)),
        _ => vm.generic_get_attr(d, name),
    }
}

/// Binding: `int.__add__.__get__(1)` → a method-wrapper; `__new__` never binds.
fn wrapper_get(vm: &mut Vm, d: &Value, obj: &Value, _owner: &Value) -> PyResult<Value> {
    let Some(w) = d.as_obj().and_then(|o| o.native::<SlotWrapper>()) else { return Ok(d.clone()) };
    if obj.is_null() || matches!(w.kind, Wrap::New) {
        return Ok(d.clone());
    }
    let bound = BoundWrapper { wrapper: d.as_obj().expect("obj").clone(), self_: obj.clone() };
    let t = vm.wrapper_types.as_ref().expect("wrapper types").bound.clone();
    Ok(vm.wrap(Payload::Native(Box::new(bound)), &t))
}

fn arity(vm: &mut Vm, name: &str, args: Args<'_>, n: usize) -> PyResult<()> {
    if !args.kwnames.is_empty() {
        return Err(vm.new_type_error(format!("wrapper {name}() takes no keyword arguments")));
    }
    if args.args.len() != n {
        let s = if n == 1 { "" } else { "s" };
        return Err(vm.new_type_error(format!("expected {n} argument{s}, got {}", args.args.len())));
    }
    Ok(())
}

/// `seq.__mul__(n)` of a builtin sequence is its `sq_repeat` wrapper, which raises for a
/// non-integer count instead of returning NotImplemented as the operator's slot does.
fn sequence_repeat_result(vm: &mut Vm, ty: &PyRef, op: BinOp, n: &Value, r: Value) -> PyResult<Value> {
    let is_seq = ty.as_type().is_some_and(|t| t.flags.get() & TypeFlags::SEQUENCE != 0);
    if op == BinOp::Mul && is_seq && vm.is_not_implemented(&r) {
        let has_index = crate::types::int::int_arg(n).is_some() || vm.type_of(n).as_type().is_some_and(|t| t.slots().index.is_some());
        if !has_index {
            let t = vm.type_name(n);
            return Err(vm.new_type_error(format!("'{t}' object cannot be interpreted as an integer")));
        }
    }
    Ok(r)
}

/// Call the defining type's slot with `me` as self.
fn call_wrapper(vm: &mut Vm, d: &Value, me: Value, args: Args<'_>) -> PyResult<Value> {
    let Some(w) = d.as_obj().and_then(|o| o.native::<SlotWrapper>()) else { return Ok(Value::None) };
    let (ty, name, kind) = (w.ty.clone(), w.name, w.kind);
    let tname = ty.as_type().map(|t| t.name()).unwrap_or_default();
    if me.is_null() {
        return Err(vm.new_type_error(format!("descriptor '{name}' of '{tname}' object needs an argument")));
    }
    if let Wrap::New = kind {
        return call_new(vm, &ty, &me, args);
    }
    let me_ty = vm.type_of(&me);
    if !vm.is_subtype(&me_ty, &ty) {
        let other = vm.type_name(&me);
        return Err(vm.new_type_error(format!("descriptor '{name}' requires a '{tname}' object but received a '{other}'")));
    }
    let slots: Slots = ty.as_type().map(|t| t.slots()).unwrap_or_default();
    let a = args.args;
    let missing = |vm: &mut Vm| vm.new_system_error(format!("slot wrapper {name} has no slot"));
    match kind {
        Wrap::Repr => (slots.repr.ok_or_else(|| missing(vm))?)(vm, &me),
        Wrap::Str => (slots.str.ok_or_else(|| missing(vm))?)(vm, &me),
        Wrap::Hash => Ok(Value::Int((slots.hash.ok_or_else(|| missing(vm))?)(vm, &me)?)),
        Wrap::Call => (slots.call.ok_or_else(|| missing(vm))?)(vm, &me, args),
        Wrap::Iter => (slots.iter.ok_or_else(|| missing(vm))?)(vm, &me),
        Wrap::Next => match (slots.next.ok_or_else(|| missing(vm))?)(vm, &me)? {
            Some(v) => Ok(v),
            None => {
                let cls = vm.exc.stop_iteration.clone();
                Err(vm.new_exception(&cls, vec![]))
            }
        },
        Wrap::Len => Ok(Value::Int((slots.len.ok_or_else(|| missing(vm))?)(vm, &me)? as i64)),
        Wrap::Bool => Ok(Value::Bool((slots.bool.ok_or_else(|| missing(vm))?)(vm, &me)?)),
        Wrap::GetItem => {
            arity(vm, name, args, 1)?;
            (slots.getitem.ok_or_else(|| missing(vm))?)(vm, &me, &a[0])
        }
        Wrap::SetItem => {
            arity(vm, name, args, 2)?;
            (slots.setitem.ok_or_else(|| missing(vm))?)(vm, &me, &a[0], a[1].clone()).map(|_| Value::None)
        }
        Wrap::DelItem => {
            arity(vm, name, args, 1)?;
            (slots.setitem.ok_or_else(|| missing(vm))?)(vm, &me, &a[0], Value::Null).map(|_| Value::None)
        }
        Wrap::Contains => {
            arity(vm, name, args, 1)?;
            Ok(Value::Bool((slots.contains.ok_or_else(|| missing(vm))?)(vm, &me, &a[0])?))
        }
        Wrap::Compare(op) => {
            arity(vm, name, args, 1)?;
            (slots.richcompare.ok_or_else(|| missing(vm))?)(vm, &me, &a[0], op)
        }
        Wrap::Binary(op) | Wrap::Reflected(op) => {
            // wrap_ternaryfunc: `__pow__(value, mod=None)`; a modulus is for the types
            // with their own `__pow__` (int), so here it gives NotImplemented.
            if op == BinOp::Pow && args.args.len() == 2 && args.kwnames.is_empty() {
                if !a[1].is_none() {
                    return Ok(Value::Obj(vm.not_implemented.clone()));
                }
            } else {
                arity(vm, name, args, 1)?;
            }
            let f = slots.binary.ok_or_else(|| missing(vm))?;
            let r = if matches!(kind, Wrap::Binary(_)) { f(vm, &me, &a[0], op)? } else { f(vm, &a[0], &me, op)? };
            sequence_repeat_result(vm, &ty, op, &a[0], r)
        }
        Wrap::InPlace(op) => {
            arity(vm, name, args, 1)?;
            let r = (slots.inplace.ok_or_else(|| missing(vm))?)(vm, &me, &a[0], op)?;
            sequence_repeat_result(vm, &ty, op, &a[0], r)
        }
        Wrap::Unary(op) => (slots.unary.ok_or_else(|| missing(vm))?)(vm, &me, op),
        Wrap::Init => (slots.init.ok_or_else(|| missing(vm))?)(vm, &me, args).map(|_| Value::None),
        Wrap::Int => (slots.int.ok_or_else(|| missing(vm))?)(vm, &me),
        Wrap::Float => (slots.float.ok_or_else(|| missing(vm))?)(vm, &me),
        Wrap::Index => (slots.index.ok_or_else(|| missing(vm))?)(vm, &me),
        Wrap::Get => {
            let obj = a.first().cloned().unwrap_or(Value::None);
            let owner = a.get(1).cloned().unwrap_or(Value::None);
            let obj = if obj.is_none() { Value::Null } else { obj };
            (slots.descr_get.ok_or_else(|| missing(vm))?)(vm, &me, &obj, &owner)
        }
        Wrap::Set => {
            arity(vm, name, args, 2)?;
            (slots.descr_set.ok_or_else(|| missing(vm))?)(vm, &me, &a[0], a[1].clone()).map(|_| Value::None)
        }
        Wrap::Delete => {
            arity(vm, name, args, 1)?;
            (slots.descr_set.ok_or_else(|| missing(vm))?)(vm, &me, &a[0], Value::Null).map(|_| Value::None)
        }
        Wrap::GetAttribute => {
            arity(vm, name, args, 1)?;
            let n = attr_name(vm, &a[0])?;
            let r = match slots.getattro {
                Some(f) => f(vm, &me, &n)?,
                None => vm.generic_get_attr(&me, &n)?,
            };
            r.ok_or_else(|| vm.attribute_error_for(&me, &n))
        }
        Wrap::SetAttr | Wrap::DelAttr => {
            let value = if let Wrap::SetAttr = kind {
                arity(vm, name, args, 2)?;
                a[1].clone()
            } else {
                arity(vm, name, args, 1)?;
                Value::Null
            };
            let n = attr_name(vm, &a[0])?;
            match slots.setattro {
                Some(f) => f(vm, &me, &n, value)?,
                None => vm.generic_set_attr(&me, &n, value)?,
            }
            Ok(Value::None)
        }
        Wrap::New => unreachable!("handled above"),
    }
}

fn attr_name(vm: &mut Vm, v: &Value) -> PyResult<PyRef> {
    match v.as_obj().and_then(|o| o.as_str()) {
        Some(s) => {
            let s = s.as_str().to_string();
            Ok(vm.intern(&s))
        }
        None => {
            let n = vm.type_name(v);
            Err(vm.new_type_error(format!("attribute name must be string, not '{n}'")))
        }
    }
}

/// `T.__new__(cls, *args)`: cls must be a subtype of T (CPython's `tp_new_wrapper`).
fn call_new(vm: &mut Vm, ty: &PyRef, cls: &Value, args: Args<'_>) -> PyResult<Value> {
    let tname = ty.as_type().map(|t| t.name()).unwrap_or_default();
    let Some(cls_ref) = cls.as_obj().filter(|o| o.as_type().is_some()).cloned() else {
        let n = vm.type_name(cls);
        return Err(vm.new_type_error(format!("{tname}.__new__(X): X is not a type object ({n})")));
    };
    if !vm.is_subtype(&cls_ref, ty) {
        let cn = cls_ref.as_type().map(|t| t.name()).unwrap_or_default();
        return Err(vm.new_type_error(format!("{tname}.__new__({cn}): {cn} is not a subtype of {tname}")));
    }
    let Some(new) = ty.as_type().and_then(|t| t.slots().new) else {
        return Err(vm.new_type_error(format!("cannot create '{tname}' instances")));
    };
    // The most derived builtin base must use this very __new__ (no `int.__new__(bool)`,
    // `object.__new__(dict)`); classes defined in Python are skipped (CPython skips those
    // with a Python-level __new__ along tp_base).
    let mro = cls_ref.as_type().map(|t| t.mro.borrow().clone()).unwrap_or_default();
    let staticbase = mro.iter().find(|b| b.as_type().is_some_and(|t| !t.has_flag(TypeFlags::HEAPTYPE)));
    if let Some(sb) = staticbase {
        if sb.as_type().and_then(|t| t.slots().new).map(|f| f as usize) != Some(new as usize) {
            let (cn, sn) = (vm.tp_name(&cls_ref), vm.tp_name(sb));
            let tn = vm.tp_name(ty);
            return Err(vm.new_type_error(format!("{tn}.__new__({cn}) is not safe, use {sn}.__new__()")));
        }
    }
    new(vm, &cls_ref, args)
}

/// The dunders a builtin type's own slots provide (slots equal to its base's are
/// inherited, and exposed by the base's wrappers).
fn wrappers_for(own: &Slots, base: &Slots) -> Vec<(&'static str, Wrap)> {
    macro_rules! mine {
        ($($f:ident),*) => {
            Slots { $($f: own.$f.filter(|f| base.$f.map(|b| b as usize) != Some(*f as usize)),)* buffer: None, nb_ops: own.nb_ops }
        };
    }
    let s = &mine!(repr, str, hash, richcompare, binary, inplace, unary, bool, len, iter, next, getitem, setitem, contains, call, getattro, setattro, descr_get, descr_set, new, init, int, float, index);
    let mut out = Vec::new();
    let mut add = |present: bool, list: &[(&'static str, Wrap)]| {
        if present {
            out.extend_from_slice(list);
        }
    };
    add(s.repr.is_some(), &[("__repr__", Wrap::Repr)]);
    add(s.str.is_some(), &[("__str__", Wrap::Str)]);
    add(s.hash.is_some(), &[("__hash__", Wrap::Hash)]);
    add(s.call.is_some(), &[("__call__", Wrap::Call)]);
    add(s.iter.is_some(), &[("__iter__", Wrap::Iter)]);
    add(s.next.is_some(), &[("__next__", Wrap::Next)]);
    add(s.len.is_some(), &[("__len__", Wrap::Len)]);
    // A builtin container's truth is its length: CPython gives it no nb_bool.
    add(s.bool.is_some() && own.len.is_none(), &[("__bool__", Wrap::Bool)]);
    add(s.getitem.is_some(), &[("__getitem__", Wrap::GetItem)]);
    add(s.setitem.is_some(), &[("__setitem__", Wrap::SetItem), ("__delitem__", Wrap::DelItem)]);
    add(s.contains.is_some(), &[("__contains__", Wrap::Contains)]);
    add(
        s.richcompare.is_some(),
        &[
            ("__lt__", Wrap::Compare(CmpOp::Lt)),
            ("__le__", Wrap::Compare(CmpOp::Le)),
            ("__eq__", Wrap::Compare(CmpOp::Eq)),
            ("__ne__", Wrap::Compare(CmpOp::Ne)),
            ("__gt__", Wrap::Compare(CmpOp::Gt)),
            ("__ge__", Wrap::Compare(CmpOp::Ge)),
        ],
    );
    add(s.unary.is_some(), &[("__neg__", Wrap::Unary(UnaryOp::Neg)), ("__pos__", Wrap::Unary(UnaryOp::Pos)), ("__invert__", Wrap::Unary(UnaryOp::Invert))]);
    add(s.init.is_some(), &[("__init__", Wrap::Init)]);
    add(s.new.is_some(), &[("__new__", Wrap::New)]);
    add(s.int.is_some(), &[("__int__", Wrap::Int)]);
    add(s.float.is_some(), &[("__float__", Wrap::Float)]);
    add(s.index.is_some(), &[("__index__", Wrap::Index)]);
    add(s.descr_get.is_some(), &[("__get__", Wrap::Get)]);
    add(s.descr_set.is_some(), &[("__set__", Wrap::Set), ("__delete__", Wrap::Delete)]);
    add(s.getattro.is_some(), &[("__getattribute__", Wrap::GetAttribute)]);
    add(s.setattro.is_some(), &[("__setattr__", Wrap::SetAttr), ("__delattr__", Wrap::DelAttr)]);
    let ops = own.nb_ops;
    for op in (0..BinOp::INPLACE_OFFSET).filter_map(|arg| BinOp::from_arg(arg).map(|(op, _)| op)) {
        let (n, r, i) = op.dunders();
        if s.binary.is_some() && NbOps::has(ops.forward, op) {
            out.push((n, Wrap::Binary(op)));
        }
        if s.binary.is_some() && NbOps::has(ops.reflected, op) {
            out.push((r, Wrap::Reflected(op)));
        }
        if s.inplace.is_some() && NbOps::has(ops.inplace, op) {
            out.push((i, Wrap::InPlace(op)));
        }
    }
    out
}

impl Vm {
    /// A `wrapper_descriptor` exposing slot `kind` of `ty` as `name` (needs the wrapper types).
    pub fn slot_wrapper(&mut self, ty: &PyRef, name: &'static str, kind: Wrap) -> Value {
        let w = SlotWrapper { ty: ty.clone(), name, kind };
        let wt = self.wrapper_types.as_ref().expect("wrapper types").descriptor.clone();
        self.wrap(Payload::Native(Box::new(w)), &wt)
    }

    /// Finish a builtin type: expose its own slots as dunder wrappers (where its dict has
    /// no explicit method of that name), then inherit the slots it leaves empty.
    pub fn ready_type(&mut self, ty: &PyRef) {
        let Some(t) = ty.as_type() else { return };
        // type_ready: every builtin type's dict has a `__doc__` (None when undocumented).
        if !t.has_flag(TypeFlags::HEAPTYPE) {
            let key = Value::Obj(self.intern("__doc__"));
            if crate::types::dict_ops::get_item(self, &t.dict, &key).ok().flatten().is_none() {
                let _ = crate::types::dict_ops::set_item(self, &t.dict, key, Value::None);
            }
        }
        if !t.has_flag(TypeFlags::HEAPTYPE) && self.wrapper_types.is_some() {
            let own = t.slots();
            let base = t.mro.borrow().get(1).and_then(|b| b.as_type().map(|bt| bt.slots())).unwrap_or_default();
            let d = t.dict.clone();
            for (name, kind) in wrappers_for(&own, &base) {
                let key = Value::Obj(self.intern(name));
                if crate::types::dict_ops::get_item(self, &d, &key).ok().flatten().is_some() {
                    continue;
                }
                let v = self.slot_wrapper(ty, name, kind);
                let _ = crate::types::dict_ops::set_item(self, &d, key, v);
            }
        }
        crate::vm_init::inherit_slots(ty);
        // The dict changed after the type got its version: lookups cached meanwhile
        // (`lookup_type_attr`, attribute sites) must not survive.
        t.version.set(crate::types::bootstrap::next_version());
        // type_ready_set_hash: a builtin type left without a hash (it compares but does not
        // hash: list, dict, set ...) has `__hash__` None in its dict.
        if !t.has_flag(TypeFlags::HEAPTYPE) && self.wrapper_types.is_some() && t.slots().hash.is_none() {
            let key = Value::Obj(self.intern("__hash__"));
            if crate::types::dict_ops::get_item(self, &t.dict, &key).ok().flatten().is_none() {
                let _ = crate::types::dict_ops::set_item(self, &t.dict, key, Value::None);
            }
        }
    }
}
