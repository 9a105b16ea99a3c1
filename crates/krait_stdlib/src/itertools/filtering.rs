//! itertools' iterators that terminate on the shortest input: accumulate, chain, compress,
//! dropwhile, takewhile, filterfalse, islice, starmap, pairwise, zip_longest.

use crate::util::{get_type, no_keywords, parse, state, tuple_items, wrap};
use krait_vm::object::{Args, BinOp, PyRef, Value};
use krait_vm::{PyResult, Vm};

/// accumulate(iterable, func=None, *, initial=None)
pub struct Accumulate {
    it: Value,
    func: Value,
    total: Value,
    initial: Value,
}

/// accumulate_new
pub fn accumulate_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    let a = parse(vm, "(iterable, func=None, *, initial=None)", "accumulate", args)?;
    let it = vm.iter(&a[0])?;
    Ok(wrap(vm, cls, Accumulate { it, func: a[1].clone(), total: Value::Null, initial: a[2].clone() }))
}

/// accumulate_next
pub fn accumulate_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(st) = state::<Accumulate>(v) else { return Ok(None) };
    let (it, func, total) = {
        let mut s = st.borrow_mut();
        if !s.initial.is_none() {
            let init = std::mem::replace(&mut s.initial, Value::None);
            s.total = init.clone();
            return Ok(Some(init));
        }
        (s.it.clone(), s.func.clone(), s.total.clone())
    };
    let Some(val) = vm.next(&it)? else { return Ok(None) };
    let new_total = if total.is_null() {
        val
    } else if func.is_none() {
        vm.binary_op(&total, &val, BinOp::Add, false)?
    } else {
        vm.call_positional(&func, &[total, val])?
    };
    st.borrow_mut().total = new_total.clone();
    Ok(Some(new_total))
}

/// chain(*iterables): `source` yields the iterables, `active` is the current iterator.
pub struct Chain {
    source: Value,
    active: Value,
}

/// chain_new
pub fn chain_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    no_keywords(vm, "chain", args)?;
    let t = vm.new_tuple(args.pos().to_vec());
    let source = vm.iter(&t)?;
    Ok(wrap(vm, cls, Chain { source, active: Value::Null }))
}

/// chain.from_iterable(iterable) (a classmethod)
pub fn chain_from_iterable(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let source = vm.iter(&a[1])?;
    let cls = match &a[0] {
        Value::Obj(c) if c.as_type().is_some() => c.clone(),
        _ => get_type(vm, "itertools.chain")?,
    };
    Ok(wrap(vm, &cls, Chain { source, active: Value::Null }))
}

/// chain_next
pub fn chain_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(st) = state::<Chain>(v) else { return Ok(None) };
    loop {
        let (source, active) = {
            let s = st.borrow();
            (s.source.clone(), s.active.clone())
        };
        if active.is_null() {
            if source.is_null() {
                return Ok(None);
            }
            match vm.next(&source)? {
                Some(iterable) => {
                    let it = vm.iter(&iterable)?;
                    st.borrow_mut().active = it;
                }
                None => {
                    st.borrow_mut().source = Value::Null;
                    return Ok(None);
                }
            }
            continue;
        }
        match vm.next(&active)? {
            Some(x) => return Ok(Some(x)),
            None => st.borrow_mut().active = Value::Null,
        }
    }
}

/// compress(data, selectors)
pub struct Compress {
    data: Value,
    selectors: Value,
}

/// compress_new
pub fn compress_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    let a = parse(vm, "(data, selectors)", "compress", args)?;
    let data = vm.iter(&a[0])?;
    let selectors = vm.iter(&a[1])?;
    Ok(wrap(vm, cls, Compress { data, selectors }))
}

/// compress_next
pub fn compress_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(st) = state::<Compress>(v) else { return Ok(None) };
    let (data, selectors) = {
        let s = st.borrow();
        (s.data.clone(), s.selectors.clone())
    };
    loop {
        let Some(d) = vm.next(&data)? else { return Ok(None) };
        let Some(sel) = vm.next(&selectors)? else { return Ok(None) };
        if vm.is_true(&sel)? {
            return Ok(Some(d));
        }
    }
}

/// dropwhile / takewhile / filterfalse / starmap: a function and an iterator, plus a
/// flag (dropwhile: done dropping; takewhile: stopped).
pub struct FuncIter {
    func: Value,
    it: Value,
    flag: bool,
}

fn func_iter(vm: &mut Vm, cls: &PyRef, args: Args<'_>, name: &str) -> PyResult<Value> {
    no_keywords(vm, name, args)?;
    let a = parse(vm, "(function, iterable, /)", name, args)?;
    let it = vm.iter(&a[1])?;
    Ok(wrap(vm, cls, FuncIter { func: a[0].clone(), it, flag: false }))
}

fn func_iter_parts(v: &Value) -> Option<(&std::cell::RefCell<FuncIter>, Value, Value, bool)> {
    let st = state::<FuncIter>(v)?;
    let s = st.borrow();
    Some((st, s.func.clone(), s.it.clone(), s.flag))
}

/// dropwhile_new
pub fn dropwhile_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    func_iter(vm, cls, args, "dropwhile")
}

/// dropwhile_next
pub fn dropwhile_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some((st, func, it, done)) = func_iter_parts(v) else { return Ok(None) };
    loop {
        let Some(x) = vm.next(&it)? else { return Ok(None) };
        if done {
            return Ok(Some(x));
        }
        let r = vm.call_positional(&func, std::slice::from_ref(&x))?;
        if !vm.is_true(&r)? {
            st.borrow_mut().flag = true;
            return Ok(Some(x));
        }
    }
}

/// takewhile_new
pub fn takewhile_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    func_iter(vm, cls, args, "takewhile")
}

/// takewhile_next
pub fn takewhile_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some((st, func, it, stopped)) = func_iter_parts(v) else { return Ok(None) };
    if stopped {
        return Ok(None);
    }
    let Some(x) = vm.next(&it)? else { return Ok(None) };
    let r = vm.call_positional(&func, std::slice::from_ref(&x))?;
    if vm.is_true(&r)? {
        return Ok(Some(x));
    }
    st.borrow_mut().flag = true;
    Ok(None)
}

/// filterfalse_new
pub fn filterfalse_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    func_iter(vm, cls, args, "filterfalse")
}

/// filterfalse_next: items for which the function (or truth, for None) is false.
pub fn filterfalse_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some((_, func, it, _)) = func_iter_parts(v) else { return Ok(None) };
    let plain_truth = func.is_none() || func.as_obj().is_some_and(|f| f.is(&vm.types.bool));
    loop {
        let Some(x) = vm.next(&it)? else { return Ok(None) };
        let ok = if plain_truth {
            vm.is_true(&x)?
        } else {
            let r = vm.call_positional(&func, std::slice::from_ref(&x))?;
            vm.is_true(&r)?
        };
        if !ok {
            return Ok(Some(x));
        }
    }
}

/// starmap_new
pub fn starmap_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    func_iter(vm, cls, args, "starmap")
}

/// starmap_next: `function(*item)`.
pub fn starmap_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some((_, func, it, _)) = func_iter_parts(v) else { return Ok(None) };
    let Some(x) = vm.next(&it)? else { return Ok(None) };
    let items = match x.as_obj().and_then(|o| o.as_tuple()) {
        Some(t) => t.to_vec(),
        None => vm.collect(&x)?,
    };
    vm.call_positional(&func, &items).map(Some)
}

/// islice(iterable, [start,] stop[, step]): `next` is the index of the next item to
/// return, `stop` None for no limit.
pub struct Islice {
    it: Value,
    next: usize,
    stop: Option<usize>,
    step: usize,
    count: usize,
}

const STOP_MSG: &str = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
const INDEX_MSG: &str = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";

/// An islice bound: None, or an int in 0..=isize::MAX.
fn islice_bound(vm: &mut Vm, v: &Value, msg: &str) -> PyResult<Option<usize>> {
    if v.is_none() {
        return Ok(None);
    }
    let is_int = krait_vm::types::int::bigint_of(v).is_some() || vm.type_of(v).as_type().and_then(|t| t.slots().index).is_some();
    if !is_int {
        return Err(vm.new_value_error(msg));
    }
    match crate::util::index_i64(vm, v)? {
        Some(n) if n >= 0 => Ok(Some(n as usize)),
        Some(_) => Err(vm.new_value_error(msg)),
        None => Ok(Some(isize::MAX as usize)),
    }
}

/// islice_new
pub fn islice_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    no_keywords(vm, "islice", args)?;
    let pos = args.pos();
    let (start, stop, step) = match pos.len() {
        2 => (None, islice_bound(vm, &pos[1], STOP_MSG)?, 1),
        3 | 4 => {
            let start = islice_bound(vm, &pos[1], INDEX_MSG)?;
            let stop = islice_bound(vm, &pos[2], INDEX_MSG)?;
            let step = match pos.get(3) {
                None => 1,
                Some(s) if s.is_none() => 1,
                Some(s) => match islice_bound(vm, s, "Step for islice() must be a positive integer or None.") {
                    Ok(Some(n)) if n > 0 => n,
                    _ => return Err(vm.new_value_error("Step for islice() must be a positive integer or None.")),
                },
            };
            (start, stop, step)
        }
        n if n < 2 => return Err(vm.new_type_error(format!("islice expected at least 2 arguments, got {n}"))),
        n => return Err(vm.new_type_error(format!("islice expected at most 4 arguments, got {n}"))),
    };
    let it = vm.iter(&pos[0])?;
    Ok(wrap(vm, cls, Islice { it, next: start.unwrap_or(0), stop, step, count: 0 }))
}

/// islice_next
pub fn islice_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(st) = state::<Islice>(v) else { return Ok(None) };
    let it = st.borrow().it.clone();
    if it.is_null() {
        return Ok(None);
    }
    let finish = |st: &std::cell::RefCell<Islice>| st.borrow_mut().it = Value::Null;
    loop {
        let (count, next) = {
            let s = st.borrow();
            (s.count, s.next)
        };
        if count >= next {
            break;
        }
        if vm.next(&it)?.is_none() {
            finish(st);
            return Ok(None);
        }
        st.borrow_mut().count += 1;
    }
    let stop = st.borrow().stop;
    if stop.is_some_and(|s| st.borrow().count >= s) {
        finish(st);
        return Ok(None);
    }
    let Some(item) = vm.next(&it)? else {
        finish(st);
        return Ok(None);
    };
    let mut s = st.borrow_mut();
    s.count += 1;
    let old = s.next;
    s.next = s.next.saturating_add(s.step);
    if let Some(stop) = s.stop {
        if s.next < old || s.next > stop {
            s.next = stop;
        }
    }
    Ok(Some(item))
}

/// pairwise(iterable): `old` is the previous item (Null before the first).
pub struct Pairwise {
    it: Value,
    old: Value,
}

/// pairwise_new
pub fn pairwise_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    no_keywords(vm, "pairwise", args)?;
    let a = parse(vm, "(iterable, /)", "pairwise", args)?;
    let it = vm.iter(&a[0])?;
    Ok(wrap(vm, cls, Pairwise { it, old: Value::Null }))
}

/// pairwise_next
pub fn pairwise_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(st) = state::<Pairwise>(v) else { return Ok(None) };
    let (it, mut old) = {
        let s = st.borrow();
        (s.it.clone(), s.old.clone())
    };
    if it.is_null() {
        return Ok(None);
    }
    if old.is_null() {
        match vm.next(&it)? {
            Some(x) => old = x,
            None => {
                st.borrow_mut().it = Value::Null;
                return Ok(None);
            }
        }
        st.borrow_mut().old = old.clone();
    }
    let Some(new) = vm.next(&it)? else {
        let mut s = st.borrow_mut();
        s.it = Value::Null;
        s.old = Value::Null;
        return Ok(None);
    };
    st.borrow_mut().old = new.clone();
    Ok(Some(vm.new_tuple(vec![old, new])))
}

/// zip_longest(*iterables, fillvalue=None): exhausted iterators become Null.
pub struct ZipLongest {
    its: Vec<Value>,
    active: usize,
    fill: Value,
}

/// zip_longest_new
pub fn zip_longest_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    let a = parse(vm, "(*iterables, fillvalue=None)", "zip_longest", args)?;
    let mut its = Vec::new();
    for x in tuple_items(&a[0]).to_vec() {
        its.push(vm.iter(&x)?);
    }
    let active = its.len();
    Ok(wrap(vm, cls, ZipLongest { its, active, fill: a[1].clone() }))
}

/// zip_longest_next
pub fn zip_longest_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(st) = state::<ZipLongest>(v) else { return Ok(None) };
    let (its, active, fill) = {
        let s = st.borrow();
        (s.its.clone(), s.active, s.fill.clone())
    };
    if its.is_empty() || active == 0 {
        return Ok(None);
    }
    let mut items = Vec::with_capacity(its.len());
    for (i, it) in its.iter().enumerate() {
        if it.is_null() {
            items.push(fill.clone());
            continue;
        }
        match vm.next(it)? {
            Some(x) => items.push(x),
            None => {
                let mut s = st.borrow_mut();
                s.its[i] = Value::Null;
                s.active -= 1;
                if s.active == 0 {
                    return Ok(None);
                }
                items.push(fill.clone());
            }
        }
    }
    Ok(Some(vm.new_tuple(items)))
}
