//! int's slots: the binary operators (i64 fast paths, BigInt otherwise), unary
//! operators, comparison (exact against floats), hash, repr, truth and conversions.

use super::arith::{self, IntVal, NumError, ZERO_DIV_FLOOR, ZERO_DIV_MOD};
use super::{int_arg, IntArg};
use crate::object::hash::{hash_bigint, hash_i64};
use crate::object::{BinOp, CmpOp, UnaryOp, Value};
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_traits::{Signed, Zero};
use std::cmp::Ordering;

pub(super) fn install(vm: &mut Vm) {
    let t = vm.types.int.clone();
    if let Some(ty) = t.as_type() {
        let mut s = ty.slots.borrow_mut();
        s.repr = Some(int_repr);
        s.hash = Some(int_hash);
        s.richcompare = Some(int_richcompare);
        s.binary = Some(int_binary);
        s.nb_ops = {
            use BinOp::*;
            crate::object::NbOps::numeric(&[Add, And, FloorDiv, LShift, Mul, Mod, Or, Pow, RShift, Sub, TrueDiv, Xor])
        };
        s.unary = Some(int_unary);
        s.bool = Some(int_bool);
        s.int = Some(int_exact);
        s.index = Some(int_exact);
        s.float = Some(int_float);
        s.new = Some(super::convert::int_new);
    }
}

/// long_to_decimal_string, honouring sys.int_max_str_digits.
fn int_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let text = match int_arg(v) {
        Some(IntArg::Small(i)) => i.to_string(),
        Some(IntArg::Big(b)) => krait_format::int_to_decimal(b, vm.int_max_str_digits).map_err(|e| vm.format_error(e))?,
        None => return Ok(Value::Obj(vm.not_implemented.clone())),
    };
    Ok(vm.new_str(&text))
}

fn int_hash(_vm: &mut Vm, v: &Value) -> PyResult<i64> {
    Ok(match int_arg(v) {
        Some(IntArg::Small(i)) => hash_i64(i),
        Some(IntArg::Big(b)) => hash_bigint(b),
        None => 0,
    })
}

fn int_bool(_vm: &mut Vm, v: &Value) -> PyResult<bool> {
    Ok(match int_arg(v) {
        Some(IntArg::Small(i)) => i != 0,
        Some(IntArg::Big(b)) => !b.is_zero(),
        None => true,
    })
}

/// `__int__`/`__index__`: the value as an exact int.
fn int_exact(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(match int_arg(v) {
        Some(IntArg::Small(i)) => Value::Int(i),
        Some(IntArg::Big(b)) => {
            let b = b.clone();
            vm.new_bigint(b)
        }
        None => Value::Obj(vm.not_implemented.clone()),
    })
}

fn int_float(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match int_arg(v) {
        Some(a) => super::int_to_f64(vm, a).map(Value::Float),
        None => Ok(Value::Obj(vm.not_implemented.clone())),
    }
}

/// The ordering of two ints.
fn cmp_ints(a: IntArg<'_>, b: IntArg<'_>) -> Ordering {
    match (a, b) {
        (IntArg::Small(x), IntArg::Small(y)) => x.cmp(&y),
        _ => a.big().cmp(&b.big()),
    }
}

/// Whether `ord` satisfies `op`.
pub fn ordering_matches(ord: Ordering, op: CmpOp) -> bool {
    match op {
        CmpOp::Lt => ord == Ordering::Less,
        CmpOp::Le => ord != Ordering::Greater,
        CmpOp::Eq => ord == Ordering::Equal,
        CmpOp::Ne => ord != Ordering::Equal,
        CmpOp::Gt => ord == Ordering::Greater,
        CmpOp::Ge => ord != Ordering::Less,
    }
}

/// long_richcompare, plus exact comparison with floats.
fn int_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    let Some(x) = int_arg(a) else { return Ok(Value::Obj(vm.not_implemented.clone())) };
    if let Some(y) = int_arg(b) {
        return Ok(Value::Bool(ordering_matches(cmp_ints(x, y), op)));
    }
    if let Some(f) = crate::types::float::float_arg(b) {
        return Ok(Value::Bool(match arith::cmp_int_float(&x.big(), f) {
            Some(ord) => ordering_matches(ord, op),
            None => op == CmpOp::Ne,
        }));
    }
    Ok(Value::Obj(vm.not_implemented.clone()))
}

fn int_unary(vm: &mut Vm, v: &Value, op: UnaryOp) -> PyResult<Value> {
    let Some(x) = int_arg(v) else { return Ok(Value::Obj(vm.not_implemented.clone())) };
    let r = match (x, op) {
        (IntArg::Small(i), UnaryOp::Neg) => match i.checked_neg() {
            Some(n) => IntVal::Small(n),
            None => IntVal::from_big(-BigInt::from(i)),
        },
        (IntArg::Small(i), UnaryOp::Pos) => IntVal::Small(i),
        (IntArg::Small(i), UnaryOp::Invert) => IntVal::Small(!i),
        (IntArg::Big(b), UnaryOp::Neg) => IntVal::from_big(-b),
        (IntArg::Big(b), UnaryOp::Pos) => IntVal::Big(b.clone()),
        (IntArg::Big(b), UnaryOp::Invert) => IntVal::from_big(!b),
    };
    Ok(vm.new_int(r))
}

/// The binary slot of int (long_add, long_sub, ... in one function).
pub fn int_binary(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (int_arg(a), int_arg(b)) else {
        return Ok(Value::Obj(vm.not_implemented.clone()));
    };
    let r = match (x, y) {
        (IntArg::Small(x), IntArg::Small(y)) => small_op(x, y, op),
        _ => None,
    };
    let r = match r {
        Some(r) => r,
        None => match op {
            BinOp::TrueDiv => return arith::true_divide(&x.big(), &y.big()).map(Value::Float).map_err(|e| vm.num_error(e)),
            BinOp::Pow if y_negative(y) => return int_pow_negative(vm, x, y),
            BinOp::MatMul => return Ok(Value::Obj(vm.not_implemented.clone())),
            _ => big_op(&x.big(), &y.big(), op),
        },
    };
    match r {
        Ok(v) => Ok(vm.new_int(v)),
        Err(e) => Err(vm.num_error(e)),
    }
}

fn y_negative(y: IntArg<'_>) -> bool {
    match y {
        IntArg::Small(i) => i < 0,
        IntArg::Big(b) => b.is_negative(),
    }
}

/// `x ** y` with a negative exponent: computed in floats.
fn int_pow_negative(vm: &mut Vm, x: IntArg<'_>, y: IntArg<'_>) -> PyResult<Value> {
    let fx = super::int_to_f64(vm, x)?;
    let fy = super::int_to_f64(vm, y)?;
    crate::types::float::float_pow(vm, fx, fy)
}

/// The small-int fast path: `None` when the result needs the general path.
fn small_op(x: i64, y: i64, op: BinOp) -> Option<Result<IntVal, NumError>> {
    let small = |r: Option<i64>| r.map(|v| Ok(IntVal::Small(v)));
    match op {
        BinOp::Add => small(x.checked_add(y)),
        BinOp::Sub => small(x.checked_sub(y)),
        BinOp::Mul => small(x.checked_mul(y)),
        BinOp::And => small(Some(x & y)),
        BinOp::Or => small(Some(x | y)),
        BinOp::Xor => small(Some(x ^ y)),
        BinOp::FloorDiv => Some(arith::divmod_small(x, y, ZERO_DIV_FLOOR).map(|(q, _)| q)),
        BinOp::Mod => Some(arith::divmod_small(x, y, ZERO_DIV_MOD).map(|(_, r)| r)),
        BinOp::LShift if y < 0 => Some(Err(NumError::Value(arith::NEGATIVE_SHIFT))),
        BinOp::LShift => small(arith::lshift_small(x, y)),
        BinOp::RShift if y < 0 => Some(Err(NumError::Value(arith::NEGATIVE_SHIFT))),
        BinOp::RShift => small(Some(x >> y.min(63))),
        BinOp::Pow if y >= 0 => u32::try_from(y).ok().and_then(|e| x.checked_pow(e)).map(|v| Ok(IntVal::Small(v))),
        _ => None,
    }
}

/// The general path on big ints (TrueDiv, MatMul and negative powers handled by the caller).
fn big_op(x: &BigInt, y: &BigInt, op: BinOp) -> Result<IntVal, NumError> {
    Ok(match op {
        BinOp::Add => IntVal::from_big(x + y),
        BinOp::Sub => IntVal::from_big(x - y),
        BinOp::Mul => IntVal::from_big(x * y),
        BinOp::And => IntVal::from_big(x & y),
        BinOp::Or => IntVal::from_big(x | y),
        BinOp::Xor => IntVal::from_big(x ^ y),
        BinOp::FloorDiv => arith::divmod_bigval(x, y, ZERO_DIV_FLOOR)?.0,
        BinOp::Mod => arith::divmod_bigval(x, y, ZERO_DIV_MOD)?.1,
        BinOp::LShift => arith::lshift(x, y)?,
        BinOp::RShift => arith::rshift(x, y)?,
        BinOp::Pow => arith::pow_nonneg(x, y)?,
        BinOp::TrueDiv | BinOp::MatMul => return Err(NumError::Value("unsupported int operation")),
    })
}

/// `pow(a, b, m)` when all three are ints (the builtin `pow` and `int.__pow__` call it);
/// `NotImplemented` when one is not an int.
pub fn int_pow3(vm: &mut Vm, a: &Value, b: &Value, m: &Value) -> PyResult<Value> {
    if m.is_none() {
        return int_binary(vm, a, b, BinOp::Pow);
    }
    let (Some(x), Some(y), Some(z)) = (int_arg(a), int_arg(b), int_arg(m)) else {
        return Ok(Value::Obj(vm.not_implemented.clone()));
    };
    match arith::pow_mod(&x.big(), &y.big(), &z.big()) {
        Ok(v) => Ok(vm.new_int(v)),
        Err(e) => Err(vm.num_error(e)),
    }
}
