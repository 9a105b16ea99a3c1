//! CPython 3.11's hash functions: ints modulo 2**61-1, floats (`_Py_HashDouble`),
//! SipHash-1-3 over str/bytes data, and the xxHash-based tuple hash.

use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;

/// `_PyHASH_MODULUS` (2**61 - 1).
pub const MODULUS: u64 = (1 << 61) - 1;
pub const HASH_INF: i64 = 314_159;

/// hash(int) for a small int.
#[inline]
pub fn hash_i64(v: i64) -> i64 {
    let m = MODULUS as i64;
    let mut h = if v >= 0 { v % m } else { -((-(v as i128) % m as i128) as i64) };
    if h == -1 {
        h = -2;
    }
    h
}

/// hash(int) for a big int.
pub fn hash_bigint(v: &BigInt) -> i64 {
    if let Some(i) = v.to_i64() {
        return hash_i64(i);
    }
    let (sign, digits) = v.to_u64_digits();
    // Horner's rule base 2**64, reduced mod 2**61-1.
    let mut acc: u128 = 0;
    for &d in digits.iter().rev() {
        acc = ((acc << 64) | d as u128) % MODULUS as u128;
    }
    let mut h = acc as i64;
    if sign == Sign::Minus {
        h = -h;
    }
    if h == -1 {
        h = -2;
    }
    h
}

/// hash(float) (`_Py_HashDouble`); NaN hashes by identity in CPython, the caller passes
/// the object's identity hash for that case.
pub fn hash_f64(v: f64, nan_identity: i64) -> i64 {
    if v.is_nan() {
        return nan_identity;
    }
    if v.is_infinite() {
        return if v > 0.0 { HASH_INF } else { -HASH_INF };
    }
    if v.fract() == 0.0 && v.abs() < 9.2e18 {
        return hash_i64(v as i64);
    }
    let (mut m, mut e) = frexp(v.abs());
    let sign: i64 = if v < 0.0 { -1 } else { 1 };
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | (x >> (61 - 28));
        m *= 268_435_456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 { e % 61 } else { 61 - 1 - ((-1 - e) % 61) };
    x = ((x << e) & MODULUS) | (x >> (61 - e));
    let mut h = (x as i64) * sign;
    if h == -1 {
        h = -2;
    }
    h
}

fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 {
        return (0.0, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(v * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// SipHash-1-3 (CPython's default string hash since 3.11).
pub fn siphash13(k0: u64, k1: u64, data: &[u8]) -> u64 {
    let mut v0 = k0 ^ 0x736f_6d65_7073_6575;
    let mut v1 = k1 ^ 0x646f_7261_6e64_6f6d;
    let mut v2 = k0 ^ 0x6c79_6765_6e65_7261;
    let mut v3 = k1 ^ 0x7465_6462_7974_6573;
    macro_rules! round {
        () => {
            v0 = v0.wrapping_add(v1);
            v1 = v1.rotate_left(13);
            v1 ^= v0;
            v0 = v0.rotate_left(32);
            v2 = v2.wrapping_add(v3);
            v3 = v3.rotate_left(16);
            v3 ^= v2;
            v0 = v0.wrapping_add(v3);
            v3 = v3.rotate_left(21);
            v3 ^= v0;
            v2 = v2.wrapping_add(v1);
            v1 = v1.rotate_left(17);
            v1 ^= v2;
            v2 = v2.rotate_left(32);
        };
    }
    let chunks = data.chunks_exact(8);
    let tail = chunks.remainder();
    for c in chunks {
        let m = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        v3 ^= m;
        round!();
        v0 ^= m;
    }
    let mut last = (data.len() as u64 & 0xff) << 56;
    for (i, &b) in tail.iter().enumerate() {
        last |= (b as u64) << (8 * i);
    }
    v3 ^= last;
    round!();
    v0 ^= last;
    v2 ^= 0xff;
    round!();
    round!();
    round!();
    v0 ^ v1 ^ v2 ^ v3
}

/// hash(str): SipHash over the string's PEP 393 representation (1, 2 or 4 bytes per
/// character depending on the largest code point), as CPython hashes it.
pub fn hash_str(key: (u64, u64), s: &str) -> i64 {
    if s.is_empty() {
        return 0;
    }
    if s.is_ascii() {
        return fix(siphash13(key.0, key.1, s.as_bytes()) as i64);
    }
    // Code points, not stored characters: a surrogate's stand-in is above 0xFFFF.
    let cp = krait_bytecode::surrogate::code_point;
    let max = s.chars().map(cp).max().unwrap_or(0);
    let h = if max < 0x100 {
        let bytes: Vec<u8> = s.chars().map(|c| cp(c) as u8).collect();
        siphash13(key.0, key.1, &bytes)
    } else if max < 0x10000 {
        let bytes: Vec<u8> = s.chars().flat_map(|c| (cp(c) as u16).to_le_bytes()).collect();
        siphash13(key.0, key.1, &bytes)
    } else {
        let bytes: Vec<u8> = s.chars().flat_map(|c| cp(c).to_le_bytes()).collect();
        siphash13(key.0, key.1, &bytes)
    };
    fix(h as i64)
}

/// hash(bytes).
pub fn hash_bytes(key: (u64, u64), b: &[u8]) -> i64 {
    if b.is_empty() {
        return 0;
    }
    fix(siphash13(key.0, key.1, b) as i64)
}

#[inline]
fn fix(h: i64) -> i64 {
    if h == -1 { -2 } else { h }
}

/// hash(tuple) from the items' hashes (CPython 3.8+'s xxHash-derived `tuplehash`).
pub fn hash_tuple(items: impl ExactSizeIterator<Item = i64>) -> i64 {
    const P1: u64 = 11_400_714_785_074_694_791;
    const P2: u64 = 14_029_467_366_897_019_727;
    const P5: u64 = 2_870_177_450_012_600_261;
    let len = items.len() as u64;
    let mut acc = P5;
    for h in items {
        acc = acc.wrapping_add((h as u64).wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add(len ^ (P5 ^ 3_527_539));
    if acc == u64::MAX {
        return 1_546_275_796;
    }
    acc as i64
}

/// The identity hash of an address (`_Py_HashPointer`: rotate right by 4).
#[inline]
pub fn hash_pointer(addr: usize) -> i64 {
    let h = (addr as u64).rotate_right(4) as i64;
    fix(h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ints_and_floats() {
        assert_eq!(hash_i64(-1), -2);
        assert_eq!(hash_i64(1 << 61), 1);
        assert_eq!(hash_f64(1.5, 0), 1_152_921_504_606_846_977);
        assert_eq!(hash_f64(-0.5, 0), -1_152_921_504_606_846_976);
        assert_eq!(hash_f64(2.0, 0), 2);
    }

    #[test]
    fn source_hash_vectors() {
        // _imp.source_hash test vectors (key = the 3.11 magic).
        assert_eq!(siphash13(168_627_623, 0, b"").to_le_bytes(), [0x73, 0x8d, 0x9c, 0xd5, 0xd5, 0xe8, 0x7f, 0x73]);
        assert_eq!(siphash13(168_627_623, 0, b"abc").to_le_bytes(), [0xc7, 0xaf, 0x82, 0xe7, 0x7c, 0x1d, 0xa4, 0xf5]);
    }

    #[test]
    fn str_hash_with_hashseed_zero() {
        // PYTHONHASHSEED=0 python3 -c "print(hash('abc'), hash('é'), hash('€'))"
        assert_eq!(hash_str((0, 0), "abc"), -4_594_863_902_769_663_758);
        assert_eq!(hash_str((0, 0), "é"), 6_047_309_291_227_476_195);
        assert_eq!(hash_str((0, 0), "€"), -5_529_981_157_763_016_009);
    }

    #[test]
    fn tuple_hash() {
        // hash(()) and hash((1, 2)) in CPython 3.11.
        assert_eq!(hash_tuple(std::iter::empty()), 5_740_354_900_026_072_187);
        assert_eq!(hash_tuple([1i64, 2].into_iter()), -3_550_055_125_485_641_917);
    }
}
