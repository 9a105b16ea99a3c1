//! `re.Match` (CPython's `MatchObject`): the spans of a successful match and the
//! accessors group(s), groupdict, start/end/span, expand, regs and friends.

use super::input::Subject;
use super::pattern::{dict_items, PatternData};
use super::state::{State, NONE};
use crate::util;
use krait_vm::object::Value;
use krait_vm::types::getset::GetSetDef;
use krait_vm::types::methods::{method, MethodDef};
use krait_vm::{PyResult, Vm};
use std::rc::Rc;

pub const KEY: &str = "_sre.Match";

pub struct MatchData {
    /// The Pattern object.
    pub re: Value,
    pub pattern: Rc<PatternData>,
    pub subject: Subject,
    /// Spans of group 0..=groups; `None` for groups that did not participate.
    pub regs: Vec<Option<(usize, usize)>>,
    pub pos: usize,
    pub endpos: usize,
    pub lastindex: isize,
}

pub const METHODS: &[MethodDef] = &[
    method("group", "(self, *args)", group),
    method("__getitem__", "(self, group, /)", |vm, a| {
        let m = data(vm, &a[0])?;
        let g = index(vm, &m, &a[1])?;
        Ok(m.slice(vm, g, Value::None))
    }),
    method("groups", "(self, default=None)", groups),
    method("groupdict", "(self, default=None)", groupdict),
    method("start", "(self, group=0, /)", |vm, a| Ok(Value::Int(span_of(vm, a)?.0))),
    method("end", "(self, group=0, /)", |vm, a| Ok(Value::Int(span_of(vm, a)?.1))),
    method("span", "(self, group=0, /)", |vm, a| {
        let (s, e) = span_of(vm, a)?;
        Ok(vm.new_tuple(vec![Value::Int(s), Value::Int(e)]))
    }),
    method("expand", "(self, template)", expand),
    method("__copy__", "(self, /)", |_, a| Ok(a[0].clone())),
    method("__deepcopy__", "(self, memo, /)", |_, a| Ok(a[0].clone())),
];

pub const GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "string", get: getter, set: None },
    GetSetDef { name: "re", get: getter, set: None },
    GetSetDef { name: "pos", get: getter, set: None },
    GetSetDef { name: "endpos", get: getter, set: None },
    GetSetDef { name: "lastindex", get: getter, set: None },
    GetSetDef { name: "lastgroup", get: getter, set: None },
    GetSetDef { name: "regs", get: getter, set: None },
];

/// `pattern_new_match`: a Match object for the successful match in `st`.
pub fn new_match(vm: &mut Vm, re: &Value, pattern: &Rc<PatternData>, subject: &Subject, st: &State) -> Value {
    let mut regs = Vec::with_capacity(pattern.groups + 1);
    regs.push(Some((st.start, st.ptr)));
    for g in 1..=pattern.groups {
        regs.push(st.group_span(g));
    }
    let m = MatchData {
        re: re.clone(),
        pattern: pattern.clone(),
        subject: subject.clone(),
        regs,
        pos: st.pos,
        endpos: st.end,
        lastindex: st.lastindex,
    };
    match util::get_type(vm, KEY) {
        Ok(t) => util::wrap(vm, &t, Rc::new(m)),
        Err(_) => Value::None,
    }
}

fn data(vm: &mut Vm, v: &Value) -> PyResult<Rc<MatchData>> {
    Ok(util::expect::<Rc<MatchData>>(vm, v, "re.Match")?.borrow().clone())
}

impl MatchData {
    /// `match_getslice_by_index`: group `g`'s text or `default`.
    fn slice(&self, vm: &mut Vm, g: usize, default: Value) -> Value {
        match self.regs.get(g).copied().flatten() {
            Some((a, b)) => self.subject.slice(vm, a, b),
            None => default,
        }
    }
}

/// `match_getindex`: a group number from an int or a group name; IndexError otherwise.
fn index(vm: &mut Vm, m: &MatchData, g: &Value) -> PyResult<usize> {
    let mut i: i64 = -1;
    if let Some(n) = krait_vm::types::slice::index_clamped(vm, g)? {
        i = n;
    } else if let Some(d) = m.pattern.groupindex.as_obj().filter(|d| d.as_dict().is_some()) {
        if let Some(Value::Int(n)) = krait_vm::types::dict_ops::get_item(vm, d, g)? {
            i = n;
        }
    }
    if i < 0 || i as usize >= m.regs.len() {
        return Err(vm.new_index_error("no such group"));
    }
    Ok(i as usize)
}

fn group(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let m = data(vm, &a[0])?;
    let args = util::tuple_items(&a[1]).to_vec();
    match args.len() {
        0 => Ok(m.slice(vm, 0, Value::None)),
        1 => {
            let g = index(vm, &m, &args[0])?;
            Ok(m.slice(vm, g, Value::None))
        }
        _ => {
            let mut out = Vec::with_capacity(args.len());
            for arg in &args {
                let g = index(vm, &m, arg)?;
                out.push(m.slice(vm, g, Value::None));
            }
            Ok(vm.new_tuple(out))
        }
    }
}

fn groups(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let m = data(vm, &a[0])?;
    let items = (1..m.regs.len()).map(|g| m.slice(vm, g, a[1].clone())).collect();
    Ok(vm.new_tuple(items))
}

fn groupdict(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let m = data(vm, &a[0])?;
    let d = vm.new_dict_ref();
    for (name, _) in dict_items(&m.pattern.groupindex) {
        let g = index(vm, &m, &name)?;
        let v = m.slice(vm, g, a[1].clone());
        vm.dict_set_item(&d, name, v)?;
    }
    Ok(Value::Obj(d))
}

/// The (start, end) of a group, -1 for both when it did not participate.
fn span_of(vm: &mut Vm, a: &[Value]) -> PyResult<(i64, i64)> {
    let m = data(vm, &a[0])?;
    let g = index(vm, &m, &a[1])?;
    Ok(match m.regs[g] {
        Some((s, e)) => (s as i64, e as i64),
        None => (-1, -1),
    })
}

/// expand: `re._expand(pattern, match, template)`.
fn expand(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let m = data(vm, &a[0])?;
    let re = krait_vm::import::import_absolute(vm, "re")?;
    let f = vm.get_attr_str(&Value::Obj(re), "_expand")?;
    vm.call_positional(&f, &[m.re.clone(), a[0].clone(), a[1].clone()])
}

fn getter(vm: &mut Vm, v: &Value, name: &'static str) -> PyResult<Value> {
    let m = data(vm, v)?;
    Ok(match name {
        "string" => m.subject.obj.clone(),
        "re" => m.re.clone(),
        "pos" => Value::Int(m.pos as i64),
        "endpos" => Value::Int(m.endpos as i64),
        "lastindex" if m.lastindex >= 0 => Value::Int(m.lastindex as i64),
        "lastgroup" if m.lastindex >= 0 => util::tuple_items(&m.pattern.indexgroup).get(m.lastindex as usize).cloned().unwrap_or(Value::None),
        "regs" => {
            let items = m
                .regs
                .iter()
                .map(|r| {
                    let (s, e) = r.map_or((-1, -1), |(s, e)| (s as i64, e as i64));
                    vm.new_tuple(vec![Value::Int(s), Value::Int(e)])
                })
                .collect();
            vm.new_tuple(items)
        }
        _ => Value::None,
    })
}

/// `match_repr`: `<re.Match object; span=(0, 3), match='abc'>`.
pub fn repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let m = data(vm, v)?;
    let g0 = m.slice(vm, 0, Value::None);
    let r = vm.repr(&g0)?;
    let text: String = r.as_str().map(|s| s.as_str().chars().take(50).collect()).unwrap_or_default();
    let (s, e) = m.regs[0].unwrap_or((NONE, NONE));
    Ok(vm.new_str(&format!("<re.Match object; span=({s}, {e}), match={text}>")))
}
