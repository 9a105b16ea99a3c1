//! f-strings and implicit concatenation: ruff's `ExprFString` → CPython 3.11's `JoinedStr`
//! (string_parser.c `_PyPegen_concatenate_strings` / `FstringParser`): adjacent literal text
//! merged into one `Constant`, empty text dropped, `{x=}` expanded to text + repr.

use super::Converter;
use crate::ast::*;
use ruff_python_ast as r;
use ruff_text_size::{Ranged, TextRange};

/// Collects the `values` of a JoinedStr, merging literal text as it goes.
///
/// Every piece is located at the whole (concatenated) string, `loc`, except that a format
/// spec's JoinedStr and its final text piece are located at the string token holding them,
/// `own_loc` (string_parser.c: `fstring_parse` finishes with `(t, t)`).
struct Joined {
    loc: Loc,
    own_loc: Loc,
    values: Vec<Expr>,
    pending: String,
}

impl Joined {
    fn new(loc: Loc, own_loc: Loc) -> Joined {
        Joined { loc, own_loc, values: Vec::new(), pending: String::new() }
    }

    fn flush(&mut self, loc: Loc) {
        if !self.pending.is_empty() {
            let s = std::mem::take(&mut self.pending);
            self.values.push(Expr { loc, kind: ExprKind::Constant { value: ConstantValue::Str(s.into()), kind: None } });
        }
    }

    fn finish(mut self) -> Expr {
        self.flush(self.own_loc);
        Expr { loc: self.own_loc, kind: ExprKind::JoinedStr { values: self.values } }
    }
}

impl Converter<'_> {
    pub(crate) fn fstring_expr(&mut self, x: &r::ExprFString) -> Expr {
        let loc = self.loc(x.range);
        let mut joined = Joined::new(loc, loc);
        for part in x.value.iter() {
            match part {
                r::FStringPart::Literal(lit) => {
                    let text = self.literal_part(lit);
                    joined.pending.push_str(&text);
                }
                r::FStringPart::FString(f) => self.fstring_elements(&mut joined, &f.elements, f.range, f.flags.prefix().is_raw()),
            }
        }
        joined.finish()
    }

    /// Appends the elements of one f-string token (`token` is its range) to `joined`.
    fn fstring_elements(&mut self, joined: &mut Joined, elements: &r::InterpolatedStringElements, token: TextRange, raw: bool) {
        for element in elements.iter() {
            match element {
                r::InterpolatedStringElement::Literal(lit) => {
                    let text = self.literal_text(&lit.value, lit.range, 0, raw);
                    joined.pending.push_str(&text);
                }
                r::InterpolatedStringElement::Interpolation(field) => {
                    if let Some(debug) = &field.debug_text {
                        joined.pending.push_str(debug.as_str());
                    }
                    joined.flush(joined.loc);
                    let value = self.field_value(field, token, joined.loc, raw);
                    joined.values.push(value);
                }
            }
        }
    }

    /// A replacement field `{expr!c:spec}` → `FormattedValue`; like every piece of a JoinedStr
    /// it (and its format spec) is located at the whole string, `loc`.
    fn field_value(&mut self, field: &r::InterpolatedElement, token: TextRange, loc: Loc, raw: bool) -> Expr {
        let mut value = self.bexpr(&field.expression);
        // CPython 3.11 parses the field's text as `(text)` in place of `{text}`: a bare tuple
        // takes the span of those parentheses.
        if let r::Expr::Tuple(t) = &*field.expression {
            if !t.parenthesized {
                let rest = self.src.get(t.range.end().to_usize()..).unwrap_or("");
                let gap = rest.len() - rest.trim_start().len();
                let end = t.range.end() + ruff_text_size::TextSize::try_from(gap + 1).unwrap_or_default();
                value.loc = self.loc(TextRange::new(field.start(), end));
            }
        }
        let mut conversion = field.conversion.to_byte().map_or(-1, i32::from);
        if field.debug_text.is_some() && conversion == -1 && field.format_spec.is_none() {
            conversion = i32::from(b'r');
        }
        let format_spec = field.format_spec.as_deref().map(|spec| {
            let mut inner = Joined::new(loc, self.loc(token));
            self.fstring_elements(&mut inner, &spec.elements, token, raw);
            Box::new(inner.finish())
        });
        Expr {
            loc,
            kind: ExprKind::FormattedValue { value, conversion, format_spec },
        }
    }
}
