//! The `_random` module: `Random`, the Mersenne Twister base class of `random.Random`
//! (seed, random, getrandbits, getstate, setstate), seeded exactly as CPython seeds it.

mod mt;

use crate::util::{expect, new_module, set, wrap};
use krait_vm::object::{Args, PyRef, Slots, TypeFlags, Value};
use krait_vm::types::int::bigint_of;
use krait_vm::types::methods::{method, MethodDef};
use krait_vm::{PyResult, Vm};
use mt::{Mt, N};
use num_bigint::{BigInt, Sign};
use num_traits::Signed;

/// Build the `_random` module.
pub fn make_module(vm: &mut Vm) -> PyRef {
    let (m, d) = new_module(vm, "_random", &[]);
    let slots = Slots { new: Some(random_new), init: Some(random_init), ..Slots::default() };
    let t = crate::util::new_type(vm, "_random", "_random.Random", None, slots, TypeFlags::BASETYPE, METHODS);
    set(vm, &d, "Random", Value::Obj(t));
    m
}

const METHODS: &[MethodDef] = &[
    method("seed", "(self, n=None, /)", |vm, a| {
        seed(vm, &a[0], &a[1])?;
        Ok(Value::None)
    }),
    method("random", "(self, /)", |vm, a| Ok(Value::Float(gen(vm, &a[0])?.borrow_mut().next_f64()))),
    method("getrandbits", "(self, k, /)", getrandbits),
    method("getstate", "(self, /)", getstate),
    method("setstate", "(self, state, /)", setstate),
];

fn gen<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a std::cell::RefCell<Mt>> {
    expect::<Mt>(vm, v, "_random.Random")
}

/// A key from the operating system's random source, else the time and process id.
fn entropy_key() -> Vec<u32> {
    use std::io::Read;
    let mut buf = [0u8; N * 4];
    let ok = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut buf)).is_ok();
    if ok {
        return buf.chunks(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
    }
    let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    vec![t.as_secs() as u32, t.subsec_nanos(), std::process::id()]
}

fn random_new(vm: &mut Vm, cls: &PyRef, _args: Args<'_>) -> PyResult<Value> {
    Ok(wrap(vm, cls, Mt::from_key(&entropy_key())))
}

/// random_init: Random(seed=None) for the exact type.
fn random_init(vm: &mut Vm, v: &Value, args: Args<'_>) -> PyResult<()> {
    let exact = crate::util::get_type(vm, "_random.Random")?;
    if vm.type_of(v).is(&exact) {
        crate::util::no_keywords(vm, "Random", args)?;
    }
    let pos = args.pos();
    if pos.len() > 1 {
        return Err(vm.new_type_error("Random() requires 0 or 1 argument"));
    }
    seed(vm, v, pos.first().unwrap_or(&Value::None))
}

/// random_seed: None seeds from the OS; an int by its absolute value's 32-bit words;
/// anything else by its hash (as an unsigned machine word).
fn seed(vm: &mut Vm, v: &Value, arg: &Value) -> PyResult<()> {
    let cell = gen(vm, v)?;
    let key = if arg.is_none() {
        entropy_key()
    } else {
        let n = match bigint_of(arg) {
            Some(b) => b.abs(),
            None => BigInt::from(vm.hash(arg)? as u64),
        };
        let words = n.to_u32_digits().1;
        if words.is_empty() { vec![0] } else { words }
    };
    *cell.borrow_mut() = Mt::from_key(&key);
    Ok(())
}

/// random_getrandbits: an int of k random bits, filled 32 bits at a time from the low end.
fn getrandbits(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let k = crate::util::index_i64(vm, &a[1])?.ok_or_else(|| vm.new_overflow_error("Python int too large to convert to C int"))?;
    if k < 0 {
        return Err(vm.new_value_error("number of bits must be non-negative"));
    }
    let cell = gen(vm, &a[0])?;
    if k <= 32 {
        if k == 0 {
            return Ok(Value::Int(0));
        }
        let r = cell.borrow_mut().next_u32() >> (32 - k);
        return Ok(Value::Int(r as i64));
    }
    if k > i32::MAX as i64 {
        return Err(vm.new_overflow_error("Python int too large to convert to C int"));
    }
    let mut left = k;
    let mut words = Vec::with_capacity(((k - 1) / 32 + 1) as usize);
    {
        let mut g = cell.borrow_mut();
        while left > 0 {
            let mut r = g.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            words.push(r);
            left -= 32;
        }
    }
    Ok(vm.new_bigint(BigInt::from_slice(Sign::Plus, &words)))
}

/// random_getstate: the 624 state words and the index, as a tuple.
fn getstate(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let items = {
        let g = gen(vm, &a[0])?.borrow();
        let mut items: Vec<Value> = g.state.iter().map(|&w| Value::Int(w as i64)).collect();
        items.push(Value::Int(g.index as i64));
        items
    };
    Ok(vm.new_tuple(items))
}

/// random_setstate
fn setstate(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let Some(items) = a[1].as_obj().and_then(|o| o.as_tuple()).map(<[Value]>::to_vec) else {
        return Err(vm.new_type_error("state vector must be a tuple"));
    };
    if items.len() != N + 1 {
        return Err(vm.new_value_error("state vector is the wrong size"));
    }
    let mut state = [0u32; N];
    for (slot, v) in state.iter_mut().zip(&items) {
        let Some(b) = bigint_of(v) else {
            let n = vm.type_name(v);
            return Err(vm.new_type_error(format!("'{n}' object cannot be interpreted as an integer")));
        };
        let (_, digits) = b.to_u32_digits();
        *slot = digits.first().copied().unwrap_or(0);
    }
    let index = crate::util::index_i64(vm, &items[N])?.unwrap_or(-1);
    if !(0..=N as i64).contains(&index) {
        return Err(vm.new_value_error("invalid state"));
    }
    *gen(vm, &a[0])?.borrow_mut() = Mt { state, index: index as usize };
    Ok(Value::None)
}
