//! Slots of classes defined in Python: each slot a class's namespace fills with a dunder
//! gets a wrapper that looks the dunder up on the object's type and calls it
//! (CPython's `slot_tp_*`/`slot_nb_*` and `update_one_slot`).

use crate::object::{Args, BinOp, CmpOp, PyRef, Slots, TypeFlags, UnaryOp, Value};
use crate::vm::{PyResult, Vm};

impl Vm {
    /// Look `name` up on `type(obj)` and call it bound to `obj`; `None` when the type has
    /// no such attribute.
    pub fn call_dunder(&mut self, obj: &Value, name: &str, args: &[Value]) -> PyResult<Option<Value>> {
        let ty = self.type_of(obj);
        let key = self.intern(name);
        let Some(attr) = self.lookup_type_attr(&ty, &key) else { return Ok(None) };
        self.call_unbound(&attr, obj, &ty, Args::positional(args)).map(Some)
    }

    /// Call a class attribute `attr` (found on `ty`) as a method of `obj`: functions get
    /// `obj` prepended, other descriptors are bound through `__get__` first.
    pub fn call_unbound(&mut self, attr: &Value, obj: &Value, ty: &PyRef, args: Args<'_>) -> PyResult<Value> {
        if self.is_plain_method(attr) {
            let mut all = Vec::with_capacity(args.args.len() + 1);
            all.push(obj.clone());
            all.extend_from_slice(args.args);
            return self.call(attr, Args { args: &all, kwnames: args.kwnames });
        }
        let bound = self.bind_descriptor(attr, obj, &Value::Obj(ty.clone()))?;
        self.call(&bound, args)
    }

    /// Whether `v` is a Python function or an unbound native method (binding it is just
    /// prepending `self`).
    pub fn is_plain_method(&self, v: &Value) -> bool {
        match v {
            Value::Obj(o) => match &o.payload {
                crate::object::Payload::Function(_) => true,
                crate::object::Payload::NativeFunction(nf) => nf.is_method && nf.self_.is_null(),
                _ => false,
            },
            _ => false,
        }
    }

    /// `attr.__get__(obj, owner)` if `attr` is a descriptor, else `attr`.
    pub fn bind_descriptor(&mut self, attr: &Value, obj: &Value, owner: &Value) -> PyResult<Value> {
        let t = self.type_of(attr);
        match t.as_type().and_then(|t| t.slots().descr_get) {
            Some(get) => get(self, attr, obj, owner),
            None => Ok(attr.clone()),
        }
    }
}

/// The dunder names that fill each slot, for `update_slots`.
const SLOT_DUNDERS: &[(&str, fn(&mut Slots))] = &[
    ("__repr__", |s| s.repr = Some(slot_repr)),
    ("__str__", |s| s.str = Some(slot_str)),
    ("__hash__", |s| s.hash = Some(slot_hash)),
    ("__eq__", |s| s.richcompare = Some(slot_richcompare)),
    ("__ne__", |s| s.richcompare = Some(slot_richcompare)),
    ("__lt__", |s| s.richcompare = Some(slot_richcompare)),
    ("__le__", |s| s.richcompare = Some(slot_richcompare)),
    ("__gt__", |s| s.richcompare = Some(slot_richcompare)),
    ("__ge__", |s| s.richcompare = Some(slot_richcompare)),
    ("__bool__", |s| s.bool = Some(slot_bool)),
    ("__len__", |s| s.len = Some(slot_len)),
    ("__iter__", |s| s.iter = Some(slot_iter)),
    ("__next__", |s| s.next = Some(slot_next)),
    ("__getitem__", |s| s.getitem = Some(slot_getitem)),
    ("__setitem__", |s| s.setitem = Some(slot_setitem)),
    ("__delitem__", |s| s.setitem = Some(slot_setitem)),
    ("__contains__", |s| s.contains = Some(slot_contains)),
    ("__call__", |s| s.call = Some(slot_call)),
    ("__getattribute__", |s| s.getattro = Some(slot_getattro)),
    ("__getattr__", |s| s.getattro = Some(slot_getattro)),
    ("__setattr__", |s| s.setattro = Some(slot_setattro)),
    ("__delattr__", |s| s.setattro = Some(slot_setattro)),
    ("__get__", |s| s.descr_get = Some(slot_descr_get)),
    ("__set__", |s| s.descr_set = Some(slot_descr_set)),
    ("__delete__", |s| s.descr_set = Some(slot_descr_set)),
    ("__init__", |s| s.init = Some(slot_init)),
    ("__new__", |s| s.new = Some(slot_new)),
    ("__neg__", |s| s.unary = Some(slot_unary)),
    ("__pos__", |s| s.unary = Some(slot_unary)),
    ("__invert__", |s| s.unary = Some(slot_unary)),
    ("__int__", |s| s.int = Some(slot_int)),
    ("__float__", |s| s.float = Some(slot_float)),
    ("__index__", |s| s.index = Some(slot_index)),
];

/// Point the slots of heap type `ty` at dunder wrappers for every dunder its MRO's heap
/// classes define (called at class creation and when a dunder is assigned).
pub fn update_slots(vm: &mut Vm, ty: &PyRef) {
    let Some(t) = ty.as_type() else { return };
    let mro = t.mro.borrow().clone();
    // Start from the first builtin (non-heap) base's slots, then let heap classes
    // override — the most derived definition of a dunder wins.
    let mut slots = mro
        .iter()
        .find(|c| c.as_type().is_some_and(|ct| !ct.has_flag(crate::object::TypeFlags::HEAPTYPE)))
        .and_then(|c| c.as_type().map(|ct| ct.slots()))
        .unwrap_or_default();
    let mut has_del = false;
    for c in mro.iter().rev() {
        let Some(ct) = c.as_type() else { continue };
        if !ct.has_flag(crate::object::TypeFlags::HEAPTYPE) {
            continue;
        }
        let d = ct.dict.clone();
        let keys: Vec<String> = d.as_dict().map(|t| t.borrow().iter().map(|(_, e)| vm.str_of(&e.key).to_string()).collect()).unwrap_or_default();
        for k in keys {
            has_del |= k == "__del__";
            if let Some((_, set)) = SLOT_DUNDERS.iter().find(|(n, _)| *n == k) {
                set(&mut slots);
            }
            if let Some(op) = binop_for_dunder(&k) {
                if k == op.dunders().2 {
                    slots.inplace = Some(slot_inplace);
                } else {
                    slots.binary = Some(slot_binary);
                }
            }
        }
    }
    *t.slots.borrow_mut() = slots;
    // tp_finalize: only instances of classes with `__del__` take the finalising path.
    let f = t.flags.get() & !TypeFlags::HAS_FINALIZE;
    t.flags.set(if has_del { f | TypeFlags::HAS_FINALIZE } else { f });
    // Subclasses inherit the changed dunder (or lose it): recompute theirs too, as
    // CPython's update_slot does through tp_subclasses.
    let subs: Vec<PyRef> = t.subclasses.borrow().iter().filter_map(|w| w.upgrade()).collect();
    for sub in subs {
        update_slots(vm, &sub);
    }
}

fn binop_for_dunder(name: &str) -> Option<BinOp> {
    (0..13u32).filter_map(|i| BinOp::from_arg(i).map(|(op, _)| op)).find(|op| {
        let (a, b, c) = op.dunders();
        name == a || name == b || name == c
    })
}

fn required(vm: &mut Vm, obj: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
    match vm.call_dunder(obj, name, args)? {
        Some(v) => Ok(v),
        None => {
            let n = vm.intern(name);
            Err(vm.attribute_error_for(obj, &n))
        }
    }
}

fn slot_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    required(vm, v, "__repr__", &[])
}

fn slot_str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    required(vm, v, "__str__", &[])
}

fn slot_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let ty = vm.type_of(v);
    let key = vm.intern("__hash__");
    let attr = vm.lookup_type_attr(&ty, &key);
    if matches!(attr, None | Some(Value::None)) {
        let n = vm.type_name(v);
        return Err(vm.new_type_error(format!("unhashable type: '{n}'")));
    }
    let r = required(vm, v, "__hash__", &[])?;
    match r {
        Value::Int(i) => Ok(if i == -1 { -2 } else { i }),
        Value::Bool(b) => Ok(b as i64),
        Value::Obj(_) if vm.isinstance(&r, &Value::Obj(vm.types.int.clone()))? => {
            let h = vm.hash(&r)?;
            Ok(h)
        }
        _ => Err(vm.new_type_error("__hash__ method should return an integer")),
    }
}

fn slot_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    let ty = vm.type_of(a);
    let key = vm.intern(op.dunder());
    let Some(attr) = vm.lookup_type_attr(&ty, &key) else { return Ok(Value::Obj(vm.not_implemented.clone())) };
    if vm.is_plain_method(&attr) {
        return vm.call(&attr, Args::positional(&[a.clone(), b.clone()]));
    }
    // slot_tp_richcompare: a method that fails to bind (a raising property) counts as
    // not implemented.
    match vm.bind_descriptor(&attr, a, &Value::Obj(ty)) {
        Ok(bound) => vm.call(&bound, Args::positional(std::slice::from_ref(b))),
        Err(_) => Ok(Value::Obj(vm.not_implemented.clone())),
    }
}

fn slot_bool(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    if let Some(r) = vm.call_dunder(v, "__bool__", &[])? {
        return match r {
            Value::Bool(b) => Ok(b),
            other => {
                let n = vm.type_name(&other);
                Err(vm.new_type_error(format!("__bool__ should return bool, returned {n}")))
            }
        };
    }
    Ok(slot_len(vm, v)? != 0)
}

fn slot_len(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    let r = required(vm, v, "__len__", &[])?;
    // slot_sq_length: PyNumber_AsSsize_t with OverflowError, then the sign check.
    match crate::types::int::int_arg(&r) {
        Some(crate::types::int::IntArg::Small(i)) if i >= 0 => Ok(i as usize),
        Some(crate::types::int::IntArg::Small(_)) => Err(vm.new_value_error("__len__() should return >= 0")),
        Some(crate::types::int::IntArg::Big(_)) => {
            let n = vm.type_name(&r);
            Err(vm.new_overflow_error(format!("cannot fit '{n}' into an index-sized integer")))
        }
        None => {
            let n = vm.type_name(&r);
            Err(vm.new_type_error(format!("'{n}' object cannot be interpreted as an integer")))
        }
    }
}

fn slot_iter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    required(vm, v, "__iter__", &[])
}

/// `__next__`: a StopIteration it raises is passed on (vm.next treats it as exhaustion;
/// builtin next() keeps its value).
fn slot_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    required(vm, v, "__next__", &[]).map(Some)
}

fn slot_getitem(vm: &mut Vm, v: &Value, k: &Value) -> PyResult<Value> {
    required(vm, v, "__getitem__", std::slice::from_ref(k))
}

fn slot_setitem(vm: &mut Vm, v: &Value, k: &Value, value: Value) -> PyResult<()> {
    if value.is_null() {
        required(vm, v, "__delitem__", std::slice::from_ref(k))?;
    } else {
        required(vm, v, "__setitem__", &[k.clone(), value])?;
    }
    Ok(())
}

fn slot_contains(vm: &mut Vm, v: &Value, item: &Value) -> PyResult<bool> {
    match vm.call_dunder(v, "__contains__", std::slice::from_ref(item))? {
        Some(r) => vm.is_true(&r),
        None => {
            let it = vm.iter(v)?;
            while let Some(x) = vm.next(&it)? {
                if vm.eq(&x, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

fn slot_call(vm: &mut Vm, v: &Value, args: Args<'_>) -> PyResult<Value> {
    let ty = vm.type_of(v);
    let key = vm.intern("__call__");
    match vm.lookup_type_attr(&ty, &key) {
        Some(attr) => {
            // `__call__` may itself be an instance (A.__call__ = A()): a native recursion.
            vm.enter_recursive_call(" while calling a Python object")?;
            let r = vm.call_unbound(&attr, v, &ty, args);
            vm.native_depth -= 1;
            r
        }
        None => {
            let n = vm.type_name(v);
            Err(vm.new_type_error(format!("'{n}' object is not callable")))
        }
    }
}

fn slot_getattro(vm: &mut Vm, v: &Value, name: &PyRef) -> PyResult<Option<Value>> {
    let ty = vm.type_of(v);
    let ga = vm.intern("__getattribute__");
    let custom = vm.lookup_type_attr(&ty, &ga).filter(|a| !vm.is_native_function(a));
    let first = match custom {
        Some(attr) => match vm.call_unbound(&attr, v, &ty, Args::positional(&[Value::Obj(name.clone())])) {
            Ok(r) => Ok(Some(r)),
            Err(e) if vm.is_subtype(&e.0.class(), &vm.exc.attribute_error.clone()) => Err(e),
            Err(e) => return Err(e),
        },
        None => match vm.generic_get_attr(v, name) {
            Err(e) if !vm.is_subtype(&e.0.class(), &vm.exc.attribute_error.clone()) => return Err(e),
            other => other,
        },
    };
    let missing_err = match first {
        Ok(Some(r)) => return Ok(Some(r)),
        Ok(None) => None,
        Err(e) => Some(e),
    };
    let gattr = vm.intern("__getattr__");
    match vm.lookup_type_attr(&ty, &gattr) {
        Some(attr) => vm.call_unbound(&attr, v, &ty, Args::positional(&[Value::Obj(name.clone())])).map(Some),
        None => match missing_err {
            Some(e) => Err(e),
            None => Ok(None),
        },
    }
}

fn slot_setattro(vm: &mut Vm, v: &Value, name: &PyRef, value: Value) -> PyResult<()> {
    let (dunder, args) = if value.is_null() { ("__delattr__", vec![Value::Obj(name.clone())]) } else { ("__setattr__", vec![Value::Obj(name.clone()), value.clone()]) };
    let ty = vm.type_of(v);
    let key = vm.intern(dunder);
    match vm.lookup_type_attr(&ty, &key).filter(|a| !vm.is_native_function(a)) {
        Some(attr) => vm.call_unbound(&attr, v, &ty, Args::positional(&args)).map(|_| ()),
        None => vm.generic_set_attr(v, name, value),
    }
}

fn slot_descr_get(vm: &mut Vm, d: &Value, obj: &Value, owner: &Value) -> PyResult<Value> {
    let obj = if obj.is_null() { Value::None } else { obj.clone() };
    required(vm, d, "__get__", &[obj, owner.clone()])
}

fn slot_descr_set(vm: &mut Vm, d: &Value, obj: &Value, value: Value) -> PyResult<()> {
    if value.is_null() {
        required(vm, d, "__delete__", std::slice::from_ref(obj))?;
    } else {
        required(vm, d, "__set__", &[obj.clone(), value])?;
    }
    Ok(())
}

/// Whether a type's `tp_init` is the one that calls a Python-level `__init__`.
pub fn is_slot_init(f: crate::object::InitFn) -> bool {
    f as usize == slot_init as crate::object::InitFn as usize
}

fn slot_init(vm: &mut Vm, obj: &Value, args: Args<'_>) -> PyResult<()> {
    let ty = vm.type_of(obj);
    let key = vm.intern("__init__");
    if let Some(attr) = vm.lookup_type_attr(&ty, &key) {
        let r = vm.call_unbound(&attr, obj, &ty, args)?;
        if !r.is_none() {
            let n = vm.type_name(&r);
            return Err(vm.new_type_error(format!("__init__() should return None, not '{n}'")));
        }
    }
    Ok(())
}

fn slot_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    let key = vm.intern("__new__");
    let Some(attr) = vm.lookup_type_attr(cls, &key) else {
        return Err(vm.new_type_error("cannot create instance: no __new__"));
    };
    // __new__ is a staticmethod: unwrap it and pass the class explicitly.
    let func = vm.bind_descriptor(&attr, &Value::Null, &Value::Obj(cls.clone()))?;
    let mut all = Vec::with_capacity(args.args.len() + 1);
    all.push(Value::Obj(cls.clone()));
    all.extend_from_slice(args.args);
    vm.call(&func, Args { args: &all, kwnames: args.kwnames })
}

fn slot_unary(vm: &mut Vm, v: &Value, op: UnaryOp) -> PyResult<Value> {
    match vm.call_dunder(v, op.dunder(), &[])? {
        Some(r) => Ok(r),
        None => Ok(Value::Obj(vm.not_implemented.clone())),
    }
}

fn slot_int(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    required(vm, v, "__int__", &[])
}

fn slot_float(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    required(vm, v, "__float__", &[])
}

fn slot_index(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    required(vm, v, "__index__", &[])
}

/// CPython's SLOT1BINFULL: `a` is the left operand when its type uses this wrapper;
/// `b`'s reflected method runs first if its type is a proper subclass of `a`'s.
fn slot_binary(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    let (name, rname, _) = op.dunders();
    let ta = vm.type_of(a);
    let tb = vm.type_of(b);
    let this = slot_binary as crate::object::BinaryFn as usize;
    let a_uses = ta.as_type().and_then(|t| t.slots().binary).is_some_and(|f| f as usize == this);
    let b_uses = tb.as_type().and_then(|t| t.slots().binary).is_some_and(|f| f as usize == this);
    let mut do_other = !ta.is(&tb) && b_uses;
    if a_uses {
        if do_other && vm.is_subtype(&tb, &ta) && has_attr(vm, &tb, rname) {
            if let Some(r) = vm.call_dunder(b, rname, std::slice::from_ref(a))? {
                if !vm.is_not_implemented(&r) {
                    return Ok(r);
                }
            }
            do_other = false;
        }
        if let Some(r) = vm.call_dunder(a, name, std::slice::from_ref(b))? {
            if !vm.is_not_implemented(&r) || ta.is(&tb) {
                return Ok(r);
            }
        }
    }
    if do_other || (!a_uses && b_uses) {
        if let Some(r) = vm.call_dunder(b, rname, std::slice::from_ref(a))? {
            return Ok(r);
        }
    }
    Ok(Value::Obj(vm.not_implemented.clone()))
}

fn has_attr(vm: &mut Vm, ty: &PyRef, name: &str) -> bool {
    let k = vm.intern(name);
    vm.lookup_type_attr(ty, &k).is_some()
}

fn slot_inplace(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    let (_, _, iname) = op.dunders();
    match vm.call_dunder(a, iname, std::slice::from_ref(b))? {
        Some(r) => Ok(r),
        None => Ok(Value::Obj(vm.not_implemented.clone())),
    }
}

impl Vm {
    /// Whether `v` is a native (Rust) function or method.
    pub fn is_native_function(&self, v: &Value) -> bool {
        matches!(v, Value::Obj(o) if matches!(o.payload, crate::object::Payload::NativeFunction(_)))
    }
}
