//! The 3.11 exception table (`co_exceptiontable`): entries of (start, end, target, depth,
//! lasti), all in code units, as CPython's assembler writes them and `dis` reads them.

use std::fmt;

/// One protected range `start..end` (code units) with its handler.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionEntry {
    pub start: u32,
    /// Exclusive.
    pub end: u32,
    pub target: u32,
    /// Stack depth to unwind to before pushing (lasti and) the exception.
    pub depth: u32,
    /// Whether the offset of the raising instruction is pushed before the exception.
    pub lasti: bool,
}

/// Values must stay below this (CPython asserts `value < 1 << 30`).
pub const MAX_VALUE: u32 = 1 << 30;

/// A malformed table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExceptionTableError {
    /// The table ends inside an entry.
    Truncated,
    /// A byte at `offset` has the entry-start bit set where it must not, or lacks it.
    BadMarker { offset: usize },
    /// A value at `offset` does not fit in 30 bits.
    Overflow { offset: usize },
    /// An entry with `end <= start` or a field out of range.
    BadEntry { index: usize },
}

impl fmt::Display for ExceptionTableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExceptionTableError::Truncated => f.write_str("exception table ends inside an entry"),
            ExceptionTableError::BadMarker { offset } => write!(f, "bad entry marker at table byte {offset}"),
            ExceptionTableError::Overflow { offset } => write!(f, "value too large at table byte {offset}"),
            ExceptionTableError::BadEntry { index } => write!(f, "invalid exception table entry {index}"),
        }
    }
}

impl std::error::Error for ExceptionTableError {}

/// `assemble_emit_exception_table_item`: big-endian 6-bit groups, 0x40 = more follow,
/// `msb` (0x80) on the first byte.
fn emit_item(out: &mut Vec<u8>, value: u32, msb: u8) {
    let mut msb = msb;
    for shift in [24, 18, 12, 6] {
        if value >= 1 << shift {
            out.push(((value >> shift) & 0x3f) as u8 | 0x40 | msb);
            msb = 0;
        }
    }
    out.push((value & 0x3f) as u8 | msb);
}

/// Encodes entries (`assemble_emit_exception_table_entry` for each). Entries must have
/// `start < end` and values below [`MAX_VALUE`]; otherwise `BadEntry`.
pub fn encode(entries: &[ExceptionEntry]) -> Result<Vec<u8>, ExceptionTableError> {
    let mut out = Vec::with_capacity(entries.len() * 4);
    for (index, e) in entries.iter().enumerate() {
        let depth_lasti = e.depth.checked_mul(2).map(|d| d | u32::from(e.lasti));
        let fields = [Some(e.start), e.end.checked_sub(e.start).filter(|&n| n > 0), Some(e.target), depth_lasti];
        if fields.iter().any(|f| f.is_none_or(|v| v >= MAX_VALUE)) {
            return Err(ExceptionTableError::BadEntry { index });
        }
        for (i, f) in fields.into_iter().enumerate() {
            emit_item(&mut out, f.unwrap_or(0), if i == 0 { 0x80 } else { 0 });
        }
    }
    Ok(out)
}

/// Decodes a whole table strictly: every entry complete, start bits exactly on entry starts,
/// values below [`MAX_VALUE`], `end > start`.
pub fn decode(table: &[u8]) -> Result<Vec<ExceptionEntry>, ExceptionTableError> {
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < table.len() {
        let mut vals = [0u32; 4];
        for (i, v) in vals.iter_mut().enumerate() {
            *v = read_item(table, &mut pos, i == 0)?;
        }
        let [start, length, target, dl] = vals;
        let end = start.checked_add(length).filter(|_| length > 0);
        let Some(end) = end else {
            return Err(ExceptionTableError::BadEntry { index: out.len() });
        };
        out.push(ExceptionEntry { start, end, target, depth: dl >> 1, lasti: dl & 1 != 0 });
    }
    Ok(out)
}

fn read_item(table: &[u8], pos: &mut usize, first: bool) -> Result<u32, ExceptionTableError> {
    let start = *pos;
    let mut value: u32 = 0;
    loop {
        let Some(&b) = table.get(*pos) else { return Err(ExceptionTableError::Truncated) };
        let is_first_byte = *pos == start;
        if (b & 0x80 != 0) != (first && is_first_byte) {
            return Err(ExceptionTableError::BadMarker { offset: *pos });
        }
        if value >= MAX_VALUE >> 6 {
            return Err(ExceptionTableError::Overflow { offset: start });
        }
        value = (value << 6) | u32::from(b & 0x3f);
        *pos += 1;
        if b & 0x40 == 0 {
            return Ok(value);
        }
    }
}
