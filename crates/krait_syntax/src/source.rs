//! Source text normalisation before parsing: BOM and line endings.

use std::borrow::Cow;

/// Drops a leading UTF-8 BOM and translates `\r\n` and lone `\r` to `\n`
/// (tokenizer.c `translate_newlines`).
pub(crate) fn normalise(source: &str) -> Cow<'_, str> {
    let s = source.strip_prefix('\u{feff}').unwrap_or(source);
    if s.contains('\r') {
        Cow::Owned(s.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(s)
    }
}
