//! `Vm`: the interpreter state — builtin types, builtins and sys, the frame stack,
//! the handled-exception stack, interned names — and the error type `PyErr`.

use crate::exceptions::ExcTypes;
use crate::interp::frame::Frame;
use crate::object::{PyRef, Value};
use crate::types::registry::TypeRegistry;
use std::collections::HashMap;

/// A raised Python exception: the exception instance.
#[derive(Clone, Debug)]
pub struct PyErr(pub PyRef);

pub type PyResult<T> = Result<T, PyErr>;

/// Start-up options (from the command line / environment).
#[derive(Clone, Debug, Default)]
pub struct VmOptions {
    pub argv: Vec<String>,
    /// Entries put in front of the default `sys.path`.
    pub path: Vec<String>,
    pub optimize: u8,
    pub dont_write_bytecode: bool,
    pub no_site: bool,
    pub hash_seed: Option<u64>,
}

/// The interpreter.
pub struct Vm {
    pub types: TypeRegistry,
    pub exc: ExcTypes,
    /// The `builtins` module and its dict.
    pub builtins: PyRef,
    pub builtins_dict: PyRef,
    pub sys: PyRef,
    /// `sys.modules`.
    pub modules: PyRef,
    /// Frames being executed, innermost last. Boxed so a frame's address is stable.
    pub frames: Vec<Box<Frame>>,
    /// The exception being handled (`sys.exc_info()`), or None.
    pub exc_info: Value,
    pub interned: hashbrown::HashMap<Box<str>, PyRef>,
    /// The interned `"__init__"` (looked up on every instantiation of a class).
    pub init_name: PyRef,
    /// MRO lookups by (type, name) (`lookup_type_attr`).
    pub type_attr_cache: crate::protocols::type_cache::TypeAttrCache,
    /// SipHash-1-3 key for str/bytes hashing (zero when PYTHONHASHSEED=0).
    pub hash_key: (u64, u64),
    pub recursion_limit: usize,
    /// Native calls that may recurse without bound now active (Py_EnterRecursiveCall).
    pub native_depth: usize,
    /// Stack address below which the native recursion guard raises RecursionError
    /// whatever the depth count (0: unknown stack bounds).
    pub stack_floor: usize,
    pub options: VmOptions,
    pub not_implemented: PyRef,
    pub ellipsis: PyRef,
    /// Native modules registered from outside the VM crate (krait_stdlib), by name.
    pub native_modules: HashMap<&'static str, crate::modules::ModuleMaker>,
    /// Finished frames (with their slot vectors), reused by new frames.
    pub frame_pool: Vec<Box<crate::interp::frame::Frame>>,
    /// The sequence `iterator` type, created on first use.
    pub seq_iter_type: Option<PyRef>,
    /// The `getset_descriptor` type (set during start-up).
    pub getset_type: Option<PyRef>,
    /// The slot-wrapper descriptor types (set during start-up).
    pub wrapper_types: Option<crate::types::slot_descriptors::WrapperTypes>,
    /// The generator/coroutine types (set during start-up).
    pub gen_types: Option<crate::types::generator::GenTypes>,
    /// `sys.set_int_max_str_digits` limit (0 = unlimited).
    pub int_max_str_digits: usize,
    /// Iterator types of the builtin containers.
    pub iter_types: crate::types::iterators::IterTypes,
    /// Types private to builtin functions and native modules (callable_iterator, the
    /// file type, struct_time ...), by key: see `builtins::vm_type`.
    pub private_types: HashMap<&'static str, PyRef>,
    /// Per-interpreter state of native modules, by key (e.g. the current `contextvars`
    /// Context, which CPython keeps in the thread state).
    pub native_state: HashMap<&'static str, Value>,
    /// `types.GenericAlias`, `types.UnionType` and the alias iterator (set during start-up).
    pub alias_types: Option<crate::types::generic_alias::AliasTypes>,
    /// The trace/profile functions while one is set (`sys.settrace`, `sys.setprofile`);
    /// the eval loop runs its traced variant then.
    pub trace: Option<Box<crate::interp::trace::TraceState>>,
}
