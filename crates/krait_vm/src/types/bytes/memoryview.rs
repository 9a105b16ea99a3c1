//! A basic one-dimensional `memoryview` over bytes and bytearray: length, indexing and
//! slicing (views share the underlying object), item assignment on a bytearray, `cast`
//! to the native fixed-size struct formats, tobytes, tolist, hex, release and the
//! context manager.

use super::{buffer, is_bytearray, with_data};
use crate::object::{Args, CmpOp, Payload, PyRef, Slots, Value};
use crate::types::methods::method;
use crate::types::slice::{index_exact, normalize, slice_indices, slice_parts};
use crate::vm::{PyErr, PyResult, Vm};
use std::cell::{Cell, RefCell};

/// A view of `len` items of format `fmt` in `obj`, the first at byte `start`, each
/// `step` bytes after the previous.
struct MemoryView {
    /// The exporting object; Null once released.
    obj: RefCell<Value>,
    start: usize,
    step: i64,
    len: usize,
    fmt: u8,
    readonly: bool,
    /// Cached hash (-1 until computed).
    hash: Cell<i64>,
}

impl MemoryView {
    /// The byte offset of each item.
    fn positions(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.len).map(move |k| (self.start as i64 + k as i64 * self.step) as usize)
    }

    fn itemsize(&self) -> usize {
        itemsize(self.fmt).unwrap_or(1)
    }

    /// The viewed bytes (empty if the exporter shrank under the view).
    fn bytes(&self) -> Option<Vec<u8>> {
        let obj = self.obj.borrow();
        if obj.is_null() {
            return None;
        }
        let n = self.itemsize();
        with_data(&obj, |d| self.positions().filter_map(|p| d.get(p..p + n)).flatten().copied().collect())
    }

    /// The bytes of item `k` (None if the exporter shrank under the view).
    fn item(&self, k: usize) -> Option<Vec<u8>> {
        let p = (self.start as i64 + k as i64 * self.step) as usize;
        let n = self.itemsize();
        with_data(&self.obj.borrow(), |d| d.get(p..p + n).map(<[u8]>::to_vec)).flatten()
    }
}

/// The size of one item of a supported struct format (native sizes of an LP64 platform).
fn itemsize(fmt: u8) -> Option<usize> {
    Some(match fmt {
        b'B' | b'b' | b'c' | b'?' => 1,
        b'H' | b'h' => 2,
        b'I' | b'i' | b'f' => 4,
        b'L' | b'l' | b'Q' | b'q' | b'd' | b'N' | b'n' | b'P' => 8,
        _ => return None,
    })
}

/// One item's Python value from its native-order bytes (unpack_single in memoryobject.c).
fn unpack(vm: &mut Vm, fmt: u8, b: &[u8]) -> Value {
    let arr = |n: usize| -> [u8; 8] {
        let mut a = [0u8; 8];
        let src = b.get(..n).unwrap_or(&[]);
        if cfg!(target_endian = "little") {
            a[..src.len()].copy_from_slice(src);
        } else {
            a[8 - src.len()..].copy_from_slice(src);
        }
        a
    };
    let u = |n| u64::from_ne_bytes(arr(n));
    // Sign-extend an n-byte value.
    let s = |n: usize| ((u(n) << (64 - 8 * n)) as i64) >> (64 - 8 * n);
    match fmt {
        b'c' => super::new_bytes(vm, b.get(..1).unwrap_or(&[]).to_vec()),
        b'?' => Value::Bool(u(1) != 0),
        b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => Value::Int(s(itemsize(fmt).unwrap_or(1))),
        b'f' => Value::Float(f32::from_bits(u(4) as u32) as f64),
        b'd' => Value::Float(f64::from_bits(u(8))),
        _ => {
            let v = u(itemsize(fmt).unwrap_or(1));
            match i64::try_from(v) {
                Ok(i) => Value::Int(i),
                Err(_) => vm.new_bigint(v.into()),
            }
        }
    }
}

/// The native-order bytes of `value` as one item of format `fmt` (pack_single).
fn pack(vm: &mut Vm, fmt: u8, value: &Value) -> PyResult<Vec<u8>> {
    let f = fmt as char;
    let n = itemsize(fmt).unwrap_or(1);
    let invalid_type = |vm: &mut Vm| vm.new_type_error(format!("memoryview: invalid type for format '{f}'"));
    let invalid_value = |vm: &mut Vm| vm.new_value_error(format!("memoryview: invalid value for format '{f}'"));
    let ne = |bytes: [u8; 8]| -> Vec<u8> {
        if cfg!(target_endian = "little") { bytes[..n].to_vec() } else { bytes[8 - n..].to_vec() }
    };
    match fmt {
        b'c' => match with_data(value, <[u8]>::to_vec) {
            Some(b) if b.len() == 1 && !is_bytearray(value) => Ok(b),
            Some(_) => Err(invalid_value(vm)),
            None => Err(invalid_type(vm)),
        },
        b'f' | b'd' => {
            let x = match crate::types::float::float_arg(value) {
                Some(x) => x,
                None => match crate::types::int::int_arg(value) {
                    Some(i) => crate::types::int::int_to_f64(vm, i)?,
                    None => return Err(invalid_type(vm)),
                },
            };
            Ok(if fmt == b'f' { (x as f32).to_ne_bytes().to_vec() } else { x.to_ne_bytes().to_vec() })
        }
        b'?' => Ok(vec![vm.is_true(value)? as u8]),
        _ => {
            let Some(i) = crate::types::int::int_arg(value) else { return Err(invalid_type(vm)) };
            let big = i.to_bigint();
            let bits = 8 * n as u32;
            let signed = fmt.is_ascii_lowercase();
            use num_traits::ToPrimitive;
            let fits = if signed {
                big.to_i64().is_some_and(|x| bits == 64 || (x >> (bits - 1)) == 0 || (x >> (bits - 1)) == -1)
            } else {
                big.to_u64().is_some_and(|x| bits == 64 || x >> bits == 0)
            };
            if !fits {
                return Err(invalid_value(vm));
            }
            let raw = if signed { big.to_i64().unwrap_or(0) as u64 } else { big.to_u64().unwrap_or(0) };
            Ok(ne(raw.to_ne_bytes()))
        }
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
        method("cast", "(self, /, format, shape=?)", cast),
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
        ("format", |vm, a| {
            let f = live(vm, &a[0])?.fmt as char;
            Ok(vm.new_str(&f.to_string()))
        }),
        ("itemsize", |vm, a| Ok(Value::Int(live(vm, &a[0])?.itemsize() as i64))),
        ("nbytes", |vm, a| {
            let m = live(vm, &a[0])?;
            Ok(Value::Int((m.len * m.itemsize()) as i64))
        }),
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

fn new_view(vm: &mut Vm, ty: &PyRef, obj: Value, start: usize, step: i64, len: usize, fmt: u8) -> Value {
    let readonly = !is_bytearray(&obj);
    let m = MemoryView { obj: RefCell::new(obj), start, step, len, fmt, readonly, hash: Cell::new(-1) };
    vm.wrap(Payload::Native(Box::new(m)), ty)
}

/// memoryview(object).
fn memoryview_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    let sig = crate::types::native::Signature::cached("(object)");
    let b = crate::types::native::bind(vm, &sig, "memoryview", args)?;
    let obj = b.as_slice()[0].clone();
    if let Some(m) = view(&obj) {
        let inner = live(vm, &obj)?.obj.borrow().clone();
        return Ok(new_view(vm, cls, inner, m.start, m.step, m.len, m.fmt));
    }
    match with_data(&obj, |d| d.len()) {
        Some(len) => Ok(new_view(vm, cls, obj, 0, 1, len, b'B')),
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
        return Ok(new_view(vm, &ty, obj, start, s.step * m.step, s.len, m.fmt));
    }
    let Some(i) = index_exact(vm, key)? else {
        return Err(vm.new_type_error("memoryview: invalid slice key"));
    };
    let Some(p) = normalize(i, m.len) else { return Err(vm.new_index_error("index out of bounds on dimension 1")) };
    let b = m.item(p).unwrap_or_default();
    Ok(unpack(vm, m.fmt, &b))
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
    let n = m.itemsize();
    let new = if slice_parts(key).is_some() {
        let b = match view(&value) {
            Some(src) if src.fmt != m.fmt => None,
            _ => Some(super::buffer_arg(vm, &value)?),
        };
        match b {
            Some(b) if b.len() == targets.len() * n => b,
            _ => return Err(vm.new_value_error("memoryview assignment: lvalue and rvalue have different structures")),
        }
    } else {
        pack(vm, m.fmt, &value)?
    };
    let obj = m.obj.borrow().clone();
    if let Some(Payload::ByteArray(c)) = obj.as_obj().map(|o| &o.payload) {
        let mut d = c.borrow_mut();
        for (p, item) in targets.into_iter().zip(new.chunks(n)) {
            if let Some(x) = d.get_mut(p..p + n) {
                x.copy_from_slice(item);
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
    if !matches!(m.fmt, b'B' | b'b' | b'c') {
        return Err(vm.new_value_error("memoryview: hashing is restricted to formats 'B', 'b' or 'c'"));
    }
    let h = crate::object::hash::hash_bytes(vm.hash_key, &m.bytes().unwrap_or_default());
    m.hash.set(h);
    Ok(h)
}

fn tolist(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let b = live_bytes(vm, &a[0])?;
    let fmt = live(vm, &a[0])?.fmt;
    let n = itemsize(fmt).unwrap_or(1);
    let items = b.chunks(n).map(|c| unpack(vm, fmt, c)).collect();
    Ok(vm.new_list(items))
}

/// memoryview.cast(format[, shape]): reinterpret a C-contiguous view as items of another
/// format, one of which must be a byte format (one dimension only).
fn cast(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let m = live(vm, &a[0])?;
    let Some(f) = a[1].as_obj().and_then(|o| o.as_str()).map(|s| s.as_str().to_string()) else {
        return Err(vm.new_type_error("memoryview: format argument must be a string"));
    };
    let f = f.strip_prefix('@').unwrap_or(&f);
    let fmt = match f.as_bytes() {
        [c] if itemsize(*c).is_some() => *c,
        _ => return Err(vm.new_value_error("memoryview: destination format must be a native single character format prefixed with an optional '@'")),
    };
    if m.step != m.itemsize() as i64 {
        return Err(vm.new_type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    let byte_fmt = |c: u8| matches!(c, b'B' | b'b' | b'c');
    if !byte_fmt(m.fmt) && !byte_fmt(fmt) {
        return Err(vm.new_type_error("memoryview: cannot cast between two non-byte formats"));
    }
    let nbytes = m.len * m.itemsize();
    let size = itemsize(fmt).unwrap_or(1);
    if nbytes % size != 0 {
        return Err(vm.new_type_error("memoryview: length is not a multiple of itemsize"));
    }
    let len = nbytes / size;
    if !a[2].is_null() {
        let dims = vm.collect(&a[2])?;
        let [d] = dims.as_slice() else {
            return Err(vm.new_value_error("memoryview: multi-dimensional casts are not supported"));
        };
        if crate::types::int::int_arg(d).map(|i| i.to_bigint()) != Some(len.into()) {
            return Err(vm.new_type_error("memoryview: product(shape) * itemsize != buffer size"));
        }
    }
    let (obj, start) = (m.obj.borrow().clone(), m.start);
    let ty = vm.type_of(&a[0]);
    Ok(new_view(vm, &ty, obj, start, size as i64, len, fmt))
}

fn release(_vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    if let Some(m) = view(&a[0]) {
        let old = std::mem::replace(&mut *m.obj.borrow_mut(), Value::Null);
        drop(old);
    }
    Ok(Value::None)
}
