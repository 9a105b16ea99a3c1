//! The parser core (the part of expat's `XML_Parse` that needs no Python): holds the
//! unparsed input (as UTF-8), reads one token at a time and turns it into events, keeping
//! the open elements, namespace bindings and the DTD's entities and attribute defaults.

use super::content::{cdata_token, content_token, Next, Tok};
use super::errors as E;
use super::event::{Event, Position, Want};
use super::scan::{self, Ref};
use std::collections::HashMap;

/// Where in the document the parser is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    Prolog,
    /// Inside the internal DTD subset.
    Subset,
    Content,
    Cdata,
    Epilog,
}

/// A declared entity.
#[derive(Debug, Clone)]
pub struct Entity {
    /// Replacement text of an internal entity.
    pub value: Option<String>,
    pub sysid: Option<String>,
    pub pubid: Option<String>,
    pub notation: Option<String>,
}

/// A declared attribute (from `<!ATTLIST`).
#[derive(Debug, Clone)]
pub struct AttDef {
    pub name: String,
    pub cdata: bool,
    pub default: Option<String>,
}

/// An open element.
struct Open {
    raw: String,
    reported: String,
    /// Prefixes this element bound ("" for the default namespace), in order.
    bound: Vec<String>,
}

pub type Fail = (i64, Position);
pub type Out = Vec<(Event, Position)>;

pub struct Core {
    pub buf: Vec<u8>,
    pub pos: usize,
    /// The position of `buf[pos]`.
    pub here: Position,
    pub state: State,
    stack: Vec<Open>,
    /// The namespace separator when namespace processing is on (`None` for `\0`).
    pub ns: Option<Option<char>>,
    pub ns_triplets: bool,
    bindings: HashMap<String, Vec<Option<String>>>,
    pub entities: HashMap<String, Entity>,
    pub param_entities: HashMap<String, Entity>,
    pub attlists: HashMap<String, Vec<AttDef>>,
    /// The DTD has an external subset or parameter entity references (undeclared entities
    /// are then skipped rather than errors).
    pub has_param_refs: bool,
    pub standalone: bool,
    pub seen_doctype: bool,
    open_entities: Vec<String>,
    pub use_foreign_dtd: bool,
    /// Has a token been read (the XML declaration must come first)?
    pub started: bool,
    /// The external subset's (system id, public id), announced when the DOCTYPE ends.
    pub pending_external: Option<(Option<String>, Option<String>)>,
    /// XML_SetParamEntityParsing's setting.
    pub param_parsing: i64,
    /// The error a failing markup declaration reports (syntax error unless set).
    pub decl_error: i64,
    /// Report character data runs in pieces of at most 1024 bytes (as expat does when it
    /// converts the input encoding).
    pub split_data: bool,
    /// Bytes per code unit of the input encoding (0: UTF-8, as the buffer).
    pub byte_width: u8,
    /// Parsing an external entity (content without a root element, or a DTD subset).
    pub external: bool,
    /// Are declarations still processed (not after an unread parameter entity)?
    pub keep_processing: bool,
}

impl Core {
    pub fn new(ns: Option<Option<char>>) -> Core {
        Core {
            buf: Vec::new(),
            pos: 0,
            here: Position::START,
            state: State::Prolog,
            stack: Vec::new(),
            ns,
            ns_triplets: false,
            bindings: HashMap::new(),
            entities: HashMap::new(),
            param_entities: HashMap::new(),
            attlists: HashMap::new(),
            has_param_refs: false,
            standalone: false,
            seen_doctype: false,
            open_entities: Vec::new(),
            use_foreign_dtd: false,
            started: false,
            pending_external: None,
            param_parsing: 0,
            keep_processing: true,
            external: false,
            split_data: false,
            decl_error: E::SYNTAX,
            byte_width: 0,
        }
    }

    /// The position of buffer offset `at`, to be resolved when the token is done (the
    /// buffer is lent out while a token is processed).
    pub fn pos_at(&self, at: usize) -> Position {
        Position { line: 0, col: 0, byte: at as i64 }
    }

    /// Resolve a position made by [`Core::pos_at`].
    fn resolve(&self, p: Position) -> Position {
        if p.line == 0 { self.position_of(p.byte as usize) } else { p }
    }

    /// The position of buffer offset `at` (at or after `pos`).
    pub fn position_of(&self, at: usize) -> Position {
        let mut p = self.here;
        if at > self.pos {
            p.advance(&self.buf[self.pos..at.min(self.buf.len())], self.byte_width);
        }
        p
    }

    pub fn fail(&self, code: i64, at: usize) -> Fail {
        (code, self.pos_at(at))
    }

    /// Error `code` at offset `k`, or at the entity reference `ent` when inside one.
    fn fail_in(&self, ent: Option<Position>, code: i64, k: usize) -> Fail {
        (code, ent.unwrap_or_else(|| self.pos_at(k)))
    }

    /// Move `pos` to `to`, keeping `here` up to date.
    fn advance(&mut self, to: usize) {
        let p = self.position_of(to);
        self.here = p;
        self.pos = to;
    }

    /// Drop consumed input from the buffer.
    pub fn compact(&mut self) {
        if self.pos > 0 {
            self.buf.drain(..self.pos);
            self.pos = 0;
        }
    }

    /// Read one token and append its events to `out`. Ok(false) when no complete token
    /// is left (more input is needed, or with `last` the document is complete).
    pub fn step(&mut self, last: bool, want: Want, out: &mut Out) -> Result<bool, Fail> {
        let buf = std::mem::take(&mut self.buf);
        let first = out.len();
        let r = self.step_in(&buf, last, want, out);
        self.buf = buf;
        for e in &mut out[first..] {
            e.1 = self.resolve(e.1);
        }
        match r {
            Ok(Some(end)) => {
                self.advance(end);
                self.started = true;
                Ok(true)
            }
            Ok(None) => Ok(false),
            Err((code, at)) => Err((code, self.resolve(at))),
        }
    }

    fn step_in(&mut self, b: &[u8], last: bool, want: Want, out: &mut Out) -> Result<Option<usize>, Fail> {
        let i = self.pos;
        match self.state {
            State::Prolog | State::Epilog | State::Subset => self.prolog_step(b, i, last, want, out),
            State::Content | State::Cdata => {
                let next = if self.state == State::Cdata { cdata_token(b, i, last) } else { content_token(b, i, last) };
                match next {
                    Next::Tok(tok, end) => {
                        self.content(b, tok, i, end, None, want, out)?;
                        Ok(Some(end))
                    }
                    Next::Partial | Next::PartialChar if !last => Ok(None),
                    Next::Partial if i >= b.len() && self.external && self.stack.is_empty() => Ok(None),
                    Next::Partial if i >= b.len() => {
                        let code = if self.state == State::Cdata { E::UNCLOSED_CDATA_SECTION } else { E::NO_ELEMENTS };
                        Err(self.fail(code, i))
                    }
                    Next::Partial => Err(self.fail(E::UNCLOSED_TOKEN, i)),
                    Next::PartialChar => Err(self.fail(E::PARTIAL_CHAR, i)),
                    Next::Invalid(k) => Err(self.fail(E::INVALID_TOKEN, k)),
                }
            }
        }
    }

    /// Where events of a token at `start` are reported: the token itself, or the
    /// reference that expanded the entity holding it.
    fn at(&self, start: usize, ent: Option<Position>) -> Position {
        ent.unwrap_or_else(|| self.pos_at(start))
    }

    /// Process one content token `b[start..end]` (doContent). `ent` is the position of the
    /// entity reference when `b` is an entity's replacement text.
    #[allow(clippy::too_many_arguments)]
    pub fn content(&mut self, b: &[u8], tok: Tok, start: usize, end: usize, ent: Option<Position>, want: Want, out: &mut Out) -> Result<(), Fail> {
        let at = self.at(start, ent);
        match tok {
            Tok::Data if self.split_data && end - start > 1024 && want.has(Want::CHARACTER_DATA) => {
                let text = scan::text(b, start, end);
                let mut rest = text.as_str();
                while !rest.is_empty() {
                    let mut n = rest.len().min(1024);
                    while !rest.is_char_boundary(n) {
                        n -= 1;
                    }
                    out.push((Event::Data(rest[..n].to_string()), at));
                    rest = &rest[n..];
                }
            }
            Tok::Data => self.data(scan::text(b, start, end), b, start, end, at, want, out),
            Tok::Trailing => {}
            Tok::Newline => self.data("\n".into(), b, start, end, at, want, out),
            Tok::CdataOpen => {
                self.state = State::Cdata;
                report(Event::StartCdata, Want::START_CDATA, || scan::text(b, start, end), at, want, out);
            }
            Tok::CdataClose => {
                self.state = State::Content;
                report(Event::EndCdata, Want::END_CDATA, || scan::text(b, start, end), at, want, out);
            }
            Tok::Comment { body } => {
                let text = scan::normalize_newlines(&scan::text(b, body.0, body.1));
                report(Event::Comment(text), Want::COMMENT, || scan::text(b, start, end), at, want, out);
            }
            Tok::Pi { target, data } => {
                let t = scan::text(b, target.0, target.1);
                if t == "xml" && self.external && !self.started && ent.is_none() {
                    return Ok(());
                }
                if t.eq_ignore_ascii_case("xml") {
                    return Err(if t == "xml" { self.fail_in(ent, E::MISPLACED_XML_PI, start) } else { self.fail_in(ent, E::INVALID_TOKEN, target.1) });
                }
                let d = scan::normalize_newlines(&scan::text(b, data.0, data.1));
                report(Event::Pi { target: t, data: d }, Want::PI, || scan::text(b, start, end), at, want, out);
            }
            Tok::Ref(r) => self.reference(b, r, start, end, ent, want, out)?,
            Tok::StartTag { name, atts, empty } => {
                let raw = scan::text(b, name.0, name.1);
                let mut list = Vec::with_capacity(atts.len());
                for a in &atts {
                    let n = scan::text(b, a.name.0, a.name.1);
                    if list.iter().any(|(m, _): &(String, String)| *m == n) {
                        return Err(self.fail_in(ent, E::DUPLICATE_ATTRIBUTE, a.name.0));
                    }
                    let v = self.att_value(b, a.value, at)?;
                    list.push((n, v));
                }
                let raw_tag = (want.default() && !want.has(Want::START_ELEMENT)).then(|| scan::text(b, start, end));
                self.start_element(raw, list, raw_tag, at, out)?;
                if empty {
                    let at_end = self.at(end, ent);
                    self.end_element(None, at_end, out);
                }
            }
            Tok::EndTag { name } => {
                let raw = scan::text(b, name.0, name.1);
                match self.stack.last() {
                    Some(o) if o.raw == raw => {}
                    _ => return Err(self.fail_in(ent, E::TAG_MISMATCH, name.0)),
                }
                let raw_tag = (want.default() && !want.has(Want::END_ELEMENT)).then(|| scan::text(b, start, end));
                self.end_element(raw_tag, at, out);
            }
        }
        Ok(())
    }

    /// Character data `text`, written as `b[start..end]`: to the character data handler,
    /// else as written to the default handler.
    #[allow(clippy::too_many_arguments)]
    fn data(&mut self, text: String, b: &[u8], start: usize, end: usize, at: Position, want: Want, out: &mut Out) {
        if want.has(Want::CHARACTER_DATA) || !want.default() {
            out.push((Event::Data(text), at));
        } else {
            out.push((Event::Default(scan::text(b, start, end)), at));
        }
    }

    /// A reference in content: a character, a predefined or declared entity.
    #[allow(clippy::too_many_arguments)]
    fn reference(&mut self, b: &[u8], r: Ref, start: usize, end: usize, ent: Option<Position>, want: Want, out: &mut Out) -> Result<(), Fail> {
        let at = self.at(start, ent);
        let (ns, ne) = match r {
            Ref::Char(v) => {
                let Some(c) = scan::char_ref_value(v) else { return Err((E::BAD_CHAR_REF, at)) };
                self.data(c.to_string(), b, start, end, at, want, out);
                return Ok(());
            }
            Ref::Entity(s, e) => (s, e),
        };
        let name = scan::text(b, ns, ne);
        if let Some(c) = predefined(&name) {
            self.data(c.to_string(), b, start, end, at, want, out);
            return Ok(());
        }
        let Some(entity) = self.entities.get(&name).cloned() else {
            if !self.has_param_refs || self.standalone {
                return Err((E::UNDEFINED_ENTITY, at));
            }
            if want.has(Want::SKIPPED_ENTITY) {
                out.push((Event::SkippedEntity { name, param: false }, at));
            } else if want.default() {
                out.push((Event::Default(scan::text(b, start, end)), at));
            }
            return Ok(());
        };
        if let Some(value) = entity.value {
            if want.has(Want::DEFAULT) && !want.has(Want::DEFAULT_EXPAND) {
                out.push((Event::Default(scan::text(b, start, end)), at));
                return Ok(());
            }
            if self.open_entities.contains(&name) {
                return Err((E::RECURSIVE_ENTITY_REF, at));
            }
            self.open_entities.push(name);
            let r = self.expand(value.as_bytes(), at, want, out);
            self.open_entities.pop();
            return r;
        }
        if entity.notation.is_some() {
            return Err((E::BINARY_ENTITY_REF, at));
        }
        if want.has(Want::EXTERNAL_ENTITY_REF) {
            out.push((Event::ExternalEntityRef { context: Some(name), sysid: entity.sysid, pubid: entity.pubid }, at));
        } else if want.default() {
            out.push((Event::Default(scan::text(b, start, end)), at));
        }
        Ok(())
    }

    /// Parse an internal entity's replacement text as content (processInternalEntity).
    fn expand(&mut self, text: &[u8], at: Position, want: Want, out: &mut Out) -> Result<(), Fail> {
        let depth = self.stack.len();
        let saved = self.state;
        self.state = State::Content;
        let mut i = 0;
        while i < text.len() {
            let next = if self.state == State::Cdata { cdata_token(text, i, true) } else { content_token(text, i, true) };
            match next {
                Next::Tok(tok, end) => {
                    let opening = matches!(tok, Tok::EndTag { .. }) && self.stack.len() <= depth;
                    if opening {
                        return Err((E::ASYNC_ENTITY, at));
                    }
                    self.content(text, tok, i, end, Some(at), want, out)?;
                    i = end;
                }
                Next::Invalid(_) | Next::PartialChar => return Err((E::INVALID_TOKEN, at)),
                Next::Partial => return Err((E::UNCLOSED_TOKEN, at)),
            }
        }
        if self.stack.len() != depth || self.state != State::Content {
            return Err((E::ASYNC_ENTITY, at));
        }
        self.state = saved;
        Ok(())
    }

    /// An attribute value with references replaced and white space normalised
    /// (appendAttributeValue).
    fn att_value(&mut self, b: &[u8], span: (usize, usize), at: Position) -> Result<String, Fail> {
        let mut out = String::new();
        self.att_value_into(b, span.0, span.1, at, Some(()), &mut out)?;
        Ok(out)
    }

    /// Normalise attribute value text `b` into `out`.
    pub fn att_text(&mut self, b: &[u8], at: Position, out: &mut String) -> Result<(), Fail> {
        self.att_value_into(b, 0, b.len(), at, None, out)
    }

    /// `main`: `b` is the input buffer, so a bad reference is reported where it is
    /// (others at `at`, the start tag).
    fn att_value_into(&mut self, b: &[u8], s: usize, e: usize, at: Position, main: Option<()>, out: &mut String) -> Result<(), Fail> {
        let mut i = s;
        while i < e {
            match b[i] {
                b'&' => {
                    let scan::Scan::Ok(r, next) = scan::reference(b, i) else { return Err((E::INVALID_TOKEN, at)) };
                    match r {
                        Ref::Char(v) => match scan::char_ref_value(v) {
                            Some(c) => out.push(c),
                            None => return Err((E::BAD_CHAR_REF, main.map_or(at, |()| self.pos_at(i)))),
                        },
                        Ref::Entity(ns, ne) => {
                            let name = scan::text(b, ns, ne);
                            if let Some(c) = predefined(&name) {
                                out.push(c);
                            } else {
                                let ref_at = main.map_or(at, |()| self.pos_at(i));
                                self.att_entity(name, at, ref_at, out)?;
                            }
                        }
                    }
                    i = next;
                }
                b'\r' => {
                    out.push(' ');
                    i += if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
                }
                b'\n' | b'\t' => {
                    out.push(' ');
                    i += 1;
                }
                b'<' => return Err((E::INVALID_TOKEN, at)),
                _ => {
                    let n = match scan::char_at(b, i) {
                        scan::Ch::Char(_, n) => n,
                        _ => return Err((E::INVALID_TOKEN, at)),
                    };
                    out.push_str(&scan::text(b, i, i + n));
                    i += n;
                }
            }
        }
        Ok(())
    }

    /// A general entity referenced in an attribute value.
    fn att_entity(&mut self, name: String, at: Position, ref_at: Position, out: &mut String) -> Result<(), Fail> {
        let Some(entity) = self.entities.get(&name).cloned() else {
            if !self.has_param_refs || self.standalone {
                return Err((E::UNDEFINED_ENTITY, at));
            }
            return Ok(());
        };
        let Some(value) = entity.value else { return Err((E::ATTRIBUTE_EXTERNAL_ENTITY_REF, ref_at)) };
        if self.open_entities.contains(&name) {
            return Err((E::RECURSIVE_ENTITY_REF, at));
        }
        self.open_entities.push(name);
        let r = self.att_value_into(value.as_bytes(), 0, value.len(), at, None, out);
        self.open_entities.pop();
        r
    }

    /// A start tag: add defaulted attributes, apply namespaces, report.
    fn start_element(&mut self, raw: String, mut atts: Vec<(String, String)>, raw_tag: Option<String>, at: Position, out: &mut Out) -> Result<(), Fail> {
        let specified = atts.len();
        if let Some(defs) = self.attlists.get(&raw) {
            for d in defs {
                if let Some(pos) = atts[..specified].iter().position(|(n, _)| *n == d.name) {
                    if !d.cdata {
                        let v = atts[pos].1.split(' ').filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" ");
                        atts[pos].1 = v;
                    }
                } else if let Some(v) = &d.default {
                    if !atts.iter().any(|(n, _)| *n == d.name) {
                        atts.push((d.name.clone(), v.clone()));
                    }
                }
            }
        }
        if self.state == State::Prolog {
            self.state = State::Content;
        }
        let (reported, bound, atts) = match self.ns {
            Some(sep) => self.ns_start(&raw, atts, sep, at, out)?,
            None => (raw.clone(), Vec::new(), atts),
        };
        let specified = specified.min(atts.len());
        match raw_tag {
            Some(t) => out.push((Event::Default(t), at)),
            None => out.push((Event::StartElement { name: reported.clone(), attrs: atts, specified }, at)),
        }
        self.stack.push(Open { raw, reported, bound });
        Ok(())
    }

    fn end_element(&mut self, raw_tag: Option<String>, at: Position, out: &mut Out) {
        let Some(o) = self.stack.pop() else { return };
        match raw_tag {
            Some(t) => out.push((Event::Default(t), at)),
            None => out.push((Event::EndElement { name: o.reported }, at)),
        }
        for p in o.bound.iter().rev() {
            if let Some(v) = self.bindings.get_mut(p) {
                v.pop();
            }
            out.push((Event::EndNs { prefix: (!p.is_empty()).then(|| p.clone()) }, at));
        }
        if self.stack.is_empty() && self.open_entities.is_empty() && !self.external {
            self.state = State::Epilog;
        }
    }

    /// Namespace processing of a start tag: bind the xmlns attributes, expand names.
    #[allow(clippy::type_complexity)]
    fn ns_start(&mut self, raw: &str, atts: Vec<(String, String)>, sep: Option<char>, at: Position, out: &mut Out) -> Result<(String, Vec<String>, Vec<(String, String)>), Fail> {
        let mut bound = Vec::new();
        let mut rest = Vec::new();
        for (n, v) in atts {
            let prefix = if n == "xmlns" {
                String::new()
            } else if let Some(p) = n.strip_prefix("xmlns:") {
                p.to_string()
            } else {
                rest.push((n, v));
                continue;
            };
            if prefix == "xmlns" {
                return Err((E::RESERVED_PREFIX_XMLNS, at));
            }
            if (prefix == "xml") != (v == XML_NS) {
                return Err((E::RESERVED_PREFIX_XML, at));
            }
            if !prefix.is_empty() && v.is_empty() {
                return Err((E::UNDECLARING_PREFIX, at));
            }
            if v.contains(sep.unwrap_or('\0')) {
                return Err((E::SYNTAX, at));
            }
            let uri = (!v.is_empty()).then_some(v);
            self.bindings.entry(prefix.clone()).or_default().push(uri.clone());
            out.push((Event::StartNs { prefix: (!prefix.is_empty()).then(|| prefix.clone()), uri }, at));
            bound.push(prefix);
        }
        let name = self.expand_name(raw, true, sep, at)?;
        let mut expanded = Vec::with_capacity(rest.len());
        for (n, v) in rest {
            let en = self.expand_name(&n, false, sep, at)?;
            if expanded.iter().any(|(m, _): &(String, String)| *m == en) {
                return Err((E::DUPLICATE_ATTRIBUTE, at));
            }
            expanded.push((en, v));
        }
        Ok((name, bound, expanded))
    }

    /// `prefix:local` as `uri<sep>local` (with `<sep>prefix` when triplets are on).
    fn expand_name(&self, raw: &str, element: bool, sep: Option<char>, at: Position) -> Result<String, Fail> {
        let (prefix, local) = match raw.split_once(':') {
            Some((p, l)) => (p, l),
            None if !element => return Ok(raw.to_string()),
            None => ("", raw),
        };
        let uri = if prefix == "xml" {
            Some(XML_NS.to_string())
        } else {
            self.bindings.get(prefix).and_then(|v| v.last().cloned()).flatten()
        };
        let Some(uri) = uri else {
            if prefix.is_empty() {
                return Ok(raw.to_string());
            }
            return Err((E::UNBOUND_PREFIX, at));
        };
        let sep = sep.map(String::from).unwrap_or_else(|| "\0".into());
        let mut s = format!("{uri}{sep}{local}");
        if self.ns_triplets && !prefix.is_empty() {
            s.push_str(&sep);
            s.push_str(prefix);
        }
        Ok(s)
    }
}

/// Report `ev` when its handler (`bit`) is set, else the markup (`raw`) to the default
/// handler if there is one (reportDefault).
pub fn report(ev: Event, bit: u32, raw: impl FnOnce() -> String, at: Position, want: Want, out: &mut Out) {
    if want.has(bit) {
        out.push((ev, at));
    } else if want.default() {
        out.push((Event::Default(raw()), at));
    }
}

const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

/// The five predefined entities.
pub fn predefined(name: &str) -> Option<char> {
    Some(match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        _ => return None,
    })
}
