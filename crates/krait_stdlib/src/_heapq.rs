//! The `_heapq` module: the heap functions over a list, comparing items with `<` only,
//! in the order CPython's `_heapqmodule.c` does.

use crate::util::new_module;
use krait_vm::object::{CmpOp, PyRef, Value};
use krait_vm::types::methods::method;
use krait_vm::{PyResult, Vm};
use std::cell::RefCell;

/// Build the `_heapq` module.
pub fn make_module(vm: &mut Vm) -> PyRef {
    let (m, _) = new_module(vm, "_heapq", &[
        method("heappush", "(heap, item, /)", heappush),
        method("heappop", "(heap, /)", |vm, a| pop(vm, &a[0], "heappop", false)),
        method("heapreplace", "(heap, item, /)", |vm, a| replace(vm, &a[0], &a[1], "heapreplace", false)),
        method("heappushpop", "(heap, item, /)", heappushpop),
        method("heapify", "(heap, /)", |vm, a| heapify(vm, &a[0], "heapify", false)),
        method("_heappop_max", "(heap, /)", |vm, a| pop(vm, &a[0], "_heappop_max", true)),
        method("_heapreplace_max", "(heap, item, /)", |vm, a| replace(vm, &a[0], &a[1], "_heapreplace_max", true)),
        method("_heapify_max", "(heap, /)", |vm, a| heapify(vm, &a[0], "_heapify_max", true)),
    ]);
    m
}

type List = RefCell<Vec<Value>>;

/// The heap list, or argument clinic's TypeError for function `f` (`nargs` arguments).
fn list<'a>(vm: &mut Vm, v: &'a Value, f: &str, nargs: usize) -> PyResult<&'a List> {
    if let Some(l) = v.as_obj().and_then(|o| o.as_list()) {
        return Ok(l);
    }
    let which = if nargs == 1 { "argument" } else { "argument 1" };
    let n = if v.is_none() { "None".to_string() } else { vm.type_name(v) };
    Err(vm.new_type_error(format!("{f}() {which} must be list, not {n}")))
}

fn lt(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let r = vm.rich_compare(a, b, CmpOp::Lt)?;
    vm.is_true(&r)
}

/// The item at `i`, or RuntimeError when a comparison shrank the list under us.
fn get(vm: &mut Vm, heap: &List, i: usize) -> PyResult<Value> {
    let item = heap.borrow().get(i).cloned();
    item.ok_or_else(|| vm.new_runtime_error("list changed size during iteration"))
}

fn check_size(vm: &mut Vm, heap: &List, n: usize) -> PyResult<()> {
    if heap.borrow().len() != n {
        return Err(vm.new_runtime_error("list changed size during iteration"));
    }
    Ok(())
}

/// siftdown / siftdown_max: move the item at `pos` up towards `start` while it is
/// smaller (larger, for the max-heap) than its parent.
fn sift_down(vm: &mut Vm, heap: &List, start: usize, mut pos: usize, max: bool) -> PyResult<()> {
    let n = heap.borrow().len();
    let newitem = get(vm, heap, pos)?;
    while pos > start {
        let parentpos = (pos - 1) >> 1;
        let parent = get(vm, heap, parentpos)?;
        let smaller = if max { lt(vm, &parent, &newitem)? } else { lt(vm, &newitem, &parent)? };
        check_size(vm, heap, n)?;
        if !smaller {
            break;
        }
        let mut h = heap.borrow_mut();
        h.swap(pos, parentpos);
        pos = parentpos;
    }
    Ok(())
}

/// siftup / siftup_max: move the smaller (larger) child up until `pos` is a leaf, then
/// sift the item placed there down.
fn sift_up(vm: &mut Vm, heap: &List, mut pos: usize, max: bool) -> PyResult<()> {
    let end = heap.borrow().len();
    let start = pos;
    let limit = end >> 1;
    while pos < limit {
        let mut child = 2 * pos + 1;
        if child + 1 < end {
            let (l, r) = (get(vm, heap, child)?, get(vm, heap, child + 1)?);
            let keep_left = if max { lt(vm, &r, &l)? } else { lt(vm, &l, &r)? };
            check_size(vm, heap, end)?;
            if !keep_left {
                child += 1;
            }
        }
        heap.borrow_mut().swap(child, pos);
        pos = child;
    }
    sift_down(vm, heap, start, pos, max)
}

/// heappush(heap, item)
fn heappush(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let heap = list(vm, &a[0], "heappush", 2)?;
    heap.borrow_mut().push(a[1].clone());
    let n = heap.borrow().len();
    sift_down(vm, heap, 0, n - 1, false)?;
    Ok(Value::None)
}

/// heappop / _heappop_max
fn pop(vm: &mut Vm, h: &Value, f: &str, max: bool) -> PyResult<Value> {
    let heap = list(vm, h, f, 1)?;
    let Some(last) = heap.borrow_mut().pop() else {
        return Err(vm.new_index_error("index out of range"));
    };
    if heap.borrow().is_empty() {
        return Ok(last);
    }
    let top = std::mem::replace(&mut heap.borrow_mut()[0], last);
    sift_up(vm, heap, 0, max)?;
    Ok(top)
}

/// heapreplace / _heapreplace_max: pop the top, then push `item`.
fn replace(vm: &mut Vm, h: &Value, item: &Value, f: &str, max: bool) -> PyResult<Value> {
    let heap = list(vm, h, f, 2)?;
    if heap.borrow().is_empty() {
        return Err(vm.new_index_error("index out of range"));
    }
    let top = std::mem::replace(&mut heap.borrow_mut()[0], item.clone());
    sift_up(vm, heap, 0, max)?;
    Ok(top)
}

/// heappushpop(heap, item): push `item`, then pop the smallest.
fn heappushpop(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let heap = list(vm, &a[0], "heappushpop", 2)?;
    let Some(top) = heap.borrow().first().cloned() else {
        return Ok(a[1].clone());
    };
    if !lt(vm, &top, &a[1])? {
        return Ok(a[1].clone());
    }
    if heap.borrow().is_empty() {
        return Err(vm.new_index_error("index out of range"));
    }
    replace(vm, &a[0], &a[1], "heappushpop", false)
}

/// heapify / _heapify_max
fn heapify(vm: &mut Vm, h: &Value, f: &str, max: bool) -> PyResult<Value> {
    let heap = list(vm, h, f, 1)?;
    let n = heap.borrow().len();
    for i in (0..n / 2).rev() {
        sift_up(vm, heap, i, max)?;
    }
    Ok(Value::None)
}
