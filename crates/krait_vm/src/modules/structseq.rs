//! Struct sequences (CPython's `structseq`): tuple subclasses whose items are also named
//! attributes, with hidden extra fields — `time.struct_time`, `sys.version_info`,
//! `sys.flags`, `sys.float_info` ...

use crate::object::{Args, Payload, PyObject, PyRef, Slots, TypeFlags, Value};
use crate::vm::{PyResult, Vm};

/// The shape of a struct sequence type.
pub struct StructSeqDef {
    /// Module and type name, e.g. `"time.struct_time"`.
    pub name: &'static str,
    /// Every field; the first `visible` are the tuple items.
    pub fields: &'static [&'static str],
    pub visible: usize,
    /// Whether Python code may call the type.
    pub constructible: bool,
}

/// Create the type for `def`.
pub fn new_type(vm: &mut Vm, def: &StructSeqDef) -> PyRef {
    let (module, short) = def.name.rsplit_once('.').unwrap_or(("builtins", def.name));
    let new: crate::object::NewFn = if def.constructible { structseq_new } else { no_new };
    let slots = Slots { repr: Some(structseq_repr), new: Some(new), ..Slots::default() };
    let tuple = vm.types.tuple.clone();
    let t = vm.new_builtin_type(short, Some(&tuple), slots, TypeFlags::TUPLE_SUBCLASS);
    let m = vm.new_str(module);
    vm.set_type_attr(&t, "__module__", m);
    for (i, field) in def.fields.iter().enumerate() {
        let name = vm.new_str(field);
        let spec = vm.new_tuple(vec![Value::Int(i as i64), name]);
        let f = vm.new_native_function(field, "structseq", "(spec, self, /)", field_get, spec, false);
        let pt = vm.types.property.clone();
        let p = vm.wrap(Payload::Property { fget: Value::Obj(f), fset: Value::None, fdel: Value::None, doc: Default::default(), getter_doc: false, name: Default::default() }, &pt);
        vm.set_type_attr(&t, field, p);
    }
    let visible: Vec<Value> = def.fields[..def.visible].iter().map(|f| vm.new_str(f)).collect();
    let match_args = vm.new_tuple(visible);
    vm.set_type_attr(&t, "__match_args__", match_args);
    vm.set_type_attr(&t, "n_sequence_fields", Value::Int(def.visible as i64));
    vm.set_type_attr(&t, "n_fields", Value::Int(def.fields.len() as i64));
    vm.set_type_attr(&t, "n_unnamed_fields", Value::Int(0));
    vm.add_methods(&t, short, &[crate::types::methods::method("__reduce__", "(self, /)", structseq_reduce)]);
    t
}

/// An instance of struct sequence type `ty`; `values` holds every field (missing hidden
/// fields are None).
pub fn new_instance(vm: &mut Vm, ty: &PyRef, mut values: Vec<Value>) -> Value {
    let (visible, fields) = shape(vm, ty);
    values.resize(fields.len().max(visible), Value::None);
    let hidden = values.split_off(visible.min(values.len()));
    let obj = PyRef::new(PyObject::new(ty.clone(), Payload::Tuple(values.into_boxed_slice())));
    if !hidden.is_empty() {
        let d = vm.new_dict_ref();
        for (name, v) in fields[visible..].iter().zip(hidden) {
            let key = Value::Obj(vm.intern(name));
            // Interned str keys never run Python code.
            let _ = vm.dict_set_item(&d, key, v);
        }
        *obj.dict.borrow_mut() = Some(d);
    }
    Value::Obj(obj)
}

/// (number of visible fields, all field names) of a struct sequence type.
fn shape(vm: &mut Vm, ty: &PyRef) -> (usize, Vec<String>) {
    let key = vm.intern("n_sequence_fields");
    let visible = match vm.lookup_type_attr(ty, &key) {
        Some(Value::Int(n)) => n as usize,
        _ => 0,
    };
    let mro = ty.as_type().map(|t| t.mro.borrow().clone()).unwrap_or_default();
    // The field properties, in definition order, live in the struct sequence type's dict.
    let mut fields = Vec::new();
    for t in mro {
        let Some(td) = t.as_type() else { continue };
        let Some(d) = td.dict.as_dict() else { continue };
        let d = d.borrow();
        for (_, e) in d.iter() {
            if let Value::Obj(p) = &e.value {
                if let Payload::Property { fget: Value::Obj(f), .. } = &p.payload {
                    if let Payload::NativeFunction(nf) = &f.payload {
                        if nf.owner == "structseq" {
                            fields.push(nf.name.to_string());
                        }
                    }
                }
            }
        }
        if !fields.is_empty() {
            break;
        }
    }
    (visible, fields)
}

/// A field's getter: `spec` is `(index, name)`.
fn field_get(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let spec = crate::builtins::tuple_items(&a[0]);
    let (Some(Value::Int(i)), Some(name)) = (spec.first(), spec.get(1)) else { return Ok(Value::None) };
    let Value::Obj(o) = &a[1] else { return Ok(Value::None) };
    if let Some(v) = o.as_tuple().and_then(|t| t.get(*i as usize)) {
        return Ok(v.clone());
    }
    let d = o.dict.borrow().clone();
    match d {
        Some(d) => Ok(crate::types::dict_ops::get_item(vm, &d, name)?.unwrap_or(Value::None)),
        None => Ok(Value::None),
    }
}

fn no_new(vm: &mut Vm, cls: &PyRef, _args: Args<'_>) -> PyResult<Value> {
    let n = vm.tp_name(cls);
    Err(vm.new_type_error(format!("cannot create '{n}' instances")))
}

/// structseq_new(type, sequence, dict=None)
fn structseq_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    let a = crate::types::native::bind_static(vm, "(sequence, dict=?)", "structseq", args)?;
    if !a[1].is_null() && a[1].as_obj().and_then(|o| o.as_dict()).is_none() {
        let n = vm.tp_name(cls);
        return Err(vm.new_type_error(format!("{n}() takes a dict as second arg, if any")));
    }
    let items = vm.collect(&a[0])?;
    let (visible, fields) = shape(vm, cls);
    let n = vm.tp_name(cls);
    let (min, max) = (visible, fields.len());
    let len = items.len();
    if len < min || len > max {
        let msg = if min == max {
            format!("{n}() takes a {min}-sequence ({len}-sequence given)")
        } else if len < min {
            format!("{n}() takes an at least {min}-sequence ({len}-sequence given)")
        } else {
            format!("{n}() takes an at most {max}-sequence ({len}-sequence given)")
        };
        return Err(vm.new_type_error(msg));
    }
    let mut items = items;
    // Hidden fields missing from the sequence come from `dict` by name.
    if !a[1].is_null() {
        for name in &fields[len..] {
            let key = vm.new_str(name);
            let v = match vm.get_item(&a[1], &key) {
                Ok(v) => v,
                Err(e) if crate::builtins::err_matches(vm, &e, &vm.exc.key_error) => Value::None,
                Err(e) => return Err(e),
            };
            items.push(v);
        }
    }
    Ok(new_instance(vm, cls, items))
}

// structseq_reduce: (type, (visible items, {hidden field: value}))
fn structseq_reduce(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let ty = vm.type_of(&a[0]);
    let items = vm.new_tuple(crate::builtins::tuple_items(&a[0]).to_vec());
    let hidden = vm.new_dict_ref();
    if let Some(d) = a[0].as_obj().and_then(|o| o.dict.borrow().clone()) {
        let entries: Vec<(Value, Value)> = d.as_dict().map(|t| t.borrow().iter().map(|(_, e)| (e.key.clone(), e.value.clone())).collect()).unwrap_or_default();
        for (k, v) in entries {
            vm.dict_set_item(&hidden, k, v)?;
        }
    }
    let args = vm.new_tuple(vec![items, Value::Obj(hidden)]);
    Ok(vm.new_tuple(vec![Value::Obj(ty), args]))
}

/// `module.name(field=value, ...)` over the visible fields.
fn structseq_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let ty = vm.type_of(v);
    let n = vm.tp_name(&ty);
    let (visible, fields) = shape(vm, &ty);
    let items = crate::builtins::tuple_items(v).to_vec();
    let mut parts = Vec::with_capacity(visible);
    for (name, item) in fields.iter().zip(items.iter()).take(visible) {
        let r = vm.repr(item)?;
        parts.push(format!("{name}={}", r.as_str().map(|s| s.as_str()).unwrap_or("")));
    }
    Ok(vm.new_str(&format!("{n}({})", parts.join(", "))))
}
