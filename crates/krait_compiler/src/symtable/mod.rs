//! The symbol table (CPython 3.11's `symtable.c`): one scope per module, class, function,
//! lambda and comprehension, with every name's flags and resolved scope.
//!
//! Built in two passes as CPython does: [`builder`] walks the AST recording definitions and
//! uses, [`analyze`] resolves each name to local/global/free/cell.

mod analyze;
mod builder;

use crate::mangle;
use crate::FastIndexMap as IndexMap;
use krait_syntax::ast;
use krait_syntax::SyntaxError;
use hashbrown::HashMap;
use std::rc::Rc;

/// Symbol flags (CPython's `DEF_*`, `USE`).
pub(crate) mod flags {
    pub const DEF_GLOBAL: u32 = 1;
    pub const DEF_LOCAL: u32 = 2;
    pub const DEF_PARAM: u32 = 4;
    pub const DEF_NONLOCAL: u32 = 8;
    pub const USE: u32 = 16;
    pub const DEF_FREE_CLASS: u32 = 64;
    pub const DEF_IMPORT: u32 = 128;
    pub const DEF_ANNOT: u32 = 256;
    pub const DEF_COMP_ITER: u32 = 512;
    pub const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;
}

/// The resolved scope of a name (CPython's `LOCAL`, `GLOBAL_EXPLICIT`, …).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Scope {
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

/// CPython's `_Py_block_ty`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum BlockType {
    Function,
    Class,
    Module,
}

/// CPython's `_Py_comprehension_ty`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Comprehension {
    None,
    List,
    Set,
    Dict,
    Generator,
}

/// Index of a scope in [`SymbolTable::entries`].
pub(crate) type EntryId = usize;

/// One scope (CPython's `PySTEntryObject`).
#[derive(Debug)]
pub(crate) struct Entry {
    pub kind: BlockType,
    /// Name → flags, in first-seen order.
    pub symbols: IndexMap<Rc<str>, u32>,
    /// Resolved scope per name (filled by the analysis).
    pub scopes: HashMap<Rc<str>, Scope>,
    /// Parameters in order.
    pub varnames: Vec<Rc<str>>,
    pub children: Vec<EntryId>,
    /// Location of each `global`/`nonlocal` directive, for error messages.
    pub directives: HashMap<Rc<str>, ast::Loc>,
    pub loc: ast::Loc,
    pub nested: bool,
    pub free: bool,
    pub child_free: bool,
    pub generator: bool,
    pub coroutine: bool,
    pub comprehension: Comprehension,
    pub varargs: bool,
    pub varkeywords: bool,
    pub returns_value: bool,
    pub needs_class_closure: bool,
    pub comp_iter_target: bool,
    pub comp_iter_expr: u32,
}

impl Entry {
    /// `_PyST_GetScope`: the resolved scope of `name`, if the name is known here.
    pub fn scope_of(&self, name: &str) -> Option<Scope> {
        self.scopes.get(name).copied()
    }

    /// `_PyST_GetSymbol`: the flags of `name` (0 if unknown).
    pub fn flags_of(&self, name: &str) -> u32 {
        self.symbols.get(name).copied().unwrap_or(0)
    }

    /// Names with the given resolved scope, sorted (CPython's `dictbytype` order).
    pub fn sorted_names(&self, pred: impl Fn(Scope, u32) -> bool) -> Vec<Rc<str>> {
        let mut v: Vec<Rc<str>> = self
            .symbols
            .iter()
            .filter(|(n, &f)| self.scopes.get(*n).is_some_and(|&s| pred(s, f)))
            .map(|(n, _)| n.clone())
            .collect();
        v.sort();
        v
    }
}

/// The whole table of one compilation.
#[derive(Debug)]
pub(crate) struct SymbolTable {
    pub entries: Vec<Entry>,
    /// AST node address → its scope (CPython keys blocks by node pointer).
    by_node: HashMap<usize, EntryId>,
}

/// The address of an AST node, used as the key of its scope.
pub(crate) fn node_key<T>(node: &T) -> usize {
    node as *const T as usize
}

impl SymbolTable {
    /// `_PySymtable_Build`.
    pub fn build(
        module: &[ast::Stmt],
        expr: Option<&ast::Expr>,
        filename: &str,
        source: &str,
        future_annotations: bool,
    ) -> Result<SymbolTable, SyntaxError> {
        let mut b = builder::Builder::new(filename, source, future_annotations);
        b.run(module, expr)?;
        let mut table = SymbolTable { entries: b.entries, by_node: b.by_node };
        analyze::analyze(&mut table, filename, source)?;
        Ok(table)
    }

    pub fn top(&self) -> &Entry {
        &self.entries[0]
    }

    pub fn entry_for<T>(&self, node: &T) -> Option<EntryId> {
        self.by_node.get(&node_key(node)).copied()
    }

    /// Whether a name is bound by an `import` in the module's top scope
    /// (compile.c `is_import_originated`).
    pub fn top_imports(&self, name: &str) -> bool {
        self.top().flags_of(name) & flags::DEF_IMPORT != 0
    }
}

/// Name mangling applied to a name as the symbol table sees it.
pub(crate) fn mangled(private: &Option<Rc<str>>, name: &Rc<str>) -> Rc<str> {
    mangle(private.as_deref(), name)
}
