//! The `marshal` module (CPython's Python/marshal.c): `dumps`/`loads`/`dump`/`load` and
//! `version`, converting Python values to and from `krait_bytecode::Constant` and using
//! `krait_bytecode::marshal` for the format.

use super::util::{new_module_with, set};
use crate::import::pyc_file::marshal_error;
use crate::interp::code::Code;
use crate::object::{Payload, PyRef, Value};
use crate::types::bytes;
use crate::types::methods::method;
use crate::vm::{PyResult, Vm};
use krait_bytecode::marshal;
use krait_bytecode::Constant;
use num_bigint::BigInt;
use std::rc::Rc;

/// The Python value for a constant (lists, dicts and sets included).
fn to_value(vm: &mut Vm, c: &Constant) -> PyResult<Value> {
    let items = |vm: &mut Vm, xs: &[Constant]| xs.iter().map(|x| to_value(vm, x)).collect::<PyResult<Vec<_>>>();
    match c {
        Constant::List(xs) => {
            let v = items(vm, xs)?;
            Ok(vm.new_list(v))
        }
        Constant::Set(xs) | Constant::FrozenSet(xs) => {
            let v = items(vm, xs)?;
            let l = vm.new_list(v);
            let ty = if matches!(c, Constant::Set(_)) { vm.types.set.clone() } else { vm.types.frozenset.clone() };
            vm.call_positional(&Value::Obj(ty), &[l])
        }
        Constant::Dict(pairs) => {
            let d = vm.new_dict_ref();
            for (k, v) in pairs.iter() {
                let (k, v) = (to_value(vm, k)?, to_value(vm, v)?);
                vm.dict_set_item(&d, k, v)?;
            }
            Ok(Value::Obj(d))
        }
        Constant::Tuple(xs) => {
            let v = items(vm, xs)?;
            Ok(vm.new_tuple(v))
        }
        other => vm.constant_value(other),
    }
}

/// The constant for a Python value (w_object); ValueError for anything marshal cannot write.
fn to_constant(vm: &mut Vm, v: &Value, depth: usize) -> PyResult<Constant> {
    if depth > marshal::MAX_DEPTH as usize {
        return Err(vm.new_value_error("object too deeply nested to marshal"));
    }
    let o = match v {
        Value::None => return Ok(Constant::None),
        Value::Bool(b) => return Ok(Constant::Bool(*b)),
        Value::Int(i) => return Ok(Constant::Int(BigInt::from(*i))),
        Value::Float(f) => return Ok(Constant::Float(*f)),
        Value::Obj(o) => o,
        _ => return Err(unmarshallable(vm)),
    };
    let seq = |vm: &mut Vm, xs: &[Value]| -> PyResult<Rc<[Constant]>> { xs.iter().map(|x| to_constant(vm, x, depth + 1)).collect() };
    if o.is(&vm.ellipsis) {
        return Ok(Constant::Ellipsis);
    }
    if o.is(&vm.exc.stop_iteration) {
        return Ok(Constant::StopIteration);
    }
    // Exact types only, except buffers, which are written as bytes (as CPython does).
    let cls = o.class();
    let exact = |t: &PyRef| cls.is(t);
    Ok(match &o.payload {
        Payload::Int(i) if exact(&vm.types.int) => Constant::Int(i.clone()),
        Payload::Float(f) if exact(&vm.types.float) => Constant::Float(*f),
        Payload::Complex { re, im } if exact(&vm.types.complex) => Constant::Complex { re: *re, im: *im },
        Payload::Str(s) if exact(&vm.types.str) => Constant::Str(Rc::from(s.as_str())),
        Payload::Tuple(xs) if exact(&vm.types.tuple) => Constant::Tuple(seq(vm, xs)?),
        Payload::List(xs) if exact(&vm.types.list) => {
            let xs = xs.borrow().clone();
            Constant::List(seq(vm, &xs)?)
        }
        Payload::Dict(d) if exact(&vm.types.dict) => {
            let pairs: Vec<(Value, Value)> = d.borrow().iter().map(|(_, e)| (e.key.clone(), e.value.clone())).collect();
            let mut out = Vec::with_capacity(pairs.len());
            for (k, x) in pairs {
                out.push((to_constant(vm, &k, depth + 1)?, to_constant(vm, &x, depth + 1)?));
            }
            Constant::Dict(out.into())
        }
        Payload::Set(s) if exact(&vm.types.set) => {
            let xs: Vec<Value> = s.borrow().iter().map(|e| e.key.clone()).collect();
            Constant::Set(seq(vm, &xs)?)
        }
        Payload::FrozenSet(s) if exact(&vm.types.frozenset) => {
            let xs: Vec<Value> = s.iter().map(|e| e.key.clone()).collect();
            Constant::FrozenSet(seq(vm, &xs)?)
        }
        _ => match (o.native::<Rc<Code>>(), bytes::buffer(v)) {
            (Some(c), _) => Constant::Code(c.raw.clone()),
            (None, Some(b)) => Constant::Bytes(b.into()),
            _ => return Err(unmarshallable(vm)),
        },
    })
}

fn unmarshallable(vm: &mut Vm) -> crate::vm::PyErr {
    vm.new_value_error("unmarshallable object")
}

/// The marshal bytes of `v` at `version` (marshal_dumps_impl).
fn dump_bytes(vm: &mut Vm, v: &Value, version: &Value) -> PyResult<Vec<u8>> {
    let version = super::util::i64_arg(vm, version)?.clamp(0, i64::from(marshal::VERSION)) as u8;
    let c = to_constant(vm, v, 0)?;
    marshal::dumps(&c, version).map_err(|e| marshal_error(vm, &e))
}

// marshal_dumps_impl
fn dumps(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let b = dump_bytes(vm, &a[0], &a[1])?;
    Ok(bytes::new_bytes(vm, b))
}

// marshal_loads_impl
fn loads(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let data = bytes::buffer_arg(vm, &a[0])?;
    let c = marshal::loads(&data).map_err(|e| marshal_error(vm, &e))?;
    to_value(vm, &c)
}

// marshal_dump_impl
fn dump(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let b = dump_bytes(vm, &a[0], &a[2])?;
    let b = bytes::new_bytes(vm, b);
    let write = vm.get_attr_str(&a[1], "write")?;
    vm.call_positional(&write, &[b])?;
    Ok(Value::None)
}

// marshal_load: reads the rest of the file, then seeks back past the bytes not used.
fn load(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let read = vm.get_attr_str(&a[0], "read")?;
    let got = vm.call_positional(&read, &[])?;
    let Some(data) = bytes::buffer(&got) else {
        let n = vm.type_name(&got);
        return Err(vm.new_type_error(format!("file.read() returned not bytes but {n}")));
    };
    let (c, used) = marshal::loads_prefix(&data).map_err(|e| marshal_error(vm, &e))?;
    let rest = (data.len() - used) as i64;
    if rest > 0 {
        let seek = vm.get_attr_str(&a[0], "seek")?;
        vm.call_positional(&seek, &[Value::Int(-rest), Value::Int(1)])?;
    }
    to_value(vm, &c)
}

/// Build the `marshal` module.
pub fn make_module(vm: &mut Vm) -> PyRef {
    let m = new_module_with(vm, "marshal", &[
        method("dumps", "(value, version=4, /)", dumps),
        method("loads", "(bytes, /)", loads),
        method("dump", "(value, file, version=4, /)", dump),
        method("load", "(file, /)", load),
    ]);
    set(vm, &m, "version", Value::Int(i64::from(marshal::VERSION)));
    m
}
