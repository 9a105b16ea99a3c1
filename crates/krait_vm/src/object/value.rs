//! `Value`: what the VM passes around — immediates for None, bools, small ints and floats,
//! a `PyRef` for everything else. Arithmetic on immediates allocates nothing.

use super::PyRef;

/// A Python value.
///
/// `Int` holds every int that fits in an `i64`; larger ints are heap objects with an
/// `Int` payload, and results are normalised back to `Int` whenever they fit, so the
/// two representations never overlap. `Null` is the VM's empty slot (CPython's NULL on
/// the value stack, an unbound local): it is never visible to Python code.
///
/// The tag is a whole word (`repr(u64)`): every variant is then two aligned words, so
/// a value is written and read as whole words and a 16-byte load of a stack slot does
/// not wait on a mix of narrower stores (store-to-load forwarding).
#[derive(Debug)]
#[repr(u64)]
pub enum Value {
    Null,
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Obj(PyRef),
}

impl Value {
    #[inline]
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    #[inline]
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// Identity (`is`): immediates compare by value (floats by bits), objects by address.
    #[inline]
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Null, Value::Null) | (Value::None, Value::None) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Obj(a), Value::Obj(b)) => a.is(b),
            _ => false,
        }
    }

    /// The heap object, if this is one.
    #[inline]
    pub fn as_obj(&self) -> Option<&PyRef> {
        match self {
            Value::Obj(o) => Some(o),
            _ => None,
        }
    }

    #[inline]
    pub fn from_bool(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl Clone for Value {
    /// One test for the only variant that owns something (not a jump over all six).
    #[inline(always)]
    fn clone(&self) -> Value {
        if let Value::Obj(o) = self {
            return Value::Obj(o.clone());
        }
        // SAFETY: every variant other than `Obj` is plain data with no drop glue, so a
        // bitwise copy is a correct clone.
        unsafe { std::ptr::read(self) }
    }
}

impl Default for Value {
    /// `Null`: the empty slot.
    #[inline]
    fn default() -> Value {
        Value::Null
    }
}

impl From<PyRef> for Value {
    #[inline]
    fn from(o: PyRef) -> Value {
        Value::Obj(o)
    }
}

impl From<bool> for Value {
    #[inline]
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl From<i64> for Value {
    #[inline]
    fn from(i: i64) -> Value {
        Value::Int(i)
    }
}

impl From<f64> for Value {
    #[inline]
    fn from(f: f64) -> Value {
        Value::Float(f)
    }
}

/// A value as its two machine words (tag, payload); the payload word is padding for the
/// variants without one, hence `MaybeUninit`.
type Words = [std::mem::MaybeUninit<u64>; 2];

/// Move the value out of `*slot`, leaving `Null`, reading it as two separate word loads.
///
/// Values are usually written as two word stores (tag, payload); a single 16-byte load of
/// a slot written that way a few instructions earlier cannot be forwarded from the store
/// buffer and stalls until the stores retire. The loads are volatile only so that they
/// are not merged back into one 16-byte load.
///
/// # Safety
/// `slot` must point to a valid, initialised `Value` that the caller may move out of.
#[inline(always)]
pub unsafe fn take_slot(slot: *mut Value) -> Value {
    let w = slot as *mut std::mem::MaybeUninit<u64>;
    // SAFETY: `slot` is a valid Value (caller), so both words are readable; the result is
    // the same bytes, hence the same valid Value. Writing `Null` only sets the tag word.
    unsafe {
        let words: Words = [std::ptr::read_volatile(w), std::ptr::read_volatile(w.add(1))];
        std::ptr::write(slot, Value::Null);
        std::mem::transmute::<Words, Value>(words)
    }
}

/// A clone of `*slot`, read as two word loads (see [`take_slot`]): for locals, which a
/// STORE_FAST a few instructions earlier wrote as two words.
///
/// # Safety
/// `slot` must point to a valid, initialised `Value`.
#[inline(always)]
pub unsafe fn clone_slot(slot: *const Value) -> Value {
    let w = slot as *const std::mem::MaybeUninit<u64>;
    // SAFETY: as for `take_slot`; the copy is not dropped (ManuallyDrop), only cloned.
    unsafe {
        let words: Words = [std::ptr::read_volatile(w), std::ptr::read_volatile(w.add(1))];
        let v = std::mem::ManuallyDrop::new(std::mem::transmute::<Words, Value>(words));
        Value::clone(&v)
    }
}

/// Store `v` into `*slot` (which holds nothing that needs dropping) as two word stores,
/// reading `v` word by word (see [`take_slot`]).
///
/// # Safety
/// `slot` must be valid for writes and its old content must not need a drop (Null).
#[inline(always)]
pub unsafe fn put_slot(slot: *mut Value, v: Value) {
    // SAFETY: Value and Words have the same size; every word pattern of a valid Value
    // stays a valid Value when copied whole.
    unsafe {
        let words = std::mem::transmute::<Value, Words>(v);
        let w = slot as *mut std::mem::MaybeUninit<u64>;
        std::ptr::write_volatile(w, words[0]);
        std::ptr::write_volatile(w.add(1), words[1]);
    }
}
