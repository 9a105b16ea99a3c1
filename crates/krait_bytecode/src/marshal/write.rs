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
//!
//! All walks use explicit stacks: nesting depth (bounded by CPython's 2000) costs heap, never
//! Rust stack.

use super::error::{ErrorKind, MarshalError, Result};
use super::read::MAX_DEPTH;
use super::text::format_float_g17;
use super::types::*;
use crate::Constant;
use num_bigint::Sign;
use std::collections::HashMap;
use std::rc::Rc;

/// Where a value sits, which decides whether its strs are interned.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
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
    Value(Rc<[u8]>),
}

/// What follows a container's header: child objects and raw bytes (dict terminator,
/// a code object's firstlineno).
enum Item {
    Obj(Constant, Ctx),
    Raw(Vec<u8>),
}

pub(crate) struct Writer {
    version: u8,
    use_refs: bool,
    /// Occurrences of each key (filled by the counting pass).
    counts: HashMap<RefKey, u32>,
    /// Reference index of each registered key (filled while writing).
    refs: HashMap<RefKey, i32>,
    /// Ref-free dumps of tuples and frozensets by (address, context): computed once each.
    /// (The bool: with CPython's set-ordering FLAG_REF bits, see [`Writer::set_key_flag`].)
    plain: HashMap<(usize, Ctx, bool), Rc<[u8]>>,
    /// Temporaries made for code-object fields, kept alive so their addresses stay unique.
    keep: Vec<Constant>,
}

fn too_deep() -> MarshalError {
    MarshalError::new(ErrorKind::ValueError, "object too deeply nested to marshal")
}

fn unmarshallable() -> MarshalError {
    MarshalError::new(ErrorKind::ValueError, "unmarshallable object")
}

fn check_depth(depth: u32) -> Result<()> {
    if depth > MAX_DEPTH {
        return Err(too_deep());
    }
    Ok(())
}

/// CPython's `all_name_chars`.
fn all_name_chars(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

fn is_interned(v: &Constant, ctx: Ctx) -> bool {
    match (v, ctx) {
        (Constant::Str(_), Ctx::Name) => true,
        (Constant::Str(s), Ctx::Const) => all_name_chars(s),
        _ => false,
    }
}

/// The one-byte encoding of None/True/False/Ellipsis/StopIteration (never flagged).
fn singleton_code(v: &Constant) -> Option<u8> {
    match v {
        Constant::None => Some(TYPE_NONE),
        Constant::Bool(false) => Some(TYPE_FALSE),
        Constant::Bool(true) => Some(TYPE_TRUE),
        Constant::Ellipsis => Some(TYPE_ELLIPSIS),
        Constant::StopIteration => Some(TYPE_STOPITER),
        _ => None,
    }
}

/// Whether a value's identity (not just its value) matters for refs.
fn has_identity_parts(v: &Constant) -> bool {
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        match v {
            Constant::Code(_) | Constant::List(_) | Constant::Dict(_) | Constant::Set(_) => return true,
            Constant::Tuple(items) | Constant::FrozenSet(items) => stack.extend(items.iter()),
            _ => {}
        }
    }
    false
}

fn addr<T: ?Sized>(rc: &Rc<T>) -> usize {
    Rc::as_ptr(rc) as *const () as usize
}

fn names_tuple(names: &[Rc<str>]) -> Constant {
    Constant::Tuple(names.iter().map(|n| Constant::Str(n.clone())).collect())
}

fn size_bytes(out: &mut Vec<u8>, n: usize) -> Result<()> {
    let n = i32::try_from(n).map_err(|_| unmarshallable())?;
    out.extend_from_slice(&n.to_le_bytes());
    Ok(())
}

impl Writer {
    fn new(version: u8) -> Writer {
        Writer {
            version,
            use_refs: version >= 3,
            counts: HashMap::new(),
            refs: HashMap::new(),
            plain: HashMap::new(),
            keep: Vec::new(),
        }
    }

    /// `marshal.dumps(value, version)`.
    pub(crate) fn dump(value: &Constant, version: u8) -> Result<Vec<u8>> {
        let mut w = Writer::new(version);
        if !w.use_refs {
            return Ok(w.plain_dump(value, Ctx::Plain, 1, false)?.to_vec());
        }
        w.count(value)?;
        w.write(value)
    }

    /// The children of a container, in marshal order (sets unsorted).
    fn items(&mut self, v: &Constant, ctx: Ctx) -> Vec<Item> {
        match v {
            Constant::Tuple(items) => items.iter().map(|i| Item::Obj(i.clone(), ctx)).collect(),
            Constant::FrozenSet(items) => items.iter().map(|i| Item::Obj(i.clone(), ctx)).collect(),
            Constant::List(items) | Constant::Set(items) => {
                items.iter().map(|i| Item::Obj(i.clone(), Ctx::Plain)).collect()
            }
            Constant::Dict(items) => {
                let mut out: Vec<Item> = items
                    .iter()
                    .flat_map(|(k, v)| [Item::Obj(k.clone(), Ctx::Plain), Item::Obj(v.clone(), Ctx::Plain)])
                    .collect();
                out.push(Item::Raw(vec![TYPE_NULL]));
                out
            }
            Constant::Code(c) => {
                let fields = [
                    (Constant::Bytes(c.code.clone()), Ctx::Plain),
                    (Constant::Tuple(c.consts.clone().into()), Ctx::Const),
                    (names_tuple(&c.names), Ctx::Name),
                    (names_tuple(&c.localsplusnames), Ctx::Name),
                    (Constant::Bytes(c.localspluskinds.clone().into()), Ctx::Plain),
                    (Constant::Str(c.filename.clone()), Ctx::Plain),
                    (Constant::Str(c.name.clone()), Ctx::Name),
                    (Constant::Str(c.qualname.clone()), Ctx::Plain),
                    (Constant::Bytes(c.linetable.clone()), Ctx::Plain),
                    (Constant::Bytes(c.exceptiontable.clone()), Ctx::Plain),
                ];
                let mut out = Vec::with_capacity(11);
                for (i, (field, fctx)) in fields.into_iter().enumerate() {
                    if i == 8 {
                        out.push(Item::Raw(c.firstlineno.to_le_bytes().to_vec()));
                    }
                    self.keep.push(field.clone());
                    out.push(Item::Obj(field, fctx));
                }
                out
            }
            _ => Vec::new(),
        }
    }

    /// The ref-free bytes of `v` at nesting `depth` (for ref keys, set ordering, and the
    /// whole output of versions < 3); with `flagged`, type bytes carry the FLAG_REF bits
    /// CPython's set-ordering dumps carry ([`Writer::set_key_flag`]). Post-order over an
    /// explicit stack.
    fn plain_dump(&mut self, v: &Constant, ctx: Ctx, depth: u32, flagged: bool) -> Result<Rc<[u8]>> {
        enum Task {
            Enter(Constant, Ctx, u32),
            Raw(Vec<u8>),
            /// Concatenate the last `n` results after `header` (sorted for sets).
            Exit { header: Vec<u8>, n: usize, sort: bool, cache: Option<(usize, Ctx, bool)> },
        }
        let is_container = matches!(
            v,
            Constant::Tuple(_) | Constant::FrozenSet(_) | Constant::List(_) | Constant::Set(_)
                | Constant::Dict(_) | Constant::Code(_)
        );
        if !is_container {
            check_depth(depth)?;
            let flag = if flagged { self.set_key_flag(v, ctx, depth)? } else { 0 };
            return Ok(self.header(v, ctx, flag)?.into());
        }
        let mut tasks = vec![Task::Enter(v.clone(), ctx, depth)];
        let mut results: Vec<Rc<[u8]>> = Vec::new();
        while let Some(task) = tasks.pop() {
            match task {
                Task::Raw(bytes) => results.push(bytes.into()),
                Task::Enter(v, ctx, depth) => {
                    check_depth(depth)?;
                    let cache = match &v {
                        Constant::Tuple(x) | Constant::FrozenSet(x) => Some((addr(x), ctx, flagged)),
                        _ => None,
                    };
                    if let Some(hit) = cache.and_then(|k| self.plain.get(&k)) {
                        results.push(hit.clone());
                        continue;
                    }
                    let flag = if flagged { self.set_key_flag(&v, ctx, depth)? } else { 0 };
                    let header = self.header(&v, ctx, flag)?;
                    let items = self.items(&v, ctx);
                    let sort = matches!(v, Constant::Set(_) | Constant::FrozenSet(_));
                    tasks.push(Task::Exit { header, n: items.len(), sort, cache });
                    for item in items.into_iter().rev() {
                        tasks.push(match item {
                            Item::Obj(c, cctx) => Task::Enter(c, cctx, depth + 1),
                            Item::Raw(b) => Task::Raw(b),
                        });
                    }
                }
                Task::Exit { mut header, n, sort, cache } => {
                    let mut parts = results.split_off(results.len() - n);
                    if sort {
                        parts.sort();
                    }
                    for p in &parts {
                        header.extend_from_slice(p);
                    }
                    let bytes: Rc<[u8]> = header.into();
                    if let Some(k) = cache {
                        self.plain.insert(k, bytes.clone());
                    }
                    results.push(bytes);
                }
            }
        }
        results.pop().ok_or_else(unmarshallable)
    }

    fn key(&mut self, v: &Constant, ctx: Ctx, depth: u32) -> Result<Option<RefKey>> {
        Ok(match v {
            _ if singleton_code(v).is_some() => None,
            Constant::Code(c) => Some(RefKey::Ptr(addr(c))),
            Constant::List(x) | Constant::Set(x) => Some(RefKey::Ptr(addr(x))),
            Constant::Dict(x) => Some(RefKey::Ptr(addr(x))),
            _ if has_identity_parts(v) => None,
            _ => Some(RefKey::Value(self.plain_dump(v, ctx, depth, false)?)),
        })
    }

    /// The FLAG_REF bit of `v` in the dump CPython sorts set elements by. CPython 3.11 dumps
    /// each element on its own and sorts by those bytes, which carry FLAG_REF where the
    /// object's reference count is above 1 at that moment (w_ref); elements are written with
    /// it afterwards either way. krait models "above 1" as: an object CPython caches (ints
    /// -5..=256, the empty str and one-character latin-1 strs, bytes of length 0 or 1, the
    /// empty tuple) or one that occurs more than once in the value being dumped (CPython's
    /// compiler shares equal constants and names across a module's code objects).
    fn set_key_flag(&mut self, v: &Constant, ctx: Ctx, depth: u32) -> Result<u8> {
        if !self.use_refs {
            return Ok(0);
        }
        let cached = match v {
            Constant::Int(i) => i32::try_from(i).is_ok_and(|n| (-5..=256).contains(&n)),
            Constant::Str(s) => {
                let mut chars = s.chars();
                chars.next().is_none_or(|c| chars.next().is_none() && crate::surrogate::code_point(c) < 0x100)
            }
            Constant::Bytes(b) => b.len() <= 1,
            Constant::Tuple(t) => t.is_empty(),
            _ => false,
        };
        if cached {
            return Ok(FLAG_REF);
        }
        let shared = match self.key(v, ctx, depth)? {
            Some(key) => self.counts.get(&key).is_some_and(|&n| n > 1),
            None => false,
        };
        Ok(if shared { FLAG_REF } else { 0 })
    }

    /// Counting pass: how often each key occurs (a repeated subtree is not walked again).
    fn count(&mut self, value: &Constant) -> Result<()> {
        let mut stack = vec![(value.clone(), Ctx::Plain, 1u32)];
        while let Some((v, ctx, depth)) = stack.pop() {
            check_depth(depth)?;
            if let Some(key) = self.key(&v, ctx, depth)? {
                let n = self.counts.entry(key).or_insert(0);
                *n += 1;
                if *n > 1 {
                    continue;
                }
            }
            for item in self.items(&v, ctx) {
                if let Item::Obj(c, cctx) = item {
                    stack.push((c, cctx, depth + 1));
                }
            }
        }
        Ok(())
    }

    /// Writing pass (`w_object`, pre-order over an explicit stack), with refs.
    fn write(&mut self, value: &Constant) -> Result<Vec<u8>> {
        let mut out = Vec::new();
        let mut tasks = vec![(Item::Obj(value.clone(), Ctx::Plain), 1u32)];
        while let Some((task, depth)) = tasks.pop() {
            let (v, ctx) = match task {
                Item::Raw(bytes) => {
                    out.extend_from_slice(&bytes);
                    continue;
                }
                Item::Obj(v, ctx) => (v, ctx),
            };
            check_depth(depth)?;
            if let Some(code) = singleton_code(&v) {
                out.push(code);
                continue;
            }
            let mut flag = 0;
            if let Some(key) = self.key(&v, ctx, depth)? {
                if let Some(&idx) = self.refs.get(&key) {
                    out.push(TYPE_REF);
                    out.extend_from_slice(&idx.to_le_bytes());
                    continue;
                }
                if is_interned(&v, ctx) || self.counts.get(&key).is_some_and(|&n| n > 1) {
                    let idx = i32::try_from(self.refs.len()).map_err(|_| unmarshallable())?;
                    self.refs.insert(key, idx);
                    flag = FLAG_REF;
                }
            }
            out.extend_from_slice(&self.header(&v, ctx, flag)?);
            let mut items = self.items(&v, ctx);
            if matches!(v, Constant::Set(_) | Constant::FrozenSet(_)) {
                // Sorted by each element's own marshal bytes, FLAG_REF bits included, as
                // CPython does (bpo-37596; see `set_key_flag`).
                let mut keyed = Vec::with_capacity(items.len());
                for item in items {
                    if let Item::Obj(c, cctx) = &item {
                        keyed.push((self.plain_dump(c, *cctx, depth + 1, true)?, item));
                    }
                }
                keyed.sort_by(|a, b| a.0.cmp(&b.0));
                items = keyed.into_iter().map(|(_, item)| item).collect();
            }
            tasks.extend(items.into_iter().rev().map(|item| (item, depth + 1)));
        }
        Ok(out)
    }

    /// The type byte (with `flag`) and everything before the children: a scalar's whole
    /// payload, a container's size, a code object's five leading ints.
    fn header(&self, v: &Constant, ctx: Ctx, flag: u8) -> Result<Vec<u8>> {
        let mut out = Vec::new();
        let interned = is_interned(v, ctx);
        let float = |out: &mut Vec<u8>, x: f64| {
            if self.version > 1 {
                out.extend_from_slice(&x.to_le_bytes());
            } else {
                let s = format_float_g17(x);
                out.push(s.len() as u8);
                out.extend_from_slice(s.as_bytes());
            }
        };
        match v {
            Constant::Int(i) => match i32::try_from(i) {
                Ok(small) => {
                    out.push(TYPE_INT | flag);
                    out.extend_from_slice(&small.to_le_bytes());
                }
                Err(_) => {
                    out.push(TYPE_LONG | flag);
                    let (sign, mag) = i.to_u32_digits();
                    let digits = base15_digits(&mag);
                    let n = i32::try_from(digits.len()).map_err(|_| unmarshallable())?;
                    let n = if sign == Sign::Minus { -n } else { n };
                    out.extend_from_slice(&n.to_le_bytes());
                    for d in digits {
                        out.extend_from_slice(&d.to_le_bytes());
                    }
                }
            },
            Constant::Float(x) => {
                out.push(if self.version > 1 { TYPE_BINARY_FLOAT } else { TYPE_FLOAT } | flag);
                float(&mut out, *x);
            }
            Constant::Complex { re, im } => {
                out.push(if self.version > 1 { TYPE_BINARY_COMPLEX } else { TYPE_COMPLEX } | flag);
                float(&mut out, *re);
                float(&mut out, *im);
            }
            Constant::Bytes(b) => {
                out.push(TYPE_STRING | flag);
                size_bytes(&mut out, b.len())?;
                out.extend_from_slice(b);
            }
            Constant::Str(s) if self.version >= 4 && s.is_ascii() => {
                if s.len() < 256 {
                    let ty = if interned { TYPE_SHORT_ASCII_INTERNED } else { TYPE_SHORT_ASCII };
                    out.push(ty | flag);
                    out.push(s.len() as u8);
                } else {
                    out.push(if interned { TYPE_ASCII_INTERNED } else { TYPE_ASCII } | flag);
                    size_bytes(&mut out, s.len())?;
                }
                out.extend_from_slice(s.as_bytes());
            }
            Constant::Str(s) => {
                // CPython writes `s.encode('utf-8', 'surrogatepass')`.
                let pass;
                let bytes: &[u8] = if crate::surrogate::has_surrogates(s) {
                    pass = crate::surrogate::encode_surrogatepass(s);
                    &pass
                } else {
                    s.as_bytes()
                };
                let ty = if self.version >= 3 && interned { TYPE_INTERNED } else { TYPE_UNICODE };
                out.push(ty | flag);
                size_bytes(&mut out, bytes.len())?;
                out.extend_from_slice(bytes);
            }
            Constant::Tuple(items) => {
                if self.version >= 4 && items.len() < 256 {
                    out.push(TYPE_SMALL_TUPLE | flag);
                    out.push(items.len() as u8);
                } else {
                    out.push(TYPE_TUPLE | flag);
                    size_bytes(&mut out, items.len())?;
                }
            }
            Constant::List(items) | Constant::Set(items) | Constant::FrozenSet(items) => {
                let ty = match v {
                    Constant::List(_) => TYPE_LIST,
                    Constant::Set(_) => TYPE_SET,
                    _ => TYPE_FROZENSET,
                };
                out.push(ty | flag);
                size_bytes(&mut out, items.len())?;
            }
            Constant::Dict(_) => out.push(TYPE_DICT | flag),
            Constant::Code(c) => {
                out.push(TYPE_CODE | flag);
                for n in [c.argcount, c.posonlyargcount, c.kwonlyargcount, c.stacksize, c.flags] {
                    out.extend_from_slice(&n.to_le_bytes());
                }
            }
            Constant::None | Constant::Bool(_) | Constant::Ellipsis | Constant::StopIteration => {
                out.extend(singleton_code(v));
            }
        }
        Ok(out)
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
