//! The subject of a match (CPython's `getstring`/`getslice`). An ASCII str or a bytes
//! object is read in place; a non-ASCII str is decoded to code points once (a small
//! cache keyed by the str object serves `pattern.match(s, pos)` loops); a bytearray is
//! copied, so that Python code run between matches cannot change it underneath.

use krait_vm::object::GilStatic;
use krait_bytecode::surrogate::{self, code_point};
use super::state::{SreError, State};
use krait_vm::object::{Payload, PyWeak, Value};
use krait_vm::{PyResult, Vm};
use std::cell::RefCell;
use std::rc::Rc;

/// Where the code units of a subject are.
#[derive(Clone)]
enum Units {
    /// In the subject object itself: an ASCII str or a bytes object.
    InPlace,
    /// A bytearray's bytes at the time of the call.
    Copied(Rc<[u8]>),
    /// A str with non-ASCII characters, by code point.
    Wide(Rc<[u32]>),
}

/// A subject string: its units, whether it is bytes-like, and the object itself.
#[derive(Clone)]
pub struct Subject {
    units: Units,
    pub is_bytes: bool,
    pub obj: Value,
}

/// How many decoded non-ASCII subjects are kept.
const WIDE_CACHE: usize = 4;

/// Recently decoded non-ASCII str subjects, most recent last (shared by all threads).
static DECODED: GilStatic<RefCell<Vec<(PyWeak, Rc<[u32]>)>>> = GilStatic::new(|| RefCell::new(Vec::new()));

/// The code points of non-ASCII str `v` (text `text`), decoded or from the cache.
fn decode_wide(v: &Value, text: &str) -> Rc<[u32]> {
    let Some(obj) = v.as_obj() else { return text.chars().map(code_point).collect() };
    DECODED.with(|cache| {
        let mut cache = cache.borrow_mut();
        cache.retain(|(w, _)| w.upgrade().is_some());
        if let Some((_, cps)) = cache.iter().find(|(w, _)| w.upgrade().is_some_and(|o| o.is(obj))) {
            return cps.clone();
        }
        let cps: Rc<[u32]> = text.chars().map(code_point).collect();
        if cache.len() >= WIDE_CACHE {
            cache.remove(0);
        }
        cache.push((obj.downgrade(), cps.clone()));
        cps
    })
}

impl Subject {
    /// `getstring`: str or bytes-like, else TypeError.
    pub fn new(vm: &mut Vm, v: &Value) -> PyResult<Subject> {
        let (units, is_bytes) = match v.as_obj().map(|o| &o.payload) {
            Some(Payload::Str(s)) if s.is_ascii() => (Units::InPlace, false),
            Some(Payload::Str(s)) => (Units::Wide(decode_wide(v, s.as_str())), false),
            Some(Payload::Bytes(_)) => (Units::InPlace, true),
            Some(Payload::ByteArray(b)) => (Units::Copied(b.borrow().as_slice().into()), true),
            _ => {
                let n = vm.type_name(v);
                return Err(vm.new_type_error(format!("expected string or bytes-like object, got '{n}'")));
            }
        };
        Ok(Subject { units, is_bytes, obj: v.clone() })
    }

    /// The units when they are bytes (bytes-like subjects and ASCII str).
    fn narrow(&self) -> Option<&[u8]> {
        match &self.units {
            Units::InPlace => match self.obj.as_obj().map(|o| &o.payload) {
                Some(Payload::Str(s)) => Some(s.as_str().as_bytes()),
                Some(Payload::Bytes(b)) => Some(b),
                _ => None,
            },
            Units::Copied(b) => Some(b),
            Units::Wide(_) => None,
        }
    }

    pub fn len(&self) -> usize {
        match &self.units {
            Units::Wide(w) => w.len(),
            _ => self.narrow().map_or(0, <[u8]>::len),
        }
    }

    /// `getslice`: the str or bytes of units `a..b`.
    pub fn slice(&self, vm: &mut Vm, a: usize, b: usize) -> Value {
        let b = b.min(self.len());
        let a = a.min(b);
        if let Units::Wide(cps) = &self.units {
            let s: String = cps[a..b].iter().filter_map(|&c| surrogate::char_for(c)).collect();
            return vm.new_str(&s);
        }
        let bytes = self.narrow().map(|n| n[a..b].to_vec()).unwrap_or_default();
        if self.is_bytes {
            new_bytes(vm, bytes)
        } else {
            vm.new_str(&String::from_utf8_lossy(&bytes))
        }
    }

    /// `sre_search` on this subject.
    pub fn search(&self, st: &mut State, code: &[u32]) -> Result<bool, SreError> {
        match (&self.units, self.narrow()) {
            (Units::Wide(w), _) => st.search(w, code),
            (_, Some(b)) => st.search(b, code),
            _ => Err(SreError::Illegal),
        }
    }

    /// `sre_match` on this subject.
    pub fn do_match(&self, st: &mut State, code: &[u32]) -> Result<bool, SreError> {
        match (&self.units, self.narrow()) {
            (Units::Wide(w), _) => st.do_match(w, code),
            (_, Some(b)) => st.do_match(b, code),
            _ => Err(SreError::Illegal),
        }
    }
}

/// A new bytes object.
pub fn new_bytes(vm: &mut Vm, data: Vec<u8>) -> Value {
    let t = vm.types.bytes.clone();
    vm.wrap(Payload::Bytes(data.into_boxed_slice()), &t)
}
