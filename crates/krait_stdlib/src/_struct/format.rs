//! struct format strings: parsing (byte order prefix, counts, codes, native alignment)
//! and packing/unpacking single items (Modules/_struct.c's `prepare_s`, `np_*`/`lp_*`/`bp_*`).

use krait_vm::object::Value;
use num_bigint::BigInt;
use num_traits::ToPrimitive;

/// Byte order and size mode of a format.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// `@`: native order, native sizes, alignment.
    Native,
    Little,
    Big,
}

/// One format item: its code, byte offset, size, and for `s`/`p` the byte count.
#[derive(Clone, Copy)]
pub struct Item {
    pub code: u8,
    pub offset: usize,
    pub size: usize,
}

/// A run of `repeat` consecutive items of one code (`12i` is one run, so a huge repeat
/// count costs nothing until data of that size is packed or unpacked).
#[derive(Clone, Copy)]
struct Run {
    item: Item,
    repeat: usize,
}

/// A parsed format.
pub struct Layout {
    pub order: Order,
    runs: Vec<Run>,
    pub size: usize,
    /// Number of values packed or unpacked.
    pub nvalues: usize,
}

/// Size and alignment of `code` in mode `order`, or None for a bad character.
fn size_of(code: u8, order: Order) -> Option<(usize, usize)> {
    let native = order == Order::Native;
    let s = match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                8
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    };
    Some((s, if native { s } else { 1 }))
}

/// prepare_s: parse `fmt`; Err(message) for struct.error.
pub fn parse(fmt: &str) -> Result<Layout, String> {
    let b = fmt.as_bytes();
    let (order, mut i) = match b.first() {
        Some(b'@') => (Order::Native, 1),
        Some(b'=' | b'<') => (Order::Little, 1),
        Some(b'>' | b'!') => (Order::Big, 1),
        _ => (Order::Native, 0),
    };
    let mut items = Vec::new();
    let mut offset = 0usize;
    let mut nvalues = 0usize;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let mut count = 1usize;
        if c.is_ascii_digit() {
            let mut n = 0usize;
            while i < b.len() && b[i].is_ascii_digit() {
                n = n.checked_mul(10).and_then(|n| n.checked_add((b[i] - b'0') as usize)).ok_or("total struct size too long")?;
                i += 1;
            }
            if i >= b.len() {
                return Err("repeat count given without format specifier".into());
            }
            count = n;
        }
        let code = b[i];
        i += 1;
        let (size, align) = size_of(code, order).ok_or("bad char in struct format")?;
        if align > 1 {
            offset = offset.div_ceil(align).checked_mul(align).ok_or("total struct size too long")?;
        }
        match code {
            b's' | b'p' => {
                items.push(Run { item: Item { code, offset, size: count }, repeat: 1 });
                nvalues += 1;
                offset = offset.checked_add(count).ok_or("total struct size too long")?;
            }
            b'x' => offset = offset.checked_add(count).ok_or("total struct size too long")?,
            _ => {
                if count > 0 {
                    items.push(Run { item: Item { code, offset, size }, repeat: count });
                }
                offset = count.checked_mul(size).and_then(|n| offset.checked_add(n)).ok_or("total struct size too long")?;
                nvalues += count;
            }
        }
    }
    Ok(Layout { order, runs: items, size: offset, nvalues })
}

impl Layout {
    /// The items in order, runs expanded.
    pub fn items(&self) -> impl Iterator<Item = Item> + '_ {
        self.runs.iter().flat_map(|r| (0..r.repeat).map(move |k| Item { offset: r.item.offset + k * r.item.size, ..r.item }))
    }
}

/// Write `v` (the low `size` bytes of a two's complement value) in `order`.
pub fn put_int(out: &mut [u8], v: &BigInt, order: Order) {
    let bytes = v.to_signed_bytes_le();
    let fill = if v.sign() == num_bigint::Sign::Minus { 0xff } else { 0 };
    let n = out.len();
    for k in 0..n {
        let byte = bytes.get(k).copied().unwrap_or(fill);
        match order {
            Order::Big => out[n - 1 - k] = byte,
            _ => out[k] = byte,
        }
    }
}

/// Read an integer of `data.len()` bytes in `order`.
pub fn get_int(data: &[u8], order: Order, signed: bool) -> BigInt {
    let mut le = data.to_vec();
    if order == Order::Big {
        le.reverse();
    }
    if signed {
        BigInt::from_signed_bytes_le(&le)
    } else {
        BigInt::from_bytes_le(num_bigint::Sign::Plus, &le)
    }
}

/// Whether `code` is a signed integer code.
pub fn is_signed(code: u8) -> bool {
    matches!(code, b'b' | b'h' | b'i' | b'l' | b'q' | b'n')
}

/// The range error text for integer code `code` of `size` bytes.
pub fn range_error(code: u8, size: usize, order: Order) -> String {
    let bits = (size * 8) as u32;
    if order == Order::Native {
        match code {
            b'b' => return "byte format requires -128 <= number <= 127".into(),
            b'B' => return "ubyte format requires 0 <= number <= 255".into(),
            b'h' => return "short format requires -32768 <= number <= 32767".into(),
            b'H' => return "ushort format requires 0 <= number <= 65535".into(),
            b'q' | b'Q' | b'n' | b'N' | b'l' | b'L' | b'P' => return "argument out of range".into(),
            _ => {}
        }
    }
    if is_signed(code) {
        let max = (BigInt::from(1) << (bits - 1)) - 1;
        format!("'{}' format requires {} <= number <= {}", code as char, -(&max) - 1, max)
    } else {
        let max = (BigInt::from(1) << bits) - 1;
        format!("'{}' format requires 0 <= number <= {}", code as char, max)
    }
}

/// Whether `v` fits integer code `code` of `size` bytes.
pub fn in_range(v: &BigInt, code: u8, size: usize) -> bool {
    let bits = size * 8;
    if is_signed(code) {
        let lim = BigInt::from(1) << (bits - 1);
        *v >= -(&lim) && *v < lim
    } else {
        v.sign() != num_bigint::Sign::Minus && v.bits() <= bits as u64
    }
}

/// PyFloat_Pack2: IEEE half precision with round-half-even; None on overflow.
pub fn f64_to_half(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    let a = x.abs();
    if a.is_infinite() {
        return Some(sign | 0x7c00);
    }
    // Scale to units of the smallest subnormal (2**-24) and round half to even.
    let units = a * (1u64 << 24) as f64;
    if units < 1024.0 {
        let r = round_half_even(units);
        return Some(sign | r as u16);
    }
    let (mut e, mut m) = frexp(a);
    // a = m * 2**e with m in [0.5, 1): mantissa bits 10 after the leading one.
    m *= 2.0;
    e -= 1;
    let mut frac = round_half_even((m - 1.0) * 1024.0);
    if frac >= 1024.0 {
        frac = 0.0;
        e += 1;
    }
    if e > 15 {
        return None;
    }
    Some(sign | (((e + 15) as u16) << 10) | frac as u16)
}

fn round_half_even(x: f64) -> f64 {
    let r = x.round();
    if (r - x).abs() == 0.5 && r % 2.0 != 0.0 {
        r - x.signum()
    } else {
        r
    }
}

fn frexp(x: f64) -> (i32, f64) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (e, m) = frexp(x * (1u64 << 54) as f64);
        return (e - 54, m);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (exp - 1022, m)
}

/// PyFloat_Unpack2
pub fn half_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = ((h >> 10) & 0x1f) as i32;
    let f = (h & 0x3ff) as f64;
    let v = match e {
        0 => f * 2f64.powi(-24),
        31 => {
            if f == 0.0 {
                f64::INFINITY
            } else {
                f64::NAN
            }
        }
        _ => (1.0 + f / 1024.0) * 2f64.powi(e - 15),
    };
    sign * v
}

/// An unpacked integer as a value.
pub fn int_value(v: BigInt) -> Result<Value, BigInt> {
    match v.to_i64() {
        Some(i) => Ok(Value::Int(i)),
        None => Err(v),
    }
}
