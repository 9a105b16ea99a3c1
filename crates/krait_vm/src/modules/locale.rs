//! The `_locale` module (CPython's Modules/_localemodule.c) for a VM that runs in the C
//! locale (text is UTF-8): `setlocale` accepts the C, POSIX and C.UTF-8 locales and
//! remembers them per category, `localeconv` gives the C locale's conventions,
//! `strcoll`/`strxfrm` compare code points, `getencoding`/`nl_langinfo(CODESET)` say
//! UTF-8.

use super::util::{add_bound, i64_arg, new_module_with, set, str_arg};
use crate::object::{PyRef, Value};
use crate::types::methods::method;
use crate::vm::{PyResult, Vm};

/// The categories, by number (LC_ALL is 6).
const CATEGORIES: [&str; 7] = ["LC_CTYPE", "LC_NUMERIC", "LC_TIME", "LC_COLLATE", "LC_MONETARY", "LC_MESSAGES", "LC_ALL"];
const LC_ALL: usize = 6;
/// CHAR_MAX: "not available" in localeconv's numeric fields.
const CHAR_MAX: i64 = 127;

/// The bound state of `setlocale`: `(names, Error)`, where `names` is a list of the
/// current locale name of each category.
fn state(v: &Value) -> (Value, Value) {
    match crate::builtins::tuple_items(v) {
        [names, err] => (names.clone(), err.clone()),
        _ => (Value::None, Value::None),
    }
}

/// The locale that `""` selects for `category`: LC_ALL, LC_<category>, LANG from the
/// environment, as the C library does.
fn from_environment(category: usize) -> String {
    let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    let specific = if category == LC_ALL { None } else { var(CATEGORIES[category]) };
    var("LC_ALL").or(specific).or_else(|| var("LANG")).unwrap_or_else(|| "C".to_string())
}

/// The canonical name of a locale krait supports, None for any other.
fn supported(name: &str) -> Option<&'static str> {
    match name {
        "C" | "POSIX" => Some("C"),
        "C.UTF-8" | "C.utf8" | "C.utf-8" => Some("C.UTF-8"),
        _ => None,
    }
}

fn locale_error(vm: &mut Vm, cls: &Value, msg: &str) -> crate::vm::PyErr {
    let cls = cls.as_obj().cloned().unwrap_or_else(|| vm.exc.exception.clone());
    vm.new_exception_msg(&cls, msg)
}

// _locale_setlocale_impl
fn setlocale(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (names, err) = state(&a[0]);
    let cat = i64_arg(vm, &a[1])?;
    let Some(cat) = usize::try_from(cat).ok().filter(|&c| c < CATEGORIES.len()) else {
        return Err(locale_error(vm, &err, "invalid locale category"));
    };
    let Some(crate::object::Payload::List(l)) = names.as_obj().map(|o| &o.payload) else { return Ok(Value::None) };
    if !a[2].is_none() {
        let wanted = str_arg(vm, &a[2], "setlocale() argument 2")?;
        let wanted = if wanted.is_empty() { from_environment(cat) } else { wanted };
        let Some(name) = supported(&wanted) else {
            return Err(locale_error(vm, &err, "unsupported locale setting"));
        };
        let v = vm.new_str(name);
        let mut l = l.borrow_mut();
        if cat == LC_ALL {
            l.iter_mut().for_each(|x| *x = v.clone());
        } else {
            l[cat] = v;
        }
    }
    let current: Vec<String> = l.borrow().iter().map(|v| vm.str_of(v).to_string()).collect();
    // LC_ALL reads as one name when every category agrees, else as glibc's composite.
    let text = if cat != LC_ALL || current[..LC_ALL].iter().all(|n| *n == current[0]) {
        current[cat].clone()
    } else {
        (0..LC_ALL).map(|i| format!("{}={}", CATEGORIES[i], current[i])).collect::<Vec<_>>().join(";")
    };
    Ok(vm.new_str(&text))
}

// _locale_localeconv_impl: the C locale's values.
fn localeconv(vm: &mut Vm, _: &[Value]) -> PyResult<Value> {
    let d = vm.new_dict_ref();
    let strs = [
        ("decimal_point", "."), ("thousands_sep", ""), ("int_curr_symbol", ""), ("currency_symbol", ""),
        ("mon_decimal_point", ""), ("mon_thousands_sep", ""), ("positive_sign", ""), ("negative_sign", ""),
    ];
    for (k, v) in strs {
        let (k, v) = (vm.new_str(k), vm.new_str(v));
        vm.dict_set_item(&d, k, v)?;
    }
    for k in ["grouping", "mon_grouping"] {
        let (k, v) = (vm.new_str(k), vm.new_list(vec![]));
        vm.dict_set_item(&d, k, v)?;
    }
    for k in ["int_frac_digits", "frac_digits", "p_cs_precedes", "p_sep_by_space", "n_cs_precedes", "n_sep_by_space", "p_sign_posn", "n_sign_posn"] {
        let k = vm.new_str(k);
        vm.dict_set_item(&d, k, Value::Int(CHAR_MAX))?;
    }
    Ok(Value::Obj(d))
}

// _locale_strcoll_impl: the C locale collates by code point.
fn strcoll(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let x = str_arg(vm, &a[0], "strcoll() argument 1")?;
    let y = str_arg(vm, &a[1], "strcoll() argument 2")?;
    Ok(Value::Int(x.cmp(&y) as i64))
}

/// Build the `_locale` module.
pub fn make_module(vm: &mut Vm) -> PyRef {
    let m = new_module_with(vm, "_locale", &[
        method("localeconv", "()", localeconv),
        method("strcoll", "(os1, os2, /)", strcoll),
        method("strxfrm", "(string, /)", |vm, a| {
            str_arg(vm, &a[0], "strxfrm() argument")?;
            Ok(a[0].clone())
        }),
        method("getencoding", "()", |vm, _| Ok(vm.new_str("UTF-8"))),
        method("nl_langinfo", "(key, /)", |vm, a| match i64_arg(vm, &a[0])? {
            14 => Ok(vm.new_str("UTF-8")),
            _ => Err(vm.new_value_error("unsupported langinfo constant")),
        }),
    ]);
    for (i, name) in CATEGORIES.iter().enumerate() {
        set(vm, &m, name, Value::Int(i as i64));
    }
    set(vm, &m, "CODESET", Value::Int(14));
    set(vm, &m, "CHAR_MAX", Value::Int(CHAR_MAX));
    // class Error(Exception) with __module__ 'locale', made by calling type().
    let ns = vm.new_dict_ref();
    let (mk, mv) = (vm.new_str("__module__"), vm.new_str("locale"));
    let _ = vm.dict_set_item(&ns, mk, mv);
    let name = vm.new_str("Error");
    let bases = vm.new_tuple(vec![Value::Obj(vm.exc.exception.clone())]);
    let err = vm.call_positional(&Value::Obj(vm.types.type_.clone()), &[name, bases, Value::Obj(ns)]).unwrap_or(Value::None);
    set(vm, &m, "Error", err.clone());
    // Every category starts in the C locale, except LC_CTYPE, which Python sets from the
    // environment at startup (UTF-8 text).
    let c = vm.new_str("C");
    let ctype = vm.new_str(supported(&from_environment(0)).unwrap_or("C.UTF-8"));
    let mut current = vec![c; CATEGORIES.len()];
    current[0] = ctype;
    let current = vm.new_list(current);
    let st = vm.new_tuple(vec![current, err]);
    add_bound(vm, &m, "_locale", &st, &[("setlocale", "(state, category, locale=None, /)", setlocale)]);
    m
}
