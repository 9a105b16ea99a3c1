//! SWAP optimisation: shortest equivalent SWAP runs (CPython's `swaptimize`) and swaps
//! applied by reordering stores (`apply_static_swaps`).

use super::Instr;
use krait_bytecode::Opcode;

/// Replace the run of SWAPs and NOPs starting at `ix` (a SWAP) by an optimal run with the
/// same effect, padded with NOPs. Returns the index of the run's last instruction
/// (CPython advances its loop index there). Mirrors CPython's `swaptimize`.
pub(crate) fn swaptimize(instrs: &mut [Instr], ix: usize) -> usize {
    let run = &mut instrs[ix..];
    let mut depth = run[0].oparg as usize;
    let mut len = 1;
    let mut more = false;
    while len < run.len() {
        if run[len].is(Opcode::Swap) {
            depth = depth.max(run[len].oparg as usize);
            more = true;
        } else if !run[len].is(Opcode::Nop) {
            break;
        }
        len += 1;
    }
    if !more || depth == 0 {
        return ix;
    }
    // Simulate the run on a stack of item numbers (index 0 is the top).
    let mut stack: Vec<Option<usize>> = (0..depth).map(Some).collect();
    for x in &run[..len] {
        if x.is(Opcode::Swap) && x.oparg >= 1 {
            stack.swap(0, x.oparg as usize - 1);
        }
    }
    // Emit the cycle decomposition backwards, from the end of the run.
    let mut current = len as isize - 1;
    for i in 0..depth {
        if stack[i].is_none() || stack[i] == Some(i) {
            continue;
        }
        let mut j = i;
        loop {
            if j != 0 {
                if current < 0 {
                    return ix; // cannot happen for an optimal solution; leave the run alone
                }
                let x = &mut run[current as usize];
                x.set_real(Opcode::Swap);
                x.oparg = j as u32 + 1;
                current -= 1;
            }
            match stack[j].take() {
                None => break,
                Some(next_j) => j = next_j,
            }
        }
    }
    while current >= 0 {
        run[current as usize].set_real(Opcode::Nop);
        current -= 1;
    }
    ix + len - 1
}

/// Opcodes that may be reordered: they cannot jump, raise or run arbitrary code, and only
/// consume the top of the stack.
fn swappable(i: &Instr) -> bool {
    i.is(Opcode::StoreFast) || i.is(Opcode::PopTop)
}

/// The local a STORE_FAST writes (CPython's `STORES_TO`).
fn stores_to(i: &Instr) -> Option<u32> {
    i.is(Opcode::StoreFast).then_some(i.oparg)
}

/// Index of the next swappable instruction after `i`, skipping NOPs; none if something
/// else comes first or (when `lineno` is given) the line changes.
fn next_swappable_instruction(instrs: &[Instr], mut i: usize, lineno: Option<i32>) -> Option<usize> {
    loop {
        i += 1;
        let x = instrs.get(i)?;
        if lineno.is_some_and(|l| l >= 0 && x.lineno() != l) {
            return None;
        }
        if x.is(Opcode::Nop) {
            continue;
        }
        return swappable(x).then_some(i);
    }
}

/// Try to apply the SWAPs at or left of `i` by exchanging the instructions that consume
/// the swapped items. Mirrors CPython's `apply_static_swaps`.
pub(crate) fn apply_static_swaps(instrs: &mut [Instr], i: usize) {
    for i in (0..=i).rev() {
        if !instrs[i].is(Opcode::Swap) {
            if instrs[i].is(Opcode::Nop) || swappable(&instrs[i]) {
                continue;
            }
            return;
        }
        let Some(j) = next_swappable_instruction(instrs, i, None) else { return };
        let lineno = instrs[j].lineno();
        let mut k = j;
        for _ in 1..instrs[i].oparg {
            match next_swappable_instruction(instrs, k, Some(lineno)) {
                Some(next) => k = next,
                None => return,
            }
        }
        let (store_j, store_k) = (stores_to(&instrs[j]), stores_to(&instrs[k]));
        if store_j.is_some() || store_k.is_some() {
            if store_j == store_k {
                return;
            }
            let conflict = (j + 1..k)
                .filter_map(|idx| stores_to(&instrs[idx]))
                .any(|s| Some(s) == store_j || Some(s) == store_k);
            if conflict {
                return;
            }
        }
        instrs[i].set_real(Opcode::Nop);
        instrs.swap(j, k);
    }
}
