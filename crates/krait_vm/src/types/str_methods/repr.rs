//! `repr(str)` (unicode_repr): quote choice and escapes, and `str.isprintable`'s test
//! (a surrogate's stand-in is private use, so not printable, as a surrogate is).

use super::printable::NON_PRINTABLE;

/// Whether `c` is printable in Python's sense (not Cc, Cf, Cs, Co, Cn, Zl, Zp, or a Zs
/// other than the space).
pub fn is_printable(c: char) -> bool {
    let cp = c as u32;
    if (0x20..0x7f).contains(&cp) {
        return true;
    }
    let i = NON_PRINTABLE.partition_point(|&(_, hi)| hi < cp);
    NON_PRINTABLE.get(i).is_none_or(|&(lo, _)| lo > cp)
}

/// `\\xhh`, `\\uhhhh` or `\\Uhhhhhhhh` for code point `cp`, the shortest that fits.
pub fn push_escape(out: &mut String, cp: u32) {
    use std::fmt::Write;
    let _ = if cp < 0x100 {
        write!(out, "\\x{cp:02x}")
    } else if cp < 0x10000 {
        write!(out, "\\u{cp:04x}")
    } else {
        write!(out, "\\U{cp:08x}")
    };
}

/// The repr of a str: single quotes unless the text has `'` and no `"`.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c => push_escape(&mut out, krait_bytecode::surrogate::code_point(c)),
        }
    }
    out.push(quote);
    out
}

#[cfg(test)]
mod tests {
    use super::{is_printable, str_repr};

    #[test]
    fn repr_matches_cpython() {
        // python3 -c "for t in [...]: print(repr(t))"
        assert_eq!(str_repr("abc"), "'abc'");
        assert_eq!(str_repr("a'b"), "\"a'b\"");
        assert_eq!(str_repr("a\"b"), "'a\"b'");
        assert_eq!(str_repr("a'b\"c"), "'a\\'b\"c'");
        assert_eq!(str_repr("\n\t\\"), "'\\n\\t\\\\'");
        assert_eq!(str_repr("\x00\x7f\u{80}\u{a0}\u{ad}"), "'\\x00\\x7f\\x80\\xa0\\xad'");
        assert_eq!(str_repr("é€😀"), "'é€😀'");
        assert_eq!(str_repr("\u{200b}\u{2028}"), "'\\u200b\\u2028'");
        assert_eq!(str_repr("\u{e0001}"), "'\\U000e0001'");
    }

    #[test]
    fn printable_edges() {
        // python3 -c "print([chr(c).isprintable() for c in (0x20, 0x7e, 0xa1, 0x378, 0x3000, 0x10ffff)])"
        let got: Vec<bool> = [0x20, 0x7e, 0xa1, 0x378, 0x3000, 0x10ffff].iter().map(|&c| is_printable(char::from_u32(c).unwrap_or('\0'))).collect();
        assert_eq!(got, vec![true, true, true, false, false, false]);
    }
}
