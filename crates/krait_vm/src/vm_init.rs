//! `Vm::new`: bootstrap `object`/`type`/`dict`, create the builtin types and exception
//! classes, then the `builtins` and `sys` modules.

use crate::exceptions::ExcTypes;
use crate::object::{Payload, PyObject, PyRef, Slots, TypeFlags, Value};
use crate::types::bootstrap::new_type;
use crate::types::registry::TypeRegistry;
use crate::vm::{Vm, VmOptions};
use std::collections::HashMap;

impl Vm {
    pub fn new(options: VmOptions) -> Vm {
        // object, type and dict need each other: make them untyped, then patch.
        let object = new_type(None, None, "object", vec![], Slots::default(), TypeFlags::BASETYPE);
        let type_ = new_type(None, None, "type", vec![object.clone()], Slots::default(), TypeFlags::BASETYPE);
        let dict = new_type(None, None, "dict", vec![object.clone()], Slots::default(), TypeFlags::BASETYPE | TypeFlags::DICT_SUBCLASS);
        for t in [&object, &type_, &dict] {
            t.set_class(type_.clone());
            t.as_type().expect("type").dict.set_class(dict.clone());
        }
        set_mro(&object, vec![object.clone()]);
        set_mro(&type_, vec![type_.clone(), object.clone()]);
        set_mro(&dict, vec![dict.clone(), object.clone()]);

        let mk = |name: &str, base: &PyRef, flags: u32| -> PyRef {
            let t = new_type(Some(&type_), Some(&dict), name, vec![base.clone()], Slots::default(), flags);
            let mut mro = vec![t.clone()];
            mro.extend(base.as_type().expect("type").mro.borrow().iter().cloned());
            set_mro(&t, mro);
            t
        };
        let b = TypeFlags::BASETYPE;
        let int = mk("int", &object, b | TypeFlags::LONG_SUBCLASS);
        let types = TypeRegistry {
            none_type: mk("NoneType", &object, 0),
            not_implemented_type: mk("NotImplementedType", &object, 0),
            ellipsis_type: mk("ellipsis", &object, 0),
            bool: mk("bool", &int, TypeFlags::LONG_SUBCLASS),
            float: mk("float", &object, b),
            complex: mk("complex", &object, b),
            str: mk("str", &object, b | TypeFlags::UNICODE_SUBCLASS),
            bytes: mk("bytes", &object, b | TypeFlags::BYTES_SUBCLASS),
            bytearray: mk("bytearray", &object, b),
            tuple: mk("tuple", &object, b | TypeFlags::TUPLE_SUBCLASS | TypeFlags::SEQUENCE),
            list: mk("list", &object, b | TypeFlags::LIST_SUBCLASS | TypeFlags::SEQUENCE),
            set: mk("set", &object, b),
            frozenset: mk("frozenset", &object, b),
            range: mk("range", &object, TypeFlags::SEQUENCE),
            slice: mk("slice", &object, 0),
            function: mk("function", &object, 0),
            native_function: mk("builtin_function_or_method", &object, 0),
            method_descriptor: mk("method_descriptor", &object, 0),
            method: mk("method", &object, 0),
            cell: mk("cell", &object, 0),
            code: mk("code", &object, 0),
            module: mk("module", &object, b | TypeFlags::HAS_DICT),
            property: mk("property", &object, b),
            classmethod: mk("classmethod", &object, b),
            staticmethod: mk("staticmethod", &object, b),
            int,
            object: object.clone(),
            type_: type_.clone(),
            dict: dict.clone(),
        };
        let exc = ExcTypes::build(&object, |name, base| mk(name, base, b | TypeFlags::BASE_EXC_SUBCLASS | TypeFlags::HAS_DICT));
        // ExceptionGroup(BaseExceptionGroup, Exception).
        if let Some(t) = exc.exception_group.as_type() {
            t.bases.borrow_mut().push(exc.exception.clone());
            let mro = compute_linear_mro(&exc.exception_group);
            *t.mro.borrow_mut() = mro;
        }
        let not_implemented = PyRef::new(PyObject::new(types.not_implemented_type.clone(), Payload::Object));
        let ellipsis = PyRef::new(PyObject::new(types.ellipsis_type.clone(), Payload::Object));
        let new_dict = || PyRef::new(PyObject::new(dict.clone(), Payload::Dict(Default::default())));
        let new_module = |d: &PyRef| {
            let m = PyRef::new(PyObject::new(types.module.clone(), Payload::Object));
            *m.dict.borrow_mut() = Some(d.clone());
            m
        };
        let builtins_dict = new_dict();
        let builtins = new_module(&builtins_dict);
        let sys = new_module(&new_dict());
        let modules = new_dict();
        let hash_key = match options.hash_seed {
            Some(0) | None => (0, 0),
            Some(seed) => (seed.wrapping_mul(0x9e37_79b9_7f4a_7c15), seed.rotate_left(17) ^ 0x5851_f42d_4c95_7f2d),
        };
        let init_name = PyRef::new(PyObject::new(types.str.clone(), Payload::Str(crate::types::str::PyStr::new("__init__"))));
        let mut vm = Vm {
            types,
            exc,
            builtins,
            builtins_dict,
            sys,
            modules,
            frames: Vec::new(),
            exc_info: Value::None,
            interned: hashbrown::HashMap::from([(Box::from("__init__"), init_name.clone())]),
            init_name,
            type_attr_cache: Default::default(),
            hash_key,
            recursion_limit: 1000,
            native_depth: 0,
            stack_floor: crate::protocols::stack_floor(),
            options,
            not_implemented,
            ellipsis,
            native_modules: HashMap::new(),
            wrapper_types: None,
            getset_type: None,
            seq_iter_type: None,
            frame_pool: Vec::new(),
            gen_types: None,
            int_max_str_digits: 4300,
            iter_types: crate::types::iterators::IterTypes::new(&type_, &dict, &object),
            private_types: HashMap::new(),
            native_state: HashMap::new(),
            alias_types: None,
            trace: None,
        };
        let wrappers = crate::types::slot_descriptors::init(&mut vm);
        vm.wrapper_types = Some(wrappers);
        let getset = crate::types::getset::make_type(&mut vm);
        vm.getset_type = Some(getset);
        crate::types::object::init_getsets(&mut vm);
        crate::types::int::init(&mut vm);
        crate::types::bool::init(&mut vm);
        crate::types::float::init(&mut vm);
        crate::types::complex::init(&mut vm);
        crate::types::object::init(&mut vm);
        crate::types::typeobject::init(&mut vm);
        crate::types::descriptors::init(&mut vm);
        crate::types::callable_reduce::init(&mut vm);
        crate::types::module::init(&mut vm);
        crate::exceptions::init(&mut vm);
        crate::builtins::init(&mut vm);
        crate::types::super_type::init(&mut vm);
        crate::types::generator::init(&mut vm);
        crate::types::containers_init(&mut vm);
        crate::types::bytes::init(&mut vm);
        crate::types::code::init(&mut vm);
        for t in [&vm.types.bool, &vm.types.bytearray, &vm.types.bytes, &vm.types.dict, &vm.types.float, &vm.types.frozenset, &vm.types.int, &vm.types.list, &vm.types.set, &vm.types.str, &vm.types.tuple] {
            if let Some(td) = t.as_type() {
                td.flags.set(td.flags.get() | TypeFlags::MATCH_SELF);
            }
        }
        if let Some(td) = vm.types.dict.as_type() {
            td.flags.set(td.flags.get() | TypeFlags::MAPPING);
        }
        inherit_builtin_slots(&mut vm);
        crate::types::generic_alias::init(&mut vm);
        crate::modules::init(&mut vm);
        vm
    }
}

/// Give every builtin type the slots it does not define from its bases, parents first.
fn inherit_builtin_slots(vm: &mut Vm) {
    let t = &vm.types;
    let mut all: Vec<PyRef> = vec![
        t.object.clone(), t.type_.clone(), t.none_type.clone(), t.not_implemented_type.clone(), t.ellipsis_type.clone(),
        t.int.clone(), t.bool.clone(), t.float.clone(), t.complex.clone(), t.str.clone(), t.bytes.clone(), t.bytearray.clone(),
        t.tuple.clone(), t.list.clone(), t.dict.clone(), t.set.clone(), t.frozenset.clone(), t.range.clone(), t.slice.clone(),
        t.function.clone(), t.native_function.clone(), t.method_descriptor.clone(), t.method.clone(), t.cell.clone(), t.code.clone(), t.module.clone(),
        t.property.clone(), t.classmethod.clone(), t.staticmethod.clone(),
    ];
    all.extend(vm.exc.all().into_iter().map(|(_, t)| t.clone()));
    // Types made before `object` had its slots (descriptors, iterators) inherit them now.
    all.extend(vm.wrapper_types.as_ref().map(|w| [w.descriptor.clone(), w.bound.clone()]).into_iter().flatten());
    all.extend(vm.getset_type.clone());
    let it = &vm.iter_types;
    all.extend([&it.list, &it.list_reverse, &it.tuple, &it.str, &it.dict_keys, &it.dict_values, &it.dict_items, &it.dict_reverse_keys, &it.dict_reverse_values, &it.dict_reverse_items, &it.set, &it.range, &it.longrange, &it.keys_view, &it.values_view, &it.items_view].map(PyRef::clone));
    for ty in &all {
        vm.ready_type(ty);
    }
}

/// Fill `ty`'s empty slots from its MRO (for builtin types created after start-up too).
pub fn inherit_slots(ty: &PyRef) {
    let Some(t) = ty.as_type() else { return };
    let mro = t.mro.borrow().clone();
    let mut slots = t.slots();
    for base in mro.iter().skip(1) {
        if let Some(bt) = base.as_type() {
            slots.inherit_from(&bt.slots());
        }
    }
    *t.slots.borrow_mut() = slots;
}

fn set_mro(t: &PyRef, mro: Vec<PyRef>) {
    *t.as_type().expect("type").mro.borrow_mut() = mro;
}

/// C3 linearisation for a type whose bases already have their MRO.
pub fn compute_linear_mro(t: &PyRef) -> Vec<PyRef> {
    let data = t.as_type().expect("type");
    let bases = data.bases.borrow().clone();
    let mut seqs: Vec<Vec<PyRef>> = bases.iter().map(|b| b.as_type().map(|bt| bt.mro.borrow().clone()).unwrap_or_default()).collect();
    seqs.push(bases);
    let mut out = vec![t.clone()];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return out;
        }
        let head = seqs.iter().map(|s| s[0].clone()).find(|c| !seqs.iter().any(|s| s[1..].iter().any(|x| x.is(c))));
        let Some(head) = head else { return out };
        for s in &mut seqs {
            if s[0].is(&head) {
                s.remove(0);
            }
        }
        out.push(head);
    }
}
