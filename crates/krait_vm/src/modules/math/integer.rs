//! math's integer functions: factorial, gcd, lcm, comb, perm, isqrt.

use crate::object::Value;
use crate::types::int::index_of;
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// The product lo * (lo+1) * ... * hi by binary splitting.
fn range_product(lo: u64, hi: u64) -> BigInt {
    if lo > hi {
        return BigInt::one();
    }
    if hi - lo < 8 {
        return (lo..=hi).fold(BigInt::one(), |acc, i| acc * i);
    }
    let mid = lo + (hi - lo) / 2;
    range_product(lo, mid) * range_product(mid + 1, hi)
}

/// An int argument (no floats: `'float' object cannot be interpreted as an integer`).
fn int_param(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    index_of(vm, v)
}

pub fn factorial(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let n = int_param(vm, &a[0])?;
    if n.is_negative() {
        return Err(vm.new_value_error("factorial() not defined for negative values"));
    }
    let n = n.to_u64().filter(|&n| n <= 10_000_000).ok_or_else(|| vm.new_overflow_error("factorial() argument should not exceed 9223372036854775807"))?;
    Ok(vm.new_bigint(range_product(2, n)))
}

pub fn gcd(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let items = vm.collect(&a[0])?;
    let mut g = BigInt::zero();
    for it in &items {
        let v = int_param(vm, it)?;
        g = g.gcd(&v);
    }
    Ok(vm.new_bigint(g))
}

pub fn lcm(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let items = vm.collect(&a[0])?;
    let mut l = BigInt::one();
    for it in &items {
        let v = int_param(vm, it)?;
        l = if l.is_zero() || v.is_zero() { BigInt::zero() } else { l.lcm(&v) };
    }
    Ok(vm.new_bigint(l))
}

/// n and k for comb/perm, with CPython's checks; `None` for k > n.
fn n_k(vm: &mut Vm, n: &Value, k: &Value) -> PyResult<Option<(BigInt, BigInt)>> {
    let n = int_param(vm, n)?;
    let k = int_param(vm, k)?;
    if n.is_negative() {
        return Err(vm.new_value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(vm.new_value_error("k must be a non-negative integer"));
    }
    Ok((k <= n).then_some((n, k)))
}

/// Product of (n-k+1) .. n for big n.
fn falling(n: &BigInt, k: u64) -> BigInt {
    let mut r = BigInt::one();
    let mut f = n.clone();
    for _ in 0..k {
        r *= &f;
        f -= 1;
    }
    r
}

fn too_large(vm: &mut Vm) -> crate::vm::PyErr {
    vm.new_overflow_error("min(n - k, k) must not exceed 9223372036854775807")
}

pub fn comb(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let Some((n, k)) = n_k(vm, &a[0], &a[1])? else { return Ok(Value::Int(0)) };
    let k = k.clone().min(&n - &k);
    let k = k.to_u64().ok_or_else(|| too_large(vm))?;
    let r = falling(&n, k) / range_product(2, k);
    Ok(vm.new_bigint(r))
}

pub fn perm(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    if a[1].is_none() {
        return factorial(vm, &a[..1]);
    }
    let Some((n, k)) = n_k(vm, &a[0], &a[1])? else { return Ok(Value::Int(0)) };
    let k = k.to_u64().ok_or_else(|| too_large(vm))?;
    Ok(vm.new_bigint(falling(&n, k)))
}

pub fn isqrt(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let n = int_param(vm, &a[0])?;
    if n.is_negative() {
        return Err(vm.new_value_error("isqrt() argument must be nonnegative"));
    }
    Ok(vm.new_bigint(n.sqrt()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn products() {
        // python3: math.factorial(25), math.comb(10, 3) * math.factorial(3)
        assert_eq!(range_product(2, 25).to_string(), "15511210043330985984000000");
        assert_eq!(falling(&BigInt::from(10), 3), BigInt::from(720));
    }
}
