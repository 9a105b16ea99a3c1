//! The `zlib` module: crc32/adler32, one-shot compress/decompress and the streaming
//! compressobj/decompressobj, for zlib, gzip and raw DEFLATE data (wbits as in zlib).

mod deflate;
mod inflate;

use crate::util::{get_type, new_module, set};
use krait_vm::object::{PyRef, Slots, Value};
use krait_vm::types::int::add_property;
use krait_vm::types::methods::method;
use krait_vm::{PyErr, PyResult, Vm};

/// The container around the DEFLATE data; `Auto` (decompression only) detects zlib or gzip.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Zlib,
    Gzip,
    Raw,
    Auto,
}

/// Build the `zlib` module.
pub fn make_module(vm: &mut Vm) -> PyRef {
    let (m, d) = new_module(vm, "zlib", &[
        method("adler32", "(data, value=1, /)", |vm, a| checksum(vm, a, adler32)),
        method("crc32", "(data, value=0, /)", |vm, a| checksum(vm, a, crc32)),
        method("compress", "(data, /, level=-1, wbits=15)", deflate::compress),
        method("decompress", "(data, /, wbits=15, bufsize=16384)", inflate::decompress),
        method("compressobj", "(level=-1, method=8, wbits=15, memLevel=8, strategy=0, zdict=None)", deflate::compressobj),
        method("decompressobj", "(wbits=15, zdict=?)", inflate::decompressobj),
    ]);
    let exc = vm.exc.exception.clone();
    if let Ok(e) = crate::util::new_exception_type(vm, "zlib", "zlib.error", &exc) {
        set(vm, &d, "error", Value::Obj(e));
    }
    let consts: &[(&str, i64)] = &[
        ("MAX_WBITS", 15), ("DEFLATED", 8), ("DEF_MEM_LEVEL", 8), ("DEF_BUF_SIZE", 16384),
        ("Z_NO_COMPRESSION", 0), ("Z_BEST_SPEED", 1), ("Z_BEST_COMPRESSION", 9), ("Z_DEFAULT_COMPRESSION", -1),
        ("Z_FILTERED", 1), ("Z_HUFFMAN_ONLY", 2), ("Z_RLE", 3), ("Z_FIXED", 4), ("Z_DEFAULT_STRATEGY", 0),
        ("Z_NO_FLUSH", 0), ("Z_PARTIAL_FLUSH", 1), ("Z_SYNC_FLUSH", 2), ("Z_FULL_FLUSH", 3), ("Z_FINISH", 4),
        ("Z_BLOCK", 5), ("Z_TREES", 6),
    ];
    for (name, v) in consts {
        set(vm, &d, name, Value::Int(*v));
    }
    // The version of the zlib data format and API this module follows.
    for name in ["ZLIB_VERSION", "ZLIB_RUNTIME_VERSION"] {
        let v = vm.new_str("1.2.13");
        set(vm, &d, name, v);
    }
    crate::util::new_type(vm, "zlib", "zlib.Compress", None, Slots::default(), 0, &[
        method("compress", "(self, data, /)", deflate::obj_compress),
        method("flush", "(self, mode=4, /)", deflate::obj_flush),
        method("copy", "(self, /)", |vm, _| Err(vm.new_not_implemented_error("zlib.Compress.copy() is not supported"))),
    ]);
    let decomp = crate::util::new_type(vm, "zlib", "zlib.Decompress", None, Slots::default(), 0, &[
        method("decompress", "(self, data, /, max_length=0)", inflate::obj_decompress),
        method("flush", "(self, length=16384, /)", inflate::obj_flush),
        method("copy", "(self, /)", |vm, _| Err(vm.new_not_implemented_error("zlib.Decompress.copy() is not supported"))),
    ]);
    add_property(vm, &decomp, "Decompress", "unused_data", |vm, a| inflate::attr(vm, &a[0], 0));
    add_property(vm, &decomp, "Decompress", "unconsumed_tail", |vm, a| inflate::attr(vm, &a[0], 1));
    add_property(vm, &decomp, "Decompress", "eof", |vm, a| inflate::attr(vm, &a[0], 2));
    m
}

/// zlib.error(msg)
fn zlib_error(vm: &mut Vm, msg: &str) -> PyErr {
    match get_type(vm, "zlib.error") {
        Ok(t) => vm.new_exception_msg(&t, msg),
        Err(e) => e,
    }
}

/// The format read for `wbits` (inflateInit2's rules), or the error CPython raises:
/// ValueError for decompressobj, zlib.error for decompress.
fn format_of(vm: &mut Vm, wbits: &Value, one_shot: bool) -> PyResult<Format> {
    let w = crate::util::index_i64(vm, wbits)?.unwrap_or(i64::MAX);
    let f = match w {
        0 | 8..=15 => Some(Format::Zlib),
        -15..=-8 => Some(Format::Raw),
        16 | 24..=31 => Some(Format::Gzip),
        32 | 40..=47 => Some(Format::Auto),
        _ => None,
    };
    match f {
        Some(f) => Ok(f),
        None if one_shot => Err(zlib_error(vm, "Error -2 while preparing to decompress data: inconsistent stream state")),
        None => Err(vm.new_value_error("Invalid initialization option")),
    }
}

/// adler32 and crc32: `value` continues an earlier checksum (taken modulo 2**32).
fn checksum(vm: &mut Vm, a: &[Value], f: fn(&[u8], u32) -> u32) -> PyResult<Value> {
    let data = krait_vm::types::bytes::buffer_arg(vm, &a[0])?;
    let start = krait_vm::types::int::index_of(vm, &a[1])?;
    let start: num_bigint::BigInt = start & num_bigint::BigInt::from(u32::MAX);
    let start = num_traits::ToPrimitive::to_u32(&start).unwrap_or(0);
    Ok(Value::Int(i64::from(f(&data, start))))
}

/// The Adler-32 checksum of `data` continuing from `value`.
pub fn adler32(data: &[u8], value: u32) -> u32 {
    const MOD: u32 = 65521;
    let (mut a, mut b) = (value & 0xffff, value >> 16);
    // 5552 bytes is the most that can be summed before the sums may overflow.
    for chunk in data.chunks(5552) {
        for &x in chunk {
            a += u32::from(x);
            b += a;
        }
        a %= MOD;
        b %= MOD;
    }
    b << 16 | a
}

/// The CRC-32 of `data` continuing from `value`.
pub fn crc32(data: &[u8], value: u32) -> u32 {
    let mut h = crc32fast::Hasher::new_with_initial(value);
    h.update(data);
    h.finalize()
}
