//! `repr(bytes)` and `repr(bytearray)` (bytes_repr / bytearray_repr).

use super::{is_bytearray, with_data};
use crate::object::Value;
use crate::vm::{PyResult, Vm};

/// `b'...'`: single quotes unless the data has `'` and no `"`; `\t \n \r`, the quote and
/// the backslash escaped, other bytes outside 0x20..0x7f as `\xNN`. bytearray_repr also
/// escapes `'` inside double quotes (`for_bytearray`).
pub fn bytes_repr(data: &[u8], for_bytearray: bool) -> String {
    let quote = if data.contains(&b'\'') && !data.contains(&b'"') { b'"' } else { b'\'' };
    let mut out = String::with_capacity(data.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &c in data {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            c if c == quote || (c == b'\'' && for_bytearray) => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote as char);
    out
}

/// The repr slot of both types: `b'...'`, or `bytearray(b'...')` with the type's name.
pub fn repr_slot(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let r = with_data(v, |d| bytes_repr(d, is_bytearray(v))).unwrap_or_default();
    if is_bytearray(v) {
        let name = vm.type_name(v);
        return Ok(vm.new_str(&format!("{name}({r})")));
    }
    Ok(vm.new_str(&r))
}

#[cfg(test)]
mod tests {
    use super::bytes_repr;

    #[test]
    fn repr_matches_cpython() {
        // python3 -c "print(repr(b\"a'b\"), repr(b'a\"b'), repr(b'\\'\"'), repr(b'\\t\\n\\r\\\\\\x00\\x7f\\xff'))"
        assert_eq!(bytes_repr(b"a'b", false), "b\"a'b\"");
        assert_eq!(bytes_repr(b"a\"b", false), "b'a\"b'");
        assert_eq!(bytes_repr(b"'\"", false), "b'\\'\"'");
        assert_eq!(bytes_repr(b"\t\n\r\\\x00\x7f\xff", false), "b'\\t\\n\\r\\\\\\x00\\x7f\\xff'");
        // python3 -c "print(repr(bytearray(b\"it's\")))"
        assert_eq!(bytes_repr(b"it's", true), "b\"it\\'s\"");
    }
}
