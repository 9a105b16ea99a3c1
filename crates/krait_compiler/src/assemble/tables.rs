//! co_linetable and co_exceptiontable bytes from the assembled instructions.

use super::emit::ExceptRange;
use super::AssembleError;
use crate::flowgraph::Graph;
use crate::ir::Location;

fn varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 64 {
        out.push(0x40 | (v & 63) as u8);
        v >>= 6;
    }
    out.push(v as u8);
}

fn svarint(out: &mut Vec<u8>, v: i32) {
    let u = if v < 0 { ((v.unsigned_abs()) << 1) | 1 } else { (v as u32) << 1 };
    varint(out, u);
}

/// One location entry of `len` (1..=8) code units; CPython's `write_location_info_entry`.
fn entry(out: &mut Vec<u8>, cur: &mut i32, len: u32, l: Location) {
    let first = |code: u8| 0x80 | (code << 3) | (len - 1) as u8;
    if l.lineno < 0 {
        out.push(first(15));
        return;
    }
    let delta = l.lineno - *cur;
    let (col, end_col) = (l.col_offset, l.end_col_offset);
    if col < 0 || end_col < 0 {
        if l.end_lineno == l.lineno || l.end_lineno == -1 {
            out.push(first(13));
            svarint(out, delta);
            *cur = l.lineno;
            return;
        }
    } else if l.end_lineno == l.lineno {
        if delta == 0 && col < 80 && end_col - col < 16 && end_col >= col {
            out.push(first((col >> 3) as u8));
            out.push((((col & 7) << 4) | (end_col - col)) as u8);
            return;
        }
        if (0..3).contains(&delta) && col < 128 && end_col < 128 {
            out.push(first(10 + delta as u8));
            out.push(col as u8);
            out.push(end_col as u8);
            *cur = l.lineno;
            return;
        }
    }
    out.push(first(14));
    svarint(out, delta);
    varint(out, (l.end_lineno - l.lineno).max(0) as u32);
    varint(out, (col + 1).max(0) as u32);
    varint(out, (end_col + 1).max(0) as u32);
    *cur = l.lineno;
}

/// The location table for instructions given as (size in code units, location).
pub(crate) fn location_table(firstlineno: i32, instrs: &[(u32, Location)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut cur = firstlineno;
    for &(mut size, loc) in instrs {
        while size > 8 {
            entry(&mut out, &mut cur, 8, loc);
            size -= 8;
        }
        entry(&mut out, &mut cur, size, loc);
    }
    out
}

fn except_item(out: &mut Vec<u8>, v: u32, mut msb: u8) {
    for shift in [24, 18, 12, 6] {
        if v >= 1 << shift {
            out.push((((v >> shift) & 0x3F) as u8) | 0x40 | msb);
            msb = 0;
        }
    }
    out.push((v & 0x3F) as u8 | msb);
}

/// The exception table: each range with its handler's offset, depth and lasti flag.
pub(crate) fn exception_table(g: &Graph, ranges: &[ExceptRange]) -> Result<Vec<u8>, AssembleError> {
    let mut out = Vec::new();
    for r in ranges {
        let h = g.b(r.handler);
        let lasti = u32::from(h.preserve_lasti);
        let depth = h.startdepth - 1 - lasti as i32;
        let depth = u32::try_from(depth).map_err(|_| AssembleError("exception handler with negative depth".into()))?;
        except_item(&mut out, r.start, 0x80);
        except_item(&mut out, r.end - r.start, 0);
        except_item(&mut out, h.offset, 0);
        except_item(&mut out, (depth << 1) | lasti, 0);
    }
    Ok(out)
}
