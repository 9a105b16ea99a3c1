//! The AST optimiser (CPython 3.11's `Python/ast_opt.c`): constant folding of unary and
//! binary operators with CPython's size limits, tuple and subscript folding, list/set
//! displays in `in` tests and `for` iterables, `__debug__`, and `'%s' % (x,)` → f-string.

use crate::codegen::to_constant;
use krait_bytecode::Constant;
use krait_syntax::ast::{
    self, CmpOp, ConstantValue as CV, Expr, ExprContext, ExprKind, Loc, Operator, Pattern, PatternKind,
    Stmt, StmtKind, UnaryOp,
};
use krait_syntax::Parsed;
use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive, Zero};
use std::rc::Rc;

const MAX_INT_SIZE: u64 = 128;
const MAX_COLLECTION_SIZE: i64 = 256;
const MAX_STR_SIZE: i64 = 4096;
const MAX_TOTAL_ITEMS: i64 = 1024;

/// Nesting depth beyond which compilation fails as CPython's does with RecursionError
/// ("maximum recursion depth exceeded during compilation"), instead of overflowing the stack.
const MAX_NESTING: u32 = 3000;

struct Folder {
    optimize: u8,
    depth: std::cell::Cell<u32>,
    too_deep: std::cell::Cell<bool>,
}

impl Folder {
    /// Enter one nesting level; false (and nothing more is folded) past [`MAX_NESTING`].
    fn enter(&self) -> bool {
        let d = self.depth.get() + 1;
        if d > MAX_NESTING || self.too_deep.get() {
            self.too_deep.set(true);
            return false;
        }
        self.depth.set(d);
        true
    }

    fn leave(&self) {
        self.depth.set(self.depth.get().saturating_sub(1));
    }
}

/// `_PyAST_Optimize`; Err when the tree is nested too deeply to compile.
pub(crate) fn fold_mod(m: &mut Parsed, optimize: u8) -> Result<(), ()> {
    let f = Folder { optimize, depth: Default::default(), too_deep: Default::default() };
    match m {
        Parsed::Module(m) => f.body(&mut m.body),
        Parsed::Interactive(m) => f.stmts(&mut m.body),
        Parsed::Expression(e) => f.expr(&mut e.body),
    }
    if f.too_deep.get() {
        Err(())
    } else {
        Ok(())
    }
}

fn is_docstring(stmts: &[Stmt]) -> bool {
    stmts.first().is_some_and(|s| crate::codegen::docstring_expr(s).is_some())
}

fn const_of(e: &Expr) -> Option<&CV> {
    match &e.kind {
        ExprKind::Constant { value, .. } => Some(value),
        _ => None,
    }
}

fn make_const(e: &mut Expr, v: CV) {
    e.kind = ExprKind::Constant { value: v, kind: None };
}

/// Set-display elements as frozenset members: duplicates dropped, first occurrence kept.
pub(crate) fn frozenset_items(items: Vec<Constant>) -> Vec<Constant> {
    let mut out: Vec<Constant> = Vec::new();
    for c in items {
        if !out.iter().any(|o| const_eq(o, &c)) {
            out.push(c);
        }
    }
    out
}

/// Python equality between constants as a set sees it (`1 == 1.0 == True`).
fn const_eq(a: &Constant, b: &Constant) -> bool {
    use Constant::*;
    let num = |c: &Constant| -> Option<f64> {
        match c {
            Bool(x) => Some(f64::from(u8::from(*x))),
            Int(i) => i.to_f64(),
            Float(f) => Some(*f),
            _ => Option::None,
        }
    };
    match (a, b) {
        (Int(x), Int(y)) => x == y,
        (Str(x), Str(y)) => x == y,
        (Bytes(x), Bytes(y)) => x == y,
        (Tuple(x), Tuple(y)) => x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| const_eq(p, q)),
        _ => match (num(a), num(b)) {
            (Some(x), Some(y)) => x == y,
            _ => a.same_constant(b),
        },
    }
}

/// A Python-style repr of a constant (for error messages).
pub(crate) fn const_repr(v: &CV) -> String {
    match v {
        CV::None => "None".into(),
        CV::Ellipsis => "Ellipsis".into(),
        CV::Bool(b) => if *b { "True" } else { "False" }.into(),
        CV::Int(i) => i.to_string(),
        CV::Float(f) => format!("{f:?}"),
        CV::Complex { re, im } => {
            if *re == 0.0 {
                format!("{im:?}j")
            } else {
                format!("({re:?}+{im:?}j)")
            }
        }
        CV::Str(s) => format!("'{s}'"),
        CV::Bytes(b) => format!("b'{}'", String::from_utf8_lossy(b)),
        CV::Tuple(t) => {
            let parts: Vec<String> = t.iter().map(const_repr).collect();
            if parts.len() == 1 {
                format!("({},)", parts[0])
            } else {
                format!("({})", parts.join(", "))
            }
        }
        CV::FrozenSet(t) => {
            let parts: Vec<String> = t.iter().map(const_repr).collect();
            format!("frozenset({{{}}})", parts.join(", "))
        }
    }
}

fn truthy(v: &CV) -> bool {
    match v {
        CV::None => false,
        CV::Ellipsis => true,
        CV::Bool(b) => *b,
        CV::Int(i) => !i.is_zero(),
        CV::Float(f) => *f != 0.0,
        CV::Complex { re, im } => *re != 0.0 || *im != 0.0,
        CV::Str(s) => !s.is_empty(),
        CV::Bytes(b) => !b.is_empty(),
        CV::Tuple(t) | CV::FrozenSet(t) => !t.is_empty(),
    }
}

/// An int-like constant (bool included, as PyLong_Check does).
fn as_int(v: &CV) -> Option<BigInt> {
    match v {
        CV::Int(i) => Some(i.clone()),
        CV::Bool(b) => Some(BigInt::from(u8::from(*b))),
        _ => None,
    }
}

fn as_float(v: &CV) -> Option<f64> {
    match v {
        CV::Float(f) => Some(*f),
        _ => as_int(v).and_then(|i| {
            let f = i.to_f64()?;
            f.is_finite().then_some(f)
        }),
    }
}

fn as_complex(v: &CV) -> Option<(f64, f64)> {
    match v {
        CV::Complex { re, im } => Some((*re, *im)),
        _ => as_float(v).map(|f| (f, 0.0)),
    }
}

fn nbits(i: &BigInt) -> u64 {
    i.bits()
}

/// Python's floor division and modulo on ints (None when dividing by zero).
fn int_divmod(a: &BigInt, b: &BigInt) -> Option<(BigInt, BigInt)> {
    if b.is_zero() {
        return None;
    }
    let mut q = a / b;
    let mut r = a % b;
    if !r.is_zero() && (r.is_negative() != b.is_negative()) {
        q -= 1;
        r += b;
    }
    Some((q, r))
}

/// check_complexity
fn check_complexity(v: &CV, mut limit: i64) -> i64 {
    if let CV::Tuple(t) | CV::FrozenSet(t) = v {
        limit -= t.len() as i64;
        for x in t.iter() {
            if limit < 0 {
                break;
            }
            limit = check_complexity(x, limit);
        }
    }
    limit
}

fn seq_len(v: &CV) -> Option<i64> {
    match v {
        CV::Tuple(t) | CV::FrozenSet(t) => Some(t.len() as i64),
        CV::Str(s) => Some(s.chars().count() as i64),
        CV::Bytes(b) => Some(b.len() as i64),
        _ => None,
    }
}

fn repeat(v: &CV, n: i64) -> Option<CV> {
    let n = usize::try_from(n.max(0)).ok()?;
    Some(match v {
        CV::Str(s) => CV::Str(Rc::from(s.repeat(n))),
        CV::Bytes(b) => CV::Bytes(b.repeat(n).into()),
        CV::Tuple(t) => CV::Tuple(t.iter().cloned().cycle().take(t.len() * n).collect()),
        _ => return None,
    })
}

/// safe_multiply
fn safe_multiply(v: &CV, w: &CV) -> Option<CV> {
    if let (Some(a), Some(b)) = (as_int(v), as_int(w)) {
        if !a.is_zero() && !b.is_zero() && nbits(&a) + nbits(&b) > MAX_INT_SIZE {
            return None;
        }
        return Some(CV::Int(a * b));
    }
    if let Some(n) = as_int(v) {
        if let Some(size) = seq_len(w) {
            let n = n.to_i64()?;
            let coll = matches!(w, CV::Tuple(_) | CV::FrozenSet(_));
            if size > 0 {
                let max = if coll { MAX_COLLECTION_SIZE } else { MAX_STR_SIZE };
                if n < 0 || n > max / size {
                    return None;
                }
                if coll && n > 0 && check_complexity(w, MAX_TOTAL_ITEMS / n) < 0 {
                    return None;
                }
            }
            return repeat(w, n);
        }
    }
    if as_int(w).is_some() && seq_len(v).is_some() {
        return safe_multiply(w, v);
    }
    arith(v, w, |a, b| Some(a * b), |a, b| Some(a * b), |(a, b), (c, d)| Some((a * c - b * d, a * d + b * c)))
}

/// Mixed int/float/complex arithmetic with Python's promotion rules.
fn arith(
    v: &CV,
    w: &CV,
    int_op: impl Fn(BigInt, BigInt) -> Option<BigInt>,
    float_op: impl Fn(f64, f64) -> Option<f64>,
    complex_op: impl Fn((f64, f64), (f64, f64)) -> Option<(f64, f64)>,
) -> Option<CV> {
    if let (Some(a), Some(b)) = (as_int(v), as_int(w)) {
        return int_op(a, b).map(CV::Int);
    }
    let is_num = |x: &CV| matches!(x, CV::Int(_) | CV::Bool(_) | CV::Float(_) | CV::Complex { .. });
    if !is_num(v) || !is_num(w) {
        return None;
    }
    if matches!(v, CV::Complex { .. }) || matches!(w, CV::Complex { .. }) {
        let (re, im) = complex_op(as_complex(v)?, as_complex(w)?)?;
        return Some(CV::Complex { re, im });
    }
    float_op(as_float(v)?, as_float(w)?).map(CV::Float)
}

/// float_rem / float_floor_div (Objects/floatobject.c `_float_div_mod`).
fn float_divmod(vx: f64, wx: f64) -> Option<(f64, f64)> {
    if wx == 0.0 {
        return None;
    }
    let mut m = vx % wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let div = (vx - m) / wx;
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    Some((floordiv, m))
}

type Cx = (f64, f64);

fn c_prod(a: Cx, b: Cx) -> Cx {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// _Py_c_quot (Smith's algorithm); None on division by zero.
fn c_quot(a: Cx, b: Cx) -> Option<Cx> {
    let (abs_br, abs_bi) = (b.0.abs(), b.1.abs());
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bi >= abs_br {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

/// complex_pow (c_powi for small integral exponents, else _Py_c_pow).
fn c_pow(a: Cx, b: Cx) -> Option<Cx> {
    let r = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        let powu = |mut n: u64| {
            let (mut r, mut p) = ((1.0, 0.0), a);
            while n > 0 {
                if n & 1 == 1 {
                    r = c_prod(r, p);
                }
                p = c_prod(p, p);
                n >>= 1;
            }
            r
        };
        if n > 0 {
            powu(n as u64)
        } else {
            c_quot((1.0, 0.0), powu(n.unsigned_abs()))?
        }
    } else if b == (0.0, 0.0) {
        (1.0, 0.0)
    } else if a == (0.0, 0.0) {
        if b.1 != 0.0 || b.0 < 0.0 {
            return None;
        }
        (0.0, 0.0)
    } else {
        let vabs = a.0.hypot(a.1);
        let mut len = vabs.powf(b.0);
        let at = a.1.atan2(a.0);
        let mut phase = at * b.0;
        if b.1 != 0.0 {
            len /= (at * b.1).exp();
            phase += b.1 * vabs.ln();
        }
        (len * phase.cos(), len * phase.sin())
    };
    (r.0.is_finite() && r.1.is_finite()).then_some(r)
}

fn finite(x: f64) -> Option<f64> {
    x.is_finite().then_some(x)
}

fn int_true_div(a: BigInt, b: BigInt) -> Option<f64> {
    if b.is_zero() {
        return None;
    }
    let limit = BigInt::from(1u64 << 53);
    if a.abs() <= limit && b.abs() <= limit {
        return Some(a.to_f64()? / b.to_f64()?);
    }
    None
}

fn binop(op: Operator, v: &CV, w: &CV) -> Option<CV> {
    let bool_op = |f: fn(bool, bool) -> bool| match (v, w) {
        (CV::Bool(a), CV::Bool(b)) => Some(CV::Bool(f(*a, *b))),
        _ => None,
    };
    match op {
        Operator::Add => match (v, w) {
            (CV::Str(a), CV::Str(b)) => Some(CV::Str(Rc::from(format!("{a}{b}")))),
            (CV::Bytes(a), CV::Bytes(b)) => Some(CV::Bytes([&a[..], &b[..]].concat().into())),
            (CV::Tuple(a), CV::Tuple(b)) => Some(CV::Tuple(a.iter().chain(b.iter()).cloned().collect())),
            _ => arith(v, w, |a, b| Some(a + b), |a, b| Some(a + b), |(a, b), (c, d)| Some((a + c, b + d))),
        },
        Operator::Sub => arith(v, w, |a, b| Some(a - b), |a, b| Some(a - b), |(a, b), (c, d)| Some((a - c, b - d))),
        Operator::Mult => safe_multiply(v, w),
        Operator::Div => {
            if let (Some(a), Some(b)) = (as_int(v), as_int(w)) {
                return int_true_div(a, b).map(CV::Float);
            }
            arith(
                v,
                w,
                |_, _| None,
                |a, b| if b == 0.0 { None } else { finite(a / b).or(Some(a / b)) },
                c_quot,
            )
        }
        Operator::FloorDiv => arith(
            v,
            w,
            |a, b| int_divmod(&a, &b).map(|p| p.0),
            |a, b| float_divmod(a, b).map(|p| p.0),
            |_, _| None,
        ),
        Operator::Mod => {
            if matches!(v, CV::Str(_) | CV::Bytes(_)) {
                return None;
            }
            arith(
                v,
                w,
                |a, b| int_divmod(&a, &b).map(|p| p.1),
                |a, b| float_divmod(a, b).map(|p| p.1),
                |_, _| None,
            )
        }
        Operator::Pow => {
            if let (Some(a), Some(b)) = (as_int(v), as_int(w)) {
                if b.sign() == Sign::Plus {
                    let e = b.to_u64()?;
                    if !a.is_zero() && nbits(&a) > MAX_INT_SIZE / e.max(1) {
                        return None;
                    }
                    return Some(CV::Int(num_traits::pow(a, usize::try_from(e).ok()?)));
                }
                if b.is_zero() {
                    return Some(CV::Int(BigInt::from(1)));
                }
                let (fa, fb) = (a.to_f64()?, b.to_f64()?);
                if fa == 0.0 {
                    return None;
                }
                return finite(fa.powf(fb)).map(CV::Float);
            }
            arith(
                v,
                w,
                |_, _| None,
                |a, b| {
                    if a < 0.0 && b.fract() != 0.0 || a == 0.0 && b < 0.0 {
                        return None;
                    }
                    finite(a.powf(b))
                },
                c_pow,
            )
        }
        Operator::LShift => {
            let (a, b) = (as_int(v)?, as_int(w)?);
            if b.is_negative() {
                return None;
            }
            if !a.is_zero() && !b.is_zero() {
                let s = b.to_u64()?;
                if s > MAX_INT_SIZE || nbits(&a) > MAX_INT_SIZE - s {
                    return None;
                }
            }
            Some(CV::Int(a << b.to_usize()?))
        }
        Operator::RShift => {
            let (a, b) = (as_int(v)?, as_int(w)?);
            if b.is_negative() {
                return None;
            }
            let s = b.to_usize().unwrap_or(usize::MAX).min(a.bits() as usize + 1);
            Some(CV::Int(a >> s))
        }
        Operator::BitOr => bool_op(|a, b| a | b).or_else(|| Some(CV::Int(as_int(v)? | as_int(w)?))),
        Operator::BitXor => bool_op(|a, b| a ^ b).or_else(|| Some(CV::Int(as_int(v)? ^ as_int(w)?))),
        Operator::BitAnd => bool_op(|a, b| a & b).or_else(|| Some(CV::Int(as_int(v)? & as_int(w)?))),
        Operator::MatMult => None,
    }
}

fn unaryop(op: UnaryOp, v: &CV) -> Option<CV> {
    match op {
        UnaryOp::Not => Some(CV::Bool(!truthy(v))),
        UnaryOp::Invert => as_int(v).map(|i| CV::Int(-i - 1)),
        UnaryOp::UAdd => match v {
            CV::Float(_) | CV::Complex { .. } => Some(v.clone()),
            _ => as_int(v).map(CV::Int),
        },
        UnaryOp::USub => match v {
            CV::Float(f) => Some(CV::Float(-f)),
            CV::Complex { re, im } => Some(CV::Complex { re: -re, im: -im }),
            _ => as_int(v).map(|i| CV::Int(-i)),
        },
    }
}

/// `const[const]` for str, bytes and tuples indexed by an int.
fn subscript(v: &CV, idx: &CV) -> Option<CV> {
    let i = as_int(idx)?.to_i64()?;
    let norm = |len: usize| -> Option<usize> {
        let i = if i < 0 { i + len as i64 } else { i };
        (0..len as i64).contains(&i).then_some(i as usize)
    };
    match v {
        CV::Str(s) => {
            let n = s.chars().count();
            let ch = s.chars().nth(norm(n)?)?;
            Some(CV::Str(Rc::from(ch.to_string())))
        }
        CV::Bytes(b) => Some(CV::Int(BigInt::from(b[norm(b.len())?]))),
        CV::Tuple(t) => Some(t[norm(t.len())?].clone()),
        _ => None,
    }
}

impl Folder {
    /// astfold_body: fold, but never turn a non-docstring into a docstring.
    fn body(&self, stmts: &mut [Stmt]) {
        let had_doc = is_docstring(stmts);
        self.stmts(stmts);
        if !had_doc && is_docstring(stmts) {
            if let Some(StmtKind::Expr { value }) = stmts.first_mut().map(|s| &mut s.kind) {
                let inner = (**value).clone();
                value.kind = ExprKind::JoinedStr { values: vec![inner] };
            }
        }
    }

    fn stmts(&self, stmts: &mut [Stmt]) {
        for s in stmts {
            self.stmt(s);
        }
    }

    fn exprs(&self, es: &mut [Expr]) {
        for e in es {
            self.expr(e);
        }
    }

    fn arguments(&self, a: &mut ast::Arguments) {
        for arg in a.posonlyargs.iter_mut().chain(&mut a.args).chain(&mut a.kwonlyargs) {
            if let Some(ann) = &mut arg.annotation {
                self.expr(ann);
            }
        }
        for arg in a.vararg.iter_mut().chain(a.kwarg.iter_mut()) {
            if let Some(ann) = &mut arg.annotation {
                self.expr(ann);
            }
        }
        self.exprs(&mut a.defaults);
        for d in a.kw_defaults.iter_mut().flatten() {
            self.expr(d);
        }
    }

    fn stmt(&self, s: &mut Stmt) {
        if self.enter() {
            self.stmt_inner(s);
            self.leave();
        }
    }

    fn stmt_inner(&self, s: &mut Stmt) {
        let plain_for = matches!(s.kind, StmtKind::For(_));
        match &mut s.kind {
            StmtKind::FunctionDef(f) | StmtKind::AsyncFunctionDef(f) => {
                self.arguments(&mut f.args);
                self.body(&mut f.body);
                self.exprs(&mut f.decorator_list);
                if let Some(r) = &mut f.returns {
                    self.expr(r);
                }
            }
            StmtKind::ClassDef(c) => {
                self.exprs(&mut c.bases);
                for k in &mut c.keywords {
                    self.expr(&mut k.value);
                }
                self.body(&mut c.body);
                self.exprs(&mut c.decorator_list);
            }
            StmtKind::Return { value } => {
                if let Some(v) = value {
                    self.expr(v);
                }
            }
            StmtKind::Delete { targets } => self.exprs(targets),
            StmtKind::Assign { targets, value } => {
                self.exprs(targets);
                self.expr(value);
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(target);
                self.expr(value);
            }
            StmtKind::AnnAssign { target, annotation, value, .. } => {
                self.expr(target);
                self.expr(annotation);
                if let Some(v) = value {
                    self.expr(v);
                }
            }
            StmtKind::For(f) | StmtKind::AsyncFor(f) => {
                self.expr(&mut f.target);
                self.expr(&mut f.iter);
                self.stmts(&mut f.body);
                self.stmts(&mut f.orelse);
                // As in CPython's astfold_stmt, only a plain `for` turns its list into a tuple.
                if plain_for {
                    fold_iter(&mut f.iter);
                }
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.expr(test);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::With(w) | StmtKind::AsyncWith(w) => {
                for item in &mut w.items {
                    self.expr(&mut item.context_expr);
                    if let Some(v) = &mut item.optional_vars {
                        self.expr(v);
                    }
                }
                self.stmts(&mut w.body);
            }
            StmtKind::Raise { exc, cause } => {
                for x in [exc, cause].into_iter().flatten() {
                    self.expr(x);
                }
            }
            StmtKind::Try(t) | StmtKind::TryStar(t) => {
                self.stmts(&mut t.body);
                for h in &mut t.handlers {
                    if let Some(ty) = &mut h.type_ {
                        self.expr(ty);
                    }
                    self.stmts(&mut h.body);
                }
                self.stmts(&mut t.orelse);
                self.stmts(&mut t.finalbody);
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test);
                if let Some(m) = msg {
                    self.expr(m);
                }
            }
            StmtKind::Expr { value } => self.expr(value),
            StmtKind::Match { subject, cases } => {
                self.expr(subject);
                for c in cases {
                    self.pattern(&mut c.pattern);
                    if let Some(g) = &mut c.guard {
                        self.expr(g);
                    }
                    self.stmts(&mut c.body);
                }
            }
            StmtKind::Import { .. }
            | StmtKind::ImportFrom { .. }
            | StmtKind::Global { .. }
            | StmtKind::Nonlocal { .. }
            | StmtKind::Pass
            | StmtKind::Break
            | StmtKind::Continue => {}
        }
    }

    fn pattern(&self, p: &mut Pattern) {
        match &mut p.kind {
            PatternKind::MatchValue { value } => self.expr(value),
            PatternKind::MatchSingleton { .. } | PatternKind::MatchStar { .. } => {}
            PatternKind::MatchSequence { patterns } | PatternKind::MatchOr { patterns } => {
                patterns.iter_mut().for_each(|q| self.pattern(q))
            }
            PatternKind::MatchMapping { keys, patterns, .. } => {
                self.exprs(keys);
                patterns.iter_mut().for_each(|q| self.pattern(q));
            }
            PatternKind::MatchClass { cls, patterns, kwd_patterns, .. } => {
                self.expr(cls);
                patterns.iter_mut().for_each(|q| self.pattern(q));
                kwd_patterns.iter_mut().for_each(|q| self.pattern(q));
            }
            PatternKind::MatchAs { pattern, .. } => {
                if let Some(q) = pattern {
                    self.pattern(q);
                }
            }
        }
    }

    fn comprehensions(&self, gens: &mut [ast::Comprehension]) {
        for g in gens {
            self.expr(&mut g.target);
            self.expr(&mut g.iter);
            self.exprs(&mut g.ifs);
            fold_iter(&mut g.iter);
        }
    }

    fn expr(&self, e: &mut Expr) {
        if self.enter() {
            self.expr_inner(e);
            self.leave();
        }
    }

    /// astfold_expr
    fn expr_inner(&self, e: &mut Expr) {
        match &mut e.kind {
            ExprKind::BoolOp { values, .. } => self.exprs(values),
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left);
                self.expr(right);
                self.fold_binop(e);
            }
            ExprKind::UnaryOp { operand, .. } => {
                self.expr(operand);
                fold_unaryop(e);
            }
            ExprKind::Lambda { args, body } => {
                self.arguments(args);
                self.expr(body);
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test);
                self.expr(body);
                self.expr(orelse);
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter_mut().flatten() {
                    self.expr(k);
                }
                self.exprs(values);
            }
            ExprKind::Set { elts } => self.exprs(elts),
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                self.expr(elt);
                self.comprehensions(generators);
            }
            ExprKind::DictComp { key, value, generators } => {
                self.expr(key);
                self.expr(value);
                self.comprehensions(generators);
            }
            ExprKind::Await { value } | ExprKind::YieldFrom { value } => self.expr(value),
            ExprKind::Yield { value } => {
                if let Some(v) = value {
                    self.expr(v);
                }
            }
            ExprKind::Compare { left, ops, comparators } => {
                self.expr(left);
                self.exprs(comparators);
                if matches!(ops.last(), Some(CmpOp::In | CmpOp::NotIn)) {
                    if let Some(last) = comparators.last_mut() {
                        fold_iter(last);
                    }
                }
            }
            ExprKind::Call { func, args, keywords } => {
                self.expr(func);
                self.exprs(args);
                for k in keywords {
                    self.expr(&mut k.value);
                }
            }
            ExprKind::FormattedValue { value, format_spec, .. } => {
                self.expr(value);
                if let Some(f) = format_spec {
                    self.expr(f);
                }
            }
            ExprKind::JoinedStr { values } => self.exprs(values),
            ExprKind::Attribute { value, .. } => self.expr(value),
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value);
                self.expr(slice);
                if let (Some(v), Some(i)) = (const_of(value), const_of(slice)) {
                    if let Some(r) = subscript(v, i) {
                        make_const(e, r);
                    }
                }
            }
            ExprKind::Starred { value, .. } => self.expr(value),
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper, step].into_iter().flatten() {
                    self.expr(x);
                }
            }
            ExprKind::List { elts, .. } => self.exprs(elts),
            ExprKind::Tuple { elts, ctx } => {
                self.exprs(elts);
                if *ctx == ExprContext::Load {
                    if let Some(t) = fold_tuple_elts(elts) {
                        make_const(e, t);
                    }
                }
            }
            ExprKind::Name { id, ctx } => {
                if *ctx == ExprContext::Load && &**id == "__debug__" {
                    make_const(e, CV::Bool(self.optimize == 0));
                }
            }
            ExprKind::NamedExpr { value, .. } => self.expr(value),
            ExprKind::Constant { .. } => {}
        }
    }

    /// fold_binop
    fn fold_binop(&self, e: &mut Expr) {
        let ExprKind::BinOp { left, op, right } = &e.kind else { return };
        let Some(lv) = const_of(left) else { return };
        if *op == Operator::Mod {
            if let (CV::Str(fmt), ExprKind::Tuple { elts, .. }) = (lv, &right.kind) {
                if !elts.iter().any(|x| matches!(x.kind, ExprKind::Starred { .. })) {
                    if let Some(values) = optimize_format(fmt, elts) {
                        e.kind = ExprKind::JoinedStr { values };
                    }
                    return;
                }
            }
        }
        let Some(rv) = const_of(right) else { return };
        if let Some(r) = binop(*op, lv, rv) {
            make_const(e, r);
        }
    }
}

/// fold_unaryop (including `not (a is b)` → `a is not b`).
fn fold_unaryop(e: &mut Expr) {
    let ExprKind::UnaryOp { op, operand } = &mut e.kind else { return };
    if let Some(v) = const_of(operand) {
        if let Some(r) = unaryop(*op, v) {
            make_const(e, r);
        }
        return;
    }
    if *op != UnaryOp::Not {
        return;
    }
    if let ExprKind::Compare { ops, .. } = &mut operand.kind {
        if ops.len() == 1 {
            let inv = match ops[0] {
                CmpOp::Is => CmpOp::IsNot,
                CmpOp::IsNot => CmpOp::Is,
                CmpOp::In => CmpOp::NotIn,
                CmpOp::NotIn => CmpOp::In,
                _ => return,
            };
            ops[0] = inv;
            let inner = (**operand).clone();
            *e = inner;
        }
    }
}

fn fold_tuple_elts(elts: &[Expr]) -> Option<CV> {
    let items: Option<Vec<CV>> = elts.iter().map(|x| const_of(x).cloned()).collect();
    items.map(|v| CV::Tuple(v.into()))
}

/// fold_iter: a list display becomes a tuple (constant if possible); a constant set
/// display becomes a frozenset.
fn fold_iter(e: &mut Expr) {
    match &mut e.kind {
        ExprKind::List { elts, .. } => {
            if elts.iter().any(|x| matches!(x.kind, ExprKind::Starred { .. })) {
                return;
            }
            let elts = std::mem::take(elts);
            match fold_tuple_elts(&elts) {
                Some(t) => make_const(e, t),
                None => e.kind = ExprKind::Tuple { elts, ctx: ExprContext::Load },
            }
        }
        ExprKind::Set { elts } => {
            if let Some(CV::Tuple(t)) = fold_tuple_elts(elts) {
                let mut uniq: Vec<CV> = Vec::new();
                for v in t.iter() {
                    let c = to_constant(v);
                    if !uniq.iter().any(|u| const_eq(&to_constant(u), &c)) {
                        uniq.push(v.clone());
                    }
                }
                make_const(e, CV::FrozenSet(uniq.into()));
            }
        }
        _ => {}
    }
}

/// optimize_format: `'…%s…' % (a, b)` → an f-string, for `%s`, `%r`, `%a` with simple
/// width/precision; None when the format is not that simple.
fn optimize_format(fmt: &str, elts: &[Expr]) -> Option<Vec<Expr>> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut pos = 0;
    let mut cnt = 0;
    let mut out = Vec::new();
    let none_loc = Loc::default();
    loop {
        let start = pos;
        let mut has_percents = false;
        while pos < chars.len() {
            if chars[pos] != '%' {
                pos += 1;
            } else if pos + 1 < chars.len() && chars[pos + 1] == '%' {
                has_percents = true;
                pos += 2;
            } else {
                break;
            }
        }
        if pos > start {
            let mut lit: String = chars[start..pos].iter().collect();
            if has_percents {
                lit = lit.replace("%%", "%");
            }
            out.push(Expr { loc: none_loc, kind: ExprKind::Constant { value: CV::Str(Rc::from(lit)), kind: None } });
        }
        if pos >= chars.len() {
            break;
        }
        let arg = elts.get(cnt)?;
        pos += 1;
        cnt += 1;
        out.push(parse_format(&chars, &mut pos, arg)?);
    }
    if cnt < elts.len() {
        return None;
    }
    Some(out)
}

/// simple_format_arg_parse + parse_format
fn parse_format(chars: &[char], pos: &mut usize, arg: &Expr) -> Option<Expr> {
    const MAXDIGITS: u32 = 3;
    let mut next = || -> Option<char> {
        let c = *chars.get(*pos)?;
        *pos += 1;
        Some(c)
    };
    let mut ljust = false;
    let mut ch;
    loop {
        ch = next()?;
        match ch {
            '-' => ljust = true,
            '+' | ' ' | '#' | '0' => {}
            _ => break,
        }
    }
    let mut width: i32 = -1;
    let mut prec: i32 = -1;
    if ch.is_ascii_digit() {
        width = 0;
        let mut digits = 0;
        while ch.is_ascii_digit() {
            width = width * 10 + ch.to_digit(10)? as i32;
            ch = next()?;
            digits += 1;
            if digits >= MAXDIGITS {
                return None;
            }
        }
    }
    if ch == '.' {
        ch = next()?;
        prec = 0;
        let mut digits = 0;
        while ch.is_ascii_digit() {
            prec = prec * 10 + ch.to_digit(10)? as i32;
            ch = next()?;
            digits += 1;
            if digits >= MAXDIGITS {
                return None;
            }
        }
    }
    if !matches!(ch, 's' | 'r' | 'a') {
        return None;
    }
    let mut spec = String::new();
    if !ljust && width > 0 {
        spec.push('>');
    }
    if width >= 0 {
        spec.push_str(&width.to_string());
    }
    if prec >= 0 {
        spec.push_str(&format!(".{prec}"));
    }
    let format_spec = (!spec.is_empty()).then(|| {
        Box::new(Expr { loc: Loc::default(), kind: ExprKind::Constant { value: CV::Str(Rc::from(spec)), kind: None } })
    });
    Some(Expr {
        loc: arg.loc,
        kind: ExprKind::FormattedValue { value: Box::new(arg.clone()), conversion: ch as i32, format_spec },
    })
}

