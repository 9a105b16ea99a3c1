//! `_csv.Dialect`: the formatting parameters of a reader or writer, validated as
//! CPython's `dialect_new` does, and the dialect registry.

use crate::util::{expect, get_type, parse, state, wrap};
use krait_vm::object::{PyRef, Value};
use krait_vm::types::int::add_property;
use krait_vm::{PyResult, Vm};

pub const QUOTE_MINIMAL: i64 = 0;
pub const QUOTE_ALL: i64 = 1;
pub const QUOTE_NONNUMERIC: i64 = 2;
pub const QUOTE_NONE: i64 = 3;

/// The keyword parameters of Dialect(), reader(), writer() and register_dialect().
pub const PARAMS: [&str; 8] = ["delimiter", "doublequote", "escapechar", "lineterminator", "quotechar", "quoting", "skipinitialspace", "strict"];

#[derive(Clone)]
pub struct Dialect {
    pub delimiter: char,
    pub doublequote: bool,
    pub escapechar: Option<char>,
    pub lineterminator: String,
    pub quotechar: Option<char>,
    pub quoting: i64,
    pub skipinitialspace: bool,
    pub strict: bool,
}

/// Make the Dialect type and its read-only attributes.
pub fn init(vm: &mut Vm) -> PyRef {
    let slots = krait_vm::object::Slots {
        new: Some(|vm, _cls, args| {
            let a = parse(vm, "(dialect=?, delimiter=?, doublequote=?, escapechar=?, lineterminator=?, quotechar=?, quoting=?, skipinitialspace=?, strict=?)", "Dialect", args)?;
            make(vm, &a[0], &a[1..])
        }),
        ..krait_vm::object::Slots::default()
    };
    let t = crate::util::new_type(vm, "_csv", "_csv.Dialect", None, slots, krait_vm::object::TypeFlags::BASETYPE, &[]);
    add_property(vm, &t, "Dialect", "delimiter", |vm, a| {
        let c = this(vm, &a[0])?.delimiter;
        Ok(vm.new_str(&c.to_string()))
    });
    add_property(vm, &t, "Dialect", "doublequote", |vm, a| Ok(Value::Bool(this(vm, &a[0])?.doublequote)));
    add_property(vm, &t, "Dialect", "escapechar", |vm, a| {
        let c = this(vm, &a[0])?.escapechar;
        Ok(c.map_or(Value::None, |c| vm.new_str(&c.to_string())))
    });
    add_property(vm, &t, "Dialect", "lineterminator", |vm, a| {
        let s = this(vm, &a[0])?.lineterminator;
        Ok(vm.new_str(&s))
    });
    add_property(vm, &t, "Dialect", "quotechar", |vm, a| {
        let c = this(vm, &a[0])?.quotechar;
        Ok(c.map_or(Value::None, |c| vm.new_str(&c.to_string())))
    });
    add_property(vm, &t, "Dialect", "quoting", |vm, a| Ok(Value::Int(this(vm, &a[0])?.quoting)));
    add_property(vm, &t, "Dialect", "skipinitialspace", |vm, a| Ok(Value::Bool(this(vm, &a[0])?.skipinitialspace)));
    add_property(vm, &t, "Dialect", "strict", |vm, a| Ok(Value::Bool(this(vm, &a[0])?.strict)));
    t
}

fn this(vm: &mut Vm, v: &Value) -> PyResult<Dialect> {
    Ok(expect::<Dialect>(vm, v, "_csv.Dialect")?.borrow().clone())
}

/// The parameters of a Dialect object.
pub fn of(v: &Value) -> Option<Dialect> {
    state::<Dialect>(v).map(|d| d.borrow().clone())
}

/// The registered dialects (a dict kept per interpreter).
pub fn registry(vm: &mut Vm) -> Value {
    if let Some(d) = vm.native_state.get("_csv.dialects") {
        return d.clone();
    }
    let d = vm.new_dict();
    vm.native_state.insert("_csv.dialects", d.clone());
    d
}

/// get_dialect(name): csv.Error "unknown dialect" when it is not registered.
pub fn lookup(vm: &mut Vm, name: &Value) -> PyResult<Value> {
    let reg = registry(vm);
    match vm.get_item(&reg, name) {
        Ok(d) => Ok(d),
        Err(e) if vm.is_subtype(&e.0.class(), &vm.exc.key_error.clone()) => Err(super::error(vm, "unknown dialect")),
        Err(e) => Err(e),
    }
}

/// A one-character parameter (`_set_char`/`_set_char_or_none`): None allowed when
/// `nullable`.
fn char_param(vm: &mut Vm, name: &str, v: &Value, default: Option<char>, nullable: bool) -> PyResult<Option<char>> {
    if v.is_null() {
        return Ok(default);
    }
    if nullable && v.is_none() {
        return Ok(None);
    }
    let Some(s) = v.as_obj().and_then(|o| o.as_str()).map(|s| s.as_str().to_string()) else {
        let n = vm.type_name(v);
        let or_none = if nullable { " or None" } else { "" };
        return Err(vm.new_type_error(format!("\"{name}\" must be string{or_none}, not {n}")));
    };
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Ok(Some(c)),
        _ => Err(vm.new_type_error(format!("\"{name}\" must be a 1-character string"))),
    }
}

/// dialect_new: the Dialect for `dialect` (a name, a Dialect, or any object with the
/// attributes) overridden by the keyword values `kw` (Null: not given, in PARAMS order).
pub fn make(vm: &mut Vm, dialect: &Value, kw: &[Value]) -> PyResult<Value> {
    let mut base = dialect.clone();
    if base.as_obj().and_then(|o| o.as_str()).is_some() {
        base = lookup(vm, &base)?;
    }
    let exact = get_type(vm, "_csv.Dialect")?;
    if !base.is_null() && vm.type_of(&base).is(&exact) && kw.iter().all(Value::is_null) {
        return Ok(base);
    }
    let mut v: Vec<Value> = kw.to_vec();
    if !base.is_null() {
        for (slot, name) in v.iter_mut().zip(PARAMS) {
            if slot.is_null() {
                if let Ok(x) = vm.get_attr_str(&base, name) {
                    *slot = x;
                }
            }
        }
    }
    let flag = |vm: &mut Vm, x: &Value, default: bool| if x.is_null() { Ok(default) } else { vm.is_true(x) };
    let delimiter = char_param(vm, "delimiter", &v[0], Some(','), false)?.unwrap_or(',');
    let doublequote = flag(vm, &v[1], true)?;
    let escapechar = char_param(vm, "escapechar", &v[2], None, true)?;
    let lineterminator = if v[3].is_null() {
        "\r\n".to_string()
    } else {
        match v[3].as_obj().and_then(|o| o.as_str()) {
            Some(s) => s.as_str().to_string(),
            None => return Err(vm.new_type_error("\"lineterminator\" must be a string")),
        }
    };
    let quotechar = char_param(vm, "quotechar", &v[4], Some('"'), true)?;
    let quoting = if v[5].is_null() {
        if v[4].is_none() { QUOTE_NONE } else { QUOTE_MINIMAL }
    } else {
        match &v[5] {
            Value::Int(q) if (QUOTE_MINIMAL..=QUOTE_NONE).contains(q) => *q,
            Value::Int(_) => return Err(vm.new_type_error("bad \"quoting\" value")),
            Value::Bool(b) => i64::from(*b),
            _ => return Err(vm.new_type_error("\"quoting\" must be an integer")),
        }
    };
    let skipinitialspace = flag(vm, &v[6], false)?;
    let strict = flag(vm, &v[7], false)?;
    if quotechar.is_none() && quoting != QUOTE_NONE {
        return Err(vm.new_type_error("quotechar must be set if quoting enabled"));
    }
    let d = Dialect { delimiter, doublequote, escapechar, lineterminator, quotechar, quoting, skipinitialspace, strict };
    Ok(wrap(vm, &exact, d))
}

/// The signature of reader() and writer(): the first argument, then the dialect and
/// the keywords in PARAMS order.
pub const SIG: &str = "(arg, /, dialect=?, *, delimiter=?, doublequote=?, escapechar=?, lineterminator=?, quotechar=?, quoting=?, skipinitialspace=?, strict=?)";

/// The Dialect object and its parameters for arguments bound by [`SIG`].
pub fn from_bound(vm: &mut Vm, a: &[Value]) -> PyResult<(Value, Dialect)> {
    // No dialect means the defaults (those of 'excel'), not a lookup of 'excel'.
    let d = make(vm, &a[1], &a[2..])?;
    let params = of(&d).ok_or_else(|| vm.new_system_error("bad dialect"))?;
    Ok((d, params))
}
