//! Per-block peephole rules (CPython's `optimize_basic_block`, `fold_tuple_on_constants`,
//! `jump_thread`).

use super::swaps::{apply_static_swaps, swaptimize};
use super::{is_block_push, is_jump, Graph};
use crate::assemble::AssembleError;
use crate::ir::{BlockId, IrOp, Pseudo};
use krait_bytecode::{Constant, Opcode};
use num_traits::Zero;
use std::rc::Rc;

/// `PyObject_IsTrue` for a constant.
fn truthy(c: &Constant) -> bool {
    match c {
        Constant::None => false,
        Constant::Ellipsis | Constant::StopIteration | Constant::Code(_) => true,
        Constant::Bool(b) => *b,
        Constant::Int(i) => !i.is_zero(),
        Constant::Float(f) => *f != 0.0,
        Constant::Complex { re, im } => *re != 0.0 || *im != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(t) | Constant::FrozenSet(t) | Constant::List(t) | Constant::Set(t) => !t.is_empty(),
        Constant::Dict(d) => !d.is_empty(),
    }
}

fn const_at(consts: &[Constant], idx: u32) -> Result<&Constant, AssembleError> {
    consts
        .get(idx as usize)
        .ok_or_else(|| AssembleError("Internal error: failed to get value of a constant".into()))
}

/// Index of `c` in `consts`, appending it if no equal constant (by CPython's constant key)
/// is there yet.
pub(crate) fn add_const(consts: &mut Vec<Constant>, c: Constant) -> u32 {
    match consts.iter().position(|x| x.same_constant(&c)) {
        Some(i) => i as u32,
        None => {
            consts.push(c);
            consts.len() as u32 - 1
        }
    }
}

/// Replace `LOAD_CONST c1 … LOAD_CONST cn; BUILD_TUPLE n` (ending at `end`) by NOPs and
/// `LOAD_CONST (c1, …, cn)`. CPython's `fold_tuple_on_constants`.
fn fold_tuple_on_constants(
    g: &mut Graph,
    id: BlockId,
    end: usize,
    n: usize,
    consts: &mut Vec<Constant>,
) -> Result<(), AssembleError> {
    let start = end - n;
    let instrs = &g.b(id).instrs;
    if !instrs[start..end].iter().all(|i| i.is(Opcode::LoadConst)) {
        return Ok(());
    }
    let items = instrs[start..end]
        .iter()
        .map(|i| const_at(consts, i.oparg).cloned())
        .collect::<Result<Vec<_>, _>>()?;
    let index = add_const(consts, Constant::Tuple(Rc::from(items)));
    let instrs = &mut g.bm(id).instrs;
    for i in &mut instrs[start..end] {
        i.set_real(Opcode::Nop);
    }
    instrs[end].set_real(Opcode::LoadConst);
    instrs[end].oparg = index;
    Ok(())
}

/// Make jump `i` of block `id` go where the jump `target` (first instruction of its target
/// block) goes, with opcode `op`, if both are on the same line and this changes something.
/// CPython's `jump_thread`.
fn jump_thread(g: &mut Graph, id: BlockId, i: usize, target: &super::Instr, op: IrOp) -> bool {
    let inst = &mut g.bm(id).instrs[i];
    if inst.lineno() == target.lineno() && inst.target != target.target {
        inst.target = target.target;
        inst.op = op;
        true
    } else {
        false
    }
}

/// Apply the peephole rules to one block. Mirrors CPython's `optimize_basic_block`.
pub(crate) fn optimize_basic_block(
    g: &mut Graph,
    id: BlockId,
    consts: &mut Vec<Constant>,
) -> Result<(), AssembleError> {
    use Pseudo::*;
    let mut i = 0usize;
    while i < g.b(id).instrs.len() {
        let inst = g.b(id).instrs[i].clone();
        let oparg = inst.oparg;
        let nextop = g.b(id).instrs.get(i + 1).map(|x| x.op);
        // The first instruction of the jump target (skipping empty blocks), else a NOP.
        let mut target = None;
        if is_jump(inst.op) || is_block_push(inst.op) {
            if let Some(t) = inst.target {
                let t = g.skip_empty(t)?;
                g.bm(id).instrs[i].target = Some(t);
                target = g.b(t).instrs.first().cloned();
            }
        }
        // Whether to look at the same index again (CPython's `i -= jump_thread(...)`).
        let mut again = false;
        match inst.op {
            IrOp::Real(Opcode::LoadConst) => match nextop {
                Some(IrOp::Pseudo(p @ (PopJumpIfFalse | PopJumpIfTrue))) => {
                    let is_true = truthy(const_at(consts, oparg)?);
                    let b = g.bm(id);
                    b.instrs[i].set_real(Opcode::Nop);
                    if is_true == (p == PopJumpIfTrue) {
                        b.instrs[i + 1].set_pseudo(Jump);
                        b.nofallthrough = true;
                    } else {
                        b.instrs[i + 1].set_real(Opcode::Nop);
                    }
                }
                Some(IrOp::Real(op @ (Opcode::JumpIfFalseOrPop | Opcode::JumpIfTrueOrPop))) => {
                    let is_true = truthy(const_at(consts, oparg)?);
                    let b = g.bm(id);
                    if is_true == (op == Opcode::JumpIfTrueOrPop) {
                        b.instrs[i + 1].set_pseudo(Jump);
                        b.nofallthrough = true;
                    } else {
                        b.instrs[i].set_real(Opcode::Nop);
                        b.instrs[i + 1].set_real(Opcode::Nop);
                    }
                }
                Some(IrOp::Real(Opcode::IsOp)) => {
                    let is_none = matches!(const_at(consts, oparg)?, Constant::None);
                    let jump_op = g.b(id).instrs.get(i + 2).map(|x| x.op);
                    if let (true, Some(IrOp::Pseudo(j @ (PopJumpIfFalse | PopJumpIfTrue)))) = (is_none, jump_op) {
                        let b = g.bm(id);
                        let nextarg = b.instrs[i + 1].oparg & 0xFF;
                        b.instrs[i].set_real(Opcode::Nop);
                        b.instrs[i + 1].set_real(Opcode::Nop);
                        let not_none = nextarg ^ u32::from(j == PopJumpIfFalse) != 0;
                        b.instrs[i + 2].set_pseudo(if not_none { PopJumpIfNotNone } else { PopJumpIfNone });
                    }
                }
                _ => {}
            },
            IrOp::Real(Opcode::BuildTuple) => {
                let unpack_same = nextop == Some(IrOp::Real(Opcode::UnpackSequence))
                    && g.b(id).instrs[i + 1].oparg == oparg;
                if unpack_same && matches!(oparg, 1..=3) {
                    let b = g.bm(id);
                    b.instrs[i].set_real(Opcode::Nop);
                    b.instrs[i + 1].set_real(if oparg == 1 { Opcode::Nop } else { Opcode::Swap });
                } else if i >= oparg as usize {
                    fold_tuple_on_constants(g, id, i, oparg as usize, consts)?;
                }
            }
            IrOp::Real(Opcode::JumpIfFalseOrPop) | IrOp::Real(Opcode::JumpIfTrueOrPop) => {
                let on_false = inst.is(Opcode::JumpIfFalseOrPop);
                let (same_pop, same_or_pop, opp_pop, opp_or_pop) = if on_false {
                    (PopJumpIfFalse, Opcode::JumpIfFalseOrPop, PopJumpIfTrue, Opcode::JumpIfTrueOrPop)
                } else {
                    (PopJumpIfTrue, Opcode::JumpIfTrueOrPop, PopJumpIfFalse, Opcode::JumpIfFalseOrPop)
                };
                if let Some(t) = &target {
                    if t.op == IrOp::Pseudo(same_pop) {
                        again = jump_thread(g, id, i, t, IrOp::Pseudo(same_pop));
                    } else if t.op == IrOp::Pseudo(Jump) || t.op == IrOp::Real(same_or_pop) {
                        again = jump_thread(g, id, i, t, inst.op);
                    } else if (t.op == IrOp::Real(opp_or_pop) || t.op == IrOp::Pseudo(opp_pop))
                        && inst.lineno() == t.lineno()
                    {
                        let cur = g.b(id).instrs[i].target;
                        if let Some(after) = cur.and_then(|c| g.b(c).next) {
                            let x = &mut g.bm(id).instrs[i];
                            x.set_pseudo(same_pop);
                            x.target = Some(after);
                            again = true;
                        }
                    }
                }
            }
            IrOp::Pseudo(PopJumpIfNotNone | PopJumpIfNone | PopJumpIfFalse | PopJumpIfTrue | Jump) => {
                if let Some(t) = &target {
                    if t.op == IrOp::Pseudo(Jump) {
                        again = jump_thread(g, id, i, t, inst.op);
                    }
                }
            }
            IrOp::Real(Opcode::Swap) => {
                if oparg == 1 {
                    g.bm(id).instrs[i].set_real(Opcode::Nop);
                } else {
                    i = swaptimize(&mut g.bm(id).instrs, i);
                    apply_static_swaps(&mut g.bm(id).instrs, i);
                }
            }
            // CPython 3.11 tests the *opcode* of the LOAD_GLOBAL for evenness here (always
            // true); codegen only puts PUSH_NULL before LOAD_GLOBALs with an even arg.
            IrOp::Real(Opcode::PushNull) if nextop == Some(IrOp::Real(Opcode::LoadGlobal)) => {
                let b = g.bm(id);
                b.instrs[i].set_real(Opcode::Nop);
                b.instrs[i].oparg = 0;
                b.instrs[i + 1].oparg |= 1;
            }
            _ => {}
        }
        if !again {
            i += 1;
        }
    }
    Ok(())
}
