//! printf-style `bytes % args` (_PyBytes_FormatEx): the format is parsed by krait_format
//! as Latin-1 text, so every character stands for one byte.

use super::{buffer, with_data};
use crate::object::Value;
use crate::types::int::int_arg;
use crate::vm::{PyResult, Vm};
use krait_format::{Count, Piece, PercentSpec};
use num_bigint::BigInt;

/// Latin-1 text back to bytes (every char of our own output is below U+0100).
fn latin1_bytes(s: &str) -> Vec<u8> {
    s.chars().map(|c| c as u32 as u8).collect()
}

fn latin1_text(b: &[u8]) -> String {
    b.iter().map(|&c| c as char).collect()
}

/// `fmt % args` for bytes and bytearray.
pub fn percent_format(vm: &mut Vm, fmt: &[u8], args: &Value) -> PyResult<Vec<u8>> {
    let is_tuple = args.as_obj().and_then(|o| o.as_tuple()).is_some();
    let is_text = with_data(args, |_| ()).is_some() || args.as_obj().and_then(|o| o.as_str()).is_some();
    let has_getitem = vm.type_of(args).as_type().is_some_and(|t| t.slots().getitem.is_some());
    let mapping = (!is_tuple && !is_text && has_getitem && args.as_obj().is_some_and(|o| o.as_list().is_none())).then(|| args.clone());
    let mut items = if is_tuple { crate::types::tuple::items(args).to_vec() } else { vec![args.clone()] };
    let mut next = 0;
    let mut used_mapping = false;
    let f = latin1_text(fmt);
    let mut out = Vec::with_capacity(fmt.len());
    let take = |vm: &mut Vm, items: &[Value], next: &mut usize| -> PyResult<Value> {
        let v = items.get(*next).cloned().ok_or_else(|| vm.new_type_error("not enough arguments for format string"))?;
        *next += 1;
        Ok(v)
    };
    for piece in krait_format::PercentParser::new(&f) {
        let mut spec = match piece.map_err(|e| vm.format_error(e))? {
            Piece::Literal(s) => {
                out.extend(latin1_bytes(s));
                continue;
            }
            Piece::Conversion(spec) => spec,
        };
        if let Some(key) = spec.key.clone() {
            let Some(m) = mapping.clone() else { return Err(vm.new_type_error("format requires a mapping")) };
            let k = super::new_bytes(vm, latin1_bytes(&key));
            items = vec![vm.get_item(&m, &k)?];
            next = 0;
            used_mapping = true;
        }
        if spec.width == Count::Star {
            let w = take(vm, &items, &mut next)?;
            let b = star_int(vm, &w)?;
            spec.set_star_width(&b).map_err(|e| vm.format_error(e))?;
        }
        if spec.precision == Count::Star {
            let p = take(vm, &items, &mut next)?;
            let b = star_int(vm, &p)?;
            spec.set_star_precision(&b).map_err(|e| vm.format_error(e))?;
        }
        if let Some(e) = spec.error.clone() {
            return Err(vm.format_error(e));
        }
        let v = take(vm, &items, &mut next)?;
        out.extend(convert_one(vm, &v, &spec)?);
    }
    if next < items.len() && !used_mapping && mapping.is_none() {
        return Err(vm.new_type_error("not all arguments converted during bytes formatting"));
    }
    Ok(out)
}

fn star_int(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    match int_arg(v) {
        Some(i) => Ok(i.to_bigint()),
        None => Err(vm.new_type_error("* wants int")),
    }
}

/// One conversion's output bytes.
fn convert_one(vm: &mut Vm, v: &Value, spec: &PercentSpec) -> PyResult<Vec<u8>> {
    let text = match spec.conversion {
        's' | 'b' => {
            let b = match buffer(v) {
                Some(b) => b,
                None => match vm.call_dunder(v, "__bytes__", &[])? {
                    Some(r) if with_data(&r, |_| ()).is_some() && !super::is_bytearray(&r) => super::data(&r),
                    Some(r) => {
                        let n = vm.type_name(&r);
                        return Err(vm.new_type_error(format!("__bytes__ returned non-bytes (type {n})")));
                    }
                    None => {
                        let n = vm.type_name(v);
                        return Err(vm.new_type_error(format!("%b requires a bytes-like object, or an object that implements __bytes__, not '{n}'")));
                    }
                },
            };
            krait_format::percent_format_text(&latin1_text(&b), spec)
        }
        'r' | 'a' => {
            let ascii = vm.get_attr_str(&Value::Obj(vm.builtins.clone()), "ascii")?;
            let r = vm.call_positional(&ascii, std::slice::from_ref(v))?;
            krait_format::percent_format_text(&vm.str_of(&r), spec)
        }
        'c' => {
            let byte = match (int_arg(v), with_data(v, <[u8]>::to_vec)) {
                (Some(i), _) => match i.to_bigint().try_into() {
                    Ok(b) => b,
                    Err(_) => return Err(vm.new_overflow_error("%c arg not in range(256)")),
                },
                (None, Some(b)) if b.len() == 1 && !super::is_bytearray(v) => b[0],
                _ => return Err(vm.new_type_error("%c requires an integer in range(256) or a single byte")),
            };
            let one: u8 = byte;
            krait_format::percent_format_text(&latin1_text(&[one]), spec)
        }
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
            let n = int_for(vm, v, spec.conversion)?;
            krait_format::percent_format_int(&n, spec, vm.int_max_str_digits)
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let f = crate::types::str_methods::convert::float_for(vm, v, "float argument required")?;
            krait_format::percent_format_float(f, spec)
        }
        c => Err(krait_format::unsupported_format_character(c, spec.index)),
    };
    text.map(|t| latin1_bytes(&t)).map_err(|e| vm.format_error(e))
}

/// The int for %d/%x...: ints, floats truncated for %d/%i/%u, else `__index__` (`__int__`
/// too for the decimal codes).
fn int_for(vm: &mut Vm, v: &Value, conv: char) -> PyResult<BigInt> {
    if let Some(i) = int_arg(v) {
        return Ok(i.to_bigint());
    }
    let decimal = matches!(conv, 'd' | 'i' | 'u');
    if let (Value::Float(f), true) = (v, decimal) {
        if f.is_nan() {
            return Err(vm.new_value_error("cannot convert float NaN to integer"));
        }
        if f.is_infinite() {
            return Err(vm.new_overflow_error("cannot convert float infinity to integer"));
        }
        return Ok(num_traits::FromPrimitive::from_f64(f.trunc()).unwrap_or_default());
    }
    let slot = vm.type_of(v).as_type().and_then(|t| t.slots().index.or(if decimal { t.slots().int } else { None }));
    if let Some(f) = slot {
        if let Some(i) = int_arg(&f(vm, v)?) {
            return Ok(i.to_bigint());
        }
    }
    let n = vm.type_name(v);
    let what = if decimal { "a real number" } else { "an integer" };
    Err(vm.new_type_error(format!("%{conv} format: {what} is required, not {n}")))
}

