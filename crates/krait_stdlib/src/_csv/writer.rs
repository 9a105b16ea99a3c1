//! `_csv.writer`: formats rows as delimited lines and writes them to a file-like object,
//! quoting and escaping as CPython's `join_append_data` does.

use super::dialect::{Dialect, QUOTE_ALL, QUOTE_NONE, QUOTE_NONNUMERIC};
use super::error;
use crate::util::{expect, get_type, wrap};
use krait_vm::object::Value;
use krait_vm::{PyResult, Vm};

pub struct Writer {
    write: Value,
    dialect_obj: Value,
    d: Dialect,
}

/// writer(fileobj, dialect='excel', **fmtparams)
pub fn writer(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let write = match vm.get_attr_str(&a[0], "write") {
        Ok(w) => w,
        Err(_) => return Err(vm.new_type_error("argument 1 must have a \"write\" method")),
    };
    let (dialect_obj, d) = super::dialect::from_bound(vm, a)?;
    let t = get_type(vm, "_csv.writer")?;
    Ok(wrap(vm, &t, Writer { write, dialect_obj, d }))
}

fn this<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a std::cell::RefCell<Writer>> {
    expect::<Writer>(vm, v, "_csv.writer")
}

pub fn dialect(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(this(vm, v)?.borrow().dialect_obj.clone())
}

/// Whether `v` is a number for QUOTE_NONNUMERIC (PyNumber_Check).
fn is_number(vm: &mut Vm, v: &Value) -> bool {
    if matches!(v, Value::Int(_) | Value::Float(_) | Value::Bool(_)) || krait_vm::types::int::bigint_of(v).is_some() {
        return true;
    }
    let complex = vm.types.complex.clone();
    if vm.is_subtype(&vm.type_of(v), &complex) {
        return true;
    }
    let t = Value::Obj(vm.type_of(v));
    ["__index__", "__int__", "__float__", "__complex__"].iter().any(|n| vm.get_attr_str(&t, n).is_ok())
}

/// join_append_data: `field` escaped into `rec`, quoted if needed or `quoted`.
fn append_field(d: &Dialect, rec: &mut String, field: &str, mut quoted: bool) -> Result<(), &'static str> {
    let mut body = String::with_capacity(field.len());
    for c in field.chars() {
        let special = c == d.delimiter || Some(c) == d.escapechar || Some(c) == d.quotechar || d.lineterminator.contains(c);
        if special {
            let mut escape = false;
            if d.quoting == QUOTE_NONE {
                escape = true;
            } else {
                if Some(c) == d.quotechar {
                    if d.doublequote {
                        body.push(c);
                    } else {
                        escape = true;
                    }
                } else if Some(c) == d.escapechar {
                    escape = true;
                }
                if !escape {
                    quoted = true;
                }
            }
            if escape {
                match d.escapechar {
                    Some(e) => body.push(e),
                    None => return Err("need to escape, but no escapechar set"),
                }
            }
        }
        body.push(c);
    }
    let q = d.quotechar.unwrap_or('"');
    if quoted {
        rec.push(q);
    }
    rec.push_str(&body);
    if quoted {
        rec.push(q);
    }
    Ok(())
}

/// writer.writerow(row): the result of the file's write().
pub fn writerow(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (d, write) = {
        let w = this(vm, &a[0])?.borrow();
        (w.d.clone(), w.write.clone())
    };
    let it = match vm.iter(&a[1]) {
        Ok(it) => it,
        Err(e) if vm.is_subtype(&e.0.class(), &vm.exc.type_error.clone()) => {
            let n = vm.type_name(&a[1]);
            return Err(error(vm, &format!("iterable expected, not {n}")));
        }
        Err(e) => return Err(e),
    };
    let mut rec = String::new();
    let mut nfields = 0;
    while let Some(field) = vm.next(&it)? {
        if nfields > 0 {
            rec.push(d.delimiter);
        }
        nfields += 1;
        let quoted = match d.quoting {
            QUOTE_NONNUMERIC => !is_number(vm, &field),
            QUOTE_ALL => true,
            _ => false,
        };
        let text = if field.is_none() {
            String::new()
        } else if let Some(s) = field.as_obj().and_then(|o| o.as_str()) {
            s.as_str().to_string()
        } else {
            let s = vm.str(&field)?;
            s.as_str().map(|s| s.as_str().to_string()).unwrap_or_default()
        };
        if let Err(m) = append_field(&d, &mut rec, &text, quoted) {
            return Err(error(vm, m));
        }
    }
    if nfields == 1 && rec.is_empty() {
        if d.quoting == QUOTE_NONE {
            return Err(error(vm, "single empty field record must be quoted"));
        }
        let _ = append_field(&d, &mut rec, "", true);
    }
    rec.push_str(&d.lineterminator);
    let line = vm.new_str(&rec);
    vm.call_positional(&write, &[line])
}

/// writer.writerows(rows)
pub fn writerows(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let it = vm.iter(&a[1])?;
    while let Some(row) = vm.next(&it)? {
        writerow(vm, &[a[0].clone(), row])?;
    }
    Ok(Value::None)
}
