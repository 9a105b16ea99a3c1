//! Entering Python code: binding call arguments into a new frame (CPython's
//! `initialize_locals`), and running module code.

use super::code::Code;
use super::frame::Frame;
use crate::object::{Args, Payload, PyRef, Value};
use crate::vm::{PyResult, Vm};
use krait_bytecode::CodeFlags;
use std::rc::Rc;

/// Build the frame for calling `func` with `args` (arguments bound, cells created).
pub fn make_frame(vm: &mut Vm, func: &PyRef, args: Args<'_>) -> PyResult<Box<Frame>> {
    let Payload::Function(f) = &func.payload else { unreachable!("make_frame on a non-function") };
    let code = f.code.borrow().clone();
    let mut frame = vm.new_frame(&code, &f.globals, &f.builtins, Value::Null);
    frame.func = Value::Obj(func.clone());
    let raw = &code.raw;
    let simple = raw.flags & (CodeFlags::VARARGS | CodeFlags::VARKEYWORDS) == 0 && raw.kwonlyargcount == 0;
    if simple && args.kwnames.is_empty() && args.args.len() == raw.argcount as usize {
        // The common case: exactly the positional parameters.
        frame.slots[..args.args.len()].clone_from_slice(args.args);
    } else if let Err(e) = bind_arguments(vm, f, &code, args, &mut frame.slots) {
        vm.recycle_frame(frame);
        return Err(e);
    }
    if let Some(closure) = &f.closure {
        let nfree = closure.len();
        let n = code.nlocalsplus();
        for (i, cell) in closure.iter().enumerate() {
            frame.slots[n - nfree + i] = Value::Obj(cell.clone());
        }
    }
    Ok(frame)
}

/// CALL of a Python function with only positional arguments, no more than its positional
/// parameters and enough to leave only defaulted ones missing (no `*args`/`**kwargs`/
/// keyword-only parameters): CPython's CALL_PY_EXACT_ARGS / CALL_PY_WITH_DEFAULTS. The
/// callable is `slots[func_at]` (moved into the frame's `func`), the arguments the
/// `argc` slots after it (moved into the frame); the caller's stack is then cut to
/// `bottom`. `None` (nothing moved) when the call is not of that shape.
#[inline]
pub fn fast_call_frame(vm: &mut Vm, caller: &mut Frame, func_at: usize, argc: usize, bottom: usize) -> Option<Box<Frame>> {
    let Value::Obj(func) = &caller.slots[func_at] else { return None };
    let Payload::Function(f) = &func.payload else { return None };
    let mut frame = {
        let code = f.code.borrow();
        let raw = &code.raw;
        let argcount = raw.argcount as usize;
        let simple = raw.flags & (CodeFlags::VARARGS | CodeFlags::VARKEYWORDS) == 0 && raw.kwonlyargcount == 0;
        if !simple || argc > argcount {
            return None;
        }
        if argc < argcount {
            let defaults = f.defaults.borrow();
            let ndefaults = defaults.as_obj().and_then(|d| d.as_tuple()).map_or(0, <[Value]>::len);
            if argc + ndefaults < argcount {
                return None;
            }
        }
        vm.new_frame(&code, &f.globals, &f.builtins, Value::Null)
    };
    let argcount = frame.code.raw.argcount as usize;
    if argc < argcount {
        let defaults = f.defaults.borrow();
        let defs = defaults.as_obj().and_then(|d| d.as_tuple()).unwrap_or(&[]);
        let first = argcount - defs.len();
        for (k, slot) in frame.slots[argc..argcount].iter_mut().enumerate() {
            *slot = defs[argc + k - first].clone();
        }
    }
    if let Some(closure) = &f.closure {
        let n = frame.code.nlocalsplus();
        let nfree = closure.len();
        for (i, cell) in closure.iter().enumerate() {
            frame.slots[n - nfree + i] = Value::Obj(cell.clone());
        }
    }
    for (dst, src) in frame.slots[..argc].iter_mut().zip(&mut caller.slots[func_at + 1..func_at + 1 + argc]) {
        *dst = std::mem::take(src);
    }
    frame.func = std::mem::take(&mut caller.slots[func_at]);
    caller.drop_top(caller.sp - bottom);
    Some(frame)
}

fn bind_arguments(vm: &mut Vm, f: &crate::types::function::Function, code: &Code, args: Args<'_>, slots: &mut [Value]) -> PyResult<()> {
    let raw = &code.raw;
    let argcount = raw.argcount as usize;
    let posonly = raw.posonlyargcount as usize;
    let kwonly = raw.kwonlyargcount as usize;
    let has_varargs = raw.flags & CodeFlags::VARARGS != 0;
    let has_varkw = raw.flags & CodeFlags::VARKEYWORDS != 0;
    let pos = args.pos();
    let fname = vm.str_of(&f.qualname.borrow());
    let n = pos.len().min(argcount);
    slots[..n].clone_from_slice(&pos[..n]);
    let varargs_index = argcount + kwonly;
    let varkw_index = varargs_index + has_varargs as usize;
    if has_varargs {
        let rest = if pos.len() > argcount { pos[argcount..].to_vec() } else { Vec::new() };
        slots[varargs_index] = vm.new_tuple(rest);
    } else if pos.len() > argcount {
        // too_many_positional: keyword-only arguments passed are mentioned too.
        let ndefaults = tuple_len(&f.defaults.borrow());
        let kwonly_names = &code.localsplusnames[argcount..argcount + kwonly];
        let kwonly_given = args.kwnames.iter().filter(|k| kwonly_names.iter().any(|n| n.as_str().is_some_and(|n| Some(n.as_str()) == k.as_obj().and_then(|o| o.as_str()).map(|s| s.as_str())))).count();
        let sig = if ndefaults > 0 { format!("from {} to {argcount}", argcount - ndefaults) } else { argcount.to_string() };
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        let kwonly_sig = if kwonly_given > 0 { format!(" positional argument{} (and {kwonly_given} keyword-only argument{})", plural(pos.len()), plural(kwonly_given)) } else { String::new() };
        let verb = if pos.len() == 1 && kwonly_given == 0 { "was" } else { "were" };
        let msg = format!("{fname}() takes {sig} positional argument{} but {}{kwonly_sig} {verb} given", plural(argcount), pos.len());
        return Err(vm.new_type_error(msg));
    }
    let kwdict = if has_varkw {
        let d = vm.new_dict_ref();
        slots[varkw_index] = Value::Obj(d.clone());
        Some(d)
    } else {
        None
    };
    for (name, value) in args.kwnames.iter().zip(args.kwvalues()) {
        let key = vm.str_of(name);
        let idx = code.localsplusnames[posonly..argcount + kwonly].iter().position(|n| n.as_str().is_some_and(|s| s.as_str() == &*key)).map(|i| i + posonly);
        match idx {
            Some(i) => {
                if !slots[i].is_null() {
                    return Err(vm.new_type_error(format!("{fname}() got multiple values for argument '{key}'")));
                }
                slots[i] = value.clone();
            }
            None => match &kwdict {
                Some(d) => vm.dict_set_item(d, name.clone(), value.clone())?,
                None => {
                    // positional_only_passed_as_keyword: every such keyword, in call order.
                    let passed: Vec<String> = args.kwnames.iter().map(|k| vm.str_of(k).to_string()).filter(|k| code.localsplusnames[..posonly].iter().any(|n| n.as_str().is_some_and(|s| s.as_str() == k))).collect();
                    let msg = if !passed.is_empty() {
                        format!("{fname}() got some positional-only arguments passed as keyword arguments: '{}'", passed.join(", "))
                    } else {
                        format!("{fname}() got an unexpected keyword argument '{key}'")
                    };
                    return Err(vm.new_type_error(msg));
                }
            },
        }
    }
    // Defaults for missing positional parameters.
    if n < argcount {
        let defaults = f.defaults.borrow().clone();
        let defs: Vec<Value> = defaults.as_obj().and_then(|o| o.as_tuple()).map(|t| t.to_vec()).unwrap_or_default();
        let first_default = argcount - defs.len();
        let mut missing = Vec::new();
        for i in n..argcount {
            if slots[i].is_null() {
                if i >= first_default {
                    slots[i] = defs[i - first_default].clone();
                } else {
                    missing.push(code.localsplusnames[i].clone());
                }
            }
        }
        if !missing.is_empty() {
            return Err(missing_error(vm, &fname, &missing, "positional"));
        }
    }
    if kwonly > 0 {
        let kwdefaults = f.kwdefaults.borrow().clone();
        let mut missing = Vec::new();
        for i in argcount..argcount + kwonly {
            if slots[i].is_null() {
                let name = code.localsplusnames[i].clone();
                let d = match kwdefaults.as_obj() {
                    Some(d) if d.as_dict().is_some() => crate::types::dict_ops::get_item(vm, d, &Value::Obj(name.clone()))?,
                    _ => None,
                };
                match d {
                    Some(v) => slots[i] = v,
                    None => missing.push(name),
                }
            }
        }
        if !missing.is_empty() {
            return Err(missing_error(vm, &fname, &missing, "keyword-only"));
        }
    }
    Ok(())
}

fn tuple_len(v: &Value) -> usize {
    v.as_obj().and_then(|o| o.as_tuple()).map_or(0, |t| t.len())
}

/// "f() missing 2 required positional arguments: 'a' and 'b'".
fn missing_error(vm: &mut Vm, fname: &str, missing: &[PyRef], kind: &str) -> crate::vm::PyErr {
    let names: Vec<String> = missing.iter().map(|n| format!("'{}'", n.as_str().map(|s| s.as_str()).unwrap_or(""))).collect();
    let list = match names.len() {
        1 => names[0].clone(),
        2 => format!("{} and {}", names[0], names[1]),
        _ => format!("{}, and {}", names[..names.len() - 1].join(", "), names[names.len() - 1]),
    };
    let s = if names.len() == 1 { "" } else { "s" };
    vm.new_type_error(format!("{fname}() missing {} required {kind} argument{s}: {list}", names.len()))
}

/// Run module-level (or exec'd) code with the given globals and locals mapping.
pub fn run_code(vm: &mut Vm, code: Rc<Code>, globals: PyRef, locals: Value) -> PyResult<Value> {
    let builtins = vm.builtins_dict.clone();
    let frame = Box::new(Frame::new(code, globals, builtins, locals));
    super::eval::run_frame(vm, frame)
}
