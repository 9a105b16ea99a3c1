//! "Did you mean" suggestions for NameError and AttributeError (CPython 3.11's
//! Python/suggestions.c): the closest candidate by a case-aware Levenshtein distance.

use super::data;
use super::traceback::{entries, traceback_of};
use crate::object::Value;
use crate::vm::Vm;

const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

/// The suggestion for an uncaught exception, if any (`_Py_Offer_Suggestions`).
pub fn offer(vm: &mut Vm, exc: &Value) -> Option<String> {
    let attribute_error = Value::Obj(vm.exc.attribute_error.clone());
    let name_error = Value::Obj(vm.exc.name_error.clone());
    if vm.isinstance(exc, &attribute_error).ok()? {
        for_attribute_error(vm, exc)
    } else if vm.isinstance(exc, &name_error).ok()? {
        for_name_error(vm, exc)
    } else {
        None
    }
}

fn name_of(exc: &Value) -> Option<String> {
    let name = data(exc)?.field("name");
    name.as_obj().and_then(|o| o.as_str()).map(|s| s.as_str().to_string())
}

fn for_attribute_error(vm: &mut Vm, exc: &Value) -> Option<String> {
    let name = name_of(exc)?;
    let obj = data(exc)?.field("obj");
    let dir = vm.builtins_dict.clone();
    let key = vm.new_str("dir");
    let f = crate::types::dict_ops::get_item(vm, &dir, &key).ok()??;
    let listing = vm.call_positional(&f, &[obj]).ok()?;
    let items = vm.collect(&listing).ok()?;
    let names: Vec<String> = items.iter().filter_map(|v| v.as_obj().and_then(|o| o.as_str()).map(|s| s.as_str().to_string())).collect();
    calculate(&names, &name)
}

fn for_name_error(vm: &mut Vm, exc: &Value) -> Option<String> {
    let name = name_of(exc)?;
    let tb = data(exc)?.traceback.borrow().clone();
    let last = entries(&tb).pop()?;
    let frame = traceback_of(&last)?.frame_info()?;
    let (code, globals, builtins) = (frame.code.clone(), frame.globals.clone(), frame.builtins.clone());
    let varnames: Vec<String> = code.raw.varnames().iter().map(|n| n.to_string()).collect();
    if let Some(s) = calculate(&varnames, &name) {
        return Some(s);
    }
    for d in [globals, builtins] {
        let keys: Vec<String> = d.as_dict().map(|t| t.borrow().iter().map(|(_, e)| vm.str_of(&e.key).to_string()).collect()).unwrap_or_default();
        if let Some(s) = calculate(&keys, &name) {
            return Some(s);
        }
    }
    None
}

/// The closest of `candidates` to `name` (`calculate_suggestions`).
pub fn calculate(candidates: &[String], name: &str) -> Option<String> {
    if candidates.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<(&String, usize)> = None;
    for item in candidates {
        if item == name {
            continue;
        }
        let mut max = (name.len() + item.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            max = max.min(d.saturating_sub(1));
        }
        let d = distance(name.as_bytes(), item.as_bytes(), max);
        if d > max {
            continue;
        }
        if best.is_none_or(|(_, bd)| d < bd) {
            best = Some((item, d));
        }
    }
    best.map(|(s, _)| s.clone())
}

fn substitution_cost(a: u8, b: u8) -> usize {
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// Levenshtein distance with moves costing 2 and case changes 1; anything above
/// `max` is reported as `max + 1` (`levenshtein_distance`).
pub fn distance(a: &[u8], b: &[u8], max: usize) -> usize {
    let pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (mut a, mut b) = (&a[pre..], &b[pre..]);
    let suf = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    a = &a[..a.len() - suf];
    b = &b[..b.len() - suf];
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max {
        return max + 1;
    }
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &bc) in b.iter().enumerate() {
        let mut diag = bi * MOVE_COST;
        result = diag;
        let mut minimum = usize::MAX;
        for (ai, &ac) in a.iter().enumerate() {
            let substitute = diag + substitution_cost(bc, ac);
            diag = row[ai];
            result = (result.min(diag) + MOVE_COST).min(substitute);
            row[ai] = result;
            minimum = minimum.min(result);
        }
        if minimum > max {
            return max + 1;
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_match_cpython() {
        let names: Vec<String> = ["value", "print", "len"].iter().map(|s| s.to_string()).collect();
        assert_eq!(calculate(&names, "valeu").as_deref(), Some("value"));
        assert_eq!(calculate(&names, "prnt").as_deref(), Some("print"));
        assert_eq!(calculate(&names, "zzzzzz"), None);
        assert_eq!(distance(b"abc", b"ABC", 10), 3);
    }
}
