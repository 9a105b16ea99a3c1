//! .pyc headers, the source hash (reference test vectors and `_imp.source_hash`), cache paths
//! (against `importlib.util`).

mod common;

use krait_bytecode::pyc::*;
use std::path::Path;

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

#[test]
fn source_hash_vectors() {
    for (src, want) in [
        (&b""[..], "738d9cd5d5e87f73"),
        (b"a", "fa30db0730dcbf07"),
        (b"abc", "c7af82e77c1da4f5"),
        (b"x = 1\n", "4c0372aa93f75252"),
        (b"x = 1\nprint(x)\n", "b806e0f99514a059"),
    ] {
        assert_eq!(hex(&source_hash(src)), want);
    }
}

#[test]
fn source_hash_matches_imp() {
    let Some(py) = common::python311() else { return };
    let inputs: Vec<Vec<u8>> = (0..40).map(|n| (0..n * 3).map(|i| (i * 7 + n) as u8).collect()).collect();
    let hexes: Vec<String> = inputs.iter().map(|b| hex(b)).collect();
    let script = format!(
        "import _imp, importlib.util\nfor h in {hexes:?}:\n    print(_imp.source_hash(importlib.util._RAW_MAGIC_NUMBER, bytes.fromhex(h)).hex())\n"
    );
    let out = common::run_python(&py, &script);
    for (input, want) in inputs.iter().zip(out.lines()) {
        assert_eq!(hex(&source_hash(input)), want);
    }
}

#[test]
fn headers() {
    let ts = PycHeader { validation: Validation::Timestamp { mtime: 0x01020304, size: 77 } };
    let b = ts.to_bytes();
    assert_eq!(hex(&b), "a70d0d0a00000000040302014d000000");
    assert_eq!(PycHeader::parse(&b).unwrap(), ts);
    let h = PycHeader { validation: Validation::Hash { hash: source_hash(b"abc"), check_source: true } };
    let b = h.to_bytes();
    assert_eq!(&b[4..8], &[3, 0, 0, 0]);
    assert_eq!(PycHeader::parse(&b).unwrap(), h);
    let mut bad = b;
    bad[0] = 0x42;
    assert!(matches!(PycHeader::parse(&bad), Err(PycError::BadMagic(_))));
    let mut bad = b;
    bad[4] = 4;
    assert_eq!(PycHeader::parse(&bad), Err(PycError::BadFlags(4)));
    assert_eq!(PycHeader::parse(&b[..10]), Err(PycError::Truncated));
    assert_eq!(PycHeader::parse(&[]), Err(PycError::Truncated));
    assert_eq!(write_pyc(&ts, b"N")[16..], *b"N");
}

#[test]
fn cache_paths_match_importlib() {
    let Some(py) = common::python311() else { return };
    let sources = ["/a/b/foo.py", "foo.py", "/x/.py", "/x/noext", "rel/dir/mod.pyw", "/a/b.c/pkg.x.py"];
    let opts = ["", "1", "2", "abc"];
    let script = format!(
        "import importlib.util as u\n\
         for s in {sources:?}:\n    for o in {opts:?}:\n        print(u.cache_from_source(s, optimization=o).replace('cpython-311', 'krait-311'))\n\
         for p in ['/a/__pycache__/foo.cpython-311.pyc', 'x/__pycache__/m.cpython-311.opt-2.pyc', '__pycache__/q.t.pyc',\n          '/a/foo.cpython-311.pyc', '/a/__pycache__/foo.pyc', '/a/__pycache__/a.b.c.d.pyc', '/a/__pycache__/a.t.opt-.pyc']:\n    try: print(u.source_from_cache(p))\n    except ValueError as e: print('ValueError:', e)\n"
    );
    let out = common::run_python(&py, &script);
    let mut lines = out.lines();
    for s in sources {
        for o in opts {
            let ours = cache_from_source(Path::new(s), "krait-311", o).unwrap();
            assert_eq!(ours.display().to_string(), lines.next().unwrap(), "{s} {o}");
        }
    }
    for p in [
        "/a/__pycache__/foo.cpython-311.pyc",
        "x/__pycache__/m.cpython-311.opt-2.pyc",
        "__pycache__/q.t.pyc",
        "/a/foo.cpython-311.pyc",
        "/a/__pycache__/foo.pyc",
        "/a/__pycache__/a.b.c.d.pyc",
        "/a/__pycache__/a.t.opt-.pyc",
    ] {
        let ours = match source_from_cache(Path::new(p)) {
            Ok(x) => x.display().to_string(),
            Err(e) => format!("ValueError: {e}"),
        };
        assert_eq!(ours, lines.next().unwrap(), "{p}");
    }
    assert!(cache_from_source(Path::new("a.py"), "krait-311", "x-1").is_err());
}
