//! The subject of a match (CPython's `getstring`/`getslice`): a str as code points (bytes
//! when it is ASCII) or a bytes-like object as bytes, copied once per call so that
//! Python code run between matches cannot change it underneath the engine.

use super::state::{SreError, State};
use krait_vm::object::{Payload, Value};
use krait_vm::{PyResult, Vm};
use std::rc::Rc;

/// The code units of a subject.
#[derive(Clone)]
pub enum Units {
    /// Bytes, or a str made only of ASCII characters.
    Narrow(Rc<[u8]>),
    /// A str with non-ASCII characters, by code point.
    Wide(Rc<[u32]>),
}

/// A subject string: its units, whether it is bytes-like, and the object itself.
#[derive(Clone)]
pub struct Subject {
    pub units: Units,
    pub is_bytes: bool,
    pub obj: Value,
}

impl Subject {
    /// `getstring`: str or bytes-like, else TypeError.
    pub fn new(vm: &mut Vm, v: &Value) -> PyResult<Subject> {
        match v.as_obj().map(|o| &o.payload) {
            Some(Payload::Str(s)) => {
                let text = s.as_str();
                let units = if s.is_ascii() { Units::Narrow(text.as_bytes().into()) } else { Units::Wide(text.chars().map(u32::from).collect()) };
                Ok(Subject { units, is_bytes: false, obj: v.clone() })
            }
            Some(Payload::Bytes(b)) => Ok(Subject { units: Units::Narrow(b.as_ref().into()), is_bytes: true, obj: v.clone() }),
            Some(Payload::ByteArray(b)) => Ok(Subject { units: Units::Narrow(b.borrow().as_slice().into()), is_bytes: true, obj: v.clone() }),
            _ => {
                let n = vm.type_name(v);
                Err(vm.new_type_error(format!("expected string or bytes-like object, got '{n}'")))
            }
        }
    }

    pub fn len(&self) -> usize {
        match &self.units {
            Units::Narrow(b) => b.len(),
            Units::Wide(w) => w.len(),
        }
    }

    /// `getslice`: the str or bytes of units `a..b`.
    pub fn slice(&self, vm: &mut Vm, a: usize, b: usize) -> Value {
        let b = b.min(self.len());
        let a = a.min(b);
        match &self.units {
            Units::Narrow(bytes) if self.is_bytes => new_bytes(vm, bytes[a..b].to_vec()),
            Units::Narrow(bytes) => vm.new_str(&String::from_utf8_lossy(&bytes[a..b])),
            Units::Wide(cps) => {
                let s: String = cps[a..b].iter().filter_map(|&c| char::from_u32(c)).collect();
                vm.new_str(&s)
            }
        }
    }

    /// `sre_search` on this subject.
    pub fn search(&self, st: &mut State, code: &[u32]) -> Result<bool, SreError> {
        match &self.units {
            Units::Narrow(b) => st.search(b, code),
            Units::Wide(w) => st.search(w, code),
        }
    }

    /// `sre_match` on this subject.
    pub fn do_match(&self, st: &mut State, code: &[u32]) -> Result<bool, SreError> {
        match &self.units {
            Units::Narrow(b) => st.do_match(b, code),
            Units::Wide(w) => st.do_match(w, code),
        }
    }
}

/// A new bytes object.
pub fn new_bytes(vm: &mut Vm, data: Vec<u8>) -> Value {
    let t = vm.types.bytes.clone();
    vm.wrap(Payload::Bytes(data.into_boxed_slice()), &t)
}
