//! The `complex` type: operands, slots (arithmetic, ==, hash, repr), `complex(re, im)`
//! and its methods.

pub mod arith;

use crate::object::hash::hash_f64;
use crate::object::{Args, BinOp, CmpOp, Payload, PyRef, UnaryOp, Value};
use crate::types::float::{float_arg, float_from};
use crate::types::int::{arith::cmp_int_float, int_arg, int_to_f64};
use crate::types::methods::{method, MethodDef};
use crate::types::native::{bind, Signature};
use crate::vm::{PyResult, Vm};
use arith::C;

/// The value of a complex operand (complex or subclass instance).
pub fn complex_arg(v: &Value) -> Option<C> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Complex { re, im }) => Some((*re, *im)),
        _ => None,
    }
}

/// A complex, float or int operand as a complex.
fn complex_operand(vm: &mut Vm, v: &Value) -> PyResult<Option<C>> {
    if let Some(c) = complex_arg(v) {
        return Ok(Some(c));
    }
    if let Some(f) = float_arg(v) {
        return Ok(Some((f, 0.0)));
    }
    match int_arg(v) {
        Some(i) => Ok(Some((int_to_f64(vm, i)?, 0.0))),
        None => Ok(None),
    }
}

impl Vm {
    /// A new exact complex.
    pub fn new_complex(&mut self, c: C) -> Value {
        let t = self.types.complex.clone();
        self.wrap(Payload::Complex { re: c.0, im: c.1 }, &t)
    }
}

/// `a ** b` on complex values as a value, with CPython's errors.
pub fn complex_pow_value(vm: &mut Vm, a: C, b: C) -> PyResult<Value> {
    match arith::complex_pow(a, b) {
        Ok(c) => Ok(vm.new_complex(c)),
        Err(e) => Err(vm.num_error(e)),
    }
}

fn complex_binary(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    let not_impl = Value::Obj(vm.not_implemented.clone());
    let Some(x) = complex_operand(vm, a)? else { return Ok(not_impl) };
    let Some(y) = complex_operand(vm, b)? else { return Ok(not_impl) };
    let r = match op {
        BinOp::Add => arith::c_sum(x, y),
        BinOp::Sub => arith::c_diff(x, y),
        BinOp::Mul => arith::c_prod(x, y),
        BinOp::TrueDiv => match arith::c_quot(x, y) {
            Some(c) => c,
            None => return Err(vm.new_zero_division_error("complex division by zero")),
        },
        BinOp::Pow => return complex_pow_value(vm, x, y),
        _ => return Ok(not_impl),
    };
    Ok(vm.new_complex(r))
}

/// complex_richcompare: only == and !=; ints compare exactly.
fn complex_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    let not_impl = Value::Obj(vm.not_implemented.clone());
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(not_impl);
    }
    let Some(x) = complex_arg(a) else { return Ok(not_impl) };
    let equal = if let Some(i) = int_arg(b) {
        x.1 == 0.0 && cmp_int_float(&i.big(), x.0) == Some(std::cmp::Ordering::Equal)
    } else if let Some(f) = float_arg(b) {
        x.1 == 0.0 && x.0 == f
    } else if let Some(y) = complex_arg(b) {
        x == y
    } else {
        return Ok(not_impl);
    };
    Ok(Value::Bool(equal == (op == CmpOp::Eq)))
}

/// complex_hash: hash(re) + 1000003 * hash(im).
fn complex_hash(_vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let (re, im) = complex_arg(v).unwrap_or_default();
    let id = v.as_obj().map_or(0, |o| crate::object::hash::hash_pointer(o.addr()));
    let h = (hash_f64(re, id) as u64).wrapping_add((hash_f64(im, id) as u64).wrapping_mul(1_000_003)) as i64;
    Ok(if h == -1 { -2 } else { h })
}

fn complex_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let (re, im) = complex_arg(v).unwrap_or_default();
    Ok(vm.new_str(&krait_format::complex_repr(re, im)))
}

fn complex_unary(vm: &mut Vm, v: &Value, op: UnaryOp) -> PyResult<Value> {
    let Some((re, im)) = complex_arg(v) else { return Ok(Value::Obj(vm.not_implemented.clone())) };
    Ok(match op {
        UnaryOp::Neg => vm.new_complex((-re, -im)),
        UnaryOp::Pos => vm.new_complex((re, im)),
        UnaryOp::Invert => Value::Obj(vm.not_implemented.clone()),
    })
}

fn complex_bool(_vm: &mut Vm, v: &Value) -> PyResult<bool> {
    Ok(complex_arg(v).is_some_and(|(re, im)| re != 0.0 || im != 0.0))
}

/// complex_new: `complex(real=0, imag=0)` with string parsing.
fn complex_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    let sig = Signature::cached("(real=?, imag=?)");
    let bound = bind(vm, &sig, "complex", args)?;
    let (r, i) = (bound.as_slice()[0].clone(), bound.as_slice()[1].clone());
    let c = complex_from(vm, &r, &i)?;
    if cls.is(&vm.types.complex) {
        return Ok(vm.new_complex(c));
    }
    Ok(vm.wrap(Payload::Complex { re: c.0, im: c.1 }, cls))
}

fn complex_from(vm: &mut Vm, r: &Value, i: &Value) -> PyResult<C> {
    if let Some(s) = r.as_obj().and_then(|o| o.as_str()) {
        if !i.is_null() {
            return Err(vm.new_type_error("complex() can't take second arg if first is a string"));
        }
        return parse_complex(s.as_str()).ok_or_else(|| vm.new_value_error("complex() arg is a malformed string"));
    }
    if i.as_obj().and_then(|o| o.as_str()).is_some() {
        return Err(vm.new_type_error("complex() second arg can't be a string"));
    }
    let (re, re_complex) = if r.is_null() { ((0.0, 0.0), false) } else { component(vm, r, "first")? };
    if i.is_null() {
        return Ok(re);
    }
    let (im, im_complex) = component(vm, i, "second")?;
    // real + imag*1j, by parts as CPython does: a part that is not complex adds nothing
    // (so complex(0.0, -0.0) keeps its -0.0).
    let real = if im_complex { re.0 - im.1 } else { re.0 };
    let imag = if re_complex { im.0 + re.1 } else { im.0 };
    Ok((real, imag))
}

/// One constructor argument as a complex, and whether it was one: complex, or anything
/// `float()` accepts (via `__complex__` first when defined).
fn component(vm: &mut Vm, v: &Value, which: &str) -> PyResult<(C, bool)> {
    if let Some(c) = complex_arg(v) {
        return Ok((c, true));
    }
    let ty = vm.type_of(v);
    let name = vm.intern("__complex__");
    if let Some(m) = vm.lookup_type_attr(&ty, &name) {
        let r = vm.call_positional(&m, std::slice::from_ref(v))?;
        return match complex_arg(&r) {
            Some(c) => Ok((c, true)),
            None => {
                let n = vm.type_name(&r);
                Err(vm.new_type_error(format!("__complex__ returned non-complex (type {n})")))
            }
        };
    }
    let numeric = float_arg(v).is_some() || int_arg(v).is_some() || ty.as_type().is_some_and(|t| {
        let s = t.slots();
        s.float.is_some() || s.index.is_some()
    });
    if !numeric {
        let n = vm.type_name(v);
        return Err(vm.new_type_error(format!("complex() {which} argument must be a string or a number, not '{n}'")));
    }
    Ok(((float_from(vm, v)?, 0.0), false))
}

/// complex_from_string_inner: `a`, `bj`, `a+bj`, optionally in parentheses.
pub fn parse_complex(text: &str) -> Option<C> {
    let mut s = text.trim_matches(char::is_whitespace);
    if let Some(inner) = s.strip_prefix('(') {
        s = inner.strip_suffix(')')?.trim_matches(char::is_whitespace);
    }
    let Some(body) = s.strip_suffix(['j', 'J']) else {
        return parse_real(s).map(|re| (re, 0.0));
    };
    // Split at the last sign that does not follow an exponent marker.
    let bytes = body.as_bytes();
    let split = (1..bytes.len()).rev().find(|&k| matches!(bytes[k], b'+' | b'-') && !matches!(bytes[k - 1], b'e' | b'E'));
    let imag = |t: &str| match t {
        "" | "+" => Some(1.0),
        "-" => Some(-1.0),
        _ => parse_real(t),
    };
    match split {
        Some(k) => Some((parse_real(&body[..k])?, imag(&body[k..])?)),
        None => Some((0.0, imag(body)?)),
    }
}

/// A real part: no surrounding whitespace allowed inside the complex text.
fn parse_real(t: &str) -> Option<f64> {
    if t.is_empty() || t.trim_matches(char::is_whitespace).len() != t.len() {
        return None;
    }
    krait_format::parse_float(t)
}

fn m_conjugate(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (re, im) = self_complex(vm, &a[0])?;
    Ok(vm.new_complex((re, -im)))
}

fn m_real(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    Ok(Value::Float(self_complex(vm, &a[0])?.0))
}

fn m_imag(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    Ok(Value::Float(self_complex(vm, &a[0])?.1))
}

fn m_abs(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let c = self_complex(vm, &a[0])?;
    arith::c_abs(c).map(Value::Float).map_err(|e| vm.num_error(e))
}

fn m_getnewargs(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (re, im) = self_complex(vm, &a[0])?;
    Ok(vm.new_tuple(vec![Value::Float(re), Value::Float(im)]))
}

fn m_format(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (re, im) = self_complex(vm, &a[0])?;
    let spec = crate::builtins::str_arg(vm, &a[1], "format() argument 2")?;
    let text = krait_format::format_complex(re, im, &spec, "complex").map_err(|e| vm.format_error(e))?;
    Ok(vm.new_str(&text))
}

fn self_complex(vm: &mut Vm, v: &Value) -> PyResult<C> {
    complex_arg(v).ok_or_else(|| vm.new_type_error("descriptor requires a 'complex' object"))
}

const METHODS: &[MethodDef] = &[
    method("conjugate", "(self, /)", m_conjugate),
    method("__abs__", "(self, /)", m_abs),
    method("__getnewargs__", "(self, /)", m_getnewargs),
    // complex___complex___impl: an exact complex is returned as it is
    method("__complex__", "(self, /)", |vm, a| {
        if a[0].as_obj().is_some_and(|o| vm.is_exact(o, &vm.types.complex)) {
            return Ok(a[0].clone());
        }
        let c = self_complex(vm, &a[0])?;
        Ok(vm.new_complex(c))
    }),
    method("__format__", "(self, format_spec, /)", m_format),
];

/// Install complex's slots, methods and the real/imag properties.
pub fn init(vm: &mut Vm) {
    let t = vm.types.complex.clone();
    if let Some(ty) = t.as_type() {
        let mut s = ty.slots.borrow_mut();
        s.repr = Some(complex_repr);
        s.hash = Some(complex_hash);
        s.richcompare = Some(complex_richcompare);
        s.binary = Some(complex_binary);
        s.nb_ops = {
            use BinOp::*;
            crate::object::NbOps::numeric(&[Add, Mul, Pow, Sub, TrueDiv])
        };
        s.unary = Some(complex_unary);
        s.bool = Some(complex_bool);
        s.new = Some(complex_new);
    }
    vm.add_methods(&t, "complex", METHODS);
    crate::types::int::add_property(vm, &t, "complex", "real", m_real);
    crate::types::int::add_property(vm, &t, "complex", "imag", m_imag);
}

#[cfg(test)]
mod tests {
    use super::parse_complex;

    #[test]
    fn parse_as_cpython() {
        // python3: complex('1+2j'), complex(' (1-2.5e3J) '), complex('j'), complex('-j'), complex('1e5')
        assert_eq!(parse_complex("1+2j"), Some((1.0, 2.0)));
        assert_eq!(parse_complex(" (1-2.5e3J) "), Some((1.0, -2500.0)));
        assert_eq!(parse_complex("j"), Some((0.0, 1.0)));
        assert_eq!(parse_complex("-j"), Some((0.0, -1.0)));
        assert_eq!(parse_complex("1e5"), Some((1e5, 0.0)));
        assert_eq!(parse_complex("1e-5-1e+5j"), Some((1e-5, -1e5)));
        // ValueError in CPython:
        for s in ["", "1+", "1 + 2j", "(1+2j", "jj", "1+2jj"] {
            assert_eq!(parse_complex(s), None, "{s:?}");
        }
    }
}
