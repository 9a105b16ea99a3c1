//! f-strings and implicit concatenation: ruff's `ExprFString` → CPython 3.11's `JoinedStr`
//! (string_parser.c `_PyPegen_concatenate_strings` / `FstringParser`): adjacent literal text
//! merged into one `Constant`, empty text dropped, `{x=}` expanded to text + repr.

use super::{ColShift, Converter};
use crate::ast::*;
use ruff_python_ast as r;
use ruff_text_size::{Ranged, TextRange};

/// Collects the `values` of a JoinedStr, merging literal text as it goes.
struct Joined {
    loc: Loc,
    values: Vec<Expr>,
    pending: String,
}

impl Joined {
    fn new(loc: Loc) -> Joined {
        Joined { loc, values: Vec::new(), pending: String::new() }
    }

    fn flush(&mut self) {
        if !self.pending.is_empty() {
            let s = std::mem::take(&mut self.pending);
            self.values.push(Expr {
                loc: self.loc,
                kind: ExprKind::Constant { value: ConstantValue::Str(s.into()), kind: None },
            });
        }
    }

    fn finish(mut self) -> Expr {
        self.flush();
        Expr { loc: self.loc, kind: ExprKind::JoinedStr { values: self.values } }
    }
}

impl Converter<'_> {
    pub(crate) fn fstring_expr(&mut self, x: &r::ExprFString) -> Expr {
        let mut joined = Joined::new(self.loc(x.range));
        for part in x.value.iter() {
            match part {
                r::FStringPart::Literal(lit) => joined.pending.push_str(&lit.value),
                r::FStringPart::FString(f) => self.fstring_elements(&mut joined, &f.elements, f.range),
            }
        }
        joined.finish()
    }

    /// Appends the elements of one f-string token (`token` is its range) to `joined`.
    fn fstring_elements(&mut self, joined: &mut Joined, elements: &r::InterpolatedStringElements, token: TextRange) {
        for element in elements.iter() {
            match element {
                r::InterpolatedStringElement::Literal(lit) => joined.pending.push_str(&lit.value),
                r::InterpolatedStringElement::Interpolation(field) => {
                    if let Some(debug) = &field.debug_text {
                        joined.pending.push_str(debug.as_str());
                    }
                    joined.flush();
                    let value = self.field_value(field, token, joined.loc);
                    joined.values.push(value);
                }
            }
        }
    }

    /// A replacement field `{expr!c:spec}` → `FormattedValue`; like every piece of a JoinedStr
    /// it (and its format spec) is located at the whole string, `loc`.
    fn field_value(&mut self, field: &r::InterpolatedElement, token: TextRange, loc: Loc) -> Expr {
        let saved = self.shift;
        self.shift = self.field_shift(field, token).or(saved);
        let value = self.bexpr(&field.expression);
        self.shift = saved;
        let mut conversion = field.conversion.to_byte().map_or(-1, i32::from);
        if field.debug_text.is_some() && conversion == -1 && field.format_spec.is_none() {
            conversion = i32::from(b'r');
        }
        let format_spec = field.format_spec.as_deref().map(|spec| {
            let mut inner = Joined::new(loc);
            self.fstring_elements(&mut inner, &spec.elements, token);
            Box::new(inner.finish())
        });
        Expr {
            loc,
            kind: ExprKind::FormattedValue { value, conversion, format_spec },
        }
    }

    /// CPython 3.11 re-parses a replacement field's text alone, starting at the token's line
    /// and column; when the `{` sits on a later line of the token (and the expression starts on
    /// that line), the token's column is added to the columns on that line.
    fn field_shift(&self, field: &r::InterpolatedElement, token: TextRange) -> Option<ColShift> {
        let (tok_line, tok_col) = self.lines.line_col(token.start().to_u32());
        let (brace_line, _) = self.lines.line_col(field.start().to_u32());
        if brace_line == tok_line || tok_col == 0 {
            return None;
        }
        let after_brace = self.src.get(field.start().to_usize() + 1..).unwrap_or("");
        let newline_after_brace = after_brace
            .chars()
            .find(|c| !matches!(c, ' ' | '\t' | '\x0c'))
            .is_none_or(|c| c == '\n' || c == '}');
        if newline_after_brace {
            return None;
        }
        Some(ColShift { line: brace_line, delta: tok_col })
    }
}
