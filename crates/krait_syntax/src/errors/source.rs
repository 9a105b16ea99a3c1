//! Token-level navigation used to place errors where CPython's parser places them.

use super::Source;
use ruff_python_ast::token::{Token, TokenKind};
use ruff_text_size::{Ranged, TextRange};

fn is_opener(k: TokenKind) -> bool {
    matches!(k, TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace)
}

fn is_closer(k: TokenKind) -> bool {
    matches!(k, TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace)
}

fn is_line_break(k: TokenKind) -> bool {
    matches!(k, TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent)
}

impl Source<'_> {
    fn index(&self, offset: u32) -> usize {
        self.tokens.partition_point(|t| t.start().to_u32() < offset)
    }

    pub(super) fn token_from(&self, offset: u32) -> Option<&Token> {
        self.tokens.get(self.index(offset))
    }

    pub(super) fn tokens_before(&self, offset: u32) -> &[Token] {
        &self.tokens[..self.index(offset)]
    }

    pub(super) fn text(&self, r: TextRange) -> &str {
        self.src.get(r.start().to_usize()..r.end().to_usize()).unwrap_or("")
    }

    /// 0-based column of `offset` in characters.
    pub(super) fn column(&self, offset: u32) -> u32 {
        let (line, _) = self.lines.line_col(offset);
        let start = self.lines.line_start(line).unwrap_or(0) as usize;
        u32::try_from(self.src.get(start..offset as usize).map_or(0, |s| s.chars().count())).unwrap_or(0)
    }

    /// Start of the first token of the logical line holding `offset`.
    pub(super) fn logical_line_start(&self, offset: u32) -> u32 {
        let before = self.tokens_before(offset);
        let from = before.iter().rposition(|t| is_line_break(t.kind())).map_or(0, |i| i + 1);
        before[from..]
            .iter()
            .chain(self.tokens[before.len()..].iter())
            .find(|t| !matches!(t.kind(), TokenKind::NonLogicalNewline | TokenKind::Comment))
            .map_or(offset, |t| t.start().to_u32())
    }

    /// Line of the compound-statement header whose block should start at `offset`.
    pub(super) fn header_line(&self, offset: u32) -> u32 {
        let before = self.tokens_before(offset);
        let newline = before.iter().rev().find(|t| t.kind() == TokenKind::Newline);
        let header = newline.map_or(0, |t| self.logical_line_start(t.start().to_u32()));
        self.lines.line_col(header).0
    }

    pub(super) fn header_is_except_star(&self, offset: u32) -> bool {
        let before = self.tokens_before(offset);
        let Some(newline) = before.iter().rev().find(|t| t.kind() == TokenKind::Newline) else { return false };
        let start = self.logical_line_start(newline.start().to_u32());
        let i = self.index(start);
        matches!(
            (self.tokens.get(i).map(Token::kind), self.tokens.get(i + 1).map(Token::kind)),
            (Some(TokenKind::Except), Some(TokenKind::Star))
        )
    }

    /// `offset`, or the end of the last non-blank text when `offset` is past it (errors at the
    /// end of input are reported after the last token).
    pub(super) fn clamp_to_content(&self, offset: u32) -> u32 {
        let content = u32::try_from(self.src.trim_end().len()).unwrap_or(0);
        offset.min(content)
    }

    /// End of the text of the line holding `offset`, without trailing blanks.
    pub(super) fn line_content_end(&self, offset: u32) -> u32 {
        let rest = self.src.get(offset as usize..).unwrap_or("");
        let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
        offset + u32::try_from(line.trim_end().len()).unwrap_or(0)
    }

    /// The innermost bracket open at `offset` within its logical line.
    pub(super) fn innermost_open(&self, offset: u32) -> Option<TokenKind> {
        let start = self.index(self.logical_line_start(offset));
        let mut stack = Vec::new();
        for t in &self.tokens[start..self.index(offset)] {
            if is_opener(t.kind()) {
                stack.push(t.kind());
            } else if is_closer(t.kind()) {
                stack.pop();
            }
        }
        stack.pop()
    }

    /// Whether `offset` is inside the parameter list of a `def`.
    pub(super) fn in_def_parameters(&self, offset: u32) -> bool {
        let before = self.tokens_before(offset);
        let mut depth = 0;
        for (i, t) in before.iter().enumerate().rev() {
            if is_closer(t.kind()) {
                depth += 1;
            } else if is_opener(t.kind()) {
                if depth == 0 {
                    return t.kind() == TokenKind::Lpar
                        && i >= 2
                        && before[i - 1].kind() == TokenKind::Name
                        && before[i - 2].kind() == TokenKind::Def;
                }
                depth -= 1;
            } else if is_line_break(t.kind()) {
                return false;
            }
        }
        false
    }

    /// Start of the list element / expression that ends just before `offset`.
    pub(super) fn element_start(&self, offset: u32) -> u32 {
        let before = self.tokens_before(offset);
        let mut depth = 0;
        let mut start = offset;
        for t in before.iter().rev() {
            let k = t.kind();
            if is_closer(k) {
                depth += 1;
            } else if is_opener(k) {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            } else if depth == 0
                && (is_line_break(k) || matches!(k, TokenKind::Comma | TokenKind::Equal | TokenKind::Colon | TokenKind::Return))
            {
                break;
            }
            if !matches!(k, TokenKind::NonLogicalNewline | TokenKind::Comment) {
                start = t.start().to_u32();
            }
        }
        start
    }

    /// End of the expression that starts at `offset` (up to a `,`, `:`, closing bracket or
    /// end of line at the same depth).
    pub(super) fn element_end(&self, offset: u32) -> u32 {
        let mut depth = 0;
        let mut end = offset;
        for t in &self.tokens[self.index(offset)..] {
            let k = t.kind();
            if is_opener(k) {
                depth += 1;
            } else if is_closer(k) {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            } else if depth == 0 && (is_line_break(k) || matches!(k, TokenKind::Comma | TokenKind::Colon)) {
                break;
            }
            if !matches!(k, TokenKind::NonLogicalNewline | TokenKind::Comment) {
                end = t.end().to_u32();
            }
        }
        end
    }

    /// Number of `=` at bracket depth 0 in the logical line holding `offset`.
    pub(super) fn equals_in_line(&self, offset: u32) -> usize {
        let mut depth = 0i32;
        let mut count = 0;
        for t in &self.tokens[self.index(self.logical_line_start(offset))..] {
            let k = t.kind();
            if is_opener(k) {
                depth += 1;
            } else if is_closer(k) {
                depth -= 1;
            } else if is_line_break(k) {
                break;
            } else if depth == 0 && k == TokenKind::Equal {
                count += 1;
            }
        }
        count
    }

    /// Start of the first closing bracket after `offset` that closes the enclosing bracket.
    pub(super) fn closer_after(&self, offset: u32) -> Option<u32> {
        let mut depth = 0;
        for t in &self.tokens[self.index(offset)..] {
            if is_opener(t.kind()) {
                depth += 1;
            } else if is_closer(t.kind()) {
                if depth == 0 {
                    return Some(t.start().to_u32());
                }
                depth -= 1;
            }
        }
        None
    }

    /// End of the f-string holding `offset` (or of its line when it is not closed).
    pub(super) fn fstring_end(&self, offset: u32) -> Option<u32> {
        let inside = self.tokens_before(offset).iter().rev().find_map(|t| match t.kind() {
            TokenKind::FStringStart => Some(true),
            TokenKind::FStringEnd => Some(false),
            _ => None,
        })?;
        if !inside {
            return None;
        }
        let end = self.tokens[self.index(offset)..].iter().find(|t| t.kind() == TokenKind::FStringEnd);
        Some(end.map_or_else(|| self.line_content_end(offset), |t| t.end().to_u32()))
    }
}
