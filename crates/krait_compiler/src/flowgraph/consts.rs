//! Trailing constant trimming (CPython's `trim_unused_consts`).

use super::Graph;
use krait_bytecode::{Constant, Opcode};

/// Drop the constants after the highest index any LOAD_CONST/KW_NAMES still uses; slot 0
/// (the docstring or None) always stays. Mirrors CPython's `trim_unused_consts`.
pub(crate) fn trim_unused_consts(g: &Graph, consts: &mut Vec<Constant>) {
    let max_used = g
        .layout()
        .into_iter()
        .flat_map(|b| g.b(b).instrs.iter())
        .filter(|i| i.is(Opcode::LoadConst) || i.is(Opcode::KwNames))
        .map(|i| i.oparg as usize)
        .max()
        .unwrap_or(0);
    consts.truncate(max_used + 1);
}
