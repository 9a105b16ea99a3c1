//! Helpers shared by the sequence types: repr with a recursion guard, lexicographic
//! comparison, PySequence_Fast, `seq * n`, item search, and the fallible stable sort behind list.sort.

use crate::object::{BinOp, CmpOp, PyRef, Value};
use crate::types::int::{int_arg, IntArg};
use crate::vm::{PyErr, PyResult, Vm};
use std::cell::RefCell;

thread_local! {
    /// Objects whose repr is in progress (Py_ReprEnter's list).
    static REPR_ACTIVE: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// Run `f` unless `o`'s repr is already in progress, in which case return `recursive`
/// (Py_ReprEnter / Py_ReprLeave).
pub fn repr_guarded(vm: &mut Vm, o: &PyRef, recursive: &str, f: impl FnOnce(&mut Vm) -> PyResult<String>) -> PyResult<Value> {
    let addr = o.addr();
    if REPR_ACTIVE.with(|a| a.borrow().contains(&addr)) {
        return Ok(vm.new_str(recursive));
    }
    REPR_ACTIVE.with(|a| a.borrow_mut().push(addr));
    let r = f(vm);
    REPR_ACTIVE.with(|a| {
        let mut a = a.borrow_mut();
        if let Some(i) = a.iter().rposition(|&x| x == addr) {
            a.remove(i);
        }
    });
    let text = r?;
    Ok(vm.new_str(&text))
}

/// The reprs of `items` joined with ", ".
pub fn join_reprs(vm: &mut Vm, items: &[Value]) -> PyResult<String> {
    let mut out = String::new();
    for (i, v) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let r = vm.repr(v)?;
        out.push_str(r.as_str().map(|s| s.as_str()).unwrap_or(""));
    }
    Ok(out)
}

/// list_richcompare / tuplerichcompare: first differing item decides, else the lengths.
pub fn compare_seqs(vm: &mut Vm, a: &[Value], b: &[Value], op: CmpOp) -> PyResult<Value> {
    if a.len() != b.len() && matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(Value::Bool(op == CmpOp::Ne));
    }
    let mut i = 0;
    while i < a.len() && i < b.len() {
        if !vm.eq(&a[i], &b[i])? {
            break;
        }
        i += 1;
    }
    if i >= a.len() || i >= b.len() {
        return Ok(Value::Bool(crate::types::int::ordering_matches(a.len().cmp(&b.len()), op)));
    }
    match op {
        CmpOp::Eq => Ok(Value::Bool(false)),
        CmpOp::Ne => Ok(Value::Bool(true)),
        _ => vm.rich_compare(&a[i], &b[i], op),
    }
}

/// PySequence_Fast: the items of any iterable (a list or tuple is copied without
/// iterating); a TypeError from `iter()` becomes TypeError(`msg`).
pub fn sequence_fast(vm: &mut Vm, v: &Value, msg: &str) -> PyResult<Vec<Value>> {
    if let Value::Obj(o) = v {
        if let Some(t) = o.as_tuple() {
            return Ok(t.to_vec());
        }
        if let Some(l) = o.as_list() {
            return Ok(l.borrow().clone());
        }
    }
    let it = match vm.iter(v) {
        Ok(it) => it,
        Err(e) if vm.is_subtype(&e.0.class(), &vm.exc.type_error.clone()) => return Err(vm.new_type_error(msg)),
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    while let Some(x) = vm.next(&it)? {
        out.push(x);
    }
    Ok(out)
}

/// The TypeError of `a + b` / `a * b` (also in place) when no slot handled them and a
/// builtin sequence takes part: PyNumber_Add's sq_concat fallback and PyNumber_Multiply's
/// sequence_repeat; `None` when no builtin sequence is involved.
pub fn sequence_op_error(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> Option<PyErr> {
    // Native sequences with a repeat operation (deque, array.array) count too.
    let is_seq = |vm: &mut Vm, v: &Value| {
        let t = vm.type_of(v);
        let native_seq = t.as_type().is_some_and(|tt| tt.flags.get() & crate::object::TypeFlags::SEQUENCE != 0 && tt.slots().binary.is_some());
        let ty = &vm.types;
        native_seq || [&ty.list, &ty.tuple, &ty.str, &ty.bytes, &ty.bytearray].into_iter().any(|s| vm.is_subtype(&t, s))
    };
    match op {
        BinOp::Add if is_seq(vm, a) => Some(concat_error(vm, a, b)),
        BinOp::Mul => {
            let other = if is_seq(vm, a) { b } else if is_seq(vm, b) { a } else { return None };
            let n = vm.type_name(other);
            Some(vm.new_type_error(format!("can't multiply sequence by non-int of type '{n}'")))
        }
        _ => None,
    }
}

/// The TypeError of `seq + other` when `other` cannot be concatenated (list_concat,
/// tuple_concat, PyUnicode_Concat and bytes_concat's messages).
pub fn concat_error(vm: &mut Vm, seq: &Value, other: &Value) -> PyErr {
    let n = vm.type_name(other);
    let t = vm.type_of(seq);
    for (ty, name) in [(vm.types.list.clone(), "list"), (vm.types.tuple.clone(), "tuple"), (vm.types.str.clone(), "str")] {
        if vm.is_subtype(&t, &ty) {
            return vm.new_type_error(format!("can only concatenate {name} (not \"{n}\") to {name}"));
        }
    }
    let s = vm.type_name(seq);
    vm.new_type_error(format!("can't concat {n} to {s}"))
}

/// The repeat count of `seq * n`, or `None` when `n` is not an integer.
pub fn repeat_count(vm: &mut Vm, n: &Value) -> PyResult<Option<usize>> {
    match int_arg(n) {
        Some(IntArg::Small(i)) => Ok(Some(i.max(0) as usize)),
        Some(IntArg::Big(b)) => {
            if b.sign() == num_bigint::Sign::Minus {
                Ok(Some(0))
            } else {
                let t = vm.type_name(n);
                Err(vm.new_overflow_error(format!("cannot fit '{t}' into an index-sized integer")))
            }
        }
        None => match crate::types::slice::index_exact(vm, n)? {
            Some(i) => Ok(Some(i.max(0) as usize)),
            None => Ok(None),
        },
    }
}

/// `items * n`, refusing absurd sizes with MemoryError.
pub fn repeat(vm: &mut Vm, items: &[Value], n: usize) -> PyResult<Vec<Value>> {
    if items.is_empty() || n == 0 {
        return Ok(Vec::new());
    }
    match items.len().checked_mul(n) {
        Some(total) if total < (1 << 40) => {
            let mut out = Vec::with_capacity(total);
            for _ in 0..n {
                out.extend_from_slice(items);
            }
            Ok(out)
        }
        _ => Err(vm.new_memory_error("")),
    }
}

/// The optional start/stop arguments of `index()` resolved against `len`.
pub fn search_range(vm: &mut Vm, start: &Value, stop: &Value, len: usize) -> PyResult<(usize, usize)> {
    let mut bound = |v: &Value, default: usize| -> PyResult<usize> {
        if v.is_null() {
            return Ok(default);
        }
        let i = match crate::types::slice::index_clamped(vm, v)? {
            Some(i) => i,
            None => return Err(vm.new_type_error("slice indices must be integers or have an __index__ method")),
        };
        Ok(if i < 0 { (i.saturating_add(len as i64)).max(0) as usize } else { (i as usize).min(len) })
    };
    let s = bound(start, 0)?;
    let e = bound(stop, len)?;
    Ok((s, e))
}
