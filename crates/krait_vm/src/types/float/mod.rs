//! The `float` type: operand extraction, slots (arithmetic with ints, exact comparison,
//! hash, repr), the `float(x)` constructor, and `init`.

pub mod arith;
mod methods;

use crate::object::hash::{hash_f64, hash_pointer};
use crate::object::{Args, BinOp, CmpOp, Payload, PyRef, UnaryOp, Value};
use crate::types::int::{arith::cmp_int_float, int_arg, int_to_f64};
use crate::types::native::{bind, Signature};
use crate::vm::{PyResult, Vm};
use arith::PowResult;

/// The value of a float operand (float or float subclass instance).
pub fn float_arg(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) => Some(*f),
        Value::Obj(o) => match o.payload {
            Payload::Float(f) => Some(f),
            _ => None,
        },
        _ => None,
    }
}

/// A float or int operand converted to f64 (`None`: neither; Err: int too large).
fn float_operand(vm: &mut Vm, v: &Value) -> PyResult<Option<f64>> {
    if let Some(f) = float_arg(v) {
        return Ok(Some(f));
    }
    match int_arg(v) {
        Some(i) => int_to_f64(vm, i).map(Some),
        None => Ok(None),
    }
}

/// `x ** y` on floats as a value (a complex for a negative base and fractional exponent).
pub fn float_pow(vm: &mut Vm, x: f64, y: f64) -> PyResult<Value> {
    match arith::float_pow(x, y).map_err(|e| vm.num_error(e))? {
        PowResult::Real(r) => Ok(Value::Float(r)),
        PowResult::Complex => crate::types::complex::complex_pow_value(vm, (x, 0.0), (y, 0.0)),
        PowResult::RangeError => Err(range_error(vm)),
    }
}

/// OverflowError(34, 'Numerical result out of range'), as CPython raises from errno.
pub fn range_error(vm: &mut Vm) -> crate::vm::PyErr {
    let cls = vm.exc.overflow_error.clone();
    let msg = vm.new_str("Numerical result out of range");
    vm.new_exception(&cls, vec![Value::Int(34), msg])
}

/// A float of class `cls` (exact floats are immediates).
pub fn new_float_of_class(vm: &mut Vm, cls: &PyRef, f: f64) -> Value {
    if cls.is(&vm.types.float) {
        Value::Float(f)
    } else {
        vm.wrap(Payload::Float(f), cls)
    }
}

fn float_binary(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    let not_impl = Value::Obj(vm.not_implemented.clone());
    let Some(x) = float_operand(vm, a)? else { return Ok(not_impl) };
    let Some(y) = float_operand(vm, b)? else { return Ok(not_impl) };
    let r = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::TrueDiv => {
            if y == 0.0 {
                return Err(vm.new_zero_division_error("float division by zero"));
            }
            x / y
        }
        BinOp::FloorDiv => arith::float_divmod(x, y, "float floor division by zero").map_err(|e| vm.num_error(e))?.0,
        BinOp::Mod => arith::float_mod(x, y).map_err(|e| vm.num_error(e))?,
        BinOp::Pow => return float_pow(vm, x, y),
        _ => return Ok(not_impl),
    };
    Ok(Value::Float(r))
}

fn float_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    let Some(x) = float_arg(a) else { return Ok(Value::Obj(vm.not_implemented.clone())) };
    let ord = if let Some(y) = float_arg(b) {
        x.partial_cmp(&y)
    } else if let Some(i) = int_arg(b) {
        cmp_int_float(&i.big(), x).map(std::cmp::Ordering::reverse)
    } else {
        return Ok(Value::Obj(vm.not_implemented.clone()));
    };
    Ok(Value::Bool(match ord {
        Some(o) => crate::types::int::ordering_matches(o, op),
        None => op == CmpOp::Ne,
    }))
}

fn float_hash(_vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let f = float_arg(v).unwrap_or(0.0);
    let identity = v.as_obj().map_or(0, |o| hash_pointer(o.addr()));
    Ok(hash_f64(f, identity))
}

fn float_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let f = float_arg(v).unwrap_or(0.0);
    Ok(vm.new_str(&krait_format::float_repr(f)))
}

fn float_unary(vm: &mut Vm, v: &Value, op: UnaryOp) -> PyResult<Value> {
    let Some(f) = float_arg(v) else { return Ok(Value::Obj(vm.not_implemented.clone())) };
    Ok(match op {
        UnaryOp::Neg => Value::Float(-f),
        UnaryOp::Pos => Value::Float(f),
        UnaryOp::Invert => Value::Obj(vm.not_implemented.clone()),
    })
}

fn float_bool(_vm: &mut Vm, v: &Value) -> PyResult<bool> {
    Ok(float_arg(v).is_some_and(|f| f != 0.0))
}

fn float_int(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    crate::types::int::float_to_int(vm, float_arg(v).unwrap_or(0.0))
}

fn float_float(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Float(float_arg(v).unwrap_or(0.0)))
}

/// float's `new` slot: `float()`, `float(x)` (float_new_impl).
fn float_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    let sig = Signature::cached("(x=0.0, /)");
    // A subclass with its own __init__ gets the keyword arguments there.
    let args = if crate::types::native::keeps_init(cls, &vm.types.float) { args } else { Args::positional(args.pos()) };
    let bound = bind(vm, &sig, "float", args)?;
    let f = float_from(vm, &bound.as_slice()[0])?;
    Ok(new_float_of_class(vm, cls, f))
}

/// PyNumber_Float: `float(x)` as an f64.
pub fn float_from(vm: &mut Vm, x: &Value) -> PyResult<f64> {
    if let Some(f) = float_operand(vm, x)? {
        return Ok(f);
    }
    if let Some(o) = x.as_obj() {
        let text = match &o.payload {
            Payload::Str(s) => Some(s.as_str().to_string()),
            Payload::Bytes(b) => Some(String::from_utf8_lossy(b).into_owned()),
            Payload::ByteArray(b) => Some(String::from_utf8_lossy(&b.borrow()).into_owned()),
            // Any other buffer (memoryview): the bytes it views.
            _ => crate::types::bytes::buffer(x).map(|b| String::from_utf8_lossy(&b).into_owned()),
        };
        if let Some(t) = text {
            return match krait_format::parse_float(&t) {
                Some(f) => Ok(f),
                None => {
                    let r = vm.repr(x)?;
                    let shown = r.as_str().map(|s| s.as_str().to_string()).unwrap_or_default();
                    Err(vm.new_value_error(format!("could not convert string to float: {shown}")))
                }
            };
        }
    }
    let ty = vm.type_of(x);
    let slots = ty.as_type().map(|t| t.slots()).unwrap_or_default();
    if let Some(f) = slots.float {
        let r = f(vm, x)?;
        if !vm.is_not_implemented(&r) {
            return match float_arg(&r) {
                Some(f) => Ok(f),
                None => {
                    let n = vm.type_name(&r);
                    Err(vm.new_type_error(format!("__float__ returned non-float (type {n})")))
                }
            };
        }
    }
    if let Some(f) = slots.index {
        let r = f(vm, x)?;
        if let Some(i) = int_arg(&r) {
            return int_to_f64(vm, i);
        }
    }
    let n = vm.type_name(x);
    Err(vm.new_type_error(format!("float() argument must be a string or a real number, not '{n}'")))
}

/// Install float's slots and methods.
pub fn init(vm: &mut Vm) {
    let t = vm.types.float.clone();
    if let Some(ty) = t.as_type() {
        let mut s = ty.slots.borrow_mut();
        s.repr = Some(float_repr);
        s.hash = Some(float_hash);
        s.richcompare = Some(float_richcompare);
        s.binary = Some(float_binary);
        s.nb_ops = {
            use BinOp::*;
            crate::object::NbOps::numeric(&[Add, FloorDiv, Mul, Mod, Pow, Sub, TrueDiv])
        };
        s.unary = Some(float_unary);
        s.bool = Some(float_bool);
        s.int = Some(float_int);
        s.float = Some(float_float);
        s.new = Some(float_new);
    }
    methods::install(vm);
}
