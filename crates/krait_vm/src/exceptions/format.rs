//! Printing an exception as CPython 3.11's default excepthook does (pythonrun.c's
//! `print_exception_recursive` / `print_exception` and traceback.c's
//! `tb_printinternal`): the chain of causes and contexts, each with its traceback
//! (source lines and carets), the `Type: message` line, suggestions and notes.

use super::carets::{caret_line, Span};
use super::source::SourceCache;
use super::traceback::{entries, location, traceback_of};
use super::{data, suggestions};
use crate::object::{PyRef, Value};
use crate::vm::Vm;

const CAUSE_MESSAGE: &str = "\nThe above exception was the direct cause of the following exception:\n\n";
const CONTEXT_MESSAGE: &str = "\nDuring handling of the above exception, another exception occurred:\n\n";
/// Identical consecutive traceback lines beyond this many are summarised.
const RECURSIVE_CUTOFF: usize = 3;
/// `sys.tracebacklimit`'s default.
const DEFAULT_LIMIT: usize = 1000;

/// The full report CPython prints for an uncaught exception `exc`.
pub fn format_exception(vm: &mut Vm, exc: &PyRef) -> String {
    let mut out = String::new();
    let mut seen = Vec::new();
    let mut sources = SourceCache::default();
    print_recursive(vm, &mut out, &mut sources, &Value::Obj(exc.clone()), &mut seen);
    out
}

// print_exception_recursive
fn print_recursive(vm: &mut Vm, out: &mut String, sources: &mut SourceCache, value: &Value, seen: &mut Vec<usize>) {
    if let Some(o) = value.as_obj() {
        seen.push(o.addr());
    }
    if let Some(d) = data(value) {
        let cause = d.cause.borrow().clone();
        let context = d.context.borrow().clone();
        let unseen = |v: &Value| v.as_obj().is_some_and(|o| !seen.contains(&o.addr()));
        if !cause.is_none() {
            if unseen(&cause) {
                print_recursive(vm, out, sources, &cause, seen);
                out.push_str(CAUSE_MESSAGE);
            }
        } else if !context.is_none() && !d.suppress_context.get() && unseen(&context) {
            print_recursive(vm, out, sources, &context, seen);
            out.push_str(CONTEXT_MESSAGE);
        }
    }
    print_exception(vm, out, sources, value);
}

// print_exception
fn print_exception(vm: &mut Vm, out: &mut String, sources: &mut SourceCache, value: &Value) {
    let Some(d) = data(value) else {
        let n = vm.type_name(value);
        out.push_str(&format!("TypeError: print_exception(): Exception expected for value, {n} found\n"));
        return;
    };
    let tb = d.traceback.borrow().clone();
    if !tb.is_none() {
        out.push_str("Traceback (most recent call last):\n");
        print_traceback(out, sources, &tb);
    }
    let mut message = value.clone();
    let key = vm.intern("print_file_and_line");
    if matches!(vm.get_attr_opt(value, &key), Ok(Some(_))) {
        if let Some(m) = print_file_and_line(vm, out, value) {
            message = m;
        }
    }
    let ty = vm.type_of(value);
    let module = vm.type_module_name(&ty);
    if let Some(m) = module.filter(|m| m != "builtins" && m != "__main__") {
        out.push_str(&m);
        out.push('.');
    }
    out.push_str(&ty.as_type().map(|t| t.qualname.borrow().clone()).unwrap_or_default());
    match vm.str(&message) {
        Ok(s) => {
            let s = s.as_str().map(|s| s.as_str().to_string()).unwrap_or_default();
            if !s.is_empty() {
                out.push_str(": ");
                out.push_str(&s);
            }
        }
        Err(_) => out.push_str(": <exception str() failed>"),
    }
    if let Some(s) = suggestions::offer(vm, value) {
        out.push_str(&format!(". Did you mean: '{s}'?"));
    }
    out.push('\n');
    print_notes(vm, out, value);
}

// print_exception_notes
fn print_notes(vm: &mut Vm, out: &mut String, value: &Value) {
    let key = vm.intern("__notes__");
    let Ok(Some(notes)) = vm.get_attr_opt(value, &key) else { return };
    let items = match notes.as_obj() {
        Some(o) if o.as_list().is_some() => o.as_list().map(|l| l.borrow().clone()),
        Some(o) if o.as_tuple().is_some() => o.as_tuple().map(|t| t.to_vec()),
        _ => None,
    };
    let Some(items) = items else {
        match vm.repr(&notes) {
            Ok(r) => out.push_str(r.as_str().map(|s| s.as_str()).unwrap_or("")),
            Err(_) => out.push_str("<__notes__ repr() failed>"),
        }
        out.push('\n');
        return;
    };
    for note in items {
        match vm.str(&note) {
            Ok(s) => out.push_str(s.as_str().map(|s| s.as_str()).unwrap_or("")),
            Err(_) => out.push_str("<note str() failed>"),
        }
        out.push('\n');
    }
}

// tb_printinternal (with the default limit) and tb_displayline
fn print_traceback(out: &mut String, sources: &mut SourceCache, tb: &Value) {
    let all = entries(tb);
    let skip = all.len().saturating_sub(DEFAULT_LIMIT);
    let mut last: Option<(String, i32, String)> = None;
    let mut count = 0;
    for entry in &all[skip..] {
        let Some(t) = traceback_of(entry) else { continue };
        let Some(frame) = t.frame_info() else { continue };
        let (filename, name) = (frame.code.raw.filename.to_string(), frame.code.raw.name.to_string());
        let lineno = t.lineno();
        let key = (filename.clone(), lineno, name.clone());
        if last.as_ref() != Some(&key) || lineno == -1 {
            if count > RECURSIVE_CUTOFF {
                print_repeated(out, count);
            }
            last = Some(key);
            count = 0;
        }
        count += 1;
        if count > RECURSIVE_CUTOFF {
            continue;
        }
        out.push_str(&format!("  File \"{filename}\", line {lineno}, in {name}\n"));
        let Some(line) = sources.line(&filename, lineno) else { continue };
        let stripped = line.trim_start_matches([' ', '\t', '\x0c']);
        out.push_str("    ");
        out.push_str(stripped);
        out.push('\n');
        let loc = location(&frame.code, t.lasti);
        let span = Span {
            start_line: loc.line.unwrap_or(-1),
            end_line: loc.end_line.unwrap_or(-1),
            start_col: loc.col.unwrap_or(-1),
            end_col: loc.end_col.unwrap_or(-1),
        };
        if let Some(c) = caret_line(&line, span) {
            out.push_str(&c);
            out.push('\n');
        }
    }
    if count > RECURSIVE_CUTOFF {
        print_repeated(out, count);
    }
}

// tb_print_line_repeated
fn print_repeated(out: &mut String, count: usize) {
    let n = count - RECURSIVE_CUTOFF;
    out.push_str(&format!("  [Previous line repeated {n} more time{}]\n", if n > 1 { "s" } else { "" }));
}

/// An integer attribute for `parse_syntax_error` (None → `none`).
fn int_attr(vm: &mut Vm, v: &Value, name: &str, none: i64) -> Option<i64> {
    match vm.get_attr_str(v, name).ok()? {
        Value::None => Some(none),
        Value::Int(n) => Some(n),
        Value::Bool(b) => Some(b as i64),
        _ => None,
    }
}

/// print_exception_file_and_line: the `File "f", line N` header, the text and the
/// caret line of a SyntaxError; returns the message to print after the type name.
fn print_file_and_line(vm: &mut Vm, out: &mut String, value: &Value) -> Option<Value> {
    // parse_syntax_error
    let message = vm.get_attr_str(value, "msg").ok()?;
    let filename = vm.get_attr_str(value, "filename").ok()?;
    let filename = if filename.is_none() { "<string>".to_string() } else { vm.str(&filename).ok()?.as_str().map(|s| s.as_str().to_string())? };
    let lineno = match vm.get_attr_str(value, "lineno").ok()? {
        Value::Int(n) => n,
        Value::Bool(b) => b as i64,
        _ => return None,
    };
    let offset = int_attr(vm, value, "offset", -1)?;
    let exact = vm.type_of(value).is(&vm.exc.syntax_error);
    let (end_lineno, mut end_offset) = if exact {
        (int_attr(vm, value, "end_lineno", lineno).unwrap_or(lineno), int_attr(vm, value, "end_offset", -1).unwrap_or(-1))
    } else {
        (lineno, -1)
    };
    let text = vm.get_attr_str(value, "text").ok()?;
    out.push_str(&format!("  File \"{filename}\", line {lineno}\n"));
    if !text.is_none() {
        let text = vm.str(&text).ok()?.as_str().map(|s| s.as_str().to_string())?;
        let size = text.len() as i64;
        if end_lineno > lineno {
            end_offset = size;
        }
        if end_offset > size + 1 {
            end_offset = size + 1;
        }
        out.push_str(&error_text(offset, end_offset, &text));
    }
    Some(message)
}

/// print_error_text: the offending line (indented 4, leading blanks removed, only the
/// line the offset falls on) and a caret line; offsets are 1-based byte columns.
pub fn error_text(offset: i64, end_offset: i64, text: &str) -> String {
    let reps = if end_offset > 0 && end_offset > offset { (end_offset - offset) as usize } else { 1 };
    let mut offset = offset - 1;
    let mut t = text.as_bytes();
    while let Some(b' ' | b'\t' | b'\x0c') = t.first() {
        t = &t[1..];
        offset -= 1;
    }
    let mut len = t.len() as i64;
    if len > 0 && t[t.len() - 1] == b'\n' {
        len -= 1;
    }
    if offset > len {
        offset = len;
    }
    while let Some(nl) = t.iter().position(|&b| b == b'\n') {
        if nl as i64 >= offset {
            break;
        }
        let skip = nl + 1;
        t = &t[skip..];
        len -= skip as i64;
        offset -= skip as i64;
    }
    let mut out = String::from("    ");
    out.push_str(&String::from_utf8_lossy(t));
    if t.get(len.max(0) as usize) != Some(&b'\n') {
        out.push('\n');
    }
    if offset < 0 {
        return out;
    }
    out.push_str("    ");
    out.push_str(&" ".repeat(offset as usize));
    out.push_str(&"^".repeat(reps));
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::error_text;

    // Recorded from CPython 3.11.7 (`x = (` and an indented `return (x +`).
    #[test]
    fn syntax_error_text() {
        assert_eq!(error_text(5, 6, "x = (\n"), "    x = (\n        ^\n");
        assert_eq!(error_text(12, 13, "    return (x +\n"), "    return (x +\n           ^\n");
        assert_eq!(error_text(1, 3, "ab"), "    ab\n    ^^\n");
        assert_eq!(error_text(-1, -1, "ab\n"), "    ab\n");
    }
}
