//! Stack-depth analysis of one code object: no underflow, a single depth at every reachable
//! instruction (merge points agree), maximum within `co_stacksize`.

use super::VerifyError;
use crate::exception_table::ExceptionEntry;
use crate::instruction::Instruction;
use crate::Opcode;

/// How many stack items the instruction reads (pops or peeks) in CPython 3.11's eval loop,
/// counted in the compiler's accounting (PRECALL/CALL as `stack_effect` splits them).
fn inputs(op: Opcode, arg: u32) -> u64 {
    use Opcode::*;
    let arg = u64::from(arg);
    match op {
        PopTop | UnaryPositive | UnaryNegative | UnaryNot | UnaryInvert | GetLen | MatchMapping
        | MatchSequence | PushExcInfo | GetAiter | GetAnext | BeforeAsyncWith | BeforeWith
        | GetIter | GetYieldFromIter | PrintExpr | ListToTuple | ReturnValue | ImportStar
        | YieldValue | AsyncGenWrap | PopExcept | StoreName | UnpackSequence | ForIter
        | UnpackEx | DeleteAttr | StoreGlobal | LoadAttr | ImportFrom | JumpIfFalseOrPop
        | JumpIfTrueOrPop | PopJumpForwardIfFalse | PopJumpForwardIfTrue
        | PopJumpForwardIfNone | PopJumpForwardIfNotNone | PopJumpBackwardIfFalse
        | PopJumpBackwardIfTrue | PopJumpBackwardIfNone | PopJumpBackwardIfNotNone | StoreFast
        | GetAwaitable | StoreDeref | LoadMethod => 1,
        BinarySubscr | MatchKeys | CheckExcMatch | CheckEgMatch | EndAsyncFor | DeleteSubscr
        | PrepReraiseStar | StoreAttr | CompareOp | ImportName | IsOp | ContainsOp | BinaryOp
        | Send | Call => 2,
        StoreSubscr | MatchClass => 3,
        WithExceptStart => 4,
        Swap | Copy | BuildTuple | BuildList | BuildSet | BuildString | RaiseVarargs => arg,
        BuildMap => 2 * arg,
        BuildConstKeyMap | ListAppend | SetAdd | ListExtend | SetUpdate | DictUpdate | Reraise => arg + 1,
        MapAdd | Precall => arg + 2,
        DictMerge => arg + 3,
        MakeFunction => 1 + u64::from((arg & 0x0F).count_ones()),
        BuildSlice => if arg == 3 { 3 } else { 2 },
        CallFunctionEx => 3 + (arg & 1),
        FormatValue => if arg & 4 != 0 { 2 } else { 1 },
        _ => 0,
    }
}

/// The depth change on the fall-through (`jump = false`) and taken (`jump = true`) edges.
fn effects(insn: &Instruction) -> Result<(i64, i64), VerifyError> {
    let op = insn.opcode;
    // RETURN_GENERATOR leaves the value sent by the first resumption, which POP_TOP discards.
    if op == Opcode::ReturnGenerator {
        return Ok((1, 1));
    }
    let arg = insn.arg as i32;
    let get = |jump| {
        op.stack_effect(arg, Some(jump)).map(i64::from).ok_or_else(|| {
            VerifyError::at(insn.start, format!("no stack effect for {}", op.name()))
        })
    };
    Ok((get(false)?, get(true)?))
}

/// Depths found so far and the instructions still to walk.
struct Walk<'a> {
    insns: &'a [Instruction],
    depth: Vec<Option<u64>>,
    work: Vec<usize>,
    max: u64,
}

impl Walk<'_> {
    /// Reaching instruction `idx` with depth `d` from instruction `from`.
    fn visit(&mut self, idx: usize, d: u64, from: usize) -> Result<(), VerifyError> {
        if d > self.max {
            let msg = format!("stack depth {d} exceeds co_stacksize {}", self.max);
            return Err(VerifyError::at(self.insns[from].start, msg));
        }
        match self.depth[idx] {
            None => {
                self.depth[idx] = Some(d);
                self.work.push(idx);
                Ok(())
            }
            Some(old) if old == d => Ok(()),
            Some(old) => Err(VerifyError::at(
                self.insns[idx].start,
                format!("inconsistent stack depth at merge point ({old} and {d})"),
            )),
        }
    }
}

fn shifted(insn: &Instruction, d: u64, effect: i64) -> Result<u64, VerifyError> {
    u64::try_from(d as i64 + effect).map_err(|_| VerifyError::at(insn.start, "stack underflow"))
}

/// Checks stack depths; `at_unit[u]` is the index into `insns` of the instruction starting at
/// code unit `u`. `handlers` are sorted and disjoint.
pub(super) fn check(
    insns: &[Instruction],
    at_unit: &[Option<usize>],
    handlers: &[ExceptionEntry],
    stacksize: u32,
) -> Result<(), VerifyError> {
    let mut walk = Walk { insns, depth: vec![None; insns.len()], work: Vec::new(), max: u64::from(stacksize) };
    if !insns.is_empty() {
        walk.visit(0, 0, 0)?;
    }
    let index_of = |unit: usize, insn: &Instruction, what: &str| {
        at_unit.get(unit).copied().flatten().ok_or_else(|| VerifyError::at(insn.start, format!("bad {what}")))
    };
    while let Some(i) = walk.work.pop() {
        let insn = &insns[i];
        let d = walk.depth[i].unwrap_or(0);
        let need = inputs(insn.opcode, insn.arg);
        if d < need {
            return Err(VerifyError::at(
                insn.start,
                format!("stack underflow: {} needs {need} items, depth is {d}", insn.opcode.name()),
            ));
        }
        let hi = handlers.partition_point(|h| (h.end as usize) <= insn.start);
        if let Some(h) = handlers.get(hi).filter(|h| (h.start as usize) <= insn.start) {
            if d < u64::from(h.depth) {
                let msg = format!("exception handler depth {} above stack depth {d}", h.depth);
                return Err(VerifyError::at(insn.start, msg));
            }
            let target = index_of(h.target as usize, insn, "exception handler target")?;
            walk.visit(target, u64::from(h.depth) + u64::from(h.lasti) + 1, i)?;
        }
        let (fall, taken) = effects(insn)?;
        if let Some(t) = insn.jump_target() {
            let t = index_of(t, insn, "jump target")?;
            walk.visit(t, shifted(insn, d, taken)?, i)?;
        }
        if insn.opcode.is_terminator() {
            continue;
        }
        if i + 1 >= insns.len() {
            return Err(VerifyError::at(insn.start, "execution falls off the end of the code"));
        }
        walk.visit(i + 1, shifted(insn, d, fall)?, i)?;
    }
    Ok(())
}
