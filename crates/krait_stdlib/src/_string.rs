//! The `_string` module: `formatter_parser` and `formatter_field_name_split`, the parsing
//! halves of `str.format` that `string.Formatter` uses.

use crate::util::{new_module, state, wrap};
use krait_format::{field_name_split, FieldAccessor, FieldKey, FormatError, MarkupIter};
use krait_vm::object::{PyRef, Slots, Value};
use krait_vm::types::methods::method;
use krait_vm::{PyResult, Vm};

/// An iterator over precomputed items that raises `error` after them (the parse error is
/// reported where the iteration reaches it, as CPython's lazy iterators do).
struct Items {
    items: std::vec::IntoIter<Value>,
    error: Option<FormatError>,
}

/// Build the `_string` module.
pub fn make_module(vm: &mut Vm) -> PyRef {
    let (m, _) = new_module(vm, "_string", &[
        method("formatter_parser", "(format_string, /)", formatter_parser),
        method("formatter_field_name_split", "(field_name, /)", formatter_field_name_split),
    ]);
    let slots = Slots { iter: Some(|_, v| Ok(v.clone())), next: Some(items_next), ..Slots::default() };
    crate::util::new_type(vm, "_string", "_string.formatteriterator", None, slots, 0, &[]);
    crate::util::new_type(vm, "_string", "_string.fieldnameiterator", None, slots, 0, &[]);
    m
}

fn items_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(st) = state::<Items>(v) else { return Ok(None) };
    let mut s = st.borrow_mut();
    if let Some(x) = s.items.next() {
        return Ok(Some(x));
    }
    match s.error.take() {
        Some(e) => {
            drop(s);
            Err(vm.format_error(e))
        }
        None => Ok(None),
    }
}

fn text_arg(vm: &mut Vm, v: &Value) -> PyResult<String> {
    match v.as_obj().and_then(|o| o.as_str()) {
        Some(s) => Ok(s.as_str().to_string()),
        None => {
            let n = vm.type_name(v);
            Err(vm.new_type_error(format!("expected str, got {n}")))
        }
    }
}

fn items_iter(vm: &mut Vm, key: &'static str, items: Vec<Value>, error: Option<FormatError>) -> PyResult<Value> {
    let ty = crate::util::get_type(vm, key)?;
    Ok(wrap(vm, &ty, Items { items: items.into_iter(), error }))
}

/// formatter_parser: (literal, field_name, format_spec, conversion) per markup item;
/// the last three are None for literal text alone.
fn formatter_parser(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let text = text_arg(vm, &a[0])?;
    let mut items = Vec::new();
    let mut error = None;
    for item in MarkupIter::new(&text) {
        match item {
            Ok(item) => {
                let literal = vm.new_str(item.literal);
                let t = match item.field {
                    None => vec![literal, Value::None, Value::None, Value::None],
                    Some(f) => {
                        let conv = match f.conversion {
                            Some(c) => vm.new_str(&c.to_string()),
                            None => Value::None,
                        };
                        vec![literal, vm.new_str(f.field_name), vm.new_str(f.format_spec), conv]
                    }
                };
                items.push(vm.new_tuple(t));
            }
            Err(e) => error = Some(e),
        }
    }
    items_iter(vm, "_string.formatteriterator", items, error)
}

/// formatter_field_name_split: (first, iterator of (is_attribute, key)).
fn formatter_field_name_split(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let text = text_arg(vm, &a[0])?;
    let (first, rest) = field_name_split(&text, None).map_err(|e| vm.format_error(e))?;
    let first = match first {
        FieldKey::Index(i) => Value::Int(i as i64),
        FieldKey::Name(n) => vm.new_str(n),
    };
    let mut items = Vec::new();
    let mut error = None;
    for acc in rest {
        match acc {
            Ok(FieldAccessor::Attr(s)) => {
                let k = vm.new_str(s);
                items.push(vm.new_tuple(vec![Value::Bool(true), k]));
            }
            Ok(FieldAccessor::Index(i)) => items.push(vm.new_tuple(vec![Value::Bool(false), Value::Int(i as i64)])),
            Ok(FieldAccessor::Key(s)) => {
                let k = vm.new_str(s);
                items.push(vm.new_tuple(vec![Value::Bool(false), k]));
            }
            Err(e) => error = Some(e),
        }
    }
    let it = items_iter(vm, "_string.fieldnameiterator", items, error)?;
    Ok(vm.new_tuple(vec![first, it]))
}
