//! Source lines for tracebacks: a file's lines read once per report (CPython's
//! traceback display re-opens the file; `<string>` and missing files have no source).

use std::collections::HashMap;

/// Files read during one report, by name (`None` when unreadable).
#[derive(Default)]
pub struct SourceCache {
    files: HashMap<String, Option<Vec<String>>>,
}

impl SourceCache {
    /// Line `lineno` (1-based) of `filename` without its line ending.
    pub fn line(&mut self, filename: &str, lineno: i32) -> Option<String> {
        if lineno < 1 {
            return None;
        }
        let lines = self.files.entry(filename.to_string()).or_insert_with(|| read_lines(filename));
        lines.as_ref()?.get(lineno as usize - 1).cloned()
    }
}

/// The file's lines with universal newlines, as a text-mode read gives them.
fn read_lines(filename: &str) -> Option<Vec<String>> {
    if filename.starts_with('<') && filename.ends_with('>') {
        return None;
    }
    let bytes = std::fs::read(filename).ok()?;
    // Decoded by the file's PEP 263 declaration, as linecache does (BOM removed).
    let text = krait_syntax::encoding::decode_lossy(&bytes);
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => out.push(std::mem::take(&mut cur)),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push(std::mem::take(&mut cur));
            }
            _ => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    Some(out)
}
