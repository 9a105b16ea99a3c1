//! Builtin types, one module per type.

pub mod alloc;
pub mod bootstrap;
pub mod callable_reduce;
pub mod code;
pub mod const_frozenset;
pub mod dict;
pub mod descriptors;
pub mod dict_ops;
pub mod dict_type;
pub mod function;
pub mod generic_alias;
pub mod gen_finalize;
pub mod generator;
pub mod async_gen;
mod async_gen_awaitables;
mod coro_wrapper;
pub mod getset;
pub mod methods;
pub mod mappingproxy;
pub mod module;
pub mod range;
pub mod range_big;
pub mod native;
pub mod object;
pub mod object_reduce;
pub mod registry;
pub mod set;
pub mod slot_descriptors;
pub mod slot_wrappers;
pub mod sort;
pub mod slots;
pub mod str;
pub mod str_methods;
pub mod super_type;
pub mod type_bases;
pub mod typeobject;
pub mod bool;
pub mod bytes;
pub mod complex;
pub mod float;
pub mod int;
pub mod iterators;
pub mod iter_reduce;
pub mod list;
pub mod seq_common;
pub mod set_type;
pub mod slice;
pub mod tuple;
pub mod union;

/// Install the slots and methods of the container types and slice.
pub fn containers_init(vm: &mut crate::vm::Vm) {
    list::init(vm);
    tuple::init(vm);
    set_type::init(vm);
    slice::init(vm);
    dict_type::init(vm);
    range::init(vm);
    str_methods::init(vm);
    iter_reduce::init(vm);
}
