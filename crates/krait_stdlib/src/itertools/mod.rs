//! The `itertools` module: every iterator type of CPython 3.11's itertools, as types with
//! iter/next slots (subclassable where CPython's are).

mod combinatoric;
mod filtering;
mod grouping;
mod infinite;

use crate::util::{new_module, new_type, set};
use krait_vm::object::{NewFn, PyRef, Slots, TypeFlags, Value};
use krait_vm::types::methods::{method, MethodDef, MethodKind};
use krait_vm::{PyResult, Vm};

type NextFn = fn(&mut Vm, &Value) -> PyResult<Option<Value>>;
type UnaryFn = fn(&mut Vm, &Value) -> PyResult<Value>;

fn iter_self(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

/// One iterator type: registry key, constructor, next, optional repr, subclassable.
struct Def {
    key: &'static str,
    new: Option<NewFn>,
    next: NextFn,
    repr: Option<UnaryFn>,
    base_type: bool,
    methods: &'static [MethodDef],
}

const fn def(key: &'static str, new: NewFn, next: NextFn) -> Def {
    Def { key, new: Some(new), next, repr: None, base_type: true, methods: &[] }
}

const CHAIN_METHODS: &[MethodDef] =
    &[MethodDef { name: "from_iterable", sig: "(cls, iterable, /)", func: filtering::chain_from_iterable, kind: MethodKind::ClassMethod }];
const REPEAT_METHODS: &[MethodDef] = &[method("__length_hint__", "(self, /)", infinite::repeat_length_hint)];
const TEE_METHODS: &[MethodDef] = &[method("__copy__", "(self, /)", grouping::tee_copy)];

/// Build the `itertools` module.
pub fn make_module(vm: &mut Vm) -> PyRef {
    let (m, d) = new_module(vm, "itertools", &[method("tee", "(iterable, n=2, /)", grouping::tee)]);
    let defs = [
        Def { repr: Some(infinite::count_repr), ..def("itertools.count", infinite::count_new, infinite::count_next) },
        def("itertools.cycle", infinite::cycle_new, infinite::cycle_next),
        Def { repr: Some(infinite::repeat_repr), methods: REPEAT_METHODS, ..def("itertools.repeat", infinite::repeat_new, infinite::repeat_next) },
        def("itertools.accumulate", filtering::accumulate_new, filtering::accumulate_next),
        Def { methods: CHAIN_METHODS, ..def("itertools.chain", filtering::chain_new, filtering::chain_next) },
        def("itertools.compress", filtering::compress_new, filtering::compress_next),
        def("itertools.dropwhile", filtering::dropwhile_new, filtering::dropwhile_next),
        def("itertools.takewhile", filtering::takewhile_new, filtering::takewhile_next),
        def("itertools.filterfalse", filtering::filterfalse_new, filtering::filterfalse_next),
        def("itertools.starmap", filtering::starmap_new, filtering::starmap_next),
        def("itertools.islice", filtering::islice_new, filtering::islice_next),
        def("itertools.pairwise", filtering::pairwise_new, filtering::pairwise_next),
        def("itertools.zip_longest", filtering::zip_longest_new, filtering::zip_longest_next),
        def("itertools.groupby", grouping::groupby_new, grouping::groupby_next),
        Def { new: None, base_type: false, ..def("itertools._grouper", grouping::groupby_new, grouping::grouper_next) },
        Def { base_type: false, methods: TEE_METHODS, ..def("itertools._tee", grouping::tee_new, grouping::tee_next) },
        def("itertools.product", combinatoric::product_new, combinatoric::combo_next),
        def("itertools.permutations", combinatoric::permutations_new, combinatoric::combo_next),
        def("itertools.combinations", combinatoric::combinations_new, combinatoric::combo_next),
        def("itertools.combinations_with_replacement", combinatoric::cwr_new, combinatoric::combo_next),
    ];
    for def in defs {
        let slots = Slots { new: def.new, init: Some(|_, _, _| Ok(())), iter: Some(iter_self), next: Some(def.next), repr: def.repr, ..Slots::default() };
        let flags = if def.base_type { TypeFlags::BASETYPE } else { 0 };
        let t = new_type(vm, "itertools", def.key, None, slots, flags, def.methods);
        let name = def.key.trim_start_matches("itertools.");
        set(vm, &d, name, Value::Obj(t));
    }
    m
}
