//! str conversions: the constructor, encode, `__format__`, maketrans/translate, and
//! printf-style `str % args` (parsing and padding by krait_format).

use super::{new_str_of, pystr, text};
use crate::object::{Args, PyRef, Value};
use crate::types::int::{int_arg, IntArg};
use crate::types::methods::{method, MethodDef};
use crate::vm::{PyResult, Vm};
use krait_bytecode::surrogate::code_point;
use krait_format::{Count, Piece};
use num_bigint::BigInt;

pub const METHODS: &[MethodDef] = &[
    method("encode", "(self, /, encoding='utf-8', errors='strict')", encode),
    method("__format__", "(self, format_spec, /)", |vm, a| {
        let Some(spec) = pystr(&a[1]).map(|s| s.as_str().to_string()) else {
            let n = vm.type_name(&a[1]);
            return Err(vm.new_type_error(format!("format() argument 2 must be str, not {n}")));
        };
        let r = krait_format::format_str(text(&a[0]), &spec, "str").map_err(|e| vm.format_error(e))?;
        Ok(vm.new_str(&r))
    }),
    method("translate", "(self, table, /)", translate),
];

/// str(object='') / str(object=b'', encoding='utf-8', errors='strict').
pub fn str_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    let sig = crate::types::native::Signature::cached("(object=?, encoding=?, errors=?)");
    let bound = crate::types::native::bind(vm, &sig, "str", args)?;
    let a = bound.as_slice();
    if a[1].is_null() && a[2].is_null() {
        let s = if a[0].is_null() { String::new() } else { text(&Value::Obj(vm.str(&a[0])?)).to_string() };
        return Ok(new_str_of(vm, cls, &s));
    }
    let obj = if a[0].is_null() { vm.new_str("") } else { a[0].clone() };
    let Some(bytes) = crate::types::bytes::buffer(&obj) else {
        let n = vm.type_name(&obj);
        let msg = if pystr(&obj).is_some() { "decoding str is not supported".to_string() } else { format!("decoding to str: need a bytes-like object, {n} found") };
        return Err(vm.new_type_error(msg));
    };
    let enc = if a[1].is_null() { "utf-8".to_string() } else { str_param(vm, &a[1], "str", "encoding")? };
    let errors = if a[2].is_null() { "strict".to_string() } else { str_param(vm, &a[2], "str", "errors")? };
    let s = crate::types::bytes::codec::decode(vm, &bytes, &enc, &errors)?;
    Ok(new_str_of(vm, cls, &s))
}

/// The text of str argument `arg` of `fname`, or CPython's TypeError.
pub(crate) fn str_param(vm: &mut Vm, v: &Value, fname: &str, arg: &str) -> PyResult<String> {
    match pystr(v) {
        Some(s) => Ok(s.as_str().to_string()),
        None => {
            let n = vm.type_name(v);
            Err(vm.new_type_error(format!("{fname}() argument '{arg}' must be str, not {n}")))
        }
    }
}

fn encode(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let enc = str_param(vm, &a[1], "encode", "encoding")?;
    let errors = str_param(vm, &a[2], "encode", "errors")?;
    let bytes = crate::types::bytes::codec::encode(vm, text(&a[0]), &enc, &errors)?;
    Ok(crate::types::bytes::new_bytes(vm, bytes))
}

/// str.maketrans(x[, y[, z]]): a dict from code points to code points, strs or None.
pub fn maketrans(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let d = vm.new_dict_ref();
    if a[1].is_null() {
        let Some(src) = a[0].as_obj().filter(|o| o.as_dict().is_some()) else {
            return Err(vm.new_type_error("if you give only one argument to maketrans it must be a dict"));
        };
        let items: Vec<(Value, Value)> = src.as_dict().map(|t| t.borrow().iter().map(|(_, e)| (e.key.clone(), e.value.clone())).collect()).unwrap_or_default();
        for (k, v) in items {
            let key = match pystr(&k) {
                Some(s) if s.char_len() == 1 => Value::Int(s.as_str().chars().next().map_or(0, |c| i64::from(code_point(c)))),
                Some(_) => return Err(vm.new_value_error("string keys in translate table must be of length 1")),
                None if int_arg(&k).is_some() => k.clone(),
                None => return Err(vm.new_type_error("keys in translate table must be strings or integers")),
            };
            vm.dict_set_item(&d, key, v)?;
        }
        return Ok(Value::Obj(d));
    }
    let (Some(x), Some(y)) = (pystr(&a[0]), pystr(&a[1])) else {
        return Err(vm.new_type_error("maketrans() argument must be str"));
    };
    if x.char_len() != y.char_len() {
        return Err(vm.new_value_error("the first two maketrans arguments must have equal length"));
    }
    let pairs: Vec<(char, char)> = x.as_str().chars().zip(y.as_str().chars()).collect();
    for (c, e) in pairs {
        vm.dict_set_item(&d, Value::Int(i64::from(code_point(c))), Value::Int(i64::from(code_point(e))))?;
    }
    if !a[2].is_null() {
        for c in text(&a[2]).chars().collect::<Vec<_>>() {
            vm.dict_set_item(&d, Value::Int(i64::from(code_point(c))), Value::None)?;
        }
    }
    Ok(Value::Obj(d))
}

fn translate(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let s = text(&a[0]).to_string();
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let key = Value::Int(i64::from(code_point(c)));
        let r = match vm.get_item(&a[1], &key) {
            Ok(v) => v,
            Err(e) => {
                let t = vm.type_of(&Value::Obj(e.0.clone()));
                if vm.is_subtype(&t, &vm.exc.lookup_error.clone()) {
                    out.push(c);
                    continue;
                }
                return Err(e);
            }
        };
        match &r {
            Value::None => {}
            v if pystr(v).is_some() => out.push_str(text(v)),
            v => match int_arg(v) {
                Some(IntArg::Small(i)) if (0..=0x10FFFF).contains(&i) => out.push(crate::types::str::char_of(vm, i as u32)?),
                Some(_) => return Err(vm.new_value_error("character mapping must be in range(0x110000)")),
                None => return Err(vm.new_type_error("character mapping must return integer, None or str")),
            },
        }
    }
    Ok(vm.new_str(&out))
}

/// The argument source of `fmt % args`: a tuple's items in order, or one value; a
/// mapping when the right operand is one (for `%(key)s`).
struct PercentArgs {
    items: Vec<Value>,
    next: usize,
    mapping: Option<Value>,
}

impl PercentArgs {
    fn take(&mut self, vm: &mut Vm) -> PyResult<Value> {
        match self.items.get(self.next) {
            Some(v) => {
                self.next += 1;
                Ok(v.clone())
            }
            None => Err(vm.new_type_error("not enough arguments for format string")),
        }
    }
}

fn big_of(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    match int_arg(v) {
        Some(i) => Ok(i.to_bigint()),
        None => Err(vm.new_type_error("* wants int")),
    }
}

/// PyUnicode_Format: `fmt % args`.
pub fn percent_format(vm: &mut Vm, fmt: &Value, args: &Value) -> PyResult<Value> {
    let is_tuple = args.as_obj().and_then(|o| o.as_tuple()).is_some();
    let is_mapping = !is_tuple && pystr(args).is_none() && args.as_obj().is_some_and(|o| o.as_dict().is_some() || (o.as_str().is_none() && vm.type_of(args).as_type().is_some_and(|t| t.slots().getitem.is_some()) && o.as_list().is_none()));
    let mut src = PercentArgs {
        items: if is_tuple { crate::types::tuple::items(args).to_vec() } else { vec![args.clone()] },
        next: 0,
        mapping: is_mapping.then(|| args.clone()),
    };
    let f = text(fmt).to_string();
    let mut out = String::with_capacity(f.len());
    let mut used_mapping = false;
    for piece in krait_format::PercentParser::new(&f) {
        let mut spec = match piece.map_err(|e| vm.format_error(e))? {
            Piece::Literal(s) => {
                out.push_str(s);
                continue;
            }
            Piece::Conversion(spec) => spec,
        };
        if let Some(key) = spec.key.clone() {
            let Some(m) = src.mapping.clone() else { return Err(vm.new_type_error("format requires a mapping")) };
            let k = vm.new_str(&key);
            let v = vm.get_item(&m, &k)?;
            src.items = vec![v];
            src.next = 0;
            used_mapping = true;
        }
        if spec.width == Count::Star {
            let w = src.take(vm)?;
            let b = big_of(vm, &w)?;
            spec.set_star_width(&b).map_err(|e| vm.format_error(e))?;
        }
        if spec.precision == Count::Star {
            let p = src.take(vm)?;
            let b = big_of(vm, &p)?;
            spec.set_star_precision(&b).map_err(|e| vm.format_error(e))?;
        }
        if let Some(e) = spec.error.clone() {
            return Err(vm.format_error(e));
        }
        let v = src.take(vm)?;
        let piece = convert_one(vm, &v, &spec)?;
        out.push_str(&piece);
    }
    if src.next < src.items.len() && !used_mapping && src.mapping.is_none() {
        return Err(vm.new_type_error("not all arguments converted during string formatting"));
    }
    Ok(vm.new_str(&out))
}

fn convert_one(vm: &mut Vm, v: &Value, spec: &krait_format::PercentSpec) -> PyResult<String> {
    let r = match spec.conversion {
        's' => {
            let s = vm.str(v)?;
            krait_format::percent_format_text(s.as_str().map(|s| s.as_str()).unwrap_or(""), spec)
        }
        'r' | 'a' => {
            let s = vm.repr(v)?;
            let mut t = s.as_str().map(|s| s.as_str().to_string()).unwrap_or_default();
            if spec.conversion == 'a' {
                t = ascii_escape(&t);
            }
            krait_format::percent_format_text(&t, spec)
        }
        'c' => match pystr(v) {
            Some(s) if s.char_len() == 1 => krait_format::percent_format_text(s.as_str(), spec),
            Some(_) => return Err(vm.new_type_error("%c requires int or char")),
            None => match int_arg(v) {
                Some(i) => krait_format::percent_format_char(&i.to_bigint(), spec),
                None => return Err(vm.new_type_error("%c requires int or char")),
            },
        },
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
            let n = int_for(vm, v, spec.conversion)?;
            krait_format::percent_format_int(&n, spec, vm.int_max_str_digits)
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let f = float_for(vm, v, "must be real number")?;
            krait_format::percent_format_float(f, spec)
        }
        c => Err(krait_format::unsupported_format_character(c, spec.index)),
    };
    r.map_err(|e| vm.format_error(e))
}

/// The int for %d/%x...: ints as they are, floats truncated for %d/%i/%u (CPython calls
/// `int()` there), else `__index__`.
fn int_for(vm: &mut Vm, v: &Value, conv: char) -> PyResult<BigInt> {
    if let Some(i) = int_arg(v) {
        return Ok(i.to_bigint());
    }
    if let (Value::Float(f), 'd' | 'i' | 'u') = (v, conv) {
        if f.is_finite() {
            return Ok(num_traits::FromPrimitive::from_f64(f.trunc()).unwrap_or_default());
        }
        let msg = if f.is_nan() { "cannot convert float NaN to integer" } else { "cannot convert float infinity to integer" };
        return Err(if f.is_nan() { vm.new_value_error(msg) } else { vm.new_overflow_error(msg) });
    }
    let slot = vm.type_of(v).as_type().and_then(|t| t.slots().index.or(if matches!(conv, 'd' | 'i' | 'u') { t.slots().int } else { None }));
    if let Some(f) = slot {
        let r = f(vm, v)?;
        if let Some(i) = int_arg(&r) {
            return Ok(i.to_bigint());
        }
    }
    let n = vm.type_name(v);
    let msg = if matches!(conv, 'd' | 'i' | 'u') {
        format!("%{conv} format: a real number is required, not {n}")
    } else {
        format!("%{conv} format: an integer is required, not {n}")
    };
    Err(vm.new_type_error(msg))
}

/// The float value of a `%`-format argument (`__float__`), or TypeError("{what}, not T").
pub(crate) fn float_for(vm: &mut Vm, v: &Value, what: &str) -> PyResult<f64> {
    match v {
        Value::Float(f) => return Ok(*f),
        Value::Int(i) => return Ok(*i as f64),
        Value::Bool(b) => return Ok(*b as i64 as f64),
        _ => {}
    }
    if let Some(f) = vm.type_of(v).as_type().and_then(|t| t.slots().float) {
        if let Value::Float(x) = f(vm, v)? {
            return Ok(x);
        }
    }
    let n = vm.type_name(v);
    Err(vm.new_type_error(format!("{what}, not {n}")))
}

/// ascii(): non-ASCII characters of a repr escaped.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            super::repr::push_escape(&mut out, krait_bytecode::surrogate::code_point(c));
        }
    }
    out
}
