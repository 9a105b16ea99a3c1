//! The backtracking matcher (CPython's `SRE(match)` in sre_lib.h): an interpreter of
//! SRE code whose "recursive" calls are frames on an explicit context stack, so deep
//! backtracking never grows the Rust stack. Each frame that calls a sub-match records
//! where to resume ([`Jump`]); saved marks and repeat pointers live on a data stack.

use super::chars::{lower_ascii, lower_locale, lower_unicode};
use super::constants::*;
use super::state::{SreError, State, NONE};
use super::unit::{at, Code, SreChar};

/// Limits of the backtracking stacks (about 1 GiB each), beyond which a match fails
/// with MemoryError instead of exhausting the machine.
const MAX_FRAMES: usize = 1 << 24;
const MAX_SAVED: usize = 1 << 27;

/// Where a frame resumes when the sub-match it started returns.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Jump {
    None,
    MaxUntil1,
    MaxUntil2,
    MaxUntil3,
    MinUntil1,
    MinUntil2,
    MinUntil3,
    Repeat,
    RepeatOne1,
    RepeatOne2,
    MinRepeatOne,
    Branch,
    Assert,
    AssertNot,
    PossRepeat1,
    PossRepeat2,
    AtomicGroup,
}

/// One frame (`SRE(match_context)`). `pc` indexes the code just past the current
/// opcode, as CPython's `pattern` pointer does.
#[derive(Clone, Copy)]
pub struct Ctx {
    pc: usize,
    ptr: usize,
    count: isize,
    /// The literal of REPEAT_ONE's fast path, or the repeat index of REPEAT/UNTIL.
    u: usize,
    lastmark: isize,
    lastindex: isize,
    toplevel: bool,
    jump: Jump,
}

/// A REPEAT's context (`SRE_REPEAT`): `pc` is the REPEAT's argument index.
pub struct Repeat {
    count: isize,
    pc: usize,
    prev: usize,
    last_ptr: usize,
}

/// What a frame asks of the driver loop.
enum Step {
    /// Start a sub-match at `pc` (pointing at an opcode) from `state.ptr`.
    Call(usize, bool),
    Return(bool),
}

pub struct Matcher<'s, 't, C> {
    st: &'s mut State,
    text: &'t [C],
    code: Code<'t>,
}

impl<'s, 't, C: SreChar> Matcher<'s, 't, C> {
    pub fn new(st: &'s mut State, text: &'t [C], code: Code<'t>) -> Self {
        Matcher { st, text, code }
    }

    /// Run the code at `pc` from `state.ptr`; `toplevel` enables fullmatch and
    /// must-advance checks at SUCCESS.
    pub fn run(mut self, pc: usize, toplevel: bool) -> Result<bool, SreError> {
        self.st.ctxs.clear();
        self.st.data.clear();
        self.st.repeats.clear();
        self.st.repeat = NONE;
        self.st.ctxs.push(new_ctx(pc, self.st.ptr, toplevel));
        let mut ret: Option<bool> = None;
        loop {
            let Some(mut ctx) = self.st.ctxs.last().copied() else { return Err(SreError::Illegal) };
            let step = match ret {
                None => self.enter(&mut ctx)?,
                Some(r) => self.resume(&mut ctx, r)?,
            };
            match step {
                Step::Call(pc, toplevel) => {
                    if self.st.ctxs.len() >= MAX_FRAMES || self.st.data.len() >= MAX_SAVED {
                        return Err(SreError::Memory);
                    }
                    if let Some(top) = self.st.ctxs.last_mut() {
                        *top = ctx;
                    }
                    self.st.ctxs.push(new_ctx(pc, self.st.ptr, toplevel));
                    ret = None;
                }
                Step::Return(r) => {
                    self.st.ctxs.pop();
                    if self.st.ctxs.is_empty() {
                        return Ok(r);
                    }
                    ret = Some(r);
                }
            }
        }
    }

    fn ch(&self, i: usize) -> u32 {
        self.text.get(i).map_or(u32::MAX, |c| c.code())
    }

    // --- mark and data stack helpers (LASTMARK_SAVE, MARK_PUSH, ...) ---

    fn lastmark_save(&self, ctx: &mut Ctx) {
        ctx.lastmark = self.st.lastmark;
        ctx.lastindex = self.st.lastindex;
    }

    fn lastmark_restore(&mut self, ctx: &Ctx) {
        self.st.lastmark = ctx.lastmark;
        self.st.lastindex = ctx.lastindex;
    }

    fn marks_len(lastmark: isize) -> usize {
        if lastmark >= 0 { lastmark as usize + 1 } else { 0 }
    }

    fn mark_push(&mut self, lastmark: isize) {
        let n = Self::marks_len(lastmark).min(self.st.marks.len());
        self.st.data.extend_from_slice(&self.st.marks[..n]);
    }

    /// Restore the marks saved by `mark_push`, discarding them unless `keep`.
    fn mark_pop(&mut self, lastmark: isize, keep: bool) {
        let n = Self::marks_len(lastmark).min(self.st.marks.len());
        if self.st.data.len() < n {
            return;
        }
        let base = self.st.data.len() - n;
        self.st.marks[..n].copy_from_slice(&self.st.data[base..base + n]);
        if !keep {
            self.st.data.truncate(base);
        }
    }

    fn mark_discard(&mut self, lastmark: isize) {
        let n = Self::marks_len(lastmark).min(self.st.marks.len());
        let base = self.st.data.len().saturating_sub(n);
        self.st.data.truncate(base);
    }

    fn in_repeat(&self) -> bool {
        self.st.repeat != NONE
    }

    fn rep(&mut self, i: usize) -> Result<&mut Repeat, SreError> {
        self.st.repeats.get_mut(i).ok_or(SreError::Illegal)
    }

    /// `SRE(count)`: how many times (up to `max`) the one-character item at `item`
    /// matches from `state.ptr`.
    fn count(&self, item: usize, max: u32) -> Result<usize, SreError> {
        let ptr = self.st.ptr;
        let avail = self.st.end.saturating_sub(ptr);
        let end = if max != MAXREPEAT && (max as usize) < avail { ptr + max as usize } else { self.st.end };
        if self.code.at(item) == ANY_ALL {
            return Ok(end.saturating_sub(ptr));
        }
        let mut p = ptr;
        while p < end {
            match self.code.unit(item, self.ch(p)) {
                Some(true) => p += 1,
                Some(false) => break,
                None => return Err(SreError::Illegal),
            }
        }
        Ok(p - ptr)
    }

    /// Whether SUCCESS may end the match at `ptr` in this frame.
    fn success_allowed(&self, ctx: &Ctx, ptr: usize) -> bool {
        !(ctx.toplevel && ((self.st.match_all && ptr != self.st.end) || (self.st.must_advance && ptr == self.st.start)))
    }

    /// A frame's first run: skip an INFO block, then dispatch.
    fn enter(&mut self, ctx: &mut Ctx) -> Result<Step, SreError> {
        if self.code.at(ctx.pc) == INFO {
            let min = self.code.usize_at(ctx.pc + 3);
            if min > 0 && self.st.end.saturating_sub(ctx.ptr) < min {
                return Ok(Step::Return(false));
            }
            ctx.pc += self.code.usize_at(ctx.pc + 1) + 1;
        }
        self.dispatch(ctx)
    }

    /// Execute opcodes from `ctx.pc` until the frame returns or calls a sub-match.
    fn dispatch(&mut self, ctx: &mut Ctx) -> Result<Step, SreError> {
        let code = self.code;
        let end = self.st.end;
        loop {
            let op_pc = ctx.pc;
            let op = code.at(op_pc);
            let ptr = ctx.ptr;
            if let Some(ok) = code.unit(op_pc, self.ch(ptr)) {
                if ptr >= end || !ok {
                    return Ok(Step::Return(false));
                }
                ctx.ptr += 1;
                ctx.pc = code.unit_next(op_pc);
                continue;
            }
            ctx.pc = op_pc + 1;
            let pc = ctx.pc;
            match op {
                MARK => {
                    let i = code.usize_at(pc);
                    if i >= self.st.max_marks {
                        return Err(SreError::Illegal);
                    }
                    if i >= self.st.marks.len() {
                        self.st.marks.resize(i + 1, NONE);
                    }
                    if i & 1 == 1 {
                        self.st.lastindex = (i / 2 + 1) as isize;
                    }
                    if i as isize > self.st.lastmark {
                        let from = (self.st.lastmark + 1) as usize;
                        self.st.marks[from..i].fill(NONE);
                        self.st.lastmark = i as isize;
                    }
                    self.st.marks[i] = ptr;
                    ctx.pc += 1;
                }
                SUCCESS => {
                    if !self.success_allowed(ctx, ptr) {
                        return Ok(Step::Return(false));
                    }
                    self.st.ptr = ptr;
                    return Ok(Step::Return(true));
                }
                AT => {
                    if !at(self.text, end, ptr, code.at(pc)) {
                        return Ok(Step::Return(false));
                    }
                    ctx.pc += 1;
                }
                JUMP | INFO => ctx.pc += code.usize_at(pc),
                BRANCH => {
                    self.lastmark_save(ctx);
                    if self.in_repeat() {
                        self.mark_push(ctx.lastmark);
                    }
                    return self.branch_next(ctx);
                }
                REPEAT_ONE => {
                    let min = code.usize_at(pc + 1);
                    if min > end.saturating_sub(ptr) {
                        return Ok(Step::Return(false));
                    }
                    self.st.ptr = ptr;
                    let n = self.count(pc + 3, code.at(pc + 2))?;
                    ctx.count = n as isize;
                    ctx.ptr = ptr + n;
                    if n < min {
                        return Ok(Step::Return(false));
                    }
                    let tail = pc + code.usize_at(pc);
                    if code.at(tail) == SUCCESS && ctx.ptr == end && !(ctx.toplevel && self.st.must_advance && ctx.ptr == self.st.start) {
                        self.st.ptr = ctx.ptr;
                        return Ok(Step::Return(true));
                    }
                    self.lastmark_save(ctx);
                    if self.in_repeat() {
                        self.mark_push(ctx.lastmark);
                    }
                    if code.at(tail) == LITERAL {
                        ctx.u = code.usize_at(tail + 1);
                        return Ok(self.repeat_one_literal(ctx));
                    }
                    return Ok(self.repeat_one_general(ctx));
                }
                MIN_REPEAT_ONE => {
                    let min = code.usize_at(pc + 1);
                    if min > end.saturating_sub(ptr) {
                        return Ok(Step::Return(false));
                    }
                    self.st.ptr = ptr;
                    if min == 0 {
                        ctx.count = 0;
                    } else {
                        let n = self.count(pc + 3, min as u32)?;
                        if n < min {
                            return Ok(Step::Return(false));
                        }
                        ctx.count = n as isize;
                        ctx.ptr = ptr + n;
                    }
                    let tail = pc + code.usize_at(pc);
                    if code.at(tail) == SUCCESS && self.success_allowed(ctx, ctx.ptr) {
                        self.st.ptr = ctx.ptr;
                        return Ok(Step::Return(true));
                    }
                    self.lastmark_save(ctx);
                    if self.in_repeat() {
                        self.mark_push(ctx.lastmark);
                    }
                    return self.min_repeat_one_next(ctx);
                }
                POSSESSIVE_REPEAT_ONE => {
                    let min = code.usize_at(pc + 1);
                    if min > end.saturating_sub(ptr) {
                        return Ok(Step::Return(false));
                    }
                    self.st.ptr = ptr;
                    let n = self.count(pc + 3, code.at(pc + 2))?;
                    if n < min {
                        return Ok(Step::Return(false));
                    }
                    ctx.ptr = ptr + n;
                    ctx.pc = pc + code.usize_at(pc);
                    if code.at(ctx.pc) == SUCCESS && ctx.ptr == end && !(ctx.toplevel && self.st.must_advance && ctx.ptr == self.st.start) {
                        self.st.ptr = ctx.ptr;
                        return Ok(Step::Return(true));
                    }
                }
                REPEAT => {
                    ctx.u = self.st.repeats.len();
                    self.st.repeats.push(Repeat { count: -1, pc, prev: self.st.repeat, last_ptr: NONE });
                    self.st.repeat = ctx.u;
                    self.st.ptr = ptr;
                    return Ok(self.call(ctx, Jump::Repeat, pc + code.usize_at(pc), ctx.toplevel));
                }
                MAX_UNTIL => return self.max_until(ctx),
                MIN_UNTIL => return self.min_until(ctx),
                POSSESSIVE_REPEAT => {
                    self.st.ptr = ptr;
                    ctx.count = 0;
                    return self.poss_repeat_min(ctx);
                }
                ATOMIC_GROUP => {
                    self.st.ptr = ptr;
                    return Ok(self.call(ctx, Jump::AtomicGroup, pc + 1, false));
                }
                GROUPREF | GROUPREF_IGNORE | GROUPREF_UNI_IGNORE | GROUPREF_LOC_IGNORE => {
                    let fold: fn(u32) -> u32 = match op {
                        GROUPREF => |c| c,
                        GROUPREF_IGNORE => lower_ascii,
                        GROUPREF_UNI_IGNORE => lower_unicode,
                        _ => lower_locale,
                    };
                    let Some((a, b)) = self.group_ref(code.usize_at(pc)) else {
                        return Ok(Step::Return(false));
                    };
                    let mut p = ptr;
                    for i in a..b {
                        if p >= end || fold(self.ch(p)) != fold(self.ch(i)) {
                            return Ok(Step::Return(false));
                        }
                        p += 1;
                    }
                    ctx.ptr = p;
                    ctx.pc += 1;
                }
                GROUPREF_EXISTS => {
                    if self.group_ref(code.usize_at(pc)).is_some() {
                        ctx.pc += 2;
                    } else {
                        ctx.pc += code.usize_at(pc + 1);
                    }
                }
                ASSERT => {
                    let back = code.usize_at(pc + 1);
                    if ptr < back {
                        return Ok(Step::Return(false));
                    }
                    self.st.ptr = ptr - back;
                    return Ok(self.call(ctx, Jump::Assert, pc + 2, false));
                }
                ASSERT_NOT => {
                    let back = code.usize_at(pc + 1);
                    if ptr >= back {
                        self.st.ptr = ptr - back;
                        self.lastmark_save(ctx);
                        if self.in_repeat() {
                            self.mark_push(ctx.lastmark);
                        }
                        return Ok(self.call(ctx, Jump::AssertNot, pc + 2, false));
                    }
                    ctx.pc += code.usize_at(pc);
                }
                FAILURE => return Ok(Step::Return(false)),
                _ => return Err(SreError::Illegal),
            }
        }
    }

    /// The span of a back-referenced group (0-based group number), if set.
    fn group_ref(&self, group: usize) -> Option<(usize, usize)> {
        let i = group.checked_mul(2)?;
        if i as isize >= self.st.lastmark {
            return None;
        }
        let (a, b) = (*self.st.marks.get(i)?, *self.st.marks.get(i + 1)?);
        (a != NONE && b != NONE && a <= b).then_some((a, b))
    }

    /// Save the frame's resume point and start a sub-match at `pc` (an opcode).
    fn call(&self, ctx: &mut Ctx, jump: Jump, pc: usize, toplevel: bool) -> Step {
        ctx.jump = jump;
        Step::Call(pc, toplevel)
    }

    /// Continue a frame after its sub-match returned `ret`.
    fn resume(&mut self, ctx: &mut Ctx, ret: bool) -> Result<Step, SreError> {
        let code = self.code;
        match ctx.jump {
            Jump::None => Err(SreError::Illegal),
            Jump::Branch => {
                if ret {
                    if self.in_repeat() {
                        self.mark_discard(ctx.lastmark);
                    }
                    return Ok(Step::Return(true));
                }
                if self.in_repeat() {
                    self.mark_pop(ctx.lastmark, true);
                }
                self.lastmark_restore(ctx);
                ctx.pc += code.usize_at(ctx.pc);
                self.branch_next(ctx)
            }
            Jump::RepeatOne1 | Jump::RepeatOne2 | Jump::MinRepeatOne => {
                if ret {
                    if self.in_repeat() {
                        self.mark_discard(ctx.lastmark);
                    }
                    return Ok(Step::Return(true));
                }
                if self.in_repeat() {
                    self.mark_pop(ctx.lastmark, true);
                }
                self.lastmark_restore(ctx);
                match ctx.jump {
                    Jump::RepeatOne1 | Jump::RepeatOne2 => {
                        ctx.ptr = ctx.ptr.wrapping_sub(1);
                        ctx.count -= 1;
                        Ok(if ctx.jump == Jump::RepeatOne1 { self.repeat_one_literal(ctx) } else { self.repeat_one_general(ctx) })
                    }
                    _ => {
                        self.st.ptr = ctx.ptr;
                        if self.count(ctx.pc + 3, 1)? == 0 {
                            if self.in_repeat() {
                                self.mark_discard(ctx.lastmark);
                            }
                            return Ok(Step::Return(false));
                        }
                        ctx.ptr += 1;
                        ctx.count += 1;
                        self.min_repeat_one_next(ctx)
                    }
                }
            }
            Jump::Repeat => {
                let prev = self.rep(ctx.u)?.prev;
                self.st.repeat = prev;
                self.st.repeats.truncate(ctx.u);
                Ok(Step::Return(ret))
            }
            Jump::MaxUntil1 | Jump::MinUntil1 => {
                if ret {
                    return Ok(Step::Return(true));
                }
                self.rep(ctx.u)?.count = ctx.count - 1;
                self.st.ptr = ctx.ptr;
                Ok(Step::Return(false))
            }
            Jump::MaxUntil2 => {
                let saved = self.st.data.pop().ok_or(SreError::Illegal)?;
                self.rep(ctx.u)?.last_ptr = saved;
                if ret {
                    self.mark_discard(ctx.lastmark);
                    return Ok(Step::Return(true));
                }
                self.mark_pop(ctx.lastmark, false);
                self.lastmark_restore(ctx);
                self.rep(ctx.u)?.count = ctx.count - 1;
                self.st.ptr = ctx.ptr;
                self.max_until_tail(ctx)
            }
            Jump::MaxUntil3 => {
                self.st.repeat = ctx.u;
                if ret {
                    return Ok(Step::Return(true));
                }
                self.st.ptr = ctx.ptr;
                Ok(Step::Return(false))
            }
            Jump::MinUntil2 => {
                let repeat_of_tail = self.st.repeat;
                self.st.repeat = ctx.u;
                if ret {
                    if repeat_of_tail != NONE {
                        self.mark_discard(ctx.lastmark);
                    }
                    return Ok(Step::Return(true));
                }
                if repeat_of_tail != NONE {
                    self.mark_pop(ctx.lastmark, false);
                }
                self.lastmark_restore(ctx);
                self.st.ptr = ctx.ptr;
                let rep = self.rep(ctx.u)?;
                let max = code.at(rep.pc + 2);
                if (ctx.count >= max as isize && max != MAXREPEAT) || ctx.ptr == rep.last_ptr {
                    return Ok(Step::Return(false));
                }
                rep.count = ctx.count;
                let (saved, body) = (rep.last_ptr, rep.pc + 3);
                rep.last_ptr = ctx.ptr;
                self.st.data.push(saved);
                Ok(self.call(ctx, Jump::MinUntil3, body, ctx.toplevel))
            }
            Jump::MinUntil3 => {
                let saved = self.st.data.pop().ok_or(SreError::Illegal)?;
                self.rep(ctx.u)?.last_ptr = saved;
                if ret {
                    return Ok(Step::Return(true));
                }
                self.rep(ctx.u)?.count = ctx.count - 1;
                self.st.ptr = ctx.ptr;
                Ok(Step::Return(false))
            }
            Jump::PossRepeat1 => {
                if !ret {
                    self.st.ptr = ctx.ptr;
                    return Ok(Step::Return(false));
                }
                ctx.count += 1;
                self.poss_repeat_min(ctx)
            }
            Jump::PossRepeat2 => {
                if ret {
                    self.mark_discard(ctx.lastmark);
                    ctx.count += 1;
                    return self.poss_repeat_more(ctx);
                }
                self.mark_pop(ctx.lastmark, false);
                self.lastmark_restore(ctx);
                self.st.ptr = ctx.ptr;
                self.poss_repeat_done(ctx)
            }
            Jump::AtomicGroup => {
                if !ret {
                    self.st.ptr = ctx.ptr;
                    return Ok(Step::Return(false));
                }
                ctx.pc += code.usize_at(ctx.pc);
                ctx.ptr = self.st.ptr;
                self.dispatch(ctx)
            }
            Jump::Assert => {
                if !ret {
                    return Ok(Step::Return(false));
                }
                ctx.pc += code.usize_at(ctx.pc);
                self.dispatch(ctx)
            }
            Jump::AssertNot => {
                if ret {
                    if self.in_repeat() {
                        self.mark_discard(ctx.lastmark);
                    }
                    return Ok(Step::Return(false));
                }
                if self.in_repeat() {
                    self.mark_pop(ctx.lastmark, false);
                }
                self.lastmark_restore(ctx);
                ctx.pc += code.usize_at(ctx.pc);
                self.dispatch(ctx)
            }
        }
    }

    /// BRANCH: try the alternatives from the one at `ctx.pc` (its skip word).
    fn branch_next(&mut self, ctx: &mut Ctx) -> Result<Step, SreError> {
        let code = self.code;
        let end = self.st.end;
        loop {
            let skip = code.usize_at(ctx.pc);
            if skip == 0 {
                break;
            }
            let alt = ctx.pc + 1;
            let ptr = ctx.ptr;
            let skip_alt = match code.at(alt) {
                LITERAL => ptr >= end || self.ch(ptr) != code.at(alt + 1),
                IN => ptr >= end || !code.charset(alt + 2, self.ch(ptr)),
                _ => false,
            };
            if !skip_alt {
                self.st.ptr = ptr;
                return Ok(self.call(ctx, Jump::Branch, alt, ctx.toplevel));
            }
            ctx.pc += skip;
        }
        if self.in_repeat() {
            self.mark_discard(ctx.lastmark);
        }
        Ok(Step::Return(false))
    }

    /// REPEAT_ONE whose tail starts with LITERAL `ctx.u`: back off to where it occurs.
    fn repeat_one_literal(&mut self, ctx: &mut Ctx) -> Step {
        let min = self.code.at(ctx.pc + 1) as isize;
        let end = self.st.end;
        while ctx.count >= min && (ctx.ptr >= end || self.ch(ctx.ptr) as usize != ctx.u) {
            ctx.ptr = ctx.ptr.wrapping_sub(1);
            ctx.count -= 1;
        }
        if ctx.count < min {
            if self.in_repeat() {
                self.mark_discard(ctx.lastmark);
            }
            return Step::Return(false);
        }
        self.st.ptr = ctx.ptr;
        let tail = ctx.pc + self.code.usize_at(ctx.pc);
        self.call(ctx, Jump::RepeatOne1, tail, ctx.toplevel)
    }

    /// REPEAT_ONE, general tail: try it after each count, longest first.
    fn repeat_one_general(&mut self, ctx: &mut Ctx) -> Step {
        let min = self.code.at(ctx.pc + 1) as isize;
        if ctx.count < min {
            if self.in_repeat() {
                self.mark_discard(ctx.lastmark);
            }
            return Step::Return(false);
        }
        self.st.ptr = ctx.ptr;
        let tail = ctx.pc + self.code.usize_at(ctx.pc);
        self.call(ctx, Jump::RepeatOne2, tail, ctx.toplevel)
    }

    /// MIN_REPEAT_ONE: try the tail after the current count, shortest first.
    fn min_repeat_one_next(&mut self, ctx: &mut Ctx) -> Result<Step, SreError> {
        let max = self.code.at(ctx.pc + 2);
        if max != MAXREPEAT && ctx.count > max as isize {
            if self.in_repeat() {
                self.mark_discard(ctx.lastmark);
            }
            return Ok(Step::Return(false));
        }
        self.st.ptr = ctx.ptr;
        let tail = ctx.pc + self.code.usize_at(ctx.pc);
        Ok(self.call(ctx, Jump::MinRepeatOne, tail, ctx.toplevel))
    }

    /// MAX_UNTIL: one more iteration of the greedy REPEAT body, else the tail.
    fn max_until(&mut self, ctx: &mut Ctx) -> Result<Step, SreError> {
        let code = self.code;
        ctx.u = self.st.repeat;
        let ptr = ctx.ptr;
        self.st.ptr = ptr;
        let rep = self.rep(ctx.u)?;
        ctx.count = rep.count + 1;
        let (min, max, body) = (code.at(rep.pc + 1), code.at(rep.pc + 2), rep.pc + 3);
        if ctx.count < min as isize {
            rep.count = ctx.count;
            return Ok(self.call(ctx, Jump::MaxUntil1, body, ctx.toplevel));
        }
        if (ctx.count < max as isize || max == MAXREPEAT) && ptr != rep.last_ptr {
            rep.count = ctx.count;
            let saved = rep.last_ptr;
            rep.last_ptr = ptr;
            self.lastmark_save(ctx);
            self.mark_push(ctx.lastmark);
            self.st.data.push(saved);
            return Ok(self.call(ctx, Jump::MaxUntil2, body, ctx.toplevel));
        }
        self.max_until_tail(ctx)
    }

    fn max_until_tail(&mut self, ctx: &mut Ctx) -> Result<Step, SreError> {
        self.st.repeat = self.rep(ctx.u)?.prev;
        Ok(self.call(ctx, Jump::MaxUntil3, ctx.pc, ctx.toplevel))
    }

    /// MIN_UNTIL: the tail first, else one more iteration of the lazy REPEAT body.
    fn min_until(&mut self, ctx: &mut Ctx) -> Result<Step, SreError> {
        let code = self.code;
        ctx.u = self.st.repeat;
        self.st.ptr = ctx.ptr;
        let rep = self.rep(ctx.u)?;
        ctx.count = rep.count + 1;
        let (min, body, prev) = (code.at(rep.pc + 1), rep.pc + 3, rep.prev);
        if ctx.count < min as isize {
            rep.count = ctx.count;
            return Ok(self.call(ctx, Jump::MinUntil1, body, ctx.toplevel));
        }
        self.st.repeat = prev;
        self.lastmark_save(ctx);
        if self.in_repeat() {
            self.mark_push(ctx.lastmark);
        }
        Ok(self.call(ctx, Jump::MinUntil2, ctx.pc, ctx.toplevel))
    }

    /// POSSESSIVE_REPEAT: the required iterations.
    fn poss_repeat_min(&mut self, ctx: &mut Ctx) -> Result<Step, SreError> {
        let min = self.code.at(ctx.pc + 1);
        if ctx.count < min as isize {
            return Ok(self.call(ctx, Jump::PossRepeat1, ctx.pc + 3, false));
        }
        ctx.ptr = NONE;
        self.poss_repeat_more(ctx)
    }

    /// POSSESSIVE_REPEAT: optional iterations while they match and advance.
    fn poss_repeat_more(&mut self, ctx: &mut Ctx) -> Result<Step, SreError> {
        let max = self.code.at(ctx.pc + 2);
        if (ctx.count < max as isize || max == MAXREPEAT) && self.st.ptr != ctx.ptr {
            self.lastmark_save(ctx);
            self.mark_push(ctx.lastmark);
            ctx.ptr = self.st.ptr;
            return Ok(self.call(ctx, Jump::PossRepeat2, ctx.pc + 3, false));
        }
        self.poss_repeat_done(ctx)
    }

    fn poss_repeat_done(&mut self, ctx: &mut Ctx) -> Result<Step, SreError> {
        ctx.pc += self.code.usize_at(ctx.pc) + 1;
        ctx.ptr = self.st.ptr;
        self.dispatch(ctx)
    }
}

fn new_ctx(pc: usize, ptr: usize, toplevel: bool) -> Ctx {
    Ctx { pc, ptr, count: 0, u: 0, lastmark: -1, lastindex: -1, toplevel, jump: Jump::None }
}
