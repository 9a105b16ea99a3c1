//! itertools' infinite iterators: count, cycle, repeat.

use crate::util::{expect, no_keywords, parse, state, wrap};
use krait_vm::object::{Args, BinOp, PyRef, Value};
use krait_vm::{PyResult, Vm};

/// count(start=0, step=1): `cur` is the next value.
pub struct Count {
    cur: Value,
    step: Value,
}

/// count_new
pub fn count_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    let a = parse(vm, "(start=0, step=1)", "count", args)?;
    for v in &a {
        let numeric = matches!(v, Value::Int(_) | Value::Float(_) | Value::Bool(_)) || {
            let t = vm.type_of(v);
            let slots = t.as_type().map(|t| t.slots()).unwrap_or_default();
            vm.is_subtype(&t, &vm.types.complex) || slots.int.is_some() || slots.float.is_some() || slots.index.is_some()
        };
        if !numeric {
            return Err(vm.new_type_error("a number is required"));
        }
    }
    Ok(wrap(vm, cls, Count { cur: a[0].clone(), step: a[1].clone() }))
}

pub fn count_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(st) = state::<Count>(v) else { return Ok(None) };
    let (cur, step) = {
        let s = st.borrow();
        (s.cur.clone(), s.step.clone())
    };
    let next = match (&cur, &step) {
        (Value::Int(a), Value::Int(b)) if a.checked_add(*b).is_some() => Value::Int(a + b),
        _ => vm.binary_op(&cur, &step, BinOp::Add, false)?,
    };
    st.borrow_mut().cur = next;
    Ok(Some(cur))
}

/// count_repr: `count(5)` or `count(5, 2)` (the step shown unless it is the int 1).
pub fn count_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let st = expect::<Count>(vm, v, "itertools.count")?;
    let (cur, step) = {
        let s = st.borrow();
        (s.cur.clone(), s.step.clone())
    };
    let name = vm.short_type_name(v);
    let c = vm.repr(&cur)?;
    let step_is_one = matches!(step, Value::Int(1));
    let text = if step_is_one {
        format!("{name}({})", c.as_str().map(|s| s.as_str()).unwrap_or(""))
    } else {
        let s = vm.repr(&step)?;
        format!("{name}({}, {})", c.as_str().map(|s| s.as_str()).unwrap_or(""), s.as_str().map(|s| s.as_str()).unwrap_or(""))
    };
    Ok(vm.new_str(&text))
}

/// cycle(iterable): items are saved during the first pass, then replayed.
pub struct Cycle {
    it: Value,
    saved: Vec<Value>,
    index: usize,
    first_pass_done: bool,
}

/// cycle_new
pub fn cycle_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    no_keywords(vm, "cycle", args)?;
    let a = parse(vm, "(iterable, /)", "cycle", args)?;
    let it = vm.iter(&a[0])?;
    Ok(wrap(vm, cls, Cycle { it, saved: Vec::new(), index: 0, first_pass_done: false }))
}

pub fn cycle_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(st) = state::<Cycle>(v) else { return Ok(None) };
    let (done, it) = {
        let s = st.borrow();
        (s.first_pass_done, s.it.clone())
    };
    if !done {
        if let Some(x) = vm.next(&it)? {
            st.borrow_mut().saved.push(x.clone());
            return Ok(Some(x));
        }
        st.borrow_mut().first_pass_done = true;
    }
    let mut s = st.borrow_mut();
    if s.saved.is_empty() {
        return Ok(None);
    }
    let x = s.saved[s.index].clone();
    s.index = (s.index + 1) % s.saved.len();
    Ok(Some(x))
}

/// repeat(object, times): `left` is None for an endless repeat.
pub struct Repeat {
    object: Value,
    left: Option<usize>,
}

/// repeat_new
pub fn repeat_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    let a = parse(vm, "(object, times=?)", "repeat", args)?;
    let left = if a[1].is_null() {
        None
    } else {
        let n = match &a[1] {
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i64,
            other => {
                if vm.type_of(other).as_type().and_then(|t| t.slots().index).is_none() && krait_vm::types::int::bigint_of(other).is_none() {
                    let n = vm.type_name(other);
                    return Err(vm.new_type_error(format!("'{n}' object cannot be interpreted as an integer")));
                }
                crate::util::index_i64(vm, other)?.ok_or_else(|| vm.new_overflow_error("Python int too large to convert to C ssize_t"))?
            }
        };
        Some(n.max(0) as usize)
    };
    Ok(wrap(vm, cls, Repeat { object: a[0].clone(), left }))
}

pub fn repeat_next(_vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(st) = state::<Repeat>(v) else { return Ok(None) };
    let mut s = st.borrow_mut();
    match s.left {
        Some(0) => Ok(None),
        Some(n) => {
            s.left = Some(n - 1);
            Ok(Some(s.object.clone()))
        }
        None => Ok(Some(s.object.clone())),
    }
}

/// repeat_repr
pub fn repeat_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let st = expect::<Repeat>(vm, v, "itertools.repeat")?;
    let (object, left) = {
        let s = st.borrow();
        (s.object.clone(), s.left)
    };
    let name = vm.short_type_name(v);
    let r = vm.repr(&object)?;
    let r = r.as_str().map(|s| s.as_str().to_string()).unwrap_or_default();
    let text = match left {
        Some(n) => format!("{name}({r}, {n})"),
        None => format!("{name}({r})"),
    };
    Ok(vm.new_str(&text))
}

/// repeat.__length_hint__
pub fn repeat_length_hint(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let st = expect::<Repeat>(vm, &a[0], "itertools.repeat")?;
    match st.borrow().left {
        Some(n) => Ok(Value::Int(n as i64)),
        None => Err(vm.new_type_error("len() of unsized object")),
    }
}
