//! Match-statement patterns: ruff `Pattern` → CPython `ast.pattern`.

use super::Converter;
use crate::ast::*;
use ruff_python_ast as r;
use ruff_text_size::Ranged;

impl Converter<'_> {
    pub(crate) fn pattern(&mut self, p: &r::Pattern) -> Pattern {
        let loc = self.loc(p.range());
        let kind = match p {
            r::Pattern::MatchValue(x) => PatternKind::MatchValue { value: self.bexpr(&x.value) },
            r::Pattern::MatchSingleton(x) => PatternKind::MatchSingleton {
                value: match x.value {
                    r::Singleton::None => ConstantValue::None,
                    r::Singleton::True => ConstantValue::Bool(true),
                    r::Singleton::False => ConstantValue::Bool(false),
                },
            },
            r::Pattern::MatchSequence(x) => PatternKind::MatchSequence { patterns: self.patterns(&x.patterns) },
            r::Pattern::MatchMapping(x) => PatternKind::MatchMapping {
                keys: self.exprs(&x.keys),
                patterns: self.patterns(&x.patterns),
                rest: x.rest.as_ref().map(|n| self.ident(n)),
            },
            r::Pattern::MatchClass(x) => PatternKind::MatchClass {
                cls: self.bexpr(&x.cls),
                patterns: self.patterns(&x.arguments.patterns),
                kwd_attrs: x.arguments.keywords.iter().map(|k| self.ident(&k.attr)).collect(),
                kwd_patterns: x.arguments.keywords.iter().map(|k| self.pattern(&k.pattern)).collect(),
            },
            r::Pattern::MatchStar(x) => PatternKind::MatchStar { name: x.name.as_ref().map(|n| self.ident(n)) },
            r::Pattern::MatchAs(x) => PatternKind::MatchAs {
                pattern: x.pattern.as_deref().map(|p| Box::new(self.pattern(p))),
                name: x.name.as_ref().map(|n| self.ident(n)),
            },
            r::Pattern::MatchOr(x) => PatternKind::MatchOr { patterns: self.patterns(&x.patterns) },
        };
        Pattern { loc, kind }
    }

    fn patterns(&mut self, ps: &[r::Pattern]) -> Vec<Pattern> {
        ps.iter().map(|p| self.pattern(p)).collect()
    }
}
