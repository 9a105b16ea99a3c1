//! Substring search for the str methods (find, count, split, replace, partition) with
//! memchr's SIMD searchers: std's `str` searching takes a two-way matcher even for a
//! one-character needle such as `","`. Needles are non-empty (callers handle `""`, whose
//! matches fall between characters, not bytes); UTF-8 being self-synchronising, a match
//! of a whole needle always starts and ends at character boundaries.

use memchr::memmem;

/// Byte offset of the first occurrence of `needle` in `hay`.
#[inline]
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    match needle.as_bytes() {
        [b] => memchr::memchr(*b, hay.as_bytes()),
        n => memmem::find(hay.as_bytes(), n),
    }
}

/// Byte offset of the last occurrence of `needle` in `hay`.
#[inline]
pub fn rfind(hay: &str, needle: &str) -> Option<usize> {
    match needle.as_bytes() {
        [b] => memchr::memrchr(*b, hay.as_bytes()),
        n => memmem::rfind(hay.as_bytes(), n),
    }
}

/// Number of non-overlapping occurrences of `needle`, scanning from the left.
pub fn count(hay: &str, needle: &str) -> usize {
    match needle.as_bytes() {
        [b] => memchr::memchr_iter(*b, hay.as_bytes()).count(),
        n => memmem::find_iter(hay.as_bytes(), n).count(),
    }
}

/// `hay` split at the first `max_splits` occurrences of `needle` (from the right when
/// `rev`, the pieces still in text order).
pub fn split<'a>(hay: &'a str, needle: &str, max_splits: usize, rev: bool) -> Vec<&'a str> {
    let mut out = Vec::new();
    if rev {
        let mut end = hay.len();
        while out.len() < max_splits {
            let Some(at) = rfind(&hay[..end], needle) else { break };
            out.push(&hay[at + needle.len()..end]);
            end = at;
        }
        out.push(&hay[..end]);
        out.reverse();
    } else {
        let mut start = 0;
        while out.len() < max_splits {
            let Some(at) = find(&hay[start..], needle) else { break };
            out.push(&hay[start..start + at]);
            start += at + needle.len();
        }
        out.push(&hay[start..]);
    }
    out
}

/// `hay` with the first `limit` occurrences of `old` replaced by `new`.
pub fn replace(hay: &str, old: &str, new: &str, limit: usize) -> String {
    let mut out = String::with_capacity(hay.len());
    let mut start = 0;
    let mut done = 0;
    while done < limit {
        let Some(at) = find(&hay[start..], old) else { break };
        out.push_str(&hay[start..start + at]);
        out.push_str(new);
        start += at + old.len();
        done += 1;
    }
    out.push_str(&hay[start..]);
    out
}
