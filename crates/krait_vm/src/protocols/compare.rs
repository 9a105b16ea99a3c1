//! Equality and rich comparison (PyObject_RichCompare): fast paths, then the slots of
//! both operands with CPython's reflected-operand rules.

use crate::object::{CmpOp, Payload, PyRef, Value};
use crate::vm::{PyResult, Vm};

/// Whether int `i` equals float `f` exactly.
#[inline]
pub fn int_eq_float(i: i64, f: f64) -> bool {
    f.fract() == 0.0 && (-9.223_372_036_854_775_808e18..9.223_372_036_854_775_808e18).contains(&f) && f as i64 == i
}

impl Vm {
    /// Equality that runs no Python code, for builtin scalars and exact strs:
    /// `Some(result)`, or `None` when a Python-level `__eq__` may be involved.
    #[inline]
    pub fn eq_fast(&self, a: &Value, b: &Value) -> Option<bool> {
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => Some(x == y),
            (Value::Float(x), Value::Float(y)) => Some(x == y),
            (Value::Int(x), Value::Float(y)) | (Value::Float(y), Value::Int(x)) => Some(int_eq_float(*x, *y)),
            (Value::Bool(x), Value::Bool(y)) => Some(x == y),
            (Value::Bool(x), Value::Int(y)) | (Value::Int(y), Value::Bool(x)) => Some(*x as i64 == *y),
            (Value::None, Value::None) => Some(true),
            (Value::None, Value::Int(_) | Value::Float(_) | Value::Bool(_)) => Some(false),
            (Value::Int(_) | Value::Float(_) | Value::Bool(_), Value::None) => Some(false),
            (Value::Obj(x), Value::Obj(y)) => {
                if x.is(y) {
                    return Some(true);
                }
                match (&x.payload, &y.payload) {
                    (Payload::Str(s), Payload::Str(t)) if self.is_exact(x, &self.types.str) && self.is_exact(y, &self.types.str) => {
                        Some(s.as_str() == t.as_str())
                    }
                    _ => None,
                }
            }
            (Value::Obj(x), _) | (_, Value::Obj(x)) if self.is_exact(x, &self.types.str) => Some(false),
            _ => None,
        }
    }

    /// Whether `o`'s type is exactly `t`.
    #[inline]
    pub fn is_exact(&self, o: &PyRef, t: &PyRef) -> bool {
        o.with_class(|c| c.is(t))
    }

    /// `a == b` as a bool (PyObject_RichCompareBool: identity implies equality).
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if a.is(b) {
            return Ok(true);
        }
        if let Some(r) = self.eq_fast(a, b) {
            return Ok(r);
        }
        let r = self.rich_compare(a, b, CmpOp::Eq)?;
        self.is_true(&r)
    }

    /// `a <op> b` (PyObject_RichCompare): the reflected operation first when `b`'s type is
    /// a proper subclass of `a`'s and overrides it; identity fallback for == and !=.
    pub fn rich_compare(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
        self.with_recursion_guard(" in comparison", |vm| vm.do_rich_compare(a, b, op))
    }

    /// do_richcompare: `rich_compare` without the recursion guard.
    fn do_rich_compare(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        let slot_a = ta.as_type().and_then(|t| t.slots().richcompare);
        let slot_b = tb.as_type().and_then(|t| t.slots().richcompare);
        let mut checked_reverse = false;
        if !ta.is(&tb) && self.is_subtype(&tb, &ta) {
            if let Some(f) = slot_b {
                checked_reverse = true;
                let r = f(self, b, a, op.swapped())?;
                if !self.is_not_implemented(&r) {
                    return Ok(r);
                }
            }
        }
        if let Some(f) = slot_a {
            let r = f(self, a, b, op)?;
            if !self.is_not_implemented(&r) {
                return Ok(r);
            }
        }
        if !checked_reverse {
            if let Some(f) = slot_b {
                let r = f(self, b, a, op.swapped())?;
                if !self.is_not_implemented(&r) {
                    return Ok(r);
                }
            }
        }
        match op {
            CmpOp::Eq => Ok(Value::Bool(a.is(b))),
            CmpOp::Ne => Ok(Value::Bool(!a.is(b))),
            _ => {
                let (na, nb) = (self.type_name(a), self.type_name(b));
                Err(self.new_type_error(format!("'{}' not supported between instances of '{na}' and '{nb}'", op.symbol())))
            }
        }
    }

    #[inline]
    pub fn is_not_implemented(&self, v: &Value) -> bool {
        matches!(v, Value::Obj(o) if o.is(&self.not_implemented))
    }

    /// Whether type `sub` is `sup` or inherits from it (by MRO).
    pub fn is_subtype(&self, sub: &PyRef, sup: &PyRef) -> bool {
        if sub.is(sup) {
            return true;
        }
        match sub.as_type() {
            Some(t) => t.mro.borrow().iter().any(|m| m.is(sup)),
            None => false,
        }
    }
}
