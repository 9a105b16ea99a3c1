//! Constants: the dedup key (CPython's `_PyCode_ConstantKey`) and conversion of AST
//! constant values to code-object constants.

use krait_bytecode::Constant;
use krait_syntax::ast::ConstantValue;
use num_bigint::BigInt;
use std::hash::BuildHasher;
use std::rc::Rc;

/// A hashable identity of a constant: kind and value, floats by bit pattern, so `1`, `1.0`
/// and `True` (or `0.0` and `-0.0`) stay distinct.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum ConstKey {
    None,
    Ellipsis,
    StopIteration,
    Bool(bool),
    Int(BigInt),
    Float(u64),
    Complex(u64, u64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    Tuple(Vec<ConstKey>),
    FrozenSet(Vec<ConstKey>),
    /// Code objects compare by value as `code_richcompare` does.
    Code(Box<CodeKey>),
    /// The marshal-only containers: by identity.
    Object(usize),
}

/// The fields `code_richcompare` compares (so identical code objects are merged).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct CodeKey {
    name: Rc<str>,
    counts: (u32, u32, u32, u32, u32),
    code: Rc<[u8]>,
    consts: Vec<ConstKey>,
    names: Vec<Rc<str>>,
    localsplusnames: Vec<Rc<str>>,
    linetable: Rc<[u8]>,
    exceptiontable: Rc<[u8]>,
}

impl ConstKey {
    pub fn of(c: &Constant) -> ConstKey {
        match c {
            Constant::None => ConstKey::None,
            Constant::Ellipsis => ConstKey::Ellipsis,
            Constant::StopIteration => ConstKey::StopIteration,
            Constant::Bool(b) => ConstKey::Bool(*b),
            Constant::Int(i) => ConstKey::Int(i.clone()),
            Constant::Float(f) => ConstKey::Float(f.to_bits()),
            Constant::Complex { re, im } => ConstKey::Complex(re.to_bits(), im.to_bits()),
            Constant::Str(s) => ConstKey::Str(s.clone()),
            Constant::Bytes(b) => ConstKey::Bytes(b.clone()),
            Constant::Tuple(t) => ConstKey::Tuple(t.iter().map(ConstKey::of).collect()),
            Constant::FrozenSet(t) => ConstKey::FrozenSet(t.iter().map(ConstKey::of).collect()),
            Constant::Code(c) => ConstKey::Code(Box::new(CodeKey {
                name: c.name.clone(),
                counts: (c.argcount, c.posonlyargcount, c.kwonlyargcount, c.flags, c.firstlineno),
                code: c.code.clone(),
                consts: c.consts.iter().map(ConstKey::of).collect(),
                names: c.names.clone(),
                localsplusnames: c.localsplusnames.clone(),
                linetable: c.linetable.clone(),
                exceptiontable: c.exceptiontable.clone(),
            })),
            Constant::List(l) | Constant::Set(l) => ConstKey::Object(Rc::as_ptr(l) as *const u8 as usize),
            Constant::Dict(d) => ConstKey::Object(Rc::as_ptr(d) as *const u8 as usize),
        }
    }
}

/// An AST constant as a code-object constant.
pub(crate) fn to_constant(v: &ConstantValue) -> Constant {
    match v {
        ConstantValue::None => Constant::None,
        ConstantValue::Ellipsis => Constant::Ellipsis,
        ConstantValue::Bool(b) => Constant::Bool(*b),
        ConstantValue::Int(i) => Constant::Int(i.clone()),
        ConstantValue::Float(f) => Constant::Float(*f),
        ConstantValue::Complex { re, im } => Constant::Complex { re: *re, im: *im },
        ConstantValue::Str(s) => Constant::Str(s.clone()),
        ConstantValue::Bytes(b) => Constant::Bytes(b.clone()),
        ConstantValue::Tuple(t) => Constant::Tuple(t.iter().map(to_constant).collect()),
        ConstantValue::FrozenSet(t) => Constant::FrozenSet(t.iter().map(to_constant).collect()),
    }
}

pub(crate) fn str_const(s: &str) -> Constant {
    Constant::Str(Rc::from(s))
}

pub(crate) fn int_const(i: i64) -> Constant {
    Constant::Int(BigInt::from(i))
}

/// A tuple of strings (KW_NAMES operands, import from-lists, keyword-default names).
pub(crate) fn str_tuple<'s>(names: impl IntoIterator<Item = &'s Rc<str>>) -> Constant {
    Constant::Tuple(names.into_iter().map(|n| Constant::Str(n.clone())).collect())
}

/// The constant dedup table of one code unit (CPython's `u_consts` dict): each key's hash is
/// kept with it, so growing the table never hashes a key (a code object's key) again.
#[derive(Default)]
pub(crate) struct ConstIndex {
    hasher: hashbrown::DefaultHashBuilder,
    table: hashbrown::HashTable<(u64, ConstKey, u32)>,
}

impl ConstIndex {
    /// The index recorded for `key`, or `Err(next)` after recording `next` for it.
    pub fn get_or_insert(&mut self, key: ConstKey, next: u32) -> Result<u32, u32> {
        let hash = self.hasher.hash_one(&key);
        if let Some(&(_, _, i)) = self.table.find(hash, |e| e.1 == key) {
            return Ok(i);
        }
        self.table.insert_unique(hash, (hash, key, next), |e| e.0);
        Err(next)
    }
}
