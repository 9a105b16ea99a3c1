//! Decoding `co_code` into instructions: EXTENDED_ARG prefixes folded, CACHE units skipped.

use crate::Opcode;

/// One instruction of `co_code`, offsets in code units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instruction {
    /// First code unit (the first EXTENDED_ARG prefix, if any): what jumps and tables point at.
    pub start: usize,
    /// Code unit of the opcode itself.
    pub op_index: usize,
    pub opcode: Opcode,
    /// The full argument, prefixes folded in (`(ext << 8) | arg`).
    pub arg: u32,
    /// Number of EXTENDED_ARG prefixes.
    pub prefixes: usize,
}

impl Instruction {
    /// Code units covered: prefixes + 1 + inline caches.
    pub fn size(&self) -> usize {
        self.prefixes + 1 + usize::from(self.opcode.cache_entries())
    }

    /// First code unit after the instruction and its caches.
    pub fn next(&self) -> usize {
        self.op_index + 1 + usize::from(self.opcode.cache_entries())
    }

    /// The jump target in code units for a relative jump, if it is one and stays in `0..`.
    pub fn jump_target(&self) -> Option<usize> {
        match self.opcode.arg_kind() {
            crate::ArgKind::JumpForward => self.next().checked_add(self.arg as usize),
            crate::ArgKind::JumpBackward => self.next().checked_sub(self.arg as usize),
            _ => None,
        }
    }
}

/// A malformed instruction stream.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Byte `value` at code unit `at` is not an opcode.
    UnknownOpcode { at: usize, value: u8 },
    /// The code ends inside an instruction (its prefixes or caches).
    Truncated { at: usize },
    /// More than three EXTENDED_ARG prefixes (the argument would exceed 32 bits).
    TooManyPrefixes { at: usize },
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::UnknownOpcode { at, value } => write!(f, "unknown opcode {value} at offset {}", at * 2),
            DecodeError::Truncated { at } => write!(f, "code ends inside the instruction at offset {}", at * 2),
            DecodeError::TooManyPrefixes { at } => write!(f, "too many EXTENDED_ARG prefixes at offset {}", at * 2),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Iterates over the instructions of `co_code` (an odd trailing byte is ignored).
pub struct Instructions<'a> {
    code: &'a [u8],
    pos: usize,
}

/// The instructions of `code`.
pub fn instructions(code: &[u8]) -> Instructions<'_> {
    Instructions { code, pos: 0 }
}

impl Instructions<'_> {
    fn units(&self) -> usize {
        self.code.len() / 2
    }

    fn decode(&mut self) -> Result<Instruction, DecodeError> {
        let start = self.pos;
        let mut arg: u32 = 0;
        let mut prefixes = 0;
        loop {
            let at = self.pos;
            if at >= self.units() {
                return Err(DecodeError::Truncated { at: start });
            }
            let (value, byte) = (self.code[2 * at], self.code[2 * at + 1]);
            let opcode = Opcode::from_u8(value).ok_or(DecodeError::UnknownOpcode { at, value })?;
            arg = (arg << 8) | u32::from(byte);
            self.pos += 1;
            if opcode.deopt() == Opcode::ExtendedArg {
                prefixes += 1;
                if prefixes > 3 {
                    return Err(DecodeError::TooManyPrefixes { at: start });
                }
                continue;
            }
            let insn = Instruction { start, op_index: at, opcode, arg, prefixes };
            if insn.next() > self.units() {
                return Err(DecodeError::Truncated { at: start });
            }
            self.pos = insn.next();
            return Ok(insn);
        }
    }
}

impl Iterator for Instructions<'_> {
    type Item = Result<Instruction, DecodeError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.pos >= self.units() {
            return None;
        }
        let r = self.decode();
        if r.is_err() {
            self.pos = self.units();
        }
        Some(r)
    }
}
