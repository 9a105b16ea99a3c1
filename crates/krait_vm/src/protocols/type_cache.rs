//! The type attribute cache (CPython's method cache in typeobject.c): the result of an
//! MRO lookup, found or not, remembered per (type, name) while the global type version
//! (`types::bootstrap::current_type_version`) is unchanged.

use crate::object::{PyRef, Value};

/// Entries in the cache (a power of two).
const SIZE: usize = 2048;

#[derive(Default)]
struct Entry {
    version: u32,
    /// Strong references: a cached type or name cannot be freed and its address reused
    /// while the entry could match it.
    ty: Option<PyRef>,
    name: Option<PyRef>,
    /// The attribute, or None when the MRO does not have it.
    value: Option<Value>,
}

pub struct TypeAttrCache {
    entries: Box<[Entry]>,
}

impl Default for TypeAttrCache {
    fn default() -> Self {
        TypeAttrCache { entries: (0..SIZE).map(|_| Entry::default()).collect() }
    }
}

#[inline]
fn index(ty: &PyRef, name: &PyRef) -> usize {
    ((ty.addr() >> 4) ^ (name.addr() >> 3)) & (SIZE - 1)
}

impl TypeAttrCache {
    /// The cached lookup of `name` on `ty` at `version`: `Some(result)` on a hit.
    #[inline]
    pub fn get(&self, ty: &PyRef, name: &PyRef, version: u32) -> Option<Option<Value>> {
        let e = &self.entries[index(ty, name)];
        let hit = e.version == version && e.ty.as_ref().is_some_and(|t| t.is(ty)) && e.name.as_ref().is_some_and(|n| n.is(name));
        hit.then(|| e.value.clone())
    }

    pub fn put(&mut self, ty: &PyRef, name: &PyRef, version: u32, value: Option<Value>) {
        self.entries[index(ty, name)] = Entry { version, ty: Some(ty.clone()), name: Some(name.clone()), value };
    }
}
