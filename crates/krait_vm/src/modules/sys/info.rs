//! sys's constant data: version and implementation, platform, flags, float/int/hash info.

use crate::modules::structseq::{self, StructSeqDef};
use crate::object::{Payload, PyRef, Slots, TypeFlags, Value};
use crate::vm::{PyResult, Vm};

const VERSION: &str = "3.11.7 (main, krait) [rustc]";
const HEXVERSION: i64 = 0x030b_07f0;

const VERSION_INFO: StructSeqDef =
    StructSeqDef { name: "sys.version_info", fields: &["major", "minor", "micro", "releaselevel", "serial"], visible: 5, constructible: false };

const FLAGS: StructSeqDef = StructSeqDef {
    name: "sys.flags",
    fields: &[
        "debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site", "no_site", "ignore_environment", "verbose",
        "bytes_warning", "quiet", "hash_randomization", "isolated", "dev_mode", "utf8_mode", "warn_default_encoding", "safe_path",
        "int_max_str_digits",
    ],
    visible: 18,
    constructible: false,
};

const FLOAT_INFO: StructSeqDef = StructSeqDef {
    name: "sys.float_info",
    fields: &["max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon", "radix", "rounds"],
    visible: 11,
    constructible: false,
};

const INT_INFO: StructSeqDef = StructSeqDef {
    name: "sys.int_info",
    fields: &["bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"],
    visible: 4,
    constructible: false,
};

const HASH_INFO: StructSeqDef = StructSeqDef {
    name: "sys.hash_info",
    fields: &["width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"],
    visible: 9,
    constructible: false,
};

const THREAD_INFO: StructSeqDef = StructSeqDef { name: "sys.thread_info", fields: &["name", "lock", "version"], visible: 3, constructible: false };

/// Module names compiled into krait (no file on sys.path needed).
pub const BUILTIN_MODULE_NAMES: &[&str] = &[
    "_codecs", "_imp", "_io", "_locale", "_opcode", "_signal", "_thread", "_warnings", "_weakref", "atexit", "builtins", "errno", "gc", "marshal", "math",
    "posix", "sys", "time",
];

fn seq(vm: &mut Vm, def: &StructSeqDef, values: Vec<Value>) -> Value {
    let t = structseq::new_type(vm, def);
    structseq::new_instance(vm, &t, values)
}

/// Every constant attribute of sys.
pub fn values(vm: &mut Vm) -> Vec<(&'static str, Value)> {
    let s = |vm: &mut Vm, t: &str| vm.new_str(t);
    let final_ = s(vm, "final");
    let version_info = seq(vm, &VERSION_INFO, vec![Value::Int(3), Value::Int(11), Value::Int(7), final_, Value::Int(0)]);
    let o = &vm.options;
    let flags = vec![
        Value::Int(0), Value::Int(0), Value::Int(0), Value::Int(o.optimize as i64), Value::Int(o.dont_write_bytecode as i64), Value::Int(0),
        Value::Int(o.no_site as i64), Value::Int(0), Value::Int(0), Value::Int(0), Value::Int(0), Value::Int((o.hash_seed != Some(0)) as i64),
        Value::Int(0), Value::Bool(false), Value::Int(0), Value::Int(0), Value::Bool(false), Value::Int(-1),
    ];
    let flags = seq(vm, &FLAGS, flags);
    let float_info = vec![
        Value::Float(f64::MAX), Value::Int(f64::MAX_EXP as i64), Value::Int(f64::MAX_10_EXP as i64), Value::Float(f64::MIN_POSITIVE),
        Value::Int(f64::MIN_EXP as i64), Value::Int(f64::MIN_10_EXP as i64), Value::Int(f64::DIGITS as i64), Value::Int(f64::MANTISSA_DIGITS as i64),
        Value::Float(f64::EPSILON), Value::Int(f64::RADIX as i64), Value::Int(1),
    ];
    let float_info = seq(vm, &FLOAT_INFO, float_info);
    let int_info = seq(vm, &INT_INFO, vec![Value::Int(30), Value::Int(4), Value::Int(4300), Value::Int(640)]);
    let algorithm = s(vm, "siphash13");
    let hash_info = vec![
        Value::Int(64), Value::Int((1 << 61) - 1), Value::Int(314_159), Value::Int(0), Value::Int(1_000_003), algorithm, Value::Int(64),
        Value::Int(128), Value::Int(0),
    ];
    let hash_info = seq(vm, &HASH_INFO, hash_info);
    let (pthread, semaphore, nptl) = (s(vm, "pthread"), s(vm, "semaphore"), Value::None);
    let thread_info = seq(vm, &THREAD_INFO, vec![pthread, semaphore, nptl]);
    let implementation = implementation(vm, &version_info);
    let names: Vec<Value> = BUILTIN_MODULE_NAMES.iter().map(|n| vm.new_str(n)).collect();
    let builtin_module_names = vm.new_tuple(names);
    let byteorder = if cfg!(target_endian = "little") { "little" } else { "big" };
    let platform = if cfg!(target_os = "macos") { "darwin" } else if cfg!(windows) { "win32" } else { "linux" };
    let prefix = crate::modules::sys::paths::prefix();
    let mut out = vec![
        ("version", s(vm, VERSION)),
        ("version_info", version_info),
        ("hexversion", Value::Int(HEXVERSION)),
        ("api_version", Value::Int(1013)),
        ("implementation", implementation),
        ("flags", flags),
        ("float_info", float_info),
        ("int_info", int_info),
        ("hash_info", hash_info),
        ("thread_info", thread_info),
        ("maxsize", Value::Int(i64::MAX)),
        ("maxunicode", Value::Int(0x10ffff)),
        ("byteorder", s(vm, byteorder)),
        ("platform", s(vm, platform)),
        ("builtin_module_names", builtin_module_names),
        ("float_repr_style", s(vm, "short")),
        ("abiflags", s(vm, "")),
        ("platlibdir", s(vm, "lib")),
        ("copyright", s(vm, "Copyright (c) krait authors; Python is Copyright (c) Python Software Foundation.")),
    ];
    for name in ["prefix", "exec_prefix", "base_prefix", "base_exec_prefix"] {
        out.push((name, s(vm, &prefix)));
    }
    let warnoptions = vm.new_list(Vec::new());
    out.push(("warnoptions", warnoptions));
    let xoptions = vm.new_dict();
    out.push(("_xoptions", xoptions));
    out
}

/// sys.implementation: a namespace with name, cache_tag, version, hexversion, _multiarch.
fn implementation(vm: &mut Vm, version_info: &Value) -> Value {
    let slots = Slots { repr: Some(namespace_repr), ..Slots::default() };
    let ty = vm.new_builtin_type("SimpleNamespace", None, slots, TypeFlags::HAS_DICT | TypeFlags::BASETYPE);
    let module = vm.new_str("types");
    vm.set_type_attr(&ty, "__module__", module);
    let obj = PyRef::new(crate::object::PyObject::new(ty, Payload::Object));
    let d = vm.new_dict_ref();
    let name = vm.new_str("krait");
    let tag = vm.new_str("krait-311");
    // The multiarch tuple (as CPython's on Linux): sysconfig names its build-data module with it.
    let multiarch = vm.new_str(&format!("{}-{}-gnu", std::env::consts::ARCH, std::env::consts::OS));
    for (k, v) in [("name", name), ("cache_tag", tag), ("version", version_info.clone()), ("hexversion", Value::Int(HEXVERSION)), ("_multiarch", multiarch)] {
        let key = Value::Obj(vm.intern(k));
        // Interned str keys never run Python code.
        let _ = vm.dict_set_item(&d, key, v);
    }
    *obj.dict.borrow_mut() = Some(d);
    Value::Obj(obj)
}

/// `namespace(a=1, b=2)`.
fn namespace_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let d = v.as_obj().and_then(|o| o.dict.borrow().clone());
    let pairs: Vec<(Value, Value)> = match d.as_ref().and_then(|d| d.as_dict()) {
        Some(t) => t.borrow().iter().filter(|(_, e)| !e.key.is_null()).map(|(_, e)| (e.key.clone(), e.value.clone())).collect(),
        None => Vec::new(),
    };
    let mut parts = Vec::new();
    for (k, val) in pairs {
        let r = vm.repr(&val)?;
        parts.push(format!("{}={}", vm.str_of(&k), r.as_str().map(|s| s.as_str()).unwrap_or("")));
    }
    Ok(vm.new_str(&format!("namespace({})", parts.join(", "))))
}
