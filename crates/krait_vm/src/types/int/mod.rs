//! The `int` type: value extraction and construction helpers shared by the numeric
//! types, error conversion, and `init` (slots and methods of `int`).

pub mod arith;
mod convert;
mod methods;
mod slots;

use crate::object::{Payload, PyRef, Value};
use crate::vm::{PyErr, Vm};
use arith::{IntVal, NumError};
use krait_format::{ErrorKind, FormatError};
use num_bigint::BigInt;
use num_traits::ToPrimitive;
use std::borrow::Cow;

pub use convert::{float_to_int, index_of, int_new_from, int_to_f64};
pub use methods::add_property;
pub use slots::{int_binary, int_pow3, ordering_matches};

/// The value of an int operand (int, bool or an int subclass instance).
pub fn int_arg(v: &Value) -> Option<IntArg<'_>> {
    match v {
        Value::Int(i) => Some(IntArg::Small(*i)),
        Value::Bool(b) => Some(IntArg::Small(*b as i64)),
        Value::Obj(o) => match &o.payload {
            Payload::Int(b) => Some(match b.to_i64() {
                Some(i) => IntArg::Small(i),
                None => IntArg::Big(b),
            }),
            _ => None,
        },
        _ => None,
    }
}

/// A borrowed int operand.
#[derive(Clone, Copy)]
pub enum IntArg<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl IntArg<'_> {
    pub fn big(self) -> Cow<'static, BigInt> {
        match self {
            IntArg::Small(i) => Cow::Owned(BigInt::from(i)),
            IntArg::Big(b) => Cow::Owned(b.clone()),
        }
    }

    pub fn to_bigint(self) -> BigInt {
        self.big().into_owned()
    }
}

/// The BigInt value of `v` if it is an int.
pub fn bigint_of(v: &Value) -> Option<BigInt> {
    int_arg(v).map(IntArg::to_bigint)
}

impl Vm {
    /// An exact int value, small when it fits.
    pub fn new_int(&mut self, v: IntVal) -> Value {
        match v {
            IntVal::Small(i) => Value::Int(i),
            IntVal::Big(b) => {
                let t = self.types.int.clone();
                self.wrap(Payload::Int(b), &t)
            }
        }
    }

    /// An exact int from a BigInt (normalised to `Value::Int` when it fits).
    pub fn new_bigint(&mut self, b: BigInt) -> Value {
        self.new_int(IntVal::from_big(b))
    }

    /// The exception for an arithmetic failure.
    pub fn num_error(&mut self, e: NumError) -> PyErr {
        match e {
            NumError::ZeroDivision(m) => self.new_zero_division_error(m),
            NumError::Overflow(m) => self.new_overflow_error(m),
            NumError::Value(m) => self.new_value_error(m),
            NumError::Memory => self.new_memory_error(""),
        }
    }

    /// The exception for a krait_format error.
    pub fn format_error(&mut self, e: FormatError) -> PyErr {
        match e.kind {
            ErrorKind::ValueError => self.new_value_error(e.message),
            ErrorKind::OverflowError => self.new_overflow_error(e.message),
            ErrorKind::TypeError => self.new_type_error(e.message),
            ErrorKind::MemoryError => self.new_memory_error(e.message),
            ErrorKind::NotImplementedError => self.new_not_implemented_error(e.message),
        }
    }

    /// An instance of int subclass `cls` holding `v` (exact ints when `cls` is int).
    pub fn new_int_of_class(&mut self, cls: &PyRef, v: BigInt) -> Value {
        if cls.is(&self.types.int) {
            self.new_bigint(v)
        } else {
            self.wrap(Payload::Int(v), cls)
        }
    }
}

/// Install int's slots and methods.
pub fn init(vm: &mut Vm) {
    slots::install(vm);
    methods::install(vm);
    let t = vm.types.int.clone();
    let doc = vm.new_str("int([x]) -> integer\nint(x, base=10) -> integer\n\nMake an integer from a number or a string of digits in the given base;\nint() is 0, floats are truncated towards zero.\n");
    vm.set_type_attr(&t, "__doc__", doc);
}
