//! `_sre.SRE_Scanner`: successive matches over one subject, resuming where the previous
//! match ended (behind finditer).

use super::input::Subject;
use super::matchobj::new_match;
use super::pattern::{begin, data, engine_error, PatternData};
use super::state::State;
use crate::util;
use krait_vm::object::Value;
use krait_vm::types::getset::GetSetDef;
use krait_vm::types::methods::{method, MethodDef};
use krait_vm::{PyResult, Vm};
use std::rc::Rc;

pub const KEY: &str = "_sre.SRE_Scanner";

pub struct ScannerData {
    re: Value,
    pattern: Rc<PatternData>,
    subject: Subject,
    state: State,
    /// Set once a call found no match.
    done: bool,
}

pub const METHODS: &[MethodDef] = &[method("match", "(self, /)", |vm, a| step(vm, &a[0], false)), method("search", "(self, /)", |vm, a| step(vm, &a[0], true))];

pub const GETSETS: &[GetSetDef] = &[GetSetDef { name: "pattern", get: |vm, v, _| Ok(util::expect::<ScannerData>(vm, v, "_sre.SRE_Scanner")?.borrow().re.clone()), set: None }];

/// `pattern_scanner`.
pub fn new_scanner(vm: &mut Vm, re: &Value, string: &Value, pos: &Value, endpos: &Value) -> PyResult<Value> {
    let pattern = data(vm, re)?;
    let (subject, state) = begin(vm, &pattern, string, pos, endpos)?;
    let t = util::get_type(vm, KEY)?;
    Ok(util::wrap(vm, &t, ScannerData { re: re.clone(), pattern, subject, state, done: false }))
}

/// `scanner_match` / `scanner_search`: the next match, or None once exhausted.
fn step(vm: &mut Vm, v: &Value, search: bool) -> PyResult<Value> {
    let cell = util::expect::<ScannerData>(vm, v, "_sre.SRE_Scanner")?;
    let mut sc = cell.borrow_mut();
    if sc.done {
        return Ok(Value::None);
    }
    let sc = &mut *sc;
    sc.state.reset();
    sc.state.ptr = sc.state.start;
    let found = if search { sc.subject.search(&mut sc.state, &sc.pattern.code) } else { sc.subject.do_match(&mut sc.state, &sc.pattern.code) };
    match found {
        Ok(true) => {
            let m = new_match(vm, &sc.re, &sc.pattern, &sc.subject, &sc.state);
            sc.state.must_advance = sc.state.ptr == sc.state.start;
            sc.state.start = sc.state.ptr;
            Ok(m)
        }
        Ok(false) => {
            sc.done = true;
            Ok(Value::None)
        }
        Err(e) => Err(engine_error(vm, e)),
    }
}
