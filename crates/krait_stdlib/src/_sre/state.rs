//! The matching state (CPython's `SRE_STATE`) and the search driver (`SRE(search)`):
//! where a match attempt starts and ends, the group marks it leaves, and the scratch
//! stacks of the backtracking matcher.

use super::constants::*;
use super::matcher::{Ctx, Matcher, Repeat};
use super::unit::{Code, SreChar};

/// "No position": an unset mark, no repeat, no previous pointer.
pub const NONE: usize = usize::MAX;

/// An engine failure that is not a non-match.
#[derive(Debug)]
pub enum SreError {
    /// Bad code or inconsistent state (CPython's SRE_ERROR_ILLEGAL / SRE_ERROR_STATE).
    Illegal,
    /// The backtracking stacks outgrew their limit (SRE_ERROR_MEMORY).
    Memory,
}

/// One match/search over a subject of `end` code units (positions are code-unit indexes).
pub struct State {
    /// Where the current attempt started (the match's start after success).
    pub start: usize,
    /// `endpos`: the subject is treated as ending here.
    pub end: usize,
    /// The current position; the match's end after success.
    pub ptr: usize,
    pub pos: usize,
    /// Group marks (start, end per group), grown on demand up to `max_marks`.
    pub marks: Vec<usize>,
    pub max_marks: usize,
    pub lastmark: isize,
    pub lastindex: isize,
    /// fullmatch: SUCCESS only at `end`.
    pub match_all: bool,
    /// The match must not be empty at `start` (iteration after an empty match).
    pub must_advance: bool,
    pub(super) repeat: usize,
    pub(super) repeats: Vec<Repeat>,
    pub(super) data: Vec<usize>,
    pub(super) ctxs: Vec<Ctx>,
}

impl State {
    /// `state_init`: `pos`/`endpos` clamped to `[0, len]`.
    pub fn new(len: usize, groups: usize, pos: i64, endpos: i64) -> State {
        let clamp = |v: i64| if v < 0 { 0 } else { (v as u64).min(len as u64) as usize };
        let (start, end) = (clamp(pos), clamp(endpos));
        State {
            start,
            end,
            ptr: start,
            pos: start,
            marks: Vec::new(),
            max_marks: groups.saturating_mul(2),
            lastmark: -1,
            lastindex: -1,
            match_all: false,
            must_advance: false,
            repeat: NONE,
            repeats: Vec::new(),
            data: Vec::new(),
            ctxs: Vec::new(),
        }
    }

    /// `state_reset`: forget the groups of the previous attempt.
    pub fn reset(&mut self) {
        self.lastmark = -1;
        self.lastindex = -1;
        self.repeat = NONE;
    }

    /// The span of group `g` (1-based) if it matched (`state_getslice`'s test).
    pub fn group_span(&self, g: usize) -> Option<(usize, usize)> {
        let i = (g - 1) * 2;
        if i as isize >= self.lastmark {
            return None;
        }
        let (a, b) = (*self.marks.get(i)?, *self.marks.get(i + 1)?);
        (a != NONE && b != NONE && a <= b).then_some((a, b))
    }

    /// `sre_match`: match at `start` (`ptr` must equal `start`).
    pub fn do_match<C: SreChar>(&mut self, text: &[C], code: &[u32]) -> Result<bool, SreError> {
        self.ptr = self.start;
        Matcher::new(self, text, Code(code)).run(0, true)
    }

    /// `SRE(search)`: the first match at or after `start`; on success `start`/`ptr`
    /// give the span.
    pub fn search<C: SreChar>(&mut self, text: &[C], code: &[u32]) -> Result<bool, SreError> {
        let code = Code(code);
        let mut ptr = self.start;
        let end = self.end;
        if ptr > end {
            return Ok(false);
        }
        let mut pc = 0;
        let mut flags = 0;
        let mut prefix: Option<(usize, usize, usize)> = None;
        let mut charset = None;
        if code.at(0) == INFO {
            flags = code.at(2);
            let min = code.usize_at(3);
            if min > 0 && end - ptr < min {
                return Ok(false);
            }
            if flags & INFO_PREFIX != 0 {
                let (len, skip) = (code.usize_at(5), code.usize_at(6));
                if len > 0 {
                    prefix = Some((7, len, skip));
                }
            } else if flags & INFO_CHARSET != 0 {
                charset = Some(5);
            }
            pc = 1 + code.usize_at(1);
        }
        // With valid code a match found through the prefix or charset is never empty;
        // this guards iteration against malformed code that claims otherwise.
        let empty_forbidden = if self.must_advance { ptr } else { NONE };
        if let Some((at, len, skip)) = prefix {
            // The pattern starts with a known literal prefix: try only where it occurs.
            self.must_advance = false;
            while ptr + len <= end {
                let found = (0..len).all(|i| text.get(ptr + i).is_some_and(|c| c.code() == code.at(at + i)));
                if found {
                    self.start = ptr;
                    self.ptr = ptr + skip;
                    if flags & INFO_LITERAL != 0 {
                        self.ptr = ptr + len;
                        return Ok(true);
                    }
                    if Matcher::new(self, text, code).run(pc + 2 * skip, false)? && !(self.ptr == ptr && ptr == empty_forbidden) {
                        return Ok(true);
                    }
                    self.reset();
                }
                ptr += 1;
            }
            return Ok(false);
        }
        if let Some(set) = charset {
            // The pattern starts with a character from a known set.
            self.must_advance = false;
            while ptr < end {
                if text.get(ptr).is_some_and(|c| code.charset(set, c.code())) {
                    self.start = ptr;
                    self.ptr = ptr;
                    if Matcher::new(self, text, code).run(pc, false)? && !(self.ptr == ptr && ptr == empty_forbidden) {
                        return Ok(true);
                    }
                    self.reset();
                }
                ptr += 1;
            }
            return Ok(false);
        }
        self.start = ptr;
        self.ptr = ptr;
        let mut status = Matcher::new(self, text, code).run(pc, true)?;
        self.must_advance = false;
        if !status && code.at(pc) == AT && matches!(code.at(pc + 1), AT_BEGINNING | AT_BEGINNING_STRING) {
            self.start = end;
            self.ptr = end;
            return Ok(false);
        }
        while !status && ptr < end {
            ptr += 1;
            self.reset();
            self.start = ptr;
            self.ptr = ptr;
            status = Matcher::new(self, text, code).run(pc, false)?;
        }
        Ok(status)
    }
}
