//! `_thread._local` (CPython's localobject in Modules/_threadmodule.c): an object whose
//! attributes are per thread. Each thread sees its own instance dict, created on its
//! first access (running a subclass's `__init__` with the constructor's arguments);
//! a thread's dicts are dropped when it ends.

use crate::interp::gil;
use crate::object::{Args, GilStatic, PyRef, PyWeak, Value};
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;
use std::collections::HashMap;

/// The per-thread dicts of one `_local` and its constructor arguments.
struct Local {
    dicts: RefCell<HashMap<u64, PyRef>>,
    /// Positional then keyword argument values, and the keyword names.
    args: Vec<Value>,
    kwnames: Vec<Value>,
}

/// The `_local` objects holding a dict for each thread, by thread ident.
static BY_THREAD: GilStatic<RefCell<HashMap<u64, Vec<PyWeak>>>> = GilStatic::new(|| RefCell::new(HashMap::new()));

fn state(v: &Value) -> Option<&Local> {
    v.as_obj()?.native::<Local>()
}

// local_new
pub fn local_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    if !args.args.is_empty() {
        let init = vm.intern("__init__");
        let own = vm.lookup_type_attr(cls, &init);
        let base = vm.lookup_type_attr(&vm.types.object.clone(), &init);
        if matches!((&own, &base), (Some(Value::Obj(a)), Some(Value::Obj(b))) if a.is(b)) {
            return Err(vm.new_type_error("Initialization arguments are not supported"));
        }
    }
    let st = Local { dicts: RefCell::new(HashMap::new()), args: args.args.to_vec(), kwnames: args.kwnames.to_vec() };
    let obj = vm.wrap(crate::object::Payload::Native(Box::new(st)), cls);
    // The creating thread's dict; its __init__ is run by the type call.
    install(vm, &obj, false)?;
    Ok(obj)
}

/// Make the running thread's dict `obj`'s instance dict, creating it (and running
/// `__init__` when `init`) on the thread's first access.
fn install(vm: &mut Vm, obj: &Value, init: bool) -> PyResult<()> {
    let (Some(o), Some(st)) = (obj.as_obj(), state(obj)) else { return Ok(()) };
    let me = gil::current_ident();
    let existing = st.dicts.borrow().get(&me).cloned();
    let dict = match existing {
        Some(d) => d,
        None => {
            let d = vm.new_dict_ref();
            st.dicts.borrow_mut().insert(me, d.clone());
            BY_THREAD.borrow_mut().entry(me).or_default().push(o.downgrade());
            *o.dict.borrow_mut() = Some(d.clone());
            if init {
                let ty = o.class();
                if let Some(f) = ty.as_type().and_then(|t| t.slots().init) {
                    let (args, kwnames) = (st.args.clone(), st.kwnames.clone());
                    f(vm, obj, Args { args: &args, kwnames: &kwnames })?;
                }
            }
            d
        }
    };
    *o.dict.borrow_mut() = Some(dict);
    Ok(())
}

// local_getattro
pub fn local_getattro(vm: &mut Vm, obj: &Value, name: &PyRef) -> PyResult<Option<Value>> {
    install(vm, obj, true)?;
    if name.as_str().is_some_and(|s| s.as_str() == "__dict__") {
        return Ok(obj.as_obj().and_then(|o| o.dict.borrow().clone()).map(Value::Obj));
    }
    vm.generic_get_attr(obj, name)
}

// local_setattro
pub fn local_setattro(vm: &mut Vm, obj: &Value, name: &PyRef, value: Value) -> PyResult<()> {
    install(vm, obj, true)?;
    if name.as_str().is_some_and(|s| s.as_str() == "__dict__") {
        let n = vm.type_name(obj);
        return Err(vm.new_attribute_error_for(format!("'{n}' object attribute '__dict__' is read-only"), obj, name));
    }
    vm.generic_set_attr(obj, name, value)
}

/// The thread `ident` ended: drop its dicts from every `_local`.
pub fn thread_ended(ident: u64) {
    let locals = BY_THREAD.borrow_mut().remove(&ident).unwrap_or_default();
    for w in locals {
        if let Some(o) = w.upgrade() {
            let d = o.native::<Local>().and_then(|st| st.dicts.borrow_mut().remove(&ident));
            // Drop the dict after the borrow ends (its values may hold other locals).
            drop(d);
        }
    }
}
