//! Binary and unary operators (PyNumber_*): the slots of both operands with CPython's
//! reflected-operand rules, and the TypeError when neither handles the operation.

use crate::object::{BinOp, UnaryOp, Value};
use crate::vm::{PyResult, Vm};

impl Vm {
    /// `a <op> b`, or the in-place form `a <op>= b` when `inplace`.
    pub fn binary_op(&mut self, a: &Value, b: &Value, op: BinOp, inplace: bool) -> PyResult<Value> {
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        if inplace {
            if let Some(f) = ta.as_type().and_then(|t| t.slots().inplace) {
                let r = f(self, a, b, op)?;
                if !self.is_not_implemented(&r) {
                    return Ok(r);
                }
            }
        }
        let slot_a = ta.as_type().and_then(|t| t.slots().binary);
        let slot_b = if ta.is(&tb) { None } else { tb.as_type().and_then(|t| t.slots().binary) };
        if let (Some(fb), true) = (slot_b, self.is_subtype(&tb, &ta)) {
            let r = fb(self, a, b, op)?;
            if !self.is_not_implemented(&r) {
                return Ok(r);
            }
            if let Some(fa) = slot_a {
                let r = fa(self, a, b, op)?;
                if !self.is_not_implemented(&r) {
                    return Ok(r);
                }
            }
        } else {
            if let Some(fa) = slot_a {
                let r = fa(self, a, b, op)?;
                if !self.is_not_implemented(&r) {
                    return Ok(r);
                }
            }
            if let Some(fb) = slot_b {
                let r = fb(self, a, b, op)?;
                if !self.is_not_implemented(&r) {
                    return Ok(r);
                }
            }
        }
        if let Some(e) = crate::types::seq_common::sequence_op_error(self, a, b, op) {
            return Err(e);
        }
        let (na, nb) = (self.type_name(a), self.type_name(b));
        let sym = if inplace { format!("{}=", op.symbol()) } else { op.symbol().to_string() };
        let msg = if op == BinOp::Pow && !inplace {
            format!("unsupported operand type(s) for ** or pow(): '{na}' and '{nb}'")
        } else {
            format!("unsupported operand type(s) for {sym}: '{na}' and '{nb}'")
        };
        Err(self.new_type_error(msg))
    }

    /// `-v`, `+v`, `~v`.
    pub fn unary_op(&mut self, v: &Value, op: UnaryOp) -> PyResult<Value> {
        let t = self.type_of(v);
        if let Some(f) = t.as_type().and_then(|t| t.slots().unary) {
            let r = f(self, v, op)?;
            if !self.is_not_implemented(&r) {
                return Ok(r);
            }
        }
        let sym = match op {
            UnaryOp::Neg => "-",
            UnaryOp::Pos => "+",
            UnaryOp::Invert => "~",
        };
        let n = self.type_name(v);
        Err(self.new_type_error(format!("bad operand type for unary {sym}: '{n}'")))
    }
}
