//! Compression: a streaming deflater writing zlib, gzip or raw DEFLATE data (headers and
//! trailers written here, the DEFLATE body by flate2), and the `Compress` object.

use super::{adler32, crc32, zlib_error, Format};
use crate::util::{expect, new_bytes, wrap};
use flate2::{Compress, Compression, FlushCompress, Status};
use krait_vm::object::Value;
use krait_vm::{PyResult, Vm};

/// A streaming compressor (one zlib/gzip/raw stream).
pub struct Deflater {
    format: Format,
    level: u32,
    body: Compress,
    started: bool,
    finished: bool,
    /// Running check value of the input: adler32 (zlib) or crc32 (gzip).
    check: u32,
    in_len: u64,
}

/// The format written for `wbits` (deflateInit2's rules), None if invalid.
pub fn format_for(wbits: i64) -> Option<Format> {
    match wbits {
        8..=15 => Some(Format::Zlib),
        -15..=-9 => Some(Format::Raw),
        25..=31 => Some(Format::Gzip),
        _ => None,
    }
}

/// The level for `level` (-1: the default, 6), None if invalid.
fn level_of(level: i64) -> Option<u32> {
    match level {
        -1 => Some(6),
        0..=9 => Some(level as u32),
        _ => None,
    }
}

impl Deflater {
    pub fn new(format: Format, level: u32) -> Deflater {
        let check = if format == Format::Zlib { 1 } else { 0 };
        Deflater { format, level, body: Compress::new(Compression::new(level), false), started: false, finished: false, check, in_len: 0 }
    }

    fn header(&self) -> Vec<u8> {
        match self.format {
            Format::Zlib => {
                // deflate.c: a 32K window, and FLEVEL from the level.
                let flevel: u16 = match self.level {
                    0 | 1 => 0,
                    2..=5 => 1,
                    6 => 2,
                    _ => 3,
                };
                let mut h: u16 = 0x7800 | flevel << 6;
                h += 31 - h % 31;
                h.to_be_bytes().to_vec()
            }
            Format::Gzip => {
                let xfl = match self.level {
                    9 => 2,
                    0 | 1 => 4,
                    _ => 0,
                };
                vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, xfl, 3]
            }
            _ => Vec::new(),
        }
    }

    /// Compress `data` with flush mode `flush`; `Finish` ends the stream (writing the
    /// trailer). Err when the stream has already ended.
    pub fn feed(&mut self, data: &[u8], flush: FlushCompress) -> Result<Vec<u8>, ()> {
        if self.finished {
            return Err(());
        }
        let mut out = if self.started { Vec::new() } else { self.header() };
        self.started = true;
        self.check = if self.format == Format::Zlib { adler32(data, self.check) } else { crc32(data, self.check) };
        self.in_len += data.len() as u64;
        let mut pos = 0;
        loop {
            if out.capacity() - out.len() < 64 {
                out.reserve(out.capacity().max(1024));
            }
            let in0 = self.body.total_in();
            let status = self.body.compress_vec(&data[pos..], &mut out, flush).map_err(|_| ())?;
            pos += (self.body.total_in() - in0) as usize;
            if status == Status::StreamEnd {
                break;
            }
            let finishing = matches!(flush, FlushCompress::Finish);
            if pos == data.len() && out.len() < out.capacity() && !finishing {
                break;
            }
        }
        if matches!(flush, FlushCompress::Finish) {
            self.finished = true;
            match self.format {
                Format::Zlib => out.extend_from_slice(&self.check.to_be_bytes()),
                Format::Gzip => {
                    out.extend_from_slice(&self.check.to_le_bytes());
                    out.extend_from_slice(&(self.in_len as u32).to_le_bytes());
                }
                _ => {}
            }
        }
        Ok(out)
    }
}

/// zlib.compress(data, /, level=Z_DEFAULT_COMPRESSION, wbits=MAX_WBITS)
pub fn compress(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let data = krait_vm::types::bytes::buffer_arg(vm, &a[0])?;
    let level = crate::util::index_i64(vm, &a[1])?.and_then(level_of);
    let format = crate::util::index_i64(vm, &a[2])?.and_then(format_for);
    let (Some(level), Some(format)) = (level, format) else {
        return Err(zlib_error(vm, "Bad compression level"));
    };
    let out = Deflater::new(format, level).feed(&data, FlushCompress::Finish).map_err(|_| zlib_error(vm, "Error -2 while compressing data: inconsistent stream state"))?;
    Ok(new_bytes(vm, &out))
}

/// zlib.compressobj(level=Z_DEFAULT_COMPRESSION, method=DEFLATED, wbits=MAX_WBITS,
/// memLevel=DEF_MEM_LEVEL, strategy=Z_DEFAULT_STRATEGY, zdict=None)
pub fn compressobj(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    if !a[5].is_none() {
        return Err(vm.new_not_implemented_error("zlib.compressobj(zdict=...) is not supported"));
    }
    let level = crate::util::index_i64(vm, &a[0])?.and_then(level_of);
    let method = crate::util::index_i64(vm, &a[1])?;
    let format = crate::util::index_i64(vm, &a[2])?.and_then(format_for);
    let mem = crate::util::index_i64(vm, &a[3])?;
    let strategy = crate::util::index_i64(vm, &a[4])?;
    let valid = method == Some(8) && matches!(mem, Some(1..=9)) && matches!(strategy, Some(0..=4));
    let (Some(level), Some(format), true) = (level, format, valid) else {
        return Err(vm.new_value_error("Invalid initialization option"));
    };
    let t = crate::util::get_type(vm, "zlib.Compress")?;
    Ok(wrap(vm, &t, Deflater::new(format, level)))
}

fn this<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a std::cell::RefCell<Deflater>> {
    expect::<Deflater>(vm, v, "zlib.Compress")
}

/// Compress.compress(data, /)
pub fn obj_compress(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let data = krait_vm::types::bytes::buffer_arg(vm, &a[1])?;
    let r = this(vm, &a[0])?.borrow_mut().feed(&data, FlushCompress::None);
    let out = r.map_err(|_| zlib_error(vm, "Error -2 while compressing data: inconsistent stream state"))?;
    Ok(new_bytes(vm, &out))
}

/// Compress.flush(mode=Z_FINISH, /)
pub fn obj_flush(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let flush = match crate::util::index_i64(vm, &a[1])? {
        Some(0) => return Ok(new_bytes(vm, b"")),
        Some(1) => FlushCompress::Partial,
        Some(2) => FlushCompress::Sync,
        Some(3) => FlushCompress::Full,
        Some(4) => FlushCompress::Finish,
        _ => return Err(zlib_error(vm, "Error -2 while flushing: inconsistent stream state")),
    };
    let r = this(vm, &a[0])?.borrow_mut().feed(b"", flush);
    let out = r.map_err(|_| zlib_error(vm, "Error -2 while flushing: inconsistent stream state"))?;
    Ok(new_bytes(vm, &out))
}
