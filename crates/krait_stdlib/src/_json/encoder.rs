//! `_json.make_encoder`: the one-shot JSON encoder behind `json.dumps` without indent,
//! producing the text natively as CPython's `encoder_listencode_obj` does.

use super::{escape_ascii, escape_unicode};
use crate::util::{expect, wrap};
use krait_vm::object::{Args, Payload, PyRef, Value};
use krait_vm::types::int::bigint_of;
use krait_vm::{PyResult, Vm};
use std::collections::HashSet;

/// How strings are encoded: one of the native escapers, or a Python callable.
enum StrEncoder {
    Ascii,
    Unicode,
    Call(Value),
}

pub struct Encoder {
    check_circular: bool,
    default: Value,
    encoder: StrEncoder,
    key_separator: String,
    item_separator: String,
    sort_keys: bool,
    skipkeys: bool,
    allow_nan: bool,
}

/// make_encoder(markers, default, encoder, indent, key_separator, item_separator,
/// sort_keys, skipkeys, allow_nan)
pub fn encoder_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    let a = crate::util::parse(vm, "(markers, default, encoder, indent, key_separator, item_separator, sort_keys, skipkeys, allow_nan, /)", "make_encoder", args)?;
    if !a[3].is_none() {
        return Err(vm.new_not_implemented_error("_json.make_encoder with an indent"));
    }
    let encoder = match &a[2] {
        Value::Obj(o) => match &o.payload {
            Payload::NativeFunction(nf) if nf.owner == "_json" && nf.name == "encode_basestring_ascii" => StrEncoder::Ascii,
            Payload::NativeFunction(nf) if nf.owner == "_json" && nf.name == "encode_basestring" => StrEncoder::Unicode,
            _ => StrEncoder::Call(a[2].clone()),
        },
        other => StrEncoder::Call(other.clone()),
    };
    let sep = |vm: &mut Vm, v: &Value, what: &str| match v.as_obj().and_then(|o| o.as_str()) {
        Some(s) => Ok(s.as_str().to_string()),
        None => {
            let n = vm.type_name(v);
            Err(vm.new_type_error(format!("make_encoder() argument {what} must be str, not {n}")))
        }
    };
    let key_separator = sep(vm, &a[4], "5")?;
    let item_separator = sep(vm, &a[5], "6")?;
    let enc = Encoder {
        check_circular: !a[0].is_none(),
        default: a[1].clone(),
        encoder,
        key_separator,
        item_separator,
        sort_keys: vm.is_true(&a[6])?,
        skipkeys: vm.is_true(&a[7])?,
        allow_nan: vm.is_true(&a[8])?,
    };
    Ok(wrap(vm, cls, enc))
}

/// encoder(obj, _current_indent_level) → a 1-tuple holding the JSON text.
pub fn encoder_call(vm: &mut Vm, this: &Value, args: Args<'_>) -> PyResult<Value> {
    let a = crate::util::parse(vm, "(obj, _current_indent_level)", "_iterencode", args)?;
    let cell = expect::<Encoder>(vm, this, "_json.Encoder")?;
    let enc = cell.borrow();
    let depth = vm.recursion_limit.saturating_sub(vm.frames.len());
    let mut w = Writer { enc: &enc, out: String::new(), markers: HashSet::new(), depth };
    w.obj(vm, &a[0])?;
    let s = vm.new_str(&w.out);
    Ok(vm.new_tuple(vec![s]))
}

struct Writer<'a> {
    enc: &'a Encoder,
    out: String,
    /// Addresses of the containers being encoded (circular reference check).
    markers: HashSet<usize>,
    depth: usize,
}

/// The text of `str` value `v`.
fn text(v: &Value) -> Option<String> {
    v.as_obj().and_then(|o| o.as_str()).map(|s| s.as_str().to_string())
}

impl Writer<'_> {
    fn string(&mut self, vm: &mut Vm, v: &Value, s: &str) -> PyResult<()> {
        match &self.enc.encoder {
            StrEncoder::Ascii => escape_ascii(&mut self.out, s),
            StrEncoder::Unicode => escape_unicode(&mut self.out, s),
            StrEncoder::Call(f) => {
                let r = vm.call_positional(f, std::slice::from_ref(v))?;
                match text(&r) {
                    Some(t) => self.out.push_str(&t),
                    None => {
                        let n = vm.type_name(&r);
                        return Err(vm.new_type_error(format!("encoder() must return a string, not {n}")));
                    }
                }
            }
        }
        Ok(())
    }

    /// encoder_encode_float: float.__repr__, or the names of the non-finite values.
    fn float(&self, vm: &mut Vm, f: f64) -> PyResult<String> {
        if !f.is_finite() {
            if !self.enc.allow_nan {
                return Err(vm.new_value_error("Out of range float values are not JSON compliant"));
            }
            return Ok(if f.is_nan() { "NaN" } else if f > 0.0 { "Infinity" } else { "-Infinity" }.to_string());
        }
        let r = vm.repr(&Value::Float(f))?;
        Ok(r.as_str().map(|s| s.as_str().to_string()).unwrap_or_default())
    }

    /// The scalar text of `v` (None, bools, ints, floats), if it is one.
    fn scalar(&self, vm: &mut Vm, v: &Value) -> PyResult<Option<String>> {
        Ok(Some(match v {
            Value::None => "null".into(),
            Value::Bool(true) => "true".into(),
            Value::Bool(false) => "false".into(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) => self.float(vm, *f)?,
            _ => {
                if let Some(b) = bigint_of(v) {
                    b.to_string()
                } else if let Some(f) = krait_vm::types::float::float_arg(v) {
                    self.float(vm, f)?
                } else {
                    return Ok(None);
                }
            }
        }))
    }

    fn enter(&mut self, vm: &mut Vm, v: &Value) -> PyResult<Option<usize>> {
        if self.depth == 0 {
            return Err(vm.new_recursion_error("maximum recursion depth exceeded while encoding a JSON object"));
        }
        self.depth -= 1;
        if !self.enc.check_circular {
            return Ok(None);
        }
        let id = v.as_obj().map(PyRef::addr).unwrap_or(0);
        if !self.markers.insert(id) {
            return Err(vm.new_value_error("Circular reference detected"));
        }
        Ok(Some(id))
    }

    fn leave(&mut self, id: Option<usize>) {
        self.depth += 1;
        if let Some(id) = id {
            self.markers.remove(&id);
        }
    }

    /// encoder_listencode_obj
    fn obj(&mut self, vm: &mut Vm, v: &Value) -> PyResult<()> {
        if let Some(s) = text(v) {
            return self.string(vm, v, &s);
        }
        if let Some(t) = self.scalar(vm, v)? {
            self.out.push_str(&t);
            return Ok(());
        }
        let seq = v.as_obj().and_then(|o| match &o.payload {
            Payload::Tuple(t) => Some(t.to_vec()),
            Payload::List(l) => Some(l.borrow().clone()),
            _ => None,
        });
        if let Some(items) = seq {
            return self.list(vm, v, &items);
        }
        if v.as_obj().is_some_and(|o| o.as_dict().is_some()) {
            return self.dict(vm, v);
        }
        let id = self.enter(vm, v)?;
        let new = vm.call_positional(&self.enc.default, std::slice::from_ref(v))?;
        self.obj(vm, &new)?;
        self.leave(id);
        Ok(())
    }

    fn list(&mut self, vm: &mut Vm, v: &Value, items: &[Value]) -> PyResult<()> {
        if items.is_empty() {
            self.out.push_str("[]");
            return Ok(());
        }
        let id = self.enter(vm, v)?;
        self.out.push('[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.out.push_str(&self.enc.item_separator);
            }
            self.obj(vm, item)?;
        }
        self.out.push(']');
        self.leave(id);
        Ok(())
    }

    /// encoder_listencode_dict
    fn dict(&mut self, vm: &mut Vm, v: &Value) -> PyResult<()> {
        let exact = vm.type_of(v).is(&vm.types.dict);
        let mut items: Vec<(Value, Value)> = if exact {
            let d = v.as_obj().and_then(|o| o.as_dict()).map(|d| d.borrow().iter().map(|(_, e)| (e.key.clone(), e.value.clone())).collect());
            d.unwrap_or_default()
        } else {
            let it = vm.call_method(v, "items", &[])?;
            let mut pairs = Vec::new();
            for p in vm.collect(&it)? {
                let kv = vm.collect(&p)?;
                if kv.len() != 2 {
                    return Err(vm.new_value_error("items must return 2-tuples"));
                }
                pairs.push((kv[0].clone(), kv[1].clone()));
            }
            pairs
        };
        if items.is_empty() {
            self.out.push_str("{}");
            return Ok(());
        }
        if self.enc.sort_keys {
            let tuples: Vec<Value> = items.iter().map(|(k, v)| vm.new_tuple(vec![k.clone(), v.clone()])).collect();
            let list = vm.new_list(tuples);
            vm.call_method(&list, "sort", &[])?;
            items = Vec::new();
            for t in vm.collect(&list)? {
                let kv = crate::util::tuple_items(&t);
                items.push((kv[0].clone(), kv[1].clone()));
            }
        }
        let id = self.enter(vm, v)?;
        self.out.push('{');
        let mut first = true;
        for (k, val) in &items {
            let key = if let Some(s) = text(k) {
                s
            } else if let Some(t) = self.scalar(vm, k)? {
                t
            } else if self.enc.skipkeys {
                continue;
            } else {
                let n = vm.type_name(k);
                return Err(vm.new_type_error(format!("keys must be str, int, float, bool or None, not {n}")));
            };
            if !first {
                self.out.push_str(&self.enc.item_separator);
            }
            first = false;
            let key_obj = vm.new_str(&key);
            self.string(vm, &key_obj, &key)?;
            self.out.push_str(&self.enc.key_separator);
            self.obj(vm, val)?;
        }
        self.out.push('}');
        self.leave(id);
        Ok(())
    }
}
