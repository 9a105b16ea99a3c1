//! BaseExceptionGroup / ExceptionGroup: construction rules, `message`, `exceptions`,
//! `derive`, `split`, `subgroup` and the `msg (N sub-exceptions)` str (CPython's
//! BaseExceptionGroup_new and exceptiongroup_split_recursive).

use super::base::new_instance;
use crate::types::getset::GetSetDef;
use super::subclasses::{install, str_pair};
use super::data;
use crate::object::{Args, PyRef, Value};
use crate::types::methods::method;
use crate::vm::{PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let t = vm.exc.base_exception_group.clone();
    if let Some(tt) = t.as_type() {
        let mut s = tt.slots.borrow_mut();
        s.new = Some(group_new);
        s.init = Some(|vm, obj, args| super::subclasses::base_init(vm, obj, args.pos(), &super::subclasses::split_kwargs(vm, args)));
    }
    install(vm, &t, "BaseExceptionGroup", None, Some(str_pair!(group_str)), &[]);
    vm.add_getsets(&t, &[
        GetSetDef { name: "message", get: |_, v, _| Ok(data(v).map(|d| d.field("message")).unwrap_or(Value::None)), set: None },
        GetSetDef { name: "exceptions", get: |_, v, _| Ok(data(v).map(|d| d.field("exceptions")).unwrap_or(Value::None)), set: None },
    ]);
    vm.add_methods(&t, "BaseExceptionGroup", &[
        method("derive", "(self, excs, /)", |vm, a| derive(vm, &a[0], &a[1])),
        method("split", "(self, matcher_value, /)", |vm, a| {
            let (m, r) = split(vm, &a[0], &a[1])?;
            Ok(vm.new_tuple(vec![m, r]))
        }),
        method("subgroup", "(self, matcher_value, /)", |vm, a| Ok(split(vm, &a[0], &a[1])?.0)),
    ]);
}

// BaseExceptionGroup_new
fn group_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    let cls_name = cls.as_type().map(|t| t.name()).unwrap_or_default();
    if pos.len() != 2 {
        return Err(vm.new_type_error(format!("BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)", pos.len())));
    }
    if pos[0].as_obj().is_none_or(|o| o.as_str().is_none()) {
        let n = vm.type_name(&pos[0]);
        return Err(vm.new_type_error(format!("argument 1 must be str, not {n}")));
    }
    let items = match pos[1].as_obj().and_then(|o| o.as_list().map(|l| l.borrow().clone()).or_else(|| o.as_tuple().map(|t| t.to_vec()))) {
        Some(items) => items,
        None => return Err(vm.new_type_error("second argument (exceptions) must be a sequence")),
    };
    if items.is_empty() {
        return Err(vm.new_value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let exception = Value::Obj(vm.exc.exception.clone());
    let mut all_exceptions = true;
    for (i, e) in items.iter().enumerate() {
        if data(e).is_none() {
            return Err(vm.new_value_error(format!("Item {i} of second argument (exceptions) is not an exception")));
        }
        all_exceptions &= vm.isinstance(e, &exception)?;
    }
    let mut cls = cls.clone();
    if cls.is(&vm.exc.base_exception_group) {
        if all_exceptions {
            cls = vm.exc.exception_group.clone();
        }
    } else if cls.is(&vm.exc.exception_group) {
        if !all_exceptions {
            return Err(vm.new_type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
        }
    } else if !all_exceptions && vm.is_subtype(&cls, &vm.exc.exception.clone()) {
        return Err(vm.new_type_error(format!("Cannot nest BaseExceptions in '{cls_name}'")));
    }
    let obj = new_instance(vm, &cls, pos.to_vec());
    if let Some(d) = super::data_of(&obj) {
        d.set_field("message", pos[0].clone());
        let t = vm.new_tuple(items);
        d.set_field("exceptions", t);
    }
    Ok(Value::Obj(obj))
}

// BaseExceptionGroup_str
fn group_str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(d) = data(v) else { return Ok(vm.new_str("")) };
    let msg = vm.str_of(&d.field("message")).to_string();
    let n = d.field("exceptions").as_obj().and_then(|t| t.as_tuple()).map_or(0, |t| t.len());
    Ok(vm.new_str(&format!("{msg} ({n} sub-exception{})", if n > 1 { "s" } else { "" })))
}

/// `self.derive(excs)`: a new group with the same message.
fn derive(vm: &mut Vm, _self: &Value, excs: &Value) -> PyResult<Value> {
    let msg = data(_self).map(|d| d.field("message")).unwrap_or(Value::None);
    let cls = Value::Obj(vm.exc.base_exception_group.clone());
    vm.call_positional(&cls, &[msg, excs.clone()])
}

/// Whether leaf exception `e` matches `matcher` (a type, a tuple of types or a callable).
fn matches(vm: &mut Vm, e: &Value, matcher: &Value) -> PyResult<bool> {
    let is_type = matcher.as_obj().is_some_and(|o| o.as_type().is_some());
    let is_tuple = matcher.as_obj().is_some_and(|o| o.as_tuple().is_some());
    if is_type || is_tuple {
        return vm.isinstance(e, matcher);
    }
    let r = vm.call_positional(matcher, std::slice::from_ref(e))?;
    vm.is_true(&r)
}

/// A derived group of `items` keeping `group`'s traceback, cause, context and notes.
fn derive_and_copy(vm: &mut Vm, group: &Value, items: Vec<Value>) -> PyResult<Value> {
    if items.is_empty() {
        return Ok(Value::None);
    }
    let list = vm.new_list(items);
    let new = vm.call_method(group, "derive", &[list])?;
    if let (Some(src), Some(dst)) = (data(group), data(&new)) {
        *dst.traceback.borrow_mut() = src.traceback.borrow().clone();
        *dst.cause.borrow_mut() = src.cause.borrow().clone();
        *dst.context.borrow_mut() = src.context.borrow().clone();
    }
    // exceptiongroup_subset: each part gets its own shallow copy of a sequence of notes.
    let key = vm.intern("__notes__");
    if let Some(notes) = vm.get_attr_opt(group, &key)? {
        let getitem = vm.intern("__getitem__");
        let nt = vm.type_of(&notes);
        let is_sequence = !vm.is_subtype(&nt, &vm.types.dict.clone()) && vm.lookup_type_attr(&nt, &getitem).is_some();
        if is_sequence {
            let items = vm.collect(&notes)?;
            let copy = vm.new_list(items);
            vm.set_attr(&new, &key, copy)?;
        }
    }
    Ok(new)
}

/// exceptiongroup_split_recursive: (matching part, rest), each a group or None.
fn split(vm: &mut Vm, group: &Value, matcher: &Value) -> PyResult<(Value, Value)> {
    if matches(vm, group, matcher)? {
        return Ok((group.clone(), Value::None));
    }
    let Some(excs) = data(group).map(|d| d.field("exceptions")) else { return Ok((Value::None, group.clone())) };
    let Some(items) = excs.as_obj().and_then(|t| t.as_tuple()).map(|t| t.to_vec()) else {
        return Ok((Value::None, group.clone()));
    };
    let beg = Value::Obj(vm.exc.base_exception_group.clone());
    let (mut yes, mut no) = (Vec::new(), Vec::new());
    for e in items {
        if vm.isinstance(&e, &beg)? {
            let (m, r) = vm.with_recursion_guard(" in exceptiongroup_split_recursive", |vm| split(vm, &e, matcher))?;
            if !m.is_none() {
                yes.push(m);
            }
            if !r.is_none() {
                no.push(r);
            }
        } else if matches(vm, &e, matcher)? {
            yes.push(e);
        } else {
            no.push(e);
        }
    }
    let m = derive_and_copy(vm, group, yes)?;
    let r = derive_and_copy(vm, group, no)?;
    Ok((m, r))
}
