//! The second symbol-table pass: resolve every name to local, global, free or cell
//! (symtable.c `symtable_analyze`, `analyze_block`, `analyze_name`, `update_symbols`).

use super::flags::*;
use super::{BlockType, EntryId, Scope, SymbolTable};
use crate::syntax_error;
use krait_syntax::SyntaxError;
use hashbrown::HashSet;
use std::rc::Rc;

type Names = HashSet<Rc<str>>;

struct Ctx<'a> {
    filename: &'a str,
    source: &'a str,
}

/// symtable_analyze
pub(super) fn analyze(t: &mut SymbolTable, filename: &str, source: &str) -> Result<(), SyntaxError> {
    let ctx = Ctx { filename, source };
    let mut free = Names::new();
    let mut global = Names::new();
    analyze_block(t, &ctx, 0, None, &mut free, &mut global)
}

fn directive_error(t: &SymbolTable, ctx: &Ctx, id: EntryId, name: &Rc<str>, msg: String) -> SyntaxError {
    let ste = &t.entries[id];
    let loc = ste.directives.get(name).copied().unwrap_or(ste.loc);
    syntax_error(ctx.filename, ctx.source, msg, loc)
}

/// analyze_name
#[allow(clippy::too_many_arguments)]
fn analyze_name(
    t: &mut SymbolTable,
    ctx: &Ctx,
    id: EntryId,
    name: &Rc<str>,
    flags: u32,
    bound: Option<&mut Names>,
    local: &mut Names,
    free: &mut Names,
    global: &mut Names,
) -> Result<Scope, SyntaxError> {
    if flags & DEF_GLOBAL != 0 {
        if flags & DEF_NONLOCAL != 0 {
            return Err(directive_error(t, ctx, id, name, format!("name '{name}' is nonlocal and global")));
        }
        global.insert(name.clone());
        if let Some(b) = bound {
            b.remove(name);
        }
        return Ok(Scope::GlobalExplicit);
    }
    if flags & DEF_NONLOCAL != 0 {
        let Some(bound) = bound else {
            return Err(directive_error(
                t,
                ctx,
                id,
                name,
                "nonlocal declaration not allowed at module level".into(),
            ));
        };
        if !bound.contains(name) {
            return Err(directive_error(t, ctx, id, name, format!("no binding for nonlocal '{name}' found")));
        }
        t.entries[id].free = true;
        free.insert(name.clone());
        return Ok(Scope::Free);
    }
    if flags & DEF_BOUND != 0 {
        local.insert(name.clone());
        global.remove(name);
        return Ok(Scope::Local);
    }
    if bound.as_ref().is_some_and(|b| b.contains(name)) {
        t.entries[id].free = true;
        free.insert(name.clone());
        return Ok(Scope::Free);
    }
    if global.contains(name) {
        return Ok(Scope::GlobalImplicit);
    }
    if t.entries[id].nested {
        t.entries[id].free = true;
    }
    Ok(Scope::GlobalImplicit)
}

/// analyze_block
fn analyze_block(
    t: &mut SymbolTable,
    ctx: &Ctx,
    id: EntryId,
    mut bound: Option<&mut Names>,
    free: &mut Names,
    global: &mut Names,
) -> Result<(), SyntaxError> {
    let kind = t.entries[id].kind;
    let mut local = Names::new();
    let mut newglobal = Names::new();
    let mut newfree = Names::new();
    let mut newbound = Names::new();
    if kind == BlockType::Class {
        newglobal.extend(global.iter().cloned());
        if let Some(b) = bound.as_deref() {
            newbound.extend(b.iter().cloned());
        }
    }
    let symbols: Vec<(Rc<str>, u32)> = t.entries[id].symbols.iter().map(|(k, v)| (k.clone(), *v)).collect();
    let mut scopes = Vec::with_capacity(symbols.len());
    for (name, flags) in &symbols {
        let s = analyze_name(t, ctx, id, name, *flags, bound.as_deref_mut(), &mut local, free, global)?;
        scopes.push((name.clone(), s));
    }
    if kind != BlockType::Class {
        if kind == BlockType::Function {
            newbound.extend(local.iter().cloned());
        }
        if let Some(b) = bound.as_deref() {
            newbound.extend(b.iter().cloned());
        }
        newglobal.extend(global.iter().cloned());
    } else {
        newbound.insert(Rc::from("__class__"));
    }
    let mut allfree = Names::new();
    let children = t.entries[id].children.clone();
    for c in children {
        // analyze_child_block: the child works on copies of the sets.
        let mut temp_bound = newbound.clone();
        let mut temp_free = newfree.clone();
        let mut temp_global = newglobal.clone();
        analyze_block(t, ctx, c, Some(&mut temp_bound), &mut temp_free, &mut temp_global)?;
        allfree.extend(temp_free);
        if t.entries[c].free || t.entries[c].child_free {
            t.entries[id].child_free = true;
        }
    }
    newfree.extend(allfree);
    if kind == BlockType::Function {
        // analyze_cells
        for (name, s) in scopes.iter_mut() {
            if *s == Scope::Local && newfree.remove(name) {
                *s = Scope::Cell;
            }
        }
    } else if kind == BlockType::Class && newfree.remove("__class__") {
        // drop_class_free
        t.entries[id].needs_class_closure = true;
    }
    // update_symbols
    let ste = &mut t.entries[id];
    for (name, s) in scopes {
        ste.scopes.insert(name, s);
    }
    let mut newly_free: Vec<&Rc<str>> = newfree.iter().collect();
    newly_free.sort();
    for name in newly_free {
        if let Some(f) = ste.symbols.get_mut(name) {
            if kind == BlockType::Class && *f & (DEF_BOUND | DEF_GLOBAL) != 0 {
                *f |= DEF_FREE_CLASS;
            }
            continue;
        }
        if bound.as_ref().is_some_and(|b| !b.contains(name)) {
            continue;
        }
        ste.symbols.insert(name.clone(), 0);
        ste.scopes.insert(name.clone(), Scope::Free);
    }
    free.extend(newfree);
    Ok(())
}
