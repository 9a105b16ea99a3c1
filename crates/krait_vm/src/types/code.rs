//! The `code` type: CPython 3.11's code-object surface (`co_*` attributes, `co_lines()`,
//! `co_positions()`, `replace()`, `_varname_from_oparg`, structural `==`/hash, repr) over
//! the VM's [`Code`] (whose `raw` field is the `krait_bytecode::CodeObject`).

use crate::interp::code::Code;
use crate::object::{CmpOp, Payload, PyRef, Value};
use crate::types::getset::GetSetDef;
use crate::types::methods::method;
use crate::vm::{PyResult, Vm};
use krait_bytecode::{line_table, CodeObject, Constant, LocalKind};
use num_bigint::BigInt;
use std::rc::Rc;

/// Install the code type's slots, attributes and methods.
pub fn init(vm: &mut Vm) {
    let t = vm.types.code.clone();
    if let Some(ty) = t.as_type() {
        let mut s = ty.slots.borrow_mut();
        s.repr = Some(code_repr);
        s.hash = Some(code_hash);
        s.richcompare = Some(code_richcompare);
    }
    // CPython's code_memberlist entries are READONLY members; the rest are getsets.
    let member = |name| GetSetDef { name, get: code_get, set: Some(readonly) };
    let getset = |name| GetSetDef { name, get: code_get, set: None };
    let mut defs: Vec<GetSetDef> = MEMBERS.iter().map(|&n| member(n)).collect();
    defs.extend(GETSETS.iter().map(|&n| getset(n)));
    vm.add_getsets(&t, &defs);
    vm.add_methods(&t, "code", &[
        method("co_lines", "(self, /)", co_lines),
        method("co_positions", "(self, /)", co_positions),
        method("_varname_from_oparg", "(self, /, oparg)", varname_from_oparg),
        method("replace", REPLACE_SIG, code_replace),
    ]);
}

/// Attributes CPython declares as read-only members (`code_memberlist`).
const MEMBERS: &[&str] = &[
    "co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_stacksize", "co_flags", "co_nlocals",
    "co_consts", "co_names", "co_filename", "co_name", "co_qualname", "co_firstlineno", "co_linetable",
    "co_exceptiontable",
];

/// Attributes CPython computes with getters (`code_getsetlist`).
const GETSETS: &[&str] = &["co_lnotab", "_co_code_adaptive", "co_varnames", "co_cellvars", "co_freevars", "co_code"];

/// The VM code behind a code object value.
pub fn code_of(v: &Value) -> Option<&Rc<Code>> {
    v.as_obj().and_then(|o| o.native::<Rc<Code>>())
}

fn this<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a Rc<Code>> {
    match code_of(v) {
        Some(c) => Ok(c),
        None => {
            let n = vm.type_name(v);
            Err(vm.new_type_error(format!("descriptor requires a 'code' object but received a '{n}'")))
        }
    }
}

fn new_bytes(vm: &mut Vm, b: &[u8]) -> Value {
    let t = vm.types.bytes.clone();
    vm.wrap(Payload::Bytes(b.into()), &t)
}

fn str_tuple(vm: &mut Vm, names: &[Rc<str>]) -> Value {
    let items = names.iter().map(|n| Value::Obj(vm.intern(n))).collect();
    vm.new_tuple(items)
}

fn ref_tuple(vm: &mut Vm, refs: &[PyRef]) -> Value {
    vm.new_tuple(refs.iter().cloned().map(Value::Obj).collect())
}

/// Getter for every `co_*` attribute.
fn code_get(vm: &mut Vm, v: &Value, name: &'static str) -> PyResult<Value> {
    let code = this(vm, v)?.clone();
    let raw = &code.raw;
    Ok(match name {
        "co_argcount" => Value::Int(raw.argcount.into()),
        "co_posonlyargcount" => Value::Int(raw.posonlyargcount.into()),
        "co_kwonlyargcount" => Value::Int(raw.kwonlyargcount.into()),
        "co_stacksize" => Value::Int(raw.stacksize.into()),
        "co_flags" => Value::Int(raw.flags.into()),
        "co_nlocals" => Value::Int(raw.nlocals() as i64),
        "co_firstlineno" => Value::Int(raw.firstlineno.into()),
        "co_consts" => vm.new_tuple(code.consts.to_vec()),
        "co_names" => ref_tuple(vm, &code.names),
        "co_filename" => Value::Obj(code.filename.clone()),
        "co_name" => Value::Obj(code.name.clone()),
        "co_qualname" => Value::Obj(code.qualname.clone()),
        "co_linetable" => new_bytes(vm, &raw.linetable),
        "co_exceptiontable" => new_bytes(vm, &raw.exceptiontable),
        "co_lnotab" => new_bytes(vm, &line_table::lnotab(&raw.linetable, raw.firstlineno as i32)),
        "co_code" | "_co_code_adaptive" => new_bytes(vm, &raw.code),
        "co_varnames" => str_tuple(vm, &raw.varnames()),
        "co_cellvars" => str_tuple(vm, &raw.cellvars()),
        "co_freevars" => str_tuple(vm, &raw.freevars()),
        _ => Value::None,
    })
}

/// Setter of the READONLY members.
fn readonly(vm: &mut Vm, _obj: &Value, _v: Value, _name: &'static str) -> PyResult<()> {
    Err(vm.new_attribute_error("readonly attribute"))
}

/// `code_repr`.
fn code_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let code = this(vm, v)?.clone();
    let addr = v.as_obj().map(|o| o.addr()).unwrap_or(0);
    let text = format!("<code object {} at {addr:#x}, file \"{}\", line {}>", code.raw.name, code.raw.filename, code.raw.firstlineno);
    Ok(vm.new_str(&text))
}

/// Structural equality as `code_richcompare`: name, counts, flags, first line, bytecode,
/// constants (by `_PyCode_ConstantKey`), names, locals, line and exception tables.
fn raw_eq(a: &CodeObject, b: &CodeObject) -> bool {
    a.name == b.name
        && a.argcount == b.argcount
        && a.posonlyargcount == b.posonlyargcount
        && a.kwonlyargcount == b.kwonlyargcount
        && a.flags == b.flags
        && a.firstlineno == b.firstlineno
        && a.code == b.code
        && consts_eq(&a.consts, &b.consts)
        && a.names == b.names
        && a.localsplusnames == b.localsplusnames
        && a.linetable == b.linetable
        && a.exceptiontable == b.exceptiontable
}

fn consts_eq(a: &[Constant], b: &[Constant]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| const_eq(x, y))
}

fn const_eq(a: &Constant, b: &Constant) -> bool {
    match (a, b) {
        (Constant::Code(x), Constant::Code(y)) => Rc::ptr_eq(x, y) || raw_eq(x, y),
        (Constant::Tuple(x), Constant::Tuple(y)) => consts_eq(x, y),
        (Constant::FrozenSet(x), Constant::FrozenSet(y)) => x.len() == y.len() && x.iter().all(|e| y.iter().any(|f| const_eq(e, f))),
        _ => a.same_constant(b),
    }
}

fn code_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    let (Some(x), Some(y), CmpOp::Eq | CmpOp::Ne) = (code_of(a), code_of(b), op) else {
        return Ok(Value::Obj(vm.not_implemented.clone()));
    };
    let eq = Rc::ptr_eq(x, y) || raw_eq(&x.raw, &y.raw);
    Ok(Value::Bool(eq == (op == CmpOp::Eq)))
}

/// `code_hash`: the hashes of the name, bytecode, constants, names, locals and tables,
/// combined with the counts and flags.
fn code_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let code = this(vm, v)?.clone();
    let raw = &code.raw;
    let bytes_hash = |b: &[u8]| crate::object::hash::hash_bytes(vm.hash_key, b);
    let mut h = bytes_hash(&raw.code) ^ bytes_hash(&raw.linetable) ^ bytes_hash(&raw.exceptiontable);
    let parts = [
        Value::Obj(code.name.clone()),
        vm.new_tuple(code.consts.to_vec()),
        ref_tuple(vm, &code.names),
        ref_tuple(vm, &code.localsplusnames),
    ];
    for p in &parts {
        h ^= vm.hash(p)?;
    }
    h ^= i64::from(raw.argcount) ^ i64::from(raw.posonlyargcount) ^ i64::from(raw.kwonlyargcount) ^ i64::from(raw.flags);
    Ok(if h == -1 { -2 } else { h })
}

fn opt_line(l: Option<i32>) -> Value {
    l.map_or(Value::None, |l| Value::Int(l.into()))
}

/// `code.co_lines()`: an iterator of `(start, end, line)`.
fn co_lines(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let code = this(vm, &a[0])?.clone();
    let items = line_table::lines(&code.raw.linetable, code.raw.firstlineno as i32)
        .into_iter()
        .map(|(s, e, l)| vm.new_tuple(vec![Value::Int(s as i64), Value::Int(e as i64), opt_line(l)]))
        .collect();
    let list = vm.new_list(items);
    vm.iter(&list)
}

/// `code.co_positions()`: an iterator of `(line, end_line, col, end_col)` per code unit.
fn co_positions(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let code = this(vm, &a[0])?.clone();
    let items = line_table::positions(&code.raw.linetable, code.raw.firstlineno as i32)
        .into_iter()
        .map(|p| vm.new_tuple(vec![opt_line(p.line), opt_line(p.end_line), opt_line(p.col), opt_line(p.end_col)]))
        .collect();
    let list = vm.new_list(items);
    vm.iter(&list)
}

/// `code._varname_from_oparg(oparg)`: `co_localsplusnames[oparg]`.
fn varname_from_oparg(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let code = this(vm, &a[0])?.clone();
    let i = crate::types::int::index_of(vm, &a[1])?;
    match usize::try_from(&i).ok().and_then(|i| code.localsplusnames.get(i)) {
        Some(n) => Ok(Value::Obj(n.clone())),
        None => Err(vm.new_index_error("tuple index out of range")),
    }
}

const REPLACE_SIG: &str = "(self, /, *, co_argcount=?, co_posonlyargcount=?, co_kwonlyargcount=?, co_nlocals=?, co_stacksize=?, co_flags=?, co_firstlineno=?, co_code=?, co_consts=?, co_names=?, co_varnames=?, co_freevars=?, co_cellvars=?, co_filename=?, co_name=?, co_qualname=?, co_linetable=?, co_exceptiontable=?)";

/// The keyword order of [`REPLACE_SIG`] (after `self`).
const REPLACE_KEYS: &[&str] = &[
    "co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals", "co_stacksize", "co_flags",
    "co_firstlineno", "co_code", "co_consts", "co_names", "co_varnames", "co_freevars", "co_cellvars",
    "co_filename", "co_name", "co_qualname", "co_linetable", "co_exceptiontable",
];

fn arg<'a>(a: &'a [Value], key: &str) -> Option<&'a Value> {
    let i = REPLACE_KEYS.iter().position(|k| *k == key)?;
    a.get(i + 1).filter(|v| !v.is_null())
}

fn int_field(vm: &mut Vm, a: &[Value], key: &str, cur: u32) -> PyResult<u32> {
    let Some(v) = arg(a, key) else { return Ok(cur) };
    let n = crate::types::int::index_of(vm, v)?;
    match i32::try_from(&n) {
        Ok(i) if i >= 0 => Ok(i as u32),
        Ok(_) => Err(vm.new_value_error("code: argcount must not be negative")),
        Err(_) => Err(vm.new_overflow_error("Python int too large to convert to C int")),
    }
}

fn str_field(vm: &mut Vm, a: &[Value], key: &str, cur: &Rc<str>) -> PyResult<Rc<str>> {
    match arg(a, key) {
        None => Ok(cur.clone()),
        Some(v) if v.as_obj().and_then(|o| o.as_str()).is_some() => Ok(vm.str_of(v)),
        Some(v) => {
            let n = vm.type_name(v);
            Err(vm.new_type_error(format!("replace() argument '{key}' must be str, not {n}")))
        }
    }
}

fn bytes_field(vm: &mut Vm, a: &[Value], key: &str, cur: &Rc<[u8]>) -> PyResult<Rc<[u8]>> {
    match arg(a, key) {
        None => Ok(cur.clone()),
        Some(v) => match v.as_obj().map(|o| &o.payload) {
            Some(Payload::Bytes(b)) => Ok(b.to_vec().into()),
            _ => {
                let n = vm.type_name(v);
                Err(vm.new_type_error(format!("replace() argument '{key}' must be bytes, not {n}")))
            }
        },
    }
}

fn names_field(vm: &mut Vm, a: &[Value], key: &str) -> PyResult<Option<Vec<Rc<str>>>> {
    let Some(v) = arg(a, key) else { return Ok(None) };
    let Some(items) = v.as_obj().and_then(|o| o.as_tuple()) else {
        let n = vm.type_name(v);
        return Err(vm.new_type_error(format!("replace() argument '{key}' must be tuple, not {n}")));
    };
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        if it.as_obj().and_then(|o| o.as_str()).is_none() {
            return Err(vm.new_type_error("name tuples must contain only strings, not 'non-str'"));
        }
        out.push(vm.str_of(it));
    }
    Ok(Some(out))
}

/// A constant of `co_consts` back in `krait_bytecode` form.
fn value_constant(vm: &mut Vm, v: &Value) -> PyResult<Constant> {
    Ok(match v {
        Value::None => Constant::None,
        Value::Bool(b) => Constant::Bool(*b),
        Value::Int(i) => Constant::Int(BigInt::from(*i)),
        Value::Float(f) => Constant::Float(*f),
        Value::Obj(o) if o.is(&vm.ellipsis) => Constant::Ellipsis,
        Value::Obj(o) => match &o.payload {
            Payload::Int(b) => Constant::Int(b.clone()),
            Payload::Float(f) => Constant::Float(*f),
            Payload::Complex { re, im } => Constant::Complex { re: *re, im: *im },
            Payload::Str(s) => Constant::Str(s.as_str().into()),
            Payload::Bytes(b) => Constant::Bytes(b.to_vec().into()),
            Payload::Tuple(t) => Constant::Tuple(t.iter().map(|x| value_constant(vm, x)).collect::<PyResult<Vec<_>>>()?.into()),
            Payload::FrozenSet(t) => {
                let keys: Vec<Value> = t.iter().map(|e| e.key.clone()).collect();
                Constant::FrozenSet(keys.iter().map(|x| value_constant(vm, x)).collect::<PyResult<Vec<_>>>()?.into())
            }
            _ if o.is(&vm.exc.stop_iteration) => Constant::StopIteration,
            _ => match o.native::<Rc<Code>>() {
                Some(c) => Constant::Code(c.raw.clone()),
                None => {
                    let n = vm.type_name(v);
                    return Err(vm.new_type_error(format!("code constants of type '{n}' are not supported")));
                }
            },
        },
        Value::Null => Constant::None,
    })
}

/// `localsplusnames`/`localspluskinds` from varnames, cellvars and freevars
/// (`_Py_set_localsplus_info` as `PyCode_NewWithPosOnlyArgs` does it).
fn localsplus(varnames: &[Rc<str>], cellvars: &[Rc<str>], freevars: &[Rc<str>]) -> (Vec<Rc<str>>, Vec<u8>) {
    let mut names: Vec<Rc<str>> = varnames.to_vec();
    let mut kinds = vec![LocalKind::LOCAL; names.len()];
    for c in cellvars {
        match names[..varnames.len()].iter().position(|n| n == c) {
            Some(i) => kinds[i] |= LocalKind::CELL,
            None => {
                names.push(c.clone());
                kinds.push(LocalKind::CELL);
            }
        }
    }
    for f in freevars {
        names.push(f.clone());
        kinds.push(LocalKind::FREE);
    }
    (names, kinds)
}

/// `code.replace(**changes)` (`code_replace_impl`).
fn code_replace(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let code = this(vm, &a[0])?.clone();
    let old = &code.raw;
    let varnames = names_field(vm, a, "co_varnames")?;
    let cellvars = names_field(vm, a, "co_cellvars")?;
    let freevars = names_field(vm, a, "co_freevars")?;
    let (localsplusnames, localspluskinds) = if varnames.is_none() && cellvars.is_none() && freevars.is_none() {
        (old.localsplusnames.clone(), old.localspluskinds.clone())
    } else {
        let v = varnames.unwrap_or_else(|| old.varnames());
        let c = cellvars.unwrap_or_else(|| old.cellvars());
        let f = freevars.unwrap_or_else(|| old.freevars());
        localsplus(&v, &c, &f)
    };
    let names = names_field(vm, a, "co_names")?.unwrap_or_else(|| old.names.clone());
    let (consts, const_values) = match arg(a, "co_consts") {
        None => (old.consts.clone(), code.consts.to_vec()),
        Some(v) => {
            let Some(items) = v.as_obj().and_then(|o| o.as_tuple()).map(<[Value]>::to_vec) else {
                let n = vm.type_name(v);
                return Err(vm.new_type_error(format!("replace() argument 'co_consts' must be tuple, not {n}")));
            };
            let consts = items.iter().map(|x| value_constant(vm, x)).collect::<PyResult<Vec<_>>>()?;
            (consts, items)
        }
    };
    let new = CodeObject {
        argcount: int_field(vm, a, "co_argcount", old.argcount)?,
        posonlyargcount: int_field(vm, a, "co_posonlyargcount", old.posonlyargcount)?,
        kwonlyargcount: int_field(vm, a, "co_kwonlyargcount", old.kwonlyargcount)?,
        stacksize: int_field(vm, a, "co_stacksize", old.stacksize)?,
        flags: int_field(vm, a, "co_flags", old.flags)?,
        code: bytes_field(vm, a, "co_code", &old.code)?,
        consts,
        names,
        localsplusnames,
        localspluskinds,
        filename: str_field(vm, a, "co_filename", &old.filename)?,
        name: str_field(vm, a, "co_name", &old.name)?,
        qualname: str_field(vm, a, "co_qualname", &old.qualname)?,
        firstlineno: int_field(vm, a, "co_firstlineno", old.firstlineno)?,
        linetable: bytes_field(vm, a, "co_linetable", &old.linetable)?,
        exceptiontable: bytes_field(vm, a, "co_exceptiontable", &old.exceptiontable)?,
    };
    let nlocals = int_field(vm, a, "co_nlocals", new.nlocals() as u32)?;
    if nlocals as usize != new.nlocals() {
        return Err(vm.new_value_error("code: co_nlocals != len(co_varnames)"));
    }
    let new = Rc::new(new);
    // Bytecode the VM would run must be well formed (CPython trusts it; krait never crashes).
    if let Err(e) = krait_bytecode::verify::verify_one(&new) {
        return Err(vm.new_value_error(format!("code: invalid bytecode: {e}")));
    }
    let mut loaded = vm.load_code(new)?;
    // Keep the very constant objects (nested code objects stay the same objects).
    if let Some(c) = Rc::get_mut(&mut loaded) {
        c.consts = const_values.into_boxed_slice();
    }
    Ok(vm.code_object(&loaded))
}
