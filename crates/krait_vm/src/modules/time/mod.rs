//! The `time` module: clocks, sleep, struct_time conversions (gmtime, localtime, mktime,
//! asctime, ctime, strftime) and the timezone constants.
//!
//! Local time is UTC unless the `TZ` environment variable holds a fixed POSIX offset
//! such as `EST+5` or `UTC-3` (daylight saving rules are not interpreted).

mod calendar;

use crate::modules::structseq::{self, StructSeqDef};
use crate::object::{PyRef, Value};
use crate::types::methods::{method, MethodDef};
use crate::vm::{PyResult, Vm};
use calendar::Tm;
use std::sync::OnceLock;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

const STRUCT_TIME: StructSeqDef = StructSeqDef {
    name: "time.struct_time",
    fields: &["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff"],
    visible: 9,
    constructible: true,
};

/// Functions that need no module state.
const FUNCTIONS: &[MethodDef] = &[
    method("time", "()", |_, _| Ok(Value::Float(since_epoch().as_secs_f64()))),
    method("time_ns", "()", |_, _| Ok(Value::Int(since_epoch().as_nanos() as i64))),
    method("perf_counter", "()", |_, _| Ok(Value::Float(monotonic().as_secs_f64()))),
    method("perf_counter_ns", "()", |_, _| Ok(Value::Int(monotonic().as_nanos() as i64))),
    method("monotonic", "()", |_, _| Ok(Value::Float(monotonic().as_secs_f64()))),
    method("monotonic_ns", "()", |_, _| Ok(Value::Int(monotonic().as_nanos() as i64))),
    method("process_time", "()", |_, _| Ok(Value::Float(process_time().as_secs_f64()))),
    method("process_time_ns", "()", |_, _| Ok(Value::Int(process_time().as_nanos() as i64))),
    method("thread_time", "()", |_, _| Ok(Value::Float(thread_time().as_secs_f64()))),
    method("thread_time_ns", "()", |_, _| Ok(Value::Int(thread_time().as_nanos() as i64))),
    method("sleep", "(secs, /)", sleep),
    method("get_clock_info", "(name, /)", get_clock_info),
    method("strptime", "(string, format=?, /)", strptime),
];

// time_strptime: the work is done by the pure-Python `_strptime` module.
fn strptime(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let m = crate::import::import_absolute(vm, "_strptime")?;
    let f = vm.get_attr_str(&Value::Obj(m), "_strptime_time")?;
    let args: Vec<Value> = a.iter().filter(|v| !v.is_null()).cloned().collect();
    vm.call_positional(&f, &args)
}

/// Functions bound to the struct_time type (their first parameter).
const STRUCT_FUNCTIONS: &[MethodDef] = &[
    method("gmtime", "(st, seconds=None, /)", gmtime),
    method("localtime", "(st, seconds=None, /)", localtime),
    method("mktime", "(st, t, /)", mktime),
    method("asctime", "(st, t=None, /)", asctime),
    method("ctime", "(st, seconds=None, /)", ctime),
    method("strftime", "(st, format, t=None, /)", strftime),
];

/// Build the `time` module.
pub fn make_module(vm: &mut Vm) -> PyRef {
    let d = vm.new_dict_ref();
    let m = PyRef::new(crate::object::PyObject::new(vm.types.module.clone(), crate::object::Payload::Object));
    *m.dict.borrow_mut() = Some(d.clone());
    let set = |vm: &mut Vm, name: &str, v: Value| {
        let key = Value::Obj(vm.intern(name));
        // Interned str keys never run Python code.
        let _ = vm.dict_set_item(&d, key, v);
    };
    let name = vm.new_str("time");
    set(vm, "__name__", name);
    let st = structseq::new_type(vm, &STRUCT_TIME);
    set(vm, "struct_time", Value::Obj(st.clone()));
    for f in FUNCTIONS {
        let func = vm.new_native_function(f.name, "time", f.sig, f.func, Value::Null, false);
        set(vm, f.name, Value::Obj(func));
    }
    for f in STRUCT_FUNCTIONS {
        let func = vm.new_native_function(f.name, "time", f.sig, f.func, Value::Obj(st.clone()), false);
        set(vm, f.name, Value::Obj(func));
    }
    let (zone, offset) = local_zone();
    set(vm, "timezone", Value::Int(-offset));
    set(vm, "altzone", Value::Int(-offset));
    set(vm, "daylight", Value::Int(0));
    set(vm, "_STRUCT_TM_ITEMS", Value::Int(STRUCT_TIME.fields.len() as i64));
    let z1 = vm.new_str(&zone);
    let tzname = vm.new_tuple(vec![z1.clone(), z1]);
    set(vm, "tzname", tzname);
    for (n, v) in [("CLOCK_REALTIME", 0), ("CLOCK_MONOTONIC", 1), ("CLOCK_PROCESS_CPUTIME_ID", 2), ("CLOCK_THREAD_CPUTIME_ID", 3)] {
        set(vm, n, Value::Int(v));
    }
    m
}

fn since_epoch() -> Duration {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default()
}

/// Time on a monotonic clock (since the first use in this process).
fn monotonic() -> Duration {
    static START: OnceLock<Instant> = OnceLock::new();
    START.get_or_init(Instant::now).elapsed()
}

// time_get_clock_info: a types.SimpleNamespace describing clock `name` (Linux's clocks).
fn get_clock_info(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let name = crate::modules::util::str_arg(vm, &a[0], "get_clock_info() argument 1")?;
    let (implementation, monotonic, adjustable) = match name.as_str() {
        "time" => ("clock_gettime(CLOCK_REALTIME)", false, true),
        "monotonic" | "perf_counter" => ("clock_gettime(CLOCK_MONOTONIC)", true, false),
        "process_time" => ("clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", true, false),
        "thread_time" => ("clock_gettime(CLOCK_THREAD_CPUTIME_ID)", true, false),
        _ => return Err(vm.new_value_error("unknown clock")),
    };
    let types = crate::import::import_module_level(vm, "types", None, &Value::None, 0)?;
    let cls = vm.get_attr_str(&types, "SimpleNamespace")?;
    let ns = vm.call_positional(&cls, &[])?;
    let imp = vm.new_str(implementation);
    for (k, v) in [("implementation", imp), ("monotonic", Value::Bool(monotonic)), ("adjustable", Value::Bool(adjustable)), ("resolution", Value::Float(1e-09))] {
        let key = vm.intern(k);
        vm.set_attr(&ns, &key, v)?;
    }
    Ok(ns)
}

/// CPU time of the process (user + system) from /proc, else the monotonic clock.
fn process_time() -> Duration {
    let ticks = std::fs::read_to_string("/proc/self/stat").ok().and_then(|s| {
        let rest = &s[s.rfind(')')? + 2..];
        let f: Vec<&str> = rest.split(' ').collect();
        Some(f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?)
    });
    match ticks {
        Some(t) => Duration::from_millis(t * 10),
        None => monotonic(),
    }
}

/// CPU time of the current thread from /proc, else the process time.
fn thread_time() -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .map_or_else(process_time, Duration::from_nanos)
}

/// (zone name, offset east of UTC in seconds) from `TZ` when it is a fixed POSIX offset.
fn local_zone() -> (String, i64) {
    let tz = std::env::var("TZ").unwrap_or_default();
    let tz = tz.trim_start_matches(':');
    let name: String = tz.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    let rest = &tz[name.len()..];
    if name.len() >= 3 && !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit() || "+-:".contains(c)) {
        let (sign, digits) = match rest.strip_prefix('-') {
            Some(d) => (1, d),
            None => (-1, rest.trim_start_matches('+')),
        };
        let mut parts = digits.split(':').map(|p| p.parse::<i64>().unwrap_or(0));
        let h = parts.next().unwrap_or(0);
        let m = parts.next().unwrap_or(0);
        return (name, sign * (h * 3600 + m * 60));
    }
    ("UTC".to_string(), 0)
}

/// A timestamp argument (None means now), floored to whole seconds.
fn seconds_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let f = match v {
        Value::None => return Ok(since_epoch().as_secs() as i64),
        Value::Int(i) => return Ok(*i),
        Value::Bool(b) => return Ok(*b as i64),
        other => match crate::types::float::float_arg(other) {
            Some(f) => f,
            None => {
                if let Some(b) = crate::types::int::bigint_of(other) {
                    return i64::try_from(&b).map_err(|_| vm.new_overflow_error("timestamp out of range for platform time_t"));
                }
                let n = vm.type_name(other);
                return Err(vm.new_type_error(format!("'{n}' object cannot be interpreted as an integer")));
            }
        },
    };
    if f.is_nan() {
        return Err(vm.new_value_error("Invalid value NaN (not a number)"));
    }
    let f = f.floor();
    if !(-9.2e18..9.2e18).contains(&f) {
        return Err(vm.new_overflow_error("timestamp out of range for platform time_t"));
    }
    Ok(f as i64)
}

/// Reject timestamps whose year does not fit a C int (as glibc's gmtime does).
fn checked_gmtime(vm: &mut Vm, secs: i64) -> PyResult<Tm> {
    if secs.unsigned_abs() > 67_767_976_233_316_800 {
        return Err(vm.new_overflow_error("timestamp out of range for platform time_t"));
    }
    Ok(calendar::gmtime(secs))
}

fn struct_time(vm: &mut Vm, st: &Value, tm: &Tm, zone: &str, gmtoff: i64) -> Value {
    let Value::Obj(ty) = st else { return Value::None };
    let zone = vm.new_str(zone);
    let values = vec![
        Value::Int(tm.year), Value::Int(tm.mon), Value::Int(tm.mday), Value::Int(tm.hour), Value::Int(tm.min), Value::Int(tm.sec),
        Value::Int(tm.wday), Value::Int(tm.yday), Value::Int(tm.isdst), zone, Value::Int(gmtoff),
    ];
    structseq::new_instance(vm, ty, values)
}

/// time.gmtime(seconds=None)
fn gmtime(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let secs = seconds_arg(vm, &a[1])?;
    let tm = checked_gmtime(vm, secs)?;
    Ok(struct_time(vm, &a[0], &tm, "GMT", 0))
}

fn local_tm(vm: &mut Vm, secs: i64) -> PyResult<(Tm, String, i64)> {
    let (zone, offset) = local_zone();
    let tm = checked_gmtime(vm, secs.saturating_add(offset))?;
    Ok((tm, zone, offset))
}

/// time.localtime(seconds=None)
fn localtime(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let secs = seconds_arg(vm, &a[1])?;
    let (tm, zone, offset) = local_tm(vm, secs)?;
    Ok(struct_time(vm, &a[0], &tm, &zone, offset))
}

/// A 9-field time tuple or struct_time argument (CPython's `gettmarg`), with its zone
/// and offset when it is a struct_time that carries them.
fn tm_arg(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<(Tm, Option<(String, i64)>)> {
    let Some(items) = v.as_obj().and_then(|o| o.as_tuple()).map(|t| t.to_vec()) else {
        return Err(vm.new_type_error("Tuple or struct_time argument required"));
    };
    if items.len() != 9 {
        return Err(vm.new_type_error(format!("{fname}(): illegal time tuple argument")));
    }
    let mut f = [0i64; 9];
    for (slot, item) in f.iter_mut().zip(&items) {
        if let Value::Float(_) = item {
            return Err(vm.new_type_error("'float' object cannot be interpreted as an integer"));
        }
        let b = crate::types::int::index_of(vm, item)?;
        *slot = i64::try_from(&b).map_err(|_| vm.new_overflow_error("Python int too large to convert to C int"))?;
    }
    let tm = Tm { year: f[0], mon: f[1], mday: f[2], hour: f[3], min: f[4], sec: f[5], wday: f[6], yday: f[7], isdst: f[8] };
    let zone = match v.as_obj() {
        Some(o) if o.dict.borrow().is_some() => {
            let zone = vm.get_attr_str(v, "tm_zone")?;
            let off = vm.get_attr_str(v, "tm_gmtoff")?;
            match (zone.as_obj().and_then(|z| z.as_str()).map(|s| s.as_str().to_string()), off) {
                (Some(z), Value::Int(o)) => Some((z, o)),
                _ => None,
            }
        }
        _ => None,
    };
    Ok((tm, zone))
}

/// CPython's `checktm` plus the adjustments strftime/asctime make to zero fields.
fn check_tm(vm: &mut Vm, tm: &mut Tm) -> PyResult<()> {
    if tm.mon == 0 {
        tm.mon = 1;
    }
    if tm.mday == 0 {
        tm.mday = 1;
    }
    if tm.yday == 0 {
        tm.yday = 1;
    }
    let checks: [(bool, &str); 7] = [
        (!(1..=12).contains(&tm.mon), "month out of range"),
        (!(1..=31).contains(&tm.mday), "day of month out of range"),
        (!(0..=23).contains(&tm.hour), "hour out of range"),
        (!(0..=59).contains(&tm.min), "minute out of range"),
        (!(0..=61).contains(&tm.sec), "seconds out of range"),
        (tm.wday < 0, "day of week out of range"),
        (!(1..=366).contains(&tm.yday), "day of year out of range"),
    ];
    for (bad, msg) in checks {
        if bad {
            return Err(vm.new_value_error(msg));
        }
    }
    tm.wday %= 7;
    Ok(())
}

/// time.mktime(t): local broken-down time to seconds since the epoch.
fn mktime(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (tm, _) = tm_arg(vm, &a[1], "mktime")?;
    let (_, offset) = local_zone();
    Ok(Value::Float((calendar::timegm(&tm) - offset) as f64))
}

/// time.asctime(t=None)
fn asctime(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let mut tm = if a[1].is_none() {
        let now = since_epoch().as_secs() as i64;
        local_tm(vm, now)?.0
    } else {
        tm_arg(vm, &a[1], "asctime")?.0
    };
    check_tm(vm, &mut tm)?;
    Ok(vm.new_str(&calendar::asctime(&tm)))
}

/// time.ctime(seconds=None)
fn ctime(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let secs = seconds_arg(vm, &a[1])?;
    let (tm, _, _) = local_tm(vm, secs)?;
    Ok(vm.new_str(&calendar::asctime(&tm)))
}

/// time.strftime(format, t=None)
fn strftime(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let fmt = crate::builtins::str_arg_with(vm, &a[1], |n| format!("strftime() argument 1 must be str, not {n}"))?;
    let (mut tm, zone) = if a[2].is_none() {
        let now = since_epoch().as_secs() as i64;
        let (tm, z, o) = local_tm(vm, now)?;
        (tm, Some((z, o)))
    } else {
        tm_arg(vm, &a[2], "strftime")?
    };
    check_tm(vm, &mut tm)?;
    let (zone, offset) = zone.unwrap_or_else(|| {
        let (z, o) = local_zone();
        (z, o)
    });
    Ok(vm.new_str(&calendar::strftime(&fmt, &tm, &zone, offset)))
}

/// time.sleep(secs)
fn sleep(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let secs = match crate::types::float::float_arg(&a[0]) {
        Some(f) => f,
        None => match crate::types::int::bigint_of(&a[0]) {
            Some(b) => num_traits::ToPrimitive::to_f64(&b).unwrap_or(f64::INFINITY),
            None => {
                let n = vm.type_name(&a[0]);
                return Err(vm.new_type_error(format!("'{n}' object cannot be interpreted as an integer")));
            }
        },
    };
    if secs.is_nan() {
        return Err(vm.new_value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(vm.new_value_error("sleep length must be non-negative"));
    }
    let Ok(d) = Duration::try_from_secs_f64(secs) else { return Err(vm.new_overflow_error("sleep length is too large")) };
    // PEP 475: a signal handler that returns lets the sleep go on for what is left.
    let deadline = std::time::Instant::now() + d;
    let r = crate::modules::signal::retry_eintr(vm, |vm| {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        vm.allow_threads(move || crate::interp::os_signal::sleep(left))
    })?;
    r.map_err(|e| crate::modules::posix::os_error(vm, &e, None, None))?;
    Ok(Value::None)
}
