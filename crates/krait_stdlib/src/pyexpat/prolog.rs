//! Outside the root element (expat's `prologProcessor` / `epilogProcessor`): the XML
//! declaration, comments, PIs, white space, the document type declaration and the
//! internal subset's markup, and the start of the root element.

use super::content::{self, Next, Tok};
use super::core::{report, Core, Fail, Out, State};
use super::errors as E;
use super::event::{Event, Want};
use super::scan::{self, Scan};

/// A document type declaration up to `[` or `>`.
struct DoctypeHead {
    name: String,
    sysid: Option<String>,
    pubid: Option<String>,
    subset: bool,
    /// Offset of the external ID's last literal.
    ext_at: Option<usize>,
}

impl Core {
    /// One token of the prolog, the internal subset or the epilog.
    pub fn prolog_step(&mut self, b: &[u8], i: usize, last: bool, want: Want, out: &mut Out) -> Result<Option<usize>, Fail> {
        let r = self.prolog_token(b, i, want, out);
        match r {
            Ok(Some(end)) => Ok(Some(end)),
            Ok(None) if !last => Ok(None),
            Ok(None) if i >= b.len() => match self.state {
                State::Epilog => Ok(None),
                State::Subset if self.external => Ok(None),
                _ => Err(self.fail(E::NO_ELEMENTS, i)),
            },
            Ok(None) => Err(self.fail(E::UNCLOSED_TOKEN, i)),
            Err(e) => Err(e),
        }
    }

    /// Ok(None): the token is incomplete.
    fn prolog_token(&mut self, b: &[u8], i: usize, want: Want, out: &mut Out) -> Result<Option<usize>, Fail> {
        if i >= b.len() {
            return Ok(None);
        }
        let at = self.pos_at(i);
        let c = b[i];
        if scan::is_space(c) {
            let e = scan::skip_space(b, i);
            if want.default() {
                out.push((Event::Default(scan::text(b, i, e)), at));
            }
            return Ok(Some(e));
        }
        if self.state == State::Subset {
            return self.subset_token(b, i, want, out);
        }
        let misplaced = |core: &Core, _k: usize| if core.state == State::Epilog { E::JUNK_AFTER_DOC_ELEMENT } else { E::SYNTAX };
        if c != b'<' {
            if c == b'&' {
                return Err(self.fail(E::INVALID_TOKEN, i));
            }
            {
                // The prolog tokenizer reads a name; only what follows it decides whether
                // it is an invalid token or a misplaced one.
                if let scan::Scan::Ok((), e) = scan::name(b, i) {
                    if !scan::is_space(b[e]) && !b">()|,[]%?*+".contains(&b[e]) {
                        return Err(self.fail(E::INVALID_TOKEN, e));
                    }
                }
            }
            return Err(self.fail(misplaced(self, i), i));
        }
        if i + 1 >= b.len() {
            return Ok(None);
        }
        match b[i + 1] {
            b'/' => Err(self.fail(E::INVALID_TOKEN, i + 1)),
            b'?' => {
                let (target, data, end) = match content::pi(b, i + 2) {
                    Scan::Ok(Tok::Pi { target, data }, end) => (target, data, end),
                    Scan::Invalid(k) => return Err(self.fail(E::INVALID_TOKEN, k)),
                    _ => return Ok(None),
                };
                let t = scan::text(b, target.0, target.1);
                if t == "xml" && !self.started && i == 0 {
                    self.xml_decl(b, data, i, end, want, out)?;
                    return Ok(Some(end));
                }
                if t.eq_ignore_ascii_case("xml") {
                    return Err(if t == "xml" { self.fail(E::MISPLACED_XML_PI, i) } else { self.fail(E::INVALID_TOKEN, target.1) });
                }
                let d = scan::normalize_newlines(&scan::text(b, data.0, data.1));
                report(Event::Pi { target: t, data: d }, Want::PI, || scan::text(b, i, end), at, want, out);
                Ok(Some(end))
            }
            b'!' => {
                if let Some(true) = scan::starts(b, i, b"<!DOCTYPE") {
                    if self.state != State::Prolog || self.seen_doctype {
                        return Err(self.fail(misplaced(self, i), i));
                    }
                    return self.doctype(b, i, want, out);
                }
                match scan::starts(b, i, b"<!--") {
                    Some(true) => match content::comment(b, i + 4) {
                        Scan::Ok(Tok::Comment { body }, end) => {
                            let text = scan::normalize_newlines(&scan::text(b, body.0, body.1));
                            report(Event::Comment(text), Want::COMMENT, || scan::text(b, i, end), at, want, out);
                            Ok(Some(end))
                        }
                        Scan::Invalid(k) => Err(self.fail(E::INVALID_TOKEN, k)),
                        _ => Ok(None),
                    },
                    None => Ok(None),
                    Some(false) => match scan::starts(b, i, b"<!DOCTYPE") {
                        None => Ok(None),
                        _ => Err(self.fail(if self.state == State::Epilog { E::JUNK_AFTER_DOC_ELEMENT } else { E::INVALID_TOKEN }, i + 2)),
                    },
                }
            }
            _ if self.state == State::Epilog => Err(self.fail(E::JUNK_AFTER_DOC_ELEMENT, i)),
            _ => match content::content_token(b, i, false) {
                Next::Tok(tok @ Tok::StartTag { .. }, end) => {
                    if self.use_foreign_dtd && !self.seen_doctype && self.parse_external_dtd() && want.has(Want::EXTERNAL_ENTITY_REF) {
                        out.push((Event::ExternalEntityRef { context: None, sysid: None, pubid: None }, at));
                    }
                    self.content(b, tok, i, end, None, want, out)?;
                    Ok(Some(end))
                }
                Next::Invalid(k) => Err(self.fail(E::INVALID_TOKEN, k)),
                _ => Ok(None),
            },
        }
    }

    /// `<?xml ...?>` at the start of the document (processXmlDecl).
    fn xml_decl(&mut self, b: &[u8], data: (usize, usize), start: usize, end: usize, want: Want, out: &mut Out) -> Result<(), Fail> {
        let (s, e) = data;
        let mut i = s;
        let mut version = None;
        let mut encoding = None;
        let mut standalone = -1;
        let mut n = 0;
        // The PI token skipped the white space after "xml"; without any, data is empty.
        if s == e && b[start + 5] == b'?' {
            return Err(self.fail(E::XML_DECL, start + 5));
        }
        while i < e {
            let Scan::Ok((), ne) = scan::name(&b[..e], i) else { return Err(self.fail(E::XML_DECL, i)) };
            let name = scan::text(b, i, ne);
            let eq = scan::skip_space(b, ne);
            if eq >= e || b[eq] != b'=' {
                return Err(self.fail(E::XML_DECL, eq));
            }
            let q = scan::skip_space(b, eq + 1);
            if q >= e || (b[q] != b'"' && b[q] != b'\'') {
                return Err(self.fail(E::XML_DECL, q));
            }
            let Scan::Ok((vs, ve), after) = scan::literal(&b[..e], q) else { return Err(self.fail(E::XML_DECL, q)) };
            let value = scan::text(b, vs, ve);
            match (name.as_str(), n) {
                ("version", 0) => {
                    if value.is_empty() || !value.bytes().all(|c| c.is_ascii_alphanumeric() || b"_.:-".contains(&c)) {
                        return Err(self.fail(E::XML_DECL, vs));
                    }
                    version = Some(value);
                }
                ("encoding", 1) => {
                    let ok = value.bytes().next().is_some_and(|c| c.is_ascii_alphabetic()) && value.bytes().all(|c| c.is_ascii_alphanumeric() || b"._-".contains(&c));
                    if !ok {
                        return Err(self.fail(E::XML_DECL, vs));
                    }
                    encoding = Some(value);
                }
                ("standalone", 1 | 2) => {
                    standalone = match value.as_str() {
                        "yes" => 1,
                        "no" => 0,
                        _ => return Err(self.fail(E::XML_DECL, vs)),
                    };
                    n = 2;
                }
                _ => return Err(self.fail(E::XML_DECL, i)),
            }
            n += 1;
            if after < e && !scan::is_space(b[after]) {
                return Err(self.fail(E::XML_DECL, after));
            }
            i = scan::skip_space(b, after);
        }
        if version.is_none() {
            return Err(self.fail(E::XML_DECL, i));
        }
        if standalone == 1 {
            self.standalone = true;
        }
        let at = self.pos_at(start);
        report(Event::XmlDecl { version, encoding, standalone }, Want::XML_DECL, || scan::text(b, start, end), at, want, out);
        Ok(())
    }

    /// `<!DOCTYPE` at `i`: report the start of the declaration, enter the subset or end it.
    fn doctype(&mut self, b: &[u8], i: usize, want: Want, out: &mut Out) -> Result<Option<usize>, Fail> {
        let (head, end) = match doctype_head(b, i + 9) {
            Scan::Ok(h, e) => (h, e),
            Scan::Partial => return Ok(None),
            Scan::Invalid(k) => return Err(self.fail(E::SYNTAX, k)),
        };
        self.seen_doctype = true;
        if let Some(k) = head.ext_at {
            self.has_param_refs = true;
            if !self.standalone && want.has(Want::NOT_STANDALONE) {
                out.push((Event::NotStandalone, self.pos_at(k)));
            }
        }
        let at = self.pos_at(end - 1);
        let internal = head.subset;
        if want.has(Want::START_DOCTYPE) {
            let ev = Event::StartDoctype { name: head.name, sysid: head.sysid.clone(), pubid: head.pubid.clone(), internal };
            out.push((ev, at));
        } else if want.default() {
            self.default_pieces(b, i, end, out);
        }
        self.pending_external = head.ext_at.map(|_| (head.sysid, head.pubid));
        if internal {
            self.state = State::Subset;
        } else {
            self.end_doctype(at, want, out);
        }
        Ok(Some(end))
    }

    /// The end of the document type declaration: announce the external subset when
    /// parameter entities are parsed, then report the end.
    pub fn end_doctype(&mut self, at: super::event::Position, want: Want, out: &mut Out) {
        if let Some((sysid, pubid)) = self.pending_external.take() {
            if self.parse_external_dtd() && want.has(Want::EXTERNAL_ENTITY_REF) {
                out.push((Event::ExternalEntityRef { context: None, sysid, pubid }, at));
            }
        }
        if want.has(Want::END_DOCTYPE) {
            out.push((Event::EndDoctype, at));
        }
    }

    /// Will the external DTD subset be read (XML_SetParamEntityParsing)?
    pub fn parse_external_dtd(&self) -> bool {
        match self.param_parsing {
            PARAM_ENTITY_PARSING_ALWAYS => true,
            PARAM_ENTITY_PARSING_UNLESS_STANDALONE => !self.standalone,
            _ => false,
        }
    }
}

pub const PARAM_ENTITY_PARSING_NEVER: i64 = 0;
pub const PARAM_ENTITY_PARSING_UNLESS_STANDALONE: i64 = 1;
pub const PARAM_ENTITY_PARSING_ALWAYS: i64 = 2;

impl Core {
    /// Report the markup `b[s..e]` of the prolog to the default handler token by token
    /// (names, white space runs, literals, single delimiters), as expat's prolog
    /// tokenizer splits it.
    pub fn default_pieces(&self, b: &[u8], s: usize, e: usize, out: &mut Out) {
        let mut i = s;
        while i < e {
            let c = b[i];
            let j = if scan::is_space(c) {
                scan::skip_space(&b[..e], i)
            } else if c == b'"' || c == b'\'' {
                match scan::literal(&b[..e], i) {
                    Scan::Ok(_, n) => n,
                    _ => e,
                }
            } else if c == b')' && i + 1 < e && b"*?+".contains(&b[i + 1]) {
                i + 2
            } else if b"[]>()|,%?*+".contains(&c) {
                i + 1
            } else {
                let mut j = i + 1;
                while j < e && !scan::is_space(b[j]) && !b"\"'[]>()|,%?*+".contains(&b[j]) {
                    j += 1;
                }
                j
            };
            out.push((Event::Default(scan::text(b, i, j)), self.pos_at(i)));
            i = j;
        }
    }
}

/// The rest of a document type declaration after `<!DOCTYPE`, from `i`.
fn doctype_head(b: &[u8], i: usize) -> Scan<DoctypeHead> {
    let s = scan::skip_space(b, i);
    if s >= b.len() {
        return Scan::Partial;
    }
    if s == i {
        return Scan::Invalid(s);
    }
    let ne = match scan::name(b, s) {
        Scan::Ok((), e) => e,
        Scan::Partial => return Scan::Partial,
        Scan::Invalid(k) => return Scan::Invalid(k),
    };
    let name = scan::text(b, s, ne);
    let mut k = scan::skip_space(b, ne);
    let (mut sysid, mut pubid, mut ext_at) = (None, None, None);
    if k >= b.len() {
        return Scan::Partial;
    }
    for (kw, lits) in [(&b"SYSTEM"[..], 1), (&b"PUBLIC"[..], 2)] {
        match scan::starts(b, k, kw) {
            None => return Scan::Partial,
            Some(false) => continue,
            Some(true) => {}
        }
        let mut j = k + kw.len();
        let mut got = Vec::new();
        for _ in 0..lits {
            let q = scan::skip_space(b, j);
            if q >= b.len() {
                return Scan::Partial;
            }
            if q == j || (b[q] != b'"' && b[q] != b'\'') {
                return Scan::Invalid(q);
            }
            match scan::literal(b, q) {
                Scan::Ok((vs, ve), e) => {
                    got.push(scan::text(b, vs, ve));
                    ext_at = Some(q);
                    j = e;
                }
                Scan::Partial => return Scan::Partial,
                Scan::Invalid(x) => return Scan::Invalid(x),
            }
        }
        if lits == 2 {
            pubid = Some(got.remove(0));
        }
        sysid = got.pop();
        k = scan::skip_space(b, j);
        break;
    }
    if k >= b.len() {
        return Scan::Partial;
    }
    match b[k] {
        b'[' => Scan::Ok(DoctypeHead { name, sysid, pubid, subset: true, ext_at }, k + 1),
        b'>' => Scan::Ok(DoctypeHead { name, sysid, pubid, subset: false, ext_at }, k + 1),
        _ => Scan::Invalid(k),
    }
}
