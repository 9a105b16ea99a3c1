//! Parsing on behalf of Python: `Parse`/`ParseFile` feed the decoder and the core, and
//! each event the core reports becomes a call of the handler set for it (with
//! pyexpat's character data buffering, attribute shapes and name interning).

use super::core::Out;
use super::encoding::Fed;
use super::errors as E;
use super::event::{Event, Model, Position};
use super::xmlparser::{this, HANDLERS};
use krait_vm::object::Value;
use krait_vm::{PyErr, PyResult, Vm};

/// Index of a handler in [`HANDLERS`].
fn slot(name: &str) -> usize {
    HANDLERS.iter().position(|h| *h == name).unwrap_or(0)
}

/// Parse(data, isfinal=False)
pub fn parse(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let last = vm.is_true(&a[2])?;
    let data = if let Some(s) = a[1].as_obj().and_then(|o| o.as_str()) {
        let bytes = s.as_str().as_bytes().to_vec();
        let p = this(vm, &a[0])?;
        if !p.borrow().started {
            p.borrow_mut().dec.forced = Some("utf-8".into());
        }
        bytes
    } else {
        krait_vm::types::bytes::buffer_arg(vm, &a[1])?
    };
    feed(vm, &a[0], &data, last)?;
    Ok(Value::Int(1))
}

/// ParseFile(file): read the file in chunks and parse them.
pub fn parse_file(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let read = match vm.get_attr_opt_str(&a[1], "read")? {
        Some(r) => r,
        None => return Err(vm.new_type_error("argument must have 'read' attribute")),
    };
    loop {
        let chunk = vm.call_positional(&read, &[Value::Int(2048)])?;
        let data = match krait_vm::types::bytes::buffer(&chunk) {
            Some(d) => d,
            None => match chunk.as_obj().and_then(|o| o.as_str()) {
                Some(s) => s.as_str().as_bytes().to_vec(),
                None => {
                    let n = vm.type_name(&chunk);
                    return Err(vm.new_type_error(format!("read() did not return a bytes object (type={n})")));
                }
            },
        };
        let done = data.is_empty();
        feed(vm, &a[0], &data, done)?;
        if done {
            return Ok(Value::Int(1));
        }
    }
}

/// Raise the parser's stored error.
fn raise(vm: &mut Vm, code: i64, at: Position) -> PyErr {
    super::expat_error(vm, code, at.line, at.col)
}

/// Record error `code` at `at` and return it as ExpatError.
fn fail(vm: &mut Vm, pv: &Value, code: i64, at: Position) -> PyErr {
    if let Ok(p) = this(vm, pv) {
        let mut p = p.borrow_mut();
        p.error = Some((code, at));
        p.current = at;
    }
    raise(vm, code, at)
}

/// Feed `data` to the parser and report what it makes of it (XML_Parse).
fn feed(vm: &mut Vm, pv: &Value, data: &[u8], last: bool) -> PyResult<()> {
    let p = this(vm, pv)?;
    {
        let pb = p.borrow();
        if let Some((code, at)) = pb.error {
            drop(pb);
            return Err(raise(vm, code, at));
        }
        if pb.finished {
            let at = pb.current;
            drop(pb);
            return Err(fail(vm, pv, E::FINISHED, at));
        }
    }
    p.borrow_mut().started = true;
    let mut fed = p.borrow_mut().dec.feed(data, last);
    if let Fed::NeedTable(name) = &fed {
        let table = encoding_table(vm, name)?;
        let mut pb = p.borrow_mut();
        pb.dec.set_table(table);
        fed = pb.dec.feed(&[], last);
    }
    let (text, bad) = match fed {
        Fed::Text(t) => (t, None),
        Fed::Bad(t, code) => (t, Some(code)),
        Fed::NeedTable(_) => (Vec::new(), Some(E::INVALID_TOKEN)),
    };
    {
        let mut pb = p.borrow_mut();
        pb.core.split_data = pb.dec.converts();
        pb.core.byte_width = pb.dec.byte_width();
        pb.core.buf.extend_from_slice(&text);
        pb.byte_known |= !text.is_empty();
    }
    let mut out: Out = Vec::new();
    loop {
        let step = {
            let mut pb = p.borrow_mut();
            let want = pb.want();
            pb.core.step(last && bad.is_none(), want, &mut out)
        };
        for (ev, at) in out.drain(..) {
            this(vm, pv)?.borrow_mut().current = at;
            let r = dispatch(vm, pv, ev, at);
            if let Err(e) = r {
                this(vm, pv)?.borrow_mut().core.compact();
                return Err(e);
            }
        }
        match step {
            Ok(true) => continue,
            Ok(false) => break,
            Err((code, at)) => {
                flush(vm, pv)?;
                return Err(fail(vm, pv, code, at));
            }
        }
    }
    let p = this(vm, pv)?;
    if let Some(code) = bad {
        let at = {
            let pb = p.borrow();
            pb.core.position_of(pb.core.buf.len())
        };
        flush(vm, pv)?;
        return Err(fail(vm, pv, code, at));
    }
    flush(vm, pv)?;
    let p = this(vm, pv)?;
    let mut pb = p.borrow_mut();
    pb.current = pb.core.position_of(pb.core.buf.len());
    pb.core.compact();
    if last {
        pb.finished = true;
        if let Some(parent) = pb.parent.clone() {
            let (ents, pents, atts) = (pb.core.entities.clone(), pb.core.param_entities.clone(), pb.core.attlists.clone());
            drop(pb);
            if let Ok(pp) = this(vm, &parent) {
                let mut pp = pp.borrow_mut();
                for (k, v) in ents {
                    pp.core.entities.entry(k).or_insert(v);
                }
                for (k, v) in pents {
                    pp.core.param_entities.entry(k).or_insert(v);
                }
                for (k, v) in atts {
                    pp.core.attlists.entry(k).or_insert(v);
                }
            }
        }
    }
    Ok(())
}

/// The characters of single-byte encoding `name`, from Python's codec (pyexpat's
/// PyUnknownEncodingHandler).
fn encoding_table(vm: &mut Vm, name: &str) -> PyResult<Vec<Option<char>>> {
    let all: Vec<u8> = (0..=255u8).collect();
    let bytes = krait_vm::types::bytes::new_bytes(vm, all);
    let n = vm.new_str(name);
    let r = vm.new_str("replace");
    let s = vm.call_method(&bytes, "decode", &[n, r])?;
    let text = vm.str_of(&s).to_string();
    let chars: Vec<char> = text.chars().collect();
    if chars.len() != 256 {
        return Err(vm.new_value_error("multi-byte encodings are not supported"));
    }
    Ok(chars.into_iter().map(|c| (c != '\u{FFFD}').then_some(c)).collect())
}

/// Report held-back character data (flush_character_buffer).
pub fn flush(vm: &mut Vm, pv: &Value) -> PyResult<()> {
    let (text, h) = {
        let p = this(vm, pv)?;
        let mut pb = p.borrow_mut();
        if pb.text.is_empty() {
            return Ok(());
        }
        (std::mem::take(&mut pb.text), pb.handlers[slot("CharacterDataHandler")].clone())
    };
    if h.is_none() {
        return Ok(());
    }
    let s = vm.new_str(&text);
    call(vm, pv, &h, &[s])?;
    Ok(())
}

/// Call handler `h` with the parser marked as inside a callback.
fn call(vm: &mut Vm, pv: &Value, h: &Value, args: &[Value]) -> PyResult<Value> {
    let prev = {
        let p = this(vm, pv)?;
        let mut pb = p.borrow_mut();
        std::mem::replace(&mut pb.in_callback, true)
    };
    let r = vm.call_positional(h, args);
    this(vm, pv)?.borrow_mut().in_callback = prev;
    r
}

fn opt_str(vm: &mut Vm, s: Option<String>) -> Value {
    match s {
        Some(s) => vm.new_str(&s),
        None => Value::None,
    }
}

/// A name as str, shared through the parser's intern dict.
fn name_str(vm: &mut Vm, pv: &Value, s: &str) -> PyResult<Value> {
    let v = vm.new_str(s);
    let intern = this(vm, pv)?.borrow().intern.clone();
    let Some(d) = intern.as_obj().cloned() else { return Ok(v) };
    if let Some(found) = krait_vm::types::dict_ops::get_item(vm, &d, &v)? {
        return Ok(found);
    }
    vm.dict_set_item(&d, v.clone(), v.clone())?;
    Ok(v)
}

fn model_value(vm: &mut Vm, m: Model) -> Value {
    let name = opt_str(vm, m.name);
    let children: Vec<Value> = m.children.into_iter().map(|c| model_value(vm, c)).collect();
    let ch = vm.new_tuple(children);
    vm.new_tuple(vec![Value::Int(m.ctype), Value::Int(m.quant), name, ch])
}

/// Report one event.
fn dispatch(vm: &mut Vm, pv: &Value, ev: Event, at: Position) -> PyResult<()> {
    if let Event::Data(text) = ev {
        return character_data(vm, pv, text);
    }
    let handler = |vm: &mut Vm, name: &str| -> PyResult<Value> { Ok(this(vm, pv)?.borrow().handlers[slot(name)].clone()) };
    let (h, args) = match ev {
        Event::Data(_) => return Ok(()),
        Event::StartElement { name, attrs, specified } => {
            let h = handler(vm, "StartElementHandler")?;
            if h.is_none() {
                return Ok(());
            }
            let n = name_str(vm, pv, &name)?;
            let (ordered, only_specified) = {
                let p = this(vm, pv)?.borrow();
                (p.ordered_attributes, p.specified_attributes)
            };
            let count = if only_specified { specified } else { attrs.len() };
            let a = if ordered {
                let mut items = Vec::with_capacity(count * 2);
                for (k, v) in attrs.into_iter().take(count) {
                    items.push(name_str(vm, pv, &k)?);
                    items.push(vm.new_str(&v));
                }
                vm.new_list(items)
            } else {
                let d = vm.new_dict_ref();
                for (k, v) in attrs.into_iter().take(count) {
                    let key = name_str(vm, pv, &k)?;
                    let val = vm.new_str(&v);
                    vm.dict_set_item(&d, key, val)?;
                }
                Value::Obj(d)
            };
            (h, vec![n, a])
        }
        Event::EndElement { name } => {
            let h = handler(vm, "EndElementHandler")?;
            if h.is_none() {
                return Ok(());
            }
            (h, vec![name_str(vm, pv, &name)?])
        }
        Event::Pi { target, data } => {
            let t = vm.new_str(&target);
            let d = vm.new_str(&data);
            (handler(vm, "ProcessingInstructionHandler")?, vec![t, d])
        }
        Event::Comment(text) => (handler(vm, "CommentHandler")?, vec![vm.new_str(&text)]),
        Event::StartCdata => (handler(vm, "StartCdataSectionHandler")?, vec![]),
        Event::EndCdata => (handler(vm, "EndCdataSectionHandler")?, vec![]),
        Event::StartNs { prefix, uri } => {
            let p = opt_str(vm, prefix);
            let u = opt_str(vm, uri);
            (handler(vm, "StartNamespaceDeclHandler")?, vec![p, u])
        }
        Event::EndNs { prefix } => (handler(vm, "EndNamespaceDeclHandler")?, vec![opt_str(vm, prefix)]),
        Event::XmlDecl { version, encoding, standalone } => {
            let v = opt_str(vm, version);
            let e = opt_str(vm, encoding);
            (handler(vm, "XmlDeclHandler")?, vec![v, e, Value::Int(standalone)])
        }
        Event::StartDoctype { name, sysid, pubid, internal } => {
            let n = vm.new_str(&name);
            let s = opt_str(vm, sysid);
            let p = opt_str(vm, pubid);
            (handler(vm, "StartDoctypeDeclHandler")?, vec![n, s, p, Value::Int(i64::from(internal))])
        }
        Event::EndDoctype => (handler(vm, "EndDoctypeDeclHandler")?, vec![]),
        Event::EntityDecl { name, param, value, sysid, pubid, notation } => {
            let base = this(vm, pv)?.borrow().base.clone();
            let n = vm.new_str(&name);
            let s = opt_str(vm, sysid);
            let p = opt_str(vm, pubid);
            let unparsed = handler(vm, "UnparsedEntityDeclHandler")?;
            if !unparsed.is_none() && notation.is_some() {
                let nota = opt_str(vm, notation);
                (unparsed, vec![n, base, s, p, nota])
            } else {
                let v = opt_str(vm, value);
                let nota = opt_str(vm, notation);
                (handler(vm, "EntityDeclHandler")?, vec![n, Value::Int(i64::from(param)), v, base, s, p, nota])
            }
        }
        Event::NotationDecl { name, sysid, pubid } => {
            let base = this(vm, pv)?.borrow().base.clone();
            let n = vm.new_str(&name);
            let s = opt_str(vm, sysid);
            let p = opt_str(vm, pubid);
            (handler(vm, "NotationDeclHandler")?, vec![n, base, s, p])
        }
        Event::ElementDecl { name, model } => {
            let n = vm.new_str(&name);
            let m = model_value(vm, model);
            (handler(vm, "ElementDeclHandler")?, vec![n, m])
        }
        Event::AttlistDecl { elname, attname, atype, default, required } => {
            let e = vm.new_str(&elname);
            let n = vm.new_str(&attname);
            let t = vm.new_str(&atype);
            let d = opt_str(vm, default);
            (handler(vm, "AttlistDeclHandler")?, vec![e, n, t, d, Value::Int(i64::from(required))])
        }
        Event::Default(text) => {
            let mut h = handler(vm, "DefaultHandler")?;
            if h.is_none() {
                h = handler(vm, "DefaultHandlerExpand")?;
            }
            (h, vec![vm.new_str(&text)])
        }
        Event::SkippedEntity { name, param } => {
            let n = vm.new_str(&name);
            (handler(vm, "SkippedEntityHandler")?, vec![n, Value::Int(i64::from(param))])
        }
        Event::ExternalEntityRef { context, sysid, pubid } => {
            let h = handler(vm, "ExternalEntityRefHandler")?;
            if h.is_none() {
                return Ok(());
            }
            let base = this(vm, pv)?.borrow().base.clone();
            let c = opt_str(vm, context);
            let s = opt_str(vm, sysid);
            let p = opt_str(vm, pubid);
            flush(vm, pv)?;
            let r = call(vm, pv, &h, &[c, base, s, p])?;
            if !vm.is_true(&r)? {
                return Err(fail(vm, pv, E::EXTERNAL_ENTITY_HANDLING, at));
            }
            return Ok(());
        }
        Event::NotStandalone => {
            let h = handler(vm, "NotStandaloneHandler")?;
            if h.is_none() {
                return Ok(());
            }
            flush(vm, pv)?;
            let r = call(vm, pv, &h, &[])?;
            if !vm.is_true(&r)? {
                return Err(fail(vm, pv, E::NOT_STANDALONE, at));
            }
            return Ok(());
        }
    };
    if !h.is_none() {
        flush(vm, pv)?;
        call(vm, pv, &h, &args)?;
    }
    Ok(())
}

/// Character data: held back while buffer_text is on (my_CharacterDataHandler).
fn character_data(vm: &mut Vm, pv: &Value, text: String) -> PyResult<()> {
    let (h, buffering, size) = {
        let p = this(vm, pv)?.borrow();
        (p.handlers[slot("CharacterDataHandler")].clone(), p.buffer_text, p.buffer_size as usize)
    };
    if h.is_none() {
        return Ok(());
    }
    if !buffering {
        let s = vm.new_str(&text);
        call(vm, pv, &h, &[s])?;
        return Ok(());
    }
    let used = this(vm, pv)?.borrow().text.len();
    if used + text.len() > size {
        flush(vm, pv)?;
    }
    if text.len() > size {
        let s = vm.new_str(&text);
        call(vm, pv, &h, &[s])?;
        return Ok(());
    }
    this(vm, pv)?.borrow_mut().text.push_str(&text);
    Ok(())
}

/// GetInputContext(): the input from the current event on, inside a handler.
pub fn input_context(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let bytes = {
        let p = this(vm, &a[0])?.borrow();
        if !p.in_callback {
            return Ok(Value::None);
        }
        let off = p.core.pos as i64 + (p.current.byte - p.core.here.byte);
        let off = off.clamp(0, p.core.buf.len() as i64) as usize;
        p.core.buf[off..].to_vec()
    };
    Ok(krait_vm::types::bytes::new_bytes(vm, bytes))
}
