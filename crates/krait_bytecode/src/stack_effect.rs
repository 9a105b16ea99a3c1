//! Static stack effects of opcodes, exactly as CPython 3.11's `_opcode.stack_effect`.

use crate::opcode::Opcode;
use crate::HAVE_ARGUMENT;

/// Numbers of the compiler's pseudo-instructions in CPython 3.11 (`compile.c`): negative, so
/// they never collide with real opcodes. `_opcode.stack_effect` accepts them.
pub mod pseudo {
    pub const SETUP_FINALLY: i32 = -1;
    pub const SETUP_CLEANUP: i32 = -2;
    pub const SETUP_WITH: i32 = -3;
    pub const POP_BLOCK: i32 = -4;
    pub const JUMP: i32 = -5;
    pub const JUMP_NO_INTERRUPT: i32 = -6;
    pub const POP_JUMP_IF_FALSE: i32 = -7;
    pub const POP_JUMP_IF_TRUE: i32 = -8;
    pub const POP_JUMP_IF_NONE: i32 = -9;
    pub const POP_JUMP_IF_NOT_NONE: i32 = -10;
}

/// Why `_opcode.stack_effect` refused; all are ValueErrors in CPython.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StackEffectError {
    /// The opcode takes an argument but none was given.
    OpargRequired,
    /// The opcode takes no argument but one was given.
    OpargNotPermitted,
    /// Unknown (or specialised) opcode.
    Invalid,
}

impl StackEffectError {
    /// CPython's ValueError message.
    pub fn message(self) -> &'static str {
        match self {
            StackEffectError::OpargRequired => {
                "stack_effect: opcode requires oparg but oparg was not specified"
            }
            StackEffectError::OpargNotPermitted => {
                "stack_effect: opcode does not permit oparg but oparg was specified"
            }
            StackEffectError::Invalid => "invalid opcode or oparg",
        }
    }
}

impl std::fmt::Display for StackEffectError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message())
    }
}

impl std::error::Error for StackEffectError {}

/// `_opcode.stack_effect(opcode, oparg=None, *, jump=None)` (`_opcode_stack_effect_impl`).
///
/// `opcode` may be any integer: real opcodes, the negative [`pseudo`] opcodes, or garbage.
/// `jump = None` gives the maximum of the two edges. Arithmetic wraps like CPython's C ints.
pub fn stack_effect(opcode: i32, oparg: Option<i32>, jump: Option<bool>) -> Result<i32, StackEffectError> {
    let oparg = if opcode >= i32::from(HAVE_ARGUMENT) {
        oparg.ok_or(StackEffectError::OpargRequired)?
    } else if oparg.is_some() {
        return Err(StackEffectError::OpargNotPermitted);
    } else {
        0
    };
    // CPython signals "invalid" with INT_MAX (PY_INVALID_STACK_EFFECT), so a wrapped result
    // that happens to equal it is reported as invalid too.
    effect(opcode, oparg, jump).filter(|&e| e != i32::MAX).ok_or(StackEffectError::Invalid)
}

impl Opcode {
    /// The static stack effect of this (base) opcode with `oparg` (ignored for opcodes without an
    /// argument); `None` for specialised opcodes, which CPython's compiler never emits.
    pub fn stack_effect(self, oparg: i32, jump: Option<bool>) -> Option<i32> {
        effect(i32::from(self as u8), if self.has_arg() { oparg } else { 0 }, jump)
    }
}

/// `stack_effect()` in CPython's `compile.c`; `jump = None` is CPython's `jump = -1`, which every
/// branching case treats as "taken" and so yields the maximum.
fn effect(opcode: i32, oparg: i32, jump: Option<bool>) -> Option<i32> {
    use pseudo::*;
    let taken = jump != Some(false);
    let e = match opcode {
        SETUP_FINALLY | SETUP_WITH => i32::from(taken),
        SETUP_CLEANUP => 2 * i32::from(taken),
        POP_BLOCK | JUMP | JUMP_NO_INTERRUPT => 0,
        POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE | POP_JUMP_IF_NONE | POP_JUMP_IF_NOT_NONE => -1,
        _ => {
            let op = Opcode::from_u8(u8::try_from(opcode).ok()?)?;
            if !op.is_base() {
                return None;
            }
            return real_effect(op, oparg, jump);
        }
    };
    Some(e)
}

/// The real-opcode half of CPython's `stack_effect()`.
fn real_effect(op: Opcode, oparg: i32, jump: Option<bool>) -> Option<i32> {
    use Opcode::*;
    let taken = jump != Some(false);
    let e = match op {
        Nop | ExtendedArg | Resume | Cache | Swap | UnaryPositive | UnaryNegative | UnaryNot
        | UnaryInvert | GetIter | SetupAnnotations | AsyncGenWrap | YieldValue | DeleteName
        | DeleteGlobal | LoadAttr | CheckExcMatch | CheckEgMatch | JumpForward | JumpBackward
        | JumpBackwardNoInterrupt | DeleteFast | ReturnGenerator | KwNames | MakeCell
        | CopyFreeVars | DeleteDeref | GetAwaitable | GetAiter | GetYieldFromIter
        | ListToTuple => 0,
        PopTop | SetAdd | ListAppend | BinarySubscr | PrintExpr | ReturnValue | ImportStar
        | PopExcept | StoreName | StoreGlobal | CompareOp | IsOp | ContainsOp | ImportName
        | PopJumpForwardIfFalse | PopJumpForwardIfTrue | PopJumpForwardIfNone
        | PopJumpForwardIfNotNone | PopJumpBackwardIfFalse | PopJumpBackwardIfTrue
        | PopJumpBackwardIfNone | PopJumpBackwardIfNotNone | PrepReraiseStar | Reraise
        | StoreFast | Call | StoreDeref | ListExtend | SetUpdate | DictMerge | DictUpdate
        | BinaryOp | DeleteAttr => -1,
        MapAdd | DeleteSubscr | StoreAttr | EndAsyncFor | MatchClass => -2,
        StoreSubscr => -3,
        LoadBuildClass | LoadConst | LoadName | ImportFrom | PushExcInfo | WithExceptStart
        | LoadFast | LoadClosure | LoadDeref | LoadClassderef | BeforeAsyncWith | BeforeWith
        | GetAnext | LoadMethod | LoadAssertionError | GetLen | MatchMapping | MatchSequence
        | MatchKeys | Copy | PushNull => 1,
        UnpackSequence => oparg.wrapping_sub(1),
        UnpackEx => (oparg & 0xFF).wrapping_add(oparg >> 8),
        ForIter => {
            if jump == Some(true) {
                -1
            } else {
                1
            }
        }
        Send => {
            if jump == Some(true) {
                -1
            } else {
                0
            }
        }
        BuildTuple | BuildList | BuildSet | BuildString => 1i32.wrapping_sub(oparg),
        BuildMap => 1i32.wrapping_sub(oparg.wrapping_mul(2)),
        BuildConstKeyMap | RaiseVarargs | Precall => oparg.wrapping_neg(),
        JumpIfTrueOrPop | JumpIfFalseOrPop => {
            if taken {
                0
            } else {
                -1
            }
        }
        LoadGlobal => (oparg & 1) + 1,
        CallFunctionEx => -2 - (oparg & 1),
        MakeFunction => -((oparg & 0x0F).count_ones() as i32),
        BuildSlice => {
            if oparg == 3 {
                -2
            } else {
                -1
            }
        }
        // FVS_MASK / FVS_HAVE_SPEC
        FormatValue => {
            if oparg & 0x4 == 0x4 {
                -1
            } else {
                0
            }
        }
        _ => return None,
    };
    Some(e)
}
