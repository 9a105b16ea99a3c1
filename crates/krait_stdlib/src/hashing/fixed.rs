//! The modules of the fixed-parameter hashes: `_md5`, `_sha1`, `_sha256` (sha224, sha256),
//! `_sha512` (sha384, sha512) and `_sha3` (sha3_224 … sha3_512, shake_128, shake_256).

use super::algo::State;
use super::{hash_type, new_hash};
use crate::util::{new_module, parse, set};
use krait_vm::object::{Args, PyRef, Value};
use krait_vm::types::methods::{method, MethodDef};
use krait_vm::{PyResult, Vm};

/// A constructor function `name(string=b'', *, usedforsecurity=True)` of hash type `key`.
macro_rules! constructor {
    ($name:literal, $key:literal) => {
        method($name, "(string=?, *, usedforsecurity=True)", |vm, a| construct(vm, $key, $name, &a[0]))
    };
}

fn construct(vm: &mut Vm, key: &'static str, name: &str, data: &Value) -> PyResult<Value> {
    let state = State::new(name).ok_or_else(|| vm.new_system_error("unknown hash"))?;
    new_hash(vm, key, state, 0, data)
}

/// A module whose hash types are made by constructor functions.
fn functions_module(vm: &mut Vm, module: &'static str, defs: &[MethodDef], types: &[&'static str]) -> PyRef {
    let (m, _) = new_module(vm, module, defs);
    for key in types {
        hash_type(vm, module, key, false, None);
    }
    m
}

/// Build the `_md5` module.
pub fn make_md5(vm: &mut Vm) -> PyRef {
    functions_module(vm, "_md5", &[constructor!("md5", "_md5.md5")], &["_md5.md5"])
}

/// Build the `_sha1` module.
pub fn make_sha1(vm: &mut Vm) -> PyRef {
    functions_module(vm, "_sha1", &[constructor!("sha1", "_sha1.sha1")], &["_sha1.sha1"])
}

/// Build the `_sha256` module.
pub fn make_sha256(vm: &mut Vm) -> PyRef {
    let defs = [constructor!("sha224", "_sha256.sha224"), constructor!("sha256", "_sha256.sha256")];
    functions_module(vm, "_sha256", &defs, &["_sha256.sha224", "_sha256.sha256"])
}

/// Build the `_sha512` module.
pub fn make_sha512(vm: &mut Vm) -> PyRef {
    let defs = [constructor!("sha384", "_sha512.sha384"), constructor!("sha512", "_sha512.sha512")];
    functions_module(vm, "_sha512", &defs, &["_sha512.sha384", "_sha512.sha512"])
}

/// The `new` slot of a `_sha3` type: `name(data=b'', /, *, usedforsecurity=True)`.
macro_rules! sha3_new {
    ($name:literal) => {
        Some(|vm: &mut Vm, _cls: &PyRef, args: Args<'_>| {
            let a = parse(vm, "(data=?, /, *, usedforsecurity=True)", $name, args)?;
            construct(vm, concat!("_sha3.", $name), $name, &a[0])
        })
    };
}

/// Build the `_sha3` module: its hash types are constructed by calling them.
pub fn make_sha3(vm: &mut Vm) -> PyRef {
    let (m, d) = new_module(vm, "_sha3", &[]);
    let types = [
        ("sha3_224", hash_type(vm, "_sha3", "_sha3.sha3_224", false, sha3_new!("sha3_224"))),
        ("sha3_256", hash_type(vm, "_sha3", "_sha3.sha3_256", false, sha3_new!("sha3_256"))),
        ("sha3_384", hash_type(vm, "_sha3", "_sha3.sha3_384", false, sha3_new!("sha3_384"))),
        ("sha3_512", hash_type(vm, "_sha3", "_sha3.sha3_512", false, sha3_new!("sha3_512"))),
        ("shake_128", hash_type(vm, "_sha3", "_sha3.shake_128", true, sha3_new!("shake_128"))),
        ("shake_256", hash_type(vm, "_sha3", "_sha3.shake_256", true, sha3_new!("shake_256"))),
    ];
    for (name, t) in types {
        set(vm, &d, name, Value::Obj(t));
    }
    m
}
