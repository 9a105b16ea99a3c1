//! co_linetable and co_exceptiontable bytes from the assembled instructions, through
//! krait_bytecode's encoders.

use super::emit::ExceptRange;
use super::AssembleError;
use crate::flowgraph::Graph;
use crate::ir::Location;
use krait_bytecode::exception_table::{self, ExceptionEntry};
use krait_bytecode::line_table::{self, LineTableEncoder};

fn known(v: i32) -> Option<i32> {
    (v >= 0).then_some(v)
}

/// The location table for instructions given as (size in code units, location).
/// CPython's location loop in `assemble()`.
pub(crate) fn location_table(firstlineno: i32, instrs: &[(u32, Location)]) -> Vec<u8> {
    let mut enc = LineTableEncoder::new(firstlineno);
    for &(size, l) in instrs {
        let loc = line_table::Location {
            line: known(l.lineno),
            end_line: known(l.end_lineno),
            col: known(l.col_offset),
            end_col: known(l.end_col_offset),
        };
        enc.add(size as usize, loc);
    }
    enc.finish()
}

/// The exception table: each range with its handler's offset, depth and lasti flag.
/// Mirrors CPython's `assemble_emit_exception_table_entry`.
pub(crate) fn exception_table(g: &Graph, ranges: &[ExceptRange]) -> Result<Vec<u8>, AssembleError> {
    let entries = ranges
        .iter()
        .map(|r| {
            let h = g.b(r.handler);
            let depth = h.startdepth.saturating_sub(1 + i32::from(h.preserve_lasti));
            let depth = u32::try_from(depth)
                .map_err(|_| AssembleError("exception handler with negative stack depth".into()))?;
            Ok(ExceptionEntry { start: r.start, end: r.end, target: h.offset, depth, lasti: h.preserve_lasti })
        })
        .collect::<Result<Vec<_>, AssembleError>>()?;
    exception_table::encode(&entries).map_err(|e| AssembleError(e.to_string()))
}
