//! Structural pattern matching support (MATCH_MAPPING, MATCH_SEQUENCE, MATCH_KEYS,
//! MATCH_CLASS), as CPython 3.11's ceval.

use crate::interp::frame::Frame;
use crate::object::{TypeFlags, Value};
use crate::vm::{PyResult, Vm};

/// MATCH_MAPPING / MATCH_SEQUENCE: `(subject -- subject, bool)` from the type's flags.
pub fn match_flag(vm: &mut Vm, frame: &mut Frame, flag: u32) {
    let t = vm.type_of(frame.top());
    let r = t.as_type().is_some_and(|t| t.has_flag(flag));
    frame.push(Value::Bool(r));
}

/// MATCH_KEYS: `(subject, keys -- subject, keys, values-tuple or None)`.
pub fn match_keys(vm: &mut Vm, frame: &mut Frame) -> PyResult<()> {
    let keys = frame.top().clone();
    let subject = frame.peek(2).clone();
    let keys = vm.collect(&keys)?;
    if keys.is_empty() {
        let t = vm.new_tuple(Vec::new());
        frame.push(t);
        return Ok(());
    }
    let get = vm.get_attr_str(&subject, "get")?;
    let dummy = vm.new_list(Vec::new());
    let mut values = Vec::with_capacity(keys.len());
    for (i, k) in keys.iter().enumerate() {
        if keys[..i].iter().any(|prev| prev.is(k)) || has_equal(vm, &keys[..i], k)? {
            let r = vm.repr(k)?;
            let r = r.as_str().map(|s| s.as_str().to_string()).unwrap_or_default();
            return Err(vm.new_value_error(format!("mapping pattern checks duplicate key ({r})")));
        }
        let v = vm.call_positional(&get, &[k.clone(), dummy.clone()])?;
        if v.is(&dummy) {
            frame.push(Value::None);
            return Ok(());
        }
        values.push(v);
    }
    let t = vm.new_tuple(values);
    frame.push(t);
    Ok(())
}

fn has_equal(vm: &mut Vm, seen: &[Value], k: &Value) -> PyResult<bool> {
    for s in seen {
        if vm.eq(s, k)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// MATCH_CLASS count: `(subject, cls, names -- attrs-tuple or None)`.
pub fn match_class(vm: &mut Vm, frame: &mut Frame, count: usize) -> PyResult<()> {
    let names = frame.pop();
    let cls = frame.pop();
    let subject = frame.pop();
    let r = match_class_impl(vm, &subject, &cls, count, &names)?;
    frame.push(r);
    Ok(())
}

fn match_class_impl(vm: &mut Vm, subject: &Value, cls: &Value, count: usize, names: &Value) -> PyResult<Value> {
    let Some(cls_ref) = cls.as_obj().filter(|o| o.as_type().is_some()).cloned() else {
        return Err(vm.new_type_error("called match pattern must be a class"));
    };
    if !vm.isinstance(subject, cls)? {
        return Ok(Value::None);
    }
    let cls_name = cls_ref.as_type().map(|t| t.name()).unwrap_or_default();
    let mut attrs = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    if count > 0 {
        let match_args = vm.get_attr_opt_str(cls, "__match_args__")?;
        let match_self = match_args.is_none() && cls_ref.as_type().is_some_and(|t| t.has_flag(TypeFlags::MATCH_SELF));
        if match_self {
            if count > 1 {
                return Err(vm.new_type_error(format!("{cls_name}() accepts 1 positional sub-pattern ({count} given)")));
            }
            attrs.push(subject.clone());
        } else {
            let margs = match &match_args {
                Some(v) => match v.as_obj().and_then(|o| o.as_tuple()) {
                    Some(t) => t.to_vec(),
                    None => {
                        let n = vm.type_name(v);
                        return Err(vm.new_type_error(format!("{cls_name}.__match_args__ must be a tuple (got {n})")));
                    }
                },
                None => Vec::new(),
            };
            if count > margs.len() {
                let s = if margs.len() == 1 { "" } else { "s" };
                return Err(vm.new_type_error(format!("{cls_name}() accepts {} positional sub-pattern{s} ({count} given)", margs.len())));
            }
            for name in &margs[..count] {
                if name.as_obj().and_then(|o| o.as_str()).is_none() {
                    let n = vm.type_name(name);
                    return Err(vm.new_type_error(format!("__match_args__ elements must be strings (got {n})")));
                }
                match get_attr_for_match(vm, subject, name, &mut seen, &cls_name)? {
                    Some(v) => attrs.push(v),
                    None => return Ok(Value::None),
                }
            }
        }
    }
    for name in vm.collect(names)? {
        match get_attr_for_match(vm, subject, &name, &mut seen, &cls_name)? {
            Some(v) => attrs.push(v),
            None => return Ok(Value::None),
        }
    }
    Ok(vm.new_tuple(attrs))
}

fn get_attr_for_match(vm: &mut Vm, subject: &Value, name: &Value, seen: &mut Vec<String>, cls_name: &str) -> PyResult<Option<Value>> {
    let text = vm.str_of(name).to_string();
    if seen.contains(&text) {
        return Err(vm.new_type_error(format!("{cls_name}() got multiple sub-patterns for attribute '{text}'")));
    }
    seen.push(text.clone());
    let key = vm.intern(&text);
    match vm.get_attr_opt(subject, &key) {
        Ok(v) => Ok(v),
        Err(e) if vm.is_subtype(&e.0.class(), &vm.exc.attribute_error.clone()) => Ok(None),
        Err(e) => Err(e),
    }
}
