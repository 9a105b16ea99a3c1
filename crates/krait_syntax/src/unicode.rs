//! Unicode character properties needed for reprs and error messages.

/// An approximation of `Py_UNICODE_ISPRINTABLE` for non-ASCII characters: control, format,
/// separator (other than space), private-use and non-character code points are not printable.
/// Unassigned code points are not known here and count as printable.
pub(crate) fn is_printable(c: char) -> bool {
    let u = c as u32;
    !matches!(
        u,
        0x80..=0xa0
            | 0xad
            | 0x600..=0x605
            | 0x61c
            | 0x6dd
            | 0x70f
            | 0x890..=0x891
            | 0x8e2
            | 0x1680
            | 0x180e
            | 0x2000..=0x200f
            | 0x2028..=0x202f
            | 0x205f..=0x2064
            | 0x2066..=0x206f
            | 0x3000
            | 0xd800..=0xf8ff
            | 0xfdd0..=0xfdef
            | 0xfeff
            | 0xfff9..=0xfffb
            | 0xfffe..=0xffff
            | 0x110bd
            | 0x110cd
            | 0x13430..=0x1343f
            | 0x1bca0..=0x1bca3
            | 0x1d173..=0x1d17a
            | 0xe0001
            | 0xe0020..=0xe007f
            | 0xf0000..
    ) && (u & 0xfffe) != 0xfffe
}
