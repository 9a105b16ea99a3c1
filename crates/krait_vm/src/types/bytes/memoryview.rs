//! A basic `memoryview` over bytes and bytearray (format 'B', one dimension): length,
//! indexing and slicing (views share the underlying object), item assignment on a
//! bytearray, tobytes, tolist, hex, release and the context manager.

use super::{buffer, byte_value, is_bytearray, with_data};
use crate::object::{Args, CmpOp, Payload, PyRef, Slots, Value};
use crate::types::methods::method;
use crate::types::slice::{index_exact, normalize, slice_indices, slice_parts};
use crate::vm::{PyErr, PyResult, Vm};
use std::cell::{Cell, RefCell};

/// A view of `len` bytes of `obj` starting at `start`, `step` apart.
struct MemoryView {
    /// The exporting object; Null once released.
    obj: RefCell<Value>,
    start: usize,
    step: i64,
    len: usize,
    readonly: bool,
    /// Cached hash (-1 until computed).
    hash: Cell<i64>,
}

impl MemoryView {
    fn positions(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.len).map(move |k| (self.start as i64 + k as i64 * self.step) as usize)
    }

    /// The viewed bytes (empty if the exporter shrank under the view).
    fn bytes(&self) -> Option<Vec<u8>> {
        let obj = self.obj.borrow();
        if obj.is_null() {
            return None;
        }
        with_data(&obj, |d| self.positions().filter_map(|p| d.get(p).copied()).collect())
    }
}

pub fn init(vm: &mut Vm) {
    let slots = Slots {
        new: Some(memoryview_new),
        repr: Some(repr),
        len: Some(|vm, v| Ok(live(vm, v)?.len)),
        getitem: Some(getitem),
        setitem: Some(setitem),
        richcompare: Some(richcompare),
        hash: Some(hash),
        iter: Some(|vm, v| {
            let items = tolist(vm, std::slice::from_ref(v))?;
            vm.iter(&items)
        }),
        ..Slots::default()
    };
    let t = vm.new_builtin_type("memoryview", None, slots, 0);
    vm.add_methods(&t, "memoryview", &[
        method("tobytes", "(self, order=None)", |vm, a| {
            let b = live_bytes(vm, &a[0])?;
            Ok(super::new_bytes(vm, b))
        }),
        method("tolist", "(self, /)", tolist),
        method("hex", "(self, sep=?, bytes_per_sep=1)", |vm, a| {
            let b = live_bytes(vm, &a[0])?;
            let sep = super::methods::hex_sep(vm, &a[1])?;
            let per = crate::types::slice::index_clamped(vm, &a[2])?.unwrap_or(1);
            Ok(vm.new_str(&super::methods::to_hex(&b, sep, per)))
        }),
        method("release", "(self, /)", release),
        method("__enter__", "(self, /)", |vm, a| live(vm, &a[0]).map(|_| a[0].clone())),
        method("__exit__", "(self, *args)", release),
    ]);
    let getters: [(&'static str, crate::types::native::NativeFn); 8] = [
        ("readonly", |vm, a| Ok(Value::Bool(live(vm, &a[0])?.readonly))),
        ("format", |vm, a| live(vm, &a[0]).map(|_| vm.new_str("B"))),
        ("itemsize", |vm, a| live(vm, &a[0]).map(|_| Value::Int(1))),
        ("nbytes", |vm, a| Ok(Value::Int(live(vm, &a[0])?.len as i64))),
        ("ndim", |vm, a| live(vm, &a[0]).map(|_| Value::Int(1))),
        ("obj", |vm, a| Ok(live(vm, &a[0])?.obj.borrow().clone())),
        ("shape", |vm, a| {
            let n = live(vm, &a[0])?.len as i64;
            Ok(vm.new_tuple(vec![Value::Int(n)]))
        }),
        ("strides", |vm, a| {
            let s = live(vm, &a[0])?.step;
            Ok(vm.new_tuple(vec![Value::Int(s)]))
        }),
    ];
    for (name, get) in getters {
        crate::types::int::add_property(vm, &t, "memoryview", name, get);
    }
    let d = vm.builtins_dict.clone();
    let key = Value::Obj(vm.intern("memoryview"));
    let _ = vm.dict_set_item(&d, key, Value::Obj(t));
}

fn view(v: &Value) -> Option<&MemoryView> {
    v.as_obj().and_then(|o| o.native::<MemoryView>())
}

fn released_error(vm: &mut Vm) -> PyErr {
    vm.new_value_error("operation forbidden on released memoryview object")
}

/// The view state, or ValueError when it was released.
fn live<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a MemoryView> {
    match view(v) {
        Some(m) if !m.obj.borrow().is_null() => Ok(m),
        _ => Err(released_error(vm)),
    }
}

fn live_bytes(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    live(vm, v)?.bytes().ok_or_else(|| released_error(vm))
}

/// The bytes seen by a live memoryview (for the buffer protocol of other types).
pub fn view_bytes(v: &Value) -> Option<Vec<u8>> {
    view(v)?.bytes()
}

fn new_view(vm: &mut Vm, ty: &PyRef, obj: Value, start: usize, step: i64, len: usize) -> Value {
    let readonly = !is_bytearray(&obj);
    let m = MemoryView { obj: RefCell::new(obj), start, step, len, readonly, hash: Cell::new(-1) };
    vm.wrap(Payload::Native(Box::new(m)), ty)
}

/// memoryview(object).
fn memoryview_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    let sig = crate::types::native::Signature::cached("(object)");
    let b = crate::types::native::bind(vm, &sig, "memoryview", args)?;
    let obj = b.as_slice()[0].clone();
    if let Some(m) = view(&obj) {
        let inner = live(vm, &obj)?.obj.borrow().clone();
        return Ok(new_view(vm, cls, inner, m.start, m.step, m.len));
    }
    match with_data(&obj, |d| d.len()) {
        Some(len) => Ok(new_view(vm, cls, obj, 0, 1, len)),
        None => {
            let n = vm.type_name(&obj);
            Err(vm.new_type_error(format!("memoryview: a bytes-like object is required, not '{n}'")))
        }
    }
}

fn repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let released = view(v).is_none_or(|m| m.obj.borrow().is_null());
    let addr = v.as_obj().map(|o| o.addr()).unwrap_or(0);
    let text = if released { format!("<released memory at {addr:#x}>") } else { format!("<memory at {addr:#x}>") };
    Ok(vm.new_str(&text))
}

fn getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let m = live(vm, v)?;
    if slice_parts(key).is_some() {
        let s = slice_indices(vm, key, m.len)?;
        let start = if s.len == 0 { m.start } else { (m.start as i64 + s.start * m.step) as usize };
        let obj = m.obj.borrow().clone();
        let ty = vm.type_of(v);
        return Ok(new_view(vm, &ty, obj, start, s.step * m.step, s.len));
    }
    let Some(i) = index_exact(vm, key)? else {
        return Err(vm.new_type_error("memoryview: invalid slice key"));
    };
    let Some(p) = normalize(i, m.len) else { return Err(vm.new_index_error("index out of bounds on dimension 1")) };
    let b = m.bytes().and_then(|d| d.get(p).copied()).unwrap_or(0);
    Ok(Value::Int(b as i64))
}

fn setitem(vm: &mut Vm, v: &Value, key: &Value, value: Value) -> PyResult<()> {
    let m = live(vm, v)?;
    if m.readonly {
        return Err(vm.new_type_error("cannot modify read-only memory"));
    }
    if value.is_null() {
        return Err(vm.new_type_error("cannot delete memory"));
    }
    let targets: Vec<usize> = if slice_parts(key).is_some() {
        let s = slice_indices(vm, key, m.len)?;
        let all: Vec<usize> = m.positions().collect();
        s.positions().filter_map(|p| all.get(p).copied()).collect()
    } else {
        let Some(i) = index_exact(vm, key)? else { return Err(vm.new_type_error("memoryview: invalid slice key")) };
        let Some(p) = normalize(i, m.len) else { return Err(vm.new_index_error("index out of bounds on dimension 1")) };
        vec![m.start + (p as i64 * m.step) as usize]
    };
    let new = if slice_parts(key).is_some() {
        let b = super::buffer_arg(vm, &value)?;
        if b.len() != targets.len() {
            return Err(vm.new_value_error("memoryview assignment: lvalue and rvalue have different structures"));
        }
        b
    } else {
        let Some(b) = crate::types::int::int_arg(&value).map(|_| byte_value(vm, &value, "memoryview: invalid value for format 'B'")) else {
            return Err(vm.new_type_error("memoryview: invalid type for format 'B'"));
        };
        vec![b.map_err(|_| vm.new_value_error("memoryview: invalid value for format 'B'"))?]
    };
    let obj = m.obj.borrow().clone();
    if let Some(Payload::ByteArray(c)) = obj.as_obj().map(|o| &o.payload) {
        let mut d = c.borrow_mut();
        for (p, b) in targets.into_iter().zip(new) {
            if let Some(x) = d.get_mut(p) {
                *x = b;
            }
        }
    }
    Ok(())
}

fn richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(Value::Obj(vm.not_implemented.clone()));
    }
    let eq = if a.is(b) {
        true
    } else {
        let (x, y) = (view(a).and_then(MemoryView::bytes), buffer(b));
        match (x, y) {
            (Some(x), Some(y)) => x == y,
            _ if view(a).is_some_and(|m| m.obj.borrow().is_null()) || view(b).is_some_and(|m| m.obj.borrow().is_null()) => false,
            _ => return Ok(Value::Obj(vm.not_implemented.clone())),
        }
    };
    Ok(Value::Bool(eq == (op == CmpOp::Eq)))
}

fn hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let m = live(vm, v)?;
    if m.hash.get() != -1 {
        return Ok(m.hash.get());
    }
    if !m.readonly {
        return Err(vm.new_value_error("cannot hash writable memoryview object"));
    }
    let h = crate::object::hash::hash_bytes(vm.hash_key, &m.bytes().unwrap_or_default());
    m.hash.set(h);
    Ok(h)
}

fn tolist(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let b = live_bytes(vm, &a[0])?;
    Ok(vm.new_list(b.into_iter().map(|x| Value::Int(x as i64)).collect()))
}

fn release(_vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    if let Some(m) = view(&a[0]) {
        let old = std::mem::replace(&mut *m.obj.borrow_mut(), Value::Null);
        drop(old);
    }
    Ok(Value::None)
}
