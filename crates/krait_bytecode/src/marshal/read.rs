//! The marshal reader (CPython 3.11 `r_object`): every type code of versions 0–4, refs,
//! bounded depth and allocation, CPython's exceptions for malformed data.

use super::error::{ErrorKind, MarshalError, Result};
use super::text::{decode_surrogatepass, latin1, parse_float};
use super::types::*;
use crate::code::{CodeFlags, LocalKind};
use crate::{CodeObject, Constant};
use num_bigint::{BigInt, BigUint, Sign};
use std::rc::Rc;

/// CPython's `MAX_MARSHAL_STACK_DEPTH`.
pub const MAX_DEPTH: u32 = 2000;

/// Largest size CPython accepts for a length field (`SIZE32_MAX`).
const SIZE32_MAX: i32 = i32::MAX;

/// A slot of the reference table.
enum Slot {
    /// Reserved; being read (a reference to it is an error).
    Pending,
    Done(Constant),
}

/// State of one `marshal.loads` call (CPython's `RFILE`).
pub(crate) struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    refs: Vec<Slot>,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(data: &'a [u8]) -> Reader<'a> {
        Reader { data, pos: 0, refs: Vec::new() }
    }

    /// Bytes consumed so far.
    pub(crate) fn position(&self) -> usize {
        self.pos
    }

    /// `read_object`: one top-level object; a bare NULL is a TypeError.
    pub(crate) fn read_top(&mut self) -> Result<Constant> {
        self.read_object()?.ok_or_else(|| MarshalError::null_in("object"))
    }

    fn remaining(&self) -> usize {
        self.data.len() - self.pos
    }

    /// `r_string`: exactly `n` bytes or "marshal data too short".
    fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        if self.remaining() < n {
            return Err(MarshalError::too_short());
        }
        let s = &self.data[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    /// `r_byte` where the byte is a length or count.
    fn byte_len(&mut self) -> Result<usize> {
        let b = *self.data.get(self.pos).ok_or_else(MarshalError::eof_not_expected)?;
        self.pos += 1;
        Ok(usize::from(b))
    }

    fn i32(&mut self) -> Result<i32> {
        let b = self.take(4)?;
        Ok(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn f64(&mut self) -> Result<f64> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(f64::from_le_bytes(a))
    }

    /// A 32-bit size field, checked to be in `0..=SIZE32_MAX`.
    fn size(&mut self, what: &str) -> Result<usize> {
        let n = self.i32()?;
        if !(0..=SIZE32_MAX).contains(&n) {
            return Err(MarshalError::bad(&format!("{what} size out of range")));
        }
        Ok(n as usize)
    }

    /// Capacity to reserve for `n` claimed items: never more than the bytes left (each item
    /// takes at least one byte), so a huge claimed length allocates nothing up front.
    fn capacity(&self, n: usize) -> usize {
        n.min(self.remaining())
    }

    /// `r_ref_reserve`: reserves a slot when the FLAG_REF bit was set.
    fn reserve(&mut self, flag: bool) -> Result<Option<usize>> {
        if !flag {
            return Ok(None);
        }
        if self.refs.len() >= 0x7fff_fffe {
            return Err(MarshalError::bad("index list too large"));
        }
        self.refs.push(Slot::Pending);
        Ok(Some(self.refs.len() - 1))
    }

    fn fill(&mut self, slot: Option<usize>, v: &Constant) {
        if let Some(i) = slot {
            self.refs[i] = Slot::Done(v.clone());
        }
    }

    /// `r_object`: `Ok(None)` is CPython's NULL-without-error (TYPE_NULL, or a code object
    /// with a NULL field), which the caller turns into its own error. Containers are read with
    /// an explicit stack of [`Frame`]s, so nesting costs heap, not Rust stack.
    pub(crate) fn read_object(&mut self) -> Result<Option<Constant>> {
        let mut frames: Vec<Frame> = Vec::new();
        loop {
            if let Some(Frame::Code { fields, firstlineno: firstlineno @ None, .. }) = frames.last_mut() {
                if fields.len() == 8 {
                    *firstlineno = Some(self.i32()?);
                }
            }
            let mut ready = match self.read_header(frames.len() as u32 + 1)? {
                Step::Value(v) => v,
                Step::Open(frame) if frame.is_complete() => self.finish(frame)?,
                Step::Open(frame) => {
                    frames.push(frame);
                    continue;
                }
            };
            // Hand the value to the innermost open container; close the ones that are full.
            loop {
                let Some(top) = frames.last_mut() else { return Ok(ready) };
                top.deliver(ready)?;
                if !top.is_complete() {
                    break;
                }
                let Some(done) = frames.pop() else { break };
                ready = self.finish(done)?;
            }
        }
    }

    /// Reads a type byte and either a whole scalar or a container's header.
    fn read_header(&mut self, depth: u32) -> Result<Step> {
        let Some(&code) = self.data.get(self.pos) else {
            return Err(MarshalError::new(ErrorKind::EOFError, "EOF read where object expected"));
        };
        self.pos += 1;
        if depth > MAX_DEPTH {
            return Err(MarshalError::new(ErrorKind::ValueError, "recursion limit exceeded"));
        }
        let (ty, flag) = (code & 0x7F, code & FLAG_REF != 0);
        let v = match ty {
            TYPE_NULL => return Ok(Step::Value(None)),
            TYPE_NONE => Constant::None,
            TYPE_FALSE => Constant::Bool(false),
            TYPE_TRUE => Constant::Bool(true),
            TYPE_STOPITER => Constant::StopIteration,
            TYPE_ELLIPSIS => Constant::Ellipsis,
            TYPE_REF => self.read_ref()?,
            TYPE_SMALL_TUPLE | TYPE_TUPLE | TYPE_LIST | TYPE_SET | TYPE_FROZENSET => {
                let left = match ty {
                    TYPE_SMALL_TUPLE => self.byte_len()?,
                    TYPE_TUPLE => self.size("tuple")?,
                    TYPE_LIST => self.size("list")?,
                    _ => self.size("set")?,
                };
                let slot = self.reserve(flag)?;
                let items = Vec::with_capacity(self.capacity(left));
                return Ok(Step::Open(Frame::Seq { ty, left, items, slot }));
            }
            TYPE_DICT => {
                let slot = self.reserve(flag)?;
                return Ok(Step::Open(Frame::Dict { key: None, items: Vec::new(), ended: false, slot }));
            }
            TYPE_CODE => {
                let slot = self.reserve(flag)?;
                let mut counts = [0i32; 5];
                for c in &mut counts {
                    *c = self.i32()?;
                }
                let fields = Vec::with_capacity(10);
                return Ok(Step::Open(Frame::Code { counts, firstlineno: None, fields, null: false, slot }));
            }
            _ => {
                let slot = self.reserve(flag)?;
                let v = self.read_scalar(ty)?;
                self.fill(slot, &v);
                v
            }
        };
        Ok(Step::Value(Some(v)))
    }

    fn read_ref(&mut self) -> Result<Constant> {
        let n = self.i32()?;
        match usize::try_from(n).ok().and_then(|i| self.refs.get(i)) {
            Some(Slot::Done(v)) => Ok(v.clone()),
            // CPython allows a tuple/list/dict/set to contain itself; plain data cannot.
            _ => Err(MarshalError::bad("invalid reference")),
        }
    }

    /// Ints, floats, complexes, bytes and strs.
    fn read_scalar(&mut self, ty: u8) -> Result<Constant> {
        Ok(match ty {
            TYPE_INT => Constant::Int(BigInt::from(self.i32()?)),
            TYPE_INT64 => {
                let b = self.take(8)?;
                let mut a = [0u8; 8];
                a.copy_from_slice(b);
                Constant::Int(BigInt::from(i64::from_le_bytes(a)))
            }
            TYPE_LONG => Constant::Int(self.read_long()?),
            TYPE_FLOAT => Constant::Float(self.read_float_text()?),
            TYPE_BINARY_FLOAT => Constant::Float(self.f64()?),
            TYPE_COMPLEX => {
                let re = self.read_float_text()?;
                Constant::Complex { re, im: self.read_float_text()? }
            }
            TYPE_BINARY_COMPLEX => {
                let re = self.f64()?;
                Constant::Complex { re, im: self.f64()? }
            }
            TYPE_STRING => {
                let n = self.size("bytes object")?;
                Constant::Bytes(Rc::from(self.take(n)?))
            }
            TYPE_UNICODE | TYPE_INTERNED => {
                let n = self.size("string")?;
                decode_surrogatepass(self.take(n)?)?
            }
            TYPE_ASCII | TYPE_ASCII_INTERNED => {
                let n = self.size("string")?;
                Constant::Str(latin1(self.take(n)?))
            }
            TYPE_SHORT_ASCII | TYPE_SHORT_ASCII_INTERNED => {
                let n = self.byte_len()?;
                Constant::Str(latin1(self.take(n)?))
            }
            _ => return Err(MarshalError::bad("unknown type code")),
        })
    }

    /// `r_PyLong`: a sign-and-count followed by base-2**15 digits, least significant first.
    fn read_long(&mut self) -> Result<BigInt> {
        let n = self.i32()?;
        if n < -SIZE32_MAX {
            return Err(MarshalError::bad("long size out of range"));
        }
        let count = n.unsigned_abs() as usize;
        let mut words: Vec<u32> = Vec::with_capacity(self.capacity(count) / 2 + 1);
        let mut acc: u64 = 0;
        let mut bits = 0;
        for i in 0..count {
            let b = self.take(2)?;
            let d = u16::from_le_bytes([b[0], b[1]]);
            if d >= 0x8000 {
                return Err(MarshalError::bad("digit out of range in long"));
            }
            if d == 0 && i + 1 == count {
                return Err(MarshalError::bad("unnormalized long data"));
            }
            acc |= u64::from(d) << bits;
            bits += 15;
            if bits >= 32 {
                words.push(acc as u32);
                acc >>= 32;
                bits -= 32;
            }
        }
        words.push(acc as u32);
        let sign = if n < 0 { Sign::Minus } else { Sign::Plus };
        Ok(BigInt::from_biguint(sign, BigUint::new(words)))
    }

    /// A version 0/1 float: a one-byte length and ASCII text.
    fn read_float_text(&mut self) -> Result<f64> {
        let n = self.byte_len()?;
        parse_float(self.take(n)?)
    }

    /// Builds the value of a complete frame and fills its ref slot.
    fn finish(&mut self, frame: Frame) -> Result<Option<Constant>> {
        let (v, slot) = match frame {
            Frame::Seq { ty, items, slot, .. } => {
                let items: Rc<[Constant]> = items.into();
                let v = match ty {
                    TYPE_SMALL_TUPLE | TYPE_TUPLE => Constant::Tuple(items),
                    TYPE_LIST => Constant::List(items),
                    TYPE_SET => Constant::Set(items),
                    _ => Constant::FrozenSet(items),
                };
                (v, slot)
            }
            Frame::Dict { items, slot, .. } => (Constant::Dict(items.into()), slot),
            // A NULL field makes the whole code object NULL, without an error.
            Frame::Code { null: true, .. } => return Ok(None),
            Frame::Code { counts, firstlineno, fields, slot, .. } => {
                let [argcount, posonly, kwonly, stacksize, flags] = counts;
                let mut f = fields.into_iter();
                let mut next = || f.next().unwrap_or(Constant::None);
                let raw = RawCode {
                    counts: [argcount, posonly, kwonly, stacksize, flags, firstlineno.unwrap_or(0)],
                    code: next(),
                    consts: next(),
                    names: next(),
                    localsplusnames: next(),
                    localspluskinds: next(),
                    filename: next(),
                    name: next(),
                    qualname: next(),
                    linetable: next(),
                    exceptiontable: next(),
                };
                (Constant::Code(Rc::new(raw.build()?)), slot)
            }
        };
        self.fill(slot, &v);
        Ok(Some(v))
    }
}

/// What one type byte started.
enum Step {
    /// A complete value (or NULL).
    Value(Option<Constant>),
    /// A container whose items follow.
    Open(Frame),
}

/// A container being read.
enum Frame {
    /// Tuple, list, set or frozenset with `left` items still to read.
    Seq { ty: u8, left: usize, items: Vec<Constant>, slot: Option<usize> },
    /// A dict: `key` is read and waits for its value; `ended` after the NULL terminator.
    Dict { key: Option<Constant>, items: Vec<(Constant, Constant)>, ended: bool, slot: Option<usize> },
    /// A code object: the five leading i32s, then its ten object fields (firstlineno read after
    /// the eighth); `null` once a field was NULL.
    Code { counts: [i32; 5], firstlineno: Option<i32>, fields: Vec<Constant>, null: bool, slot: Option<usize> },
}

impl Frame {
    fn is_complete(&self) -> bool {
        match self {
            Frame::Seq { left, .. } => *left == 0,
            Frame::Dict { ended, .. } => *ended,
            Frame::Code { fields, null, .. } => *null || fields.len() == 10,
        }
    }

    /// Hands the next child (or NULL) to this container.
    fn deliver(&mut self, v: Option<Constant>) -> Result<()> {
        match self {
            Frame::Seq { ty, left, items, .. } => {
                let what = match *ty {
                    TYPE_LIST => "list",
                    TYPE_SET | TYPE_FROZENSET => "set",
                    _ => "tuple",
                };
                let v = v.ok_or_else(|| MarshalError::null_in(what))?;
                if what == "set" {
                    check_hashable(&v)?;
                }
                items.push(v);
                *left -= 1;
            }
            // As in CPython, a NULL key or a NULL value ends the dict (dropping that key).
            Frame::Dict { key, items, ended, .. } => match (v, key.take()) {
                (None, _) => *ended = true,
                (Some(k), None) => *key = Some(k),
                (Some(value), Some(k)) => {
                    check_hashable(&k)?;
                    items.push((k, value));
                }
            },
            Frame::Code { fields, null, .. } => match v {
                Some(v) => fields.push(v),
                None => *null = true,
            },
        }
        Ok(())
    }
}

/// Fails with CPython's TypeError when `v` cannot be a set element or dict key.
fn check_hashable(v: &Constant) -> Result<()> {
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        match v {
            Constant::List(_) | Constant::Dict(_) | Constant::Set(_) => {
                let msg = format!("unhashable type: '{}'", v.type_name());
                return Err(MarshalError::new(ErrorKind::TypeError, msg));
            }
            Constant::Tuple(items) => stack.extend(items.iter()),
            Constant::Code(code) => stack.extend(code.consts.iter()),
            _ => {}
        }
    }
    Ok(())
}

/// The fields of a `c` record before validation.
struct RawCode {
    counts: [i32; 6],
    code: Constant,
    consts: Constant,
    names: Constant,
    localsplusnames: Constant,
    localspluskinds: Constant,
    filename: Constant,
    name: Constant,
    qualname: Constant,
    linetable: Constant,
    exceptiontable: Constant,
}

/// CPython's `PyErr_BadInternalCall` (how `_PyCode_Validate` rejects mistyped fields).
fn bad_internal_call() -> MarshalError {
    MarshalError::new(ErrorKind::SystemError, "bad argument to internal function")
}

fn as_bytes(v: Constant) -> Result<Rc<[u8]>> {
    match v {
        Constant::Bytes(b) => Ok(b),
        _ => Err(bad_internal_call()),
    }
}

fn as_str(v: Constant) -> Result<Rc<str>> {
    match v {
        Constant::Str(s) => Ok(s),
        _ => Err(bad_internal_call()),
    }
}

fn as_tuple(v: Constant) -> Result<Vec<Constant>> {
    match v {
        Constant::Tuple(items) => Ok(items.to_vec()),
        _ => Err(bad_internal_call()),
    }
}

fn as_names(v: Constant) -> Result<Vec<Rc<str>>> {
    as_tuple(v)?.into_iter().map(as_str).collect()
}

impl RawCode {
    /// The checks of `_PyCode_Validate`, then the [`CodeObject`].
    fn build(self) -> Result<CodeObject> {
        let [argcount, posonly, kwonly, stacksize, flags, firstlineno] = self.counts;
        let filename = as_str(self.filename)?;
        let name = as_str(self.name)?;
        let qualname = as_str(self.qualname)?;
        let code = as_bytes(self.code)?;
        let consts = as_tuple(self.consts)?;
        let names = as_names(self.names)?;
        let localsplusnames = as_names(self.localsplusnames)?;
        let localspluskinds = as_bytes(self.localspluskinds)?.to_vec();
        let linetable = as_bytes(self.linetable)?;
        let exceptiontable = as_bytes(self.exceptiontable)?;
        if localsplusnames.len() != localspluskinds.len() {
            return Err(bad_internal_call());
        }
        if code.len() % 2 != 0 {
            return Err(MarshalError::new(ErrorKind::ValueError, "code: co_code is malformed"));
        }
        let nlocals = localspluskinds.iter().filter(|&&k| k & LocalKind::LOCAL != 0).count() as i64;
        let flags_u = flags as u32;
        let nplain = nlocals
            - i64::from(flags_u & CodeFlags::VARARGS != 0)
            - i64::from(flags_u & CodeFlags::VARKEYWORDS != 0);
        if argcount < posonly || nplain < i64::from(argcount) + i64::from(kwonly) {
            return Err(MarshalError::new(ErrorKind::ValueError, "code: co_varnames is too small"));
        }
        let unsigned = |v: i32| {
            u32::try_from(v).map_err(|_| MarshalError::bad("negative count in code object"))
        };
        Ok(CodeObject {
            argcount: unsigned(argcount)?,
            posonlyargcount: unsigned(posonly)?,
            kwonlyargcount: unsigned(kwonly)?,
            stacksize: unsigned(stacksize)?,
            flags: flags_u,
            code,
            consts,
            names,
            localsplusnames,
            localspluskinds,
            filename,
            name,
            qualname,
            firstlineno: unsigned(firstlineno)?,
            linetable,
            exceptiontable,
        })
    }
}
