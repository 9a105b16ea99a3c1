//! `.pyc` files (PEP 552 header + marshalled code), the SipHash-1-3 source hash, and the
//! PEP 3147/488 cache-path helpers of `importlib.util`.

use std::fmt;
use std::path::{Path, PathBuf};

/// CPython 3.11's magic number (3495) as its 4 file bytes.
pub const MAGIC: [u8; 4] = [0xa7, 0x0d, 0x0d, 0x0a];
/// The magic read as a little-endian u32 (`_RAW_MAGIC_NUMBER`); also the source-hash key.
pub const RAW_MAGIC: u32 = 0x0A0D_0DA7;
/// Header length in bytes.
pub const HEADER_LEN: usize = 16;
/// Flag bit: the pyc is validated by source hash, not mtime.
pub const FLAG_HASH_BASED: u32 = 0b01;
/// Flag bit (with [`FLAG_HASH_BASED`]): check the hash against the source.
pub const FLAG_CHECK_SOURCE: u32 = 0b10;

/// How a pyc is tied to its source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Validation {
    /// flags = 0: source mtime and size (each truncated to 32 bits).
    Timestamp { mtime: u32, size: u32 },
    /// flags bit 0: SipHash-1-3 of the source; `check_source` is flags bit 1.
    Hash { hash: [u8; 8], check_source: bool },
}

/// A parsed 16-byte pyc header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PycHeader {
    pub validation: Validation,
}

/// Why a pyc header was rejected (importlib's `_classify_pyc` messages; ImportError there,
/// EOFError for a short file).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PycError {
    /// Fewer than 16 bytes.
    Truncated,
    BadMagic([u8; 4]),
    BadFlags(u32),
}

impl fmt::Display for PycError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PycError::Truncated => f.write_str("reached EOF while reading pyc header"),
            PycError::BadMagic(m) => write!(f, "bad magic number: {m:?}"),
            PycError::BadFlags(flags) => write!(f, "invalid flags {flags:?}"),
        }
    }
}

impl std::error::Error for PycError {}

fn u32_at(data: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([data[at], data[at + 1], data[at + 2], data[at + 3]])
}

impl PycHeader {
    /// Parses the header at the start of `data` (`_classify_pyc` plus the field reads of
    /// `_validate_timestamp_pyc`/`_validate_hash_pyc`). The body starts at [`HEADER_LEN`].
    pub fn parse(data: &[u8]) -> Result<PycHeader, PycError> {
        if data.len() >= 4 && data[..4] != MAGIC {
            return Err(PycError::BadMagic([data[0], data[1], data[2], data[3]]));
        }
        if data.len() < 8 {
            return Err(PycError::Truncated);
        }
        let flags = u32_at(data, 4);
        if flags & !(FLAG_HASH_BASED | FLAG_CHECK_SOURCE) != 0 {
            return Err(PycError::BadFlags(flags));
        }
        if data.len() < HEADER_LEN {
            return Err(PycError::Truncated);
        }
        let validation = if flags & FLAG_HASH_BASED != 0 {
            let mut hash = [0u8; 8];
            hash.copy_from_slice(&data[8..16]);
            Validation::Hash { hash, check_source: flags & FLAG_CHECK_SOURCE != 0 }
        } else {
            Validation::Timestamp { mtime: u32_at(data, 8), size: u32_at(data, 12) }
        };
        Ok(PycHeader { validation })
    }

    /// The 16 header bytes (`_code_to_timestamp_pyc` / `_code_to_hash_pyc`).
    pub fn to_bytes(&self) -> [u8; HEADER_LEN] {
        let mut out = [0u8; HEADER_LEN];
        out[..4].copy_from_slice(&MAGIC);
        match self.validation {
            Validation::Timestamp { mtime, size } => {
                out[8..12].copy_from_slice(&mtime.to_le_bytes());
                out[12..16].copy_from_slice(&size.to_le_bytes());
            }
            Validation::Hash { hash, check_source } => {
                let flags = FLAG_HASH_BASED | if check_source { FLAG_CHECK_SOURCE } else { 0 };
                out[4..8].copy_from_slice(&flags.to_le_bytes());
                out[8..16].copy_from_slice(&hash);
            }
        }
        out
    }
}

/// `_imp.source_hash(RAW_MAGIC, source)`: SipHash-1-3 keyed (k0 = RAW_MAGIC, k1 = 0), little-endian.
pub fn source_hash(source: &[u8]) -> [u8; 8] {
    siphash13(u64::from(RAW_MAGIC), 0, source).to_le_bytes()
}

/// SipHash-1-3 (one compression round, three finalisation rounds).
pub fn siphash13(k0: u64, k1: u64, data: &[u8]) -> u64 {
    let mut v = [
        k0 ^ 0x736f_6d65_7073_6575,
        k1 ^ 0x646f_7261_6e64_6f6d,
        k0 ^ 0x6c79_6765_6e65_7261,
        k1 ^ 0x7465_6462_7974_6573,
    ];
    fn round(v: &mut [u64; 4]) {
        v[0] = v[0].wrapping_add(v[1]);
        v[1] = v[1].rotate_left(13) ^ v[0];
        v[0] = v[0].rotate_left(32);
        v[2] = v[2].wrapping_add(v[3]);
        v[3] = v[3].rotate_left(16) ^ v[2];
        v[0] = v[0].wrapping_add(v[3]);
        v[3] = v[3].rotate_left(21) ^ v[0];
        v[2] = v[2].wrapping_add(v[1]);
        v[1] = v[1].rotate_left(17) ^ v[2];
        v[2] = v[2].rotate_left(32);
    }
    fn compress(v: &mut [u64; 4], m: u64) {
        v[3] ^= m;
        round(v);
        v[0] ^= m;
    }
    let mut chunks = data.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        compress(&mut v, u64::from_le_bytes(w));
    }
    let mut last = [0u8; 8];
    let rest = chunks.remainder();
    last[..rest.len()].copy_from_slice(rest);
    last[7] = data.len() as u8;
    compress(&mut v, u64::from_le_bytes(last));
    v[2] ^= 0xff;
    for _ in 0..3 {
        round(&mut v);
    }
    v[0] ^ v[1] ^ v[2] ^ v[3]
}

/// A `.pyc` file's bytes: header followed by the marshalled code.
pub fn write_pyc(header: &PycHeader, marshalled_code: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER_LEN + marshalled_code.len());
    out.extend_from_slice(&header.to_bytes());
    out.extend_from_slice(marshalled_code);
    out
}

/// Why a cache path could not be computed: importlib's ValueError message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CachePathError(pub String);

impl fmt::Display for CachePathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CachePathError {}

fn file_name(path: &Path) -> String {
    path.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default()
}

/// `importlib.util.cache_from_source(path, optimization=...)` with an explicit cache `tag`
/// (`"krait-311"` for krait's own files) and no `sys.pycache_prefix`:
/// `dir/name.py` → `dir/__pycache__/name.<tag>[.opt-<optimization>].pyc`.
pub fn cache_from_source(path: &Path, tag: &str, optimization: &str) -> Result<PathBuf, CachePathError> {
    let tail = file_name(path);
    // tail.rpartition('.'): (base or rest) + sep + tag.
    let stem = match tail.rsplit_once('.') {
        Some(("", rest)) => format!("{rest}."),
        Some((base, _)) => format!("{base}."),
        None => tail.clone(),
    };
    let mut name = format!("{stem}{tag}");
    if !optimization.is_empty() {
        if !optimization.chars().all(char::is_alphanumeric) {
            return Err(CachePathError(format!("'{optimization}' is not alphanumeric")));
        }
        name.push_str(&format!(".opt-{optimization}"));
    }
    name.push_str(".pyc");
    let dir = path.parent().unwrap_or(Path::new(""));
    Ok(dir.join("__pycache__").join(name))
}

/// `importlib.util.source_from_cache(path)` (without `sys.pycache_prefix`):
/// `dir/__pycache__/name.<tag>[.opt-N].pyc` → `dir/name.py`.
pub fn source_from_cache(path: &Path) -> Result<PathBuf, CachePathError> {
    let head = path.parent().unwrap_or(Path::new(""));
    if head.file_name().is_none_or(|n| n != "__pycache__") {
        return Err(CachePathError(format!(
            "__pycache__ not bottom-level directory in '{}'",
            path.display()
        )));
    }
    let file = file_name(path);
    let parts: Vec<&str> = file.split('.').collect();
    match parts.len() {
        3 => {}
        4 => {
            let opt = parts[2];
            let Some(level) = opt.strip_prefix("opt-") else {
                return Err(CachePathError(
                    "optimization portion of filename does not start with 'opt-'".into(),
                ));
            };
            if level.is_empty() || !level.chars().all(char::is_alphanumeric) {
                return Err(CachePathError(format!(
                    "optimization level '{opt}' is not an alphanumeric value"
                )));
            }
        }
        _ => return Err(CachePathError(format!("expected only 2 or 3 dots in '{file}'"))),
    }
    let dir = head.parent().unwrap_or(Path::new(""));
    Ok(dir.join(format!("{}.py", parts[0])))
}
