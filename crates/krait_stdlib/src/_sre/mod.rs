//! The `_sre` module (CPython's Modules/_sre/sre.c): the regular expression engine behind
//! `re`. `re._compiler` turns a pattern into SRE code and calls `compile`; the Pattern,
//! Match and Scanner types run that code with a backtracking matcher.

mod alnum_table;
mod chars;
mod constants;
mod input;
mod matcher;
mod matchobj;
mod pattern;
mod scanner;
mod state;
#[cfg(test)]
mod tests;
mod unit;

use crate::util;
use constants::*;
use krait_vm::builtins::vm_type;
use krait_vm::object::{PyRef, Slots, Value};
use krait_vm::types::methods::{method, MethodDef};
use krait_vm::types::slice::index_clamped;
use krait_vm::{PyResult, Vm};
use pattern::PatternData;
use std::rc::Rc;

const FUNCTIONS: &[MethodDef] = &[
    method("compile", "(pattern, flags, code, groups, groupindex, indexgroup)", compile),
    method("getcodesize", "()", |_, _| Ok(Value::Int(CODESIZE))),
    method("ascii_iscased", "(character, /)", |vm, a| {
        let c = character(vm, &a[0])?;
        Ok(Value::Bool(c < 128 && (c as u8).is_ascii_alphabetic()))
    }),
    method("unicode_iscased", "(character, /)", |vm, a| {
        let c = character(vm, &a[0])?;
        Ok(Value::Bool(c != chars::lower_unicode(c) || c != chars::upper_unicode(c)))
    }),
    method("ascii_tolower", "(character, /)", |vm, a| Ok(Value::Int(i64::from(chars::lower_ascii(character(vm, &a[0])?))))),
    method("unicode_tolower", "(character, /)", |vm, a| Ok(Value::Int(i64::from(chars::lower_unicode(character(vm, &a[0])?))))),
];

pub fn make_module(vm: &mut Vm) -> PyRef {
    let (m, d) = util::new_module(vm, "_sre", FUNCTIONS);
    let ints = [("MAGIC", MAGIC), ("CODESIZE", CODESIZE), ("MAXREPEAT", i64::from(MAXREPEAT)), ("MAXGROUPS", MAXGROUPS)];
    for (name, v) in ints {
        util::set(vm, &d, name, Value::Int(v));
    }
    let copyright = vm.new_str(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB ");
    util::set(vm, &d, "copyright", copyright);
    if vm_type(vm, pattern::KEY).is_none() {
        make_types(vm);
    }
    m
}

/// Create the Pattern, Match and Scanner types for this VM.
fn make_types(vm: &mut Vm) {
    let no_new = Some(cannot_create as krait_vm::object::NewFn);
    let slots = Slots { repr: Some(pattern::repr), richcompare: Some(pattern::richcompare), hash: Some(pattern::hash), new: no_new, ..Default::default() };
    let t = util::new_type(vm, "re", pattern::KEY, None, slots, 0, pattern::METHODS);
    vm.add_getsets(&t, pattern::GETSETS);
    let slots = Slots { repr: Some(matchobj::repr), getitem: Some(match_getitem), new: no_new, ..Default::default() };
    let t = util::new_type(vm, "re", matchobj::KEY, None, slots, 0, matchobj::METHODS);
    vm.add_getsets(&t, matchobj::GETSETS);
    let slots = Slots { new: no_new, ..Default::default() };
    let t = util::new_type(vm, "_sre", scanner::KEY, None, slots, 0, scanner::METHODS);
    vm.add_getsets(&t, scanner::GETSETS);
}

fn cannot_create(vm: &mut Vm, cls: &PyRef, _args: krait_vm::object::Args<'_>) -> PyResult<Value> {
    let name = cls.as_type().map(|t| t.name()).unwrap_or_default();
    let module = if name == "SRE_Scanner" { "_sre" } else { "re" };
    Err(vm.new_type_error(format!("cannot create '{module}.{name}' instances")))
}

fn match_getitem(vm: &mut Vm, m: &Value, key: &Value) -> PyResult<Value> {
    let f = vm.get_attr_str(m, "__getitem__")?;
    vm.call_positional(&f, std::slice::from_ref(key))
}

/// A character code argument (a C int).
fn character(vm: &mut Vm, v: &Value) -> PyResult<u32> {
    match index_clamped(vm, v)? {
        Some(i) if (0..=i64::from(u32::MAX)).contains(&i) => Ok(i as u32),
        Some(_) => Err(vm.new_overflow_error("Python int too large to convert to C int")),
        None => {
            let n = vm.type_name(v);
            Err(vm.new_type_error(format!("'{n}' object cannot be interpreted as an integer")))
        }
    }
}

/// `_sre.compile(pattern, flags, code, groups, groupindex, indexgroup)`.
fn compile(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let flags = match index_clamped(vm, &a[1])? {
        Some(f) => f,
        None => return Err(vm.new_type_error("an integer is required")),
    };
    let Some(list) = a[2].as_obj().and_then(|o| o.as_list()) else {
        let n = vm.type_name(&a[2]);
        return Err(vm.new_type_error(format!("compile() argument 'code' must be list, not {n}")));
    };
    let items = list.borrow().clone();
    let mut code = Vec::with_capacity(items.len());
    for item in &items {
        match index_clamped(vm, item)? {
            Some(v) if (0..=i64::from(u32::MAX)).contains(&v) => code.push(v as u32),
            Some(_) => return Err(vm.new_overflow_error("regular expression code size limit exceeded")),
            None => return Err(vm.new_type_error("an integer is required")),
        }
    }
    let groups = match index_clamped(vm, &a[3])? {
        Some(g) if (0..=MAXGROUPS).contains(&g) => g as usize,
        _ => return Err(vm.new_runtime_error("invalid SRE code")),
    };
    let is_bytes = if a[0].is_none() {
        None
    } else {
        Some(input::Subject::new(vm, &a[0])?.is_bytes)
    };
    let data = PatternData { pattern: a[0].clone(), flags, code, groups, groupindex: a[4].clone(), indexgroup: a[5].clone(), is_bytes };
    let t = util::get_type(vm, pattern::KEY)?;
    Ok(util::wrap(vm, &t, Rc::new(data)))
}
