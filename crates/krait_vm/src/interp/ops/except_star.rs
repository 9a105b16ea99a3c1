//! `except*` support: CHECK_EG_MATCH and PREP_RERAISE_STAR (CPython's
//! `exception_group_match` and `_PyExc_PrepReraiseStar`).

use crate::interp::frame::Frame;
use crate::object::{Payload, PyRef, Value};
use crate::vm::{PyResult, Vm};

/// CHECK_EG_MATCH: `(exc, type -- rest, match)` on a match, `(exc, type -- exc, None)`
/// otherwise; a match becomes the exception being handled.
pub fn check_eg_match(vm: &mut Vm, frame: &mut Frame) -> PyResult<()> {
    let match_type = frame.pop();
    check_type_valid(vm, &match_type)?;
    let exc = frame.top().clone();
    let (matched, rest) = group_match(vm, &exc, &match_type)?;
    if matched.is_none() {
        frame.push(Value::None);
        return Ok(());
    }
    frame.pop();
    frame.push(rest);
    frame.push(matched.clone());
    vm.exc_info = matched;
    Ok(())
}

fn check_type_valid(vm: &mut Vm, t: &Value) -> PyResult<()> {
    let items = match t.as_obj().and_then(|o| o.as_tuple()) {
        Some(items) => items.to_vec(),
        None => vec![t.clone()],
    };
    let base = vm.exc.base_exception.clone();
    let group = vm.exc.base_exception_group.clone();
    for it in &items {
        let Some(c) = it.as_obj().filter(|o| o.as_type().is_some() && vm.is_subtype(o, &base)) else {
            return Err(vm.new_type_error("catching classes that do not inherit from BaseException is not allowed"));
        };
        if vm.is_subtype(c, &group) {
            return Err(vm.new_type_error("catching ExceptionGroup with except* is not allowed. Use except instead."));
        }
    }
    Ok(())
}

/// An `except` clause's class (or tuple of classes) must derive from BaseException.
pub fn check_except_type(vm: &mut Vm, t: &Value) -> PyResult<()> {
    let items = match t.as_obj().and_then(|o| o.as_tuple()) {
        Some(items) => items.to_vec(),
        None => vec![t.clone()],
    };
    let base = vm.exc.base_exception.clone();
    if items.iter().all(|it| it.as_obj().is_some_and(|o| o.as_type().is_some() && vm.is_subtype(o, &base))) {
        return Ok(());
    }
    Err(vm.new_type_error("catching classes that do not inherit from BaseException is not allowed"))
}

fn is_group(vm: &Vm, v: &Value) -> bool {
    let g = vm.exc.base_exception_group.clone();
    v.as_obj().is_some_and(|o| vm.is_subtype(&o.class(), &g))
}

/// `(match, rest)` for `except* match_type` on `exc`.
fn group_match(vm: &mut Vm, exc: &Value, match_type: &Value) -> PyResult<(Value, Value)> {
    if exc.is_none() {
        return Ok((Value::None, Value::None));
    }
    if vm.isinstance(exc, match_type)? {
        if is_group(vm, exc) {
            return Ok((exc.clone(), Value::None));
        }
        // A naked exception is wrapped in a group (keeping its traceback).
        let msg = vm.new_str("");
        let list = vm.new_tuple(vec![exc.clone()]);
        let cls = Value::Obj(vm.exc.base_exception_group.clone());
        let wrapped = vm.call_positional(&cls, &[msg, list])?;
        if let (Some(Payload::Exception(src)), Some(Payload::Exception(dst))) = (exc.as_obj().map(|o| &o.payload), wrapped.as_obj().map(|o| &o.payload)) {
            *dst.traceback.borrow_mut() = src.traceback.borrow().clone();
        }
        return Ok((wrapped, Value::None));
    }
    if is_group(vm, exc) {
        let pair = vm.call_method(exc, "split", std::slice::from_ref(match_type))?;
        let items = vm.collect(&pair)?;
        if items.len() == 2 {
            return Ok((items[0].clone(), items[1].clone()));
        }
        return Err(vm.new_type_error("ExceptionGroup.split must return a 2-tuple"));
    }
    Ok((Value::None, Value::None))
}

/// PREP_RERAISE_STAR: `(orig, list -- exc or None)`: the raised exceptions plus the
/// re-raised part of `orig` (keeping its structure), as one group.
pub fn prep_reraise_star(vm: &mut Vm, frame: &mut Frame) -> PyResult<()> {
    let excs = frame.pop();
    let orig = frame.pop();
    let excs = vm.collect(&excs)?;
    let r = prep_reraise(vm, &orig, excs)?;
    frame.push(r);
    Ok(())
}

fn prep_reraise(vm: &mut Vm, orig: &Value, excs: Vec<Value>) -> PyResult<Value> {
    if excs.is_empty() {
        return Ok(Value::None);
    }
    if !is_group(vm, orig) {
        return Ok(excs.into_iter().next().unwrap_or(Value::None));
    }
    let mut raised = Vec::new();
    let mut reraised = Vec::new();
    for e in excs.into_iter().filter(|e| !e.is_none()) {
        if same_metadata(vm, &e, orig) {
            reraised.push(e);
        } else {
            raised.push(e);
        }
    }
    let mut leaves = Vec::new();
    for e in &reraised {
        collect_leaves(vm, e, &mut leaves)?;
    }
    let reraised_eg = project(vm, orig, &leaves)?;
    if raised.is_empty() {
        return Ok(reraised_eg);
    }
    if !reraised_eg.is_none() {
        raised.push(reraised_eg);
    }
    let msg = vm.new_str("");
    let list = vm.new_list(raised);
    let cls = Value::Obj(vm.exc.exception_group.clone());
    match vm.call_positional(&cls, &[msg.clone(), list.clone()]) {
        Ok(g) => Ok(g),
        // Not all are Exceptions: a BaseExceptionGroup.
        Err(_) => {
            let cls = Value::Obj(vm.exc.base_exception_group.clone());
            vm.call_positional(&cls, &[msg, list])
        }
    }
}

/// Whether `e` carries the same notes, traceback, cause and context objects as `orig`.
fn same_metadata(vm: &mut Vm, e: &Value, orig: &Value) -> bool {
    let (Some(a), Some(b)) = (e.as_obj(), orig.as_obj()) else { return false };
    let (Payload::Exception(x), Payload::Exception(y)) = (&a.payload, &b.payload) else { return false };
    let notes = |vm: &mut Vm, v: &Value| vm.get_attr_opt_str(v, "__notes__").ok().flatten().unwrap_or(Value::Null);
    let (na, nb) = (notes(vm, e), notes(vm, orig));
    na.is(&nb) && x.traceback.borrow().is(&y.traceback.borrow()) && x.cause.borrow().is(&y.cause.borrow()) && x.context.borrow().is(&y.context.borrow())
}

fn group_children(vm: &mut Vm, g: &Value) -> PyResult<Vec<Value>> {
    let ex = vm.get_attr_str(g, "exceptions")?;
    vm.collect(&ex)
}

fn collect_leaves(vm: &mut Vm, e: &Value, out: &mut Vec<PyRef>) -> PyResult<()> {
    if is_group(vm, e) {
        for c in group_children(vm, e)? {
            collect_leaves(vm, &c, out)?;
        }
    } else if let Value::Obj(o) = e {
        out.push(o.clone());
    }
    Ok(())
}

/// The part of group `g` whose leaves are in `keep`, rebuilt with `derive` as split does.
fn project(vm: &mut Vm, g: &Value, keep: &[PyRef]) -> PyResult<Value> {
    if !is_group(vm, g) {
        let kept = g.as_obj().is_some_and(|o| keep.iter().any(|k| k.is(o)));
        return Ok(if kept { g.clone() } else { Value::None });
    }
    let children = group_children(vm, g)?;
    let mut parts = Vec::new();
    let mut changed = false;
    for c in &children {
        let p = project(vm, c, keep)?;
        changed |= !p.is(c);
        if !p.is_none() {
            parts.push(p);
        }
    }
    if parts.is_empty() {
        return Ok(Value::None);
    }
    if !changed {
        return Ok(g.clone());
    }
    let list = vm.new_list(parts);
    let derived = vm.call_method(g, "derive", &[list])?;
    // Copy the metadata as split() does.
    if let (Some(Payload::Exception(src)), Some(Payload::Exception(dst))) = (g.as_obj().map(|o| &o.payload), derived.as_obj().map(|o| &o.payload)) {
        *dst.traceback.borrow_mut() = src.traceback.borrow().clone();
        *dst.cause.borrow_mut() = src.cause.borrow().clone();
        *dst.context.borrow_mut() = src.context.borrow().clone();
    }
    if let Some(notes) = vm.get_attr_opt_str(g, "__notes__")? {
        let key = vm.intern("__notes__");
        vm.set_attr(&derived, &key, notes)?;
    }
    Ok(derived)
}
