//! The internal DTD subset: `<!ENTITY>`, `<!ATTLIST>`, `<!ELEMENT>` (content models),
//! `<!NOTATION>`, parameter entity references and the closing `]>`.

use super::core::{report, AttDef, Core, Entity, Fail, Out, State};
use super::errors as E;
use super::event::{Event, Model, Want};
use super::scan::{self, Scan};

/// A token inside a markup declaration.
#[derive(Debug, Clone, PartialEq)]
enum D {
    Name(String),
    /// A quoted literal: its contents' span.
    Lit(usize, usize),
    Punct(u8),
}

impl Core {
    /// One token of the internal subset at `i` (not white space).
    pub fn subset_token(&mut self, b: &[u8], i: usize, want: Want, out: &mut Out) -> Result<Option<usize>, Fail> {
        match b[i] {
            b']' => {
                let k = scan::skip_space(b, i + 1);
                if k >= b.len() {
                    return Ok(None);
                }
                if b[k] != b'>' {
                    return Err(self.fail(E::SYNTAX, k));
                }
                self.state = State::Prolog;
                let at = self.pos_at(k);
                if !want.has(Want::END_DOCTYPE) && want.default() {
                    self.default_pieces(b, i, k + 1, out);
                }
                self.end_doctype(at, want, out);
                Ok(Some(k + 1))
            }
            b'%' => match scan::reference(b, i) {
                Scan::Ok(scan::Ref::Entity(s, e), end) => {
                    let name = scan::text(b, s, e);
                    let at = self.pos_at(i);
                    self.param_ref(name, at, want, out);
                    Ok(Some(end))
                }
                Scan::Partial => Ok(None),
                Scan::Ok(..) => Err(self.fail(E::SYNTAX, i)),
                Scan::Invalid(k) => Err(self.fail(E::INVALID_TOKEN, k)),
            },
            b'<' => {
                if i + 1 >= b.len() {
                    return Ok(None);
                }
                match b[i + 1] {
                    b'?' => match super::content::pi(b, i + 2) {
                        Scan::Ok(super::content::Tok::Pi { target, data }, end) => {
                            let t = scan::text(b, target.0, target.1);
                            let d = scan::normalize_newlines(&scan::text(b, data.0, data.1));
                            let at = self.pos_at(i);
                            report(Event::Pi { target: t, data: d }, Want::PI, || scan::text(b, i, end), at, want, out);
                            Ok(Some(end))
                        }
                        Scan::Invalid(k) => Err(self.fail(E::INVALID_TOKEN, k)),
                        _ => Ok(None),
                    },
                    b'!' if scan::starts(b, i, b"<!--") != Some(false) => match super::content::comment(b, i + 4) {
                        Scan::Ok(super::content::Tok::Comment { body }, end) => {
                            let text = scan::normalize_newlines(&scan::text(b, body.0, body.1));
                            let at = self.pos_at(i);
                            report(Event::Comment(text), Want::COMMENT, || scan::text(b, i, end), at, want, out);
                            Ok(Some(end))
                        }
                        Scan::Invalid(k) => Err(self.fail(E::INVALID_TOKEN, k)),
                        _ => Ok(None),
                    },
                    b'!' => {
                        let Some(end) = decl_end(b, i + 2) else { return Ok(None) };
                        let first = out.len();
                        self.declaration(b, i, end, want, out)?;
                        if out.len() == first && want.default() {
                            self.default_pieces(b, i, end + 1, out);
                        }
                        Ok(Some(end + 1))
                    }
                    _ => Err(self.fail(E::INVALID_TOKEN, i + 1)),
                }
            }
            c if c.is_ascii_alphabetic() || c == b'_' || c == b':' || c >= 0x80 => Err(self.fail(E::SYNTAX, i)),
            _ => Err(self.fail(E::INVALID_TOKEN, i)),
        }
    }

    /// `%name;` in the internal subset.
    fn param_ref(&mut self, name: String, at: super::event::Position, want: Want, out: &mut Out) {
        self.has_param_refs = true;
        if self.param_parsing == super::prolog::PARAM_ENTITY_PARSING_NEVER {
            self.keep_processing = self.standalone;
        } else {
            self.read_param_entity(name, at, want, out);
        }
        if !self.standalone && want.has(Want::NOT_STANDALONE) {
            out.push((Event::NotStandalone, at));
        }
    }

    /// A parameter entity reference while parameter entities are parsed.
    fn read_param_entity(&mut self, name: String, at: super::event::Position, want: Want, out: &mut Out) {
        match self.param_entities.get(&name).cloned() {
            Some(Entity { value: Some(_), .. }) => {}
            Some(e) => {
                if self.parse_external_dtd() && want.has(Want::EXTERNAL_ENTITY_REF) {
                    out.push((Event::ExternalEntityRef { context: None, sysid: e.sysid, pubid: e.pubid }, at));
                } else {
                    self.keep_processing = self.standalone;
                }
            }
            None => {
                self.keep_processing = self.standalone;
                if want.has(Want::SKIPPED_ENTITY) {
                    out.push((Event::SkippedEntity { name, param: true }, at));
                }
            }
        }
    }

    /// A markup declaration `b[i..=end]` (`<!` ... `>`).
    fn declaration(&mut self, b: &[u8], i: usize, end: usize, want: Want, out: &mut Out) -> Result<(), Fail> {
        let toks = match decl_tokens(b, i + 2, end) {
            Ok(t) => t,
            Err(k) => return Err(self.fail(E::INVALID_TOKEN, k)),
        };
        let kw = match toks.first() {
            Some((D::Name(n), _)) => n.clone(),
            _ => return Err(self.fail(E::INVALID_TOKEN, i + 2)),
        };
        let r = match kw.as_str() {
            "ENTITY" => self.entity_decl(b, &toks[1..], end, want, out),
            "ATTLIST" => self.attlist_decl(b, &toks[1..], want, out),
            "ELEMENT" => self.element_decl(&toks[1..], want, out),
            "NOTATION" => self.notation_decl(b, &toks[1..], end, want, out),
            _ => {
                self.decl_error = E::INVALID_TOKEN;
                Err(toks.get(1).map_or(end, |x| x.1))
            }
        };
        r.map_err(|k| {
            let code = std::mem::replace(&mut self.decl_error, E::SYNTAX);
            self.fail(code, if k == AT_END { end } else { k })
        })
    }

    fn entity_decl(&mut self, b: &[u8], t: &[(D, usize)], end: usize, want: Want, out: &mut Out) -> Result<(), usize> {
        let mut k = 0;
        let param = matches!(t.first(), Some((D::Punct(b'%'), _)));
        if param {
            k += 1;
        }
        let name = match t.get(k) {
            Some((D::Name(n), _)) => n.clone(),
            other => return Err(other.map_or(end, |x| x.1)),
        };
        k += 1;
        let (value, sysid, pubid, notation, at) = match t.get(k) {
            Some((D::Lit(s, e), off)) => {
                let v = self.entity_value(b, *s, *e).map_err(|(code, at)| {
                    self.decl_error = code;
                    at
                })?;
                if let Some((_, o)) = t.get(k + 1) {
                    return Err(*o);
                }
                (Some(v), None, None, None, *off)
            }
            Some((D::Name(kw), off)) if kw == "SYSTEM" || kw == "PUBLIC" => {
                let (sysid, pubid, next) = external_id(b, t, k, *off)?;
                match (t.get(next), t.get(next + 1)) {
                    (Some((D::Name(nd), _)), Some((D::Name(nota), noff))) if nd == "NDATA" && !param => (None, sysid, pubid, Some(nota.clone()), *noff),
                    (None, _) => (None, sysid, pubid, None, end),
                    (Some((_, o)), _) => return Err(*o),
                }
            }
            other => return Err(other.map_or(end, |x| x.1)),
        };
        if !self.keep_processing {
            return Ok(());
        }
        let table = if param { &mut self.param_entities } else { &mut self.entities };
        if table.contains_key(&name) {
            return Ok(());
        }
        table.insert(name.clone(), Entity { value: value.clone(), sysid: sysid.clone(), pubid: pubid.clone(), notation: notation.clone() });
        let pos = self.pos_at(at);
        let wanted = if notation.is_some() { Want::ENTITY_DECL | Want::UNPARSED_ENTITY_DECL } else { Want::ENTITY_DECL };
        if want.has(wanted) {
            out.push((Event::EntityDecl { name, param, value, sysid, pubid, notation }, pos));
        }
        Ok(())
    }

    /// An entity value literal: character references replaced, line ends normalised.
    /// Err: the error and the offset (in `b`) of the bad reference.
    fn entity_value(&self, b: &[u8], s: usize, e: usize) -> Result<String, (i64, usize)> {
        let raw = scan::text(b, s, e);
        let raw = scan::normalize_newlines(&raw);
        let rb = raw.as_bytes();
        let mut out = String::new();
        let mut i = 0;
        while i < rb.len() {
            match rb[i] {
                b'%' => return Err((E::PARAM_ENTITY_REF, s + i)),
                b'&' => match scan::reference(rb, i) {
                    Scan::Ok(scan::Ref::Char(v), next) => {
                        out.push(scan::char_ref_value(v).ok_or((E::BAD_CHAR_REF, s + i))?);
                        i = next;
                    }
                    Scan::Ok(scan::Ref::Entity(..), next) => {
                        out.push_str(&raw[i..next]);
                        i = next;
                    }
                    _ => return Err((E::INVALID_TOKEN, s + i)),
                },
                _ => {
                    let n = raw[i..].chars().next().map_or(1, char::len_utf8);
                    out.push_str(&raw[i..i + n]);
                    i += n;
                }
            }
        }
        Ok(out)
    }

    fn attlist_decl(&mut self, b: &[u8], t: &[(D, usize)], want: Want, out: &mut Out) -> Result<(), usize> {
        let elname = match t.first() {
            Some((D::Name(n), _)) => n.clone(),
            other => return Err(other.map_or(AT_END, |x| x.1)),
        };
        let mut k = 1;
        while k < t.len() {
            let attname = match &t[k] {
                (D::Name(n), _) => n.clone(),
                (_, o) => return Err(*o),
            };
            k += 1;
            let atype = match t.get(k) {
                Some((D::Name(n), _)) if n == "NOTATION" => {
                    let (g, next) = enumeration(t, k + 1)?;
                    k = next;
                    format!("NOTATION{g}")
                }
                Some((D::Name(n), _)) => {
                    k += 1;
                    n.clone()
                }
                Some((D::Punct(b'('), _)) => {
                    let (g, next) = enumeration(t, k)?;
                    k = next;
                    g
                }
                other => return Err(other.map_or(AT_END, |x| x.1)),
            };
            let (default, required, at) = match t.get(k) {
                Some((D::Name(n), o)) if n == "#REQUIRED" => (None, true, *o),
                Some((D::Name(n), o)) if n == "#IMPLIED" => (None, false, *o),
                Some((D::Name(n), _)) if n == "#FIXED" => match t.get(k + 1) {
                    Some((D::Lit(s, e), o)) => {
                        k += 1;
                        (Some((*s, *e)), true, *o)
                    }
                    other => return Err(other.map_or(AT_END, |x| x.1)),
                },
                Some((D::Lit(s, e), o)) => (Some((*s, *e)), false, *o),
                other => return Err(other.map_or(AT_END, |x| x.1)),
            };
            k += 1;
            let pos = self.pos_at(at);
            let cdata = atype == "CDATA";
            let default = match default {
                Some((s, e)) => {
                    let mut v = String::new();
                    self.default_value(b, s, e, pos, &mut v).map_err(|(code, _)| {
                        self.decl_error = code;
                        at
                    })?;
                    if !cdata {
                        v = v.split(' ').filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" ");
                    }
                    Some(v)
                }
                None => None,
            };
            if !self.keep_processing {
                continue;
            }
            let defs = self.attlists.entry(elname.clone()).or_default();
            if defs.iter().any(|d| d.name == attname) {
                continue;
            }
            defs.push(AttDef { name: attname.clone(), cdata, default: default.clone() });
            if want.has(Want::ATTLIST_DECL) {
                out.push((Event::AttlistDecl { elname: elname.clone(), attname, atype, default, required }, pos));
            }
        }
        Ok(())
    }

    fn element_decl(&mut self, t: &[(D, usize)], want: Want, out: &mut Out) -> Result<(), usize> {
        let name = match t.first() {
            Some((D::Name(n), _)) => n.clone(),
            other => return Err(other.map_or(AT_END, |x| x.1)),
        };
        let (model, at, next) = match t.get(1) {
            Some((D::Name(n), o)) if n == "EMPTY" => (Model { ctype: 1, quant: 0, name: None, children: Vec::new() }, *o, 2),
            Some((D::Name(n), o)) if n == "ANY" => (Model { ctype: 2, quant: 0, name: None, children: Vec::new() }, *o, 2),
            Some((D::Punct(b'('), _)) => group(t, 1)?,
            other => return Err(other.map_or(AT_END, |x| x.1)),
        };
        if let Some((_, o)) = t.get(next) {
            return Err(*o);
        }
        if want.has(Want::ELEMENT_DECL) {
            let pos = self.pos_at(at);
            out.push((Event::ElementDecl { name, model }, pos));
        }
        Ok(())
    }

    fn notation_decl(&mut self, b: &[u8], t: &[(D, usize)], end: usize, want: Want, out: &mut Out) -> Result<(), usize> {
        let name = match t.first() {
            Some((D::Name(n), _)) => n.clone(),
            other => return Err(other.map_or(end, |x| x.1)),
        };
        let off = t.get(1).map_or(end, |x| x.1);
        let (sysid, pubid, next) = external_id(b, t, 1, off)?;
        if let Some((_, o)) = t.get(next) {
            return Err(*o);
        }
        let at = t.get(next - 1).map_or(end, |x| x.1);
        if want.has(Want::NOTATION_DECL) {
            let pos = self.pos_at(at);
            out.push((Event::NotationDecl { name, sysid, pubid }, pos));
        }
        Ok(())
    }
}

/// An error offset meaning "where the declaration ends".
const AT_END: usize = usize::MAX;

/// `SYSTEM lit` or `PUBLIC lit lit?` at `t[k]`: (system id, public id, next index).
#[allow(clippy::type_complexity)]
fn external_id(b: &[u8], t: &[(D, usize)], k: usize, off: usize) -> Result<(Option<String>, Option<String>, usize), usize> {
    let lit = |j: usize| match t.get(j) {
        Some((D::Lit(s, e), _)) => Some(scan::text(b, *s, *e)),
        _ => None,
    };
    match t.get(k) {
        Some((D::Name(kw), _)) if kw == "SYSTEM" => Ok((Some(lit(k + 1).ok_or(off)?), None, k + 2)),
        Some((D::Name(kw), _)) if kw == "PUBLIC" => {
            let p = lit(k + 1).ok_or(off)?;
            match lit(k + 2) {
                Some(s) => Ok((Some(s), Some(p), k + 3)),
                None => Ok((None, Some(p), k + 2)),
            }
        }
        _ => Err(off),
    }
}

/// `( a | b )` at `t[k]` as written without spaces: (text, next index).
fn enumeration(t: &[(D, usize)], k: usize) -> Result<(String, usize), usize> {
    let mut s = String::new();
    let mut j = k;
    if !matches!(t.get(j), Some((D::Punct(b'('), _))) {
        return Err(t.get(j).map_or(AT_END, |x| x.1));
    }
    loop {
        match t.get(j) {
            Some((D::Punct(c), _)) => {
                s.push(*c as char);
                j += 1;
                if *c == b')' {
                    return Ok((s, j));
                }
            }
            Some((D::Name(n), _)) => {
                s.push_str(n);
                j += 1;
            }
            other => return Err(other.map_or(AT_END, |x| x.1)),
        }
    }
}

/// A quantifier after a content particle.
fn quant(t: &[(D, usize)], j: usize) -> (i64, usize) {
    match t.get(j) {
        Some((D::Punct(b'?'), _)) => (1, j + 1),
        Some((D::Punct(b'*'), _)) => (2, j + 1),
        Some((D::Punct(b'+'), _)) => (3, j + 1),
        _ => (0, j),
    }
}

/// A content model group at `t[k]` (`(`): (model, offset of its `)`, next index).
fn group(t: &[(D, usize)], k: usize) -> Result<(Model, usize, usize), usize> {
    let mut j = k + 1;
    let mut children = Vec::new();
    let mut sep = None;
    let mixed = matches!(t.get(j), Some((D::Name(n), _)) if n == "#PCDATA");
    if mixed {
        j += 1;
    }
    loop {
        if !mixed || !children.is_empty() || sep.is_some() {
            match t.get(j) {
                Some((D::Name(n), _)) if !n.starts_with('#') => {
                    let (q, next) = if mixed { (0, j + 1) } else { quant(t, j + 1) };
                    children.push(Model { ctype: 4, quant: q, name: Some(n.clone()), children: Vec::new() });
                    j = next;
                }
                Some((D::Punct(b'('), _)) if !mixed => {
                    let (m, _, next) = group(t, j)?;
                    children.push(m);
                    j = next;
                }
                other => return Err(other.map_or(AT_END, |x| x.1)),
            }
        }
        match t.get(j) {
            Some((D::Punct(b')'), close)) => {
                let (q, next) = quant(t, j + 1);
                let ctype = if mixed { 3 } else if sep == Some(b'|') { 5 } else { 6 };
                let q = if mixed && !children.is_empty() { 2 } else { q };
                return Ok((Model { ctype, quant: q, name: None, children }, *close, next));
            }
            Some((D::Punct(c @ (b'|' | b',')), o)) => {
                if sep.is_some_and(|s| s != *c) || (mixed && *c != b'|') {
                    return Err(*o);
                }
                sep = Some(*c);
                j += 1;
            }
            other => return Err(other.map_or(AT_END, |x| x.1)),
        }
    }
}

/// The `>` ending the markup declaration whose body starts at `i` (outside literals).
fn decl_end(b: &[u8], mut i: usize) -> Option<usize> {
    while i < b.len() {
        match b[i] {
            b'>' => return Some(i),
            q @ (b'"' | b'\'') => {
                i += 1;
                while i < b.len() && b[i] != q {
                    i += 1;
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    None
}

/// Split the declaration body `b[i..end]` into names, literals and punctuation.
fn decl_tokens(b: &[u8], mut i: usize, end: usize) -> Result<Vec<(D, usize)>, usize> {
    let mut out = Vec::new();
    let body = &b[..end];
    while i < end {
        let c = b[i];
        if scan::is_space(c) {
            i += 1;
            continue;
        }
        match c {
            b'"' | b'\'' => match scan::literal(body, i) {
                Scan::Ok((s, e), next) => {
                    out.push((D::Lit(s, e), i));
                    i = next;
                }
                _ => return Err(i),
            },
            b'(' | b')' | b'|' | b',' | b'?' | b'*' | b'+' | b'%' => {
                out.push((D::Punct(c), i));
                i += 1;
            }
            _ => {
                let s = if c == b'#' { i + 1 } else { i };
                let mut j = s;
                while j < end {
                    match scan::char_at(body, j) {
                        scan::Ch::Char(ch, n) if scan::is_name_char(ch) => j += n,
                        _ => break,
                    }
                }
                if j == s {
                    return Err(i);
                }
                out.push((D::Name(scan::text(b, i, j)), i));
                i = j;
            }
        }
    }
    Ok(out)
}

impl Core {
    /// An attribute default value: references replaced, white space normalised.
    fn default_value(&mut self, b: &[u8], s: usize, e: usize, at: super::event::Position, out: &mut String) -> Result<(), Fail> {
        let text = scan::normalize_newlines(&scan::text(b, s, e));
        self.att_text(text.as_bytes(), at, out)
    }
}
