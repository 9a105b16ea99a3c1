//! `_csv.reader`: splits the lines of an iterable into records with the state machine of
//! CPython's `parse_process_char`.

use super::dialect::{Dialect, QUOTE_NONE, QUOTE_NONNUMERIC};
use super::error;
use crate::util::{expect, get_type, wrap};
use krait_vm::object::Value;
use krait_vm::{PyResult, Vm};

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    StartRecord,
    StartField,
    EscapedChar,
    InField,
    InQuotedField,
    EscapeInQuotedField,
    QuoteInQuotedField,
    EatCrnl,
    AfterEscapedCrnl,
}

pub struct Reader {
    input: Value,
    dialect_obj: Value,
    d: Dialect,
    line_num: i64,
    state: State,
    field: String,
    field_len: usize,
    numeric: bool,
    fields: Vec<Value>,
}

/// reader(iterable, dialect='excel', **fmtparams)
pub fn reader(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let input = vm.iter(&a[0])?;
    let (dialect_obj, d) = super::dialect::from_bound(vm, a)?;
    let t = get_type(vm, "_csv.reader")?;
    let r = Reader { input, dialect_obj, d, line_num: 0, state: State::StartRecord, field: String::new(), field_len: 0, numeric: false, fields: Vec::new() };
    Ok(wrap(vm, &t, r))
}

fn this<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a std::cell::RefCell<Reader>> {
    expect::<Reader>(vm, v, "_csv.reader")
}

pub fn dialect(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(this(vm, v)?.borrow().dialect_obj.clone())
}

pub fn line_num(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Int(this(vm, v)?.borrow().line_num))
}

/// What a step of the state machine asks of its caller.
enum Step {
    /// Add the character to the field (checking the field size limit).
    Add(char),
    /// Finish the field.
    Save,
    Fail(String),
}

impl Reader {
    /// parse_process_char: one character, or None at the end of a line. Several steps may
    /// result (a saved field and a new state), so they are pushed to `out`.
    fn process(&mut self, c: Option<char>, out: &mut Vec<Step>) {
        let d = &self.d;
        let is_nl = |c: Option<char>| matches!(c, Some('\n' | '\r'));
        let quote_on = d.quoting != QUOTE_NONE;
        let mut state = self.state;
        if state == State::StartRecord {
            match c {
                None => return,
                Some('\n' | '\r') => {
                    self.state = State::EatCrnl;
                    return;
                }
                _ => state = State::StartField,
            }
        }
        if state == State::AfterEscapedCrnl {
            if c.is_none() {
                return;
            }
            state = State::InField;
        }
        self.state = match state {
            State::StartField => {
                if c.is_none() || is_nl(c) {
                    out.push(Step::Save);
                    if c.is_none() { State::StartRecord } else { State::EatCrnl }
                } else if c == d.quotechar && quote_on {
                    State::InQuotedField
                } else if c == d.escapechar {
                    State::EscapedChar
                } else if c == Some(' ') && d.skipinitialspace {
                    State::StartField
                } else if c == Some(d.delimiter) {
                    out.push(Step::Save);
                    State::StartField
                } else {
                    if d.quoting == QUOTE_NONNUMERIC {
                        self.numeric = true;
                    }
                    out.extend(c.map(Step::Add));
                    State::InField
                }
            }
            State::EscapedChar => match c {
                Some(ch @ ('\n' | '\r')) => {
                    out.push(Step::Add(ch));
                    State::AfterEscapedCrnl
                }
                _ => {
                    out.push(Step::Add(c.unwrap_or('\n')));
                    State::InField
                }
            },
            State::InField => {
                if c.is_none() || is_nl(c) {
                    out.push(Step::Save);
                    if c.is_none() { State::StartRecord } else { State::EatCrnl }
                } else if c == d.escapechar {
                    State::EscapedChar
                } else if c == Some(d.delimiter) {
                    out.push(Step::Save);
                    State::StartField
                } else {
                    out.extend(c.map(Step::Add));
                    State::InField
                }
            }
            State::InQuotedField => {
                if c.is_none() {
                    State::InQuotedField
                } else if c == d.escapechar {
                    State::EscapeInQuotedField
                } else if c == d.quotechar && quote_on {
                    if d.doublequote { State::QuoteInQuotedField } else { State::InField }
                } else {
                    out.extend(c.map(Step::Add));
                    State::InQuotedField
                }
            }
            State::EscapeInQuotedField => {
                out.push(Step::Add(c.unwrap_or('\n')));
                State::InQuotedField
            }
            State::QuoteInQuotedField => {
                if quote_on && c == d.quotechar {
                    out.extend(c.map(Step::Add));
                    State::InQuotedField
                } else if c == Some(d.delimiter) {
                    out.push(Step::Save);
                    State::StartField
                } else if c.is_none() || is_nl(c) {
                    out.push(Step::Save);
                    if c.is_none() { State::StartRecord } else { State::EatCrnl }
                } else if !d.strict {
                    out.extend(c.map(Step::Add));
                    State::InField
                } else {
                    let q = d.quotechar.unwrap_or('"');
                    out.push(Step::Fail(format!("'{}' expected after '{}'", d.delimiter, q)));
                    State::QuoteInQuotedField
                }
            }
            State::EatCrnl => {
                if is_nl(c) {
                    State::EatCrnl
                } else if c.is_none() {
                    State::StartRecord
                } else {
                    out.push(Step::Fail("new-line character seen in unquoted field - do you need to open the file in universal-newline mode?".into()));
                    State::EatCrnl
                }
            }
            State::StartRecord | State::AfterEscapedCrnl => state,
        };
    }
}

/// Apply the steps of one character to the reader in `v`.
fn apply(vm: &mut Vm, v: &Value, steps: &mut Vec<Step>) -> PyResult<()> {
    for step in steps.drain(..) {
        match step {
            Step::Add(c) => {
                let limit = super::field_limit(vm);
                let mut r = this(vm, v)?.borrow_mut();
                if r.field_len as i64 >= limit {
                    drop(r);
                    return Err(error(vm, &format!("field larger than field limit ({limit})")));
                }
                r.field.push(c);
                r.field_len += 1;
            }
            Step::Save => save_field(vm, v)?,
            Step::Fail(m) => return Err(error(vm, &m)),
        }
    }
    Ok(())
}

/// parse_save_field: the field as str, or as float for unquoted QUOTE_NONNUMERIC fields.
fn save_field(vm: &mut Vm, v: &Value) -> PyResult<()> {
    let (text, numeric) = {
        let mut r = this(vm, v)?.borrow_mut();
        r.field_len = 0;
        (std::mem::take(&mut r.field), std::mem::replace(&mut r.numeric, false))
    };
    let s = vm.new_str(&text);
    let item = if numeric {
        let float = Value::Obj(vm.types.float.clone());
        vm.call_positional(&float, &[s])?
    } else {
        s
    };
    this(vm, v)?.borrow_mut().fields.push(item);
    Ok(())
}

/// Reader_iternext: the next record as a list.
pub fn next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    {
        let mut r = this(vm, v)?.borrow_mut();
        r.fields.clear();
        r.field.clear();
        r.field_len = 0;
        r.numeric = false;
        r.state = State::StartRecord;
    }
    let mut steps = Vec::new();
    loop {
        let input = this(vm, v)?.borrow().input.clone();
        let Some(line) = vm.next(&input)? else {
            let (pending, strict) = {
                let r = this(vm, v)?.borrow();
                (r.field_len != 0 || r.state == State::InQuotedField, r.d.strict)
            };
            if !pending {
                return Ok(None);
            }
            if strict {
                return Err(error(vm, "unexpected end of data"));
            }
            save_field(vm, v)?;
            break;
        };
        let Some(text) = line.as_obj().and_then(|o| o.as_str()).map(|s| s.as_str().to_string()) else {
            let n = vm.type_name(&line);
            return Err(error(vm, &format!("iterator should return strings, not {n} (the file should be opened in text mode)")));
        };
        this(vm, v)?.borrow_mut().line_num += 1;
        for c in text.chars().map(Some).chain([None]) {
            this(vm, v)?.borrow_mut().process(c, &mut steps);
            apply(vm, v, &mut steps)?;
        }
        if this(vm, v)?.borrow().state == State::StartRecord {
            break;
        }
    }
    let fields = std::mem::take(&mut this(vm, v)?.borrow_mut().fields);
    Ok(Some(vm.new_list(fields)))
}
