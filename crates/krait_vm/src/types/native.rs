//! Functions implemented in Rust: a Python-style signature parsed once, and the binder
//! that maps call arguments onto it, so no native function parses its own arguments.

use crate::object::{Args, PyRef, Value};
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

/// A native function body. It receives exactly one value per declared parameter, in
/// declaration order (`*args` as a tuple, `**kwargs` as a dict, `Null` for an omitted
/// optional parameter declared with the default `?`).
pub type NativeFn = fn(&mut Vm, &[Value]) -> PyResult<Value>;

/// A default value written in a signature string.
#[derive(Clone, Debug)]
pub enum DefaultValue {
    /// `?`: omitted → `Null` (the function decides).
    Absent,
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(&'static str),
}

#[derive(Clone, Debug)]
pub struct Param {
    pub name: &'static str,
    pub default: Option<DefaultValue>,
}

/// A parsed signature such as `"(self, key, default=None, /, *, reverse=False)"`.
#[derive(Clone, Debug)]
pub struct Signature {
    pub params: Vec<Param>,
    /// Parameters before this index are positional-only.
    pub posonly: usize,
    /// Number of parameters that may be given positionally.
    pub npos: usize,
    /// Index of `*args`, if any (it follows the positional parameters).
    pub varargs: Option<usize>,
    /// Index of `**kwargs`, if any (always last).
    pub varkw: Option<usize>,
}

impl Signature {
    /// Parse a signature string; a malformed one is a bug in krait (checked by tests).
    pub fn parse(text: &'static str) -> Signature {
        let inner = text.trim().trim_start_matches('(').trim_end_matches(')');
        let mut sig = Signature { params: Vec::new(), posonly: 0, npos: 0, varargs: None, varkw: None };
        let mut kwonly = false;
        for part in inner.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            if part == "/" {
                sig.posonly = sig.params.len();
            } else if part == "*" {
                kwonly = true;
            } else if let Some(name) = part.strip_prefix("**") {
                sig.varkw = Some(sig.params.len());
                sig.params.push(Param { name, default: None });
            } else if let Some(name) = part.strip_prefix('*') {
                sig.varargs = Some(sig.params.len());
                sig.params.push(Param { name, default: None });
                kwonly = true;
            } else {
                let (name, default) = match part.split_once('=') {
                    Some((n, d)) => (n.trim(), Some(parse_default(d.trim()))),
                    None => (part, None),
                };
                sig.params.push(Param { name, default });
                if !kwonly {
                    sig.npos = sig.params.len();
                }
            }
        }
        sig
    }

    /// The parsed signature for a static signature text, parsed once and shared (for
    /// native code that binds arguments itself, e.g. in `new` slots).
    pub fn cached(text: &'static str) -> Rc<Signature> {
        static CACHE: crate::object::GilStatic<std::cell::RefCell<hashbrown::HashMap<usize, Rc<Signature>>>> = crate::object::GilStatic::new(Default::default);
        CACHE.with(|c| c.borrow_mut().entry(text.as_ptr() as usize ^ text.len() << 48).or_insert_with(|| Rc::new(Signature::parse(text))).clone())
    }

    /// Whether a call with exactly `n` positional arguments binds them as they are (no
    /// `*args`/`**kwargs`, every parameter positional, and `n` of them).
    #[inline]
    pub fn takes_exactly(&self, n: usize) -> bool {
        n == self.params.len() && self.npos == n && self.varargs.is_none() && self.varkw.is_none()
    }

    /// The `__text_signature__` text (`($module, a, /, b=None)`), with `first` (`$module`,
    /// `$self`) in place of the first parameter when `replace_first`, or before the
    /// parameters otherwise; None when a default cannot be written (`?`).
    pub fn text_signature(&self, first: &str, replace_first: bool) -> Option<String> {
        let mut parts = vec![first.to_string()];
        let skip = usize::from(replace_first);
        let kwonly_start = self.varargs.unwrap_or(self.npos);
        for (i, p) in self.params.iter().enumerate() {
            if i == kwonly_start && self.varargs.is_none() && i < self.params.len() && self.varkw != Some(i) {
                parts.push("*".into());
            }
            if i >= skip {
                let text = match (&p.default, Some(i) == self.varargs, Some(i) == self.varkw) {
                    (_, true, _) => format!("*{}", p.name),
                    (_, _, true) => format!("**{}", p.name),
                    (None, _, _) => p.name.to_string(),
                    (Some(d), _, _) => format!("{}={}", p.name, default_text(d)?),
                };
                parts.push(text);
            }
            if i + 1 == self.posonly && self.posonly > 0 {
                parts.push("/".into());
            }
        }
        Some(format!("({})", parts.join(", ")))
    }

    /// Whether this is a one-argument function (CPython's METH_O calling convention, with
    /// its own argument messages): `implied` leading `self` parameters, then exactly one
    /// required positional-only parameter.
    fn is_meth_o(&self, implied: usize) -> bool {
        self.params.len() == implied + 1
            && self.posonly == self.params.len()
            && self.varargs.is_none()
            && self.varkw.is_none()
            && self.params.iter().all(|p| p.default.is_none())
    }

    /// Whether every parameter is positional-only (no `*args`/`**kwargs`).
    fn is_positional_only(&self) -> bool {
        self.posonly == self.params.len() && self.varargs.is_none() && self.varkw.is_none()
    }

    /// The number of required positional parameters.
    fn required_positional(&self) -> usize {
        self.params[..self.npos].iter().take_while(|p| p.default.is_none()).count()
    }
}

/// A default as Python source (None for `?`, which has no Python spelling).
fn default_text(d: &DefaultValue) -> Option<String> {
    Some(match d {
        DefaultValue::Absent => return None,
        DefaultValue::None => "None".into(),
        DefaultValue::Bool(b) => if *b { "True" } else { "False" }.into(),
        DefaultValue::Int(i) => i.to_string(),
        DefaultValue::Float(f) => format!("{f:?}"),
        DefaultValue::Str(s) => {
            let escaped = s.replace('\\', "\\\\").replace('\'', "\\'").replace('\n', "\\n");
            format!("'{escaped}'")
        }
    })
}

fn parse_default(d: &'static str) -> DefaultValue {
    match d {
        "?" => DefaultValue::Absent,
        "None" => DefaultValue::None,
        "True" => DefaultValue::Bool(true),
        "False" => DefaultValue::Bool(false),
        _ if d.starts_with('\'') || d.starts_with('"') => DefaultValue::Str(&d[1..d.len() - 1]),
        _ => match d.parse::<i64>() {
            Ok(i) => DefaultValue::Int(i),
            Err(_) => DefaultValue::Float(d.parse::<f64>().unwrap_or(f64::NAN)),
        },
    }
}

/// A function or method implemented in Rust.
pub struct NativeFunction {
    pub name: &'static str,
    /// The defining module's name for functions, the owner type's name for methods.
    pub owner: &'static str,
    pub sig: Rc<Signature>,
    pub func: NativeFn,
    /// The bound `self` (module functions and bound methods), or `Null`.
    pub self_: Value,
    /// True for a method descriptor (unbound method of a builtin type).
    pub is_method: bool,
    pub doc: Option<&'static str>,
    /// The type a method descriptor belongs to (`__objclass__`), or Null.
    pub objclass: Value,
}

impl NativeFunction {
    /// Bind `args` (with `self` already prepended if bound) to the signature.
    pub fn bind(&self, vm: &mut Vm, args: Args<'_>) -> PyResult<smallvec_like::Bound> {
        let implied = usize::from(self.is_method || !self.self_.is_null());
        if self.sig.is_meth_o(implied) {
            let given = args.pos().len();
            if !args.kwnames.is_empty() {
                let f = self.function_str();
                return Err(vm.new_type_error(format!("{f} takes no keyword arguments")));
            }
            if given != implied + 1 {
                let f = self.function_str();
                return Err(vm.new_type_error(format!("{f} takes exactly one argument ({} given)", given.saturating_sub(implied))));
            }
        }
        if self.sig.is_positional_only() {
            // _PyArg_CheckPositional, as Argument Clinic uses it for such functions.
            if !args.kwnames.is_empty() {
                let f = self.function_str();
                return Err(vm.new_type_error(format!("{f} takes no keyword arguments")));
            }
            let given = args.pos().len().saturating_sub(implied);
            let (min, max) = (self.sig.required_positional().saturating_sub(implied), self.sig.npos.saturating_sub(implied));
            if given < min || given > max {
                let (bound, n) = if given < min { ("at least ", min) } else { ("at most ", max) };
                let bound = if min == max { "" } else { bound };
                let s = if n == 1 { "" } else { "s" };
                return Err(vm.new_type_error(format!("{} expected {bound}{n} argument{s}, got {given}", self.name)));
            }
        }
        bind(vm, &self.sig, self.name, args)
    }

    /// This function bound to `self_` (a builtin method of an instance or a class).
    pub fn bound_to(&self, self_: Value) -> NativeFunction {
        NativeFunction { name: self.name, owner: self.owner, sig: self.sig.clone(), func: self.func, self_, is_method: false, doc: self.doc, objclass: self.objclass.clone() }
    }

    /// `len()`, `math.sqrt()`, `list.append()` (CPython's `_PyObject_FunctionStr`).
    fn function_str(&self) -> String {
        if self.is_method || self.owner == "builtins" {
            if self.is_method { format!("{}.{}()", self.owner, self.name) } else { format!("{}()", self.name) }
        } else {
            format!("{}.{}()", self.owner, self.name)
        }
    }
}

/// A small inline buffer of bound arguments (no allocation for up to 8 parameters).
pub mod smallvec_like {
    use crate::object::Value;

    pub struct Bound {
        inline: [Value; 8],
        heap: Vec<Value>,
        len: usize,
    }

    impl Bound {
        pub fn with_len(len: usize) -> Bound {
            const NULL: Value = Value::Null;
            if len <= 8 {
                Bound { inline: [NULL; 8], heap: Vec::new(), len }
            } else {
                Bound { inline: [NULL; 8], heap: vec![Value::Null; len], len }
            }
        }

        pub fn as_mut_slice(&mut self) -> &mut [Value] {
            if self.heap.is_empty() { &mut self.inline[..self.len] } else { &mut self.heap[..] }
        }

        pub fn as_slice(&self) -> &[Value] {
            if self.heap.is_empty() { &self.inline[..self.len] } else { &self.heap[..] }
        }
    }
}

/// Bind `args` to a static signature text (parsed once) and return the values, for
/// native code that binds its own arguments (`new` slots, module helpers).
pub fn bind_static(vm: &mut Vm, sig: &'static str, fname: &str, args: Args<'_>) -> PyResult<Vec<Value>> {
    let sig = Signature::cached(sig);
    Ok(bind(vm, &sig, fname, args)?.as_slice().to_vec())
}

/// Map positional and keyword arguments onto `sig` (CPython's argument clinic rules and
/// messages).
pub fn bind(vm: &mut Vm, sig: &Signature, fname: &str, args: Args<'_>) -> PyResult<smallvec_like::Bound> {
    let pos = args.pos();
    let mut out = smallvec_like::Bound::with_len(sig.params.len());
    let slots = out.as_mut_slice();
    let npos_given = pos.len().min(sig.npos);
    slots[..npos_given].clone_from_slice(&pos[..npos_given]);
    if pos.len() > sig.npos {
        match sig.varargs {
            Some(i) => slots[i] = vm.new_tuple(pos[sig.npos..].to_vec()),
            None => {
                let req = sig.required_positional();
                let msg = if req == sig.npos {
                    format!("{fname}() takes {} positional argument{} ({} given)", plural_exactly(sig.npos), if sig.npos == 1 { "" } else { "s" }, pos.len())
                } else {
                    format!("{fname}() takes from {req} to {} positional arguments but {} were given", sig.npos, pos.len())
                };
                return Err(vm.new_type_error(msg));
            }
        }
    } else if let Some(i) = sig.varargs {
        slots[i] = vm.new_tuple(Vec::new());
    }
    let mut extra_kw: Option<PyRef> = None;
    for (name, value) in args.kwnames.iter().zip(args.kwvalues()) {
        let key = vm.str_of(name);
        let found = sig.params.iter().position(|p| p.name == &*key);
        match found {
            Some(i) if i >= sig.posonly && Some(i) != sig.varargs && Some(i) != sig.varkw => {
                if !slots[i].is_null() {
                    return Err(vm.new_type_error(format!("argument for {fname}() given by name ('{key}') and position ({})", i + 1)));
                }
                slots[i] = value.clone();
            }
            _ => match sig.varkw {
                Some(_) => {
                    let d = extra_kw.get_or_insert_with(|| vm.new_dict_ref());
                    let d = d.clone();
                    vm.dict_set_item(&d, name.clone(), value.clone())?;
                }
                None => {
                    let msg = match found {
                        Some(_) => format!("{fname}() got some positional-only arguments passed as keyword arguments: '{key}'"),
                        None => format!("{fname}() got an unexpected keyword argument '{key}'"),
                    };
                    return Err(vm.new_type_error(msg));
                }
            },
        }
    }
    if let Some(i) = sig.varkw {
        slots[i] = match extra_kw {
            Some(d) => Value::Obj(d),
            None => vm.new_dict(),
        };
    }
    for (i, p) in sig.params.iter().enumerate() {
        if !slots[i].is_null() || Some(i) == sig.varargs || Some(i) == sig.varkw {
            continue;
        }
        slots[i] = match &p.default {
            Some(d) => default_value(vm, d),
            None => {
                let msg = if i < sig.npos {
                    format!("{fname}() missing required argument '{}' (pos {})", p.name, i + 1)
                } else {
                    format!("{fname}() missing required keyword-only argument '{}'", p.name)
                };
                return Err(vm.new_type_error(msg));
            }
        };
    }
    Ok(out)
}

fn plural_exactly(n: usize) -> String {
    match n {
        0 => "no".to_string(),
        1 => "exactly one".to_string(),
        n => format!("exactly {n}"),
    }
}

fn default_value(vm: &mut Vm, d: &DefaultValue) -> Value {
    match d {
        DefaultValue::Absent => Value::Null,
        DefaultValue::None => Value::None,
        DefaultValue::Bool(b) => Value::Bool(*b),
        DefaultValue::Int(i) => Value::Int(*i),
        DefaultValue::Float(f) => Value::Float(*f),
        DefaultValue::Str(s) => vm.new_str(s),
    }
}

/// Whether `cls` keeps `base`'s `__init__` slot (CPython's `type->tp_init == Base.tp_init`
/// test: then the base's `__new__` refuses keyword arguments, else `__init__` takes them).
pub fn keeps_init(cls: &PyRef, base: &PyRef) -> bool {
    let init = |t: &PyRef| t.as_type().and_then(|t| t.slots().init).map(|f| f as usize);
    cls.is(base) || init(cls) == init(base)
}

/// Whether `cls` keeps `base`'s `__new__` slot.
pub fn keeps_new(cls: &PyRef, base: &PyRef) -> bool {
    let new = |t: &PyRef| t.as_type().and_then(|t| t.slots().new).map(|f| f as usize);
    cls.is(base) || new(cls) == new(base)
}
