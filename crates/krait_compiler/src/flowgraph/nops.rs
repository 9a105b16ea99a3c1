//! NOP removal with CPython's line-number rules (`clean_basic_block`).

use super::Graph;
use crate::ir::BlockId;
use krait_bytecode::Opcode;

/// Drop the NOPs of one block that do not carry a needed line event. Mirrors CPython's
/// `clean_basic_block`: a NOP survives only if its line differs from the previous kept
/// instruction, the next instruction (or the next non-empty block's first instruction),
/// and the next instruction has a line of its own.
pub(crate) fn clean_basic_block(g: &mut Graph, id: BlockId) {
    if !g.b(id).instrs.iter().any(|i| i.is(Opcode::Nop)) {
        return;
    }
    // First line of the next non-empty block, for a NOP that ends this block.
    let next_block_line = {
        let mut next = g.b(id).next;
        let mut steps = 0;
        while let Some(n) = next {
            if !g.b(n).instrs.is_empty() || steps > g.blocks.len() {
                break;
            }
            next = g.b(n).next;
            steps += 1;
        }
        next.and_then(|n| g.b(n).instrs.first().map(|i| i.lineno()))
    };
    let instrs = &mut g.bm(id).instrs;
    // Compact in place: instructions kept are moved down to `dst` (never past `src`).
    let n = instrs.len();
    let mut dst = 0;
    let mut prev_lineno = -1;
    for src in 0..n {
        let lineno = instrs[src].lineno();
        if instrs[src].is(Opcode::Nop) {
            if lineno < 0 || prev_lineno == lineno {
                continue;
            }
            if src + 1 < n {
                let next_lineno = instrs[src + 1].lineno();
                if next_lineno == lineno {
                    continue;
                }
                if next_lineno < 0 {
                    instrs[src + 1].loc = instrs[src].loc;
                    continue;
                }
            } else if next_block_line == Some(lineno) {
                continue;
            }
        }
        instrs.swap(dst, src);
        dst += 1;
        prev_lineno = lineno;
    }
    instrs.truncate(dst);
}
