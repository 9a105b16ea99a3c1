//! The set/frozenset payload: CPython's open-addressing table (linear probes plus
//! perturbation, `setobject.c`), so iteration order matches CPython's.

use crate::object::Value;

/// One slot: `key` is `Null` for an empty slot; a dummy (deleted) slot has `hash == -1`
/// and a `Null` key.
#[derive(Clone)]
pub struct SetEntry {
    pub hash: i64,
    pub key: Value,
}

/// A set's hash table.
#[derive(Clone)]
pub struct SetTable {
    pub table: Vec<SetEntry>,
    /// Active + dummy slots.
    pub fill: usize,
    /// Active slots.
    pub used: usize,
    /// Bumped on every change (iterators detect "changed size during iteration").
    pub version: u64,
}

impl Default for SetTable {
    fn default() -> Self {
        SetTable::new()
    }
}

impl SetTable {
    /// CPython's `PySet_MINSIZE`.
    pub const MIN_SIZE: usize = 8;

    pub fn new() -> SetTable {
        SetTable { table: vec![SetEntry { hash: 0, key: Value::Null }; Self::MIN_SIZE], fill: 0, used: 0, version: 0 }
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.used
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Live keys in table order (CPython's iteration order).
    pub fn iter(&self) -> impl Iterator<Item = &SetEntry> {
        self.table.iter().filter(|e| !e.key.is_null())
    }
}
