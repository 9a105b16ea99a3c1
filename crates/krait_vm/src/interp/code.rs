//! The VM's form of a code object: decoded once into an instruction array (EXTENDED_ARG
//! folded, CACHE units kept in place so offsets match co_code), constants and names as
//! Python values, and the decoded exception table.

use crate::object::{PyRef, Value};

use krait_bytecode::{CodeObject, Opcode};
use std::cell::Cell;
use std::rc::Rc;

/// One code unit of decoded bytecode. `arg` is the full argument (EXTENDED_ARG prefixes
/// folded in); the prefix units themselves decode to `ExtendedArg` and are skipped.
#[derive(Clone, Copy, Debug)]
pub struct Instr {
    pub op: Opcode,
    /// Code units from this instruction to the next: 1 plus its CACHE entries (so the
    /// loop steps over them without a table lookup).
    pub size: u8,
    pub arg: u32,
}

/// What an attribute instruction learnt about `type(obj)` and the name, valid while the
/// type version is unchanged (see `types::bootstrap::current_type_version`).
#[derive(Default)]
pub struct AttrCache {
    /// The type the entry is for (None: empty).
    pub ty: Option<PyRef>,
    pub version: u32,
    pub kind: AttrKind,
    /// The class attribute (for `Method` and `ClassValue`).
    pub value: Value,
    /// Where `name` was last found in the instance dict's entries: a hint checked by
    /// key identity before it is trusted (instances built alike store alike).
    pub pos: Cell<u32>,
}

/// An attribute instruction's cache: entries for up to four types (sites that see a
/// base class and subclasses, say); a miss replaces the oldest entry.
#[derive(Default)]
pub struct AttrSite {
    pub entries: [AttrCache; ATTR_SITE_WAYS],
    /// The entry the next miss replaces.
    pub next: u8,
}

/// Entries per attribute site.
pub const ATTR_SITE_WAYS: usize = 4;

/// How `obj.name` resolves for instances of a cached type whose attribute access is the
/// generic one.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub enum AttrKind {
    /// Not cacheable: take the generic path.
    #[default]
    Generic,
    /// No class attribute: only the instance dict.
    InstanceOnly,
    /// A class attribute that is not a descriptor: the instance dict, then this value.
    ClassValue,
    /// A plain method (function or method descriptor): the instance dict, else bind it.
    Method,
    /// A `__slots__` member: the instance's slot values at the index kept in `pos`.
    Slot,
}

/// An exception-table entry in code units.
#[derive(Clone, Copy, Debug)]
pub struct Handler {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub lasti: bool,
}

/// A code object as the VM runs it.
pub struct Code {
    pub raw: Rc<CodeObject>,
    /// One entry per code unit; quickening rewrites `op` in place.
    pub instrs: Box<[Cell<Instr>]>,
    /// Inline-cache words, one per code unit: an instruction's cache data lives in the
    /// words of the CACHE units that follow it (never read as instructions).
    pub caches: Box<[Cell<u64>]>,
    /// Attribute caches of LOAD_ATTR/LOAD_METHOD/STORE_ATTR, indexed by the number in
    /// the instruction's first cache word.
    pub attr_caches: Box<[std::cell::RefCell<AttrSite>]>,
    pub consts: Box<[Value]>,
    /// co_names as interned str objects.
    pub names: Box<[PyRef]>,
    /// co_localsplusnames as interned str objects.
    pub localsplusnames: Box<[PyRef]>,
    pub handlers: Box<[Handler]>,
    pub name: PyRef,
    pub qualname: PyRef,
    pub filename: PyRef,
    /// The Python code object last made for this code (`Vm::code_object`), so that
    /// `f.__code__ is f.__code__`; weak, as that object holds this code.
    pub pyobj: std::cell::RefCell<Option<crate::object::PyWeak>>,
}

impl Code {
    #[inline]
    pub fn nlocalsplus(&self) -> usize {
        self.localsplusnames.len()
    }

    #[inline]
    pub fn stacksize(&self) -> usize {
        self.raw.stacksize as usize
    }

    #[inline]
    pub fn flags(&self) -> u32 {
        self.raw.flags
    }
}

/// Decode `co_code` into instructions (EXTENDED_ARG folded). The code has been verified.
pub fn decode(code: &[u8]) -> Box<[Cell<Instr>]> {
    let mut out = Vec::with_capacity(code.len() / 2);
    let mut ext: u32 = 0;
    for unit in code.chunks_exact(2) {
        let op = Opcode::from_u8(unit[0]).unwrap_or(Opcode::Nop);
        let arg = (ext << 8) | unit[1] as u32;
        ext = if op == Opcode::ExtendedArg { arg } else { 0 };
        out.push(Cell::new(Instr { op, size: 1 + op.cache_entries(), arg }));
    }
    fuse_pairs(&mut out);
    out.into_boxed_slice()
}

/// CPython's superinstructions (as `_PyCode_Quicken` makes them): a LOAD_FAST, LOAD_CONST
/// or STORE_FAST directly followed by one of them becomes one instruction that runs both
/// (`size` 2, the second's argument read from the unit after it) — one dispatch instead
/// of two. The second instruction stays in place for jumps into it, and a superinstruction
/// the fast path declines (an unbound local) runs as its first half only, so every
/// handler of one also handles the base opcode (`Opcode::deopt`).
fn fuse_pairs(instrs: &mut [Cell<Instr>]) {
    for i in 0..instrs.len().saturating_sub(1) {
        let (first, second) = (instrs[i].get(), instrs[i + 1].get());
        let fused = match (first.op, second.op) {
            (Opcode::LoadFast, Opcode::LoadFast) => Opcode::LoadFastLoadFast,
            (Opcode::LoadFast, Opcode::LoadConst) => Opcode::LoadFastLoadConst,
            (Opcode::LoadConst, Opcode::LoadFast) => Opcode::LoadConstLoadFast,
            (Opcode::StoreFast, Opcode::LoadFast) => Opcode::StoreFastLoadFast,
            (Opcode::StoreFast, Opcode::StoreFast) => Opcode::StoreFastStoreFast,
            _ => continue,
        };
        instrs[i].set(Instr { op: fused, size: 2, ..first });
    }
}

/// Decode a 3.11 exception table (varint entries: start, length, target, depth<<1|lasti).
pub fn decode_handlers(table: &[u8]) -> Box<[Handler]> {
    fn varint(table: &[u8], pos: &mut usize) -> Option<u32> {
        let mut b = *table.get(*pos)? as u32;
        *pos += 1;
        let mut val = b & 63;
        while b & 64 != 0 {
            b = *table.get(*pos)? as u32;
            *pos += 1;
            val = (val << 6) | (b & 63);
        }
        Some(val)
    }
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < table.len() {
        let entry = (|| {
            let start = varint(table, &mut pos)?;
            let len = varint(table, &mut pos)?;
            let target = varint(table, &mut pos)?;
            let dl = varint(table, &mut pos)?;
            Some(Handler { start, end: start + len, target, depth: dl >> 1, lasti: dl & 1 != 0 })
        })();
        match entry {
            Some(h) => out.push(h),
            None => break,
        }
    }
    out.into_boxed_slice()
}
