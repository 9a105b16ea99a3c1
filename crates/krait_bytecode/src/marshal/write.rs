//! The marshal writer (CPython 3.11 `w_object`) for versions 0–4.
//!
//! Output is what CPython writes for the same value, except for which objects carry FLAG_REF:
//! - version ≥ 3: an object is registered (FLAG_REF, later occurrences written as `r`) when it
//!   occurs more than once in the value graph — equal scalars/strs/bytes and equal tuples of
//!   them count as the same object; code objects, lists, dicts and sets by identity — and
//!   interned strs are always registered, as CPython does;
//! - strs are written as interned (`t`/`Z`/`A`) in name positions of code objects (`co_names`,
//!   `co_localsplusnames`, `co_name`) and, inside `co_consts` (through tuples and frozensets),
//!   when made only of ASCII letters, digits and `_` (CPython's `all_name_chars`); never elsewhere.
//!
//! Sets and frozensets are written in the order of their elements' own marshal bytes, as
//! CPython 3.11 does for reproducible output.

use super::error::{ErrorKind, MarshalError, Result};
use super::read::MAX_DEPTH;
use super::text::format_float_g17;
use super::types::*;
use crate::{CodeObject, Constant};
use num_bigint::Sign;
use std::collections::HashMap;
use std::rc::Rc;

/// Where a value sits, which decides whether its strs are interned.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctx {
    Plain,
    /// A name slot of a code object: always interned.
    Name,
    /// Inside `co_consts`: interned when identifier-like.
    Const,
}

/// The identity used for the reference table.
#[derive(Hash, PartialEq, Eq)]
enum RefKey {
    /// Code objects, lists, dicts and sets: by address (they stay alive during the dump).
    Ptr(usize),
    /// Immutable values: by their ref-free marshal bytes (which include type and interning).
    Value(Vec<u8>),
}

pub(crate) struct Writer {
    out: Vec<u8>,
    version: u8,
    depth: u32,
    use_refs: bool,
    /// Occurrences of each key (filled by the counting pass).
    counts: HashMap<RefKey, u32>,
    /// Reference index of each registered key (filled while writing).
    refs: HashMap<RefKey, i32>,
}

fn too_deep() -> MarshalError {
    MarshalError::new(ErrorKind::ValueError, "object too deeply nested to marshal")
}

fn unmarshallable() -> MarshalError {
    MarshalError::new(ErrorKind::ValueError, "unmarshallable object")
}

/// CPython's `all_name_chars`.
fn all_name_chars(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

fn is_interned(v: &Constant, ctx: Ctx) -> bool {
    match (v, ctx) {
        (Constant::Str(_) | Constant::SurrogateStr(_), Ctx::Name) => true,
        (Constant::Str(s), Ctx::Const) => all_name_chars(s),
        _ => false,
    }
}

fn is_singleton(v: &Constant) -> bool {
    matches!(v, Constant::None | Constant::Bool(_) | Constant::Ellipsis | Constant::StopIteration)
}

/// Whether a value's identity (not just its value) matters for refs.
fn has_identity_parts(v: &Constant) -> bool {
    match v {
        Constant::Code(_) | Constant::List(_) | Constant::Dict(_) | Constant::Set(_) => true,
        Constant::Tuple(items) | Constant::FrozenSet(items) => items.iter().any(has_identity_parts),
        _ => false,
    }
}

fn names_tuple(names: &[Rc<str>]) -> Constant {
    Constant::Tuple(names.iter().map(|n| Constant::Str(n.clone())).collect())
}

/// The children of a code object in marshal order, with their contexts (the i32 fields aside).
fn code_fields(c: &CodeObject) -> [(Constant, Ctx); 10] {
    [
        (Constant::Bytes(c.code.clone()), Ctx::Plain),
        (Constant::Tuple(c.consts.clone().into()), Ctx::Const),
        (names_tuple(&c.names), Ctx::Name),
        (names_tuple(&c.localsplusnames), Ctx::Name),
        (Constant::Bytes(c.localspluskinds.clone().into()), Ctx::Plain),
        (Constant::Str(c.filename.clone()), Ctx::Plain),
        (Constant::Str(c.name.clone()), Ctx::Name),
        (Constant::Str(c.qualname.clone()), Ctx::Plain),
        // firstlineno is written between qualname and linetable.
        (Constant::Bytes(c.linetable.clone()), Ctx::Plain),
        (Constant::Bytes(c.exceptiontable.clone()), Ctx::Plain),
    ]
}

impl Writer {
    /// A writer; refs are used only when asked and the version has them (≥ 3).
    fn new(version: u8, depth: u32, use_refs: bool) -> Writer {
        let use_refs = use_refs && version >= 3;
        Writer { out: Vec::new(), version, depth, use_refs, counts: HashMap::new(), refs: HashMap::new() }
    }

    /// `marshal.dumps(value, version)`.
    pub(crate) fn dump(value: &Constant, version: u8) -> Result<Vec<u8>> {
        let mut w = Writer::new(version, 0, true);
        if w.use_refs {
            w.count(value, Ctx::Plain)?;
        }
        w.w_object(value, Ctx::Plain)?;
        Ok(w.out)
    }

    /// The ref-free bytes of `v`, written at the current depth (for keys and set ordering).
    fn standalone(&self, v: &Constant, ctx: Ctx, with_refs: bool) -> Result<Vec<u8>> {
        let mut w = Writer::new(self.version, self.depth, with_refs);
        if w.use_refs {
            w.count(v, ctx)?;
        }
        w.w_object(v, ctx)?;
        Ok(w.out)
    }

    fn key(&self, v: &Constant, ctx: Ctx) -> Result<Option<RefKey>> {
        Ok(match v {
            _ if is_singleton(v) => None,
            Constant::Code(c) => Some(RefKey::Ptr(Rc::as_ptr(c) as usize)),
            Constant::List(x) | Constant::Set(x) => Some(RefKey::Ptr(Rc::as_ptr(x) as *const () as usize)),
            Constant::Dict(x) => Some(RefKey::Ptr(Rc::as_ptr(x) as *const () as usize)),
            _ if has_identity_parts(v) => None,
            _ => Some(RefKey::Value(self.standalone(v, ctx, false)?)),
        })
    }

    fn enter(&mut self) -> Result<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(too_deep());
        }
        Ok(())
    }

    /// Counting pass: how often each key occurs (a repeated subtree is not descended again).
    fn count(&mut self, v: &Constant, ctx: Ctx) -> Result<()> {
        self.enter()?;
        if let Some(key) = self.key(v, ctx)? {
            let n = self.counts.entry(key).or_insert(0);
            *n += 1;
            if *n > 1 {
                self.depth -= 1;
                return Ok(());
            }
        }
        match v {
            Constant::Tuple(items) | Constant::FrozenSet(items) => {
                for item in items.iter() {
                    self.count(item, ctx)?;
                }
            }
            Constant::List(items) | Constant::Set(items) => {
                for item in items.iter() {
                    self.count(item, Ctx::Plain)?;
                }
            }
            Constant::Dict(items) => {
                for (k, val) in items.iter() {
                    self.count(k, Ctx::Plain)?;
                    self.count(val, Ctx::Plain)?;
                }
            }
            Constant::Code(c) => {
                for (field, fctx) in code_fields(c).iter() {
                    self.count(field, *fctx)?;
                }
            }
            _ => {}
        }
        self.depth -= 1;
        Ok(())
    }

    /// `w_object`.
    fn w_object(&mut self, v: &Constant, ctx: Ctx) -> Result<()> {
        self.enter()?;
        let mut flag = 0;
        let singleton = match v {
            Constant::None => Some(TYPE_NONE),
            Constant::Bool(false) => Some(TYPE_FALSE),
            Constant::Bool(true) => Some(TYPE_TRUE),
            Constant::Ellipsis => Some(TYPE_ELLIPSIS),
            Constant::StopIteration => Some(TYPE_STOPITER),
            _ => None,
        };
        if let Some(code) = singleton {
            self.out.push(code);
            self.depth -= 1;
            return Ok(());
        }
        if self.use_refs {
            if let Some(key) = self.key(v, ctx)? {
                if let Some(&idx) = self.refs.get(&key) {
                    self.out.push(TYPE_REF);
                    self.out.extend_from_slice(&idx.to_le_bytes());
                    self.depth -= 1;
                    return Ok(());
                }
                if is_interned(v, ctx) || self.counts.get(&key).is_some_and(|&n| n > 1) {
                    let idx = i32::try_from(self.refs.len()).map_err(|_| unmarshallable())?;
                    self.refs.insert(key, idx);
                    flag = FLAG_REF;
                }
            }
        }
        self.w_complex(v, ctx, flag)?;
        self.depth -= 1;
        Ok(())
    }

    fn w_size(&mut self, n: usize) -> Result<()> {
        let n = i32::try_from(n).map_err(|_| unmarshallable())?;
        self.out.extend_from_slice(&n.to_le_bytes());
        Ok(())
    }

    fn w_float(&mut self, x: f64) {
        if self.version > 1 {
            self.out.extend_from_slice(&x.to_le_bytes());
        } else {
            let s = format_float_g17(x);
            self.out.push(s.len() as u8);
            self.out.extend_from_slice(s.as_bytes());
        }
    }

    /// `w_complex_object`: the type byte (with `flag`) and payload.
    fn w_complex(&mut self, v: &Constant, ctx: Ctx, flag: u8) -> Result<()> {
        let interned = is_interned(v, ctx);
        match v {
            Constant::Int(i) => match i32::try_from(i) {
                Ok(small) => {
                    self.out.push(TYPE_INT | flag);
                    self.out.extend_from_slice(&small.to_le_bytes());
                }
                Err(_) => {
                    self.out.push(TYPE_LONG | flag);
                    let (sign, mag) = i.to_u32_digits();
                    let digits = base15_digits(&mag);
                    let n = i32::try_from(digits.len()).map_err(|_| unmarshallable())?;
                    let n = if sign == Sign::Minus { -n } else { n };
                    self.out.extend_from_slice(&n.to_le_bytes());
                    for d in digits {
                        self.out.extend_from_slice(&d.to_le_bytes());
                    }
                }
            },
            Constant::Float(x) => {
                self.out.push(if self.version > 1 { TYPE_BINARY_FLOAT } else { TYPE_FLOAT } | flag);
                self.w_float(*x);
            }
            Constant::Complex { re, im } => {
                self.out.push(if self.version > 1 { TYPE_BINARY_COMPLEX } else { TYPE_COMPLEX } | flag);
                self.w_float(*re);
                self.w_float(*im);
            }
            Constant::Bytes(b) => {
                self.out.push(TYPE_STRING | flag);
                self.w_size(b.len())?;
                self.out.extend_from_slice(b);
            }
            Constant::Str(s) if self.version >= 4 && s.is_ascii() => {
                if s.len() < 256 {
                    let ty = if interned { TYPE_SHORT_ASCII_INTERNED } else { TYPE_SHORT_ASCII };
                    self.out.push(ty | flag);
                    self.out.push(s.len() as u8);
                } else {
                    self.out.push(if interned { TYPE_ASCII_INTERNED } else { TYPE_ASCII } | flag);
                    self.w_size(s.len())?;
                }
                self.out.extend_from_slice(s.as_bytes());
            }
            Constant::Str(_) | Constant::SurrogateStr(_) => {
                let bytes: &[u8] = match v {
                    Constant::Str(s) => s.as_bytes(),
                    Constant::SurrogateStr(b) => b,
                    _ => &[],
                };
                let ty = if self.version >= 3 && interned { TYPE_INTERNED } else { TYPE_UNICODE };
                self.out.push(ty | flag);
                self.w_size(bytes.len())?;
                self.out.extend_from_slice(bytes);
            }
            Constant::Tuple(items) => {
                if self.version >= 4 && items.len() < 256 {
                    self.out.push(TYPE_SMALL_TUPLE | flag);
                    self.out.push(items.len() as u8);
                } else {
                    self.out.push(TYPE_TUPLE | flag);
                    self.w_size(items.len())?;
                }
                for item in items.iter() {
                    self.w_object(item, ctx)?;
                }
            }
            Constant::List(items) => {
                self.out.push(TYPE_LIST | flag);
                self.w_size(items.len())?;
                for item in items.iter() {
                    self.w_object(item, Ctx::Plain)?;
                }
            }
            Constant::Set(items) | Constant::FrozenSet(items) => {
                let (ty, ctx) =
                    if matches!(v, Constant::Set(_)) { (TYPE_SET, Ctx::Plain) } else { (TYPE_FROZENSET, ctx) };
                self.out.push(ty | flag);
                self.w_size(items.len())?;
                // Sorted by each element's own `marshal.dumps` bytes (CPython bpo-37596).
                let mut keyed = items
                    .iter()
                    .map(|item| Ok((self.standalone(item, ctx, true)?, item)))
                    .collect::<Result<Vec<_>>>()?;
                keyed.sort_by(|a, b| a.0.cmp(&b.0));
                for (_, item) in keyed {
                    self.w_object(item, ctx)?;
                }
            }
            Constant::Dict(items) => {
                self.out.push(TYPE_DICT | flag);
                for (k, val) in items.iter() {
                    self.w_object(k, Ctx::Plain)?;
                    self.w_object(val, Ctx::Plain)?;
                }
                self.out.push(TYPE_NULL);
            }
            Constant::Code(c) => self.w_code(c, flag)?,
            Constant::None | Constant::Bool(_) | Constant::Ellipsis | Constant::StopIteration => {}
        }
        Ok(())
    }

    fn w_code(&mut self, c: &CodeObject, flag: u8) -> Result<()> {
        self.out.push(TYPE_CODE | flag);
        for n in [c.argcount, c.posonlyargcount, c.kwonlyargcount, c.stacksize, c.flags] {
            self.out.extend_from_slice(&n.to_le_bytes());
        }
        let fields = code_fields(c);
        for (i, (field, ctx)) in fields.iter().enumerate() {
            if i == 8 {
                self.out.extend_from_slice(&c.firstlineno.to_le_bytes());
            }
            self.w_object(field, *ctx)?;
        }
        Ok(())
    }
}

/// A magnitude as base-2**15 digits, least significant first, without leading zeros.
fn base15_digits(mag: &[u32]) -> Vec<u16> {
    let mut out = Vec::with_capacity(mag.len() * 32 / 15 + 1);
    let mut acc: u64 = 0;
    let mut bits = 0;
    for &w in mag {
        acc |= u64::from(w) << bits;
        bits += 32;
        while bits >= 15 {
            out.push((acc & 0x7FFF) as u16);
            acc >>= 15;
            bits -= 15;
        }
    }
    if bits > 0 {
        out.push((acc & 0x7FFF) as u16);
    }
    while out.last() == Some(&0) {
        out.pop();
    }
    out
}
