//! Turning a `krait_bytecode::CodeObject` into the VM's `Code`: constants become values,
//! names are interned, bytecode and exception table are decoded.

use super::code::{decode, decode_handlers, Code};
use crate::object::{Payload, PyObject, PyRef, Value};
use crate::vm::{PyResult, Vm};
use krait_bytecode::{CodeObject, Constant};
use num_traits::ToPrimitive;
use std::rc::Rc;

impl Vm {
    /// The VM form of a code object (nested code constants included).
    pub fn load_code(&mut self, raw: Rc<CodeObject>) -> PyResult<Rc<Code>> {
        let consts = raw.consts.iter().map(|c| self.constant_value(c)).collect::<PyResult<Vec<_>>>()?;
        let names = raw.names.iter().map(|n| self.intern(n)).collect::<Vec<_>>();
        let localsplusnames = raw.localsplusnames.iter().map(|n| self.intern(n)).collect::<Vec<_>>();
        let name = self.intern(&raw.name);
        let qualname = self.new_str_ref(&raw.qualname);
        let filename = self.new_str_ref(&raw.filename);
        let instrs = decode(&raw.code);
        let caches: Box<[std::cell::Cell<u64>]> = (0..raw.code.len() / 2).map(|_| std::cell::Cell::new(0)).collect();
        Ok(Rc::new(Code {
            attr_caches: (0..count_attr_sites(&instrs, &caches)).map(|_| Default::default()).collect(),
            caches,
            instrs,
            handlers: decode_handlers(&raw.exceptiontable),
            consts: consts.into_boxed_slice(),
            names: names.into_boxed_slice(),
            localsplusnames: localsplusnames.into_boxed_slice(),
            name,
            qualname,
            filename,
            raw,
            pyobj: Default::default(),
        }))
    }

    /// A constant as a Python value.
    pub fn constant_value(&mut self, c: &Constant) -> PyResult<Value> {
        Ok(match c {
            Constant::None => Value::None,
            Constant::Ellipsis => Value::Obj(self.ellipsis.clone()),
            Constant::StopIteration => Value::Obj(self.exc.stop_iteration.clone()),
            Constant::Bool(b) => Value::Bool(*b),
            Constant::Int(i) => match i.to_i64() {
                Some(v) => Value::Int(v),
                None => {
                    let t = self.types.int.clone();
                    self.wrap(Payload::Int(i.clone()), &t)
                }
            },
            Constant::Float(f) => Value::Float(*f),
            Constant::Complex { re, im } => {
                let t = self.types.complex.clone();
                self.wrap(Payload::Complex { re: *re, im: *im }, &t)
            }
            Constant::Str(s) => Value::Obj(if is_identifier_like(s) { self.intern(s) } else { self.new_str_ref(s) }),
            Constant::Bytes(b) => {
                let t = self.types.bytes.clone();
                self.wrap(Payload::Bytes(b.to_vec().into_boxed_slice()), &t)
            }
            Constant::Tuple(items) => {
                let v = items.iter().map(|c| self.constant_value(c)).collect::<PyResult<Vec<_>>>()?;
                self.new_tuple(v)
            }
            Constant::Code(code) => {
                let c = self.load_code(code.clone())?;
                let t = self.types.code.clone();
                Value::Obj(PyRef::new(PyObject::new(t, Payload::Native(Box::new(c)))))
            }
            Constant::FrozenSet(items) => {
                let v = items.iter().map(|c| self.constant_value(c)).collect::<PyResult<Vec<_>>>()?;
                let t = self.new_tuple(v);
                let fs = Value::Obj(self.types.frozenset.clone());
                self.call_positional(&fs, &[t])?
            }
            other => {
                return Err(self.new_not_implemented_error(format!("constant of kind {:?} is not supported yet", std::mem::discriminant(other))));
            }
        })
    }
}

fn is_identifier_like(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// Number each LOAD_ATTR / LOAD_METHOD / STORE_ATTR: the number goes in its first cache
/// word and indexes `Code::attr_caches`.
fn count_attr_sites(instrs: &[std::cell::Cell<super::code::Instr>], caches: &[std::cell::Cell<u64>]) -> usize {
    use krait_bytecode::Opcode;
    let mut n = 0;
    for (i, ins) in instrs.iter().enumerate() {
        if matches!(ins.get().op, Opcode::LoadAttr | Opcode::LoadMethod | Opcode::StoreAttr) {
            if let Some(c) = caches.get(i + 1) {
                c.set(n as u64);
                n += 1;
            }
        }
    }
    n
}
