//! Function, lambda and class definitions (compile.c `compiler_function`,
//! `compiler_lambda`, `compiler_class`): defaults, annotations, closures, decorators.

use super::consts::str_tuple;
use super::{docstring, CResult, Compiler, ScopeType};
use crate::symtable::Scope;
use krait_bytecode::{CodeFlags, CodeObject, Constant, Opcode};
use krait_syntax::ast::{self, ExprContext, ExprKind, Stmt};
use std::rc::Rc;

impl<'a> Compiler<'a> {
    /// compiler_check_debug_args
    fn check_debug_args(&self, args: &ast::Arguments) -> CResult {
        let all = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.vararg)
            .chain(&args.kwonlyargs)
            .chain(&args.kwarg);
        for a in all {
            if &*a.arg == "__debug__" {
                return Err(self.error("cannot assign to __debug__"));
            }
        }
        Ok(())
    }

    /// compiler_default_arguments: push defaults; returns the MAKE_FUNCTION flag bits.
    fn default_arguments(&mut self, args: &'a ast::Arguments) -> CResult<u32> {
        let mut flags = 0;
        if !args.defaults.is_empty() {
            for d in &args.defaults {
                self.visit_expr(d)?;
            }
            self.op_i(Opcode::BuildTuple, args.defaults.len() as u32);
            flags |= 0x01;
        }
        let mut keys = Vec::new();
        for (a, d) in args.kwonlyargs.iter().zip(&args.kw_defaults) {
            if let Some(d) = d {
                keys.push(self.mangle(&a.arg));
                self.visit_expr(d)?;
            }
        }
        if !keys.is_empty() {
            self.load_const(str_tuple(keys.iter()));
            self.op_i(Opcode::BuildConstKeyMap, keys.len() as u32);
            flags |= 0x02;
        }
        Ok(flags)
    }

    /// compiler_visit_argannotation
    fn visit_argannotation(&mut self, id: &Rc<str>, annotation: Option<&'a ast::Expr>, n: &mut u32) -> CResult {
        let Some(ann) = annotation else { return Ok(()) };
        let m = self.mangle(id);
        self.load_const(Constant::Str(m));
        if self.future & CodeFlags::FUTURE_ANNOTATIONS != 0 {
            let c = self.annotation_string(ann);
            self.load_const(c);
        } else if let ExprKind::Starred { value, .. } = &ann.kind {
            self.visit_expr(value)?;
            self.op_i(Opcode::UnpackSequence, 1);
        } else {
            self.visit_expr(ann)?;
        }
        *n += 2;
        Ok(())
    }

    /// compiler_visit_annotations: push the annotations tuple; whether one was pushed.
    fn visit_annotations(&mut self, args: &'a ast::Arguments, returns: Option<&'a ast::Expr>) -> CResult<bool> {
        let mut n = 0;
        for a in args.args.iter().chain(&args.posonlyargs) {
            self.visit_argannotation(&a.arg, a.annotation.as_deref(), &mut n)?;
        }
        if let Some(a) = &args.vararg {
            self.visit_argannotation(&a.arg, a.annotation.as_deref(), &mut n)?;
        }
        for a in &args.kwonlyargs {
            self.visit_argannotation(&a.arg, a.annotation.as_deref(), &mut n)?;
        }
        if let Some(a) = &args.kwarg {
            self.visit_argannotation(&a.arg, a.annotation.as_deref(), &mut n)?;
        }
        self.visit_argannotation(&Rc::from("return"), returns, &mut n)?;
        if n > 0 {
            self.op_i(Opcode::BuildTuple, n);
        }
        Ok(n > 0)
    }

    /// compiler_make_closure
    pub fn make_closure(&mut self, co: Rc<CodeObject>, mut flags: u32) {
        let frees = co.freevars();
        if !frees.is_empty() {
            for name in &frees {
                let arg = match self.ref_type(name) {
                    Some(Scope::Cell) => self.u.cell_index.get(name).copied(),
                    _ => self.u.free_index.get(name).copied(),
                };
                self.op_i(Opcode::LoadClosure, arg.unwrap_or(0));
            }
            flags |= 0x08;
            self.op_i(Opcode::BuildTuple, frees.len() as u32);
        }
        self.load_const(Constant::Code(co));
        self.op_i(Opcode::MakeFunction, flags);
    }

    /// compiler_apply_decorators
    fn apply_decorators(&mut self, decos: &'a [ast::Expr]) {
        let saved = self.u.loc;
        for d in decos.iter().rev() {
            self.set_loc(d.loc);
            self.op_i(Opcode::Precall, 0);
            self.op_i(Opcode::Call, 0);
        }
        self.u.loc = saved;
    }

    fn scope_of_node<T>(&self, node: &T) -> CResult<usize> {
        self.st.entry_for(node).ok_or_else(|| self.error("internal compiler error: scope not found"))
    }

    /// compiler_function
    pub fn compile_function(&mut self, s: &'a Stmt, f: &'a ast::FunctionDef, is_async: bool) -> CResult {
        self.check_debug_args(&f.args)?;
        for d in &f.decorator_list {
            self.visit_expr(d)?;
        }
        let firstlineno = f.decorator_list.first().map_or(s.loc.lineno, |d| d.loc.lineno);
        let mut funcflags = self.default_arguments(&f.args)?;
        if self.visit_annotations(&f.args, f.returns.as_deref())? {
            funcflags |= 0x04;
        }
        let ste = self.scope_of_node(s)?;
        let scope_type = if is_async { ScopeType::AsyncFunction } else { ScopeType::Function };
        self.enter_scope(f.name.clone(), scope_type, ste, firstlineno)?;
        let doc = if self.optimize < 2 { docstring(&f.body) } else { None };
        self.add_const(doc.clone().map_or(Constant::None, Constant::Str));
        self.u.meta.argcount = (f.args.posonlyargs.len() + f.args.args.len()) as u32;
        self.u.meta.posonlyargcount = f.args.posonlyargs.len() as u32;
        self.u.meta.kwonlyargcount = f.args.kwonlyargs.len() as u32;
        let body = if doc.is_some() { &f.body[1..] } else { &f.body[..] };
        self.visit_stmts(body)?;
        let co = self.finish_unit(true)?;
        self.make_closure(co, funcflags);
        self.apply_decorators(&f.decorator_list);
        self.nameop(&f.name, ExprContext::Store)
    }

    /// compiler_lambda
    pub fn compile_lambda(&mut self, e: &'a ast::Expr, args: &'a ast::Arguments, body: &'a ast::Expr) -> CResult {
        self.check_debug_args(args)?;
        let funcflags = self.default_arguments(args)?;
        let ste = self.scope_of_node(e)?;
        self.enter_scope(Rc::from("<lambda>"), ScopeType::Lambda, ste, e.loc.lineno)?;
        self.add_const(Constant::None);
        self.u.meta.argcount = (args.posonlyargs.len() + args.args.len()) as u32;
        self.u.meta.posonlyargcount = args.posonlyargs.len() as u32;
        self.u.meta.kwonlyargcount = args.kwonlyargs.len() as u32;
        self.visit_expr(body)?;
        let co = if self.ste_is_generator() {
            self.finish_unit(false)?
        } else {
            self.op(Opcode::ReturnValue);
            self.finish_unit(true)?
        };
        self.make_closure(co, funcflags);
        Ok(())
    }

    /// compiler_class
    pub fn compile_class(&mut self, s: &'a Stmt, c: &'a ast::ClassDef) -> CResult {
        for d in &c.decorator_list {
            self.visit_expr(d)?;
        }
        let firstlineno = c.decorator_list.first().map_or(s.loc.lineno, |d| d.loc.lineno);
        let ste = self.scope_of_node(s)?;
        self.enter_scope(c.name.clone(), ScopeType::Class, ste, firstlineno)?;
        self.u.private = Some(c.name.clone());
        self.nameop(&Rc::from("__name__"), ExprContext::Load)?;
        self.nameop(&Rc::from("__module__"), ExprContext::Store)?;
        let q = self.u.meta.qualname.clone();
        self.load_const(Constant::Str(q));
        self.nameop(&Rc::from("__qualname__"), ExprContext::Store)?;
        self.body(&c.body)?;
        self.unset_loc();
        if self.st.entries[self.u.ste].needs_class_closure {
            self.op_i(Opcode::LoadClosure, 0);
            self.op_i(Opcode::Copy, 1);
            self.nameop(&Rc::from("__classcell__"), ExprContext::Store)?;
        } else {
            self.load_none();
        }
        self.op(Opcode::ReturnValue);
        let co = self.finish_unit(true)?;
        self.op(Opcode::PushNull);
        self.op(Opcode::LoadBuildClass);
        self.make_closure(co, 0);
        self.load_const(Constant::Str(c.name.clone()));
        self.call_helper(2, &c.bases, &c.keywords)?;
        self.apply_decorators(&c.decorator_list);
        self.nameop(&c.name, ExprContext::Store)
    }
}
