//! int's methods and properties: bit_length, bit_count, to_bytes, from_bytes,
//! as_integer_ratio, conjugate, __round__, __trunc__/__floor__/__ceil__, __abs__,
//! __divmod__, __pow__, __format__, real/imag/numerator/denominator.

use super::arith::{self, ZERO_DIV_FLOOR};
use super::{bigint_of, index_of, int_arg, IntArg};
use crate::object::{Payload, PyRef, Value};
use crate::types::methods::{method, MethodDef, MethodKind};
use crate::types::native::NativeFn;
use crate::vm::{PyResult, Vm};
use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{Signed, Zero};

/// `self` of an int method as a BigInt.
fn self_int(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    bigint_of(v).ok_or_else(|| vm.new_type_error("descriptor requires an 'int' object"))
}

fn exact(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let b = self_int(vm, &a[0])?;
    Ok(vm.new_bigint(b))
}

fn zero(_vm: &mut Vm, _a: &[Value]) -> PyResult<Value> {
    Ok(Value::Int(0))
}

fn one(_vm: &mut Vm, _a: &[Value]) -> PyResult<Value> {
    Ok(Value::Int(1))
}

fn bit_length(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let b = self_int(vm, &a[0])?;
    Ok(Value::Int(b.magnitude().bits() as i64))
}

fn bit_count(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let b = self_int(vm, &a[0])?;
    Ok(Value::Int(b.magnitude().iter_u64_digits().map(|d| d.count_ones() as i64).sum()))
}

fn as_integer_ratio(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let b = self_int(vm, &a[0])?;
    let n = vm.new_bigint(b);
    Ok(vm.new_tuple(vec![n, Value::Int(1)]))
}

fn int_abs(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let b = self_int(vm, &a[0])?;
    Ok(vm.new_bigint(b.abs()))
}

fn is_little(vm: &mut Vm, order: &Value) -> PyResult<bool> {
    match order.as_obj().and_then(|o| o.as_str()).map(|s| s.as_str().to_string()).as_deref() {
        Some("little") => Ok(true),
        Some("big") => Ok(false),
        Some(_) => Err(vm.new_value_error("byteorder must be either 'little' or 'big'")),
        None => {
            let n = vm.type_name(order);
            Err(vm.new_type_error(format!("to_bytes() argument 'byteorder' must be str, not {n}")))
        }
    }
}

/// int.to_bytes(length=1, byteorder='big', *, signed=False)
fn to_bytes(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let v = self_int(vm, &a[0])?;
    let length = index_of(vm, &a[1])?;
    let little = is_little(vm, &a[2])?;
    let signed = vm.is_true(&a[3])?;
    if length.is_negative() {
        return Err(vm.new_value_error("length argument must be non-negative"));
    }
    let length = i64::try_from(&length).map_err(|_| vm.new_overflow_error("Python int too large to convert to C ssize_t"))? as usize;
    if length as u64 > arith::MAX_RESULT_BITS / 8 {
        return Err(vm.new_memory_error(""));
    }
    if !signed && v.is_negative() {
        return Err(vm.new_overflow_error("can't convert negative int to unsigned"));
    }
    let mut bytes = v.to_signed_bytes_le();
    // Trim a redundant sign byte for unsigned output of values with the top bit set.
    if !signed && bytes.len() > 1 && bytes.last() == Some(&0) {
        bytes.pop();
    }
    if v.is_zero() {
        bytes.clear();
    }
    if bytes.len() > length {
        return Err(vm.new_overflow_error("int too big to convert"));
    }
    let fill = if v.is_negative() { 0xff } else { 0 };
    bytes.resize(length, fill);
    if !little {
        bytes.reverse();
    }
    let t = vm.types.bytes.clone();
    Ok(vm.wrap(Payload::Bytes(bytes.into_boxed_slice()), &t))
}

/// int.from_bytes(bytes, byteorder='big', *, signed=False) (a classmethod).
fn from_bytes(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let data: Vec<u8> = match a[1].as_obj().map(|o| &o.payload) {
        Some(Payload::Bytes(b)) => b.to_vec(),
        Some(Payload::ByteArray(b)) => b.borrow().clone(),
        _ => {
            let items = vm.collect(&a[1])?;
            let mut out = Vec::with_capacity(items.len());
            for it in &items {
                match int_arg(it) {
                    Some(IntArg::Small(i)) if (0..256).contains(&i) => out.push(i as u8),
                    Some(_) => return Err(vm.new_value_error("bytes must be in range(0, 256)")),
                    None => {
                        let n = vm.type_name(it);
                        return Err(vm.new_type_error(format!("'{n}' object cannot be interpreted as an integer")));
                    }
                }
            }
            out
        }
    };
    let little = is_little(vm, &a[2])?;
    let signed = vm.is_true(&a[3])?;
    let v = match (little, signed) {
        (true, true) => BigInt::from_signed_bytes_le(&data),
        (false, true) => BigInt::from_signed_bytes_be(&data),
        (true, false) => BigInt::from_bytes_le(Sign::Plus, &data),
        (false, false) => BigInt::from_bytes_be(Sign::Plus, &data),
    };
    let cls = match &a[0] {
        Value::Obj(c) if c.as_type().is_some() => c.clone(),
        _ => vm.types.int.clone(),
    };
    if cls.is(&vm.types.int) {
        return Ok(vm.new_bigint(v));
    }
    let n = vm.new_bigint(v);
    vm.call_positional(&Value::Obj(cls), &[n])
}

/// int.__round__(ndigits=None): round half to even at 10**-ndigits.
fn int_round(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let v = self_int(vm, &a[0])?;
    if a[1].is_none() {
        return Ok(vm.new_bigint(v));
    }
    let nd = index_of(vm, &a[1])?;
    if !nd.is_negative() {
        return Ok(vm.new_bigint(v));
    }
    // |v| < 10**places / 2 rounds to zero: no need to build a huge power of ten.
    let digits_bound = v.bits() * 302 / 1000 + 2;
    match u32::try_from(-nd) {
        Ok(places) if u64::from(places) <= digits_bound => Ok(vm.new_bigint(round_half_even(&v, places))),
        _ => Ok(Value::Int(0)),
    }
}

/// `v` rounded half-to-even to a multiple of 10**places.
pub fn round_half_even(v: &BigInt, places: u32) -> BigInt {
    let pow = num_traits::pow::Pow::pow(BigInt::from(10), places);
    let (q, r) = v.div_mod_floor(&pow);
    let twice = &r * 2;
    let up = twice > pow || (twice == pow && q.is_odd());
    (if up { q + 1 } else { q }) * pow
}

fn int_divmod(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (Some(x), Some(y)) = (int_arg(&a[0]), int_arg(&a[1])) else {
        return Ok(Value::Obj(vm.not_implemented.clone()));
    };
    let r = match (x, y) {
        (IntArg::Small(x), IntArg::Small(y)) => arith::divmod_small(x, y, ZERO_DIV_FLOOR),
        _ => arith::divmod_bigval(&x.big(), &y.big(), ZERO_DIV_FLOOR),
    };
    let (q, m) = r.map_err(|e| vm.num_error(e))?;
    let (q, m) = (vm.new_int(q), vm.new_int(m));
    Ok(vm.new_tuple(vec![q, m]))
}

fn int_rdivmod(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    int_divmod(vm, &[a[1].clone(), a[0].clone()])
}

fn int_pow(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    super::int_pow3(vm, &a[0], &a[1], &a[2])
}

fn int_rpow(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    super::int_pow3(vm, &a[1], &a[0], &a[2])
}

/// int.__format__(format_spec)
fn int_format(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let v = self_int(vm, &a[0])?;
    let spec = crate::builtins::str_arg(vm, &a[1], "format() argument 2")?;
    if spec.is_empty() {
        // An empty spec is str(self) (so `format(True, "")` is 'True').
        return vm.str(&a[0]).map(Value::Obj);
    }
    let text = krait_format::format_int(&v, &spec, "int", vm.int_max_str_digits).map_err(|e| vm.format_error(e))?;
    Ok(vm.new_str(&text))
}

fn getnewargs(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let v = exact(vm, a)?;
    Ok(vm.new_tuple(vec![v]))
}


/// Put a read-only property named `name` computed by `getter(self)` on type `ty`.
pub fn add_property(vm: &mut Vm, ty: &PyRef, owner: &'static str, name: &'static str, getter: NativeFn) {
    let f = vm.new_native_function(name, owner, "(self, /)", getter, Value::Null, true);
    let pt = vm.types.property.clone();
    let p = vm.wrap(Payload::Property { fget: Value::Obj(f), fset: Value::None, fdel: Value::None, doc: Default::default(), getter_doc: false, name: Default::default() }, &pt);
    vm.set_type_attr(ty, name, p);
}

const METHODS: &[MethodDef] = &[
    method("bit_length", "(self, /)", bit_length),
    method("bit_count", "(self, /)", bit_count),
    method("to_bytes", "(self, /, length=1, byteorder='big', *, signed=False)", to_bytes),
    MethodDef { name: "from_bytes", sig: "(cls, /, bytes, byteorder='big', *, signed=False)", func: from_bytes, kind: MethodKind::ClassMethod },
    method("as_integer_ratio", "(self, /)", as_integer_ratio),
    method("conjugate", "(self, /)", exact),
    method("__index__", "(self, /)", exact),
    method("__int__", "(self, /)", exact),
    method("__trunc__", "(self, /)", exact),
    method("__floor__", "(self, /)", exact),
    method("__ceil__", "(self, /)", exact),
    method("__abs__", "(self, /)", int_abs),
    method("__round__", "(self, ndigits=None, /)", int_round),
    method("__divmod__", "(self, value, /)", int_divmod),
    method("__rdivmod__", "(self, value, /)", int_rdivmod),
    method("__pow__", "(self, value, mod=None, /)", int_pow),
    method("__rpow__", "(self, value, mod=None, /)", int_rpow),
    method("__format__", "(self, format_spec, /)", int_format),
    method("__getnewargs__", "(self, /)", getnewargs),
];

pub(super) fn install(vm: &mut Vm) {
    let t = vm.types.int.clone();
    vm.add_methods(&t, "int", METHODS);
    add_property(vm, &t, "int", "real", exact);
    add_property(vm, &t, "int", "imag", zero);
    add_property(vm, &t, "int", "numerator", exact);
    add_property(vm, &t, "int", "denominator", one);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_half_even_as_cpython() {
        // python3: round(1250, -2), round(1350, -2), round(-1250, -2), round(1234, -2), round(-51, -2)
        let r = |v: i64, p| round_half_even(&BigInt::from(v), p);
        assert_eq!(r(1250, 2), BigInt::from(1200));
        assert_eq!(r(1350, 2), BigInt::from(1400));
        assert_eq!(r(-1250, 2), BigInt::from(-1200));
        assert_eq!(r(1234, 2), BigInt::from(1200));
        assert_eq!(r(-51, 2), BigInt::from(-100));
    }
}
