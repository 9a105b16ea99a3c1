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
    /// Where `pop` starts looking (CPython's `finger`).
    pub finger: usize,
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
        SetTable { table: vec![SetEntry { hash: 0, key: Value::Null }; Self::MIN_SIZE], fill: 0, used: 0, version: 0, finger: 0 }
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

/// CPython's `LINEAR_PROBES`.
const LINEAR_PROBES: usize = 9;
/// CPython's `PERTURB_SHIFT`.
const PERTURB_SHIFT: u32 = 5;

/// A resumable walk over the slots `set_lookkey`/`set_add_entry` visit: a run of up to
/// `LINEAR_PROBES + 1` neighbours, then a perturbed jump.
#[derive(Clone, Debug)]
pub struct Probe {
    base: usize,
    offset: usize,
    probes: usize,
    perturb: u64,
}

/// What one probing step found.
pub enum ProbeStep {
    /// An active entry equal to the key.
    Found(usize),
    /// An unused slot: the key is absent.
    Absent(usize),
    /// An active entry with the same hash whose equality with the key needs Python code;
    /// the caller compares outside any borrow, then resumes with the same `Probe`.
    Compare(usize, Value),
}

impl Probe {
    pub fn new(hash: i64, mask: usize) -> Probe {
        let base = (hash as u64 as usize) & mask;
        Probe { base, offset: 0, probes: if base + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 }, perturb: hash as u64 }
    }

    /// The next slot index to inspect.
    fn advance(&mut self, mask: usize) -> usize {
        if self.offset > self.probes {
            self.perturb >>= PERTURB_SHIFT;
            self.base = (self.base.wrapping_mul(5).wrapping_add(1).wrapping_add(self.perturb as usize)) & mask;
            self.offset = 0;
            self.probes = if self.base + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
        }
        let i = self.base + self.offset;
        self.offset += 1;
        i
    }
}

impl SetTable {
    #[inline]
    pub fn mask(&self) -> usize {
        self.table.len() - 1
    }

    /// Continue the probe for `hash` (set_lookkey / set_add_entry's loop). `same` decides
    /// equality without running Python code: `Some(eq)`, or `None` to ask the caller.
    pub fn probe_step(&self, p: &mut Probe, hash: i64, mut same: impl FnMut(&Value) -> Option<bool>) -> ProbeStep {
        let mask = self.mask();
        loop {
            let i = p.advance(mask);
            let e = &self.table[i];
            if e.key.is_null() && e.hash == 0 {
                return ProbeStep::Absent(i);
            }
            if e.hash == hash && !e.key.is_null() {
                match same(&e.key) {
                    Some(true) => return ProbeStep::Found(i),
                    Some(false) => {}
                    None => return ProbeStep::Compare(i, e.key.clone()),
                }
            }
        }
    }

    /// Store a new key in the unused slot where a probe ended (set_add_entry's
    /// `found_unused`: 3.11 does not reuse dummies here), resizing as CPython does.
    pub fn insert_at(&mut self, unused: usize, key: Value, hash: i64) {
        self.version += 1;
        self.used += 1;
        self.fill += 1;
        self.table[unused] = SetEntry { hash, key };
        if self.fill * 5 >= self.mask() * 3 {
            self.resize(if self.used > 50000 { self.used * 2 } else { self.used * 4 });
        }
    }

    /// Turn an active entry into a dummy (set_discard_entry); returns the key.
    pub fn remove_at(&mut self, i: usize) -> Value {
        self.version += 1;
        self.used -= 1;
        let e = std::mem::replace(&mut self.table[i], SetEntry { hash: -1, key: Value::Null });
        e.key
    }

    /// set_table_resize: the smallest power-of-two table larger than `minused`, keys
    /// re-inserted in old-table order.
    pub fn resize(&mut self, minused: usize) {
        let mut newsize = Self::MIN_SIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        if newsize == Self::MIN_SIZE && self.table.len() == Self::MIN_SIZE && self.fill == self.used {
            return;
        }
        let old = std::mem::replace(&mut self.table, vec![SetEntry { hash: 0, key: Value::Null }; newsize]);
        self.fill = self.used;
        for e in old {
            if !e.key.is_null() {
                insert_clean(&mut self.table, e.key, e.hash);
            }
        }
    }

    /// set_merge's bulk paths for an empty target; returns false when the caller must
    /// insert `other`'s keys one by one (set_add_entry).
    pub fn merge_into_empty(&mut self, other: &SetTable) -> bool {
        if other.used == 0 {
            return true;
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill != 0 {
            return false;
        }
        self.version += 1;
        if self.table.len() == other.table.len() && other.fill == other.used {
            self.table.clone_from(&other.table);
        } else {
            for e in other.iter() {
                insert_clean(&mut self.table, e.key.clone(), e.hash);
            }
        }
        self.fill = other.used;
        self.used = other.used;
        true
    }

    /// set_pop: remove the entry at or after the search finger.
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut i = self.finger & mask;
        while self.table[i].key.is_null() {
            i = if i == mask { 0 } else { i + 1 };
        }
        self.finger = i + 1;
        Some(self.remove_at(i))
    }

    /// set_clear_internal: back to an empty minimum-size table.
    pub fn clear(&mut self) {
        let v = self.version + 1;
        *self = SetTable::new();
        self.version = v;
    }

    /// frozenset_hash: xor of the shuffled entry hashes, then CPython's final mixing.
    pub fn frozen_hash(&self) -> i64 {
        fn shuffle(h: u64) -> u64 {
            ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167)
        }
        let mut hash: u64 = 0;
        for e in self.iter() {
            hash ^= shuffle(e.hash as u64);
        }
        hash ^= (self.used as u64 + 1).wrapping_mul(1_927_868_237);
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash.wrapping_mul(69_069).wrapping_add(907_133_923);
        if hash == u64::MAX {
            return 590_923_713;
        }
        hash as i64
    }

    /// Insert a key known to be absent, with no equality checks (building a set from
    /// keys already distinct, e.g. copying).
    pub fn insert_new(&mut self, key: Value, hash: i64) {
        let mut p = Probe::new(hash, self.mask());
        if let ProbeStep::Absent(i) = self.probe_step(&mut p, hash, |_| Some(false)) {
            self.insert_at(i, key, hash);
        }
    }
}

/// set_insert_clean: place a key in a table with no dummies and no equal key.
fn insert_clean(table: &mut [SetEntry], key: Value, hash: i64) {
    let mask = table.len() - 1;
    let mut p = Probe::new(hash, mask);
    loop {
        let i = p.advance(mask);
        if table[i].key.is_null() {
            table[i] = SetEntry { hash, key };
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(keys: &[i64]) -> SetTable {
        let mut t = SetTable::new();
        for &k in keys {
            let mut p = Probe::new(k, t.mask());
            match t.probe_step(&mut p, k, |v| Some(matches!(v, Value::Int(x) if *x == k))) {
                ProbeStep::Absent(i) => t.insert_at(i, Value::Int(k), k),
                _ => {}
            }
        }
        t
    }

    fn order(t: &SetTable) -> Vec<i64> {
        t.iter().map(|e| if let Value::Int(i) = e.key { i } else { -999 }).collect()
    }

    #[test]
    fn iteration_order_matches_cpython() {
        // python3 -c "s=set(); [s.add(k) for k in (33, 17, 9, 1, 5)]; print(list(s))"
        assert_eq!(order(&build(&[33, 17, 9, 1, 5])), vec![33, 1, 5, 9, 17]);
        // python3 -c "s=set(); [s.add(k) for k in range(100, 0, -7)]; print(list(s))"
        let keys: Vec<i64> = (1..=100).rev().step_by(7).collect();
        assert_eq!(order(&build(&keys)), vec![65, 2, 100, 37, 72, 9, 44, 79, 16, 51, 86, 23, 58, 93, 30]);
    }

    #[test]
    fn removal_and_pop_follow_cpython() {
        // s=set(); [s.add(k) for k in (8, 16, 24, 3)]; s.discard(16); s.add(40); s.pop() -> list(s)
        let mut t = build(&[8, 16, 24, 3]);
        let mut p = Probe::new(16, t.mask());
        if let ProbeStep::Found(i) = t.probe_step(&mut p, 16, |v| Some(matches!(v, Value::Int(16)))) {
            t.remove_at(i);
        }
        let mut p = Probe::new(40, t.mask());
        if let ProbeStep::Absent(i) = t.probe_step(&mut p, 40, |_| Some(false)) {
            t.insert_at(i, Value::Int(40), 40);
        }
        assert_eq!(order(&t), vec![3, 8, 40, 24]);
        let popped = t.pop();
        assert!(matches!(popped, Some(Value::Int(x)) if x == 3));
    }

    #[test]
    fn frozenset_hash_matches_cpython() {
        // python3 -c "print(hash(frozenset()), hash(frozenset({1, 2, 3})))"
        assert_eq!(SetTable::new().frozen_hash(), 133_146_708_735_736);
        assert_eq!(build(&[1, 2, 3]).frozen_hash(), -272_375_401_224_217_160);
    }
}
