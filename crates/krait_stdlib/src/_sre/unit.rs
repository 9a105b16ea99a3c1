//! Single-position tests of the SRE engine: set membership (`SRE(charset)`), AT
//! assertions (`SRE(at)`), one-character opcodes and counting repeats of them
//! (`SRE(count)`). Code reads past the end yield FAILURE, so bad code cannot panic.

use super::chars::*;
use super::constants::*;

/// A code unit of the subject: a byte (bytes, ASCII str) or a code point.
pub trait SreChar: Copy {
    fn code(self) -> u32;
}

impl SreChar for u8 {
    #[inline]
    fn code(self) -> u32 {
        u32::from(self)
    }
}

impl SreChar for u32 {
    #[inline]
    fn code(self) -> u32 {
        self
    }
}

/// The compiled code with bounds-checked reads.
#[derive(Clone, Copy)]
pub struct Code<'a>(pub &'a [u32]);

impl Code<'_> {
    #[inline]
    pub fn at(self, i: usize) -> u32 {
        self.0.get(i).copied().unwrap_or(FAILURE)
    }

    #[inline]
    pub fn usize_at(self, i: usize) -> usize {
        self.at(i) as usize
    }

    /// The byte `k` of the words starting at `i`, in native byte order (how the
    /// compiler packs BIGCHARSET block indices).
    fn byte_at(self, i: usize, k: usize) -> u32 {
        let word = self.at(i + k / 4).to_ne_bytes();
        u32::from(word[k % 4])
    }

    /// `SRE(charset)`: whether `ch` is in the set starting at `set`.
    pub fn charset(self, mut set: usize, ch: u32) -> bool {
        let mut ok = true;
        loop {
            let op = self.at(set);
            set += 1;
            match op {
                FAILURE => return !ok,
                LITERAL => {
                    if ch == self.at(set) {
                        return ok;
                    }
                    set += 1;
                }
                CATEGORY => {
                    if category(self.at(set), ch) {
                        return ok;
                    }
                    set += 1;
                }
                CHARSET => {
                    if ch < 256 && self.at(set + (ch / 32) as usize) & (1 << (ch & 31)) != 0 {
                        return ok;
                    }
                    set += 8;
                }
                RANGE => {
                    if self.at(set) <= ch && ch <= self.at(set + 1) {
                        return ok;
                    }
                    set += 2;
                }
                RANGE_UNI_IGNORE => {
                    if self.at(set) <= ch && ch <= self.at(set + 1) {
                        return ok;
                    }
                    let up = upper_unicode(ch);
                    if self.at(set) <= up && up <= self.at(set + 1) {
                        return ok;
                    }
                    set += 2;
                }
                NEGATE => ok = !ok,
                BIGCHARSET => {
                    let count = self.usize_at(set);
                    set += 1;
                    let block = if ch < 0x10000 { Some(self.byte_at(set, (ch >> 8) as usize)) } else { None };
                    set += 64;
                    if let Some(block) = block {
                        let bit = block as usize * 256 + (ch & 255) as usize;
                        if self.at(set + bit / 32) & (1 << (ch & 31)) != 0 {
                            return ok;
                        }
                    }
                    set = set.saturating_add(count.saturating_mul(8));
                }
                _ => return false,
            }
        }
    }

    /// `SRE(charset_loc_ignore)`.
    fn charset_loc_ignore(self, set: usize, ch: u32) -> bool {
        let lo = lower_locale(ch);
        if self.charset(set, lo) {
            return true;
        }
        let up = upper_locale(ch);
        up != lo && self.charset(set, up)
    }

    /// Whether the one-character opcode at `pc` (pointing at the opcode) accepts `ch`;
    /// `None` when the opcode is not a one-character test.
    #[inline]
    pub fn unit(self, pc: usize, ch: u32) -> Option<bool> {
        let arg = self.at(pc + 1);
        Some(match self.at(pc) {
            ANY => !is_linebreak(ch),
            ANY_ALL => true,
            LITERAL => ch == arg,
            NOT_LITERAL => ch != arg,
            CATEGORY => category(arg, ch),
            IN => self.charset(pc + 2, ch),
            LITERAL_IGNORE => lower_ascii(ch) == arg,
            NOT_LITERAL_IGNORE => lower_ascii(ch) != arg,
            LITERAL_UNI_IGNORE => lower_unicode(ch) == arg,
            NOT_LITERAL_UNI_IGNORE => lower_unicode(ch) != arg,
            LITERAL_LOC_IGNORE => char_loc_ignore(arg, ch),
            NOT_LITERAL_LOC_IGNORE => !char_loc_ignore(arg, ch),
            IN_IGNORE => self.charset(pc + 2, lower_ascii(ch)),
            IN_UNI_IGNORE => self.charset(pc + 2, lower_unicode(ch)),
            IN_LOC_IGNORE => self.charset_loc_ignore(pc + 2, ch),
            _ => return None,
        })
    }

    /// Where the one-character opcode at `pc` ends.
    #[inline]
    pub fn unit_next(self, pc: usize) -> usize {
        match self.at(pc) {
            ANY | ANY_ALL => pc + 1,
            IN | IN_IGNORE | IN_UNI_IGNORE | IN_LOC_IGNORE => pc + 1 + self.usize_at(pc + 1),
            _ => pc + 2,
        }
    }
}

/// `SRE(at)`: whether position `ptr` of `text[..end]` satisfies AT code `at`.
pub fn at<C: SreChar>(text: &[C], end: usize, ptr: usize, at: u32) -> bool {
    let prev = |ptr: usize| if ptr > 0 { text.get(ptr - 1).map(|c| c.code()) } else { None };
    let here = |ptr: usize| if ptr < end { text.get(ptr).map(|c| c.code()) } else { None };
    let boundary = |word: fn(u32) -> bool| {
        if end == 0 {
            return None;
        }
        Some(prev(ptr).is_some_and(word) != here(ptr).is_some_and(word))
    };
    match at {
        AT_BEGINNING | AT_BEGINNING_STRING => ptr == 0,
        AT_BEGINNING_LINE => ptr == 0 || prev(ptr).is_some_and(is_linebreak),
        AT_END => ptr == end || (ptr + 1 == end && here(ptr).is_some_and(is_linebreak)),
        AT_END_LINE => ptr == end || here(ptr).is_some_and(is_linebreak),
        AT_END_STRING => ptr == end,
        AT_BOUNDARY => boundary(is_ascii_word) == Some(true),
        AT_NON_BOUNDARY => boundary(is_ascii_word) == Some(false),
        AT_LOC_BOUNDARY => boundary(is_loc_word) == Some(true),
        AT_LOC_NON_BOUNDARY => boundary(is_loc_word) == Some(false),
        AT_UNI_BOUNDARY => boundary(is_uni_word) == Some(true),
        AT_UNI_NON_BOUNDARY => boundary(is_uni_word) == Some(false),
        _ => false,
    }
}
