//! The verifier rejects malformed code objects with a description, and accepts valid ones;
//! a deterministic fuzz smoke test feeds mutated real .pyc bytes through unmarshal + verify.

mod common;

use krait_bytecode::exception_table::{self, ExceptionEntry};
use krait_bytecode::verify::verify;
use krait_bytecode::{line_table, marshal, CodeObject, Constant};
use std::rc::Rc;

/// `RESUME 0; LOAD_CONST 0 (None); RETURN_VALUE` with the given changes applied.
fn code(f: impl FnOnce(&mut CodeObject)) -> Rc<CodeObject> {
    let mut c = CodeObject {
        argcount: 0,
        posonlyargcount: 0,
        kwonlyargcount: 0,
        stacksize: 1,
        flags: 0,
        code: Rc::from(&[151u8, 0, 100, 0, 83, 0][..]),
        consts: vec![Constant::None],
        names: vec![],
        localsplusnames: vec![],
        localspluskinds: vec![],
        filename: "<t>".into(),
        name: "<module>".into(),
        qualname: "<module>".into(),
        firstlineno: 1,
        linetable: Rc::from(&[][..]),
        exceptiontable: Rc::from(&[][..]),
    };
    f(&mut c);
    Rc::new(c)
}

fn err(c: Rc<CodeObject>) -> String {
    verify(&c).expect_err("should be rejected").to_string()
}

#[test]
fn rejects_bad_code() {
    assert!(verify(&code(|_| {})).is_ok());
    let set = |bytes: &[u8]| {
        let b: Rc<[u8]> = Rc::from(bytes);
        code(move |c| c.code = b)
    };
    assert!(err(code(|c| c.stacksize = 0)).contains("exceeds co_stacksize"));
    assert!(err(set(&[151, 0, 100, 1, 83, 0])).contains("out of range for co_consts"));
    assert!(err(set(&[151, 0, 100, 0, 1, 0, 83, 0])).contains("RETURN_VALUE needs 1 items"));
    assert!(err(set(&[151, 0, 1, 0, 100, 0, 83, 0])).contains("stack underflow"));
    assert!(err(set(&[151, 0, 100, 0])).contains("falls off the end"));
    assert!(err(set(&[151, 0, 255, 0])).contains("unknown opcode"));
    assert!(err(set(&[151, 0, 100, 0, 46, 0, 83, 0])).contains("specialised opcode"));
    assert!(err(set(&[151, 0, 0, 0, 100, 0, 83, 0])).contains("CACHE is not an instruction"));
    assert!(err(set(&[151, 0, 100, 0, 110, 5, 83, 0])).contains("jump target"));
    assert!(err(set(&[151, 0, 140, 9, 83, 0])).contains("jump before the start"));
    // A jump into the middle of BINARY_SUBSCR's caches.
    assert!(err(set(&[151, 0, 100, 0, 100, 0, 110, 1, 25, 0, 0, 0, 0, 0, 0, 0, 0, 0, 83, 0])).contains("jump target"));
    assert!(err(set(&[151, 0, 100, 0, 100, 0, 25, 0, 7, 0, 0, 0, 0, 0, 0, 0, 83, 0])).contains("non-zero CACHE"));
    assert!(err(set(&[151, 0, 144, 1, 144, 1, 144, 1, 144, 1, 100, 0, 83, 0])).contains("EXTENDED_ARG"));
    assert!(err(set(&[151, 0, 144, 0, 1, 0, 100, 0, 83, 0])).contains("takes no argument"));
    assert!(err(code(|c| c.code = Rc::from(&[][..]))).contains("non-empty"));
    assert!(err(code(|c| c.argcount = 1)).contains("argument counts"));
    let bad_table = exception_table::encode(&[ExceptionEntry { start: 0, end: 3, target: 7, depth: 0, lasti: false }]).unwrap();
    assert!(err(code(|c| c.exceptiontable = bad_table.into())).contains("handler target"));
    assert!(err(code(|c| c.exceptiontable = Rc::from(&[0x80u8, 1][..]))).contains("exception table"));
    // Merge point reached with two depths: POP_JUMP_FORWARD_IF_TRUE over a LOAD_CONST.
    let merge = set(&[151, 0, 100, 0, 100, 0, 115, 1, 100, 0, 83, 0]);
    assert!(err(code(|c| {
        c.code = merge.code.clone();
        c.stacksize = 3;
    }))
    .contains("inconsistent stack depth"));
    // Nested code objects are verified too.
    let inner = code(|c| c.stacksize = 0);
    let outer = code(|c| c.consts.push(Constant::Tuple(Rc::from(vec![Constant::Code(inner)]))));
    assert!(err(outer).contains("exceeds co_stacksize"));
}

/// A small xorshift generator: deterministic across runs and platforms.
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

fn mutate(rng: &mut Rng, data: &[u8]) -> Vec<u8> {
    let mut d = data.to_vec();
    for _ in 0..1 + rng.below(4) {
        let len = d.len();
        match rng.below(6) {
            0 => d[rng.below(len)] ^= 1 << rng.below(8),
            1 => d[rng.below(len)] = rng.next() as u8,
            2 => d.truncate(rng.below(len)),
            3 => {
                let (a, n) = (rng.below(len), rng.below(64));
                let chunk: Vec<u8> = d[a..(a + n).min(len)].to_vec();
                let at = rng.below(len);
                d.splice(at..at, chunk);
            }
            4 => {
                let a = rng.below(len);
                let b = (a + rng.below(16)).min(len);
                d.drain(a..b);
            }
            _ => {
                let at = rng.below(len);
                let v = [0x80u8, 0xff, 0x7f, 0x00][rng.below(4)];
                for x in d.iter_mut().skip(at).take(4) {
                    *x = v;
                }
            }
        }
        if d.is_empty() {
            break;
        }
    }
    d
}

#[test]
fn fuzz_smoke_mutated_pycs() {
    let Some(py) = common::python311() else { return };
    let files: Vec<Vec<u8>> = common::stdlib_pycs(&py)
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .filter(|d| d.len() > 200 && d.len() < 6000)
        .step_by(40)
        .take(8)
        .collect();
    assert!(!files.is_empty());
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let (mut loaded, mut verified) = (0, 0);
    for i in 0..4000 {
        let body = &files[i % files.len()][16..];
        let data = mutate(&mut rng, body);
        let Ok(value) = marshal::loads(&data) else { continue };
        loaded += 1;
        let _ = marshal::dumps(&value, 4);
        let _ = marshal::dumps(&value, 1);
        if let Constant::Code(c) = &value {
            if verify(c).is_ok() {
                verified += 1;
            }
            let _ = line_table::positions(&c.linetable, c.firstlineno as i32);
            let _ = line_table::lnotab(&c.linetable, c.firstlineno as i32);
            let _ = exception_table::decode(&c.exceptiontable);
        }
    }
    eprintln!("fuzz: {loaded} of 4000 mutants loaded, {verified} verified");
    assert!(loaded > 0);
}
