//! `_json.make_scanner`: the JSON decoder's scanner (`scan_once(string, idx)`), parsing a
//! whole document natively as CPython's `scan_once_unicode` does.

use super::decode_error;
use crate::util::{expect, wrap};
use krait_vm::object::{Args, PyRef, Value};
use krait_vm::{PyErr, PyResult, Vm};

/// The decoder settings a scanner reads from its context (a JSONDecoder).
pub struct Scanner {
    strict: bool,
    object_hook: Value,
    object_pairs_hook: Value,
    /// None: the builtin float / int parse (the context's parse_float is `float`).
    parse_float: Option<Value>,
    parse_int: Option<Value>,
    parse_constant: Value,
}

/// Why scanning stopped: no value at an index (StopIteration) or a Python error.
enum Fail {
    Stop(usize),
    Err(PyErr),
}

impl From<PyErr> for Fail {
    fn from(e: PyErr) -> Fail {
        Fail::Err(e)
    }
}

type Scan<T> = Result<T, Fail>;

/// make_scanner(context)
pub fn scanner_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    let a = crate::util::parse(vm, "(context)", "make_scanner", args)?;
    let ctx = &a[0];
    let strict = vm.get_attr_str(ctx, "strict")?;
    let strict = vm.is_true(&strict)?;
    let object_hook = vm.get_attr_str(ctx, "object_hook")?;
    let object_pairs_hook = vm.get_attr_str(ctx, "object_pairs_hook")?;
    let pf = vm.get_attr_str(ctx, "parse_float")?;
    let parse_float = if pf.as_obj().is_some_and(|o| o.is(&vm.types.float)) { None } else { Some(pf) };
    let pi = vm.get_attr_str(ctx, "parse_int")?;
    let parse_int = if pi.as_obj().is_some_and(|o| o.is(&vm.types.int)) { None } else { Some(pi) };
    let parse_constant = vm.get_attr_str(ctx, "parse_constant")?;
    Ok(wrap(vm, cls, Scanner { strict, object_hook, object_pairs_hook, parse_float, parse_int, parse_constant }))
}

/// scanner(string, idx) → (value, end); StopIteration(idx) when no value starts there.
pub fn scanner_call(vm: &mut Vm, this: &Value, args: Args<'_>) -> PyResult<Value> {
    let a = crate::util::parse(vm, "(string, idx)", "scan_once", args)?;
    let Some(text) = a[0].as_obj().and_then(|o| o.as_str()).map(|s| s.as_str().chars().collect::<Vec<char>>()) else {
        let n = vm.type_name(&a[0]);
        return Err(vm.new_type_error(format!("first argument must be a string, not {n}")));
    };
    let idx = crate::util::index_i64(vm, &a[1])?.unwrap_or(i64::MAX);
    let cell = expect::<Scanner>(vm, this, "_json.Scanner")?;
    let st = cell.borrow();
    let depth = vm.recursion_limit.saturating_sub(vm.frames.len());
    let mut p = Parser { st: &st, s: &text, doc: &a[0], depth };
    let r = if idx < 0 || idx as usize > text.len() { Err(Fail::Stop(idx.max(0) as usize)) } else { p.value(vm, idx as usize) };
    match r {
        Ok((v, end)) => Ok(vm.new_tuple(vec![v, Value::Int(end as i64)])),
        Err(Fail::Err(e)) => Err(e),
        Err(Fail::Stop(i)) => {
            let t = vm.exc.stop_iteration.clone();
            Err(vm.new_exception(&t, vec![Value::Int(i as i64)]))
        }
    }
}

struct Parser<'a> {
    st: &'a Scanner,
    s: &'a [char],
    doc: &'a Value,
    /// How many more arrays/objects may nest (the interpreter's recursion limit).
    depth: usize,
}

fn is_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

impl Parser<'_> {
    fn at(&self, i: usize) -> Option<char> {
        self.s.get(i).copied()
    }

    fn skip_ws(&self, mut i: usize) -> usize {
        while self.at(i).is_some_and(is_ws) {
            i += 1;
        }
        i
    }

    fn starts(&self, i: usize, word: &str) -> bool {
        let n = word.chars().count();
        self.s.get(i..i + n).is_some_and(|w| w.iter().copied().eq(word.chars()))
    }

    fn error(&self, vm: &mut Vm, msg: &str, pos: usize) -> Fail {
        Fail::Err(decode_error(vm, msg, self.doc, pos))
    }

    /// scan_once_unicode: the value starting at `i` and the index after it.
    fn value(&mut self, vm: &mut Vm, i: usize) -> Scan<(Value, usize)> {
        let Some(c) = self.at(i) else { return Err(Fail::Stop(i)) };
        match c {
            '"' => {
                let (s, end) = scanstring(vm, self.s, self.doc, i + 1, self.st.strict)?;
                Ok((vm.new_str(&s), end))
            }
            '{' | '[' => {
                if self.depth == 0 {
                    let what = if c == '{' { "object" } else { "array" };
                    return Err(Fail::Err(vm.new_recursion_error(format!("maximum recursion depth exceeded while decoding a JSON {what} from a unicode string"))));
                }
                self.depth -= 1;
                let r = if c == '{' { self.object(vm, i + 1) } else { self.array(vm, i + 1) };
                self.depth += 1;
                r
            }
            'n' if self.starts(i, "null") => Ok((Value::None, i + 4)),
            't' if self.starts(i, "true") => Ok((Value::Bool(true), i + 4)),
            'f' if self.starts(i, "false") => Ok((Value::Bool(false), i + 5)),
            'N' if self.starts(i, "NaN") => self.constant(vm, "NaN", i + 3),
            'I' if self.starts(i, "Infinity") => self.constant(vm, "Infinity", i + 8),
            '-' if self.starts(i, "-Infinity") => self.constant(vm, "-Infinity", i + 9),
            _ => self.number(vm, i),
        }
    }

    fn constant(&mut self, vm: &mut Vm, name: &str, end: usize) -> Scan<(Value, usize)> {
        let n = vm.new_str(name);
        Ok((vm.call_positional(&self.st.parse_constant, &[n])?, end))
    }

    /// _match_number_unicode
    fn number(&mut self, vm: &mut Vm, start: usize) -> Scan<(Value, usize)> {
        let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
        let mut i = start;
        if self.at(i) == Some('-') {
            i += 1;
        }
        match self.at(i) {
            Some('1'..='9') => {
                while digit(self.at(i)) {
                    i += 1;
                }
            }
            Some('0') => i += 1,
            _ => return Err(Fail::Stop(start)),
        }
        let mut is_float = false;
        if self.at(i) == Some('.') && digit(self.at(i + 1)) {
            is_float = true;
            i += 2;
            while digit(self.at(i)) {
                i += 1;
            }
        }
        if matches!(self.at(i), Some('e' | 'E')) {
            let e_start = i;
            i += 1;
            if matches!(self.at(i), Some('+' | '-')) {
                i += 1;
            }
            let digits_start = i;
            while digit(self.at(i)) {
                i += 1;
            }
            if i > digits_start {
                is_float = true;
            } else {
                i = e_start;
            }
        }
        let text: String = self.s[start..i].iter().collect();
        let custom = if is_float { &self.st.parse_float } else { &self.st.parse_int };
        let v = match custom {
            Some(f) => {
                let arg = vm.new_str(&text);
                vm.call_positional(f, &[arg])?
            }
            None if is_float => Value::Float(text.parse::<f64>().unwrap_or(f64::NAN)),
            None => match text.parse::<i64>() {
                Ok(n) => Value::Int(n),
                Err(_) => match text.parse::<num_bigint::BigInt>() {
                    Ok(b) => vm.new_bigint(b),
                    Err(_) => return Err(Fail::Stop(start)),
                },
            },
        };
        Ok((v, i))
    }

    /// _parse_object_unicode: `i` is just after the `{`.
    fn object(&mut self, vm: &mut Vm, i: usize) -> Scan<(Value, usize)> {
        let mut pairs: Vec<(Value, Value)> = Vec::new();
        let mut i = self.skip_ws(i);
        if self.at(i) != Some('}') {
            loop {
                if self.at(i) != Some('"') {
                    return Err(self.error(vm, "Expecting property name enclosed in double quotes", i));
                }
                let (key, end) = scanstring(vm, self.s, self.doc, i + 1, self.st.strict)?;
                let key = vm.new_str(&key);
                i = self.skip_ws(end);
                if self.at(i) != Some(':') {
                    return Err(self.error(vm, "Expecting ':' delimiter", i));
                }
                i = self.skip_ws(i + 1);
                let (v, end) = self.value(vm, i)?;
                pairs.push((key, v));
                i = self.skip_ws(end);
                if self.at(i) == Some('}') {
                    break;
                }
                if self.at(i) != Some(',') {
                    return Err(self.error(vm, "Expecting ',' delimiter", i));
                }
                i = self.skip_ws(i + 1);
            }
        }
        let end = i + 1;
        if !self.st.object_pairs_hook.is_none() {
            let items = pairs.into_iter().map(|(k, v)| vm.new_tuple(vec![k, v])).collect();
            let list = vm.new_list(items);
            return Ok((vm.call_positional(&self.st.object_pairs_hook, &[list])?, end));
        }
        let d = vm.new_dict();
        for (k, v) in pairs {
            vm.set_item(&d, &k, v)?;
        }
        if !self.st.object_hook.is_none() {
            return Ok((vm.call_positional(&self.st.object_hook, &[d])?, end));
        }
        Ok((d, end))
    }

    /// _parse_array_unicode: `i` is just after the `[`.
    fn array(&mut self, vm: &mut Vm, i: usize) -> Scan<(Value, usize)> {
        let mut items = Vec::new();
        let mut i = self.skip_ws(i);
        if self.at(i) != Some(']') {
            loop {
                let (v, end) = self.value(vm, i)?;
                items.push(v);
                i = self.skip_ws(end);
                if self.at(i) == Some(']') {
                    break;
                }
                if self.at(i) != Some(',') {
                    return Err(self.error(vm, "Expecting ',' delimiter", i));
                }
                i = self.skip_ws(i + 1);
            }
        }
        Ok((vm.new_list(items), i + 1))
    }
}

/// scanstring_unicode: the string whose body starts at `end` (after the opening quote)
/// and the index after its closing quote.
fn scanstring(vm: &mut Vm, s: &[char], doc: &Value, end: usize, strict: bool) -> Scan<(String, usize)> {
    let begin = end.saturating_sub(1);
    let mut out = String::new();
    let mut i = end;
    loop {
        let Some(&c) = s.get(i) else {
            return Err(Fail::Err(decode_error(vm, "Unterminated string starting at", doc, begin)));
        };
        match c {
            '"' => return Ok((out, i + 1)),
            '\\' => {
                i += 1;
                let Some(&e) = s.get(i) else {
                    return Err(Fail::Err(decode_error(vm, "Unterminated string starting at", doc, begin)));
                };
                let simple = match e {
                    '"' => Some('"'),
                    '\\' => Some('\\'),
                    '/' => Some('/'),
                    'b' => Some('\u{8}'),
                    'f' => Some('\u{c}'),
                    'n' => Some('\n'),
                    'r' => Some('\r'),
                    't' => Some('\t'),
                    _ => None,
                };
                if let Some(ch) = simple {
                    out.push(ch);
                    i += 1;
                    continue;
                }
                if e != 'u' {
                    return Err(Fail::Err(decode_error(vm, "Invalid \\escape", doc, i - 1)));
                }
                let Some(hi) = hex4(s, i + 1) else {
                    return Err(Fail::Err(decode_error(vm, "Invalid \\uXXXX escape", doc, i)));
                };
                i += 5;
                let mut code = hi;
                if (0xd800..0xdc00).contains(&hi) && s.get(i) == Some(&'\\') && s.get(i + 1) == Some(&'u') {
                    let Some(lo) = hex4(s, i + 2) else {
                        return Err(Fail::Err(decode_error(vm, "Invalid \\uXXXX escape", doc, i + 1)));
                    };
                    if (0xdc00..0xe000).contains(&lo) {
                        code = 0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00);
                        i += 6;
                    }
                }
                // A lone surrogate becomes its stand-in (krait_bytecode::surrogate).
                match krait_bytecode::surrogate::char_for(code) {
                    Some(ch) => out.push(ch),
                    None => return Err(Fail::Err(vm.new_not_implemented_error(krait_bytecode::surrogate::UNREPRESENTABLE))),
                }
            }
            c if strict && (c as u32) < 0x20 => {
                return Err(Fail::Err(decode_error(vm, "Invalid control character at", doc, i)));
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
}

fn hex4(s: &[char], i: usize) -> Option<u32> {
    let digits = s.get(i..i + 4)?;
    digits.iter().try_fold(0u32, |acc, c| c.to_digit(16).map(|d| acc * 16 + d))
}

/// scanstring(string, end, strict=True) → (str, end)
pub fn py_scanstring(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let Some(text) = a[0].as_obj().and_then(|o| o.as_str()).map(|s| s.as_str().chars().collect::<Vec<char>>()) else {
        let n = vm.type_name(&a[0]);
        return Err(vm.new_type_error(format!("first argument must be a string, not {n}")));
    };
    let end = crate::util::index_i64(vm, &a[1])?.unwrap_or(i64::MAX);
    if end < 0 || end as usize > text.len() {
        return Err(vm.new_value_error("end is out of bounds"));
    }
    let strict = vm.is_true(&a[2])?;
    match scanstring(vm, &text, &a[0], end as usize, strict) {
        Ok((s, end)) => {
            let s = vm.new_str(&s);
            Ok(vm.new_tuple(vec![s, Value::Int(end as i64)]))
        }
        Err(Fail::Err(e)) => Err(e),
        Err(Fail::Stop(_)) => Err(vm.new_system_error("scanstring stopped")),
    }
}
