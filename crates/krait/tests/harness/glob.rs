//! Minimal shell-style glob matching (`*`, `?`) for selecting cases by name.

/// True if `name` matches `pattern`, where `*` matches any run and `?` any one character.
pub fn matches(pattern: &str, name: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let n: Vec<char> = name.chars().collect();
    let (mut pi, mut ni) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ni < n.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == n[ni]) {
            pi += 1;
            ni += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some((pi, ni));
            pi += 1;
        } else if let Some((sp, sn)) = star {
            pi = sp + 1;
            ni = sn + 1;
            star = Some((sp, sn + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests {
    use super::matches;

    #[test]
    fn glob_matching() {
        assert!(matches("math__*", "math__errors"));
        assert!(matches("*", "x"));
        assert!(matches("op__?ow", "op__pow"));
        assert!(matches("*__a*b", "x__aXXb"));
        assert!(!matches("math__*", "lit__int"));
        assert!(!matches("op__?ow", "op__pw"));
        assert!(matches("exact", "exact"));
        assert!(!matches("exact", "exactly"));
    }
}
