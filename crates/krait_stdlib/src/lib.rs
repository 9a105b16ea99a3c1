//! krait_stdlib: native (Rust) implementations of the modules CPython writes in C, other
//! than those the VM needs to boot. Each module is one file or folder named after it and
//! exposes `make_module(vm) -> PyRef`; [`register`] makes them importable.
#![forbid(unsafe_code)]

mod _bisect;
mod array;
mod _collections;
mod _contextvars;
mod _csv;
mod _sre;
mod _functools;
mod _heapq;
mod _json;
mod _operator;
mod pyexpat;
mod _posixsubprocess;
mod hashing;
mod _random;
mod _socket;
pub mod select;
mod _string;
mod _struct;
mod binascii;
mod cmath;
mod faulthandler;
mod itertools;
mod unicodedata;
mod util;
mod zlib;

use krait_vm::Vm;

/// Register every module of this crate with the VM's import system.
pub fn register(vm: &mut Vm) {
    vm.register_native_module("array", array::make_module);
    vm.register_native_module("unicodedata", unicodedata::make_module);
    vm.register_native_module("cmath", cmath::make_module);
    vm.register_native_module("faulthandler", faulthandler::make_module);
    vm.register_native_module("itertools", itertools::make_module);
    vm.register_native_module("_posixsubprocess", _posixsubprocess::make_module);
    vm.register_native_module("select", select::make_module);
    vm.register_native_module("_socket", _socket::make_module);
    vm.register_native_module("_collections", _collections::make_module);
    vm.register_native_module("_sre", _sre::make_module);
    vm.register_native_module("_functools", _functools::make_module);
    vm.register_native_module("_random", _random::make_module);
    vm.register_native_module("_string", _string::make_module);
    vm.register_native_module("_struct", _struct::make_module);
    vm.register_native_module("binascii", binascii::make_module);
    vm.register_native_module("_contextvars", _contextvars::make_module);
    vm.register_native_module("_bisect", _bisect::make_module);
    vm.register_native_module("_heapq", _heapq::make_module);
    vm.register_native_module("_json", _json::make_module);
    vm.register_native_module("_csv", _csv::make_module);
    vm.register_native_module("zlib", zlib::make_module);
    vm.register_native_module("_operator", _operator::make_module);
    vm.register_native_module("pyexpat", pyexpat::make_module);
    vm.register_native_module("_md5", hashing::fixed::make_md5);
    vm.register_native_module("_sha1", hashing::fixed::make_sha1);
    vm.register_native_module("_sha256", hashing::fixed::make_sha256);
    vm.register_native_module("_sha512", hashing::fixed::make_sha512);
    vm.register_native_module("_sha3", hashing::fixed::make_sha3);
    vm.register_native_module("_blake2", hashing::blake2::make_module);
}
