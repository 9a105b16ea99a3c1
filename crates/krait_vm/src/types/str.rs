//! The str payload: UTF-8 text with its character count and cached hash. Lone surrogates are
//! stored as stand-in characters (krait_bytecode::surrogate).

use std::cell::Cell;

/// A Python str. Text is UTF-8; `char_len == text.len()` means ASCII (O(1) indexing).
pub struct PyStr {
    /// A `String` (not a boxed str) so that `s += t` on an unshared str can append in place.
    text: String,
    char_len: usize,
    /// Cached hash; `-1` until computed (CPython's convention).
    hash: Cell<i64>,
}

impl PyStr {
    pub fn new(text: impl Into<String>) -> PyStr {
        let text = text.into();
        let char_len = if text.is_ascii() { text.len() } else { text.chars().count() };
        PyStr { text, char_len, hash: Cell::new(-1) }
    }

    /// Append `s` (only for a str object nobody else can see: see `BINARY_OP` `+=`).
    pub fn push_str(&mut self, s: &PyStr) {
        self.text.push_str(&s.text);
        self.char_len += s.char_len;
        self.hash.set(-1);
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Length in characters (`len(s)`).
    #[inline]
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.char_len == self.text.len()
    }

    #[inline]
    pub fn cached_hash(&self) -> Option<i64> {
        let h = self.hash.get();
        (h != -1).then_some(h)
    }

    #[inline]
    pub fn set_hash(&self, h: i64) {
        self.hash.set(h);
    }
}

/// The character storing code point `cp` (at most 0x10FFFF; a surrogate becomes its stand-in),
/// or NotImplementedError for the code points krait cannot represent.
pub fn char_of(vm: &mut crate::vm::Vm, cp: u32) -> crate::vm::PyResult<char> {
    match krait_bytecode::surrogate::char_for(cp) {
        Some(c) => Ok(c),
        None => Err(vm.new_not_implemented_error(krait_bytecode::surrogate::UNREPRESENTABLE)),
    }
}
