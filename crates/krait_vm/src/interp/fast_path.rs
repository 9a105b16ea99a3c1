//! The eval loop's fast path: the commonest instructions on their common operands (locals,
//! constants, small ints and floats, bools, cached globals, list and range iteration),
//! run with the stack pointer and instruction pointer in locals of the loop rather than
//! in the frame — so one instruction does not wait on the store of the previous one.
//! Anything else (and any case that could raise) is left to the generic handlers, which
//! work on `frame.sp`; the loop syncs the two around them.

use super::code::Code;
use super::frame::Frame;
use crate::object::{BinOp, CmpOp, Value};
use crate::vm::Vm;
use krait_bytecode::Opcode;

/// `seq[i]` for an exact list or tuple and an in-range index.
#[inline(always)]
fn seq_item(vm: &Vm, o: &crate::object::PyRef, i: i64) -> Option<Value> {
    let pick = |len: usize| -> Option<usize> {
        let i = if i < 0 { i + len as i64 } else { i };
        (0..len as i64).contains(&i).then_some(i as usize)
    };
    if vm.is_exact(o, &vm.types.list) {
        let l = o.as_list()?.borrow();
        return pick(l.len()).map(|i| l[i].clone());
    }
    if vm.is_exact(o, &vm.types.tuple) {
        let t = o.as_tuple()?;
        return pick(t.len()).map(|i| t[i].clone());
    }
    None
}

/// The value stack of `frame` with its pointer held by the caller.
struct Stack<'a> {
    slots: *mut Value,
    sp: &'a mut usize,
}

impl Stack<'_> {
    #[inline(always)]
    fn push(&mut self, v: Value) {
        // SAFETY: the stack depth stays within co_stacksize (compiler and verifier), so
        // `sp` is inside the slots; slots at and above `sp` hold Null, which needs no drop.
        unsafe { crate::object::put_slot(self.slots.add(*self.sp), v) };
        *self.sp += 1;
    }

    #[inline(always)]
    fn pop(&mut self) -> Value {
        *self.sp -= 1;
        // SAFETY: an instruction only pops what is on the stack; the slot is left Null.
        unsafe { crate::object::take_slot(self.slots.add(*self.sp)) }
    }

    /// The `n`-th value from the top (1 = top).
    #[inline(always)]
    fn peek(&self, n: usize) -> &Value {
        // SAFETY: instructions only peek at entries their stack effect guarantees.
        unsafe { &*self.slots.add(*self.sp - n) }
    }

    #[inline(always)]
    fn peek_mut(&mut self, n: usize) -> &mut Value {
        // SAFETY: as for `peek`.
        unsafe { &mut *self.slots.add(*self.sp - n) }
    }

    #[inline(always)]
    fn slot(&mut self, i: usize) -> &mut Value {
        // SAFETY: local indices are < co_nlocalsplus (compiler and verifier).
        unsafe { &mut *self.slots.add(i) }
    }

    /// Whether local `n` is unbound.
    #[inline(always)]
    fn unbound(&self, n: u32) -> bool {
        // SAFETY: local indices are < co_nlocalsplus (compiler and verifier).
        unsafe { (*self.slots.add(n as usize)).is_null() }
    }

    /// Push a copy of local `n` (known to be bound).
    #[inline(always)]
    fn push_local(&mut self, n: u32) {
        // SAFETY: local indices are < co_nlocalsplus (compiler and verifier).
        let v = unsafe { crate::object::clone_slot(self.slots.add(n as usize)) };
        self.push(v);
    }
}

/// The argument of the second half of the superinstruction at `i`.
#[inline(always)]
fn second_arg(code: &Code, i: usize) -> u32 {
    // SAFETY: `fuse_pairs` only fuses an instruction that has a next unit.
    unsafe { code.instrs.get_unchecked(i + 1) }.get().arg
}

/// Run instruction `op arg` (at `i`; `ip` already past it) if it takes the fast path;
/// false (nothing changed) if the generic handler must run it.
#[inline(always)]
pub(super) fn try_fast(vm: &Vm, frame: &mut Frame, code: &Code, op: Opcode, arg: u32, i: usize, sp: &mut usize, ip: &mut usize) -> bool {
    let mut st = Stack { slots: frame.slots.as_mut_ptr(), sp };
    match op {
        Opcode::Nop | Opcode::Resume | Opcode::Cache | Opcode::ExtendedArg | Opcode::Precall => {}
        Opcode::PopTop => drop(st.pop()),
        Opcode::PushNull => st.push(Value::Null),
        Opcode::LoadConst => st.push(code.consts[arg as usize].clone()),
        Opcode::LoadFast => {
            // SAFETY: local indices are < co_nlocalsplus (compiler and verifier).
            let v = unsafe { crate::object::clone_slot(st.slots.add(arg as usize)) };
            if v.is_null() {
                return false;
            }
            st.push(v);
        }
        Opcode::StoreFast => {
            let v = st.pop();
            *st.slot(arg as usize) = v;
        }
        // Superinstructions (see `code::fuse_pairs`): a load that would fail (an unbound
        // local) is found before anything changes, and the generic path then runs the
        // first half alone, so the second raises in place.
        Opcode::LoadFastLoadFast => {
            let arg2 = second_arg(code, i);
            if st.unbound(arg) || st.unbound(arg2) {
                return false;
            }
            st.push_local(arg);
            st.push_local(arg2);
        }
        Opcode::LoadFastLoadConst => {
            if st.unbound(arg) {
                return false;
            }
            st.push_local(arg);
            st.push(code.consts[second_arg(code, i) as usize].clone());
        }
        Opcode::LoadConstLoadFast => {
            let arg2 = second_arg(code, i);
            if st.unbound(arg2) {
                return false;
            }
            st.push(code.consts[arg as usize].clone());
            st.push_local(arg2);
        }
        Opcode::StoreFastLoadFast => {
            let arg2 = second_arg(code, i);
            // (Loading the local just stored cannot fail.)
            if arg != arg2 && st.unbound(arg2) {
                return false;
            }
            let v = st.pop();
            *st.slot(arg as usize) = v;
            st.push_local(arg2);
        }
        Opcode::StoreFastStoreFast => {
            let v = st.pop();
            *st.slot(arg as usize) = v;
            let v = st.pop();
            *st.slot(second_arg(code, i) as usize) = v;
        }
        Opcode::LoadGlobal => {
            let name = &code.names[(arg >> 1) as usize];
            let Some(v) = super::eval::global_cache_hit(frame, &code.caches[i + 1..i + 4], name) else { return false };
            if arg & 1 != 0 {
                st.push(Value::Null);
            }
            st.push(v);
        }
        Opcode::BinaryOp => {
            let Some((bop, _)) = BinOp::from_arg(arg) else { return false };
            let Some(r) = super::eval::arith_fast(bop, st.peek(2), st.peek(1)) else { return false };
            drop(st.pop());
            drop(st.pop());
            st.push(r);
        }
        Opcode::CompareOp => {
            let (&Value::Int(a), &Value::Int(b)) = (st.peek(2), st.peek(1)) else { return false };
            let Some(cop) = CmpOp::from_arg(arg) else { return false };
            let r = match cop {
                CmpOp::Lt => a < b,
                CmpOp::Le => a <= b,
                CmpOp::Eq => a == b,
                CmpOp::Ne => a != b,
                CmpOp::Gt => a > b,
                CmpOp::Ge => a >= b,
            };
            drop(st.pop());
            drop(st.pop());
            // A conditional jump on the result takes it directly (COMPARE_OP_INT_JUMP).
            let next = code.instrs.get(*ip).map_or(Opcode::Nop, |c| c.get().op);
            match next {
                Opcode::PopJumpForwardIfFalse | Opcode::PopJumpBackwardIfFalse | Opcode::PopJumpForwardIfTrue | Opcode::PopJumpBackwardIfTrue => {
                    let jump_arg = code.instrs[*ip].get().arg;
                    let after = *ip + 1;
                    let want = matches!(next, Opcode::PopJumpForwardIfTrue | Opcode::PopJumpBackwardIfTrue);
                    *ip = if r == want { super::eval::jump_target(after, next, jump_arg) } else { after };
                }
                _ => st.push(Value::Bool(r)),
            }
        }
        Opcode::IsOp => {
            let b = st.pop();
            let a = st.pop();
            st.push(Value::Bool(a.is(&b) != (arg == 1)));
        }
        Opcode::PopJumpForwardIfFalse | Opcode::PopJumpBackwardIfFalse | Opcode::PopJumpForwardIfTrue | Opcode::PopJumpBackwardIfTrue => {
            let t = match st.peek(1) {
                Value::Bool(b) => *b,
                Value::None => false,
                Value::Int(n) => *n != 0,
                _ => return false,
            };
            drop(st.pop());
            let want = matches!(op, Opcode::PopJumpForwardIfTrue | Opcode::PopJumpBackwardIfTrue);
            if t == want {
                *ip = super::eval::jump_target(*ip, op, arg);
            }
        }
        Opcode::PopJumpForwardIfNone | Opcode::PopJumpBackwardIfNone | Opcode::PopJumpForwardIfNotNone | Opcode::PopJumpBackwardIfNotNone => {
            let v = st.pop();
            let want_none = matches!(op, Opcode::PopJumpForwardIfNone | Opcode::PopJumpBackwardIfNone);
            if v.is_none() == want_none {
                *ip = super::eval::jump_target(*ip, op, arg);
            }
        }
        Opcode::JumpForward | Opcode::JumpBackwardNoInterrupt => *ip = super::eval::jump_target(*ip, op, arg),
        Opcode::JumpBackward => {
            // A loop's back edge is where pending requests get served (the generic path).
            if super::breaker::is_set() {
                return false;
            }
            *ip = super::eval::jump_target(*ip, op, arg);
        }
        Opcode::Copy => {
            let v = st.peek(arg as usize).clone();
            st.push(v);
        }
        Opcode::Swap => {
            let top = *st.sp - 1;
            let other = *st.sp - arg as usize;
            // SAFETY: both positions are on the stack (SWAP's stack effect).
            unsafe { std::ptr::swap(st.slots.add(top), st.slots.add(other)) };
        }
        Opcode::BinarySubscr => {
            let (Value::Obj(o), &Value::Int(i)) = (st.peek(2), st.peek(1)) else { return false };
            let Some(v) = seq_item(vm, o, i) else { return false };
            drop(st.pop());
            drop(st.pop());
            st.push(v);
        }
        Opcode::StoreSubscr => {
            let (Value::Obj(o), &Value::Int(i)) = (st.peek(2), st.peek(1)) else { return false };
            if !vm.is_exact(o, &vm.types.list) {
                return false;
            }
            let o = o.clone();
            let Some(cell) = o.as_list() else { return false };
            let old = {
                let mut l = cell.borrow_mut();
                let len = l.len() as i64;
                let i = if i < 0 { i + len } else { i };
                if !(0..len).contains(&i) {
                    return false;
                }
                // The value goes in now; the old one is dropped after the borrow ends
                // (its finaliser may touch the list).
                let v = std::mem::replace(st.peek_mut(3), Value::Null);
                std::mem::replace(&mut l[i as usize], v)
            };
            drop(st.pop());
            drop(st.pop());
            *st.sp -= 1;
            drop(old);
        }
        Opcode::UnpackSequence => {
            let Value::Obj(o) = st.peek(1) else { return false };
            let n = arg as usize;
            let tuple = vm.is_exact(o, &vm.types.tuple) && o.as_tuple().is_some_and(|t| t.len() == n);
            let list = !tuple && vm.is_exact(o, &vm.types.list) && o.as_list().is_some_and(|l| l.borrow().len() == n);
            if !tuple && !list {
                return false;
            }
            let seq = st.pop();
            let Value::Obj(o) = &seq else { return false };
            if let Some(t) = o.as_tuple() {
                for v in t.iter().rev() {
                    st.push(v.clone());
                }
            } else if let Some(l) = o.as_list() {
                for v in l.borrow().iter().rev() {
                    st.push(v.clone());
                }
            }
        }
        Opcode::ForIter => {
            let Value::Obj(o) = st.peek(1) else { return false };
            match crate::types::iterators::next_fast(o) {
                Some(Some(v)) => st.push(v),
                Some(None) => {
                    drop(st.pop());
                    *ip = super::eval::jump_target(*ip, op, arg);
                }
                None => return false,
            }
        }
        _ => return false,
    }
    true
}
