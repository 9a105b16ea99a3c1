//! Marshal of individual values against CPython 3.11: exact bytes for versions 0–2 (which have
//! no refs), and `marshal.loads` of our version-4 output equal to the original value.

mod common;

use krait_bytecode::marshal;

/// Python expressions covering every type code the writer produces.
const VALUES: &[&str] = &[
    "None", "True", "False", "...", "StopIteration", "0", "1", "-1", "2**31-1", "-2**31", "2**31",
    "-2**31-1", "2**40", "-2**40", "2**1000", "-(3**500)", "0.0", "-0.0", "1.5", "0.1", "1e300",
    "5e-324", "1e22", "1e16", "123456789012345678.0", "1e-5", "0.0001", "float('inf')",
    "-float('inf')", "float('nan')", "1j", "complex(1.5, -0.0)", "complex(float('inf'), 2)",
    "''", "'a'", "'abc'", "'hello world'", "'x'*300", "'é'", "'日本'", "'\\U0001f600'",
    "'\\ud800'", "'a\\udc80b'", "'\\ud800\\udc00'", "b''", "b'\\x00\\xff'", "bytes(range(256))*3",
    "()", "(1,)", "(1, 'a', (2.0, None))", "tuple(range(300))", "[]", "[1, [2, [3]]]",
    "{}", "{'b': 1, 'a': 2}", "{1: {2: 3}}", "set()", "{1, 'a', 2.0}", "frozenset()",
    "frozenset({'b', 'a', 'c'})", "frozenset({(1, 2), (1,), 3})", "{frozenset({1}), 2}",
    "('same', 'same', 'same')", "[(), (), ((),)]",
];

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
}

#[test]
fn values_match_cpython() {
    let Some(py) = common::python311() else { return };
    let script = format!(
        "import marshal\nfor e in {VALUES:?}:\n    v = eval(e)\n    print(' '.join(marshal.dumps(v, n).hex() for n in (2, 1, 0, 4)))\n"
    );
    let out = common::run_python(&py, &script);
    let mut v4 = Vec::new();
    for (line, expr) in out.lines().zip(VALUES) {
        let cols: Vec<Vec<u8>> = line.split(' ').map(unhex).collect();
        let value = marshal::loads(&cols[0]).unwrap_or_else(|e| panic!("{expr}: {e}"));
        let value4 = marshal::loads(&cols[3]).unwrap_or_else(|e| panic!("{expr}: {e}"));
        assert!(value.deep_eq(&value4), "{expr}: v2 and v4 loads differ");
        for (i, version) in [2u8, 1, 0].into_iter().enumerate() {
            let ours = marshal::dumps(&value, version).unwrap();
            assert_eq!(hex(&ours), hex(&cols[i]), "{expr} at version {version}");
        }
        v4.push(hex(&marshal::dumps(&value, 4).unwrap()));
    }
    // CPython loads our version-4 bytes (and version-3) to the same values.
    let v3: Vec<String> = VALUES
        .iter()
        .zip(out.lines())
        .map(|(_, line)| hex(&marshal::dumps(&marshal::loads(&unhex(line.split(' ').next().unwrap())).unwrap(), 3).unwrap()))
        .collect();
    let script = format!(
        "import marshal, math\n\
         def same(a, b):\n    if isinstance(a, float): return repr(a) == repr(b) and type(a) is type(b)\n    \
         if isinstance(a, complex): return same(a.real, b.real) and same(a.imag, b.imag)\n    \
         if isinstance(a, (tuple, list)): return type(a) is type(b) and len(a) == len(b) and all(map(same, a, b))\n    \
         return type(a) is type(b) and a == b\n\
         for e, h4, h3 in zip({VALUES:?}, {v4:?}, {v3:?}):\n    \
         v = eval(e)\n    print(e, same(v, marshal.loads(bytes.fromhex(h4))), same(v, marshal.loads(bytes.fromhex(h3))))\n"
    );
    let out = common::run_python(&py, &script);
    for line in out.lines() {
        assert!(line.ends_with("True True"), "CPython loads our bytes differently: {line}");
    }
    assert_eq!(out.lines().count(), VALUES.len());
}

#[test]
fn deep_and_wide_values_write_fast() {
    use krait_bytecode::Constant;
    use std::rc::Rc;
    // 1999 nested frozensets: linear-ish, not exponential, work.
    let mut v = Constant::None;
    for _ in 0..1998 {
        v = Constant::FrozenSet(Rc::from(vec![v, Constant::Int(1.into())]));
    }
    let bytes = marshal::dumps(&v, 4).unwrap();
    assert!(marshal::loads(&bytes).unwrap().deep_eq(&v));
    let too_deep = Constant::Tuple(Rc::from(vec![Constant::Tuple(Rc::from(vec![v]))]));
    assert_eq!(marshal::dumps(&too_deep, 4).unwrap_err().message, "object too deeply nested to marshal");
}
