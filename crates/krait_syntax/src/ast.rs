//! The CPython-shaped AST: the node types of Python 3.11's `ast` module, field for field.
//!
//! Locations are CPython's: 1-based lines, 0-based columns counted in UTF-8 bytes.

use num_bigint::BigInt;
use std::rc::Rc;

/// Source location of a node (`lineno`, `col_offset`, `end_lineno`, `end_col_offset`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Loc {
    pub lineno: u32,
    pub col_offset: u32,
    pub end_lineno: u32,
    pub end_col_offset: u32,
}

/// A parsed module (`ast.Module`; `type_ignores` is always empty).
#[derive(Clone, Debug)]
pub struct Module {
    pub body: Vec<Stmt>,
}

/// `ast.Expression` (mode `eval`).
#[derive(Clone, Debug)]
pub struct Expression {
    pub body: Box<Expr>,
}

/// `ast.Interactive` (mode `single`).
#[derive(Clone, Debug)]
pub struct Interactive {
    pub body: Vec<Stmt>,
}

#[derive(Clone, Debug)]
pub struct Stmt {
    pub loc: Loc,
    pub kind: StmtKind,
}

#[derive(Clone, Debug)]
pub enum StmtKind {
    FunctionDef(FunctionDef),
    AsyncFunctionDef(FunctionDef),
    ClassDef(ClassDef),
    Return { value: Option<Box<Expr>> },
    Delete { targets: Vec<Expr> },
    Assign { targets: Vec<Expr>, value: Box<Expr> },
    AugAssign { target: Box<Expr>, op: Operator, value: Box<Expr> },
    AnnAssign { target: Box<Expr>, annotation: Box<Expr>, value: Option<Box<Expr>>, simple: bool },
    For(For),
    AsyncFor(For),
    While { test: Box<Expr>, body: Vec<Stmt>, orelse: Vec<Stmt> },
    If { test: Box<Expr>, body: Vec<Stmt>, orelse: Vec<Stmt> },
    With(With),
    AsyncWith(With),
    Match { subject: Box<Expr>, cases: Vec<MatchCase> },
    Raise { exc: Option<Box<Expr>>, cause: Option<Box<Expr>> },
    Try(Try),
    TryStar(Try),
    Assert { test: Box<Expr>, msg: Option<Box<Expr>> },
    Import { names: Vec<Alias> },
    ImportFrom { module: Option<Rc<str>>, names: Vec<Alias>, level: u32 },
    Global { names: Vec<Rc<str>> },
    Nonlocal { names: Vec<Rc<str>> },
    Expr { value: Box<Expr> },
    Pass,
    Break,
    Continue,
}

#[derive(Clone, Debug)]
pub struct FunctionDef {
    pub name: Rc<str>,
    pub args: Box<Arguments>,
    pub body: Vec<Stmt>,
    pub decorator_list: Vec<Expr>,
    pub returns: Option<Box<Expr>>,
}

#[derive(Clone, Debug)]
pub struct ClassDef {
    pub name: Rc<str>,
    pub bases: Vec<Expr>,
    pub keywords: Vec<Keyword>,
    pub body: Vec<Stmt>,
    pub decorator_list: Vec<Expr>,
}

#[derive(Clone, Debug)]
pub struct For {
    pub target: Box<Expr>,
    pub iter: Box<Expr>,
    pub body: Vec<Stmt>,
    pub orelse: Vec<Stmt>,
}

#[derive(Clone, Debug)]
pub struct With {
    pub items: Vec<WithItem>,
    pub body: Vec<Stmt>,
}

#[derive(Clone, Debug)]
pub struct Try {
    pub body: Vec<Stmt>,
    pub handlers: Vec<ExceptHandler>,
    pub orelse: Vec<Stmt>,
    pub finalbody: Vec<Stmt>,
}

#[derive(Clone, Debug)]
pub struct Expr {
    pub loc: Loc,
    pub kind: ExprKind,
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    BoolOp { op: BoolOp, values: Vec<Expr> },
    NamedExpr { target: Box<Expr>, value: Box<Expr> },
    BinOp { left: Box<Expr>, op: Operator, right: Box<Expr> },
    UnaryOp { op: UnaryOp, operand: Box<Expr> },
    Lambda { args: Box<Arguments>, body: Box<Expr> },
    IfExp { test: Box<Expr>, body: Box<Expr>, orelse: Box<Expr> },
    Dict { keys: Vec<Option<Expr>>, values: Vec<Expr> },
    Set { elts: Vec<Expr> },
    ListComp { elt: Box<Expr>, generators: Vec<Comprehension> },
    SetComp { elt: Box<Expr>, generators: Vec<Comprehension> },
    DictComp { key: Box<Expr>, value: Box<Expr>, generators: Vec<Comprehension> },
    GeneratorExp { elt: Box<Expr>, generators: Vec<Comprehension> },
    Await { value: Box<Expr> },
    Yield { value: Option<Box<Expr>> },
    YieldFrom { value: Box<Expr> },
    Compare { left: Box<Expr>, ops: Vec<CmpOp>, comparators: Vec<Expr> },
    Call { func: Box<Expr>, args: Vec<Expr>, keywords: Vec<Keyword> },
    /// `conversion` is -1 (none), or the code of `s`, `r`, `a`.
    FormattedValue { value: Box<Expr>, conversion: i32, format_spec: Option<Box<Expr>> },
    JoinedStr { values: Vec<Expr> },
    Constant { value: ConstantValue, kind: Option<Rc<str>> },
    Attribute { value: Box<Expr>, attr: Rc<str>, ctx: ExprContext },
    Subscript { value: Box<Expr>, slice: Box<Expr>, ctx: ExprContext },
    Starred { value: Box<Expr>, ctx: ExprContext },
    Name { id: Rc<str>, ctx: ExprContext },
    List { elts: Vec<Expr>, ctx: ExprContext },
    Tuple { elts: Vec<Expr>, ctx: ExprContext },
    Slice { lower: Option<Box<Expr>>, upper: Option<Box<Expr>>, step: Option<Box<Expr>> },
}

/// The value of an `ast.Constant` (what the parser can produce, plus folded tuples/frozensets).
#[derive(Clone, Debug)]
pub enum ConstantValue {
    None,
    Ellipsis,
    Bool(bool),
    Int(BigInt),
    Float(f64),
    /// An imaginary literal `1j` (real part 0) or a folded complex.
    Complex { re: f64, im: f64 },
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    Tuple(Rc<[ConstantValue]>),
    FrozenSet(Rc<[ConstantValue]>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExprContext {
    Load,
    Store,
    Del,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoolOp {
    And,
    Or,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operator {
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
    FloorDiv,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Invert,
    Not,
    UAdd,
    USub,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

#[derive(Clone, Debug)]
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
    pub is_async: bool,
}

#[derive(Clone, Debug)]
pub struct ExceptHandler {
    pub loc: Loc,
    pub type_: Option<Box<Expr>>,
    pub name: Option<Rc<str>>,
    pub body: Vec<Stmt>,
}

/// `ast.arguments`.
#[derive(Clone, Debug, Default)]
pub struct Arguments {
    pub posonlyargs: Vec<Arg>,
    pub args: Vec<Arg>,
    pub vararg: Option<Arg>,
    pub kwonlyargs: Vec<Arg>,
    /// One entry per kwonlyarg; `None` where there is no default.
    pub kw_defaults: Vec<Option<Expr>>,
    pub kwarg: Option<Arg>,
    /// Defaults of the last positional (posonly + regular) arguments.
    pub defaults: Vec<Expr>,
}

#[derive(Clone, Debug)]
pub struct Arg {
    pub loc: Loc,
    pub arg: Rc<str>,
    pub annotation: Option<Box<Expr>>,
}

#[derive(Clone, Debug)]
pub struct Keyword {
    pub loc: Loc,
    /// `None` for `**mapping`.
    pub arg: Option<Rc<str>>,
    pub value: Expr,
}

#[derive(Clone, Debug)]
pub struct Alias {
    pub loc: Loc,
    pub name: Rc<str>,
    pub asname: Option<Rc<str>>,
}

#[derive(Clone, Debug)]
pub struct WithItem {
    pub context_expr: Expr,
    pub optional_vars: Option<Box<Expr>>,
}

#[derive(Clone, Debug)]
pub struct MatchCase {
    pub pattern: Pattern,
    pub guard: Option<Box<Expr>>,
    pub body: Vec<Stmt>,
}

#[derive(Clone, Debug)]
pub struct Pattern {
    pub loc: Loc,
    pub kind: PatternKind,
}

#[derive(Clone, Debug)]
pub enum PatternKind {
    MatchValue { value: Box<Expr> },
    MatchSingleton { value: ConstantValue },
    MatchSequence { patterns: Vec<Pattern> },
    MatchMapping { keys: Vec<Expr>, patterns: Vec<Pattern>, rest: Option<Rc<str>> },
    MatchClass {
        cls: Box<Expr>,
        patterns: Vec<Pattern>,
        kwd_attrs: Vec<Rc<str>>,
        kwd_patterns: Vec<Pattern>,
    },
    MatchStar { name: Option<Rc<str>> },
    MatchAs { pattern: Option<Box<Pattern>>, name: Option<Rc<str>> },
    MatchOr { patterns: Vec<Pattern> },
}
