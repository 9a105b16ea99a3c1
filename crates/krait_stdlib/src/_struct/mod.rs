//! The `_struct` module: pack/unpack/calcsize/iter_unpack/pack_into/unpack_from, the
//! Struct type and struct.error, for every format code CPython supports.

mod format;

use crate::util::{bytes_of, expect, get_type, new_bytes, new_module, parse, set, wrap};
use format::{Layout, Order};
use krait_vm::object::{Args, Payload, PyRef, Slots, TypeFlags, Value};
use krait_vm::types::int::bigint_of;
use krait_vm::types::methods::{method, MethodDef};
use krait_vm::{PyErr, PyResult, Vm};

/// A Struct object: its format text and parsed layout.
struct Compiled {
    format: String,
    layout: Layout,
}

/// Build the `_struct` module.
pub fn make_module(vm: &mut Vm) -> PyRef {
    let (m, d) = new_module(vm, "_struct", FUNCTIONS);
    let exc = vm.exc.exception.clone();
    if let Ok(e) = crate::util::new_exception_type(vm, "struct", "_struct.error", &exc) {
        set(vm, &d, "error", Value::Obj(e));
    }
    let slots = Slots { new: Some(struct_new), init: Some(|_, _, _| Ok(())), ..Slots::default() };
    let t = crate::util::new_type(vm, "_struct", "_struct.Struct", None, slots, TypeFlags::BASETYPE, STRUCT_METHODS);
    krait_vm::types::int::add_property(vm, &t, "Struct", "format", |vm, a| {
        let f = expect::<Compiled>(vm, &a[0], "_struct.Struct")?.borrow().format.clone();
        Ok(vm.new_str(&f))
    });
    krait_vm::types::int::add_property(vm, &t, "Struct", "size", |vm, a| Ok(Value::Int(expect::<Compiled>(vm, &a[0], "_struct.Struct")?.borrow().layout.size as i64)));
    set(vm, &d, "Struct", Value::Obj(t));
    let doc = vm.new_str("Functions to convert between Python values and C structs.");
    set(vm, &d, "__doc__", doc);
    m
}

const FUNCTIONS: &[MethodDef] = &[
    method("pack", "(format, /, *v)", |vm, a| with_format(vm, &a[0], |vm, l| pack(vm, l, &a[1]))),
    method("unpack", "(format, buffer, /)", |vm, a| with_format(vm, &a[0], |vm, l| unpack(vm, l, &a[1]))),
    method("calcsize", "(format, /)", |vm, a| with_format(vm, &a[0], |_, l| Ok(Value::Int(l.size as i64)))),
    method("iter_unpack", "(format, buffer, /)", |vm, a| with_format(vm, &a[0], |vm, l| iter_unpack(vm, l, &a[1]))),
    method("unpack_from", "(format, /, buffer, offset=0)", |vm, a| with_format(vm, &a[0], |vm, l| unpack_from(vm, l, &a[1], &a[2]))),
    method("pack_into", "(format, buffer, offset, /, *v)", |vm, a| with_format(vm, &a[0], |vm, l| pack_into(vm, l, &a[1], &a[2], &a[3]))),
    method("_clearcache", "()", |_, _| Ok(Value::None)),
];

const STRUCT_METHODS: &[MethodDef] = &[
    method("pack", "(self, /, *v)", |vm, a| with_struct(vm, &a[0], |vm, l| pack(vm, l, &a[1]))),
    method("unpack", "(self, buffer, /)", |vm, a| with_struct(vm, &a[0], |vm, l| unpack(vm, l, &a[1]))),
    method("iter_unpack", "(self, buffer, /)", |vm, a| with_struct(vm, &a[0], |vm, l| iter_unpack(vm, l, &a[1]))),
    method("unpack_from", "(self, buffer, offset=0)", |vm, a| with_struct(vm, &a[0], |vm, l| unpack_from(vm, l, &a[1], &a[2]))),
    method("pack_into", "(self, buffer, offset, /, *v)", |vm, a| with_struct(vm, &a[0], |vm, l| pack_into(vm, l, &a[1], &a[2], &a[3]))),
];

/// struct.error(msg)
fn error(vm: &mut Vm, msg: &str) -> PyErr {
    match get_type(vm, "_struct.error") {
        Ok(t) => vm.new_exception_msg(&t, msg),
        Err(e) => e,
    }
}

fn format_text(vm: &mut Vm, f: &Value) -> PyResult<String> {
    if let Some(s) = f.as_obj().and_then(|o| o.as_str()) {
        return Ok(s.as_str().to_string());
    }
    if let Some(b) = bytes_of(f) {
        return Ok(String::from_utf8_lossy(&b).into_owned());
    }
    let n = vm.type_name(f);
    Err(vm.new_type_error(format!("Struct() argument 1 must be a str or bytes object, not {n}")))
}

fn compile(vm: &mut Vm, f: &Value) -> PyResult<Compiled> {
    let format = format_text(vm, f)?;
    let layout = format::parse(&format).map_err(|m| error(vm, &m))?;
    Ok(Compiled { format, layout })
}

fn with_format(vm: &mut Vm, f: &Value, op: impl FnOnce(&mut Vm, &Layout) -> PyResult<Value>) -> PyResult<Value> {
    let c = compile(vm, f)?;
    op(vm, &c.layout)
}

fn with_struct(vm: &mut Vm, s: &Value, op: impl FnOnce(&mut Vm, &Layout) -> PyResult<Value>) -> PyResult<Value> {
    let cell = expect::<Compiled>(vm, s, "_struct.Struct")?;
    let c = cell.borrow();
    op(vm, &c.layout)
}

/// Struct(format)
fn struct_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    let a = parse(vm, "(format)", "Struct", args)?;
    let c = compile(vm, &a[0])?;
    Ok(wrap(vm, cls, c))
}

/// The packed bytes of `values` (a tuple) per `layout`.
fn pack_bytes(vm: &mut Vm, layout: &Layout, values: &Value) -> PyResult<Vec<u8>> {
    let values = crate::util::tuple_items(values).to_vec();
    if values.len() != layout.nvalues {
        return Err(error(vm, &format!("pack expected {} items for packing (got {})", layout.nvalues, values.len())));
    }
    let mut out = vec![0u8; layout.size];
    for (item, v) in layout.items().zip(&values) {
        let slot = &mut out[item.offset..item.offset + item.size];
        pack_one(vm, item.code, layout.order, slot, v)?;
    }
    Ok(out)
}

fn pack_one(vm: &mut Vm, code: u8, order: Order, slot: &mut [u8], v: &Value) -> PyResult<()> {
    match code {
        b'c' => match bytes_of(v) {
            Some(b) if b.len() == 1 => slot[0] = b[0],
            _ => return Err(error(vm, "char format requires a bytes object of length 1")),
        },
        b's' | b'p' => {
            let Some(b) = bytes_of(v) else {
                return Err(error(vm, &format!("argument for '{}' must be a bytes object", code as char)));
            };
            if code == b's' {
                let n = b.len().min(slot.len());
                slot[..n].copy_from_slice(&b[..n]);
            } else if !slot.is_empty() {
                let n = b.len().min(slot.len() - 1);
                slot[1..=n].copy_from_slice(&b[..n]);
                slot[0] = n.min(255) as u8;
            }
        }
        b'?' => slot[0] = vm.is_true(v)? as u8,
        b'e' | b'f' | b'd' => {
            let x = float_arg(vm, v)?;
            let bytes: Vec<u8> = match code {
                b'd' => x.to_le_bytes().to_vec(),
                b'f' => {
                    let y = x as f32;
                    if y.is_infinite() && !x.is_infinite() {
                        return Err(vm.new_overflow_error("float too large to pack with f format"));
                    }
                    y.to_le_bytes().to_vec()
                }
                _ => match format::f64_to_half(x) {
                    Some(h) => h.to_le_bytes().to_vec(),
                    None => return Err(vm.new_overflow_error("float too large to pack with e format")),
                },
            };
            let n = slot.len();
            for (k, byte) in bytes.iter().enumerate() {
                if order == Order::Big { slot[n - 1 - k] = *byte } else { slot[k] = *byte }
            }
        }
        _ => {
            let n = match bigint_of(v) {
                Some(b) => b,
                None if vm.type_of(v).as_type().and_then(|t| t.slots().index).is_some() => krait_vm::types::int::index_of(vm, v)?,
                None => return Err(error(vm, "required argument is not an integer")),
            };
            if !format::in_range(&n, code, slot.len()) {
                return Err(error(vm, &format::range_error(code, slot.len(), order)));
            }
            format::put_int(slot, &n, order);
        }
    }
    Ok(())
}

fn float_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        _ => {
            if let Some(Payload::Float(f)) = v.as_obj().map(|o| &o.payload) {
                return Ok(*f);
            }
            let slots = vm.type_of(v).as_type().map(|t| t.slots()).unwrap_or_default();
            if slots.float.is_none() && slots.index.is_none() && bigint_of(v).is_none() {
                return Err(error(vm, "required argument is not a float"));
            }
            let float = Value::Obj(vm.types.float.clone());
            match vm.call_positional(&float, std::slice::from_ref(v))? {
                Value::Float(f) => Ok(f),
                _ => Err(error(vm, "required argument is not a float")),
            }
        }
    }
}

fn unpack_values(vm: &mut Vm, layout: &Layout, data: &[u8]) -> PyResult<Value> {
    let mut out = Vec::with_capacity(layout.nvalues);
    for item in layout.items() {
        let raw = &data[item.offset..item.offset + item.size];
        let v = match item.code {
            b'c' => new_bytes(vm, raw),
            b's' => new_bytes(vm, raw),
            b'p' => {
                let n = raw.first().map_or(0, |&n| (n as usize).min(raw.len().saturating_sub(1)));
                new_bytes(vm, raw.get(1..=n).unwrap_or(&[]))
            }
            b'?' => Value::Bool(raw[0] != 0),
            b'e' | b'f' | b'd' => {
                let mut le = raw.to_vec();
                if layout.order == Order::Big {
                    le.reverse();
                }
                Value::Float(match item.code {
                    b'd' => f64::from_le_bytes(le.try_into().unwrap_or([0; 8])),
                    b'f' => f32::from_le_bytes(le.try_into().unwrap_or([0; 4])) as f64,
                    _ => format::half_to_f64(u16::from_le_bytes(le.try_into().unwrap_or([0; 2]))),
                })
            }
            code => {
                let n = format::get_int(raw, layout.order, format::is_signed(code));
                match format::int_value(n) {
                    Ok(v) => v,
                    Err(big) => vm.new_bigint(big),
                }
            }
        };
        out.push(v);
    }
    Ok(vm.new_tuple(out))
}

fn buffer(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    bytes_of(v).ok_or_else(|| {
        let n = vm.type_name(v);
        vm.new_type_error(format!("a bytes-like object is required, not '{n}'"))
    })
}

fn pack(vm: &mut Vm, layout: &Layout, values: &Value) -> PyResult<Value> {
    let b = pack_bytes(vm, layout, values)?;
    Ok(new_bytes(vm, &b))
}

fn unpack(vm: &mut Vm, layout: &Layout, buf: &Value) -> PyResult<Value> {
    let data = buffer(vm, buf)?;
    if data.len() != layout.size {
        return Err(error(vm, &format!("unpack requires a buffer of {} bytes", layout.size)));
    }
    unpack_values(vm, layout, &data)
}

/// The offset argument of unpack_from/pack_into, negative counting from the end.
fn offset_arg(vm: &mut Vm, offset: &Value, len: usize) -> PyResult<usize> {
    let off = crate::util::index_i64(vm, offset)?.unwrap_or(i64::MAX);
    if off >= 0 {
        return Ok(off as usize);
    }
    let adjusted = off + len as i64;
    if adjusted < 0 {
        return Err(error(vm, &format!("offset {off} out of range for {len}-byte buffer")));
    }
    Ok(adjusted as usize)
}

fn unpack_from(vm: &mut Vm, layout: &Layout, buf: &Value, offset: &Value) -> PyResult<Value> {
    let data = buffer(vm, buf)?;
    let off = offset_arg(vm, offset, data.len())?;
    if data.len() < off || data.len() - off < layout.size {
        let msg = if off > data.len() {
            format!("offset {off} out of range for {}-byte buffer", data.len())
        } else {
            format!("unpack_from requires a buffer of at least {} bytes for unpacking {} bytes at offset {} (actual buffer size is {})", layout.size + off, layout.size, off, data.len())
        };
        return Err(error(vm, &msg));
    }
    unpack_values(vm, layout, &data[off..off + layout.size])
}

fn iter_unpack(vm: &mut Vm, layout: &Layout, buf: &Value) -> PyResult<Value> {
    let data = buffer(vm, buf)?;
    if layout.size == 0 {
        return Err(error(vm, "cannot iteratively unpack with a struct of length 0"));
    }
    if data.len() % layout.size != 0 {
        return Err(error(vm, &format!("iterative unpacking requires a buffer of a multiple of {} bytes", layout.size)));
    }
    let mut out = Vec::new();
    for chunk in data.chunks(layout.size) {
        out.push(unpack_values(vm, layout, chunk)?);
    }
    let list = vm.new_list(out);
    vm.iter(&list)
}

fn pack_into(vm: &mut Vm, layout: &Layout, buf: &Value, offset: &Value, values: &Value) -> PyResult<Value> {
    let bytes = pack_bytes(vm, layout, values)?;
    let Some(Payload::ByteArray(target)) = buf.as_obj().map(|o| &o.payload) else {
        let n = vm.type_name(buf);
        return Err(vm.new_type_error(format!("argument must be read-write bytes-like object, not {n}")));
    };
    let len = target.borrow().len();
    let off = offset_arg(vm, offset, len)?;
    if len < off || len - off < layout.size {
        let msg = if off > len {
            format!("offset {off} out of range for {len}-byte buffer")
        } else {
            format!("pack_into requires a buffer of at least {} bytes for packing {} bytes at offset {} (actual buffer size is {})", layout.size + off, layout.size, off, len)
        };
        return Err(error(vm, &msg));
    }
    target.borrow_mut()[off..off + layout.size].copy_from_slice(&bytes);
    Ok(Value::None)
}
