//! The `str` type: slots (repr, compare, subscript by code point, `+`, `*`, `%`, `in`,
//! iteration, the constructor) and its methods, split by family into submodules.

mod case;
pub(crate) use case::is_identifier;
pub(crate) mod convert;
mod format;
mod needle;
mod printable;
pub mod repr;
mod search;
mod split;

use crate::object::{BinOp, CmpOp, Payload, PyObject, PyRef, Value};
use crate::types::iterators::{new_iter, IterKind};
use crate::types::methods::{method, MethodDef, MethodKind};
use crate::types::seq_common::repeat_count;
use crate::types::slice::{index_exact, normalize, slice_indices, slice_parts};
use crate::types::str::PyStr;
use crate::vm::{PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let t = vm.types.str.clone();
    if let Some(ty) = t.as_type() {
        let mut s = ty.slots.borrow_mut();
        s.repr = Some(str_repr_slot);
        s.str = Some(str_str_slot);
        s.hash = Some(|vm, v| vm.hash(v));
        s.richcompare = Some(str_richcompare);
        s.len = Some(|_, v| Ok(pystr(v).map(|s| s.char_len()).unwrap_or(0)));
        s.getitem = Some(str_getitem);
        s.contains = Some(str_contains);
        s.iter = Some(str_iter);
        s.binary = Some(str_binary);
        s.nb_ops = crate::object::NbOps::sequence(true, false);
        s.new = Some(convert::str_new);
    }
    vm.add_methods(&t, "str", search::METHODS);
    vm.add_methods(&t, "str", split::METHODS);
    vm.add_methods(&t, "str", case::METHODS);
    vm.add_methods(&t, "str", convert::METHODS);
    vm.add_methods(&t, "str", format::METHODS);
    vm.add_methods(&t, "str", &[MethodDef { name: "maketrans", sig: "(x, y=?, z=?, /)", func: convert::maketrans, kind: MethodKind::StaticMethod }]);
    vm.add_methods(&t, "str", &[method("__getnewargs__", "(self, /)", |vm, a| {
        let s = vm.new_str(text(&a[0]));
        Ok(vm.new_tuple(vec![s]))
    })]);
}

/// The str payload of `v`.
pub fn pystr(v: &Value) -> Option<&PyStr> {
    v.as_obj().and_then(|o| o.as_str())
}

/// The text of a str value ("" for a non-str; callers check types first).
pub fn text(v: &Value) -> &str {
    pystr(v).map(|s| s.as_str()).unwrap_or("")
}

/// The text of argument `v`, or TypeError "`what` must be str, not T".
fn arg_text<'a>(vm: &mut Vm, v: &'a Value, what: &str) -> PyResult<&'a str> {
    match pystr(v) {
        Some(s) => Ok(s.as_str()),
        None => {
            let n = vm.type_name(v);
            Err(vm.new_type_error(format!("{what} must be str, not {n}")))
        }
    }
}

/// The byte offset of code point `ci` in `s` (`s.len()` past the end).
fn byte_at(s: &str, ci: usize) -> usize {
    if s.is_ascii() {
        return ci.min(s.len());
    }
    s.char_indices().nth(ci).map(|(b, _)| b).unwrap_or(s.len())
}

/// The code point index of byte offset `b` in `s`.
fn char_at(s: &str, b: usize) -> usize {
    if s.is_ascii() {
        return b;
    }
    s[..b.min(s.len())].chars().count()
}

fn not_impl(vm: &Vm) -> Value {
    Value::Obj(vm.not_implemented.clone())
}

/// A new str of type `cls` (a subclass instance when `cls` is not `str`).
fn new_str_of(vm: &mut Vm, cls: &PyRef, s: &str) -> Value {
    if cls.is(&vm.types.str) {
        return vm.new_str(s);
    }
    Value::Obj(PyRef::new(PyObject::new(cls.clone(), Payload::Str(PyStr::new(s)))))
}

fn str_repr_slot(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let r = repr::str_repr(text(v));
    Ok(vm.new_str(&r))
}

fn str_str_slot(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.as_obj() {
        Some(o) if vm.is_exact(o, &vm.types.str) => Ok(v.clone()),
        _ => Ok(vm.new_str(text(v))),
    }
}

/// Code point order of two strs: UTF-8 byte order, except where both hold non-ASCII text
/// (only there can a surrogate's stand-in meet a character it must sort before).
#[inline]
pub(crate) fn text_order(x: &PyStr, y: &PyStr) -> std::cmp::Ordering {
    if x.is_ascii() || y.is_ascii() {
        x.as_str().cmp(y.as_str())
    } else {
        krait_bytecode::surrogate::compare(x.as_str(), y.as_str())
    }
}

fn str_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (pystr(a), pystr(b)) else { return Ok(not_impl(vm)) };
    let o = text_order(x, y);
    Ok(Value::Bool(crate::types::int::ordering_matches(o, op)))
}

/// The str a resolved slice selects.
pub fn str_slice(vm: &mut Vm, ps: &PyStr, sl: crate::types::slice::SliceIdx) -> Value {
    let s = ps.as_str();
    if sl.step == 1 {
        let (a, e) = if ps.is_ascii() { (sl.start as usize, sl.start as usize + sl.len) } else { (byte_at(s, sl.start as usize), byte_at(s, sl.start as usize + sl.len)) };
        return vm.new_str(&s[a..e]);
    }
    if ps.is_ascii() {
        let b = s.as_bytes();
        let out: String = sl.positions().map(|p| b[p] as char).collect();
        return vm.new_str(&out);
    }
    let chars: Vec<char> = s.chars().collect();
    let out: String = sl.positions().filter_map(|p| chars.get(p)).collect();
    vm.new_str(&out)
}

fn str_getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let Some(ps) = pystr(v) else { return Ok(not_impl(vm)) };
    let s = ps.as_str();
    if slice_parts(key).is_some() {
        let sl = slice_indices(vm, key, ps.char_len())?;
        return Ok(str_slice(vm, ps, sl));
    }
    let Some(i) = index_exact(vm, key)? else {
        let n = vm.type_name(key);
        return Err(vm.new_type_error(format!("string indices must be integers, not '{n}'")));
    };
    let Some(p) = normalize(i, ps.char_len()) else { return Err(vm.new_index_error("string index out of range")) };
    let c = if ps.is_ascii() { s.as_bytes()[p] as char } else { s.chars().nth(p).unwrap_or('\0') };
    let mut buf = [0u8; 4];
    Ok(vm.new_str(c.encode_utf8(&mut buf)))
}

fn str_contains(vm: &mut Vm, v: &Value, item: &Value) -> PyResult<bool> {
    match pystr(item) {
        Some(sub) => Ok(sub.as_str().is_empty() || needle::find(text(v), sub.as_str()).is_some()),
        None => {
            let n = vm.type_name(item);
            Err(vm.new_type_error(format!("'in <string>' requires string as left operand, not {n}")))
        }
    }
}

fn str_iter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let t = vm.iter_types.str.clone();
    Ok(new_iter(&t, IterKind::Str, v.clone(), 0))
}

fn str_binary(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    match op {
        BinOp::Add => {
            if pystr(a).is_none() {
                return Ok(not_impl(vm));
            }
            let Some(y) = pystr(b) else { return Ok(not_impl(vm)) };
            let mut out = String::with_capacity(text(a).len() + y.as_str().len());
            out.push_str(text(a));
            out.push_str(y.as_str());
            Ok(vm.new_str(&out))
        }
        BinOp::Mul => {
            let (s, n) = if pystr(a).is_some() { (a, b) } else { (b, a) };
            let Some(count) = repeat_count(vm, n)? else { return Ok(not_impl(vm)) };
            let t = text(s);
            if t.len().checked_mul(count).is_none_or(|n| n >= 1 << 40) {
                return Err(vm.new_memory_error(""));
            }
            Ok(vm.new_str(&t.repeat(count)))
        }
        BinOp::Mod if pystr(a).is_some() => convert::percent_format(vm, a, b),
        _ => Ok(not_impl(vm)),
    }
}

/// A slice-style `[start:end]` window of code points for find/count/startswith...:
/// `None` when it is empty with start past the end or end before start.
fn window(vm: &mut Vm, s: &str, start: &Value, end: &Value) -> PyResult<Option<(usize, usize)>> {
    let len = if s.is_ascii() { s.len() } else { s.chars().count() } as i64;
    let conv = |vm: &mut Vm, v: &Value, default: i64| -> PyResult<i64> {
        if v.is_null() || v.is_none() {
            return Ok(default);
        }
        match crate::types::slice::index_clamped(vm, v)? {
            Some(i) => Ok(i),
            None => Err(vm.new_type_error("slice indices must be integers or None or have an __index__ method")),
        }
    };
    let mut a = conv(vm, start, 0)?;
    let mut e = conv(vm, end, len)?;
    if e > len {
        e = len;
    } else if e < 0 {
        e = (e + len).max(0);
    }
    if a < 0 {
        a = (a + len).max(0);
    }
    if a > len || e < a {
        return Ok(None);
    }
    Ok(Some((a as usize, e as usize)))
}
