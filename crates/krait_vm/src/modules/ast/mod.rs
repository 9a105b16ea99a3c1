//! The `_ast` module (CPython's Python/Python-ast.c): the `AST` base class, one class per
//! node type of the 3.11 grammar, the `PyCF_*` flags, and the converters between Python
//! node objects and krait_syntax's AST that `compile()` uses.

mod from_py;
mod nodes;
mod ops;
mod to_py;
mod validate;

pub use from_py::parse_tree;
pub use to_py::to_object;

use super::util::set;
use crate::object::{Args, Payload, PyObject, PyRef, Slots, TypeFlags, Value};
use crate::types::methods::method;
use crate::vm::{PyResult, Vm};
use std::collections::HashMap;
use std::rc::Rc;

/// `compile()` flag: return the AST instead of a code object.
pub const PYCF_ONLY_AST: i64 = 0x400;
/// `compile()` flag: fill the `type_comment` fields (not supported: see [`has_type_comment`]).
pub const PYCF_TYPE_COMMENTS: i64 = 0x1000;
const PYCF_ALLOW_TOP_LEVEL_AWAIT: i64 = 0x2000;

/// The per-VM state of `_ast` (CPython's `struct ast_state`): the classes by name and the
/// shared instances of the field-less node types.
pub struct AstState {
    classes: HashMap<&'static str, PyRef>,
    /// The base of each class (`expr` for `Name`, `AST` for `expr` and the products).
    bases: HashMap<&'static str, &'static str>,
    /// The name of each class by its address (the classes are kept alive here).
    by_addr: HashMap<usize, &'static str>,
    singletons: HashMap<&'static str, Value>,
}

impl AstState {
    /// The class of node type `name` (a name from the grammar table).
    fn class(&self, name: &str) -> &PyRef {
        &self.classes[name]
    }

    /// The constructor of sum type `base` that `ty` is or derives from.
    fn kind_of(&self, ty: &PyRef, base: &str) -> Option<&'static str> {
        if let Some(&name) = self.by_addr.get(&ty.addr()) {
            return (self.bases.get(name) == Some(&base)).then_some(name);
        }
        let mro = ty.as_type()?.mro.borrow().clone();
        mro.iter().find_map(|t| {
            let &name = self.by_addr.get(&t.addr())?;
            (self.bases.get(name) == Some(&base)).then_some(name)
        })
    }
}

/// Where the state lives among the VM's private objects.
const STATE_KEY: &str = "_ast.state";

/// The `_ast` state, creating the classes on first use.
pub fn state(vm: &mut Vm) -> PyResult<Rc<AstState>> {
    if let Some(s) = crate::builtins::vm_type(vm, STATE_KEY).and_then(|o| o.native::<Rc<AstState>>().cloned()) {
        return Ok(s);
    }
    let slots = Slots { init: Some(ast_type_init), ..Slots::default() };
    let base = vm.new_builtin_type("AST", None, slots, TypeFlags::HAS_DICT | TypeFlags::BASETYPE);
    let module = vm.new_str("ast");
    vm.set_type_attr(&base, "__module__", module);
    for name in ["_fields", "_attributes", "__match_args__"] {
        let empty = vm.new_tuple(Vec::new());
        vm.set_type_attr(&base, name, empty);
    }
    vm.add_methods(&base, "AST", &[method("__reduce__", "(self, /)", ast_type_reduce)]);
    let made = nodes::make_classes(vm, &base)?;
    let bases = made.iter().map(|(n, b, _)| (*n, *b)).collect();
    let mut classes: HashMap<&'static str, PyRef> = made.into_iter().map(|(n, _, c)| (n, c)).collect();
    classes.insert("AST", base);
    let singletons = ops::singleton_names().into_iter().map(|n| (n, Value::Obj(PyRef::new(PyObject::new(classes[n].clone(), Payload::Object))))).collect();
    let by_addr = classes.iter().map(|(n, c)| (c.addr(), *n)).collect();
    let st = Rc::new(AstState { classes, bases, by_addr, singletons });
    let holder = PyRef::new(PyObject::new(vm.types.object.clone(), Payload::Native(Box::new(st.clone()))));
    crate::builtins::set_vm_type(vm, STATE_KEY, holder);
    Ok(st)
}

/// The `_ast` module: every node class and the `PyCF_*` constants.
pub fn make_module(vm: &mut Vm) -> PyRef {
    let m = vm.new_module("_ast");
    let Ok(st) = state(vm) else { return m };
    let mut names: Vec<(&'static str, PyRef)> = st.classes.iter().map(|(k, v)| (*k, v.clone())).collect();
    names.sort_by_key(|(k, _)| *k);
    for (name, cls) in names {
        set(vm, &m, name, Value::Obj(cls));
    }
    set(vm, &m, "PyCF_ONLY_AST", Value::Int(PYCF_ONLY_AST));
    set(vm, &m, "PyCF_TYPE_COMMENTS", Value::Int(PYCF_TYPE_COMMENTS));
    set(vm, &m, "PyCF_ALLOW_TOP_LEVEL_AWAIT", Value::Int(PYCF_ALLOW_TOP_LEVEL_AWAIT));
    m
}

/// Whether `src` may hold a `# type: ...` comment, which krait's parser does not attach to
/// nodes (compile() refuses PyCF_TYPE_COMMENTS then rather than drop it).
pub fn has_type_comment(src: &str) -> bool {
    src.lines().any(|l| l.split_once('#').is_some_and(|(_, c)| c.trim_start().starts_with("type:")))
}

/// Whether `v` is an `ast.AST` instance (PyAST_Check).
pub fn is_ast(vm: &mut Vm, v: &Value) -> bool {
    let Some(st) = crate::builtins::vm_type(vm, STATE_KEY).and_then(|o| o.native::<Rc<AstState>>().cloned()) else { return false };
    let ty = vm.type_of(v);
    vm.is_subtype(&ty, st.class("AST"))
}

/// ast_type_init: positional arguments fill `_fields` in order, keywords set any attribute.
fn ast_type_init(vm: &mut Vm, this: &Value, args: Args<'_>) -> PyResult<()> {
    let ty = Value::Obj(vm.type_of(this));
    let fields = match vm.get_attr_opt_str(&ty, "_fields")? {
        Some(f) => vm.collect(&f)?,
        None => Vec::new(),
    };
    let pos = args.pos();
    if pos.len() > fields.len() {
        let name = vm.type_of(this).as_type().map(|t| t.name()).unwrap_or_default();
        let n = fields.len();
        let s = if n == 1 { "" } else { "s" };
        return Err(vm.new_type_error(format!("{name} constructor takes at most {n} positional argument{s}")));
    }
    for (field, v) in fields.iter().zip(pos) {
        let name = attr_name(vm, field)?;
        vm.set_attr(this, &name, v.clone())?;
    }
    for (key, v) in args.kwnames.iter().zip(args.kwvalues()) {
        let mut position = None;
        for (i, f) in fields.iter().enumerate() {
            if vm.eq(f, key)? {
                position = Some(i);
                break;
            }
        }
        if position.is_some_and(|p| p < pos.len()) {
            let name = vm.type_of(this).as_type().map(|t| t.name()).unwrap_or_default();
            let k = vm.str_of(key);
            return Err(vm.new_type_error(format!("{name} got multiple values for argument '{k}'")));
        }
        let name = attr_name(vm, key)?;
        vm.set_attr(this, &name, v.clone())?;
    }
    Ok(())
}

/// A field name as an attribute name (a str).
fn attr_name(vm: &mut Vm, v: &Value) -> PyResult<PyRef> {
    match v {
        Value::Obj(o) if o.as_str().is_some() => Ok(o.clone()),
        _ => {
            let n = vm.type_name(v);
            Err(vm.new_type_error(format!("attribute name must be string, not '{n}'")))
        }
    }
}

/// ast_type_reduce: `(type(self), (), self.__dict__)` (the dict is made if absent).
fn ast_type_reduce(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let ty = Value::Obj(vm.type_of(&a[0]));
    let empty = vm.new_tuple(Vec::new());
    let Value::Obj(o) = &a[0] else { return Ok(vm.new_tuple(vec![ty, empty])) };
    let existing = o.dict.borrow().clone();
    let dict = match existing {
        Some(d) => d,
        None => {
            let d = vm.new_dict_ref();
            *o.dict.borrow_mut() = Some(d.clone());
            d
        }
    };
    Ok(vm.new_tuple(vec![ty, empty, Value::Obj(dict)]))
}
