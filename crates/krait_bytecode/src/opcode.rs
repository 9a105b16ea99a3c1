//! The `Opcode` enum and its per-opcode facts, all derived from `opcode_table.rs`.

/// What an opcode's argument means (mirrors the `has*` lists of CPython's `opcode` module).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgKind {
    /// No argument (opcode < HAVE_ARGUMENT); the arg byte is ignored.
    None_,
    /// Index into co_consts.
    Const,
    /// Index into co_names (LOAD_GLOBAL and LOAD_ATTR-family encodings included).
    Name,
    /// Index into the fast locals.
    Local,
    /// Index into cells/free variables (localsplus index in 3.11).
    Free,
    /// COMPARE_OP operator index into [`crate::CMP_OP`].
    Compare,
    /// Relative jump forward, in code units, measured after the instruction's caches.
    JumpForward,
    /// Relative jump backward, in code units, measured after the instruction's caches.
    JumpBackward,
    /// Any other integer argument.
    Other,
}

/// Declares `Opcode` and its tables from the rows of `opcode_table.rs`.
#[macro_export]
#[doc(hidden)]
macro_rules! define_opcodes {
    ($($variant:ident = $num:literal, $name:literal, $kind:ident, $caches:literal, $base:ident;)*) => {
        /// A CPython 3.11 opcode (base or specialised), numbered as in CPython's `opcode.h`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum Opcode {
            $($variant = $num,)*
        }

        impl Opcode {
            /// Every opcode, in numeric order.
            pub const ALL: &'static [Opcode] = &[$(Opcode::$variant,)*];

            /// The opcode with this number, if any.
            #[inline]
            pub const fn from_u8(n: u8) -> Option<Opcode> {
                match n {
                    $($num => Some(Opcode::$variant),)*
                    _ => None,
                }
            }

            /// CPython's name for the opcode (`"LOAD_FAST"`).
            pub const fn name(self) -> &'static str {
                match self {
                    $(Opcode::$variant => $name,)*
                }
            }

            /// How the argument is interpreted (a table lookup).
            #[inline(always)]
            pub const fn arg_kind(self) -> ArgKind {
                const TABLE: [ArgKind; 256] = {
                    let mut t = [ArgKind::None_; 256];
                    $(t[$num] = ArgKind::$kind;)*
                    t
                };
                TABLE[self as usize]
            }

            /// Number of CACHE code units that follow the instruction (a table lookup:
            /// the interpreter asks for it on every instruction).
            #[inline(always)]
            pub const fn cache_entries(self) -> u8 {
                const TABLE: [u8; 256] = {
                    let mut t = [0u8; 256];
                    $(t[$num] = $caches;)*
                    t
                };
                TABLE[self as usize]
            }

            /// The base opcode a specialised opcode stands for (itself for base opcodes;
            /// a table lookup).
            #[inline(always)]
            pub const fn deopt(self) -> Opcode {
                const TABLE: [Opcode; 256] = {
                    let mut t = [Opcode::Cache; 256];
                    $(t[$num] = Opcode::$base;)*
                    t
                };
                TABLE[self as usize]
            }

            /// The opcode named `name` (`"LOAD_FAST"`), if any.
            pub fn from_name(name: &str) -> Option<Opcode> {
                match name {
                    $($name => Some(Opcode::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

pub use crate::opcode_table::*;

impl Opcode {
    /// Whether the instruction carries an argument (number >= HAVE_ARGUMENT of its base op).
    #[inline]
    pub const fn has_arg(self) -> bool {
        (self.deopt() as u8) >= crate::HAVE_ARGUMENT
    }

    /// Whether this is a base (not specialised) opcode.
    #[inline]
    pub fn is_base(self) -> bool {
        self.deopt() == self
    }

    /// Whether the argument is a relative jump.
    #[inline]
    pub const fn is_jump(self) -> bool {
        matches!(self.arg_kind(), ArgKind::JumpForward | ArgKind::JumpBackward)
    }

    /// Whether control never falls through to the next instruction.
    pub const fn is_terminator(self) -> bool {
        matches!(
            self.deopt(),
            Opcode::ReturnValue
                | Opcode::RaiseVarargs
                | Opcode::Reraise
                | Opcode::JumpForward
                | Opcode::JumpBackward
                | Opcode::JumpBackwardNoInterrupt
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbering_roundtrips() {
        for &op in Opcode::ALL {
            assert_eq!(Opcode::from_u8(op as u8), Some(op));
            assert_eq!(Opcode::from_name(op.name()), Some(op));
        }
        assert_eq!(Opcode::LoadFast as u8, 124);
        assert_eq!(Opcode::Cache as u8, 0);
        assert_eq!(Opcode::ExtendedArg as u8, 144);
        assert_eq!(Opcode::Call.cache_entries(), 4);
        assert_eq!(Opcode::LoadGlobal.cache_entries(), 5);
    }
}
