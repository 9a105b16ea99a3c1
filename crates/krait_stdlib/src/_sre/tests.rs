//! Engine tests on SRE code as CPython 3.11's `re._compiler._code` emits it (no VM).

use super::state::State;

/// `(a|b)*c`
const ALT_STAR_C: &[u32] = &[14, 4, 0, 1, 4294967295, 23, 13, 0, 4294967295, 17, 0, 13, 5, 22, 97, 98, 0, 17, 1, 18, 16, 99, 1];
/// `(?:x+)+y`
const NESTED_PLUS: &[u32] = &[14, 4, 0, 2, 4294967295, 23, 10, 1, 4294967295, 24, 6, 1, 4294967295, 16, 120, 1, 18, 16, 121, 1];
/// `(a)\1`
const BACKREF: &[u32] = &[14, 8, 1, 2, 2, 1, 0, 97, 0, 17, 0, 16, 97, 17, 1, 11, 0, 1];

fn search(code: &[u32], groups: usize, text: &str) -> Option<(usize, usize, State)> {
    let mut st = State::new(text.len(), groups, 0, i64::MAX);
    st.search(text.as_bytes(), code).ok()?.then_some((st.start, st.ptr, st))
}

#[test]
fn alternation_in_a_repeat_records_the_last_iteration() {
    let (s, e, st) = search(ALT_STAR_C, 1, "xxabbac").expect("match");
    assert_eq!((s, e), (2, 7));
    assert_eq!(st.group_span(1), Some((5, 6)));
    assert!(search(ALT_STAR_C, 1, "abab").is_none());
}

#[test]
fn deep_backtracking_uses_the_heap_not_the_rust_stack() {
    let text = "ab".repeat(500_000) + "c";
    let (s, e, _) = search(ALT_STAR_C, 1, &text).expect("match");
    assert_eq!((s, e), (0, text.len()));
    let text = "x".repeat(20) + "z";
    assert!(search(NESTED_PLUS, 0, &text).is_none());
}

#[test]
fn backreference_and_fullmatch() {
    let (s, e, st) = search(BACKREF, 1, "xaab").expect("match");
    assert_eq!((s, e, st.group_span(1)), (1, 3, Some((1, 2))));
    let mut st = State::new(3, 1, 0, i64::MAX);
    st.match_all = true;
    assert!(!st.do_match("aab".as_bytes(), BACKREF).expect("no engine error"));
    let mut st = State::new(2, 1, 0, i64::MAX);
    st.match_all = true;
    assert!(st.do_match("aa".as_bytes(), BACKREF).expect("no engine error"));
}

#[test]
fn malformed_code_fails_without_panicking() {
    for cut in 0..ALT_STAR_C.len() {
        let mut st = State::new(4, 1, 0, i64::MAX);
        let _ = st.search("abac".as_bytes(), &ALT_STAR_C[..cut]);
    }
    let mut st = State::new(1, 0, 0, i64::MAX);
    assert!(st.search("a".as_bytes(), &[17, 7, 1]).is_err());
}
