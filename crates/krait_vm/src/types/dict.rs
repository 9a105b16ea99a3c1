//! The dict payload: a compact, insertion-ordered hash table (CPython's design: an
//! entries array plus an index table), keyed by precomputed Python hashes. Small dicts
//! (instance dicts, keyword arguments) have no index: their few entries are scanned.
//!
//! Key equality may run Python code, so the table never compares keys itself: callers
//! probe for the entries with a matching hash and compare outside any borrow.

use crate::object::Value;
use hashbrown::HashTable;

/// One entry; `key` is `Null` for a deleted slot.
#[derive(Clone)]
pub struct Entry {
    pub hash: i64,
    pub key: Value,
    pub value: Value,
}

/// An insertion-ordered hash table of Python values.
#[derive(Clone, Default)]
pub struct DictTable {
    entries: Vec<Entry>,
    /// Positions of the live entries by hash; built only once `entries` outgrows
    /// [`SMALL`] (`indexed` says whether it is in use).
    index: HashTable<usize>,
    indexed: bool,
    len: usize,
    /// One bit per key ever inserted since the last clear, chosen by its hash: a clear
    /// bit proves a hash absent, so most misses (a method name looked up in an instance
    /// dict, a builtin in the globals) end without scanning. Deletions leave their bits.
    bloom: u64,
    /// Changed on every insertion or deletion, to a value no other dict state has had
    /// (iterators detect "changed size" with it; inline caches key on it: equal versions
    /// mean the same keys at the same positions).
    pub version: u64,
}

/// Up to this many entries a dict is searched by a linear scan, without an index.
const SMALL: usize = 8;

/// A fresh dict version (CPython's global dict version counter): unique across all dicts.
#[inline]
pub fn next_version() -> u64 {
    thread_local! {
        static NEXT: std::cell::Cell<u64> = const { std::cell::Cell::new(1) };
    }
    NEXT.with(|n| {
        let v = n.get();
        n.set(v + 1);
        v
    })
}

impl DictTable {
    pub fn new() -> DictTable {
        DictTable::default()
    }

    pub fn with_capacity(n: usize) -> DictTable {
        let indexed = n > SMALL;
        let index = if indexed { HashTable::with_capacity(n) } else { HashTable::new() };
        DictTable { entries: Vec::with_capacity(n), index, indexed, len: 0, bloom: 0, version: 0 }
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The entry at `pos` if it is live and its key is `key` (by identity): the check
    /// an inline cache makes before trusting a cached position.
    #[inline]
    pub fn entry_if_key(&self, pos: usize, key: &crate::object::PyRef) -> Option<&Entry> {
        let e = self.entries.get(pos)?;
        match &e.key {
            Value::Obj(k) if k.is(key) => Some(e),
            _ => None,
        }
    }

    /// Entry positions whose hash equals `hash`, first-inserted first.
    pub fn candidates(&self, hash: i64) -> impl Iterator<Item = usize> + '_ {
        let possible = self.bloom & bloom_bit(hash) != 0;
        let scanned = (possible && !self.indexed).then(|| 0..self.entries.len()).into_iter().flatten();
        let indexed = (possible && self.indexed).then(|| self.index.iter_hash(hash as u64).copied()).into_iter().flatten();
        scanned.chain(indexed).filter(move |&i| self.entries[i].hash == hash && !self.entries[i].key.is_null())
    }

    /// Find an entry with the same hash whose key satisfies `same` (a comparison that
    /// must not run Python code, e.g. identity or a builtin-type equality).
    #[inline]
    pub fn find(&self, hash: i64, mut same: impl FnMut(&Value) -> bool) -> Option<usize> {
        if self.bloom & bloom_bit(hash) == 0 {
            return None;
        }
        let entries = &self.entries;
        if !self.indexed {
            return entries.iter().position(|e| e.hash == hash && !e.key.is_null() && same(&e.key));
        }
        self.index
            .find(hash as u64, |&i| entries[i].hash == hash && !entries[i].key.is_null() && same(&entries[i].key))
            .copied()
    }

    #[inline]
    pub fn entry(&self, pos: usize) -> &Entry {
        &self.entries[pos]
    }

    /// Replace the value at a live position; returns the old value.
    #[inline]
    pub fn set_value_at(&mut self, pos: usize, value: Value) -> Value {
        std::mem::replace(&mut self.entries[pos].value, value)
    }

    /// Append a new entry (the caller has checked the key is absent).
    pub fn push(&mut self, hash: i64, key: Value, value: Value) {
        let pos = self.entries.len();
        self.bloom |= bloom_bit(hash);
        self.entries.push(Entry { hash, key, value });
        if self.indexed {
            let entries = &self.entries;
            self.index.insert_unique(hash as u64, pos, |&i| entries[i].hash as u64);
        } else if self.entries.len() > SMALL {
            self.rebuild_index();
        }
        self.len += 1;
        self.version = next_version();
    }

    /// Remove the entry at a live position, returning its key and value.
    pub fn remove_at(&mut self, pos: usize) -> (Value, Value) {
        let hash = self.entries[pos].hash;
        if self.indexed {
            if let Ok(slot) = self.index.find_entry(hash as u64, |&i| i == pos) {
                slot.remove();
            }
        }
        let e = &mut self.entries[pos];
        let key = std::mem::replace(&mut e.key, Value::Null);
        let value = std::mem::replace(&mut e.value, Value::Null);
        self.len -= 1;
        self.version = next_version();
        if self.entries.len() > 16 && self.len * 2 < self.entries.len() {
            self.compact();
        }
        (key, value)
    }

    fn compact(&mut self) {
        self.entries.retain(|e| !e.key.is_null());
        if self.entries.len() > SMALL {
            self.rebuild_index();
        } else {
            self.index = HashTable::new();
            self.indexed = false;
        }
    }

    /// Index every live entry (the dict has outgrown a linear scan).
    fn rebuild_index(&mut self) {
        self.index.clear();
        for (i, e) in self.entries.iter().enumerate() {
            if !e.key.is_null() {
                let entries = &self.entries;
                self.index.insert_unique(e.hash as u64, i, |&j| entries[j].hash as u64);
            }
        }
        self.indexed = true;
    }

    /// Live entries in insertion order, with their positions.
    pub fn iter(&self) -> impl Iterator<Item = (usize, &Entry)> {
        self.entries.iter().enumerate().filter(|(_, e)| !e.key.is_null())
    }

    /// The first live position at or after `pos` (for iterators that hold a position).
    pub fn next_live(&self, mut pos: usize) -> Option<usize> {
        while pos < self.entries.len() {
            if !self.entries[pos].key.is_null() {
                return Some(pos);
            }
            pos += 1;
        }
        None
    }

    /// Remove and return the last entry (`popitem`).
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        let pos = (0..self.entries.len()).rev().find(|&i| !self.entries[i].key.is_null())?;
        let r = self.remove_at(pos);
        while self.entries.last().is_some_and(|e| e.key.is_null()) {
            self.entries.pop();
        }
        Some(r)
    }

    pub fn clear(&mut self) {
        self.entries.clear();
        self.index = HashTable::new();
        self.indexed = false;
        self.len = 0;
        self.bloom = 0;
        self.version = next_version();
    }
}

/// The bit of [`DictTable::bloom`] that a key with `hash` sets.
#[inline(always)]
fn bloom_bit(hash: i64) -> u64 {
    1 << (hash as u64 & 63)
}
