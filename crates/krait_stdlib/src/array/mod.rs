//! The `array` module: `array.array` (typed arrays of numbers or characters stored as
//! machine values), its iterator, and `_array_reconstructor` for pickling.

mod items;
mod methods;
mod seq;

use crate::util::{expect, get_type, new_module, parse, set, state, wrap};
use items::{decode, encode, is_valid, itemsize};
use krait_vm::object::{Args, PyRef, Slots, TypeFlags, Value};
use krait_vm::types::methods::{method, MethodDef};
use krait_vm::{PyResult, Vm};
use std::cell::RefCell;

/// An array's typecode and its items' bytes in native byte order.
pub struct Array {
    code: u8,
    data: Vec<u8>,
}

impl Array {
    fn itemsize(&self) -> usize {
        itemsize(self.code)
    }

    fn len(&self) -> usize {
        self.data.len() / self.itemsize()
    }

    /// The bytes of item `i` (which must be in range).
    fn item(&self, i: usize) -> &[u8] {
        let n = self.itemsize();
        &self.data[i * n..(i + 1) * n]
    }
}

type Cell = RefCell<Array>;

const KEY: &str = "array.array";

fn st<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a Cell> {
    expect::<Array>(vm, v, KEY)
}

/// The typecode and a copy of the bytes of array `v`.
fn snapshot(vm: &mut Vm, v: &Value) -> PyResult<(u8, Vec<u8>)> {
    let a = st(vm, v)?.borrow();
    Ok((a.code, a.data.clone()))
}

/// The Python values of the items of array `v`.
fn values(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    let (code, data) = snapshot(vm, v)?;
    data.chunks_exact(itemsize(code)).map(|b| decode(vm, code, b)).collect()
}

/// Encode each value of `vals` as an item of `code`.
fn encode_all(vm: &mut Vm, code: u8, vals: &[Value]) -> PyResult<Vec<u8>> {
    let n = itemsize(code);
    let mut out = vec![0u8; vals.len() * n];
    for (v, slot) in vals.iter().zip(out.chunks_exact_mut(n)) {
        encode(vm, code, v, slot)?;
    }
    Ok(out)
}

/// A new array of class `cls`.
fn new_array(vm: &mut Vm, cls: &PyRef, code: u8, data: Vec<u8>) -> Value {
    wrap(vm, cls, Array { code, data })
}

/// A new exact `array.array`.
fn new_exact(vm: &mut Vm, code: u8, data: Vec<u8>) -> PyResult<Value> {
    let t = get_type(vm, KEY)?;
    Ok(new_array(vm, &t, code, data))
}

pub fn make_module(vm: &mut Vm) -> PyRef {
    let (m, d) = new_module(vm, "array", FUNCTIONS);
    let slots = Slots {
        new: Some(array_new),
        repr: Some(seq::repr),
        richcompare: Some(seq::richcompare),
        binary: Some(seq::binary),
        inplace: Some(seq::inplace),
        nb_ops: krait_vm::object::NbOps::sequence(false, true),
        len: Some(|vm, v| Ok(st(vm, v)?.borrow().len())),
        iter: Some(seq::new_iter),
        getitem: Some(seq::getitem),
        setitem: Some(seq::setitem),
        contains: Some(seq::contains),
        buffer: Some(|v| state::<Array>(v).map(|a| a.borrow().data.clone())),
        ..Slots::default()
    };
    let t = crate::util::new_type(vm, "array", KEY, None, slots, TypeFlags::BASETYPE | TypeFlags::SEQUENCE, methods::METHODS);
    vm.set_type_attr(&t, "__hash__", Value::None);
    krait_vm::types::int::add_property(vm, &t, "array", "typecode", |vm, a| {
        let c = st(vm, &a[0])?.borrow().code;
        Ok(vm.new_str(&char::from(c).to_string()))
    });
    krait_vm::types::int::add_property(vm, &t, "array", "itemsize", |vm, a| Ok(Value::Int(st(vm, &a[0])?.borrow().itemsize() as i64)));
    seq::init_iter_type(vm);
    register_mutable_sequence(vm, &t);
    set(vm, &d, "array", Value::Obj(t.clone()));
    set(vm, &d, "ArrayType", Value::Obj(t));
    let codes = vm.new_str(items::TYPECODES);
    set(vm, &d, "typecodes", codes);
    m
}

/// `collections.abc.MutableSequence.register(array)`, as CPython's module init does
/// (left out if collections.abc cannot be imported).
fn register_mutable_sequence(vm: &mut Vm, t: &PyRef) {
    let Ok(abc) = krait_vm::import::import_absolute(vm, "collections.abc") else { return };
    if let Ok(ms) = vm.get_attr_str(&Value::Obj(abc), "MutableSequence") {
        let _ = vm.call_method(&ms, "register", &[Value::Obj(t.clone())]);
    }
}

const FUNCTIONS: &[MethodDef] = &[method("_array_reconstructor", "(arraytype, typecode, mformat_code, items, /)", methods::reconstructor)];

/// The typecode argument of array(): one character naming a valid typecode.
fn typecode_arg(vm: &mut Vm, v: &Value, what: &str) -> PyResult<u8> {
    let s = v.as_obj().and_then(|o| o.as_str()).map(|s| s.as_str().to_string());
    let c = s.as_deref().and_then(|s| {
        let mut it = s.chars();
        it.next().filter(|_| it.next().is_none())
    });
    let Some(c) = c else {
        let n = vm.type_name(v);
        return Err(vm.new_type_error(format!("{what} must be a unicode character, not {n}")));
    };
    if c.is_ascii() && is_valid(c as u8) {
        Ok(c as u8)
    } else {
        Err(vm.new_value_error("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)"))
    }
}

/// array_new: array(typecode, initializer=None, /).
fn array_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    let exact = get_type(vm, KEY)?;
    if cls.is(&exact) {
        crate::util::no_keywords(vm, "array.array", args)?;
    }
    let a = parse(vm, "(typecode, initializer=?, /)", "array", Args::positional(args.pos()))?;
    let code = typecode_arg(vm, &a[0], "array() argument 1")?;
    let init = &a[1];
    let data = if init.is_null() {
        Vec::new()
    } else if let Some(s) = init.as_obj().and_then(|o| o.as_str()) {
        if code != b'u' {
            return Err(vm.new_type_error(format!("cannot use a str to initialize an array with typecode '{}'", char::from(code))));
        }
        s.as_str().chars().flat_map(|c| (c as u32).to_ne_bytes()).collect()
    } else if let Some(other) = state::<Array>(init) {
        let (ocode, odata) = {
            let o = other.borrow();
            (o.code, o.data.clone())
        };
        if ocode == code {
            odata
        } else if ocode == b'u' {
            return Err(vm.new_type_error(format!("cannot use a unicode array to initialize an array with typecode '{}'", char::from(code))));
        } else {
            let vals = values(vm, init)?;
            encode_all(vm, code, &vals)?
        }
    } else if let Some(b) = crate::util::bytes_of(init) {
        if !b.len().is_multiple_of(itemsize(code)) {
            return Err(vm.new_value_error("bytes length not a multiple of item size"));
        }
        b
    } else {
        let vals = collect(vm, init)?;
        encode_all(vm, code, &vals)?
    };
    Ok(new_array(vm, cls, code, data))
}

/// The items of an iterable.
fn collect(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    if let Some(l) = v.as_obj().and_then(|o| o.as_list()) {
        return Ok(l.borrow().clone());
    }
    let it = vm.iter(v)?;
    let mut out = Vec::new();
    while let Some(x) = vm.next(&it)? {
        out.push(x);
    }
    Ok(out)
}
