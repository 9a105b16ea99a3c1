//! Short, readable excerpts of where an actual output first departs from the expected one.

const CONTEXT: usize = 2;
const SHOWN: usize = 6;
const MAX_LINE: usize = 200;

/// Describes the first difference between `expected` and `actual`, with a few lines around it.
pub fn excerpt(what: &str, expected: &[u8], actual: &[u8]) -> String {
    let exp = String::from_utf8_lossy(expected);
    let act = String::from_utf8_lossy(actual);
    let e: Vec<&str> = exp.split_inclusive('\n').collect();
    let a: Vec<&str> = act.split_inclusive('\n').collect();
    let first = e.iter().zip(&a).position(|(x, y)| x != y).unwrap_or(e.len().min(a.len()));
    let start = first.saturating_sub(CONTEXT);
    let mut out = format!("  {what} differs at line {} (expected {} lines, got {}):\n", first + 1, e.len(), a.len());
    for (label, lines) in [("expected", &e), ("actual  ", &a)] {
        for (i, line) in lines.iter().enumerate().skip(start).take(SHOWN) {
            let marker = if i == first { '>' } else { ' ' };
            out.push_str(&format!("    {label} {marker}{:4} | {}\n", i + 1, shorten(line)));
        }
        if lines.len() <= start {
            out.push_str(&format!("    {label}  (ends after line {})\n", lines.len()));
        }
    }
    out
}

fn shorten(line: &str) -> String {
    let line = line.strip_suffix('\n').map_or_else(|| format!("{line}  [no newline at end]"), str::to_owned);
    if line.chars().count() > MAX_LINE {
        let cut: String = line.chars().take(MAX_LINE).collect();
        format!("{cut}…")
    } else {
        line
    }
}
