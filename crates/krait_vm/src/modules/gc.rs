//! The `gc` module (CPython's Modules/gcmodule.c interface): the collector's settings
//! (enabled flag, thresholds, debug flags), `collect` and the introspection functions.
//! The collector itself is in gc_collect.rs, its view of the heap in
//! object/gc_registry.rs.

use super::util::{add_bound, i64_arg, new_module_with, set};
use crate::object::gc_registry::{self, traverse};
use crate::object::{Payload, PyRef, Value};
use crate::types::methods::method;
use crate::vm::{PyResult, Vm};
use std::cell::Cell;

/// The collector settings (the bound `self` of the module's functions).
struct GcState {
    enabled: Cell<bool>,
    threshold: Cell<[i64; 3]>,
    debug: Cell<i64>,
}

fn state(v: &Value) -> Option<&GcState> {
    v.as_obj().and_then(|o| o.native::<GcState>())
}

// gc_set_threshold: the given thresholds replace the first ones.
fn set_threshold(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let given = crate::builtins::tuple_items(&a[1]).to_vec();
    if given.is_empty() {
        return Err(vm.new_type_error("set_threshold() takes at least 1 argument (0 given)"));
    }
    if given.len() > 3 {
        return Err(vm.new_type_error(format!("set_threshold() takes at most 3 arguments ({} given)", given.len())));
    }
    let Some(s) = state(&a[0]) else { return Ok(Value::None) };
    let mut t = s.threshold.get();
    for (i, v) in given.iter().enumerate() {
        t[i] = i64_arg(vm, v)?;
    }
    s.threshold.set(t);
    sync_threshold(s);
    Ok(Value::None)
}

/// Tell the registry when to ask for a collection (never while disabled).
fn sync_threshold(s: &GcState) {
    let t = if s.enabled.get() { usize::try_from(s.threshold.get()[0]).unwrap_or(0) } else { 0 };
    gc_registry::set_threshold(t);
}

pub use super::gc_collect::collect_automatic;

/// Call each of `gc.callbacks` with (phase, info) (invoke_gc_callback); errors are
/// unraisable.
fn run_callbacks(vm: &mut Vm, module: &Value, phase: &str, generation: i64, collected: usize) {
    let Ok(Some(list)) = vm.get_attr_opt_str(module, "callbacks") else { return };
    let Some(items) = list.as_obj().and_then(|o| o.as_list()).map(|l| l.borrow().clone()) else { return };
    if items.is_empty() {
        return;
    }
    let info = vm.new_dict_ref();
    for (k, v) in [("generation", generation), ("collected", collected as i64), ("uncollectable", 0)] {
        let key = vm.new_str(k);
        let _ = vm.dict_set_item(&info, key, Value::Int(v));
    }
    let phase = vm.new_str(phase);
    for cb in items {
        if let Err(e) = vm.call_positional(&cb, &[phase.clone(), Value::Obj(info.clone())]) {
            crate::interp::finalize::write_unraisable(vm, &e, None, &cb);
        }
    }
}

// gc_collect_impl
fn collect(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let g = i64_arg(vm, &a[1])?;
    if !(0..=2).contains(&g) {
        return Err(vm.new_value_error("invalid generation"));
    }
    let module = super::builtin_module(vm, "gc").map(Value::Obj).unwrap_or(Value::None);
    run_callbacks(vm, &module, "start", g, 0);
    // Finalisers already queued run first, as CPython would have run them already.
    crate::interp::finalize::run_pending(vm);
    let n = super::gc_collect::collect(vm, g > 0);
    crate::interp::finalize::run_pending(vm);
    run_callbacks(vm, &module, "stop", g, n);
    Ok(Value::Int(n as i64))
}

// gc_is_tracked: atoms are never tracked; a dict only while it holds a tracked object.
fn is_tracked(vm: &mut Vm, v: &Value) -> bool {
    let Value::Obj(o) = v else { return false };
    let cls = o.class();
    let atomic = [&vm.types.int, &vm.types.float, &vm.types.complex, &vm.types.str, &vm.types.bytes, &vm.types.bool];
    if atomic.iter().any(|t| cls.is(t)) {
        return false;
    }
    match &o.payload {
        Payload::Dict(d) if cls.is(&vm.types.dict) => {
            let items: Vec<(Value, Value)> = d.borrow().iter().map(|(_, e)| (e.key.clone(), e.value.clone())).collect();
            items.iter().any(|(k, x)| is_tracked(vm, k) || is_tracked(vm, x))
        }
        Payload::Tuple(t) if cls.is(&vm.types.tuple) => !t.is_empty(),
        _ => true,
    }
}

// gc_get_objects_impl: generation 0 is the young generation; 1 and 2 are the rest.
fn get_objects(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let objs = match &a[0] {
        Value::None => gc_registry::live_objects(true),
        g => match i64_arg(vm, g)? {
            0 => gc_registry::live_objects(false),
            1 | 2 => {
                let young: Vec<usize> = gc_registry::live_objects(false).iter().map(|o| o.addr()).collect();
                gc_registry::live_objects(true).into_iter().filter(|o| !young.contains(&o.addr())).collect()
            }
            n if n < 0 => return Err(vm.new_value_error("generation parameter must be >= 0")),
            _ => return Err(vm.new_value_error("generation parameter must be less than the number of available generations (3)")),
        },
    };
    Ok(vm.new_list(objs.into_iter().map(Value::Obj).collect()))
}

fn get_referents(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let mut out = Vec::new();
    for v in crate::builtins::tuple_items(&a[0]) {
        if let Value::Obj(o) = v {
            if gc_registry::is_tracked(o) {
                traverse(o, &mut |r| out.push(Value::Obj(r.clone())));
            }
        }
    }
    Ok(vm.new_list(out))
}

fn get_referrers(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let targets: Vec<usize> = crate::builtins::tuple_items(&a[0]).iter().filter_map(|v| v.as_obj().map(|o| o.addr())).collect();
    let mut out = Vec::new();
    for o in gc_registry::live_objects(true) {
        let mut hit = false;
        traverse(&o, &mut |r| hit |= targets.contains(&r.addr()));
        if hit {
            out.push(Value::Obj(o));
        }
    }
    Ok(vm.new_list(out))
}

/// Build the `gc` module.
pub fn make_module(vm: &mut Vm) -> PyRef {
    let m = new_module_with(vm, "gc", &[
        method("is_tracked", "(obj, /)", |vm, a| Ok(Value::Bool(is_tracked(vm, &a[0])))),
        method("is_finalized", "(obj, /)", |_, a| Ok(Value::Bool(a[0].as_obj().is_some_and(|o| crate::object::finalize::is_finalized(o.addr()))))),
        method("get_count", "()", |vm, _| {
            let young = gc_registry::counts().1 as i64;
            Ok(vm.new_tuple(vec![Value::Int(young), Value::Int(0), Value::Int(0)]))
        }),
        method("freeze", "()", |_, _| Ok(Value::None)),
        method("unfreeze", "()", |_, _| Ok(Value::None)),
        method("get_freeze_count", "()", |_, _| Ok(Value::Int(0))),
        method("get_objects", "(generation=None)", get_objects),
        method("get_referrers", "(*objs)", get_referrers),
        method("get_referents", "(*objs)", get_referents),
        method("get_stats", "()", |vm, _| {
            let mut gens = Vec::new();
            for _ in 0..3 {
                let d = vm.new_dict_ref();
                for k in ["collections", "collected", "uncollectable"] {
                    let key = vm.new_str(k);
                    vm.dict_set_item(&d, key, Value::Int(0))?;
                }
                gens.push(Value::Obj(d));
            }
            Ok(vm.new_list(gens))
        }),
    ]);
    let st = GcState { enabled: Cell::new(true), threshold: Cell::new([700, 10, 10]), debug: Cell::new(0) };
    let st = vm.wrap(Payload::Native(Box::new(st)), &vm.types.object.clone());
    add_bound(vm, &m, "gc", &st, &[
        ("enable", "(gc, /)", |_, a| {
            if let Some(s) = state(&a[0]) {
                s.enabled.set(true);
                sync_threshold(s);
            }
            Ok(Value::None)
        }),
        ("disable", "(gc, /)", |_, a| {
            if let Some(s) = state(&a[0]) {
                s.enabled.set(false);
                sync_threshold(s);
            }
            Ok(Value::None)
        }),
        ("isenabled", "(gc, /)", |_, a| Ok(Value::Bool(state(&a[0]).is_some_and(|s| s.enabled.get())))),
        ("collect", "(gc, /, generation=2)", collect),
        ("get_threshold", "(gc, /)", |vm, a| {
            let t = state(&a[0]).map_or([700, 10, 10], |s| s.threshold.get());
            Ok(vm.new_tuple(t.iter().map(|&x| Value::Int(x)).collect()))
        }),
        ("set_threshold", "(gc, /, *thresholds)", set_threshold),
        ("get_debug", "(gc, /)", |_, a| Ok(Value::Int(state(&a[0]).map_or(0, |s| s.debug.get())))),
        ("set_debug", "(gc, flags, /)", |vm, a| {
            let f = i64_arg(vm, &a[1])?;
            if let Some(s) = state(&a[0]) {
                s.debug.set(f);
            }
            Ok(Value::None)
        }),
    ]);
    for (name, v) in [("DEBUG_STATS", 1), ("DEBUG_COLLECTABLE", 2), ("DEBUG_UNCOLLECTABLE", 4), ("DEBUG_SAVEALL", 32), ("DEBUG_LEAK", 38)] {
        set(vm, &m, name, Value::Int(v));
    }
    for name in ["garbage", "callbacks"] {
        let l = vm.new_list(vec![]);
        set(vm, &m, name, l);
    }
    m
}
