//! array.array's methods (append … tounicode, pickling support) and the module-level
//! `_array_reconstructor`.

use super::items::{code_point, decode, encode, is_integer, is_signed, is_valid, itemsize, mformat_code, TYPECODES};
use super::seq::item_eq;
use super::{encode_all, new_array, snapshot, st, typecode_arg, values, Array};
use crate::util::{index_i64, new_bytes, state};
use krait_vm::object::Value;
use krait_vm::types::methods::{method, MethodDef};
use krait_vm::{PyResult, Vm};

pub const METHODS: &[MethodDef] = &[
    method("append", "(self, v, /)", |vm, a| {
        let code = st(vm, &a[0])?.borrow().code;
        let mut buf = vec![0u8; itemsize(code)];
        encode(vm, code, &a[1], &mut buf)?;
        st(vm, &a[0])?.borrow_mut().data.extend_from_slice(&buf);
        Ok(Value::None)
    }),
    method("buffer_info", "(self, /)", |vm, a| {
        let (addr, len) = {
            let arr = st(vm, &a[0])?.borrow();
            (arr.data.as_ptr() as usize, arr.len())
        };
        let addr = vm.new_bigint(addr.into());
        Ok(vm.new_tuple(vec![addr, Value::Int(len as i64)]))
    }),
    method("byteswap", "(self, /)", |vm, a| {
        let mut arr = st(vm, &a[0])?.borrow_mut();
        let n = arr.itemsize();
        for item in arr.data.chunks_exact_mut(n) {
            item.reverse();
        }
        Ok(Value::None)
    }),
    method("count", "(self, v, /)", |vm, a| {
        let mut c = 0;
        for item in values(vm, &a[0])? {
            if item_eq(vm, &item, &a[1])? {
                c += 1;
            }
        }
        Ok(Value::Int(c))
    }),
    method("extend", "(self, bb, /)", |vm, a| extend(vm, &a[0], &a[1]).map(|_| Value::None)),
    method("frombytes", "(self, buffer, /)", |vm, a| {
        let b = krait_vm::types::bytes::buffer_arg(vm, &a[1])?;
        frombytes(vm, &a[0], &b)?;
        Ok(Value::None)
    }),
    method("fromfile", "(self, f, n, /)", fromfile),
    method("fromlist", "(self, list, /)", |vm, a| {
        let Some(l) = a[1].as_obj().and_then(|o| o.as_list()) else { return Err(vm.new_type_error("arg must be list")) };
        let items = l.borrow().clone();
        let code = st(vm, &a[0])?.borrow().code;
        let data = encode_all(vm, code, &items)?;
        st(vm, &a[0])?.borrow_mut().data.extend_from_slice(&data);
        Ok(Value::None)
    }),
    method("fromunicode", "(self, ustr, /)", |vm, a| {
        let Some(s) = a[1].as_obj().and_then(|o| o.as_str()).map(|s| s.as_str().to_string()) else {
            let n = vm.type_name(&a[1]);
            return Err(vm.new_type_error(format!("fromunicode() argument must be str, not {n}")));
        };
        let mut arr = st(vm, &a[0])?.borrow_mut();
        if arr.code != b'u' {
            drop(arr);
            return Err(vm.new_value_error("fromunicode() may only be called on unicode type arrays"));
        }
        arr.data.extend(s.chars().flat_map(|c| (c as u32).to_ne_bytes()));
        Ok(Value::None)
    }),
    method("index", "(self, v, start=0, stop=9223372036854775807, /)", |vm, a| {
        let len = st(vm, &a[0])?.borrow().len();
        let (start, stop) = krait_vm::types::seq_common::search_range(vm, &a[2], &a[3], len)?;
        let vals = values(vm, &a[0])?;
        for (i, item) in vals.iter().enumerate().take(stop).skip(start) {
            if item_eq(vm, item, &a[1])? {
                return Ok(Value::Int(i as i64));
            }
        }
        Err(vm.new_value_error("array.index(x): x not in array"))
    }),
    method("insert", "(self, i, v, /)", |vm, a| {
        let i = index_i64(vm, &a[1])?.unwrap_or(i64::MAX);
        let code = st(vm, &a[0])?.borrow().code;
        let mut buf = vec![0u8; itemsize(code)];
        encode(vm, code, &a[2], &mut buf)?;
        let mut arr = st(vm, &a[0])?.borrow_mut();
        let n = arr.len() as i64;
        let pos = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize * arr.itemsize();
        arr.data.splice(pos..pos, buf);
        Ok(Value::None)
    }),
    method("pop", "(self, i=-1, /)", |vm, a| {
        let i = index_i64(vm, &a[1])?.unwrap_or(i64::MAX);
        let len = st(vm, &a[0])?.borrow().len();
        if len == 0 {
            return Err(vm.new_index_error("pop from empty array"));
        }
        let Some(p) = krait_vm::types::slice::normalize(i, len) else { return Err(vm.new_index_error("pop index out of range")) };
        let (code, b) = {
            let mut arr = st(vm, &a[0])?.borrow_mut();
            let n = arr.itemsize();
            (arr.code, arr.data.drain(p * n..(p + 1) * n).collect::<Vec<u8>>())
        };
        decode(vm, code, &b)
    }),
    method("remove", "(self, v, /)", |vm, a| {
        let vals = values(vm, &a[0])?;
        for (i, item) in vals.iter().enumerate() {
            if item_eq(vm, item, &a[1])? {
                let mut arr = st(vm, &a[0])?.borrow_mut();
                let n = arr.itemsize();
                // __eq__ may have shrunk the array meanwhile.
                if (i + 1) * n <= arr.data.len() {
                    arr.data.drain(i * n..(i + 1) * n);
                }
                return Ok(Value::None);
            }
        }
        Err(vm.new_value_error("array.remove(x): x not in array"))
    }),
    method("reverse", "(self, /)", |vm, a| {
        let mut arr = st(vm, &a[0])?.borrow_mut();
        let n = arr.itemsize();
        let reversed: Vec<u8> = arr.data.chunks_exact(n).rev().flatten().copied().collect();
        arr.data = reversed;
        Ok(Value::None)
    }),
    method("tobytes", "(self, /)", |vm, a| {
        let data = st(vm, &a[0])?.borrow().data.clone();
        Ok(new_bytes(vm, &data))
    }),
    method("tofile", "(self, f, /)", |vm, a| {
        let data = st(vm, &a[0])?.borrow().data.clone();
        // CPython writes in blocks of 64 KiB.
        for chunk in data.chunks(64 * 1024) {
            let b = new_bytes(vm, chunk);
            vm.call_method(&a[1], "write", &[b])?;
        }
        Ok(Value::None)
    }),
    method("tolist", "(self, /)", |vm, a| {
        let vals = values(vm, &a[0])?;
        Ok(vm.new_list(vals))
    }),
    method("tounicode", "(self, /)", |vm, a| {
        let (code, data) = snapshot(vm, &a[0])?;
        if code != b'u' {
            return Err(vm.new_value_error("tounicode() may only be called on unicode type arrays"));
        }
        let s = unicode_of(vm, &data)?;
        Ok(vm.new_str(&s))
    }),
    method("__copy__", "(self, /)", copy),
    method("__deepcopy__", "(self, unused, /)", copy),
    method("__reduce_ex__", "(self, value, /)", reduce_ex),
    method("__sizeof__", "(self, /)", |vm, a| {
        let cap = st(vm, &a[0])?.borrow().data.capacity();
        Ok(Value::Int(64 + cap as i64))
    }),
];

/// The text of a 'u' array's data.
pub fn unicode_of(vm: &mut Vm, data: &[u8]) -> PyResult<String> {
    data.chunks_exact(4).map(|b| code_point(vm, u32::from_ne_bytes([b[0], b[1], b[2], b[3]]))).collect()
}

/// array_array_extend: another array of the same typecode, or any iterable.
pub fn extend(vm: &mut Vm, v: &Value, bb: &Value) -> PyResult<()> {
    if let Some(other) = state::<Array>(bb) {
        let (ocode, odata) = {
            let o = other.borrow();
            (o.code, o.data.clone())
        };
        let mut a = st(vm, v)?.borrow_mut();
        if a.code != ocode {
            drop(a);
            return Err(vm.new_type_error("can only extend with array of same kind"));
        }
        a.data.extend_from_slice(&odata);
        return Ok(());
    }
    let code = st(vm, v)?.borrow().code;
    let mut buf = vec![0u8; itemsize(code)];
    let it = vm.iter(bb)?;
    while let Some(x) = vm.next(&it)? {
        encode(vm, code, &x, &mut buf)?;
        st(vm, v)?.borrow_mut().data.extend_from_slice(&buf);
    }
    Ok(())
}

fn frombytes(vm: &mut Vm, v: &Value, b: &[u8]) -> PyResult<()> {
    let mut a = st(vm, v)?.borrow_mut();
    if !b.len().is_multiple_of(a.itemsize()) {
        drop(a);
        return Err(vm.new_value_error("bytes length not a multiple of item size"));
    }
    a.data.extend_from_slice(b);
    Ok(())
}

/// array_array_fromfile: read n items with `f.read()`.
fn fromfile(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let n = index_i64(vm, &a[2])?.ok_or_else(|| vm.new_overflow_error("Python int too large to convert to C ssize_t"))?;
    if n < 0 {
        return Err(vm.new_value_error("negative count"));
    }
    let size = st(vm, &a[0])?.borrow().itemsize() as i64;
    let Some(nbytes) = n.checked_mul(size) else { return Err(vm.new_memory_error("")) };
    let r = vm.call_method(&a[1], "read", &[Value::Int(nbytes)])?;
    let is_bytes = matches!(r.as_obj().map(|o| &o.payload), Some(krait_vm::object::Payload::Bytes(_)));
    if !is_bytes {
        return Err(vm.new_type_error("read() didn't return bytes"));
    }
    let b = crate::util::bytes_of(&r).unwrap_or_default();
    frombytes(vm, &a[0], &b)?;
    if b.len() as i64 != nbytes {
        return Err(vm.new_eof_error("read() didn't return enough bytes"));
    }
    Ok(Value::None)
}

/// `__copy__` / `__deepcopy__`: a new exact array with the same items.
fn copy(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (code, data) = snapshot(vm, &a[0])?;
    super::new_exact(vm, code, data)
}

/// array_array___reduce_ex__: `(type, (typecode, list), dict)` for protocols below 3,
/// else `(_array_reconstructor, (type, typecode, mformat_code, bytes), dict)`.
fn reduce_ex(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let protocol = index_i64(vm, &a[1])?.unwrap_or(i64::MAX);
    let dict = match vm.get_attr_str(&a[0], "__dict__") {
        Ok(d) => d,
        Err(e) if vm.is_subtype(&e.0.class(), &vm.exc.attribute_error.clone()) => Value::None,
        Err(e) => return Err(e),
    };
    let cls = Value::Obj(vm.type_of(&a[0]));
    let (code, data) = snapshot(vm, &a[0])?;
    let tc = vm.new_str(&char::from(code).to_string());
    if protocol < 3 {
        let vals = values(vm, &a[0])?;
        let list = vm.new_list(vals);
        let args = vm.new_tuple(vec![tc, list]);
        return Ok(vm.new_tuple(vec![cls, args, dict]));
    }
    let Some(module) = krait_vm::modules::builtin_module(vm, "array") else { return Err(vm.new_system_error("array module is not available")) };
    let recon = vm.get_attr_str(&Value::Obj(module), "_array_reconstructor")?;
    let bytes = new_bytes(vm, &data);
    let args = vm.new_tuple(vec![cls, tc, Value::Int(mformat_code(code)), bytes]);
    Ok(vm.new_tuple(vec![recon, args, dict]))
}

/// The item size, signedness and byte order of machine format code `m`
/// (`mformat_descriptors`); None when out of range.
fn mformat_descr(m: i64) -> Option<(usize, bool, bool)> {
    let little = m % 2 == 0;
    Some(match m {
        0 | 1 => (1, m == 1, true),
        2..=13 => {
            let size = [2, 4, 8][((m - 2) / 4) as usize];
            (size, (m - 2) % 4 >= 2, little)
        }
        14 | 15 => (4, true, little),
        16 | 17 => (8, true, little),
        18 | 19 => (2, false, little),
        20 | 21 => (4, false, little),
        _ => return None,
    })
}

/// array__array_reconstructor_impl: rebuild a pickled array, decoding items stored in a
/// machine format other than this platform's.
pub fn reconstructor(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let Some(cls) = a[0].as_obj().filter(|o| o.as_type().is_some()).cloned() else {
        let n = vm.type_name(&a[0]);
        return Err(vm.new_type_error(format!("first argument must be a type object, not {n}")));
    };
    let array_t = crate::util::get_type(vm, super::KEY)?;
    if !vm.is_subtype(&cls, &array_t) {
        let n = cls.as_type().map(|t| t.name()).unwrap_or_default();
        return Err(vm.new_type_error(format!("{n} is not a subtype of array.array")));
    }
    let code = match typecode_arg(vm, &a[1], "_array_reconstructor() argument 2") {
        Ok(c) if is_valid(c) => c,
        Ok(_) => return Err(vm.new_value_error("second argument must be a valid type code")),
        Err(e) if vm.is_subtype(&e.0.class(), &vm.exc.value_error.clone()) => return Err(vm.new_value_error("second argument must be a valid type code")),
        Err(e) => return Err(e),
    };
    let m = index_i64(vm, &a[2])?.unwrap_or(-1);
    let Some((size, signed, little)) = mformat_descr(m) else {
        return Err(vm.new_value_error("third argument must be a valid machine format code."));
    };
    let is_bytes = matches!(a[3].as_obj().map(|o| &o.payload), Some(krait_vm::object::Payload::Bytes(_)));
    if !is_bytes {
        let n = vm.type_name(&a[3]);
        return Err(vm.new_type_error(format!("fourth argument should be bytes, not {n}")));
    }
    let items = crate::util::bytes_of(&a[3]).unwrap_or_default();
    let make = |vm: &mut Vm, code: u8, vals: Vec<Value>| -> PyResult<Value> {
        let data = encode_all(vm, code, &vals)?;
        Ok(new_array(vm, &cls, code, data))
    };
    if m == mformat_code(code) {
        if !items.len().is_multiple_of(itemsize(code)) {
            return Err(vm.new_value_error("bytes length not a multiple of item size"));
        }
        return Ok(new_array(vm, &cls, code, items));
    }
    if !items.len().is_multiple_of(size) {
        return Err(vm.new_value_error("string length not a multiple of item size"));
    }
    let word = |chunk: &[u8]| -> u64 {
        let mut b = [0u8; 8];
        if little {
            b[..chunk.len()].copy_from_slice(chunk);
        } else {
            for (i, x) in chunk.iter().rev().enumerate() {
                b[i] = *x;
            }
        }
        u64::from_le_bytes(b)
    };
    let raw: Vec<u64> = items.chunks_exact(size).map(word).collect();
    match m {
        14..=17 => {
            let vals = raw.iter().map(|&w| Value::Float(if size == 4 { f64::from(f32::from_bits(w as u32)) } else { f64::from_bits(w) })).collect();
            make(vm, code, vals)
        }
        18..=21 => {
            let text: String = if size == 2 {
                let units: Vec<u16> = raw.iter().map(|&w| w as u16).collect();
                String::from_utf16_lossy(&units)
            } else {
                raw.iter().filter_map(|&w| char::from_u32(w as u32)).collect()
            };
            let vals = text.chars().map(|c| vm.new_str(&c.to_string())).collect();
            make(vm, code, vals)
        }
        _ => {
            // Pick the typecode of matching size and signedness (the last one listed).
            let tc = TYPECODES.bytes().rfind(|&c| is_integer(c) && itemsize(c) == size && is_signed(c) == signed).unwrap_or(code);
            let vals = raw
                .iter()
                .map(|&w| {
                    if signed {
                        let shift = 64 - 8 * size as u32;
                        Value::Int(((w << shift) as i64) >> shift)
                    } else {
                        match i64::try_from(w) {
                            Ok(i) => Value::Int(i),
                            Err(_) => vm.new_bigint(w.into()),
                        }
                    }
                })
                .collect();
            make(vm, tc, vals)
        }
    }
}
