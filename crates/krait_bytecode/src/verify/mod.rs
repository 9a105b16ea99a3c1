//! Verification of code objects from untrusted bytes (a `.pyc` or `marshal.loads`), so the VM
//! can run them without further checks: instruction stream, argument ranges, jump and handler
//! targets, exception table, and stack depths. Nested code constants are verified too.

mod stack;

use crate::code::LocalKind;
use crate::exception_table::{self, ExceptionEntry};
use crate::instruction::{instructions, Instruction};
use crate::{ArgKind, CodeFlags, CodeObject, Constant, Opcode, CMP_OP, NB_OPS};
use std::fmt;
use std::rc::Rc;

/// Why a code object was rejected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyError {
    /// `co_qualname` of the offending code object (filled in by [`verify`]).
    pub qualname: String,
    /// Byte offset into `co_code`, when the problem is at an instruction.
    pub offset: Option<usize>,
    pub message: String,
}

impl VerifyError {
    /// An error at the instruction starting at code unit `unit`.
    fn at(unit: usize, message: impl Into<String>) -> VerifyError {
        VerifyError { qualname: String::new(), offset: Some(unit * 2), message: message.into() }
    }

    fn whole(message: impl Into<String>) -> VerifyError {
        VerifyError { qualname: String::new(), offset: None, message: message.into() }
    }
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid code object '{}'", self.qualname)?;
        if let Some(off) = self.offset {
            write!(f, " at offset {off}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for VerifyError {}

/// Verifies `code` and every code object nested in its constants.
pub fn verify(code: &Rc<CodeObject>) -> Result<(), VerifyError> {
    let mut pending = vec![code.clone()];
    while let Some(c) = pending.pop() {
        verify_one(&c).map_err(|mut e| {
            e.qualname = c.qualname.to_string();
            e
        })?;
        collect_codes(&c.consts, &mut pending);
    }
    Ok(())
}

/// Pushes the code objects among `consts` (also inside tuples and frozensets).
fn collect_codes(consts: &[Constant], out: &mut Vec<Rc<CodeObject>>) {
    let mut stack: Vec<&[Constant]> = vec![consts];
    while let Some(items) = stack.pop() {
        for c in items {
            match c {
                Constant::Code(inner) => out.push(inner.clone()),
                Constant::Tuple(t) | Constant::FrozenSet(t) => stack.push(t),
                _ => {}
            }
        }
    }
}

/// Verifies one code object, not its nested code constants.
pub fn verify_one(code: &CodeObject) -> Result<(), VerifyError> {
    check_locals(code)?;
    let units = code.code.len() / 2;
    if !code.code.len().is_multiple_of(2) || units == 0 {
        return Err(VerifyError::whole("co_code must be a non-empty even number of bytes"));
    }
    let mut insns = Vec::new();
    let mut at_unit: Vec<Option<usize>> = vec![None; units];
    for r in instructions(&code.code) {
        let insn = r.map_err(|e| VerifyError::whole(e.to_string()))?;
        at_unit[insn.start] = Some(insns.len());
        insns.push(insn);
    }
    for insn in &insns {
        check_instruction(code, insn)?;
        check_caches(code, insn)?;
        if let Some(t) = insn.jump_target() {
            if at_unit.get(t).copied().flatten().is_none() {
                return Err(VerifyError::at(insn.start, format!("jump target offset {} is not an instruction", t * 2)));
            }
        } else if insn.opcode.is_jump() {
            return Err(VerifyError::at(insn.start, "jump before the start of the code"));
        }
    }
    let handlers = exception_table::decode(&code.exceptiontable)
        .map_err(|e| VerifyError::whole(format!("bad exception table: {e}")))?;
    check_handlers(&handlers, &at_unit, units)?;
    stack::check(&insns, &at_unit, &handlers, code.stacksize)
}

fn check_locals(code: &CodeObject) -> Result<(), VerifyError> {
    if code.localsplusnames.len() != code.localspluskinds.len() {
        return Err(VerifyError::whole("co_localsplusnames and co_localspluskinds differ in length"));
    }
    let all = LocalKind::LOCAL | LocalKind::CELL | LocalKind::FREE;
    if code.localspluskinds.iter().any(|&k| k == 0 || k & !all != 0) {
        return Err(VerifyError::whole("invalid kind in co_localspluskinds"));
    }
    let extra = u64::from(code.flags & CodeFlags::VARARGS != 0) + u64::from(code.flags & CodeFlags::VARKEYWORDS != 0);
    let params = u64::from(code.argcount) + u64::from(code.kwonlyargcount) + extra;
    if code.posonlyargcount > code.argcount || params > code.localsplusnames.len() as u64 {
        return Err(VerifyError::whole("argument counts exceed the local variables"));
    }
    Ok(())
}

/// Inline CACHE units after an instruction must be zero, as CPython writes them.
fn check_caches(code: &CodeObject, insn: &Instruction) -> Result<(), VerifyError> {
    let first = insn.op_index + 1;
    let caches = &code.code[2 * first..2 * insn.next()];
    if caches.iter().any(|&b| b != 0) {
        return Err(VerifyError::at(insn.start, format!("non-zero CACHE entry after {}", insn.opcode.name())));
    }
    Ok(())
}

/// Opcode and argument checks for one instruction.
fn check_instruction(code: &CodeObject, insn: &Instruction) -> Result<(), VerifyError> {
    let op = insn.opcode;
    let arg = insn.arg as usize;
    let err = |msg: String| Err(VerifyError::at(insn.start, msg));
    if !op.is_base() {
        return err(format!("specialised opcode {} in co_code", op.name()));
    }
    if op == Opcode::Cache {
        return err("CACHE is not an instruction".into());
    }
    if insn.prefixes > 0 && !op.has_arg() {
        return err(format!("EXTENDED_ARG before {}, which takes no argument", op.name()));
    }
    let nlocalsplus = code.localsplusnames.len();
    // LOAD_GLOBAL keeps a "push NULL" flag in its lowest bit.
    let index = if op == Opcode::LoadGlobal { arg >> 1 } else { arg };
    let in_range = |limit: usize, what: &str| {
        if index < limit {
            Ok(())
        } else {
            err(format!("{} argument {arg} out of range for {what} of length {limit}", op.name()))
        }
    };
    match op.arg_kind() {
        ArgKind::Const => in_range(code.consts.len(), "co_consts")?,
        ArgKind::Name => in_range(code.names.len(), "co_names")?,
        ArgKind::Local | ArgKind::Free => in_range(nlocalsplus, "the local variables")?,
        ArgKind::Compare => in_range(CMP_OP.len(), "comparison operators")?,
        _ => {}
    }
    let limit = match op {
        Opcode::BinaryOp => NB_OPS.len(),
        Opcode::IsOp | Opcode::ContainsOp | Opcode::CallFunctionEx => 2,
        Opcode::RaiseVarargs | Opcode::GetAwaitable => 3,
        Opcode::Resume => 4,
        Opcode::FormatValue => 8,
        Opcode::MakeFunction => 16,
        Opcode::BuildSlice if !(2..=3).contains(&arg) => return err("BUILD_SLICE argument must be 2 or 3".into()),
        Opcode::Copy | Opcode::Swap if arg == 0 || (op == Opcode::Swap && arg < 2) => {
            return err(format!("{} argument {arg} too small", op.name()));
        }
        Opcode::CopyFreeVars => {
            let nfree = code.localspluskinds.iter().filter(|&&k| k & LocalKind::FREE != 0).count();
            nfree + 1
        }
        _ => usize::MAX,
    };
    if arg >= limit {
        return err(format!("{} argument {arg} out of range", op.name()));
    }
    if op == Opcode::KwNames {
        let ok = matches!(&code.consts[arg], Constant::Tuple(t) if t.iter().all(|n| matches!(n, Constant::Str(_))));
        if !ok {
            return err("KW_NAMES constant is not a tuple of str".into());
        }
    }
    Ok(())
}

/// Exception table entries: sorted, disjoint, on instruction boundaries, targets valid.
fn check_handlers(handlers: &[ExceptionEntry], at_unit: &[Option<usize>], units: usize) -> Result<(), VerifyError> {
    let boundary = |u: u32| (u as usize) == units || at_unit.get(u as usize).copied().flatten().is_some();
    let mut prev_end = 0;
    for (i, h) in handlers.iter().enumerate() {
        let bad = |what: &str| Err(VerifyError::whole(format!("exception table entry {i}: {what}")));
        if h.start < prev_end {
            return bad("not sorted or overlapping");
        }
        if (h.end as usize) > units || !boundary(h.start) || !boundary(h.end) {
            return bad("range not on instruction boundaries");
        }
        if at_unit.get(h.target as usize).copied().flatten().is_none() {
            return bad("handler target is not an instruction");
        }
        prev_end = h.end;
    }
    Ok(())
}
