//! `str.format` and `str.format_map` (CPython's `Objects/stringlib/unicode_format.h`):
//! markup parsing and field names from krait_format, lookups and `__format__` here.

use super::{pystr, text};
use crate::object::Value;
use crate::types::methods::{method, MethodDef};
use crate::vm::{PyResult, Vm};
use krait_format::{field_name_split, AutoNumber, FieldAccessor, FieldKey, MarkupIter};

pub const METHODS: &[MethodDef] = &[
    method("format", "(self, /, *args, **kwargs)", |vm, a| {
        let args = crate::types::tuple::items(&a[1]).to_vec();
        let out = render(vm, text(&a[0]), Some(&args), Some(&a[2]), 2, &mut AutoNumber::default())?;
        Ok(vm.new_str(&out))
    }),
    method("format_map", "(self, mapping, /)", |vm, a| {
        let out = render(vm, text(&a[0]), None, Some(&a[1]), 2, &mut AutoNumber::default())?;
        Ok(vm.new_str(&out))
    }),
];

/// Expand every field of `fmt` (`build_string`); `depth` bounds nested format specs;
/// `args` is `None` for format_map.
fn render(vm: &mut Vm, fmt: &str, args: Option<&[Value]>, kwargs: Option<&Value>, depth: u32, auto: &mut AutoNumber) -> PyResult<String> {
    if depth == 0 {
        return Err(vm.new_value_error("Max string recursion exceeded"));
    }
    let mut out = String::with_capacity(fmt.len());
    for item in MarkupIter::new(fmt) {
        let item = item.map_err(|e| vm.format_error(e))?;
        out.push_str(item.literal);
        let Some(field) = item.field else { continue };
        let value = lookup(vm, field.field_name, args, kwargs, auto)?;
        let value = match field.conversion {
            None => value,
            Some('r') => Value::Obj(vm.repr(&value)?),
            Some('s') => Value::Obj(vm.str(&value)?),
            Some('a') => {
                let r = vm.repr(&value)?;
                let t = super::convert::ascii_escape(r.as_str().map(|s| s.as_str()).unwrap_or(""));
                vm.new_str(&t)
            }
            Some(c) => return Err(vm.format_error(krait_format::unknown_conversion(c))),
        };
        let spec = if field.spec_needs_expanding { render(vm, field.format_spec, args, kwargs, depth - 1, auto)? } else { field.format_spec.to_string() };
        out.push_str(&format_value(vm, &value, &spec)?);
    }
    Ok(out)
}

/// `format(value, spec)`: exact strs directly, everything else through `__format__`.
fn format_value(vm: &mut Vm, value: &Value, spec: &str) -> PyResult<String> {
    if let Some(s) = pystr(value) {
        if value.as_obj().is_some_and(|o| vm.is_exact(o, &vm.types.str)) {
            return krait_format::format_str(s.as_str(), spec, "str").map_err(|e| vm.format_error(e));
        }
    }
    let spec_v = vm.new_str(spec);
    let r = vm.format(value, &spec_v)?;
    Ok(r.as_str().map(|s| s.as_str().to_string()).unwrap_or_default())
}

/// get_field_object: the argument named by a field, then its `.attr` / `[key]` parts.
fn lookup(vm: &mut Vm, name: &str, args: Option<&[Value]>, kwargs: Option<&Value>, auto: &mut AutoNumber) -> PyResult<Value> {
    let (first, rest) = field_name_split(name, Some(auto)).map_err(|e| vm.format_error(e))?;
    let mut obj = match first {
        FieldKey::Index(i) => match args.map(|a| a.get(i)) {
            Some(Some(v)) => v.clone(),
            // format_map has no positional arguments at all.
            None => return Err(vm.new_value_error("Format string contains positional fields")),
            Some(None) => return Err(vm.new_index_error(format!("Replacement index {i} out of range for positional args tuple"))),
        },
        FieldKey::Name(n) => {
            let key = vm.new_str(n);
            match kwargs {
                Some(m) => vm.get_item(m, &key)?,
                None => return Err(vm.new_key_error(key)),
            }
        }
    };
    for acc in rest {
        obj = match acc.map_err(|e| vm.format_error(e))? {
            FieldAccessor::Attr(a) => vm.get_attr_str(&obj, a)?,
            FieldAccessor::Index(i) => vm.get_item(&obj, &Value::Int(i as i64))?,
            FieldAccessor::Key(k) => {
                let key = vm.new_str(k);
                vm.get_item(&obj, &key)?
            }
        };
    }
    Ok(obj)
}
