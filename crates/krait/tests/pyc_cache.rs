//! Bytecode on disk, krait side: the import cache (written on first import, used while the
//! source is unchanged, recompiled when stale or corrupt; -B, PYTHONDONTWRITEBYTECODE,
//! PYTHONPYCACHEPREFIX; hash-based pycs; sourceless modules), running `.pyc` files, bad
//! `.pyc` files (compared with CPython 3.11 when present), and a fuzz smoke test of the loader.
#![forbid(unsafe_code)]

#[allow(dead_code)]
mod pyc_support;

use pyc_support::{cpython, header, krait, mtime_size, patch, run, Run, TempDir, MAGIC};
use std::path::Path;
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(20);

fn krait_in(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    run(&krait(), args, dir, env, TIMEOUT)
}

fn ok_stdout(r: &Run) -> String {
    assert_eq!(r.code, Some(0), "stdout: {}\nstderr: {}", r.stdout_text(), r.stderr_text());
    r.stdout_text()
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).expect("write");
}

/// A body (marshalled code) compiled by krait from `source`, via `-m py_compile`.
fn compiled_body(tmp: &TempDir, source: &str) -> Vec<u8> {
    let dir = tmp.path("other");
    std::fs::create_dir_all(&dir).expect("mkdir");
    write(&dir.join("mod.py"), source);
    ok_stdout(&krait_in(&dir, &["-m", "py_compile", "mod.py"], &[]));
    let data = std::fs::read(dir.join("__pycache__/mod.krait-311.pyc")).expect("pyc");
    data[16..].to_vec()
}

/// CPython's own Lib (py_compile, importlib.util), run by krait, names caches krait's way.
#[test]
fn lib_py_compile_and_importlib_use_krait_names() {
    let tmp = TempDir::new("libnames");
    let dir = tmp.path("d");
    std::fs::create_dir_all(&dir).expect("mkdir");
    write(&dir.join("mod.py"), "print('hi from mod')\n");
    write(
        &dir.join("t.py"),
        "import importlib.util, py_compile, os\n\
         print(importlib.util.cache_from_source('pkg/mod.py'))\n\
         print(importlib.util.cache_from_source('pkg/mod.py', optimization=2))\n\
         print(importlib.util.source_from_cache('pkg/__pycache__/mod.krait-311.pyc'))\n\
         out = py_compile.compile('mod.py', doraise=True)\n\
         print(os.path.relpath(out))\n\
         print(open(out, 'rb').read(4) == importlib.util.MAGIC_NUMBER)\n",
    );
    let out = ok_stdout(&krait_in(&dir, &["t.py"], &[]));
    assert_eq!(
        out,
        "pkg/__pycache__/mod.krait-311.pyc\npkg/__pycache__/mod.krait-311.opt-2.pyc\npkg/mod.py\n__pycache__/mod.krait-311.pyc\nTrue\n"
    );
    let pyc = std::fs::read(dir.join("__pycache__/mod.krait-311.pyc")).expect("pyc written by Lib's py_compile");
    assert_eq!(&pyc[..4], &MAGIC);
    assert_eq!(ok_stdout(&krait_in(&dir, &["__pycache__/mod.krait-311.pyc"], &[])), "hi from mod\n");
}

#[test]
fn import_cache_is_written_used_and_refreshed() {
    let tmp = TempDir::new("cache");
    write(&tmp.path("main.py"), "import mod\nprint(mod.f(), mod.__cached__.endswith('__pycache__/mod.krait-311.pyc'))\n");
    write(&tmp.path("mod.py"), "def f():\n    return 1\n");
    let cfile = tmp.path("__pycache__/mod.krait-311.pyc");
    assert_eq!(ok_stdout(&krait_in(&tmp.0, &["main.py"], &[])), "1 True\n");
    let data = std::fs::read(&cfile).expect("cache written on first import");
    assert_eq!(data[..4], MAGIC);
    let (mtime, size) = mtime_size(&tmp.path("mod.py"));
    assert_eq!(header(&data), (0, mtime, size), "timestamp header");
    // The main script itself is never cached.
    assert!(!tmp.path("__pycache__/main.krait-311.pyc").exists());

    // The cache is what runs while the source is unchanged: put other code behind the header.
    let mut forged = data[..16].to_vec();
    forged.extend(compiled_body(&tmp, "def f():\n    return 2\n"));
    std::fs::write(&cfile, &forged).expect("write");
    assert_eq!(ok_stdout(&krait_in(&tmp.0, &["main.py"], &[])), "2 True\n");

    // A source change (size differs) makes it stale: recompiled and rewritten.
    write(&tmp.path("mod.py"), "def f():\n    return 333\n");
    assert_eq!(ok_stdout(&krait_in(&tmp.0, &["main.py"], &[])), "333 True\n");
    let (mtime, size) = mtime_size(&tmp.path("mod.py"));
    assert_eq!(header(&std::fs::read(&cfile).expect("pyc")), (0, mtime, size));

    // A corrupt body behind a valid header is stale too, never a crash.
    let mut corrupt = std::fs::read(&cfile).expect("pyc");
    corrupt.truncate(30);
    std::fs::write(&cfile, &corrupt).expect("write");
    assert_eq!(ok_stdout(&krait_in(&tmp.0, &["main.py"], &[])), "333 True\n");
    assert!(std::fs::read(&cfile).expect("pyc").len() > 30, "rewritten");
}

#[test]
fn cache_options_and_locations() {
    let tmp = TempDir::new("opts");
    write(&tmp.path("main.py"), "import mod\nprint(mod.x)\n");
    write(&tmp.path("mod.py"), "x = 5\nassert False, 'asserts stay under -O0'\n");
    let pycache = tmp.path("__pycache__");
    // -B and PYTHONDONTWRITEBYTECODE: no cache.
    let r = krait_in(&tmp.0, &["-B", "main.py"], &[]);
    assert_eq!(r.code, Some(1));
    assert!(!pycache.exists());
    write(&tmp.path("mod.py"), "x = 5\nassert False\n");
    assert_eq!(ok_stdout(&krait_in(&tmp.0, &["-O", "main.py"], &[("PYTHONDONTWRITEBYTECODE", "1")])), "5\n");
    assert!(!pycache.exists());
    // -O / -OO: .opt-1 / .opt-2 files.
    ok_stdout(&krait_in(&tmp.0, &["-O", "main.py"], &[]));
    ok_stdout(&krait_in(&tmp.0, &["-OO", "main.py"], &[]));
    assert!(pycache.join("mod.krait-311.opt-1.pyc").is_file());
    assert!(pycache.join("mod.krait-311.opt-2.pyc").is_file());
    assert!(!pycache.join("mod.krait-311.pyc").exists());
    // PYTHONPYCACHEPREFIX mirrors the source's absolute directory under the prefix.
    let prefix = tmp.path("prefix");
    let p = prefix.display().to_string();
    let r = krait_in(&tmp.0, &["-O", "-c", "import sys, mod; print(sys.pycache_prefix == sys.argv[1] or sys.pycache_prefix, mod.__cached__)", &p], &[("PYTHONPYCACHEPREFIX", &p)]);
    let rel = tmp.0.strip_prefix("/").expect("absolute temp dir");
    let expected = prefix.join(rel).join("mod.krait-311.opt-1.pyc");
    assert_eq!(ok_stdout(&r), format!("True {}\n", expected.display()));
    assert!(expected.is_file());
}

#[test]
fn hash_based_pycs_follow_check_source() {
    let tmp = TempDir::new("hash");
    write(&tmp.path("main.py"), "import mod\nprint(mod.f())\n");
    write(&tmp.path("mod.py"), "def f():\n    return 1\n");
    let cfile = tmp.path("__pycache__/mod.krait-311.pyc");
    let other = compiled_body(&tmp, "def f():\n    return 2\n");
    for (mode, flags) in [("checked-hash", 3u32), ("unchecked-hash", 1)] {
        let r = krait_in(&tmp.0, &["-m", "compileall", "-q", "-f", "--invalidation-mode", mode, "mod.py"], &[]);
        assert_eq!(ok_stdout(&r), "");
        let data = std::fs::read(&cfile).expect("pyc");
        assert_eq!(header(&data).0, flags, "{mode} flags");
        // Same hash, other code: the cache is used.
        let mut forged = data[..16].to_vec();
        forged.extend(&other);
        std::fs::write(&cfile, &forged).expect("write");
        assert_eq!(ok_stdout(&krait_in(&tmp.0, &["main.py"], &[])), "2\n", "{mode}");
        // A wrong hash: checked pycs are recompiled (and stay hash-based), unchecked ones are trusted.
        forged[8] ^= 0xff;
        std::fs::write(&cfile, &forged).expect("write");
        let expect = if flags == 3 { "1\n" } else { "2\n" };
        assert_eq!(ok_stdout(&krait_in(&tmp.0, &["main.py"], &[])), expect, "{mode} with a stale hash");
        assert_eq!(header(&std::fs::read(&cfile).expect("pyc")).0, flags);
    }
}

#[test]
fn sourceless_modules_and_packages_import() {
    let tmp = TempDir::new("sourceless");
    let body = compiled_body(&tmp, "def f():\n    return 'from pyc'\n");
    let mut pyc = MAGIC.to_vec();
    pyc.extend([0u8; 12]);
    pyc.extend(&body);
    std::fs::write(tmp.path("slmod.pyc"), &pyc).expect("write");
    std::fs::create_dir_all(tmp.path("slpkg")).expect("mkdir");
    std::fs::write(tmp.path("slpkg/__init__.pyc"), &pyc).expect("write");
    write(&tmp.path("main.py"), "import slmod, slpkg\nprint(slmod.f(), slmod.__file__ == slmod.__cached__, slmod.__file__.endswith('slmod.pyc'), slpkg.__path__[0].endswith('slpkg'))\n");
    assert_eq!(ok_stdout(&krait_in(&tmp.0, &["main.py"], &[])), "from pyc True True True\n");
    // A bad sourceless module is an ImportError naming the module.
    std::fs::write(tmp.path("slmod.pyc"), b"\x00\x01\x02\x03 garbage").expect("write");
    let r = krait_in(&tmp.0, &["main.py"], &[]);
    assert_eq!(r.code, Some(1));
    assert!(r.stderr_text().ends_with("ImportError: bad magic number in 'slmod': b'\\x00\\x01\\x02\\x03'\n"), "{}", r.stderr_text());
}

#[test]
fn run_pyc_and_module_as_main() {
    let tmp = TempDir::new("run");
    write(&tmp.path("prog.py"), "import sys\nprint('prog', __name__, sys.argv[1:])\n");
    ok_stdout(&krait_in(&tmp.0, &["-m", "py_compile", "prog.py"], &[]));
    let r = krait_in(&tmp.0, &["__pycache__/prog.krait-311.pyc", "a"], &[]);
    assert_eq!(ok_stdout(&r), "prog __main__ ['a']\n");
    // Detected by the magic number, not only by the extension.
    std::fs::copy(tmp.path("__pycache__/prog.krait-311.pyc"), tmp.path("noext")).expect("copy");
    assert_eq!(ok_stdout(&krait_in(&tmp.0, &["noext"], &[])), "prog __main__ []\n");
    // -m: sys.argv[0] is the module's full path; packages run __main__.
    std::fs::create_dir_all(tmp.path("pkg")).expect("mkdir");
    write(&tmp.path("pkg/__init__.py"), "");
    write(&tmp.path("pkg/__main__.py"), "import sys\nprint(__name__, __package__, sys.argv[0] == sys.path[0] + '/pkg/__main__.py', sys.argv[1:])\n");
    assert_eq!(ok_stdout(&krait_in(&tmp.0, &["-m", "pkg", "x"], &[])), "__main__ pkg True ['x']\n");
    let r = krait_in(&tmp.0, &["-m", "nonexistent_mod"], &[]);
    assert_eq!(r.code, Some(1));
    assert!(r.stderr_text().ends_with(": No module named nonexistent_mod\n"), "{}", r.stderr_text());
}

/// Bad `.pyc` files given on the command line: exit 1 with an exception, as CPython.
#[test]
fn bad_pyc_files_raise_like_cpython() {
    let tmp = TempDir::new("bad");
    write(&tmp.path("prog.py"), "x = 1\nprint(x)\n");
    ok_stdout(&krait_in(&tmp.0, &["-m", "py_compile", "prog.py"], &[]));
    let good = std::fs::read(tmp.path("__pycache__/prog.krait-311.pyc")).expect("pyc");
    let mut bad_magic = good.clone();
    bad_magic[2] = 0;
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("bad_magic.pyc", bad_magic, "RuntimeError: Bad magic number in .pyc file\n"),
        ("short.pyc", good[..2].to_vec(), "RuntimeError: Bad magic number in .pyc file\n"),
        ("magic_only.pyc", good[..4].to_vec(), "EOFError: EOF read where not expected\n"),
        ("short_header.pyc", good[..10].to_vec(), "EOFError: EOF read where not expected\n"),
        ("short_body.pyc", good[..good.len() - 5].to_vec(), "RuntimeError: Bad code object in .pyc file\n"),
        ("empty_body.pyc", good[..16].to_vec(), "RuntimeError: Bad code object in .pyc file\n"),
    ];
    let python = cpython();
    for (name, data, expected) in &cases {
        std::fs::write(tmp.path(name), data).expect("write");
        let r = krait_in(&tmp.0, &[name], &[]);
        assert_eq!((r.code, r.stderr_text().as_str()), (Some(1), *expected), "{name}");
        if let Some(py) = &python {
            let c = run(py, &[name], &tmp.0, &[], TIMEOUT);
            assert_eq!((c.code, c.stderr_text().as_str()), (Some(1), *expected), "CPython on {name}");
        }
    }
    // A code object failing verification (LOAD_CONST 255 with two constants): named in the error.
    let mut unverifiable = good.clone();
    assert!(patch(&mut unverifiable, &[0x64, 0x01, 0x53, 0x00], &[0x64, 0xff, 0x53, 0x00]), "LOAD_CONST 1; RETURN_VALUE in the pyc");
    std::fs::write(tmp.path("unverifiable.pyc"), &unverifiable).expect("write");
    let r = krait_in(&tmp.0, &["unverifiable.pyc"], &[]);
    assert_eq!(r.code, Some(1));
    let err = r.stderr_text();
    assert!(err.starts_with("RuntimeError: Bad code object in .pyc file '") && err.contains("unverifiable.pyc"), "{err}");
}

/// Deterministic xorshift generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn mutate(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    let mut d = seed.to_vec();
    for _ in 0..1 + rng.below(4) {
        let i = 16 + rng.below(d.len().saturating_sub(16));
        let last = d.len() - 1;
        match rng.below(6) {
            0 => d[i.min(last)] ^= 1 << rng.below(8),
            1 => d[i.min(last)] = rng.next() as u8,
            2 => d.truncate(i),
            3 => d.insert(i.min(d.len()), rng.next() as u8),
            4 if i < d.len() => {
                d.remove(i);
            }
            _ => {
                let j = 16 + rng.below(d.len().saturating_sub(16));
                if i < d.len() && j < d.len() {
                    d.swap(i, j);
                }
            }
        }
        if d.len() <= 16 {
            break;
        }
    }
    d
}

const FUZZ_SEED_PROGRAM: &str = "
import sys
def gen(n):
    for i in range(n):
        try:
            yield i * 2
        except ValueError as e:
            raise RuntimeError('x') from e
        finally:
            pass
class C:
    'doc'
    def m(self, a, *args, k=1, **kw):
        return [x for x in args if x] + list({k: v for k, v in kw.items()})
if __name__ == '__main__':
    print(sum(gen(3)), C().m(1, 0, 2, z=3), 1.5j, b'\\x00', (1, 2), frozenset({1}))
";

/// Thousands of mutations of a real .pyc through the loader in-process (unmarshal, verify,
/// decode), then a sample through `krait FILE.pyc`: errors are fine, panics and signals not.
#[test]
fn fuzz_pyc_loader_never_crashes() {
    let tmp = TempDir::new("fuzz");
    write(&tmp.path("seed.py"), FUZZ_SEED_PROGRAM);
    ok_stdout(&krait_in(&tmp.0, &["-m", "py_compile", "seed.py"], &[]));
    let seed = std::fs::read(tmp.path("__pycache__/seed.krait-311.pyc")).expect("pyc");
    let mut vm = krait_vm::Vm::new(krait_vm::VmOptions::default());
    let path = tmp.path("fuzz.pyc");
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let (mut accepted, mut rejected) = (0, 0);
    let mut samples = Vec::new();
    for i in 0..4000 {
        let data = mutate(&mut rng, &seed);
        match krait_vm::import::pyc_file::main_pyc_code(&mut vm, &path, &data) {
            Ok(code) => {
                accepted += 1;
                // Decoding verified code into the VM's form must not panic either.
                let _ = vm.load_code(code);
                if samples.len() < 40 {
                    samples.push(data);
                }
            }
            Err(_) => {
                rejected += 1;
                if i % 100 == 0 {
                    samples.push(data);
                }
            }
        }
    }
    assert!(rejected > 0 && accepted + rejected == 4000);
    for (n, data) in samples.iter().enumerate() {
        std::fs::write(&path, data).expect("write");
        let r = run(&krait(), &["fuzz.pyc"], &tmp.0, &[], Duration::from_secs(5));
        if r.timed_out {
            continue; // a mutated jump may loop forever: not a crash
        }
        assert!(matches!(r.code, Some(0 | 1)), "sample {n}: exit {:?}\n{}", r.code, r.stderr_text());
    }
}
