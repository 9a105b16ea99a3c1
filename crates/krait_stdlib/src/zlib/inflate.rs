//! Decompression: a streaming inflater for zlib, gzip and raw DEFLATE data (the headers
//! and trailers parsed here, the DEFLATE body by flate2), and the `Decompress` object.

use super::{adler32, crc32, zlib_error, Format};
use crate::util::{expect, new_bytes, wrap};
use flate2::{Decompress, FlushDecompress, Status};
use krait_vm::object::Value;
use krait_vm::{PyResult, Vm};

/// Where the inflater is in its stream.
enum Stage {
    /// Collecting the header (for `Format::Auto`, until it shows zlib or gzip).
    Header(Vec<u8>),
    Body,
    Trailer(Vec<u8>),
    Done,
}

/// A streaming decompressor (one zlib/gzip/raw stream).
pub struct Inflater {
    format: Format,
    stage: Stage,
    body: Decompress,
    /// Running check value of the output: adler32 (zlib) or crc32 (gzip).
    check: u32,
    out_len: u64,
    pub unused_data: Vec<u8>,
    pub unconsumed_tail: Vec<u8>,
}

/// The length of a complete header at the start of `b`, None if more bytes are needed.
fn header_len(format: Format, b: &[u8]) -> Result<Option<usize>, &'static str> {
    match format {
        Format::Raw => Ok(Some(0)),
        Format::Auto => Err("bad format"),
        Format::Zlib => {
            if b.len() < 2 {
                return Ok(None);
            }
            if (u16::from(b[0]) << 8 | u16::from(b[1])) % 31 != 0 {
                return Err("incorrect header check");
            }
            if b[0] & 0x0f != 8 {
                return Err("unknown compression method");
            }
            if b[0] >> 4 > 7 {
                return Err("invalid window size");
            }
            if b[1] & 0x20 != 0 {
                return Err("need dictionary");
            }
            Ok(Some(2))
        }
        Format::Gzip => {
            // As zlib's inflate, the magic number is checked once its two bytes arrived,
            // the method with the flags (two bytes more).
            if b.len() >= 2 && (b[0] != 0x1f || b[1] != 0x8b) {
                return Err("incorrect header check");
            }
            if b.len() >= 4 && b[2] != 8 {
                return Err("unknown compression method");
            }
            if b.len() < 10 {
                return Ok(None);
            }
            let flags = b[3];
            let mut pos = 10;
            if flags & 4 != 0 {
                if b.len() < pos + 2 {
                    return Ok(None);
                }
                pos += 2 + (usize::from(b[pos]) | usize::from(b[pos + 1]) << 8);
            }
            for bit in [8u8, 16] {
                if flags & bit != 0 {
                    match b.get(pos..).and_then(|r| r.iter().position(|&c| c == 0)) {
                        Some(z) => pos += z + 1,
                        None => return Ok(None),
                    }
                }
            }
            if flags & 2 != 0 {
                pos += 2;
            }
            Ok(if b.len() >= pos { Some(pos) } else { None })
        }
    }
}

impl Inflater {
    pub fn new(format: Format) -> Inflater {
        let check = if format == Format::Zlib { 1 } else { 0 };
        Inflater { format, stage: Stage::Header(Vec::new()), body: Decompress::new(false), check, out_len: 0, unused_data: Vec::new(), unconsumed_tail: Vec::new() }
    }

    pub fn eof(&self) -> bool {
        matches!(self.stage, Stage::Done)
    }

    /// Decompress `data`, producing at most `max_len` bytes (0: no limit). Input left
    /// over because of the limit goes to `unconsumed_tail`; after the end of the stream
    /// it is added to `unused_data`. An error is zlib's message.
    pub fn feed(&mut self, data: &[u8], max_len: usize) -> Result<Vec<u8>, String> {
        let mut input: Vec<u8> = data.to_vec();
        let mut pos = 0;
        let mut out = Vec::new();
        loop {
            match &mut self.stage {
                Stage::Header(buf) => {
                    buf.extend_from_slice(&input[pos..]);
                    if self.format == Format::Auto {
                        if buf.len() < 2 {
                            input.clear();
                            pos = 0;
                            break;
                        }
                        self.format = if buf[0] == 0x1f && buf[1] == 0x8b { Format::Gzip } else { Format::Zlib };
                        self.check = if self.format == Format::Zlib { 1 } else { 0 };
                    }
                    match header_len(self.format, buf).map_err(String::from)? {
                        Some(n) => {
                            input = buf.split_off(n);
                            pos = 0;
                            self.stage = Stage::Body;
                        }
                        None => {
                            input.clear();
                            pos = 0;
                            break;
                        }
                    }
                }
                Stage::Body => {
                    let room = if max_len == 0 { 1 << 16 } else { max_len - out.len() };
                    if room == 0 {
                        break;
                    }
                    let mut chunk = Vec::with_capacity(room.min(1 << 16));
                    let in0 = self.body.total_in();
                    let status = self.body.decompress_vec(&input[pos..], &mut chunk, FlushDecompress::None);
                    let status = status.map_err(|e| e.message().unwrap_or("invalid data").to_string())?;
                    let consumed = (self.body.total_in() - in0) as usize;
                    pos += consumed;
                    self.check = if self.format == Format::Zlib { adler32(&chunk, self.check) } else { crc32(&chunk, self.check) };
                    self.out_len += chunk.len() as u64;
                    let idle = consumed == 0 && chunk.is_empty();
                    out.extend_from_slice(&chunk);
                    if status == Status::StreamEnd {
                        self.stage = Stage::Trailer(Vec::new());
                    } else if idle {
                        break;
                    }
                }
                Stage::Trailer(buf) => {
                    let need = match self.format {
                        Format::Zlib => 4,
                        Format::Gzip => 8,
                        _ => 0,
                    };
                    let take = (need - buf.len()).min(input.len() - pos);
                    buf.extend_from_slice(&input[pos..pos + take]);
                    pos += take;
                    if buf.len() < need {
                        break;
                    }
                    let ok = match self.format {
                        Format::Zlib => u32::from_be_bytes([buf[0], buf[1], buf[2], buf[3]]) == self.check,
                        Format::Gzip => {
                            if u32::from_le_bytes([buf[0], buf[1], buf[2], buf[3]]) != self.check {
                                return Err("incorrect data check".into());
                            }
                            u32::from_le_bytes([buf[4], buf[5], buf[6], buf[7]]) == self.out_len as u32
                        }
                        _ => true,
                    };
                    if !ok {
                        return Err(if self.format == Format::Zlib { "incorrect data check" } else { "incorrect length check" }.into());
                    }
                    self.stage = Stage::Done;
                }
                Stage::Done => {
                    self.unused_data.extend_from_slice(&input[pos..]);
                    pos = input.len();
                    break;
                }
            }
        }
        self.unconsumed_tail = input[pos..].to_vec();
        Ok(out)
    }
}

/// zlib.decompress(data, /, wbits=MAX_WBITS, bufsize=DEF_BUF_SIZE)
pub fn decompress(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let data = krait_vm::types::bytes::buffer_arg(vm, &a[0])?;
    let format = super::format_of(vm, &a[1], true)?;
    let mut inf = Inflater::new(format);
    let out = inf.feed(&data, 0).map_err(|m| zlib_error(vm, &format!("Error -3 while decompressing data: {m}")))?;
    if !inf.eof() {
        return Err(zlib_error(vm, "Error -5 while decompressing data: incomplete or truncated stream"));
    }
    Ok(new_bytes(vm, &out))
}

/// zlib.decompressobj(wbits=MAX_WBITS, zdict=b'')
pub fn decompressobj(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    if !a[1].is_null() {
        return Err(vm.new_not_implemented_error("zlib.decompressobj(zdict=...) is not supported"));
    }
    let format = super::format_of(vm, &a[0], false)?;
    let t = crate::util::get_type(vm, "zlib.Decompress")?;
    Ok(wrap(vm, &t, Inflater::new(format)))
}

fn this<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a std::cell::RefCell<Inflater>> {
    expect::<Inflater>(vm, v, "zlib.Decompress")
}

/// Decompress.decompress(data, /, max_length=0)
pub fn obj_decompress(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let data = krait_vm::types::bytes::buffer_arg(vm, &a[1])?;
    let max = match crate::util::index_i64(vm, &a[2])? {
        Some(n) if n < 0 => return Err(vm.new_value_error("max_length must be non-negative")),
        Some(n) => n as usize,
        None => 0,
    };
    let r = this(vm, &a[0])?.borrow_mut().feed(&data, max);
    let out = r.map_err(|m| zlib_error(vm, &format!("Error -3 while decompressing data: {m}")))?;
    Ok(new_bytes(vm, &out))
}

/// Decompress.flush(length=DEF_BUF_SIZE): decompress what `unconsumed_tail` holds.
pub fn obj_flush(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    if let Some(n) = crate::util::index_i64(vm, &a[1])? {
        if n <= 0 {
            return Err(vm.new_value_error("length must be greater than zero"));
        }
    }
    let r = {
        let mut s = this(vm, &a[0])?.borrow_mut();
        let tail = std::mem::take(&mut s.unconsumed_tail);
        s.feed(&tail, 0)
    };
    let out = r.map_err(|m| zlib_error(vm, &format!("Error -3 while decompressing data: {m}")))?;
    Ok(new_bytes(vm, &out))
}

/// The `unused_data`, `unconsumed_tail` and `eof` attributes.
pub fn attr(vm: &mut Vm, v: &Value, which: u8) -> PyResult<Value> {
    let s = this(vm, v)?.borrow();
    Ok(match which {
        0 => {
            let d = s.unused_data.clone();
            drop(s);
            new_bytes(vm, &d)
        }
        1 => {
            let d = s.unconsumed_tail.clone();
            drop(s);
            new_bytes(vm, &d)
        }
        _ => Value::Bool(s.eof()),
    })
}
