//! Line-number passes run after optimisation: CPython's `duplicate_exits_without_lineno`,
//! `propagate_line_numbers` and `guarantee_lineno_for_exits`.

use super::Graph;
use crate::ir::{BlockId, Location};
use krait_bytecode::Opcode;

/// CPython's `is_exit_without_lineno`.
fn is_exit_without_lineno(g: &Graph, id: BlockId) -> bool {
    let b = g.b(id);
    b.exit && b.instrs.iter().all(|i| i.lineno() < 0)
}

/// Give every exit block without line numbers a single predecessor by copying it once per
/// extra jump into it, then let it take the location of that predecessor's last
/// instruction. Mirrors CPython's `duplicate_exits_without_lineno`.
pub(crate) fn duplicate_exits_without_lineno(g: &mut Graph) {
    let existing: Vec<BlockId> = g.alloc_order().collect();
    for b in existing {
        let Some(last) = g.b(b).last_jump() else { continue };
        let (jump_loc, Some(target)) = (last.loc, last.target) else { continue };
        if !is_exit_without_lineno(g, target) || g.b(target).predecessors <= 1 {
            continue;
        }
        // CPython's `compiler_copy_block`.
        let new = g.new_block();
        let src = g.b(target);
        let mut instrs = src.instrs.clone();
        let (exit, next) = (src.exit, src.next);
        if let Some(first) = instrs.first_mut() {
            first.loc = jump_loc;
        }
        let nb = g.bm(new);
        nb.instrs = instrs;
        nb.exit = exit;
        nb.nofallthrough = true;
        nb.predecessors = 1;
        nb.next = next;
        if let Some(last) = g.bm(b).instrs.last_mut() {
            last.target = Some(new);
        }
        let t = g.bm(target);
        t.predecessors -= 1;
        t.next = Some(new);
    }
    let all: Vec<BlockId> = g.alloc_order().collect();
    for &b in &all {
        while let Some(n) = g.b(b).next {
            if !g.b(n).instrs.is_empty() {
                break;
            }
            let nn = g.b(n).next;
            g.bm(b).next = nn;
            if nn == Some(n) {
                break;
            }
        }
    }
    // Remaining exits without line numbers are reached only by falling through.
    for &b in &all {
        let blk = g.b(b);
        let (Some(next), Some(last)) = (blk.next, blk.instrs.last()) else { continue };
        if blk.nofallthrough || !is_exit_without_lineno(g, next) {
            continue;
        }
        let loc = last.loc;
        if let Some(first) = g.bm(next).instrs.first_mut() {
            first.loc = loc;
        }
    }
}

/// Copy locations forward within blocks, and into the first instruction of a successor
/// that has this block as its only predecessor. Mirrors CPython's `propagate_line_numbers`.
pub(crate) fn propagate_line_numbers(g: &mut Graph) {
    for b in g.layout() {
        if g.b(b).instrs.is_empty() {
            continue;
        }
        let mut prev = Location::NONE;
        for i in &mut g.bm(b).instrs {
            if i.lineno() < 0 {
                i.loc = prev;
            } else {
                prev = i.loc;
            }
        }
        let blk = g.b(b);
        let mut successors = Vec::new();
        if !blk.nofallthrough {
            successors.extend(blk.next);
        }
        if let Some(t) = blk.last_jump().and_then(|j| j.target) {
            successors.push(t);
        }
        for s in successors {
            if g.b(s).predecessors == 1 {
                if let Some(first) = g.bm(s).instrs.first_mut() {
                    if first.lineno() < 0 {
                        first.loc = prev;
                    }
                }
            }
        }
    }
}

/// Give a line to blocks that still end in a location-less RETURN_VALUE: the last line
/// seen before them. Only the line field is set. Mirrors CPython's
/// `guarantee_lineno_for_exits`.
pub(crate) fn guarantee_lineno_for_exits(g: &mut Graph, firstlineno: i32) {
    let mut lineno = firstlineno;
    for b in g.layout() {
        let blk = g.bm(b);
        let Some(last) = blk.instrs.last() else { continue };
        if last.lineno() < 0 {
            if last.is(Opcode::ReturnValue) {
                for i in &mut blk.instrs {
                    i.loc.lineno = lineno;
                }
            }
        } else {
            lineno = last.lineno();
        }
    }
}
