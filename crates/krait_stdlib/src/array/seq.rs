//! array.array's protocol slots: repr, comparison, concatenation and repetition,
//! indexing and slicing (get, set, delete), `in`, and the array iterator.

use super::{new_exact, snapshot, st, values, Array};
use crate::util::{get_type, state, wrap};
use items::{decode, encode, itemsize};
use krait_vm::object::{BinOp, CmpOp, Slots, Value};
use krait_vm::types::methods::{method, MethodDef};
use krait_vm::types::seq_common::repeat_count;
use krait_vm::types::slice::{index_exact, normalize, slice_indices, slice_parts, SliceIdx};
use krait_vm::{PyResult, Vm};

use super::items;

/// array_repr: `array('i')`, `array('i', [1, 2])`, `array('u', 'ab')`.
pub fn repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let (code, data) = snapshot(vm, v)?;
    let name = vm.short_type_name(v);
    let c = char::from(code);
    if data.is_empty() {
        return Ok(vm.new_str(&format!("{name}('{c}')")));
    }
    let inner = if code == b'u' {
        let s = super::methods::unicode_of(vm, &data)?;
        let sv = vm.new_str(&s);
        vm.repr(&sv)?
    } else {
        let vals = values(vm, v)?;
        let l = vm.new_list(vals);
        vm.repr(&l)?
    };
    let inner = inner.as_str().map(|s| s.as_str().to_string()).unwrap_or_default();
    Ok(vm.new_str(&format!("{name}('{c}', {inner})")))
}

/// Item equality as PyObject_RichCompareBool on freshly made items (a NaN item is
/// never equal to anything).
pub fn item_eq(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    if let (Value::Float(x), Value::Float(y)) = (a, b) {
        return Ok(x == y);
    }
    if let Value::Float(x) = a {
        if x.is_nan() {
            return Ok(false);
        }
    }
    vm.eq(a, b)
}

/// array_richcompare: arrays compare item by item, then by length.
pub fn richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    if state::<Array>(a).is_none() || state::<Array>(b).is_none() {
        return Ok(Value::Obj(vm.not_implemented.clone()));
    }
    let x = values(vm, a)?;
    let y = values(vm, b)?;
    if x.len() != y.len() && matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(Value::Bool(op == CmpOp::Ne));
    }
    for (p, q) in x.iter().zip(&y) {
        if !item_eq(vm, p, q)? {
            return match op {
                CmpOp::Eq => Ok(Value::Bool(false)),
                CmpOp::Ne => Ok(Value::Bool(true)),
                _ => vm.rich_compare(p, q, op),
            };
        }
    }
    let r = match op {
        CmpOp::Lt => x.len() < y.len(),
        CmpOp::Le => x.len() <= y.len(),
        CmpOp::Eq => x.len() == y.len(),
        CmpOp::Ne => x.len() != y.len(),
        CmpOp::Gt => x.len() > y.len(),
        CmpOp::Ge => x.len() >= y.len(),
    };
    Ok(Value::Bool(r))
}

/// `data` repeated `n` times, or MemoryError when that is too large.
fn repeated(vm: &mut Vm, data: &[u8], n: usize) -> PyResult<Vec<u8>> {
    match data.len().checked_mul(n) {
        Some(total) if total <= isize::MAX as usize / 2 => Ok(data.repeat(n)),
        _ => Err(vm.new_memory_error("")),
    }
}

/// array_concat (`a + b`) and array_repeat (`a * n`, `n * a`).
pub fn binary(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    match op {
        BinOp::Add if state::<Array>(a).is_some() => {
            let Some(other) = state::<Array>(b) else {
                let n = vm.type_name(b);
                return Err(vm.new_type_error(format!("can only append array (not \"{n}\") to array")));
            };
            let (code, mut data) = snapshot(vm, a)?;
            let o = other.borrow();
            if o.code != code {
                drop(o);
                return Err(vm.new_type_error("bad argument type for built-in operation"));
            }
            data.extend_from_slice(&o.data);
            drop(o);
            new_exact(vm, code, data)
        }
        BinOp::Mul => {
            let (arr, n) = if state::<Array>(a).is_some() { (a, b) } else { (b, a) };
            let Some(n) = repeat_count(vm, n)? else { return Ok(Value::Obj(vm.not_implemented.clone())) };
            let (code, data) = snapshot(vm, arr)?;
            let data = repeated(vm, &data, n)?;
            new_exact(vm, code, data)
        }
        _ => Ok(Value::Obj(vm.not_implemented.clone())),
    }
}

/// array_inplace_concat (`a += b`) and array_inplace_repeat (`a *= n`).
pub fn inplace(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    match op {
        BinOp::Add => {
            if state::<Array>(b).is_none() {
                let n = vm.type_name(b);
                return Err(vm.new_type_error(format!("can only extend array with array (not \"{n}\")")));
            }
            super::methods::extend(vm, a, b)?;
            Ok(a.clone())
        }
        BinOp::Mul => {
            let Some(n) = repeat_count(vm, b)? else { return Ok(Value::Obj(vm.not_implemented.clone())) };
            let data = st(vm, a)?.borrow().data.clone();
            let data = repeated(vm, &data, n)?;
            st(vm, a)?.borrow_mut().data = data;
            Ok(a.clone())
        }
        _ => Ok(Value::Obj(vm.not_implemented.clone())),
    }
}

/// An item index of `a[key]`, or the TypeError for a non-integer key.
fn item_index(vm: &mut Vm, key: &Value) -> PyResult<i64> {
    match index_exact(vm, key)? {
        Some(i) => Ok(i),
        None => Err(vm.new_type_error("array indices must be integers")),
    }
}

/// A slice of array `v` resolved against its length after the bounds' `__index__`
/// methods ran (they may resize it).
fn array_slice(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<SliceIdx> {
    let len = st(vm, v)?.borrow().len();
    let s = slice_indices(vm, key, len)?;
    if st(vm, v)?.borrow().len() == len {
        return Ok(s);
    }
    let len = st(vm, v)?.borrow().len();
    let s = slice_indices(vm, key, len)?;
    if st(vm, v)?.borrow().len() != len {
        return Err(vm.new_runtime_error("array changed size during slicing"));
    }
    Ok(s)
}

/// array_subscr: an item, or a new array for a slice.
pub fn getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    if slice_parts(key).is_some() {
        let s = array_slice(vm, v, key)?;
        let (code, data) = {
            let a = st(vm, v)?.borrow();
            let n = a.itemsize();
            let data: Vec<u8> = if s.step == 1 {
                a.data[s.start as usize * n..(s.start as usize + s.len) * n].to_vec()
            } else {
                s.positions().flat_map(|p| a.item(p).to_vec()).collect()
            };
            (a.code, data)
        };
        return new_exact(vm, code, data);
    }
    let i = item_index(vm, key)?;
    let len = st(vm, v)?.borrow().len();
    let Some(p) = normalize(i, len) else { return Err(vm.new_index_error("array index out of range")) };
    let a = st(vm, v)?.borrow();
    let (code, b) = (a.code, a.item(p).to_vec());
    drop(a);
    decode(vm, code, &b)
}

/// array_ass_subscr: `a[i] = x`, `a[i:j] = array`, `del a[i]`, `del a[i:j:k]`.
pub fn setitem(vm: &mut Vm, v: &Value, key: &Value, value: Value) -> PyResult<()> {
    let code = st(vm, v)?.borrow().code;
    let n = itemsize(code);
    if slice_parts(key).is_none() {
        let i = item_index(vm, key)?;
        let mut buf = vec![0u8; n];
        if !value.is_null() {
            encode(vm, code, &value, &mut buf)?;
        }
        // Read the length last: __index__ and the item's conversion may resize the array.
        let mut a = st(vm, v)?.borrow_mut();
        let Some(p) = normalize(i, a.len()) else {
            drop(a);
            return Err(vm.new_index_error("array assignment index out of range"));
        };
        if value.is_null() {
            a.data.drain(p * n..(p + 1) * n);
        } else {
            a.data[p * n..(p + 1) * n].copy_from_slice(&buf);
        }
        return Ok(());
    }
    let s = array_slice(vm, v, key)?;
    let len = st(vm, v)?.borrow().len();
    let new: Vec<u8> = if value.is_null() {
        Vec::new()
    } else {
        let Some(other) = state::<Array>(&value) else {
            let t = vm.type_name(&value);
            return Err(vm.new_type_error(format!("can only assign array (not \"{t}\") to array slice")));
        };
        let o = other.borrow();
        if o.code != code {
            drop(o);
            return Err(vm.new_type_error("bad argument type for built-in operation"));
        }
        o.data.clone()
    };
    let mut a = st(vm, v)?.borrow_mut();
    if s.step == 1 {
        let start = s.start as usize;
        let stop = start + s.len;
        a.data.splice(start * n..stop * n, new);
        return Ok(());
    }
    if value.is_null() {
        let mut drop_at = vec![false; len];
        for p in s.positions() {
            drop_at[p] = true;
        }
        let kept: Vec<u8> = (0..len).filter(|&i| !drop_at[i]).flat_map(|i| a.item(i).to_vec()).collect();
        a.data = kept;
        return Ok(());
    }
    if new.len() / n != s.len {
        drop(a);
        return Err(vm.new_value_error(format!("attempt to assign array of size {} to extended slice of size {}", new.len() / n, s.len)));
    }
    for (k, p) in s.positions().enumerate() {
        a.data[p * n..(p + 1) * n].copy_from_slice(&new[k * n..(k + 1) * n]);
    }
    Ok(())
}

/// array_contains
pub fn contains(vm: &mut Vm, v: &Value, x: &Value) -> PyResult<bool> {
    for item in values(vm, v)? {
        if item_eq(vm, &item, x)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The state of an array iterator; `array` is None once exhausted.
struct ArrayIter {
    array: Option<Value>,
    index: usize,
}

const ITER_KEY: &str = "array.arrayiterator";

/// Create the `arrayiterator` type.
pub fn init_iter_type(vm: &mut Vm) {
    let slots = Slots { iter: Some(|_, v| Ok(v.clone())), next: Some(iter_next), ..Slots::default() };
    crate::util::new_type(vm, "array", ITER_KEY, None, slots, 0, ITER_METHODS);
}

const ITER_METHODS: &[MethodDef] = &[method("__reduce__", "(self, /)", iter_reduce), method("__setstate__", "(self, state, /)", iter_setstate)];

pub fn new_iter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    st(vm, v)?;
    let ty = get_type(vm, ITER_KEY)?;
    Ok(wrap(vm, &ty, ArrayIter { array: Some(v.clone()), index: 0 }))
}

fn iter_state<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a std::cell::RefCell<ArrayIter>> {
    crate::util::expect::<ArrayIter>(vm, v, ITER_KEY)
}

/// arrayiter_next
fn iter_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let it = iter_state(vm, v)?;
    let (array, index) = {
        let s = it.borrow();
        match &s.array {
            Some(a) => (a.clone(), s.index),
            None => return Ok(None),
        }
    };
    let item = {
        let a = st(vm, &array)?.borrow();
        (index < a.len()).then(|| (a.code, a.item(index).to_vec()))
    };
    match item {
        Some((code, b)) => {
            it.borrow_mut().index = index + 1;
            decode(vm, code, &b).map(Some)
        }
        None => {
            // Dropped after the borrow ends: the array's finaliser may use this iterator.
            let old = it.borrow_mut().array.take();
            drop(old);
            Ok(None)
        }
    }
}

/// arrayiter_reduce: `(iter, (array,), index)`, or `(iter, ((),))` once exhausted.
fn iter_reduce(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (array, index) = {
        let s = iter_state(vm, &a[0])?.borrow();
        (s.array.clone(), s.index)
    };
    let builtins = Value::Obj(vm.builtins_dict.clone());
    let key = Value::Obj(vm.intern("iter"));
    let iter = vm.get_item(&builtins, &key)?;
    Ok(match array {
        Some(arr) => {
            let args = vm.new_tuple(vec![arr]);
            vm.new_tuple(vec![iter, args, Value::Int(index as i64)])
        }
        None => {
            let empty = vm.new_tuple(Vec::new());
            let args = vm.new_tuple(vec![empty]);
            vm.new_tuple(vec![iter, args])
        }
    })
}

/// arrayiter_setstate: the next index, clamped to the array's length.
fn iter_setstate(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let i = crate::util::index_i64(vm, &a[1])?.unwrap_or(i64::MAX);
    let it = iter_state(vm, &a[0])?;
    let array = it.borrow().array.clone();
    if let Some(arr) = array {
        let len = st(vm, &arr)?.borrow().len() as i64;
        it.borrow_mut().index = i.clamp(0, len) as usize;
    }
    Ok(Value::None)
}
