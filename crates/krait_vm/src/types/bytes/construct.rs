//! Making bytes and bytearray objects: `bytes(...)` (bytes_new), the conversion of an
//! int, buffer or iterable of ints both constructors share, `fromhex`, `__bytes__`.

use super::{buffer, byte_value, new_bytes, new_of_class, with_data};
use crate::object::{Args, PyRef, Value};
use crate::types::methods::{method, MethodDef, MethodKind};
use crate::types::native::{bind, Signature};
use crate::types::str_methods::pystr;
use crate::vm::{PyResult, Vm};

pub const BYTES_METHODS: &[MethodDef] = &[
    MethodDef { name: "fromhex", sig: "(type, string, /)", func: fromhex, kind: MethodKind::ClassMethod },
    method("__bytes__", "(self, /)", |vm, a| match a[0].as_obj() {
        Some(o) if vm.is_exact(o, &vm.types.bytes) => Ok(a[0].clone()),
        _ => Ok(new_bytes(vm, super::data(&a[0]))),
    }),
    method("__getnewargs__", "(self, /)", |vm, a| {
        let b = new_bytes(vm, super::data(&a[0]));
        Ok(vm.new_tuple(vec![b]))
    }),
];

/// The arguments of bytes() and bytearray(): `(source, encoding, errors)`, each Null when
/// omitted.
pub fn constructor_args(vm: &mut Vm, name: &str, args: Args<'_>) -> PyResult<[Value; 3]> {
    let given = args.args.len();
    if given > 3 {
        return Err(vm.new_type_error(format!("{name}() takes at most 3 arguments ({given} given)")));
    }
    for k in args.kwnames {
        let key = vm.str_of(k);
        if !matches!(&*key, "source" | "encoding" | "errors") {
            return Err(vm.new_type_error(format!("'{key}' is an invalid keyword argument for {name}()")));
        }
    }
    let sig = Signature::cached("(source=?, encoding=?, errors=?)");
    let b = bind(vm, &sig, name, args)?;
    let a = b.as_slice();
    Ok([a[0].clone(), a[1].clone(), a[2].clone()])
}

/// The encoded bytes when `encoding`/`errors` are given (or a str source without them):
/// `Ok(None)` when neither applies.
pub fn encoded_source(vm: &mut Vm, src: &Value, encoding: &Value, errors: &Value) -> PyResult<Option<Vec<u8>>> {
    let text = pystr(src).map(|s| s.as_str().to_string());
    if encoding.is_null() && errors.is_null() {
        return match text {
            Some(_) => Err(vm.new_type_error("string argument without an encoding")),
            None => Ok(None),
        };
    }
    let Some(text) = text else {
        let msg = if encoding.is_null() { "errors without a string argument" } else { "encoding without a string argument" };
        return Err(vm.new_type_error(msg));
    };
    if encoding.is_null() {
        return Err(vm.new_type_error("string argument without an encoding"));
    }
    let enc = crate::types::str_methods::text(encoding).to_string();
    let errs = if errors.is_null() { "strict".to_string() } else { crate::types::str_methods::text(errors).to_string() };
    super::codec::encode(vm, &text, &enc, &errs).map(Some)
}

/// bytes(source=b'', encoding=?, errors=?) (bytes_new_impl).
pub fn bytes_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    let [src, encoding, errors] = constructor_args(vm, "bytes", args)?;
    for (v, what) in [(&encoding, "encoding"), (&errors, "errors")] {
        if !v.is_null() && pystr(v).is_none() {
            let n = vm.type_name(v);
            return Err(vm.new_type_error(format!("bytes() argument '{what}' must be str, not {n}")));
        }
    }
    if src.is_null() {
        if !encoding.is_null() || !errors.is_null() {
            let msg = if encoding.is_null() { "errors without a string argument" } else { "encoding without a string argument" };
            return Err(vm.new_type_error(msg));
        }
        return Ok(new_of_class(vm, cls, Vec::new()));
    }
    if let Some(b) = encoded_source(vm, &src, &encoding, &errors)? {
        return Ok(new_of_class(vm, cls, b));
    }
    if let Some(r) = vm.call_dunder(&src, "__bytes__", &[])? {
        let Some(b) = with_data(&r, <[u8]>::to_vec).filter(|_| !super::is_bytearray(&r)) else {
            let n = vm.type_name(&r);
            return Err(vm.new_type_error(format!("__bytes__ returned non-bytes (type {n})")));
        };
        if cls.is(&vm.types.bytes) {
            return Ok(r);
        }
        return Ok(new_of_class(vm, cls, b));
    }
    let data = from_object(vm, &src, "bytes")?;
    Ok(new_of_class(vm, cls, data))
}

/// The bytes of `src` for bytes()/bytearray(): an int is a count of zero bytes, a buffer
/// is copied, an iterable yields ints in range(256).
pub fn from_object(vm: &mut Vm, src: &Value, what: &str) -> PyResult<Vec<u8>> {
    if super::buffer(src).is_none() {
        if let Some(n) = count_of(vm, src)? {
            if n < 0 {
                return Err(vm.new_value_error("negative count"));
            }
            if n >= 1 << 40 {
                return Err(vm.new_memory_error(""));
            }
            return Ok(vec![0; n as usize]);
        }
    }
    if let Some(b) = buffer(src) {
        return Ok(b);
    }
    let ty = vm.type_of(src);
    let iterable = ty.as_type().is_some_and(|t| t.slots().iter.is_some() || t.slots().getitem.is_some());
    if !iterable || pystr(src).is_some() {
        let n = vm.type_name(src);
        return Err(vm.new_type_error(format!("cannot convert '{n}' object to {what}")));
    }
    let items = vm.collect(src)?;
    let range_what = if what == "bytes" { "bytes" } else { "byte" };
    items.iter().map(|v| byte_value(vm, v, range_what)).collect()
}

/// `src` as an index-sized count when it has `__index__` (OverflowError when too large).
fn count_of(vm: &mut Vm, src: &Value) -> PyResult<Option<i64>> {
    use crate::types::int::{int_arg, IntArg};
    match int_arg(src) {
        Some(IntArg::Small(i)) => Ok(Some(i)),
        Some(IntArg::Big(_)) => {
            let n = vm.type_name(src);
            Err(vm.new_overflow_error(format!("cannot fit '{n}' into an index-sized integer")))
        }
        None => {
            let has_index = vm.type_of(src).as_type().is_some_and(|t| t.slots().index.is_some());
            if !has_index {
                return Ok(None);
            }
            match crate::types::slice::index_exact(vm, src) {
                Ok(i) => Ok(i),
                Err(_) => {
                    let n = vm.type_name(src);
                    Err(vm.new_overflow_error(format!("cannot fit '{n}' into an index-sized integer")))
                }
            }
        }
    }
}

/// bytes.fromhex / bytearray.fromhex (_PyBytes_FromHex): pairs of hex digits, ASCII
/// whitespace allowed between pairs; a subclass is called with the result.
pub fn fromhex(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let Some(s) = pystr(&a[1]).map(|s| s.as_str().to_string()) else {
        let n = vm.type_name(&a[1]);
        return Err(vm.new_type_error(format!("fromhex() argument must be str, not {n}")));
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len() / 2);
    let mut i = 0;
    let bad = |vm: &mut Vm, i: usize| vm.new_value_error(format!("non-hexadecimal number found in fromhex() arg at position {i}"));
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() || chars[i] == '\x0b' {
            i += 1;
            continue;
        }
        let Some(hi) = chars[i].to_digit(16).filter(|_| chars[i].is_ascii()) else { return Err(bad(vm, i)) };
        let Some(lo) = chars.get(i + 1).and_then(|c| c.to_digit(16).filter(|_| c.is_ascii())) else { return Err(bad(vm, i + 1)) };
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    let Some(cls) = a[0].as_obj().filter(|o| o.as_type().is_some()).cloned() else { return Ok(new_bytes(vm, out)) };
    if cls.is(&vm.types.bytes) || cls.is(&vm.types.bytearray) {
        return Ok(new_of_class(vm, &cls, out));
    }
    let base = if vm.is_subtype(&cls, &vm.types.bytearray) { super::new_bytearray(vm, out) } else { new_bytes(vm, out) };
    vm.call_positional(&a[0], &[base])
}
