//! Code generation (the front half of CPython 3.11's `compile.c`): AST → one CFG of basic
//! blocks per code unit, with CPython's virtual opcodes and frame-block stack. Each finished
//! unit is handed to the assembler; nested code objects become constants of their parent.
//!
//! This file holds the compiler state, the instruction emitters and scope entry/exit; the
//! visitors live in one file per construct family.

mod call;
mod comprehension;
mod consts;
mod expr;
mod function;
pub(crate) mod future;
mod jump;
mod pattern;
mod stmt;
mod try_with;
mod unparse;
mod unwind;

use crate::ir::{Block, BlockId, Cfg, CodeUnit, Instr, IrOp, Location, Pseudo};
use crate::symtable::{BlockType, EntryId, Scope, SymbolTable};
use crate::{mangle, syntax_error, CompileOptions};
use consts::{ConstIndex, ConstKey};
use krait_bytecode::{CodeFlags, CodeObject, Constant, Opcode};
use krait_syntax::ast::{self, Loc, Stmt};
use krait_syntax::{Parsed, SyntaxError};
use hashbrown::hash_map::Entry;
use hashbrown::HashMap;
use std::rc::Rc;
pub(crate) use consts::to_constant;
pub(crate) use unwind::{FBlock, FBlockKind};

pub(crate) type CResult<T = ()> = Result<T, SyntaxError>;

/// CPython's `COMPILER_SCOPE_*`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ScopeType {
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
    Comprehension,
}

/// CPython's `STACK_USE_GUIDELINE`.
pub(crate) const STACK_USE_GUIDELINE: usize = 30;

/// Per-code-unit state (CPython's `struct compiler_unit`).
pub(crate) struct Unit<'a> {
    pub ste: EntryId,
    pub scope_type: ScopeType,
    pub meta: CodeUnit,
    const_index: ConstIndex,
    name_index: HashMap<Rc<str>, u32>,
    varname_index: HashMap<Rc<str>, u32>,
    pub cell_index: HashMap<Rc<str>, u32>,
    pub free_index: HashMap<Rc<str>, u32>,
    blocks: Vec<Block>,
    /// `b_return` per block: a RETURN_VALUE was emitted into it.
    returns: Vec<bool>,
    cur: BlockId,
    need_new_block: bool,
    pub fblocks: Vec<FBlock<'a>>,
    pub loc: Location,
    pub private: Option<Rc<str>>,
}

/// The compiler (CPython's `struct compiler`).
pub(crate) struct Compiler<'a> {
    pub st: SymbolTable,
    pub filename: Rc<str>,
    pub source: &'a str,
    pub optimize: u8,
    /// CO_FUTURE_* flags in effect (module features plus inherited flags).
    pub future: u32,
    pub future_lineno: i32,
    pub interactive: bool,
    pub u: Unit<'a>,
    stack: Vec<Unit<'a>>,
}

/// An AST location as an instruction location (line 0 marks synthesized nodes: none).
pub(crate) fn loc_of(l: Loc) -> Location {
    if l.lineno == 0 {
        return Location::NONE;
    }
    Location {
        lineno: l.lineno as i32,
        end_lineno: l.end_lineno as i32,
        col_offset: l.col_offset as i32,
        end_col_offset: l.end_col_offset as i32,
    }
}

fn is_end_of_block(op: IrOp) -> bool {
    match op {
        IrOp::Pseudo(p) => !matches!(
            p,
            Pseudo::SetupFinally | Pseudo::SetupCleanup | Pseudo::SetupWith | Pseudo::PopBlock
        ),
        IrOp::Real(o) => {
            o.is_jump() || matches!(o, Opcode::ReturnValue | Opcode::RaiseVarargs | Opcode::Reraise)
        }
    }
}

/// Compile a parsed module/expression/interactive tree (compile.c `_PyAST_Compile`).
pub(crate) fn compile_mod(
    parsed: Parsed,
    source: &str,
    filename: &str,
    opts: CompileOptions,
) -> CResult<Rc<CodeObject>> {
    let mut parsed = parsed;
    let empty: &[Stmt] = &[];
    let (body, interactive) = match &parsed {
        Parsed::Module(m) => (&m.body[..], false),
        Parsed::Interactive(m) => (&m.body[..], true),
        Parsed::Expression(_) => (empty, false),
    };
    let ff = if interactive || matches!(parsed, Parsed::Module(_)) {
        future::parse_future(body, filename, source)?
    } else {
        future::Future { features: 0, lineno: -1 }
    };
    let future_flags = ff.features | (opts.future_flags & FUTURE_MASK);
    if crate::fold::fold_mod(&mut parsed, opts.optimize).is_err() {
        let mut e = syntax_error(filename, source, "maximum recursion depth exceeded during compilation", Loc::default());
        e.kind = "RecursionError";
        return Err(e);
    }
    let (stmts, expr): (&[Stmt], Option<&ast::Expr>) = match &parsed {
        Parsed::Module(m) => (&m.body, None),
        Parsed::Interactive(m) => (&m.body, None),
        Parsed::Expression(e) => (&[], Some(&e.body)),
    };
    let annotations = future_flags & CodeFlags::FUTURE_ANNOTATIONS != 0;
    let st = SymbolTable::build(stmts, expr, filename, source, annotations)?;
    let mut c = Compiler {
        st,
        filename: Rc::from(filename),
        source,
        optimize: opts.optimize,
        future: future_flags,
        future_lineno: ff.lineno,
        interactive,
        u: Unit::placeholder(),
        stack: Vec::new(),
    };
    c.compiler_mod(&parsed)
}

/// The `CO_FUTURE_*` bits that `compile()` flags may carry (CPython's `PyCF_MASK`).
const FUTURE_MASK: u32 = CodeFlags::FUTURE_DIVISION
    | CodeFlags::FUTURE_ABSOLUTE_IMPORT
    | CodeFlags::FUTURE_WITH_STATEMENT
    | CodeFlags::FUTURE_PRINT_FUNCTION
    | CodeFlags::FUTURE_UNICODE_LITERALS
    | CodeFlags::FUTURE_BARRY_AS_BDFL
    | CodeFlags::FUTURE_GENERATOR_STOP
    | CodeFlags::FUTURE_ANNOTATIONS;

impl<'a> Unit<'a> {
    fn placeholder() -> Unit<'a> {
        Unit {
            ste: 0,
            scope_type: ScopeType::Module,
            meta: CodeUnit::default(),
            const_index: ConstIndex::default(),
            name_index: HashMap::new(),
            varname_index: HashMap::new(),
            cell_index: HashMap::new(),
            free_index: HashMap::new(),
            blocks: Vec::new(),
            returns: Vec::new(),
            cur: BlockId(0),
            need_new_block: false,
            fblocks: Vec::new(),
            loc: Location::NONE,
            private: None,
        }
    }
}

impl<'a> Compiler<'a> {
    // ----- errors -----

    /// compiler_error: a SyntaxError at the current location.
    pub fn error(&self, msg: impl Into<String>) -> SyntaxError {
        let l = self.u.loc;
        let loc = Loc {
            lineno: l.lineno.max(0) as u32,
            col_offset: l.col_offset.max(0) as u32,
            end_lineno: l.end_lineno.max(0) as u32,
            end_col_offset: l.end_col_offset.max(0) as u32,
        };
        syntax_error(&self.filename, self.source, msg, loc)
    }

    // ----- locations -----

    pub fn set_loc(&mut self, l: Loc) {
        self.u.loc = loc_of(l);
    }

    pub fn unset_loc(&mut self) {
        self.u.loc = Location::NONE;
    }

    // ----- blocks and instructions -----

    /// compiler_new_block
    pub fn new_block(&mut self) -> BlockId {
        self.u.blocks.push(Block::default());
        self.u.returns.push(false);
        BlockId(self.u.blocks.len() as u32 - 1)
    }

    /// compiler_use_next_block
    pub fn use_next_block(&mut self, b: BlockId) {
        let cur = self.u.cur;
        self.u.blocks[cur.0 as usize].next = Some(b);
        self.u.cur = b;
        self.u.need_new_block = false;
    }

    /// The core of compiler_addop*: append to the current block (starting an implicit new
    /// block after a terminator).
    pub fn emit(&mut self, op: IrOp, oparg: u32, target: Option<BlockId>, loc: Location) {
        if self.u.need_new_block {
            let b = self.new_block();
            self.use_next_block(b);
        }
        let cur = self.u.cur.0 as usize;
        let instrs = &mut self.u.blocks[cur].instrs;
        if instrs.capacity() == 0 {
            // CPython's DEFAULT_BLOCK_SIZE: most blocks then never reallocate.
            instrs.reserve_exact(16);
        }
        instrs.push(Instr { op, oparg, target, loc });
        if op == IrOp::Real(Opcode::ReturnValue) {
            self.u.returns[cur] = true;
        }
        if is_end_of_block(op) {
            self.u.need_new_block = true;
        }
    }

    pub fn op(&mut self, op: Opcode) {
        self.emit(IrOp::Real(op), 0, None, self.u.loc);
    }

    pub fn op_i(&mut self, op: Opcode, arg: u32) {
        self.emit(IrOp::Real(op), arg, None, self.u.loc);
    }

    pub fn op_i_noline(&mut self, op: Opcode, arg: u32) {
        self.emit(IrOp::Real(op), arg, None, Location::NONE);
    }

    pub fn pseudo(&mut self, p: Pseudo) {
        self.emit(IrOp::Pseudo(p), 0, None, self.u.loc);
    }

    pub fn pseudo_noline(&mut self, p: Pseudo) {
        self.emit(IrOp::Pseudo(p), 0, None, Location::NONE);
    }

    /// ADDOP_JUMP with a virtual jump or SETUP_*.
    pub fn jump(&mut self, p: Pseudo, target: BlockId) {
        self.emit(IrOp::Pseudo(p), 0, Some(target), self.u.loc);
    }

    pub fn jump_noline(&mut self, p: Pseudo, target: BlockId) {
        self.emit(IrOp::Pseudo(p), 0, Some(target), Location::NONE);
    }

    /// ADDOP_JUMP with a real jump opcode (FOR_ITER, SEND, JUMP_IF_*_OR_POP).
    pub fn jump_op(&mut self, op: Opcode, target: BlockId) {
        self.emit(IrOp::Real(op), 0, Some(target), self.u.loc);
    }

    // ----- tables -----

    /// compiler_add_const
    pub fn add_const(&mut self, c: Constant) -> u32 {
        let next = self.u.meta.consts.len() as u32;
        match self.u.const_index.get_or_insert(ConstKey::of(&c), next) {
            Ok(i) => i,
            Err(i) => {
                self.u.meta.consts.push(c);
                i
            }
        }
    }

    pub fn load_const(&mut self, c: Constant) {
        let i = self.add_const(c);
        self.op_i(Opcode::LoadConst, i);
    }

    pub fn load_none(&mut self) {
        self.load_const(Constant::None);
    }

    fn add_name(&mut self, name: Rc<str>) -> u32 {
        match self.u.name_index.entry(name) {
            Entry::Occupied(e) => *e.get(),
            Entry::Vacant(e) => {
                let i = self.u.meta.names.len() as u32;
                self.u.meta.names.push(e.key().clone());
                *e.insert(i)
            }
        }
    }

    fn add_varname(&mut self, name: Rc<str>) -> u32 {
        match self.u.varname_index.entry(name) {
            Entry::Occupied(e) => *e.get(),
            Entry::Vacant(e) => {
                let i = self.u.meta.varnames.len() as u32;
                self.u.meta.varnames.push(e.key().clone());
                *e.insert(i)
            }
        }
    }

    pub fn mangle(&self, name: &Rc<str>) -> Rc<str> {
        mangle(self.u.private.as_deref(), name)
    }

    /// ADDOP_NAME: a co_names operand, mangled.
    pub fn op_name(&mut self, op: Opcode, name: &Rc<str>) {
        let m = self.mangle(name);
        let i = self.add_name(m);
        self.op_i(op, i);
    }

    /// ADDOP_N on names: a co_names operand, not mangled.
    pub fn op_name_raw(&mut self, op: Opcode, name: Rc<str>) {
        let i = self.add_name(name);
        self.op_i(op, i);
    }

    /// LOAD_FAST of a parameter by slot (the comprehension's `.0`).
    pub fn load_fast_slot(&mut self, slot: u32) {
        self.op_i(Opcode::LoadFast, slot);
    }

    fn ste(&self) -> &crate::symtable::Entry {
        &self.st.entries[self.u.ste]
    }

    pub fn ste_kind(&self) -> BlockType {
        self.ste().kind
    }

    pub fn ste_is_generator(&self) -> bool {
        self.ste().generator
    }

    pub fn ste_is_coroutine(&self) -> bool {
        self.ste().coroutine
    }

    pub fn set_ste_coroutine(&mut self) {
        let id = self.u.ste;
        self.st.entries[id].coroutine = true;
    }

    /// get_ref_type
    pub fn ref_type(&self, name: &str) -> Option<Scope> {
        if self.u.scope_type == ScopeType::Class && name == "__class__" {
            return Some(Scope::Cell);
        }
        self.ste().scope_of(name)
    }

    /// forbidden_name
    pub fn check_forbidden(&self, name: &str, ctx: ast::ExprContext) -> CResult {
        if name == "__debug__" {
            match ctx {
                ast::ExprContext::Store => return Err(self.error("cannot assign to __debug__")),
                ast::ExprContext::Del => return Err(self.error("cannot delete __debug__")),
                ast::ExprContext::Load => {}
            }
        }
        Ok(())
    }

    /// compiler_nameop
    pub fn nameop(&mut self, name: &Rc<str>, ctx: ast::ExprContext) -> CResult {
        use ast::ExprContext::*;
        self.check_forbidden(name, ctx)?;
        let m = self.mangle(name);
        let is_function = self.ste_kind() == BlockType::Function;
        enum Kind {
            Fast,
            Global,
            Deref(u32),
            Name,
        }
        let kind = match self.ste().scope_of(&m) {
            Some(Scope::Free) => Kind::Deref(self.u.free_index.get(&m).copied().unwrap_or(0)),
            Some(Scope::Cell) => Kind::Deref(self.u.cell_index.get(&m).copied().unwrap_or(0)),
            Some(Scope::Local) if is_function => Kind::Fast,
            Some(Scope::GlobalImplicit) if is_function => Kind::Global,
            Some(Scope::GlobalExplicit) => Kind::Global,
            _ => Kind::Name,
        };
        match kind {
            Kind::Deref(i) => {
                let op = match ctx {
                    Load if self.ste_kind() == BlockType::Class => Opcode::LoadClassderef,
                    Load => Opcode::LoadDeref,
                    Store => Opcode::StoreDeref,
                    Del => Opcode::DeleteDeref,
                };
                self.op_i(op, i);
            }
            Kind::Fast => {
                let op = match ctx {
                    Load => Opcode::LoadFast,
                    Store => Opcode::StoreFast,
                    Del => Opcode::DeleteFast,
                };
                let i = self.add_varname(m);
                self.op_i(op, i);
            }
            Kind::Global => {
                let i = self.add_name(m);
                match ctx {
                    Load => self.op_i(Opcode::LoadGlobal, i << 1),
                    Store => self.op_i(Opcode::StoreGlobal, i),
                    Del => self.op_i(Opcode::DeleteGlobal, i),
                }
            }
            Kind::Name => {
                let op = match ctx {
                    Load => Opcode::LoadName,
                    Store => Opcode::StoreName,
                    Del => Opcode::DeleteName,
                };
                let i = self.add_name(m);
                self.op_i(op, i);
            }
        }
        Ok(())
    }

    // ----- scopes -----

    /// compiler_enter_scope
    pub fn enter_scope(&mut self, name: Rc<str>, scope_type: ScopeType, ste: EntryId, lineno: u32) -> CResult {
        let entry = &self.st.entries[ste];
        let mut u = Unit::placeholder();
        u.ste = ste;
        u.scope_type = scope_type;
        u.meta.name = name;
        u.meta.filename = self.filename.clone();
        for v in &entry.varnames {
            let i = u.meta.varnames.len() as u32;
            u.meta.varnames.push(v.clone());
            u.varname_index.insert(v.clone(), i);
        }
        let mut cells = entry.sorted_names(|s, _| s == Scope::Cell);
        if entry.needs_class_closure {
            cells = vec![Rc::from("__class__")];
        }
        for (i, n) in cells.iter().enumerate() {
            u.cell_index.insert(n.clone(), i as u32);
        }
        let frees = entry.sorted_names(|s, f| s == Scope::Free || f & crate::symtable::flags::DEF_FREE_CLASS != 0);
        for (i, n) in frees.iter().enumerate() {
            u.free_index.insert(n.clone(), (cells.len() + i) as u32);
        }
        u.meta.cellvars = cells;
        u.meta.freevars = frees;
        u.meta.firstlineno = lineno as i32;
        u.loc = Location { lineno: lineno as i32, end_lineno: lineno as i32, col_offset: 0, end_col_offset: 0 };
        let parent = std::mem::replace(&mut self.u, u);
        let is_module = scope_type == ScopeType::Module;
        if !is_module {
            self.u.private = parent.private.clone();
            self.stack.push(parent);
        }
        let b = self.new_block();
        self.u.cur = b;
        if is_module {
            self.u.loc.lineno = 0;
        } else {
            self.set_qualname();
        }
        self.op_i(Opcode::Resume, 0);
        if is_module {
            self.u.loc.lineno = -1;
        }
        Ok(())
    }

    /// compiler_set_qualname
    fn set_qualname(&mut self) {
        let name = self.u.meta.name.clone();
        let Some(parent) = self.stack.last() else {
            self.u.meta.qualname = name;
            return;
        };
        let mut force_global = false;
        if matches!(self.u.scope_type, ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Class) {
            let m = mangle(parent.private.as_deref(), &name);
            if self.st.entries[parent.ste].scope_of(&m) == Some(Scope::GlobalExplicit) {
                force_global = true;
            }
        }
        let qual = if force_global {
            name.to_string()
        } else if matches!(parent.scope_type, ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Lambda) {
            format!("{}.<locals>.{}", parent.meta.qualname, name)
        } else if parent.scope_type == ScopeType::Module {
            name.to_string()
        } else {
            format!("{}.{}", parent.meta.qualname, name)
        };
        self.u.meta.qualname = Rc::from(qual);
    }

    /// compute_code_flags
    fn code_flags(&self) -> u32 {
        let ste = self.ste();
        let mut flags = 0;
        if ste.kind == BlockType::Function {
            flags |= CodeFlags::NEWLOCALS | CodeFlags::OPTIMIZED;
            if ste.nested {
                flags |= CodeFlags::NESTED;
            }
            match (ste.generator, ste.coroutine) {
                (true, false) => flags |= CodeFlags::GENERATOR,
                (false, true) => flags |= CodeFlags::COROUTINE,
                (true, true) => flags |= CodeFlags::ASYNC_GENERATOR,
                (false, false) => {}
            }
            if ste.varargs {
                flags |= CodeFlags::VARARGS;
            }
            if ste.varkeywords {
                flags |= CodeFlags::VARKEYWORDS;
            }
        }
        flags | self.future
    }

    /// The first half of compile.c `assemble`: add the implicit return, then hand the unit to
    /// the assembler and leave the scope (compiler_exit_scope).
    pub fn finish_unit(&mut self, add_none: bool) -> CResult<Rc<CodeObject>> {
        let cur = self.u.cur.0 as usize;
        if !self.u.returns[cur] {
            self.unset_loc();
            if add_none {
                self.load_none();
            }
            self.op(Opcode::ReturnValue);
        }
        self.u.meta.flags = self.code_flags();
        if self.u.meta.qualname.is_empty() {
            self.u.meta.qualname = self.u.meta.name.clone();
        }
        let parent = self.stack.pop().unwrap_or_else(Unit::placeholder);
        let u = std::mem::replace(&mut self.u, parent);
        let cfg = Cfg { blocks: u.blocks, entry: Some(BlockId(0)) };
        let code = crate::assemble::assemble(cfg, u.meta).map_err(|e| {
            let msg = format!("internal compiler error: {}", e.0);
            syntax_error(&self.filename, self.source, msg, Loc::default())
        })?;
        Ok(Rc::new(code))
    }

    /// compiler_mod
    fn compiler_mod(&mut self, parsed: &'a Parsed) -> CResult<Rc<CodeObject>> {
        self.enter_scope(Rc::from("<module>"), ScopeType::Module, 0, 1)?;
        self.u.loc.lineno = 1;
        let add_none = match parsed {
            Parsed::Module(m) => {
                self.body(&m.body)?;
                true
            }
            Parsed::Interactive(m) => {
                if stmt::find_ann(&m.body) {
                    self.op(Opcode::SetupAnnotations);
                }
                self.visit_stmts(&m.body)?;
                true
            }
            Parsed::Expression(e) => {
                self.visit_expr(&e.body)?;
                false
            }
        };
        self.finish_unit(add_none)
    }

    /// compiler_body: docstring, annotations setup, then the statements.
    pub fn body(&mut self, stmts: &'a [Stmt]) -> CResult {
        if self.u.scope_type == ScopeType::Module {
            if let Some(first) = stmts.first() {
                self.set_loc(first.loc);
            }
        }
        if stmt::find_ann(stmts) {
            self.op(Opcode::SetupAnnotations);
        }
        let mut rest = stmts;
        if self.optimize < 2 {
            if let Some((first, tail)) = stmts.split_first() {
                if let Some(value) = docstring_expr(first) {
                    self.visit_expr(value)?;
                    self.unset_loc();
                    self.nameop(&Rc::from("__doc__"), ast::ExprContext::Store)?;
                    rest = tail;
                }
            }
        }
        self.visit_stmts(rest)
    }

    pub fn visit_stmts(&mut self, stmts: &'a [Stmt]) -> CResult {
        stmts.iter().try_for_each(|s| self.visit_stmt(s))
    }

    pub fn push_fblock(&mut self, f: FBlock<'a>) -> CResult {
        if self.u.fblocks.len() >= 20 {
            return Err(self.error("too many statically nested blocks"));
        }
        self.u.fblocks.push(f);
        Ok(())
    }

    pub fn pop_fblock(&mut self) {
        self.u.fblocks.pop();
    }
}

/// `_PyAST_GetDocString`: the first statement, if it is a string expression.
pub(crate) fn docstring_expr(s: &Stmt) -> Option<&ast::Expr> {
    match &s.kind {
        ast::StmtKind::Expr { value } => match &value.kind {
            ast::ExprKind::Constant { value: ast::ConstantValue::Str(_), .. } => Some(value),
            _ => None,
        },
        _ => None,
    }
}

/// The docstring text of a body, if any.
pub(crate) fn docstring(body: &[Stmt]) -> Option<Rc<str>> {
    let e = docstring_expr(body.first()?)?;
    match &e.kind {
        ast::ExprKind::Constant { value: ast::ConstantValue::Str(s), .. } => Some(s.clone()),
        _ => None,
    }
}
