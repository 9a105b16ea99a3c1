//! Malformed marshal data: errors, never panics, and the same exception type and message as
//! CPython 3.11's `marshal.loads` (checked by running python3.11 when present).

mod common;

use krait_bytecode::marshal::{self, ErrorKind};

fn cases() -> Vec<Vec<u8>> {
    let mut v: Vec<Vec<u8>> = [
        &b""[..], b"0", b")", b")\x01", b")\x02N0", b"(\x01", b"(\xff\xff\xff\xff", b"[\x02\x00\x00\x00N",
        b"[\x01\x00\x00\x000", b"<\x01\x00\x00\x000", b"<\x01\x00\x00\x00[\x00\x00\x00\x00",
        b"{\xdb\x00\x00\x00\x00N0", b"{N", b"{NT", b"{N00", b"z", b"z\x05ab", b"a\xff\xff\xff\xff", b"a\x05\x00\x00\x00ab",
        b"f", b"f\x03abc", b"f\x04 1.5", b"f\x041_0.", b"f\x00", b"x\x011", b"x\x011\x01", b"x\x011\x01z",
        b"i\x01", b"I\x01\x02", b"g\x00", b"y\x00\x00\x00\x00\x00\x00\x00\x00", b"l\x02\x00\x00\x00\x01\x00",
        b"l\x01\x00\x00\x00\x00\x00", b"l\x01\x00\x00\x00\x00\x80", b"l\xff\xff\xff\x7f", b"l\x00\x00\x00\x80",
        b"s\xff\xff\xff\x7f", b"s\xff\xff\xff\xff", b"s\x02\x00\x00\x00a", b"u\x01\x00\x00\x00\xff",
        b"u\x02\x00\x00\x00\xe0\x80", b"u\x02\x00\x00\x00\xf0\x90", b"u\x03\x00\x00\x00\xf0\x90A",
        b"u\x01\x00\x00\x00\xc3", b"t\x02\x00\x00\x00\xc3\x28", b"?", b"\x01", b"\xff", b"r\x05\x00\x00\x00",
        b"r\xff\xff\xff\xff", b"r\x00\x00", b"\xbe\x01\x00\x00\x00r\x00\x00\x00\x00",
        b"\xe3\x00\x00\x00\x00", b"c\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00N",
        b"c\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00s\x01\x00\x00\x00\x00",
    ]
    .iter()
    .map(|b| b.to_vec())
    .collect();
    // Deep nesting: at and beyond MAX_MARSHAL_STACK_DEPTH, tuples and lists.
    for depth in [1999usize, 2000, 2001, 5000] {
        let mut t = b")\x01".repeat(depth);
        t.push(b'N');
        v.push(t);
        let mut l = b"[\x01\x00\x00\x00".repeat(depth);
        l.push(b'N');
        v.push(l);
    }
    // A code object whose co_code has odd length, and one whose argcount exceeds its locals.
    v.push(code_with(b"s\x01\x00\x00\x00\x00", 0));
    v.push(code_with(b"s\x02\x00\x00\x00\x97\x00", 1));
    v
}

/// A minimal code object record with `co_code` = `code` and the given argcount.
fn code_with(code: &[u8], argcount: i32) -> Vec<u8> {
    let mut b = vec![b'c'];
    for n in [argcount, 0, 0, 1, 0] {
        b.extend_from_slice(&n.to_le_bytes());
    }
    b.extend_from_slice(code);
    b.extend_from_slice(b")\x00)\x00)\x00s\x00\x00\x00\x00z\x01fz\x01fz\x01f");
    b.extend_from_slice(&1i32.to_le_bytes());
    b.extend_from_slice(b"s\x00\x00\x00\x00s\x00\x00\x00\x00");
    b
}

fn ours(data: &[u8]) -> String {
    match marshal::loads(data) {
        Ok(_) => "ok".into(),
        Err(e) => format!("{}: {}", e.kind.name(), e.message),
    }
}

#[test]
fn malformed_inputs_fail_cleanly() {
    for case in cases() {
        let _ = ours(&case);
    }
    let e = marshal::loads(b"s\xff\xff\xff\x7f").unwrap_err();
    assert_eq!(e.kind, ErrorKind::EOFError);
    let mut deep = b")\x01".repeat(2000);
    deep.push(b'N');
    assert_eq!(marshal::loads(&deep).unwrap_err().message, "recursion limit exceeded");
}

#[test]
fn errors_match_cpython() {
    let Some(py) = common::python311() else { return };
    let cases = cases();
    let hex: Vec<String> = cases.iter().map(|c| c.iter().map(|b| format!("{b:02x}")).collect()).collect();
    let script = format!(
        "import marshal\nfor h in {hex:?}:\n    try:\n        marshal.loads(bytes.fromhex(h)); print('ok')\n    except Exception as e:\n        print(f'{{type(e).__name__}}: {{e}}')\n"
    );
    let out = common::run_python(&py, &script);
    let want: Vec<&str> = out.lines().collect();
    assert_eq!(want.len(), cases.len());
    for (case, want) in cases.iter().zip(want) {
        assert_eq!(ours(case), want, "input {:02x?}", &case[..case.len().min(40)]);
    }
}
