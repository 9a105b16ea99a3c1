//! `re.Pattern` (CPython's `PatternObject`): the compiled code and its metadata, and the
//! methods that drive the engine: match, fullmatch, search, findall, finditer, scanner,
//! split, sub and subn.

use super::constants::*;
use super::input::Subject;
use super::matchobj::new_match;
use super::scanner::new_scanner;
use super::state::{SreError, State};
use crate::util;
use krait_vm::object::{CmpOp, Value};
use krait_vm::types::getset::GetSetDef;
use krait_vm::types::methods::{method, MethodDef};
use krait_vm::{PyErr, PyResult, Vm};
use std::rc::Rc;

pub const KEY: &str = "_sre.Pattern";

/// A compiled pattern.
pub struct PatternData {
    /// The source pattern (str, bytes or None).
    pub pattern: Value,
    pub flags: i64,
    pub code: Vec<u32>,
    pub groups: usize,
    /// name → group number (a dict).
    pub groupindex: Value,
    /// group number → name (a tuple), or None.
    pub indexgroup: Value,
    /// Whether the pattern is bytes; None when the pattern is None.
    pub is_bytes: Option<bool>,
}

pub const METHODS: &[MethodDef] = &[
    method("match", "(self, string, pos=0, endpos=9223372036854775807)", |vm, a| run_one(vm, a, Mode::Match)),
    method("fullmatch", "(self, string, pos=0, endpos=9223372036854775807)", |vm, a| run_one(vm, a, Mode::FullMatch)),
    method("search", "(self, string, pos=0, endpos=9223372036854775807)", |vm, a| run_one(vm, a, Mode::Search)),
    method("findall", "(self, string, pos=0, endpos=9223372036854775807)", findall),
    method("finditer", "(self, string, pos=0, endpos=9223372036854775807)", finditer),
    method("scanner", "(self, string, pos=0, endpos=9223372036854775807)", scanner),
    method("split", "(self, string, maxsplit=0)", split),
    method("sub", "(self, repl, string, count=0)", |vm, a| subx(vm, a, false)),
    method("subn", "(self, repl, string, count=0)", |vm, a| subx(vm, a, true)),
    method("__copy__", "(self, /)", |_, a| Ok(a[0].clone())),
    method("__deepcopy__", "(self, memo, /)", |_, a| Ok(a[0].clone())),
];

pub const GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "pattern", get: getter, set: None },
    GetSetDef { name: "flags", get: getter, set: None },
    GetSetDef { name: "groups", get: getter, set: None },
    GetSetDef { name: "groupindex", get: getter, set: None },
];

/// The pattern data of `v` (a Pattern object), or TypeError.
pub fn data(vm: &mut Vm, v: &Value) -> PyResult<Rc<PatternData>> {
    Ok(util::expect::<Rc<PatternData>>(vm, v, "re.Pattern")?.borrow().clone())
}

fn getter(vm: &mut Vm, v: &Value, name: &'static str) -> PyResult<Value> {
    let p = data(vm, v)?;
    Ok(match name {
        "pattern" => p.pattern.clone(),
        "flags" => Value::Int(p.flags),
        "groups" => Value::Int(p.groups as i64),
        _ => {
            // CPython returns a read-only proxy; a copy keeps the pattern's own dict intact.
            let d = vm.new_dict();
            if let (Some(dst), Some(src)) = (d.as_obj(), p.groupindex.as_obj()) {
                for (k, v) in dict_items(&Value::Obj(src.clone())) {
                    vm.dict_set_item(dst, k, v)?;
                }
            }
            d
        }
    })
}

/// The (key, value) pairs of a dict value, in order (empty for anything else).
pub fn dict_items(v: &Value) -> Vec<(Value, Value)> {
    match v.as_obj().and_then(|o| o.as_dict()) {
        Some(t) => t.borrow().iter().map(|(_, e)| (e.key.clone(), e.value.clone())).collect(),
        None => Vec::new(),
    }
}

/// The RuntimeError for an engine failure (`pattern_error`).
pub fn engine_error(vm: &mut Vm, e: SreError) -> PyErr {
    match e {
        SreError::Illegal => vm.new_runtime_error("internal error in regular expression engine"),
        SreError::Memory => {
            let cls = vm.exc.memory_error.clone();
            vm.new_exception(&cls, Vec::new())
        }
    }
}

/// A `Py_ssize_t` argument (`pos`, `endpos`, `count`, `maxsplit`).
fn ssize(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match krait_vm::types::slice::index_clamped(vm, v)? {
        Some(i) => Ok(i),
        None => {
            let n = vm.type_name(v);
            Err(vm.new_type_error(format!("'{n}' object cannot be interpreted as an integer")))
        }
    }
}

/// `state_init`: the subject of `string` checked against the pattern's kind, and a state
/// for `pos..endpos`.
pub fn begin(vm: &mut Vm, p: &PatternData, string: &Value, pos: &Value, endpos: &Value) -> PyResult<(Subject, State)> {
    let subject = Subject::new(vm, string)?;
    let (pos, endpos) = (ssize(vm, pos)?, ssize(vm, endpos)?);
    match p.is_bytes {
        Some(false) if subject.is_bytes => return Err(vm.new_type_error("cannot use a string pattern on a bytes-like object")),
        Some(true) if !subject.is_bytes => return Err(vm.new_type_error("cannot use a bytes pattern on a string-like object")),
        _ => {}
    }
    let st = State::new(subject.len(), p.groups, pos, endpos);
    Ok((subject, st))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Match,
    FullMatch,
    Search,
}

/// match / fullmatch / search.
fn run_one(vm: &mut Vm, a: &[Value], mode: Mode) -> PyResult<Value> {
    let p = data(vm, &a[0])?;
    let (subject, mut st) = begin(vm, &p, &a[1], &a[2], &a[3])?;
    st.match_all = mode == Mode::FullMatch;
    let found = match mode {
        Mode::Search => subject.search(&mut st, &p.code),
        _ => subject.do_match(&mut st, &p.code),
    };
    match found {
        Ok(true) => Ok(new_match(vm, &a[0], &p, &subject, &st)),
        Ok(false) => Ok(Value::None),
        Err(e) => Err(engine_error(vm, e)),
    }
}

/// Group `g`'s text, or `empty`'s choice for an unmatched group (`state_getslice`).
fn group_or(vm: &mut Vm, subject: &Subject, st: &State, g: usize, empty: bool) -> Value {
    match st.group_span(g) {
        Some((a, b)) => subject.slice(vm, a, b),
        None if empty => subject.slice(vm, 0, 0),
        None => Value::None,
    }
}

fn findall(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let p = data(vm, &a[0])?;
    let (subject, mut st) = begin(vm, &p, &a[1], &a[2], &a[3])?;
    let mut out = Vec::new();
    while st.start <= st.end {
        st.reset();
        st.ptr = st.start;
        if !subject.search(&mut st, &p.code).map_err(|e| engine_error(vm, e))? {
            break;
        }
        let item = match p.groups {
            0 => subject.slice(vm, st.start, st.ptr),
            1 => group_or(vm, &subject, &st, 1, true),
            n => {
                let items = (1..=n).map(|g| group_or(vm, &subject, &st, g, true)).collect();
                vm.new_tuple(items)
            }
        };
        out.push(item);
        st.must_advance = st.ptr == st.start;
        st.start = st.ptr;
    }
    Ok(vm.new_list(out))
}

fn scanner(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    new_scanner(vm, &a[0], &a[1], &a[2], &a[3])
}

/// finditer: `iter(scanner.search, None)`.
fn finditer(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let sc = new_scanner(vm, &a[0], &a[1], &a[2], &a[3])?;
    let search = vm.get_attr_str(&sc, "search")?;
    let builtins = Value::Obj(vm.builtins.clone());
    let iter = vm.get_attr_str(&builtins, "iter")?;
    vm.call_positional(&iter, &[search, Value::None])
}

fn split(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let p = data(vm, &a[0])?;
    let maxsplit = ssize(vm, &a[2])?;
    let (subject, mut st) = begin(vm, &p, &a[1], &Value::Int(0), &Value::Int(i64::MAX))?;
    let mut out = Vec::new();
    let mut n = 0;
    let mut last = st.start;
    while maxsplit == 0 || n < maxsplit {
        st.reset();
        st.ptr = st.start;
        if !subject.search(&mut st, &p.code).map_err(|e| engine_error(vm, e))? {
            break;
        }
        out.push(subject.slice(vm, last, st.start));
        for g in 1..=p.groups {
            out.push(group_or(vm, &subject, &st, g, false));
        }
        n += 1;
        st.must_advance = st.ptr == st.start;
        st.start = st.ptr;
        last = st.ptr;
    }
    out.push(subject.slice(vm, last, st.end));
    Ok(vm.new_list(out))
}

/// How sub/subn turn a match into replacement text.
enum Filter {
    Literal(Value),
    Callable(Value),
}

/// Whether a template string contains no backslash (then it is used as it is).
fn is_literal(v: &Value) -> bool {
    use krait_vm::object::Payload;
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Str(s)) => !s.as_str().contains('\\'),
        Some(Payload::Bytes(b)) => !b.contains(&b'\\'),
        Some(Payload::ByteArray(b)) => !b.borrow().contains(&b'\\'),
        _ => false,
    }
}

fn is_callable(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    let builtins = Value::Obj(vm.builtins.clone());
    let callable = vm.get_attr_str(&builtins, "callable")?;
    let r = vm.call_positional(&callable, std::slice::from_ref(v))?;
    vm.is_true(&r)
}

/// `pattern_subx`: sub (`subn` false) or subn.
fn subx(vm: &mut Vm, a: &[Value], subn: bool) -> PyResult<Value> {
    let p = data(vm, &a[0])?;
    let repl = &a[1];
    let count = ssize(vm, &a[3])?;
    let filter = if is_callable(vm, repl)? {
        Filter::Callable(repl.clone())
    } else if is_literal(repl) {
        Filter::Literal(repl.clone())
    } else {
        let re = krait_vm::import::import_absolute(vm, "re")?;
        let subx = vm.get_attr_str(&Value::Obj(re), "_subx")?;
        let f = vm.call_positional(&subx, &[a[0].clone(), repl.clone()])?;
        if is_callable(vm, &f)? { Filter::Callable(f) } else { Filter::Literal(f) }
    };
    let (subject, mut st) = begin(vm, &p, &a[2], &Value::Int(0), &Value::Int(i64::MAX))?;
    let mut pieces = Vec::new();
    let mut n: i64 = 0;
    let mut i = 0;
    while count == 0 || n < count {
        st.reset();
        st.ptr = st.start;
        if !subject.search(&mut st, &p.code).map_err(|e| engine_error(vm, e))? {
            break;
        }
        let (b, e) = (st.start, st.ptr);
        if i < b {
            pieces.push(subject.slice(vm, i, b));
        }
        let item = match &filter {
            Filter::Literal(v) => v.clone(),
            Filter::Callable(f) => {
                let m = new_match(vm, &a[0], &p, &subject, &st);
                vm.call_positional(f, &[m])?
            }
        };
        if !item.is_none() {
            pieces.push(item);
        }
        i = e;
        n += 1;
        st.must_advance = st.ptr == st.start;
        st.start = st.ptr;
    }
    if i < st.end {
        pieces.push(subject.slice(vm, i, st.end));
    }
    let joiner = subject.slice(vm, 0, 0);
    let result = if pieces.is_empty() {
        joiner
    } else {
        let list = vm.new_list(pieces);
        vm.call_method(&joiner, "join", &[list])?
    };
    Ok(if subn { vm.new_tuple(vec![result, Value::Int(n)]) } else { result })
}

/// `pattern_repr`: `re.compile('a+', re.IGNORECASE)`.
pub fn repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    const NAMES: [(&str, i64); 8] = [
        ("re.IGNORECASE", FLAG_IGNORECASE),
        ("re.LOCALE", FLAG_LOCALE),
        ("re.MULTILINE", FLAG_MULTILINE),
        ("re.DOTALL", FLAG_DOTALL),
        ("re.UNICODE", FLAG_UNICODE),
        ("re.VERBOSE", FLAG_VERBOSE),
        ("re.DEBUG", FLAG_DEBUG),
        ("re.ASCII", FLAG_ASCII),
    ];
    let p = data(vm, v)?;
    let mut flags = p.flags;
    if p.is_bytes == Some(false) && flags & (FLAG_LOCALE | FLAG_UNICODE | FLAG_ASCII) == FLAG_UNICODE {
        flags &= !FLAG_UNICODE;
    }
    let mut items = Vec::new();
    for (name, bit) in NAMES {
        if flags & bit != 0 {
            items.push(name.to_string());
            flags &= !bit;
        }
    }
    if flags != 0 {
        items.push(format!("{flags:#x}"));
    }
    let pat = vm.repr(&p.pattern)?;
    let pat: String = pat.as_str().map(|s| s.as_str().chars().take(200).collect()).unwrap_or_default();
    let text = if items.is_empty() { format!("re.compile({pat})") } else { format!("re.compile({pat}, {})", items.join("|")) };
    Ok(vm.new_str(&text))
}

/// `pattern_richcompare`: equal when flags, kind, code and source pattern are equal.
pub fn richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(Value::Obj(vm.not_implemented.clone()));
    }
    let (Some(pa), Some(pb)) = (util::state::<Rc<PatternData>>(a), util::state::<Rc<PatternData>>(b)) else {
        return Ok(Value::Obj(vm.not_implemented.clone()));
    };
    let (pa, pb) = (pa.borrow().clone(), pb.borrow().clone());
    let mut eq = a.is(b) || (pa.flags == pb.flags && pa.is_bytes == pb.is_bytes && pa.code == pb.code);
    if eq && !a.is(b) {
        eq = vm.eq(&pa.pattern, &pb.pattern)?;
    }
    Ok(Value::Bool(if op == CmpOp::Eq { eq } else { !eq }))
}

/// `pattern_hash`: combines the hashes of the source pattern and of the code.
pub fn hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let p = data(vm, v)?;
    let mut h = vm.hash(&p.pattern)?;
    let bytes: Vec<u8> = p.code.iter().flat_map(|c| c.to_ne_bytes()).collect();
    let code = super::input::new_bytes(vm, bytes);
    h ^= vm.hash(&code)?;
    h ^= p.flags;
    h ^= match p.is_bytes {
        Some(true) => 1,
        Some(false) => 0,
        None => -1,
    };
    h ^= p.code.len() as i64;
    Ok(if h == -1 { -2 } else { h })
}
