//! Building and unpacking collections: sets, dict merges, slices, `*` unpacking.

use crate::interp::frame::Frame;
use crate::object::{Payload, Value};
use crate::types::dict_ops;
use crate::vm::{PyResult, Vm};

/// BUILD_SET n: `(items[n] -- set)`.
pub fn build_set(vm: &mut Vm, frame: &mut Frame, n: usize) -> PyResult<()> {
    let items = frame.pop_n(n);
    let t = vm.types.set.clone();
    let set = vm.call_positional(&Value::Obj(t), &[])?;
    for it in items {
        vm.call_method(&set, "add", &[it])?;
    }
    frame.push(set);
    Ok(())
}

/// SET_ADD i: `(set, ..., item -- set, ...)`.
pub fn set_add(vm: &mut Vm, frame: &mut Frame, i: usize) -> PyResult<()> {
    let v = frame.pop();
    let set = frame.peek(i).clone();
    vm.call_method(&set, "add", &[v]).map(|_| ())
}

/// SET_UPDATE i: `(set, ..., iterable -- set, ...)`.
pub fn set_update(vm: &mut Vm, frame: &mut Frame, i: usize) -> PyResult<()> {
    let v = frame.pop();
    let set = frame.peek(i).clone();
    vm.call_method(&set, "update", &[v]).map(|_| ())
}

/// DICT_UPDATE i: `(dict, ..., mapping -- dict, ...)`.
pub fn dict_update(vm: &mut Vm, frame: &mut Frame, i: usize) -> PyResult<()> {
    let m = frame.pop();
    let d = frame.peek(i).clone();
    match merge(vm, &d, &m, false) {
        Err(e) if vm.is_subtype(&e.0.class(), &vm.exc.attribute_error.clone()) => {
            let n = vm.type_name(&m);
            Err(vm.new_type_error(format!("'{n}' object is not a mapping")))
        }
        other => other.map(|_| ()),
    }
}

/// DICT_MERGE i: like DICT_UPDATE, for `f(**m)`: duplicate keys are an error. The
/// callable sits below: `(callable, NULL/self, args, dict, ..., mapping)`.
pub fn dict_merge(vm: &mut Vm, frame: &mut Frame, i: usize) -> PyResult<()> {
    let m = frame.pop();
    let d = frame.peek(i).clone();
    match merge(vm, &d, &m, true) {
        Ok(None) => Ok(()),
        Ok(Some(key)) => {
            let func = frame.peek(i + 2).clone();
            let fname = func_name(vm, &func);
            let k = vm.str_of(&key);
            Err(vm.new_type_error(format!("{fname} got multiple values for keyword argument '{k}'")))
        }
        Err(e) if vm.is_subtype(&e.0.class(), &vm.exc.attribute_error.clone()) => {
            let func = frame.peek(i + 2).clone();
            let fname = func_name(vm, &func);
            let n = vm.type_name(&m);
            Err(vm.new_type_error(format!("{fname} argument after ** must be a mapping, not {n}")))
        }
        Err(e) => Err(e),
    }
}

/// `module.qualname()` for call error messages (CPython's `_PyObject_FunctionStr`; the
/// module is left out when it is `builtins` or not a str).
pub fn func_name(vm: &mut Vm, func: &Value) -> String {
    match vm.get_attr_str(func, "__qualname__") {
        Ok(q) if q.as_obj().and_then(|o| o.as_str()).is_some() => {
            let q = vm.str_of(&q).to_string();
            match vm.get_attr_str(func, "__module__") {
                Ok(m) if m.as_obj().and_then(|o| o.as_str()).is_some_and(|s| s.as_str() != "builtins") => format!("{}.{q}()", vm.str_of(&m)),
                _ => format!("{q}()"),
            }
        }
        _ => format!("{} object", vm.type_name(func)),
    }
}

/// Merge mapping `m` into dict `d` (keys() + __getitem__ for non-dicts). With
/// `no_duplicates`, stops at the first key already present and returns it.
pub fn merge(vm: &mut Vm, d: &Value, m: &Value, no_duplicates: bool) -> PyResult<Option<Value>> {
    let Some(dref) = d.as_obj().cloned() else { return Ok(None) };
    let pairs: Vec<(Value, Value)> = match m.as_obj().map(|o| &o.payload) {
        Some(Payload::Dict(t)) if vm.is_exact(m.as_obj().expect("obj"), &vm.types.dict) => t.borrow().iter().map(|(_, e)| (e.key.clone(), e.value.clone())).collect(),
        _ => {
            let keys = vm.call_method(m, "keys", &[])?;
            let keys = vm.collect(&keys)?;
            let mut out = Vec::with_capacity(keys.len());
            for k in keys {
                let v = vm.get_item(m, &k)?;
                out.push((k, v));
            }
            out
        }
    };
    for (k, v) in pairs {
        if no_duplicates && dict_ops::get_item(vm, &dref, &k)?.is_some() {
            return Ok(Some(k));
        }
        dict_ops::set_item(vm, &dref, k, v)?;
    }
    Ok(None)
}

/// BUILD_SLICE n: `(start, stop[, step] -- slice)`.
pub fn build_slice(vm: &mut Vm, frame: &mut Frame, n: usize) {
    let step = if n == 3 { frame.pop() } else { Value::None };
    let stop = frame.pop();
    let start = frame.pop();
    let s = crate::types::slice::new_slice(vm, start, stop, step);
    frame.push(s);
}

/// BUILD_SLICE (`n` bounds) directly followed by BINARY_SUBSCR on an exact list, tuple
/// or str with int or None bounds: `seq[a:b:c]` taken without making the slice object
/// (CPython keeps a one-object slice cache for the same purpose). False (nothing done)
/// when the operands are not of that kind.
pub fn slice_subscr(vm: &mut Vm, frame: &mut Frame, n: usize) -> bool {
    let sp = frame.sp;
    let bound = |v: &Value| match v {
        Value::Int(i) => Some(Some(*i)),
        Value::None => Some(None),
        _ => None,
    };
    let step = if n == 3 { bound(&frame.slots[sp - 1]) } else { Some(None) };
    let (Some(start), Some(stop), Some(step)) = (bound(&frame.slots[sp - n]), bound(&frame.slots[sp - n + 1]), step) else { return false };
    let step = match step {
        None => 1,
        Some(0) => return false,
        Some(s) => s.max(-i64::MAX),
    };
    let Value::Obj(seq) = &frame.slots[sp - n - 1] else { return false };
    let slice = |len: usize| crate::types::slice::adjust(start, stop, step, len as i64);
    let r = if vm.is_exact(seq, &vm.types.list) {
        let Some(l) = seq.as_list() else { return false };
        let out = crate::types::list::slice_items(&l.borrow(), slice(l.borrow().len()));
        vm.new_list(out)
    } else if vm.is_exact(seq, &vm.types.tuple) {
        let Some(t) = seq.as_tuple() else { return false };
        let s = slice(t.len());
        if s.step == 1 && s.len == t.len() {
            Value::Obj(seq.clone())
        } else {
            let out = crate::types::list::slice_items(t, s);
            vm.new_tuple(out)
        }
    } else if vm.is_exact(seq, &vm.types.str) {
        let Some(ps) = seq.as_str() else { return false };
        let s = slice(ps.char_len());
        crate::types::str_methods::str_slice(vm, ps, s)
    } else {
        return false;
    };
    frame.drop_top(n + 1);
    frame.push(r);
    true
}

/// UNPACK_EX (before | after << 8): `(seq -- items...)` with a list for the starred part.
pub fn unpack_ex(vm: &mut Vm, frame: &mut Frame, arg: u32) -> PyResult<()> {
    let before = (arg & 0xff) as usize;
    let after = (arg >> 8) as usize;
    let seq = frame.pop();
    let items = unpack_items(vm, &seq)?;
    if items.len() < before + after {
        return Err(vm.new_value_error(format!("not enough values to unpack (expected at least {}, got {})", before + after, items.len())));
    }
    let mid_end = items.len() - after;
    let mut items = items;
    let tail: Vec<Value> = items.drain(mid_end..).collect();
    let mid: Vec<Value> = items.drain(before..).collect();
    for v in tail.into_iter().rev() {
        frame.push(v);
    }
    let l = vm.new_list(mid);
    frame.push(l);
    for v in items.into_iter().rev() {
        frame.push(v);
    }
    Ok(())
}

/// The items of an unpacking target's value; CPython's message for a non-iterable.
pub fn unpack_items(vm: &mut Vm, seq: &Value) -> PyResult<Vec<Value>> {
    let t = vm.type_of(seq);
    let s = t.as_type().map(|t| t.slots()).unwrap_or_default();
    if s.iter.is_none() && s.getitem.is_none() {
        let n = vm.type_name(seq);
        return Err(vm.new_type_error(format!("cannot unpack non-iterable {n} object")));
    }
    vm.collect(seq)
}

/// GET_LEN: `(obj -- obj, len(obj))`.
pub fn get_len(vm: &mut Vm, frame: &mut Frame) -> PyResult<()> {
    let obj = frame.top().clone();
    let n = vm.len(&obj)?;
    frame.push(Value::Int(n as i64));
    Ok(())
}
