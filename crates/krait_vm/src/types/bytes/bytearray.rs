//! bytearray's own slots and methods: construction in `__init__`, item and slice
//! assignment and deletion, `+=`, `*=`, append, extend, insert, pop, remove, clear, copy,
//! reverse.

use super::construct::{constructor_args, encoded_source, fromhex, from_object};
use super::{buffer, byte_value, data, new_bytearray, repeat_bytes};
use crate::object::{Args, BinOp, Payload, PyObject, PyRef, Value};
use crate::types::methods::{method, MethodDef, MethodKind};
use crate::types::seq_common::repeat_count;
use crate::types::slice::{index_exact, normalize, slice_indices_with, slice_parts};
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;

const METHODS: &[MethodDef] = &[
    MethodDef { name: "fromhex", sig: "(type, string, /)", func: fromhex, kind: MethodKind::ClassMethod },
    method("append", "(self, item, /)", append),
    method("extend", "(self, iterable_of_ints, /)", extend),
    method("insert", "(self, index, item, /)", insert),
    method("pop", "(self, index=-1, /)", pop),
    method("remove", "(self, value, /)", remove),
    method("clear", "(self, /)", |_, a| {
        if let Some(c) = cell(&a[0]) {
            c.borrow_mut().clear();
        }
        Ok(Value::None)
    }),
    method("copy", "(self, /)", |vm, a| Ok(new_bytearray(vm, data(&a[0])))),
    method("reverse", "(self, /)", |_, a| {
        if let Some(c) = cell(&a[0]) {
            c.borrow_mut().reverse();
        }
        Ok(Value::None)
    }),
];

pub fn init(vm: &mut Vm) {
    let t = vm.types.bytearray.clone();
    if let Some(ty) = t.as_type() {
        let mut s = ty.slots.borrow_mut();
        s.new = Some(bytearray_new);
        s.init = Some(bytearray_init);
        s.setitem = Some(setitem);
        s.inplace = Some(inplace);
        s.nb_ops = crate::object::NbOps::sequence(true, true);
    }
    vm.add_methods(&t, "bytearray", METHODS);
    vm.set_type_attr(&t, "__hash__", Value::None);
}

fn cell(v: &Value) -> Option<&RefCell<Vec<u8>>> {
    match &v.as_obj()?.payload {
        Payload::ByteArray(b) => Some(b),
        _ => None,
    }
}

fn bytearray_new(_vm: &mut Vm, cls: &PyRef, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Obj(PyRef::new(PyObject::new(cls.clone(), Payload::ByteArray(RefCell::new(Vec::new()))))))
}

/// bytearray.__init__(source=?, encoding=?, errors=?) (bytearray___init___impl).
fn bytearray_init(vm: &mut Vm, v: &Value, args: Args<'_>) -> PyResult<()> {
    let [src, encoding, errors] = constructor_args(vm, "bytearray", args)?;
    let new = if src.is_null() {
        if !encoding.is_null() || !errors.is_null() {
            let msg = if encoding.is_null() { "errors without a string argument" } else { "encoding without a string argument" };
            return Err(vm.new_type_error(msg));
        }
        Vec::new()
    } else {
        match encoded_source(vm, &src, &encoding, &errors)? {
            Some(b) => b,
            None => from_object(vm, &src, "bytearray")?,
        }
    };
    if let Some(c) = cell(v) {
        *c.borrow_mut() = new;
    }
    Ok(())
}

fn int_arg_error(vm: &mut Vm, v: &Value) -> crate::vm::PyErr {
    let n = vm.type_name(v);
    vm.new_type_error(format!("'{n}' object cannot be interpreted as an integer"))
}

/// The bytes to store by a slice assignment (bytearray_setslice's conversions).
fn assigned_bytes(vm: &mut Vm, value: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer(value) {
        return Ok(b);
    }
    let numeric = matches!(value, Value::Int(_) | Value::Bool(_) | Value::Float(_))
        || value.as_obj().is_some_and(|o| o.as_str().is_some())
        || vm.type_of(value).as_type().is_some_and(|t| {
            let s = t.slots();
            s.index.is_some() || s.int.is_some() || s.float.is_some()
        });
    if numeric {
        return Err(vm.new_type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)"));
    }
    from_object(vm, value, "bytearray")
}

fn setitem(vm: &mut Vm, v: &Value, key: &Value, value: Value) -> PyResult<()> {
    let Some(c) = cell(v) else { return Ok(()) };
    if slice_parts(key).is_some() {
        let new = if value.is_null() { None } else { Some(assigned_bytes(vm, &value)?) };
        let s = slice_indices_with(vm, key, || c.borrow().len())?;
        let mut d = c.borrow_mut();
        if s.step == 1 {
            let (start, stop) = (s.start as usize, s.stop.max(s.start) as usize);
            d.splice(start..stop, new.unwrap_or_default());
            return Ok(());
        }
        match new {
            None => {
                let mut pos: Vec<usize> = s.positions().collect();
                pos.sort_unstable();
                for p in pos.into_iter().rev() {
                    d.remove(p);
                }
            }
            Some(new) => {
                if new.len() != s.len {
                    drop(d);
                    return Err(vm.new_value_error(format!("attempt to assign bytes of size {} to extended slice of size {}", new.len(), s.len)));
                }
                for (p, b) in s.positions().zip(new) {
                    d[p] = b;
                }
            }
        }
        return Ok(());
    }
    let Some(i) = index_exact(vm, key)? else {
        let n = vm.type_name(key);
        return Err(vm.new_type_error(format!("bytearray indices must be integers or slices, not {n}")));
    };
    let byte = if value.is_null() { None } else { Some(byte_value(vm, &value, "byte")?) };
    let mut d = c.borrow_mut();
    let Some(p) = normalize(i, d.len()) else {
        drop(d);
        return Err(vm.new_index_error("bytearray index out of range"));
    };
    match byte {
        Some(b) => d[p] = b,
        None => {
            d.remove(p);
        }
    }
    Ok(())
}

fn inplace(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    let Some(c) = cell(a) else { return Ok(Value::Obj(vm.not_implemented.clone())) };
    match op {
        BinOp::Add => {
            let Some(extra) = buffer(b) else {
                return Err(crate::types::seq_common::concat_error(vm, a, b));
            };
            c.borrow_mut().extend(extra);
            Ok(a.clone())
        }
        BinOp::Mul => {
            let Some(count) = repeat_count(vm, b)? else { return Ok(Value::Obj(vm.not_implemented.clone())) };
            let out = repeat_bytes(vm, &data(a), count)?;
            *c.borrow_mut() = out;
            Ok(a.clone())
        }
        _ => Ok(Value::Obj(vm.not_implemented.clone())),
    }
}

fn append(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let b = byte_value(vm, &a[1], "byte")?;
    if let Some(c) = cell(&a[0]) {
        c.borrow_mut().push(b);
    }
    Ok(Value::None)
}

fn extend(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let extra = match buffer(&a[1]) {
        Some(b) => b,
        None => {
            let ty = vm.type_of(&a[1]);
            let iterable = ty.as_type().is_some_and(|t| t.slots().iter.is_some() || t.slots().getitem.is_some());
            if !iterable {
                let n = vm.type_name(&a[1]);
                return Err(vm.new_type_error(format!("can't extend bytearray with {n}")));
            }
            vm.length_hint(&a[1], 0)?;
            let items = vm.collect(&a[1])?;
            items.iter().map(|v| byte_value(vm, v, "byte")).collect::<PyResult<Vec<u8>>>()?
        }
    };
    if let Some(c) = cell(&a[0]) {
        c.borrow_mut().extend(extra);
    }
    Ok(Value::None)
}

fn insert(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let Some(i) = index_exact(vm, &a[1])? else { return Err(int_arg_error(vm, &a[1])) };
    let b = byte_value(vm, &a[2], "byte")?;
    if let Some(c) = cell(&a[0]) {
        let mut d = c.borrow_mut();
        let len = d.len() as i64;
        let p = if i < 0 { (i + len).max(0) } else { i.min(len) };
        d.insert(p as usize, b);
    }
    Ok(Value::None)
}

fn pop(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let Some(i) = index_exact(vm, &a[1])? else { return Err(int_arg_error(vm, &a[1])) };
    let Some(c) = cell(&a[0]) else { return Ok(Value::None) };
    let mut d = c.borrow_mut();
    if d.is_empty() {
        drop(d);
        return Err(vm.new_index_error("pop from empty bytearray"));
    }
    match normalize(i, d.len()) {
        Some(p) => Ok(Value::Int(d.remove(p) as i64)),
        None => {
            drop(d);
            Err(vm.new_index_error("pop index out of range"))
        }
    }
}

fn remove(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let b = byte_value(vm, &a[1], "byte")?;
    let Some(c) = cell(&a[0]) else { return Ok(Value::None) };
    let mut d = c.borrow_mut();
    match d.iter().position(|&x| x == b) {
        Some(p) => {
            d.remove(p);
            Ok(Value::None)
        }
        None => {
            drop(d);
            Err(vm.new_value_error("value not found in bytearray"))
        }
    }
}

