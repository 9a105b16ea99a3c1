//! array typecodes: item sizes, machine-format codes, and the conversion of one item
//! between its stored bytes and a Python value (with CPython's range and type errors).

use krait_vm::object::{Payload, Value};
use krait_vm::types::float::float_arg;
use krait_vm::types::int::{bigint_of, int_arg};
use krait_vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_traits::ToPrimitive;

/// The typecodes in CPython's descriptor order.
pub const TYPECODES: &str = "bBuhHiIlLqQfd";

/// The size in bytes of one item of `code` (LP64, 4-byte wchar_t).
pub fn itemsize(code: u8) -> usize {
    match code {
        b'b' | b'B' => 1,
        b'h' | b'H' => 2,
        b'u' | b'i' | b'I' | b'f' => 4,
        _ => 8,
    }
}

pub fn is_valid(code: u8) -> bool {
    TYPECODES.as_bytes().contains(&code)
}

pub fn is_signed(code: u8) -> bool {
    matches!(code, b'b' | b'h' | b'i' | b'l' | b'q')
}

pub fn is_integer(code: u8) -> bool {
    !matches!(code, b'u' | b'f' | b'd')
}

/// typecode_to_mformat_code: the machine format code of a typecode on this platform.
pub fn mformat_code(code: u8) -> i64 {
    let big = i64::from(cfg!(target_endian = "big"));
    match code {
        b'B' => 0,
        b'b' => 1,
        b'u' => 20 + big,
        b'f' => 14 + big,
        b'd' => 16 + big,
        _ => {
            let base = match itemsize(code) {
                2 => 2,
                4 => 6,
                _ => 10,
            };
            base + 2 * i64::from(is_signed(code)) + big
        }
    }
}

/// Decode a stored item into its Python value (ValueError for a 'u' item that is not a
/// code point).
pub fn decode(vm: &mut Vm, code: u8, b: &[u8]) -> PyResult<Value> {
    let mut buf = [0u8; 8];
    buf[..b.len()].copy_from_slice(b);
    let [b0, b1, b2, b3, ..] = buf;
    Ok(match code {
        b'b' => Value::Int(i64::from(b0 as i8)),
        b'B' => Value::Int(i64::from(b0)),
        b'h' => Value::Int(i64::from(i16::from_ne_bytes([b0, b1]))),
        b'H' => Value::Int(i64::from(u16::from_ne_bytes([b0, b1]))),
        b'i' => Value::Int(i64::from(i32::from_ne_bytes([b0, b1, b2, b3]))),
        b'I' => Value::Int(i64::from(u32::from_ne_bytes([b0, b1, b2, b3]))),
        b'f' => Value::Float(f64::from(f32::from_ne_bytes([b0, b1, b2, b3]))),
        b'u' => {
            let c = code_point(vm, u32::from_ne_bytes([b0, b1, b2, b3]))?;
            vm.new_str(c.encode_utf8(&mut [0; 4]))
        }
        b'd' => Value::Float(f64::from_ne_bytes(buf)),
        b'L' | b'Q' => {
            let u = u64::from_ne_bytes(buf);
            match i64::try_from(u) {
                Ok(i) => Value::Int(i),
                Err(_) => vm.new_bigint(BigInt::from(u)),
            }
        }
        _ => Value::Int(i64::from_ne_bytes(buf)),
    })
}

/// The char of a stored 'u' item, or CPython's ValueError for an invalid code point.
pub fn code_point(vm: &mut Vm, cp: u32) -> PyResult<char> {
    match char::from_u32(cp) {
        Some(c) => Ok(c),
        None if cp > 0x10ffff => Err(vm.new_value_error(format!("character U+{cp:x} is not in range [U+0000; U+10ffff]"))),
        None => Err(vm.new_not_implemented_error("lone surrogates in str")),
    }
}

/// The integer value of an item (`__index__`), or CPython's TypeError.
fn int_value(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    if let Some(b) = bigint_of(v) {
        return Ok(b);
    }
    krait_vm::types::int::index_of(vm, v)
}

/// The float value of an item (`PyFloat_AsDouble`), or "must be real number, not T".
fn float_value(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(f) = float_arg(v) {
        return Ok(f);
    }
    if let Some(i) = int_arg(v) {
        return krait_vm::types::int::int_to_f64(vm, i);
    }
    let slots = vm.type_of(v).as_type().map(|t| t.slots()).unwrap_or_default();
    let is_text = matches!(v.as_obj().map(|o| &o.payload), Some(Payload::Str(_) | Payload::Bytes(_) | Payload::ByteArray(_)));
    if is_text || (slots.float.is_none() && slots.index.is_none()) {
        let n = vm.type_name(v);
        return Err(vm.new_type_error(format!("must be real number, not {n}")));
    }
    krait_vm::types::float::float_from(vm, v)
}

/// A signed value in `lo..=hi`, checked first as a C type of range `outer` (the
/// PyArg_Parse format CPython converts through) and then with `what` in the message.
fn ranged(vm: &mut Vm, n: &BigInt, outer: (i64, i64, &str), lo: i64, hi: i64, what: &str) -> PyResult<i64> {
    let Some(i) = n.to_i64() else { return Err(vm.new_overflow_error("Python int too large to convert to C long")) };
    let (olo, ohi, oname) = outer;
    if i < olo {
        return Err(vm.new_overflow_error(format!("{oname} is less than minimum")));
    }
    if i > ohi {
        return Err(vm.new_overflow_error(format!("{oname} is greater than maximum")));
    }
    if i < lo {
        return Err(vm.new_overflow_error(format!("{what} is less than minimum")));
    }
    if i > hi {
        return Err(vm.new_overflow_error(format!("{what} is greater than maximum")));
    }
    Ok(i)
}

const LONG: (i64, i64, &str) = (i64::MIN, i64::MAX, "");
const SHORT: (i64, i64, &str) = (i16::MIN as i64, i16::MAX as i64, "signed short integer");
const INT: (i64, i64, &str) = (i32::MIN as i64, i32::MAX as i64, "signed integer");

/// Encode `v` as an item of `code` into `out` (`itemsize(code)` bytes): the
/// `*_setitem` functions of CPython's arraymodule.
pub fn encode(vm: &mut Vm, code: u8, v: &Value, out: &mut [u8]) -> PyResult<()> {
    match code {
        b'u' => {
            let c = v.as_obj().and_then(|o| o.as_str()).and_then(|s| {
                let mut it = s.as_str().chars();
                it.next().filter(|_| it.next().is_none())
            });
            let Some(c) = c else { return Err(vm.new_type_error("array item must be unicode character")) };
            out.copy_from_slice(&(c as u32).to_ne_bytes());
        }
        b'f' => out.copy_from_slice(&(float_value(vm, v)? as f32).to_ne_bytes()),
        b'd' => out.copy_from_slice(&float_value(vm, v)?.to_ne_bytes()),
        _ => {
            let n = int_value(vm, v)?;
            match code {
                b'b' => out[0] = ranged(vm, &n, SHORT, -128, 127, "signed char")? as i8 as u8,
                b'B' => {
                    let i = ranged(vm, &n, LONG, 0, 255, "unsigned byte integer")?;
                    out[0] = i as u8;
                }
                b'h' => out.copy_from_slice(&(ranged(vm, &n, LONG, i16::MIN.into(), i16::MAX.into(), "signed short integer")? as i16).to_ne_bytes()),
                b'H' => out.copy_from_slice(&(ranged(vm, &n, INT, 0, u16::MAX.into(), "unsigned short")? as u16).to_ne_bytes()),
                b'i' => out.copy_from_slice(&(ranged(vm, &n, LONG, i32::MIN.into(), i32::MAX.into(), "signed integer")? as i32).to_ne_bytes()),
                b'I' | b'L' => {
                    if n.sign() == num_bigint::Sign::Minus {
                        return Err(vm.new_overflow_error("can't convert negative value to unsigned int"));
                    }
                    let Some(u) = n.to_u64() else { return Err(vm.new_overflow_error("Python int too large to convert to C unsigned long")) };
                    if code == b'I' {
                        let Ok(u) = u32::try_from(u) else { return Err(vm.new_overflow_error("unsigned int is greater than maximum")) };
                        out.copy_from_slice(&u.to_ne_bytes());
                    } else {
                        out.copy_from_slice(&u.to_ne_bytes());
                    }
                }
                b'l' => {
                    let i = ranged(vm, &n, LONG, i64::MIN, i64::MAX, "")?;
                    out.copy_from_slice(&i.to_ne_bytes());
                }
                b'q' => {
                    let Some(i) = n.to_i64() else { return Err(vm.new_overflow_error("int too big to convert")) };
                    out.copy_from_slice(&i.to_ne_bytes());
                }
                _ => {
                    if n.sign() == num_bigint::Sign::Minus {
                        return Err(vm.new_overflow_error("can't convert negative int to unsigned"));
                    }
                    let Some(u) = n.to_u64() else { return Err(vm.new_overflow_error("int too big to convert")) };
                    out.copy_from_slice(&u.to_ne_bytes());
                }
            }
        }
    }
    Ok(())
}
