//! The `binascii` module: hex and base64 conversions, crc32 and crc_hqx, and the
//! `Error`/`Incomplete` exceptions (what `base64` and friends build on).

use crate::util::{get_type, new_bytes, new_module, set};
use krait_vm::object::{PyRef, Value};
use krait_vm::types::bytes::buffer;
use krait_vm::types::methods::method;
use krait_vm::{PyErr, PyResult, Vm};

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Build the `binascii` module.
pub fn make_module(vm: &mut Vm) -> PyRef {
    let (m, d) = new_module(vm, "binascii", &[
        method("hexlify", "(data, sep=?, bytes_per_sep=1)", hexlify),
        method("b2a_hex", "(data, sep=?, bytes_per_sep=1)", hexlify),
        method("unhexlify", "(hexstr, /)", unhexlify),
        method("a2b_hex", "(hexstr, /)", unhexlify),
        method("b2a_base64", "(data, /, *, newline=True)", b2a_base64),
        method("a2b_base64", "(data, /, *, strict_mode=False)", a2b_base64),
        method("crc32", "(data, crc=0, /)", crc32),
        method("crc_hqx", "(data, crc, /)", crc_hqx),
    ]);
    let value_error = vm.exc.value_error.clone();
    if let Ok(e) = crate::util::new_exception_type(vm, "binascii", "binascii.Error", &value_error) {
        set(vm, &d, "Error", Value::Obj(e));
    }
    let exception = vm.exc.exception.clone();
    if let Ok(e) = crate::util::new_exception_type(vm, "binascii", "binascii.Incomplete", &exception) {
        set(vm, &d, "Incomplete", Value::Obj(e));
    }
    m
}

/// binascii.Error(msg)
fn error(vm: &mut Vm, msg: &str) -> PyErr {
    match get_type(vm, "binascii.Error") {
        Ok(t) => vm.new_exception_msg(&t, msg),
        Err(e) => e,
    }
}

/// A bytes-like argument (binary_data_converter).
fn data_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match buffer(v) {
        Some(b) => Ok(b),
        None => {
            let n = vm.type_name(v);
            Err(vm.new_type_error(format!("a bytes-like object is required, not '{n}'")))
        }
    }
}

/// A bytes-like or ASCII str argument (ascii_buffer_converter).
fn ascii_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(s) = v.as_obj().and_then(|o| o.as_str()) {
        let s = s.as_str();
        if !s.is_ascii() {
            return Err(vm.new_value_error("string argument should contain only ASCII characters"));
        }
        return Ok(s.as_bytes().to_vec());
    }
    match buffer(v) {
        Some(b) => Ok(b),
        None => {
            let n = vm.type_name(v);
            Err(vm.new_type_error(format!("argument should be bytes, buffer or ASCII string, not '{n}'")))
        }
    }
}

/// binascii_hexlify: `bytes(data).hex(sep, bytes_per_sep)` as bytes.
fn hexlify(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let data = data_arg(vm, &a[0])?;
    let b = new_bytes(vm, &data);
    let args: Vec<Value> = if a[1].is_null() { vec![] } else { vec![a[1].clone(), a[2].clone()] };
    let text = vm.call_method(&b, "hex", &args)?;
    let text = text.as_obj().and_then(|o| o.as_str()).map(|s| s.as_str().as_bytes().to_vec()).unwrap_or_default();
    Ok(new_bytes(vm, &text))
}

/// binascii_unhexlify
fn unhexlify(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let data = ascii_arg(vm, &a[0])?;
    if data.len() % 2 != 0 {
        return Err(error(vm, "Odd-length string"));
    }
    let digit = |c: u8| (c as char).to_digit(16);
    let mut out = Vec::with_capacity(data.len() / 2);
    for pair in data.chunks(2) {
        match (digit(pair[0]), digit(pair[1])) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => return Err(error(vm, "Non-hexadecimal digit found")),
        }
    }
    Ok(new_bytes(vm, &out))
}

/// binascii_b2a_base64
fn b2a_base64(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let data = data_arg(vm, &a[0])?;
    let newline = vm.is_true(&a[1])?;
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    for chunk in data.chunks(3) {
        let n = (chunk[0] as u32) << 16 | (*chunk.get(1).unwrap_or(&0) as u32) << 8 | *chunk.get(2).unwrap_or(&0) as u32;
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(B64[(n >> (18 - 6 * k) & 63) as usize]);
            } else {
                out.push(b'=');
            }
        }
    }
    if newline {
        out.push(b'\n');
    }
    Ok(new_bytes(vm, &out))
}

/// binascii_a2b_base64: decode, skipping non-alphabet bytes unless `strict_mode`.
fn a2b_base64(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let data = ascii_arg(vm, &a[0])?;
    let strict = vm.is_true(&a[1])?;
    if strict && data.first() == Some(&b'=') {
        return Err(error(vm, "Leading padding not allowed"));
    }
    let mut out = Vec::with_capacity(data.len() / 4 * 3);
    let (mut quad_pos, mut pads, mut left, mut count) = (0usize, 0usize, 0u32, 0usize);
    let mut padding_started = false;
    let mut complete = false;
    for (i, &c) in data.iter().enumerate() {
        if c == b'=' {
            padding_started = true;
            pads += 1;
            if quad_pos >= 2 && quad_pos + pads >= 4 {
                if strict && i + 1 < data.len() {
                    return Err(error(vm, "Excess data after padding"));
                }
                complete = true;
                break;
            }
            continue;
        }
        let Some(v) = B64.iter().position(|&x| x == c) else {
            if strict {
                return Err(error(vm, "Only base64 data is allowed"));
            }
            continue;
        };
        if strict && padding_started {
            return Err(error(vm, "Discontinuous padding not allowed"));
        }
        pads = 0;
        count += 1;
        let v = v as u32;
        match quad_pos {
            0 => left = v,
            1 => {
                out.push(((left << 2) | (v >> 4)) as u8);
                left = v & 0x0f;
            }
            2 => {
                out.push(((left << 4) | (v >> 2)) as u8);
                left = v & 0x03;
            }
            _ => out.push(((left << 6) | v) as u8),
        }
        quad_pos = (quad_pos + 1) % 4;
    }
    if !complete && quad_pos != 0 {
        let msg = if quad_pos == 1 {
            format!("Invalid base64-encoded string: number of data characters ({count}) cannot be 1 more than a multiple of 4")
        } else {
            "Incorrect padding".to_string()
        };
        return Err(error(vm, &msg));
    }
    Ok(new_bytes(vm, &out))
}

/// An unsigned int argument reduced modulo 2**bits.
fn masked(vm: &mut Vm, v: &Value, bits: u32) -> PyResult<u64> {
    let Some(i) = krait_vm::types::int::int_arg(v) else {
        let n = vm.type_name(v);
        return Err(vm.new_type_error(format!("'{n}' object cannot be interpreted as an integer")));
    };
    let modulus = num_bigint::BigInt::from(1u64) << bits;
    let r = ((i.to_bigint() % &modulus) + &modulus) % &modulus;
    Ok(num_traits::ToPrimitive::to_u64(&r).unwrap_or(0))
}

/// binascii_crc32: the zlib CRC-32 (reflected polynomial 0xEDB88320).
fn crc32(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let data = data_arg(vm, &a[0])?;
    let start = masked(vm, &a[1], 32)? as u32;
    let mut crc = !start;
    for &b in &data {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    Ok(Value::Int((!crc) as i64))
}

/// binascii_crc_hqx: CRC-CCITT (polynomial 0x1021, not reflected).
fn crc_hqx(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let data = data_arg(vm, &a[0])?;
    let mut crc = masked(vm, &a[1], 16)? as u16;
    for &b in &data {
        crc ^= (b as u16) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 { (crc << 1) ^ 0x1021 } else { crc << 1 };
        }
    }
    Ok(Value::Int(crc as i64))
}
