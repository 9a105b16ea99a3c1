//! The code object as plain data: exactly the fields CPython 3.11 marshals, plus derived views.

use num_bigint::BigInt;
use std::rc::Rc;

/// A constant in `co_consts` (also the value model of marshal for code objects).
#[derive(Clone, Debug)]
pub enum Constant {
    None,
    Ellipsis,
    /// The `StopIteration` class (marshal type `S`); never produced by the compiler.
    StopIteration,
    Bool(bool),
    /// An int of any size.
    Int(BigInt),
    Float(f64),
    Complex { re: f64, im: f64 },
    /// A str; lone surrogates are stored as their stand-ins (see [`crate::surrogate`]).
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    Tuple(Rc<[Constant]>),
    /// Elements in marshal order.
    FrozenSet(Rc<[Constant]>),
    Code(Rc<CodeObject>),
    /// A list (marshal only; never in co_consts).
    List(Rc<[Constant]>),
    /// A dict's items in insertion order (marshal only; never in co_consts).
    Dict(Rc<[(Constant, Constant)]>),
    /// A set, elements in marshal order (marshal only; never in co_consts).
    Set(Rc<[Constant]>),
}

impl Constant {
    /// Identity of kind and value as CPython's compiler merges constants (`_PyCode_ConstantKey`):
    /// `1`, `1.0` and `True` are distinct; `0.0` and `-0.0` are distinct; NaNs compare by bits.
    pub fn same_constant(&self, other: &Constant) -> bool {
        use Constant::*;
        match (self, other) {
            (None, None) | (Ellipsis, Ellipsis) | (StopIteration, StopIteration) => true,
            (Bool(a), Bool(b)) => a == b,
            (Int(a), Int(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            (Complex { re: a, im: b }, Complex { re: c, im: d }) => {
                a.to_bits() == c.to_bits() && b.to_bits() == d.to_bits()
            }
            (Str(a), Str(b)) => a == b,
            (Bytes(a), Bytes(b)) => a == b,
            (Tuple(a), Tuple(b)) | (FrozenSet(a), FrozenSet(b)) => {
                a.len() == b.len() && a.iter().zip(b.iter()).all(|(x, y)| x.same_constant(y))
            }
            (Code(a), Code(b)) => Rc::ptr_eq(a, b),
            (List(a), List(b)) | (Set(a), Set(b)) => Rc::ptr_eq(a, b),
            (Dict(a), Dict(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }

    /// Deep structural equality: like [`Constant::same_constant`], but code objects, lists, dicts
    /// and sets compare by content, and sets/frozensets ignore element order. Used to check that
    /// a marshal round trip preserved a value.
    pub fn deep_eq(&self, other: &Constant) -> bool {
        use Constant::*;
        match (self, other) {
            (Tuple(a), Tuple(b)) | (List(a), List(b)) => slices_deep_eq(a, b),
            (FrozenSet(a), FrozenSet(b)) | (Set(a), Set(b)) => {
                a.len() == b.len() && a.iter().all(|x| b.iter().any(|y| x.deep_eq(y)))
            }
            (Dict(a), Dict(b)) => {
                a.len() == b.len()
                    && a.iter().zip(b.iter()).all(|((k1, v1), (k2, v2))| k1.deep_eq(k2) && v1.deep_eq(v2))
            }
            (Code(a), Code(b)) => Rc::ptr_eq(a, b) || a.deep_eq(b),
            _ => self.same_constant(other),
        }
    }

    /// Python's type name for the value (`type(v).__name__`).
    pub fn type_name(&self) -> &'static str {
        use Constant::*;
        match self {
            None => "NoneType",
            Ellipsis => "ellipsis",
            StopIteration => "type",
            Bool(_) => "bool",
            Int(_) => "int",
            Float(_) => "float",
            Complex { .. } => "complex",
            Str(_) => "str",
            Bytes(_) => "bytes",
            Tuple(_) => "tuple",
            FrozenSet(_) => "frozenset",
            Code(_) => "code",
            List(_) => "list",
            Dict(_) => "dict",
            Set(_) => "set",
        }
    }
}

fn slices_deep_eq(a: &[Constant], b: &[Constant]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.deep_eq(y))
}

/// `co_flags` bits (CPython's `CO_*`).
pub struct CodeFlags;

impl CodeFlags {
    pub const OPTIMIZED: u32 = 0x0001;
    pub const NEWLOCALS: u32 = 0x0002;
    pub const VARARGS: u32 = 0x0004;
    pub const VARKEYWORDS: u32 = 0x0008;
    pub const NESTED: u32 = 0x0010;
    pub const GENERATOR: u32 = 0x0020;
    pub const NOFREE: u32 = 0x0040;
    pub const COROUTINE: u32 = 0x0080;
    pub const ITERABLE_COROUTINE: u32 = 0x0100;
    pub const ASYNC_GENERATOR: u32 = 0x0200;
    pub const FUTURE_DIVISION: u32 = 0x20000;
    pub const FUTURE_ABSOLUTE_IMPORT: u32 = 0x40000;
    pub const FUTURE_WITH_STATEMENT: u32 = 0x80000;
    pub const FUTURE_PRINT_FUNCTION: u32 = 0x100000;
    pub const FUTURE_UNICODE_LITERALS: u32 = 0x200000;
    pub const FUTURE_BARRY_AS_BDFL: u32 = 0x400000;
    pub const FUTURE_GENERATOR_STOP: u32 = 0x800000;
    pub const FUTURE_ANNOTATIONS: u32 = 0x1000000;
}

/// `co_localspluskinds` bits (CPython's `CO_FAST_*`).
pub struct LocalKind;

impl LocalKind {
    pub const LOCAL: u8 = 0x20;
    pub const CELL: u8 = 0x40;
    pub const FREE: u8 = 0x80;
}

/// A CPython 3.11 code object: the 16 fields of its marshal form, in marshal order.
#[derive(Clone, Debug)]
pub struct CodeObject {
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub stacksize: u32,
    pub flags: u32,
    /// The de-optimised bytecode with zeroed CACHE entries.
    pub code: Rc<[u8]>,
    pub consts: Vec<Constant>,
    pub names: Vec<Rc<str>>,
    pub localsplusnames: Vec<Rc<str>>,
    pub localspluskinds: Vec<u8>,
    pub filename: Rc<str>,
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub firstlineno: u32,
    pub linetable: Rc<[u8]>,
    pub exceptiontable: Rc<[u8]>,
}

impl CodeObject {
    fn names_with(&self, pred: impl Fn(u8) -> bool) -> Vec<Rc<str>> {
        self.localsplusnames
            .iter()
            .zip(&self.localspluskinds)
            .filter(|(_, &k)| pred(k))
            .map(|(n, _)| n.clone())
            .collect()
    }

    /// `co_varnames`: locals, including arguments (and argument cells).
    pub fn varnames(&self) -> Vec<Rc<str>> {
        self.names_with(|k| k & LocalKind::LOCAL != 0)
    }

    /// `co_cellvars`.
    pub fn cellvars(&self) -> Vec<Rc<str>> {
        self.names_with(|k| k & LocalKind::CELL != 0)
    }

    /// `co_freevars`.
    pub fn freevars(&self) -> Vec<Rc<str>> {
        self.names_with(|k| k & LocalKind::FREE != 0)
    }

    /// `co_nlocals`.
    pub fn nlocals(&self) -> usize {
        self.localspluskinds.iter().filter(|&&k| k & LocalKind::LOCAL != 0).count()
    }

    /// Deep equality of all 16 fields (constants compared with [`Constant::deep_eq`]).
    pub fn deep_eq(&self, other: &CodeObject) -> bool {
        self.argcount == other.argcount
            && self.posonlyargcount == other.posonlyargcount
            && self.kwonlyargcount == other.kwonlyargcount
            && self.stacksize == other.stacksize
            && self.flags == other.flags
            && self.code == other.code
            && slices_deep_eq(&self.consts, &other.consts)
            && self.names == other.names
            && self.localsplusnames == other.localsplusnames
            && self.localspluskinds == other.localspluskinds
            && self.filename == other.filename
            && self.name == other.name
            && self.qualname == other.qualname
            && self.firstlineno == other.firstlineno
            && self.linetable == other.linetable
            && self.exceptiontable == other.exceptiontable
    }

    /// Number of code units in `co_code`.
    pub fn code_units(&self) -> usize {
        self.code.len() / 2
    }
}
