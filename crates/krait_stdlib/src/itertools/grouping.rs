//! itertools.groupby (with its `_grouper` sub-iterators) and tee (`_tee` objects sharing
//! a buffer of linked chunks, as CPython's teedataobject).

use crate::util::{expect, get_type, parse, state, wrap};
use krait_vm::object::{Args, CmpOp, PyRef, Value};
use krait_vm::{PyResult, Vm};
use std::cell::RefCell;
use std::rc::Rc;

/// groupby(iterable, key=None): `generation` identifies the current grouper.
pub struct GroupBy {
    it: Value,
    keyfunc: Value,
    tgtkey: Value,
    currkey: Value,
    currvalue: Value,
    generation: u64,
}

/// A `_grouper`: its parent groupby, the key it groups, and its generation.
pub struct Grouper {
    parent: Value,
    tgtkey: Value,
    generation: u64,
}

/// groupby_new
pub fn groupby_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    let a = parse(vm, "(iterable, key=None)", "groupby", args)?;
    let it = vm.iter(&a[0])?;
    let g = GroupBy { it, keyfunc: a[1].clone(), tgtkey: Value::Null, currkey: Value::Null, currvalue: Value::Null, generation: 0 };
    Ok(wrap(vm, cls, g))
}

/// groupby_step: fetch the next value and its key; false when the input is exhausted.
fn groupby_step(vm: &mut Vm, st: &RefCell<GroupBy>) -> PyResult<bool> {
    let (it, keyfunc) = {
        let s = st.borrow();
        (s.it.clone(), s.keyfunc.clone())
    };
    let Some(value) = vm.next(&it)? else { return Ok(false) };
    let key = if keyfunc.is_none() { value.clone() } else { vm.call_positional(&keyfunc, std::slice::from_ref(&value))? };
    let mut s = st.borrow_mut();
    s.currvalue = value;
    s.currkey = key;
    Ok(true)
}

fn keys_equal(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    if a.is(b) {
        return Ok(true);
    }
    let r = vm.rich_compare(a, b, CmpOp::Eq)?;
    vm.is_true(&r)
}

/// groupby_next
pub fn groupby_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(st) = state::<GroupBy>(v) else { return Ok(None) };
    st.borrow_mut().generation += 1;
    loop {
        let (currkey, tgtkey) = {
            let s = st.borrow();
            (s.currkey.clone(), s.tgtkey.clone())
        };
        if !currkey.is_null() && (tgtkey.is_null() || !keys_equal(vm, &tgtkey, &currkey)?) {
            break;
        }
        if !groupby_step(vm, st)? {
            return Ok(None);
        }
    }
    let (key, generation) = {
        let mut s = st.borrow_mut();
        s.tgtkey = s.currkey.clone();
        (s.currkey.clone(), s.generation)
    };
    let ty = get_type(vm, "itertools._grouper")?;
    let grouper = wrap(vm, &ty, Grouper { parent: v.clone(), tgtkey: key.clone(), generation });
    Ok(Some(vm.new_tuple(vec![key, grouper])))
}

/// _grouper_next
pub fn grouper_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(gst) = state::<Grouper>(v) else { return Ok(None) };
    let (parent, tgtkey, generation) = {
        let g = gst.borrow();
        (g.parent.clone(), g.tgtkey.clone(), g.generation)
    };
    let Some(st) = state::<GroupBy>(&parent) else { return Ok(None) };
    if st.borrow().generation != generation {
        return Ok(None);
    }
    if st.borrow().currvalue.is_null() && !groupby_step(vm, st)? {
        return Ok(None);
    }
    let currkey = st.borrow().currkey.clone();
    if !keys_equal(vm, &tgtkey, &currkey)? {
        return Ok(None);
    }
    let value = std::mem::replace(&mut st.borrow_mut().currvalue, Value::Null);
    Ok(Some(value))
}

/// Items per buffer chunk (CPython's LINKCELLS).
const CHUNK: usize = 57;

/// One chunk of a tee's shared buffer: up to CHUNK values read from `it`, then a link.
struct TeeChunk {
    it: Value,
    values: RefCell<Vec<Value>>,
    next: RefCell<Option<Rc<TeeChunk>>>,
    running: std::cell::Cell<bool>,
}

impl Drop for TeeChunk {
    /// Unlink the chain iteratively so a long buffer cannot overflow the stack.
    fn drop(&mut self) {
        let mut next = self.next.get_mut().take();
        while let Some(rc) = next {
            next = match Rc::try_unwrap(rc) {
                Ok(mut c) => c.next.get_mut().take(),
                Err(_) => None,
            };
        }
    }
}

/// A `_tee` iterator: a position in the shared chunk chain.
pub struct Tee {
    chunk: Rc<TeeChunk>,
    index: usize,
}

fn new_chunk(it: Value) -> Rc<TeeChunk> {
    Rc::new(TeeChunk { it, values: RefCell::new(Vec::new()), next: RefCell::new(None), running: std::cell::Cell::new(false) })
}

/// tee_next
pub fn tee_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(st) = state::<Tee>(v) else { return Ok(None) };
    let (chunk, index) = {
        let mut s = st.borrow_mut();
        if s.index >= CHUNK {
            let next = s.chunk.next.borrow().clone();
            let next = next.unwrap_or_else(|| {
                let c = new_chunk(s.chunk.it.clone());
                *s.chunk.next.borrow_mut() = Some(c.clone());
                c
            });
            s.chunk = next;
            s.index = 0;
        }
        (s.chunk.clone(), s.index)
    };
    let have = chunk.values.borrow().get(index).cloned();
    let value = match have {
        Some(x) => x,
        None => {
            if chunk.running.get() {
                return Err(vm.new_runtime_error("cannot re-enter the tee iterator"));
            }
            chunk.running.set(true);
            let r = vm.next(&chunk.it);
            chunk.running.set(false);
            let Some(x) = r? else { return Ok(None) };
            chunk.values.borrow_mut().push(x.clone());
            x
        }
    };
    st.borrow_mut().index = index + 1;
    Ok(Some(value))
}

fn copy_tee(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let st = expect::<Tee>(vm, v, "itertools._tee")?;
    let (chunk, index) = {
        let s = st.borrow();
        (s.chunk.clone(), s.index)
    };
    let ty = get_type(vm, "itertools._tee")?;
    Ok(wrap(vm, &ty, Tee { chunk, index }))
}

/// _tee.__copy__
pub fn tee_copy(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    copy_tee(vm, &a[0])
}

/// _tee(iterable): a tee over `iterable` (a copy when it is already a tee).
pub fn tee_new(vm: &mut Vm, _cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    let a = parse(vm, "(iterable, /)", "_tee", args)?;
    tee_from(vm, &a[0])
}

/// tee_fromiterable
fn tee_from(vm: &mut Vm, iterable: &Value) -> PyResult<Value> {
    let it = vm.iter(iterable)?;
    if state::<Tee>(&it).is_some() {
        return copy_tee(vm, &it);
    }
    let ty = get_type(vm, "itertools._tee")?;
    Ok(wrap(vm, &ty, Tee { chunk: new_chunk(it), index: 0 }))
}

/// itertools.tee(iterable, n=2)
pub fn tee(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let n = crate::util::index_i64(vm, &a[1])?.ok_or_else(|| vm.new_overflow_error("Python int too large to convert to C ssize_t"))?;
    if n < 0 {
        return Err(vm.new_value_error("n must be >= 0"));
    }
    if n == 0 {
        return Ok(vm.new_tuple(Vec::new()));
    }
    let it = vm.iter(&a[0])?;
    let copy_name = vm.intern("__copy__");
    let ty = vm.type_of(&it);
    let first = if vm.lookup_type_attr(&ty, &copy_name).is_some() { it } else { tee_from(vm, &it)? };
    let mut out = vec![first.clone()];
    for _ in 1..n {
        let c = if state::<Tee>(&first).is_some() { copy_tee(vm, &first)? } else { vm.call_method(&first, "__copy__", &[])? };
        out.push(c);
    }
    Ok(vm.new_tuple(out))
}
