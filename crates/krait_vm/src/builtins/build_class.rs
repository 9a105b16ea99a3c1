//! `__build_class__`: run a class body in a fresh namespace and call the metaclass
//! (CPython's `builtin___build_class__`).

use crate::interp::call::make_frame;
use crate::interp::eval::run_frame;
use crate::object::{Args, Payload, Value};
use crate::vm::{PyResult, Vm};

/// __build_class__(func, name, /, *bases, metaclass=None, **kwds)
pub fn build_class(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let func = match &a[0] {
        Value::Obj(o) if matches!(o.payload, Payload::Function(_)) => o.clone(),
        _ => return Err(vm.new_type_error("__build_class__: func must be a function")),
    };
    let name = a[1].clone();
    if name.as_obj().and_then(|o| o.as_str()).is_none() {
        return Err(vm.new_type_error("__build_class__: name is not a string"));
    }
    let orig_bases = a[2].clone();
    let base_list = update_bases(vm, &orig_bases)?;
    let bases = if base_list.len() == super::tuple_items(&orig_bases).len() && base_list.iter().zip(super::tuple_items(&orig_bases)).all(|(x, y)| x.is(y)) {
        orig_bases.clone()
    } else {
        vm.new_tuple(base_list.clone())
    };
    let kwds = a[4].clone();
    // The metaclass: explicit, else the most derived metaclass of the bases.
    let mut meta: Value = if a[3].is_none() {
        match base_list.first() {
            Some(b) => Value::Obj(vm.type_of(b)),
            None => Value::Obj(vm.types.type_.clone()),
        }
    } else {
        a[3].clone()
    };
    if let Some(m) = meta.as_obj().filter(|m| m.as_type().is_some()).cloned() {
        meta = Value::Obj(crate::types::typeobject::calculate_metaclass(vm, &m, &base_list)?);
    }
    let (kwnames, kwvalues) = dict_to_kwargs(vm, &kwds);
    // The namespace from __prepare__, else a dict.
    let prepare = vm.intern("__prepare__");
    let ns = match vm.get_attr_opt(&meta, &prepare)? {
        Some(prep) => {
            let mut args = vec![name.clone(), bases.clone()];
            args.extend(kwvalues.iter().cloned());
            vm.call(&prep, Args { args: &args, kwnames: &kwnames })?
        }
        None => vm.new_dict(),
    };
    let mut frame = make_frame(vm, &func, Args::positional(&[]))?;
    frame.locals = ns.clone();
    let cell = run_frame(vm, frame)?;
    if !bases.is(&orig_bases) {
        let key = vm.new_str("__orig_bases__");
        vm.set_item(&ns, &key, orig_bases)?;
    }
    let mut args = vec![name.clone(), bases, ns];
    args.extend(kwvalues.iter().cloned());
    let cls = vm.call(&meta, Args { args: &args, kwnames: &kwnames })?;
    // The metaclass must have passed `__classcell__` on to type.__new__.
    if let (Value::Obj(c), true) = (&cell, cls.as_obj().is_some_and(|o| o.as_type().is_some())) {
        if let Payload::Cell(content) = &c.payload {
            let cell_cls = content.borrow().clone();
            if !cell_cls.is(&cls) {
                let (n, c) = (vm.repr(&name)?, vm.repr(&cls)?);
                let (n, c) = (vm.str_of(&Value::Obj(n)), vm.str_of(&Value::Obj(c)));
                if cell_cls.is_null() {
                    return Err(vm.new_runtime_error(format!("__class__ not set defining {n} as {c}. Was __classcell__ propagated to type.__new__?")));
                }
                let cc = vm.repr(&cell_cls)?;
                let cc = vm.str_of(&Value::Obj(cc));
                return Err(vm.new_type_error(format!("__class__ set to {cc} defining {n} as {c}")));
            }
        }
    }
    Ok(cls)
}

// update_bases
/// The bases after replacing each non-class base by its `__mro_entries__(bases)` (PEP 560).
fn update_bases(vm: &mut Vm, bases: &Value) -> PyResult<Vec<Value>> {
    let mut out = Vec::new();
    for b in super::tuple_items(bases).to_vec() {
        if b.as_obj().is_some_and(|o| o.as_type().is_some()) {
            out.push(b);
            continue;
        }
        let Some(meth) = vm.get_attr_opt_str(&b, "__mro_entries__")? else {
            out.push(b);
            continue;
        };
        let entries = vm.call_positional(&meth, std::slice::from_ref(bases))?;
        if entries.as_obj().and_then(|o| o.as_tuple()).is_none() {
            return Err(vm.new_type_error("__mro_entries__ must return a tuple"));
        }
        out.extend(super::tuple_items(&entries).iter().cloned());
    }
    Ok(out)
}

fn dict_to_kwargs(vm: &mut Vm, kwds: &Value) -> (Vec<Value>, Vec<Value>) {
    let _ = vm;
    match kwds.as_obj().and_then(|o| o.as_dict()) {
        Some(d) => d.borrow().iter().map(|(_, e)| (e.key.clone(), e.value.clone())).unzip(),
        None => (Vec::new(), Vec::new()),
    }
}
