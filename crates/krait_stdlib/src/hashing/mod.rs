//! The hash objects of hashlib's builtin modules (`_md5`, `_sha1`, `_sha256`, `_sha512`,
//! `_sha3`, `_blake2`): update/digest/hexdigest/copy and name/digest_size/block_size.

mod algo;
pub mod blake2;
pub mod fixed;

use crate::util::{expect, new_bytes, new_type, wrap};
use algo::State;
use krait_vm::object::{NewFn, PyRef, Slots, Value};
use krait_vm::types::int::add_property;
use krait_vm::types::methods::{method, MethodDef};
use krait_vm::{PyResult, Vm};

/// A hash object: the running state and its digest size (chosen at creation for BLAKE2).
#[derive(Clone)]
struct Hash {
    state: State,
    digest_size: usize,
}

const METHODS: &[MethodDef] = &[
    method("update", "(self, obj, /)", update),
    method("digest", "(self, /)", |vm, a| {
        let d = this(vm, &a[0])?.borrow().state.digest(0);
        Ok(new_bytes(vm, &d))
    }),
    method("hexdigest", "(self, /)", |vm, a| {
        let d = this(vm, &a[0])?.borrow().state.digest(0);
        Ok(vm.new_str(&hex(&d)))
    }),
    method("copy", "(self, /)", copy),
];

/// The SHAKE functions' methods: the digest length is an argument.
const XOF_METHODS: &[MethodDef] = &[
    method("update", "(self, obj, /)", update),
    method("digest", "(self, length, /)", |vm, a| {
        let d = xof_digest(vm, a)?;
        Ok(new_bytes(vm, &d))
    }),
    method("hexdigest", "(self, length, /)", |vm, a| {
        let d = xof_digest(vm, a)?;
        Ok(vm.new_str(&hex(&d)))
    }),
    method("copy", "(self, /)", copy),
];

fn this<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a std::cell::RefCell<Hash>> {
    expect::<Hash>(vm, v, "hash object")
}

fn hex(d: &[u8]) -> String {
    d.iter().map(|b| format!("{b:02x}")).collect()
}

/// The bytes of data to hash: TypeError for str and for objects without a buffer.
fn data_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if v.as_obj().and_then(|o| o.as_str()).is_some() {
        return Err(vm.new_type_error("Strings must be encoded before hashing"));
    }
    krait_vm::types::bytes::buffer(v).ok_or_else(|| vm.new_type_error("object supporting the buffer API required"))
}

fn update(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let data = data_arg(vm, &a[1])?;
    this(vm, &a[0])?.borrow_mut().state.update(&data);
    Ok(Value::None)
}

fn copy(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let h = this(vm, &a[0])?.borrow().clone();
    let cls = vm.type_of(&a[0]);
    Ok(wrap(vm, &cls, h))
}

/// `digest(length)` of a SHAKE object (_sha3_shake_128_digest_impl).
fn xof_digest(vm: &mut Vm, a: &[Value]) -> PyResult<Vec<u8>> {
    let n = crate::util::index_i64(vm, &a[1])?;
    let n = match n {
        // CPython 3.11 passes the negative length on to PyBytes_FromStringAndSize.
        Some(n) if n < 0 => return Err(vm.new_system_error("Negative size passed to PyBytes_FromStringAndSize")),
        Some(n) if n < (1 << 29) => n as usize,
        _ => return Err(vm.new_value_error("length is too large")),
    };
    Ok(this(vm, &a[0])?.borrow().state.digest(n))
}

/// Make the hash object type `key` ("module.name") of module `module`, constructible
/// through `new` when given.
fn hash_type(vm: &mut Vm, module: &str, key: &'static str, xof: bool, new: Option<NewFn>) -> PyRef {
    let slots = Slots { new, ..Slots::default() };
    let t = new_type(vm, module, key, None, slots, 0, if xof { XOF_METHODS } else { METHODS });
    add_property(vm, &t, "hash object", "name", |vm, a| {
        let n = this(vm, &a[0])?.borrow().state.name();
        Ok(vm.new_str(n))
    });
    add_property(vm, &t, "hash object", "digest_size", |vm, a| {
        let h = this(vm, &a[0])?.borrow();
        Ok(Value::Int(h.state.digest_size(h.digest_size) as i64))
    });
    add_property(vm, &t, "hash object", "block_size", |vm, a| Ok(Value::Int(this(vm, &a[0])?.borrow().state.block_size() as i64)));
    t
}

/// A new hash object of type `key` in state `state`, fed `data` unless it is absent.
fn new_hash(vm: &mut Vm, key: &'static str, state: State, digest_size: usize, data: &Value) -> PyResult<Value> {
    let mut h = Hash { state, digest_size };
    if !matches!(data, Value::Null) {
        let bytes = data_arg(vm, data)?;
        h.state.update(&bytes);
    }
    let cls = crate::util::get_type(vm, key)?;
    Ok(wrap(vm, &cls, h))
}
