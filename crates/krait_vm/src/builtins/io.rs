//! Console builtins: print and input, both going through `sys.stdout`/`sys.stdin` so
//! reassigning those works; the process's own streams take a fast path.

use super::file;
use crate::object::{Payload, Value};
use crate::types::methods::{method, MethodDef};
use crate::vm::{PyResult, Vm};

pub const FUNCTIONS: &[MethodDef] = &[
    method("print", "(*args, sep=None, end=None, file=None, flush=False)", print),
    method("input", "(prompt=?, /)", input),
];

/// `sys.<name>`, or `None` if sys lacks it.
pub fn sys_attr(vm: &mut Vm, name: &str) -> Value {
    let key = vm.intern(name);
    let d = vm.sys.dict.borrow().clone();
    let Some(d) = d else { return Value::None };
    let hash = vm.hash(&Value::Obj(key.clone())).unwrap_or(0);
    crate::types::dict_ops::get_str(vm, &d, &key, hash).unwrap_or(Value::None)
}

/// The text of `sep`/`end`: None gives the default; anything but str is a TypeError.
fn sep_arg(vm: &mut Vm, v: &Value, default: &str, what: &str) -> PyResult<String> {
    match v {
        Value::None => Ok(default.to_string()),
        Value::Obj(o) if o.as_str().is_some() => Ok(vm.str_of(v).to_string()),
        other => {
            let n = vm.type_name(other);
            Err(vm.new_type_error(format!("{what} must be None or a string, not {n}")))
        }
    }
}

fn str_text(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let s = vm.str(v)?;
    Ok(match &s.payload {
        Payload::Str(s) => s.as_str().to_string(),
        _ => String::new(),
    })
}

/// builtin_print: `str()` of each argument written to `file` (default `sys.stdout`)
/// with `sep` between and `end` after; one write per piece for other file objects.
fn print(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let sep = sep_arg(vm, &a[1], " ", "sep")?;
    let end = sep_arg(vm, &a[2], "\n", "end")?;
    let target = if a[3].is_none() { sys_attr(vm, "stdout") } else { a[3].clone() };
    if target.is_none() {
        return Ok(Value::None);
    }
    let items = super::tuple_items(&a[0]).to_vec();
    if file::is_stdout(&target) {
        let mut out = String::new();
        // From the first piece holding a lone surrogate on: the ranges of the pieces, which are
        // then written one by one as sys.stdout would (surrogateescape), so an error comes at
        // the same point and with the same position as in CPython.
        let mut slow: Option<Vec<(usize, usize)>> = None;
        let push = |out: &mut String, slow: &mut Option<Vec<(usize, usize)>>, piece: &str| {
            let start = out.len();
            out.push_str(piece);
            if slow.is_some() || (!piece.is_ascii() && krait_bytecode::surrogate::has_surrogates(piece)) {
                slow.get_or_insert_with(Vec::new).push((start, out.len()));
            }
        };
        for (i, it) in items.iter().enumerate() {
            if i > 0 {
                push(&mut out, &mut slow, &sep);
            }
            match it {
                Value::Obj(o) if o.as_str().is_some() && vm.is_exact(o, &vm.types.str) => push(&mut out, &mut slow, o.as_str().map(|s| s.as_str()).unwrap_or("")),
                _ => {
                    let t = str_text(vm, it)?;
                    push(&mut out, &mut slow, &t);
                }
            }
        }
        push(&mut out, &mut slow, &end);
        let ranges = slow.unwrap_or_default();
        let plain = ranges.first().map_or(out.len(), |r| r.0);
        if let Err(e) = super::stdio::write_stdout(&out.as_bytes()[..plain]) {
            return Err(file::os_error(vm, &e, None));
        }
        for (a, b) in ranges {
            let bytes = crate::types::bytes::codec::encode_with(vm, crate::types::bytes::codec::Codec::Utf8, &out[a..b], "surrogateescape")?;
            if let Err(e) = super::stdio::write_stdout(&bytes) {
                return Err(file::os_error(vm, &e, None));
            }
        }
    } else {
        let write = vm.get_attr_str(&target, "write")?;
        for (i, it) in items.iter().enumerate() {
            if i > 0 {
                let s = vm.new_str(&sep);
                vm.call_positional(&write, &[s])?;
            }
            let s = vm.str(it)?;
            vm.call_positional(&write, &[Value::Obj(s)])?;
        }
        let e = vm.new_str(&end);
        vm.call_positional(&write, &[e])?;
    }
    if vm.is_true(&a[4])? {
        vm.call_method(&target, "flush", &[])?;
    }
    Ok(Value::None)
}

/// builtin_input: write the prompt to `sys.stdout`, flush it, read a line from
/// `sys.stdin` without its newline; EOFError at end of input.
fn input(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let stdin = sys_attr(vm, "stdin");
    let stdout = sys_attr(vm, "stdout");
    if stdin.is_none() {
        return Err(vm.new_runtime_error("input(): lost sys.stdin"));
    }
    if stdout.is_none() {
        return Err(vm.new_runtime_error("input(): lost sys.stdout"));
    }
    let stderr = sys_attr(vm, "stderr");
    if !stderr.is_none() {
        if let Ok(f) = vm.get_attr_str(&stderr, "flush") {
            vm.call_positional(&f, &[])?;
        }
    }
    if !a[0].is_null() {
        let p = vm.str(&a[0])?;
        vm.call_method(&stdout, "write", &[Value::Obj(p)])?;
    }
    vm.call_method(&stdout, "flush", &[])?;
    let line = vm.call_method(&stdin, "readline", &[])?;
    let text = match line.as_obj().and_then(|o| o.as_str()) {
        Some(s) => s.as_str().to_string(),
        None => {
            let n = vm.type_name(&line);
            return Err(vm.new_type_error(format!("object.readline() returned non-string (type {n})")));
        }
    };
    if text.is_empty() {
        return Err(vm.new_eof_error("EOF when reading a line"));
    }
    let text = text.strip_suffix('\n').unwrap_or(&text);
    Ok(vm.new_str(text))
}
