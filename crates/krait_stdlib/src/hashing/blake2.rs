//! The `_blake2` module: `blake2b` and `blake2s` with every parameter CPython accepts
//! (digest size, key, salt, person and the tree-hashing parameters).

use super::algo::State;
use super::{hash_type, new_hash};
use crate::util::{new_module, parse, set};
use krait_vm::object::{Args, PyRef, Value};
use krait_vm::{PyResult, Vm};

const SIG: &str = "(data=?, /, *, digest_size=?, key=?, salt=?, person=?, fanout=1, depth=1, leaf_size=0, node_offset=0, node_depth=0, inner_size=0, last_node=False, usedforsecurity=True)";

/// The sizes of one BLAKE2 variant: (salt/person size, max key size, max digest size).
struct Sizes {
    salt: usize,
    key: usize,
    digest: usize,
}

const B: Sizes = Sizes { salt: 16, key: 64, digest: 64 };
const S: Sizes = Sizes { salt: 8, key: 32, digest: 32 };

/// Build the `_blake2` module.
pub fn make_module(vm: &mut Vm) -> PyRef {
    let (m, d) = new_module(vm, "_blake2", &[]);
    let b = hash_type(vm, "_blake2", "_blake2.blake2b", false, Some(|vm, _, args| blake2_new(vm, args, true)));
    let s = hash_type(vm, "_blake2", "_blake2.blake2s", false, Some(|vm, _, args| blake2_new(vm, args, false)));
    for (t, prefix, sizes) in [(b, "BLAKE2B_", B), (s, "BLAKE2S_", S)] {
        for (name, v) in [("SALT_SIZE", sizes.salt), ("PERSON_SIZE", sizes.salt), ("MAX_KEY_SIZE", sizes.key), ("MAX_DIGEST_SIZE", sizes.digest)] {
            vm.set_type_attr(&t, name, Value::Int(v as i64));
            set(vm, &d, &format!("{prefix}{name}"), Value::Int(v as i64));
        }
        let name = if prefix == "BLAKE2B_" { "blake2b" } else { "blake2s" };
        set(vm, &d, name, Value::Obj(t));
    }
    m
}

/// A bytes argument that may be absent (then empty).
fn bytes_param(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if matches!(v, Value::Null) {
        return Ok(Vec::new());
    }
    krait_vm::types::bytes::buffer_arg(vm, v)
}

/// An integer parameter that must lie in `lo..=hi`, else ValueError `msg`.
fn int_param(vm: &mut Vm, v: &Value, lo: i64, hi: i64, msg: &str) -> PyResult<i64> {
    match crate::util::index_i64(vm, v)? {
        Some(n) if (lo..=hi).contains(&n) => Ok(n),
        _ => Err(vm.new_value_error(msg)),
    }
}

/// py_blake2b_new_impl / py_blake2s_new_impl
fn blake2_new(vm: &mut Vm, args: Args<'_>, big: bool) -> PyResult<Value> {
    let (name, sizes) = if big { ("blake2b", B) } else { ("blake2s", S) };
    let a = parse(vm, SIG, name, args)?;
    let digest_size = if matches!(a[1], Value::Null) {
        sizes.digest as i64
    } else {
        int_param(vm, &a[1], 1, sizes.digest as i64, &format!("digest_size must be between 1 and {} bytes", sizes.digest))?
    } as usize;
    let key = bytes_param(vm, &a[2])?;
    if key.len() > sizes.key {
        return Err(vm.new_value_error(format!("maximum key length is {} bytes", sizes.key)));
    }
    let salt = bytes_param(vm, &a[3])?;
    if salt.len() > sizes.salt {
        return Err(vm.new_value_error(format!("maximum salt length is {} bytes", sizes.salt)));
    }
    let person = bytes_param(vm, &a[4])?;
    if person.len() > sizes.salt {
        return Err(vm.new_value_error(format!("maximum person length is {} bytes", sizes.salt)));
    }
    let fanout = int_param(vm, &a[5], 0, 255, "fanout must be between 0 and 255")? as u8;
    let depth = int_param(vm, &a[6], 1, 255, "depth must be between 1 and 255")? as u8;
    let leaf_size = match crate::util::index_i64(vm, &a[7])? {
        Some(n) if n < 0 => return Err(vm.new_overflow_error("can't convert negative int to unsigned")),
        Some(n) if n <= u32::MAX as i64 => n as u32,
        _ => return Err(vm.new_overflow_error("leaf_size is too large")),
    };
    let node_max: i64 = if big { i64::MAX } else { (1 << 48) - 1 };
    let node_offset = match crate::util::index_i64(vm, &a[8])? {
        Some(n) if n < 0 => return Err(vm.new_overflow_error("can't convert negative int to unsigned")),
        Some(n) if n <= node_max => n as u64,
        _ => return Err(vm.new_overflow_error("node_offset is too large")),
    };
    let node_depth = int_param(vm, &a[9], 0, 255, "node_depth must be between 0 and 255")? as u8;
    let inner_size = int_param(vm, &a[10], 0, sizes.digest as i64, &format!("inner_size must be between 0 and is {}", sizes.digest))? as usize;
    let last_node = vm.is_true(&a[11])?;
    let state = if big {
        let mut p = blake2b_simd::Params::new();
        p.hash_length(digest_size).key(&key).salt(&salt).personal(&person).fanout(fanout).max_depth(depth);
        p.max_leaf_length(leaf_size).node_offset(node_offset).node_depth(node_depth).inner_hash_length(inner_size).last_node(last_node);
        State::Blake2b(Box::new(p.to_state()))
    } else {
        let mut p = blake2s_simd::Params::new();
        p.hash_length(digest_size).key(&key).salt(&salt).personal(&person).fanout(fanout).max_depth(depth);
        p.max_leaf_length(leaf_size).node_offset(node_offset).node_depth(node_depth).inner_hash_length(inner_size).last_node(last_node);
        State::Blake2s(Box::new(p.to_state()))
    };
    let key = if big { "_blake2.blake2b" } else { "_blake2.blake2s" };
    new_hash(vm, key, state, digest_size, &a[0])
}
