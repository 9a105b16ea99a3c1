//! The hash algorithms behind the hash objects: one running state per algorithm, with
//! CPython's names, digest sizes and block sizes.

use sha3::digest::{ExtendableOutput, Update, XofReader};
use sha2::Digest;

/// A running hash computation.
#[derive(Clone)]
pub enum State {
    Md5(md5::Md5),
    Sha1(sha1::Sha1),
    Sha224(sha2::Sha224),
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
    Sha3_224(sha3::Sha3_224),
    Sha3_256(sha3::Sha3_256),
    Sha3_384(sha3::Sha3_384),
    Sha3_512(sha3::Sha3_512),
    Shake128(sha3::Shake128),
    Shake256(sha3::Shake256),
    Blake2b(Box<blake2b_simd::State>),
    Blake2s(Box<blake2s_simd::State>),
}

impl State {
    /// The fresh state of the fixed-parameter algorithm `name` (not BLAKE2).
    pub fn new(name: &str) -> Option<State> {
        Some(match name {
            "md5" => State::Md5(Default::default()),
            "sha1" => State::Sha1(Default::default()),
            "sha224" => State::Sha224(Default::default()),
            "sha256" => State::Sha256(Default::default()),
            "sha384" => State::Sha384(Default::default()),
            "sha512" => State::Sha512(Default::default()),
            "sha3_224" => State::Sha3_224(Default::default()),
            "sha3_256" => State::Sha3_256(Default::default()),
            "sha3_384" => State::Sha3_384(Default::default()),
            "sha3_512" => State::Sha3_512(Default::default()),
            "shake_128" => State::Shake128(Default::default()),
            "shake_256" => State::Shake256(Default::default()),
            _ => return None,
        })
    }

    /// The algorithm's name as hashlib reports it (`h.name`).
    pub fn name(&self) -> &'static str {
        match self {
            State::Md5(_) => "md5",
            State::Sha1(_) => "sha1",
            State::Sha224(_) => "sha224",
            State::Sha256(_) => "sha256",
            State::Sha384(_) => "sha384",
            State::Sha512(_) => "sha512",
            State::Sha3_224(_) => "sha3_224",
            State::Sha3_256(_) => "sha3_256",
            State::Sha3_384(_) => "sha3_384",
            State::Sha3_512(_) => "sha3_512",
            State::Shake128(_) => "shake_128",
            State::Shake256(_) => "shake_256",
            State::Blake2b(_) => "blake2b",
            State::Blake2s(_) => "blake2s",
        }
    }

    /// The internal block size in bytes (the sponge rate for SHA-3).
    pub fn block_size(&self) -> usize {
        match self {
            State::Md5(_) | State::Sha1(_) | State::Sha224(_) | State::Sha256(_) | State::Blake2s(_) => 64,
            State::Sha384(_) | State::Sha512(_) | State::Blake2b(_) => 128,
            State::Sha3_224(_) => 144,
            State::Sha3_256(_) | State::Shake256(_) => 136,
            State::Sha3_384(_) => 104,
            State::Sha3_512(_) => 72,
            State::Shake128(_) => 168,
        }
    }

    /// The digest size in bytes (0 for the SHAKE functions, whose length is chosen per call).
    pub fn digest_size(&self, blake_size: usize) -> usize {
        match self {
            State::Md5(_) => 16,
            State::Sha1(_) => 20,
            State::Sha224(_) | State::Sha3_224(_) => 28,
            State::Sha256(_) | State::Sha3_256(_) => 32,
            State::Sha384(_) | State::Sha3_384(_) => 48,
            State::Sha512(_) | State::Sha3_512(_) => 64,
            State::Shake128(_) | State::Shake256(_) => 0,
            State::Blake2b(_) | State::Blake2s(_) => blake_size,
        }
    }

    pub fn update(&mut self, data: &[u8]) {
        match self {
            State::Md5(h) => Digest::update(h, data),
            State::Sha1(h) => Digest::update(h, data),
            State::Sha224(h) => Digest::update(h, data),
            State::Sha256(h) => Digest::update(h, data),
            State::Sha384(h) => Digest::update(h, data),
            State::Sha512(h) => Digest::update(h, data),
            State::Sha3_224(h) => Digest::update(h, data),
            State::Sha3_256(h) => Digest::update(h, data),
            State::Sha3_384(h) => Digest::update(h, data),
            State::Sha3_512(h) => Digest::update(h, data),
            State::Shake128(h) => Update::update(h, data),
            State::Shake256(h) => Update::update(h, data),
            State::Blake2b(h) => {
                h.update(data);
            }
            State::Blake2s(h) => {
                h.update(data);
            }
        }
    }

    /// The digest of the data so far (the state itself is left as it is); `len` is the
    /// output length of the SHAKE functions.
    pub fn digest(&self, len: usize) -> Vec<u8> {
        fn xof(r: impl ExtendableOutput, len: usize) -> Vec<u8> {
            let mut out = vec![0u8; len];
            r.finalize_xof().read(&mut out);
            out
        }
        match self {
            State::Md5(h) => h.clone().finalize().to_vec(),
            State::Sha1(h) => h.clone().finalize().to_vec(),
            State::Sha224(h) => h.clone().finalize().to_vec(),
            State::Sha256(h) => h.clone().finalize().to_vec(),
            State::Sha384(h) => h.clone().finalize().to_vec(),
            State::Sha512(h) => h.clone().finalize().to_vec(),
            State::Sha3_224(h) => h.clone().finalize().to_vec(),
            State::Sha3_256(h) => h.clone().finalize().to_vec(),
            State::Sha3_384(h) => h.clone().finalize().to_vec(),
            State::Sha3_512(h) => h.clone().finalize().to_vec(),
            State::Shake128(h) => xof(h.clone(), len),
            State::Shake256(h) => xof(h.clone(), len),
            State::Blake2b(h) => h.finalize().as_bytes().to_vec(),
            State::Blake2s(h) => h.finalize().as_bytes().to_vec(),
        }
    }
}
