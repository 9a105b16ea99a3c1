//! Type objects: name, bases, MRO, the type's dict, and its slots (protocol function
//! pointers resolved once per type, as CPython's `tp_*`/`nb_*`/`sq_*`/`mp_*`).

use super::{PyRef, Value};
use crate::vm::{PyResult, Vm};
use std::cell::{Cell, RefCell};

/// Binary operators, numbered as BINARY_OP's argument (`NB_*`); in-place forms are
/// `op + INPLACE_OFFSET`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum BinOp {
    Add = 0,
    And = 1,
    FloorDiv = 2,
    LShift = 3,
    MatMul = 4,
    Mul = 5,
    Mod = 6,
    Or = 7,
    Pow = 8,
    RShift = 9,
    Sub = 10,
    TrueDiv = 11,
    Xor = 12,
}

impl BinOp {
    pub const INPLACE_OFFSET: u32 = 13;

    pub fn from_arg(arg: u32) -> Option<(BinOp, bool)> {
        use BinOp::*;
        const ALL: [BinOp; 13] = [Add, And, FloorDiv, LShift, MatMul, Mul, Mod, Or, Pow, RShift, Sub, TrueDiv, Xor];
        let inplace = arg >= Self::INPLACE_OFFSET;
        let i = if inplace { arg - Self::INPLACE_OFFSET } else { arg };
        ALL.get(i as usize).map(|&op| (op, inplace))
    }

    /// The operator symbol as in error messages (`+`, `//`, ...).
    pub fn symbol(self) -> &'static str {
        krait_bytecode::NB_OPS[self as usize].1
    }

    /// (`__add__`, `__radd__`, `__iadd__`).
    pub fn dunders(self) -> (&'static str, &'static str, &'static str) {
        use BinOp::*;
        match self {
            Add => ("__add__", "__radd__", "__iadd__"),
            And => ("__and__", "__rand__", "__iand__"),
            FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
            LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
            MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
            Mul => ("__mul__", "__rmul__", "__imul__"),
            Mod => ("__mod__", "__rmod__", "__imod__"),
            Or => ("__or__", "__ror__", "__ior__"),
            Pow => ("__pow__", "__rpow__", "__ipow__"),
            RShift => ("__rshift__", "__rrshift__", "__irshift__"),
            Sub => ("__sub__", "__rsub__", "__isub__"),
            TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
            Xor => ("__xor__", "__rxor__", "__ixor__"),
        }
    }
}

/// The operators a builtin type's `binary` and `inplace` slots implement, as bit masks
/// over `BinOp` (bit `op as u8`): only these get `__op__`/`__rop__`/`__iop__` wrappers
/// (CPython's types fill only some `nb_*`/`sq_*` slots: str has `__rmul__`, no `__radd__`).
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct NbOps {
    pub forward: u16,
    pub reflected: u16,
    pub inplace: u16,
}

impl NbOps {
    /// The mask of `ops`.
    pub const fn mask(ops: &[BinOp]) -> u16 {
        let mut m = 0;
        let mut i = 0;
        while i < ops.len() {
            m |= 1 << ops[i] as u16;
            i += 1;
        }
        m
    }

    /// Number-like: every operator in `ops` forward and reflected, none in place.
    pub const fn numeric(ops: &[BinOp]) -> NbOps {
        NbOps { forward: Self::mask(ops), reflected: Self::mask(ops), inplace: 0 }
    }

    /// A sequence: `+` and `*` (and `%` for str/bytes), `__rmul__` (and `__rmod__`), and
    /// `+=`/`*=` when mutable.
    pub const fn sequence(has_mod: bool, mutable: bool) -> NbOps {
        use BinOp::*;
        let fwd = if has_mod { Self::mask(&[Add, Mul, Mod]) } else { Self::mask(&[Add, Mul]) };
        let refl = if has_mod { Self::mask(&[Mul, Mod]) } else { Self::mask(&[Mul]) };
        NbOps { forward: fwd, reflected: refl, inplace: if mutable { Self::mask(&[Add, Mul]) } else { 0 } }
    }

    pub fn has(mask: u16, op: BinOp) -> bool {
        mask & (1 << op as u16) != 0
    }
}

/// Rich comparison operators, numbered as COMPARE_OP's argument (`Py_LT` ...).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum CmpOp {
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}

impl CmpOp {
    pub fn from_arg(arg: u32) -> Option<CmpOp> {
        use CmpOp::*;
        [Lt, Le, Eq, Ne, Gt, Ge].get(arg as usize).copied()
    }

    /// The operator with its operands swapped (`a < b` is `b > a`).
    pub fn swapped(self) -> CmpOp {
        use CmpOp::*;
        match self {
            Lt => Gt,
            Le => Ge,
            Eq => Eq,
            Ne => Ne,
            Gt => Lt,
            Ge => Le,
        }
    }

    pub fn symbol(self) -> &'static str {
        krait_bytecode::CMP_OP[self as usize]
    }

    pub fn dunder(self) -> &'static str {
        use CmpOp::*;
        match self {
            Lt => "__lt__",
            Le => "__le__",
            Eq => "__eq__",
            Ne => "__ne__",
            Gt => "__gt__",
            Ge => "__ge__",
        }
    }
}

/// Unary operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Neg,
    Pos,
    Invert,
}

impl UnaryOp {
    pub fn dunder(self) -> &'static str {
        match self {
            UnaryOp::Neg => "__neg__",
            UnaryOp::Pos => "__pos__",
            UnaryOp::Invert => "__invert__",
        }
    }
}

/// Positional arguments followed by keyword values, with the keyword names (str values)
/// — CPython's vectorcall convention, so calls from the value stack copy nothing.
#[derive(Clone, Copy)]
pub struct Args<'a> {
    pub args: &'a [Value],
    pub kwnames: &'a [Value],
}

impl<'a> Args<'a> {
    #[inline]
    pub fn positional(args: &'a [Value]) -> Args<'a> {
        Args { args, kwnames: &[] }
    }

    /// The positional arguments.
    #[inline]
    pub fn pos(&self) -> &'a [Value] {
        &self.args[..self.args.len() - self.kwnames.len()]
    }

    /// The keyword values, parallel to `kwnames`.
    #[inline]
    pub fn kwvalues(&self) -> &'a [Value] {
        &self.args[self.args.len() - self.kwnames.len()..]
    }
}

pub type UnaryFn = fn(&mut Vm, &Value) -> PyResult<Value>;
pub type BinaryFn = fn(&mut Vm, &Value, &Value, BinOp) -> PyResult<Value>;
pub type CompareFn = fn(&mut Vm, &Value, &Value, CmpOp) -> PyResult<Value>;
pub type HashFn = fn(&mut Vm, &Value) -> PyResult<i64>;
pub type BoolFn = fn(&mut Vm, &Value) -> PyResult<bool>;
pub type LenFn = fn(&mut Vm, &Value) -> PyResult<usize>;
/// `None` means exhausted (no StopIteration object is built on the fast path).
pub type NextFn = fn(&mut Vm, &Value) -> PyResult<Option<Value>>;
pub type GetItemFn = fn(&mut Vm, &Value, &Value) -> PyResult<Value>;
/// Value `Null` means delete.
pub type SetItemFn = fn(&mut Vm, &Value, &Value, Value) -> PyResult<()>;
pub type ContainsFn = fn(&mut Vm, &Value, &Value) -> PyResult<bool>;
pub type CallFn = fn(&mut Vm, &Value, Args<'_>) -> PyResult<Value>;
/// Returns `None` when the attribute does not exist (the caller raises AttributeError).
pub type GetAttrFn = fn(&mut Vm, &Value, &PyRef) -> PyResult<Option<Value>>;
/// Value `Null` means delete.
pub type SetAttrFn = fn(&mut Vm, &Value, &PyRef, Value) -> PyResult<()>;
/// `(descriptor, instance or Null, owner type)`.
pub type DescrGetFn = fn(&mut Vm, &Value, &Value, &Value) -> PyResult<Value>;
/// `(descriptor, instance, value or Null for delete)`.
pub type DescrSetFn = fn(&mut Vm, &Value, &Value, Value) -> PyResult<()>;
/// `(cls, args)`.
pub type NewFn = fn(&mut Vm, &PyRef, Args<'_>) -> PyResult<Value>;
pub type InitFn = fn(&mut Vm, &Value, Args<'_>) -> PyResult<()>;
pub type UnaryOpFn = fn(&mut Vm, &Value, UnaryOp) -> PyResult<Value>;
/// A copy of the bytes an object exports through the buffer protocol (`None`: it has none).
pub type BufferFn = fn(&Value) -> Option<Vec<u8>>;

/// The protocol slots of a type. Builtin types fill them with Rust functions; a class
/// defined in Python inherits its base's slots and gets a dunder-calling slot for every
/// dunder its namespace defines (CPython's `slotdefs`/`update_slot`).
#[derive(Clone, Copy, Default)]
pub struct Slots {
    pub repr: Option<UnaryFn>,
    pub str: Option<UnaryFn>,
    pub hash: Option<HashFn>,
    pub richcompare: Option<CompareFn>,
    pub binary: Option<BinaryFn>,
    /// In-place operators; when absent the binary slot is used.
    pub inplace: Option<BinaryFn>,
    pub unary: Option<UnaryOpFn>,
    pub bool: Option<BoolFn>,
    pub len: Option<LenFn>,
    pub iter: Option<UnaryFn>,
    pub next: Option<NextFn>,
    pub getitem: Option<GetItemFn>,
    pub setitem: Option<SetItemFn>,
    pub contains: Option<ContainsFn>,
    pub call: Option<CallFn>,
    pub getattro: Option<GetAttrFn>,
    pub setattro: Option<SetAttrFn>,
    pub descr_get: Option<DescrGetFn>,
    pub descr_set: Option<DescrSetFn>,
    pub new: Option<NewFn>,
    pub init: Option<InitFn>,
    pub int: Option<UnaryFn>,
    pub float: Option<UnaryFn>,
    pub index: Option<UnaryFn>,
    /// `bf_getbuffer` for native types other than bytes, bytearray and memoryview (whose
    /// buffers the VM reads directly), as a copy of the exported bytes.
    pub buffer: Option<BufferFn>,
    /// Which operators `binary`/`inplace` implement (for the dunder wrappers only).
    pub nb_ops: NbOps,
}

impl Slots {
    /// Fill the slots this type leaves empty from its base (CPython's `inherit_slots`):
    /// hash and rich comparison are inherited only together.
    pub fn inherit_from(&mut self, base: &Slots) {
        if self.richcompare.is_none() && self.hash.is_none() {
            self.richcompare = base.richcompare;
            self.hash = base.hash;
        }
        macro_rules! inherit {
            ($($f:ident),*) => { $( if self.$f.is_none() { self.$f = base.$f; } )* };
        }
        inherit!(repr, str, binary, inplace, unary, bool, len, iter, next, getitem, setitem, contains, call, getattro, setattro, descr_get, descr_set, new, init, int, float, index, buffer);
    }
}

/// `tp_flags` bits that matter to the VM.
pub struct TypeFlags;

impl TypeFlags {
    /// Defined by a class statement (a heap type).
    pub const HEAPTYPE: u32 = 1 << 9;
    /// May be subclassed.
    pub const BASETYPE: u32 = 1 << 10;
    /// Instances get a `__dict__`.
    pub const HAS_DICT: u32 = 1 << 4;
    pub const IS_ABSTRACT: u32 = 1 << 20;
    pub const MATCH_SELF: u32 = 1 << 22;
    pub const SEQUENCE: u32 = 1 << 5;
    pub const MAPPING: u32 = 1 << 6;
    pub const LONG_SUBCLASS: u32 = 1 << 24;
    pub const LIST_SUBCLASS: u32 = 1 << 25;
    pub const TUPLE_SUBCLASS: u32 = 1 << 26;
    pub const BYTES_SUBCLASS: u32 = 1 << 27;
    pub const UNICODE_SUBCLASS: u32 = 1 << 28;
    pub const DICT_SUBCLASS: u32 = 1 << 29;
    pub const BASE_EXC_SUBCLASS: u32 = 1 << 30;
    pub const TYPE_SUBCLASS: u32 = 1 << 31;
    /// krait's own: the class or a base defines `__del__` (instances are finalised).
    pub const HAS_FINALIZE: u32 = 1 << 0;
    /// krait's own: some instance was the referent of a weakref with a callback, so
    /// freeing one looks for callbacks to queue.
    pub const WEAKREF_CALLBACKS: u32 = 1 << 1;
    /// The bits `__flags__` does not show (CPython 3.11 leaves them clear).
    pub const INTERNAL: u32 = Self::HAS_FINALIZE | Self::WEAKREF_CALLBACKS;
}

/// The data of a type object.
pub struct TypeObject {
    pub name: RefCell<String>,
    pub qualname: RefCell<String>,
    pub bases: RefCell<Vec<PyRef>>,
    /// The method resolution order (`__mro__`), starting with the type itself.
    pub mro: RefCell<Vec<PyRef>>,
    /// The type's namespace: a dict object.
    pub dict: PyRef,
    pub slots: SlotsCell,
    pub flags: Cell<u32>,
    /// Changed whenever the type or one of its bases changes (attribute caches key on it).
    pub version: Cell<u32>,
    /// The builtin type whose payload instances carry (`object` for plain classes).
    pub solid_base: RefCell<Option<PyRef>>,
    /// Weak references to the direct subclasses (`__subclasses__()`), in creation order.
    pub subclasses: RefCell<Vec<super::PyWeak>>,
    /// How many `__slots__` values instances carry (the type's own and inherited ones).
    pub nslots: Cell<usize>,
}

impl TypeObject {
    pub fn name(&self) -> String {
        self.name.borrow().clone()
    }

    #[inline]
    pub fn has_flag(&self, f: u32) -> bool {
        self.flags.get() & f != 0
    }

    #[inline]
    pub fn slots(&self) -> Slots {
        self.slots.get()
    }
}

/// A type's slot table: read by copy on every operation (no borrow flag to update, unlike
/// a RefCell); changed through [`SlotsCell::borrow_mut`], whose guard writes the edited
/// table back when dropped.
pub struct SlotsCell(Cell<Slots>);

impl SlotsCell {
    pub fn new(slots: Slots) -> SlotsCell {
        SlotsCell(Cell::new(slots))
    }

    #[inline]
    pub fn get(&self) -> Slots {
        self.0.get()
    }

    /// Edit the table: changes take effect when the guard is dropped.
    pub fn borrow_mut(&self) -> SlotsGuard<'_> {
        SlotsGuard { cell: &self.0, slots: self.0.get() }
    }
}

/// A copy of a type's slots being edited; stored back on drop.
pub struct SlotsGuard<'a> {
    cell: &'a Cell<Slots>,
    slots: Slots,
}

impl std::ops::Deref for SlotsGuard<'_> {
    type Target = Slots;
    fn deref(&self) -> &Slots {
        &self.slots
    }
}

impl std::ops::DerefMut for SlotsGuard<'_> {
    fn deref_mut(&mut self) -> &mut Slots {
        &mut self.slots
    }
}

impl Drop for SlotsGuard<'_> {
    fn drop(&mut self) {
        self.cell.set(self.slots);
    }
}
