//! The `pyexpat.xmlparser` type: its state, `ParserCreate`, the handler attributes and
//! the other attributes and methods (parsing itself is in `dispatch`).

use super::core::{Core, State};
use super::encoding::Decoder;
use super::event::{Position, Want};
use crate::util::{self, expect};
use krait_vm::object::{Args, PyRef, Slots, Value};
use krait_vm::types::getset::GetSetDef;
use krait_vm::types::methods::{method, MethodDef};
use krait_vm::{PyResult, Vm};
use std::cell::RefCell;

pub const KEY: &str = "pyexpat.xmlparser";

/// The handler attributes, in the bit order of [`Want`].
pub const HANDLERS: [&str; 22] = [
    "StartElementHandler",
    "EndElementHandler",
    "CharacterDataHandler",
    "ProcessingInstructionHandler",
    "CommentHandler",
    "StartNamespaceDeclHandler",
    "EndNamespaceDeclHandler",
    "StartCdataSectionHandler",
    "EndCdataSectionHandler",
    "XmlDeclHandler",
    "StartDoctypeDeclHandler",
    "EndDoctypeDeclHandler",
    "EntityDeclHandler",
    "NotationDeclHandler",
    "UnparsedEntityDeclHandler",
    "DefaultHandler",
    "DefaultHandlerExpand",
    "ExternalEntityRefHandler",
    "SkippedEntityHandler",
    "ElementDeclHandler",
    "AttlistDeclHandler",
    "NotStandaloneHandler",
];

pub struct Parser {
    pub core: Core,
    pub dec: Decoder,
    pub handlers: Vec<Value>,
    pub buffer_text: bool,
    pub buffer_size: i64,
    /// Character data held back while `buffer_text` is on.
    pub text: String,
    pub ordered_attributes: bool,
    pub specified_attributes: bool,
    pub intern: Value,
    /// The error that stopped parsing, with its position.
    pub error: Option<(i64, Position)>,
    pub finished: bool,
    /// Position of the event being reported (or of the end of the input read).
    pub current: Position,
    pub byte_known: bool,
    pub in_callback: bool,
    pub base: Value,
    /// The parser an external entity parser was made by (its DTD receives ours).
    pub parent: Option<Value>,
    /// Has Parse been called (settings that must precede parsing)?
    pub started: bool,
}

impl Parser {
    pub fn want(&self) -> Want {
        let mut w = 0;
        for (i, h) in self.handlers.iter().enumerate() {
            if !h.is_none() {
                w |= 1 << i;
            }
        }
        Want(w)
    }
}

pub fn this<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a RefCell<Parser>> {
    expect::<Parser>(vm, v, "pyexpat.xmlparser")
}

const METHODS: &[MethodDef] = &[
    method("Parse", "(self, data, isfinal=False, /)", super::dispatch::parse),
    method("ParseFile", "(self, file, /)", super::dispatch::parse_file),
    method("SetBase", "(self, base, /)", |vm, a| {
        if a[1].as_obj().and_then(|o| o.as_str()).is_none() {
            let n = vm.type_name(&a[1]);
            return Err(vm.new_type_error(format!("SetBase() argument must be str, not {n}")));
        }
        this(vm, &a[0])?.borrow_mut().base = a[1].clone();
        Ok(Value::None)
    }),
    method("GetBase", "(self, /)", |vm, a| Ok(this(vm, &a[0])?.borrow().base.clone())),
    method("GetInputContext", "(self, /)", super::dispatch::input_context),
    method("ExternalEntityParserCreate", "(self, context, encoding=?, /)", external_entity_parser_create),
    method("SetParamEntityParsing", "(self, flag, /)", |vm, a| {
        let flag = util::index_i64(vm, &a[1])?.unwrap_or(-1);
        let p = this(vm, &a[0])?;
        let ok = (0..=2).contains(&flag) && !p.borrow().started;
        if ok {
            p.borrow_mut().core.param_parsing = flag;
        }
        Ok(Value::Int(i64::from(ok)))
    }),
    method("UseForeignDTD", "(self, flag=True, /)", |vm, a| {
        let flag = vm.is_true(&a[1])?;
        let p = this(vm, &a[0])?;
        if p.borrow().started {
            return Err(super::expat_error(vm, super::errors::CANT_CHANGE_FEATURE_ONCE_PARSING, 1, 0));
        }
        p.borrow_mut().core.use_foreign_dtd = flag;
        Ok(Value::None)
    }),
];

/// Create the xmlparser type.
pub fn make_type(vm: &mut Vm) {
    if krait_vm::builtins::vm_type(vm, KEY).is_some() {
        return;
    }
    let slots = Slots { new: Some(no_new), ..Default::default() };
    let t = util::new_type(vm, "pyexpat", KEY, None, slots, 0, METHODS);
    let defs: Vec<GetSetDef> = HANDLERS.iter().map(|&name| GetSetDef { name, get: get_handler, set: Some(set_handler) }).collect();
    vm.add_getsets(&t, &defs);
    vm.add_getsets(&t, ATTRS);
}

fn no_new(vm: &mut Vm, _cls: &PyRef, _a: Args<'_>) -> PyResult<Value> {
    Err(vm.new_type_error("cannot create 'pyexpat.xmlparser' instances"))
}

fn get_handler(vm: &mut Vm, v: &Value, name: &'static str) -> PyResult<Value> {
    let i = HANDLERS.iter().position(|h| *h == name).unwrap_or(0);
    Ok(this(vm, v)?.borrow().handlers[i].clone())
}

fn set_handler(vm: &mut Vm, v: &Value, value: Value, name: &'static str) -> PyResult<()> {
    let i = HANDLERS.iter().position(|h| *h == name).unwrap_or(0);
    let value = if value.is_null() { Value::None } else { value };
    if name == "CharacterDataHandler" {
        super::dispatch::flush(vm, v)?;
    }
    this(vm, v)?.borrow_mut().handlers[i] = value;
    Ok(())
}

fn bool_attr(vm: &mut Vm, v: &Value, value: &Value) -> PyResult<bool> {
    if value.is_null() {
        return Err(vm.new_runtime_error("Cannot delete attribute"));
    }
    let _ = v;
    vm.is_true(value)
}

const ATTRS: &[GetSetDef] = &[
    GetSetDef {
        name: "buffer_text",
        get: |vm, v, _| Ok(Value::Bool(this(vm, v)?.borrow().buffer_text)),
        set: Some(|vm, v, value, _| {
            let b = bool_attr(vm, v, &value)?;
            if !b {
                super::dispatch::flush(vm, v)?;
            }
            this(vm, v)?.borrow_mut().buffer_text = b;
            Ok(())
        }),
    },
    GetSetDef {
        name: "buffer_size",
        get: |vm, v, _| Ok(Value::Int(this(vm, v)?.borrow().buffer_size)),
        set: Some(|vm, v, value, _| {
            if value.is_null() {
                return Err(vm.new_runtime_error("Cannot delete attribute"));
            }
            if !matches!(value, Value::Int(_)) && krait_vm::types::int::bigint_of(&value).is_none() {
                return Err(vm.new_type_error("buffer_size must be an integer"));
            }
            let n = util::index_i64(vm, &value)?.unwrap_or(i64::MAX);
            if n <= 0 {
                return Err(vm.new_value_error("buffer_size must be greater than zero"));
            }
            if n > i64::from(i32::MAX) {
                return Err(vm.new_value_error(format!("buffer_size must not be greater than {}", i32::MAX)));
            }
            super::dispatch::flush(vm, v)?;
            this(vm, v)?.borrow_mut().buffer_size = n;
            Ok(())
        }),
    },
    GetSetDef { name: "buffer_used", get: |vm, v, _| Ok(Value::Int(this(vm, v)?.borrow().text.len() as i64)), set: None },
    GetSetDef {
        name: "ordered_attributes",
        get: |vm, v, _| Ok(Value::Bool(this(vm, v)?.borrow().ordered_attributes)),
        set: Some(|vm, v, value, _| {
            let b = bool_attr(vm, v, &value)?;
            this(vm, v)?.borrow_mut().ordered_attributes = b;
            Ok(())
        }),
    },
    GetSetDef {
        name: "specified_attributes",
        get: |vm, v, _| Ok(Value::Bool(this(vm, v)?.borrow().specified_attributes)),
        set: Some(|vm, v, value, _| {
            let b = bool_attr(vm, v, &value)?;
            this(vm, v)?.borrow_mut().specified_attributes = b;
            Ok(())
        }),
    },
    GetSetDef {
        name: "namespace_prefixes",
        get: |vm, v, _| Ok(Value::Bool(this(vm, v)?.borrow().core.ns_triplets)),
        set: Some(|vm, v, value, _| {
            let b = bool_attr(vm, v, &value)?;
            this(vm, v)?.borrow_mut().core.ns_triplets = b;
            Ok(())
        }),
    },
    GetSetDef { name: "intern", get: |vm, v, _| Ok(this(vm, v)?.borrow().intern.clone()), set: None },
    GetSetDef { name: "ErrorCode", get: |vm, v, _| Ok(Value::Int(this(vm, v)?.borrow().error.map_or(0, |e| e.0))), set: None },
    GetSetDef { name: "ErrorLineNumber", get: |vm, v, _| Ok(Value::Int(error_pos(vm, v)?.line)), set: None },
    GetSetDef { name: "ErrorColumnNumber", get: |vm, v, _| Ok(Value::Int(error_pos(vm, v)?.col)), set: None },
    GetSetDef {
        name: "ErrorByteIndex",
        get: |vm, v, _| {
            let p = this(vm, v)?.borrow();
            Ok(Value::Int(match p.error {
                Some(e) if p.byte_known => e.1.byte,
                _ => -1,
            }))
        },
        set: None,
    },
    GetSetDef { name: "CurrentLineNumber", get: |vm, v, _| Ok(Value::Int(this(vm, v)?.borrow().current.line)), set: None },
    GetSetDef { name: "CurrentColumnNumber", get: |vm, v, _| Ok(Value::Int(this(vm, v)?.borrow().current.col)), set: None },
    GetSetDef {
        name: "CurrentByteIndex",
        get: |vm, v, _| {
            let p = this(vm, v)?.borrow();
            Ok(Value::Int(if p.byte_known { p.current.byte } else { -1 }))
        },
        set: None,
    },
];

fn error_pos(vm: &mut Vm, v: &Value) -> PyResult<Position> {
    let p = this(vm, v)?.borrow();
    Ok(p.error.map_or(p.current, |e| e.1))
}

/// A parser in its initial state.
fn new_parser(core: Core, dec: Decoder, intern: Value) -> Parser {
    Parser {
        core,
        dec,
        handlers: vec![Value::None; HANDLERS.len()],
        buffer_text: false,
        buffer_size: 8192,
        text: String::new(),
        ordered_attributes: false,
        specified_attributes: false,
        intern,
        error: None,
        finished: false,
        current: Position::START,
        byte_known: false,
        in_callback: false,
        base: Value::None,
        parent: None,
        started: false,
    }
}

/// ParserCreate(encoding=None, namespace_separator=None, intern=<new dict>)
pub fn parser_create(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let str_arg = |vm: &mut Vm, v: &Value, what: &str| -> PyResult<Option<String>> {
        if v.is_none() {
            return Ok(None);
        }
        match v.as_obj().and_then(|o| o.as_str()) {
            Some(s) => Ok(Some(s.as_str().to_string())),
            None => {
                let n = vm.type_name(v);
                Err(vm.new_type_error(format!("ParserCreate() argument '{what}' must be str or None, not {n}")))
            }
        }
    };
    let encoding = str_arg(vm, &a[0], "encoding")?;
    let sep = str_arg(vm, &a[1], "namespace_separator")?;
    let ns = match sep {
        None => None,
        Some(s) if s.chars().count() > 1 => return Err(vm.new_value_error("namespace_separator must be at most one character, omitted, or None")),
        Some(s) => Some(s.chars().next()),
    };
    let intern = if a[2].is_null() {
        Value::Obj(vm.new_dict_ref())
    } else if a[2].is_none() {
        Value::None
    } else if a[2].as_obj().is_some_and(|o| o.as_dict().is_some()) {
        a[2].clone()
    } else {
        return Err(vm.new_type_error("intern must be a dictionary"));
    };
    let parser = new_parser(Core::new(ns), Decoder::new(encoding), intern);
    let t = util::get_type(vm, KEY)?;
    Ok(util::wrap(vm, &t, parser))
}

/// ExternalEntityParserCreate(context, encoding=?): a parser for an external entity
/// that shares this one's handlers, settings and declarations.
fn external_entity_parser_create(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let context = if a[1].is_none() {
        None
    } else {
        match a[1].as_obj().and_then(|o| o.as_str()) {
            Some(s) => Some(s.as_str().to_string()),
            None => {
                let n = vm.type_name(&a[1]);
                return Err(vm.new_type_error(format!("ExternalEntityParserCreate() argument 1 must be str or None, not {n}")));
            }
        }
    };
    let encoding = if a[2].is_null() || a[2].is_none() { None } else { Some(vm.str_of(&a[2]).to_string()) };
    let parser = {
        let p = this(vm, &a[0])?.borrow();
        let mut core = Core::new(p.core.ns);
        core.ns_triplets = p.core.ns_triplets;
        core.entities = p.core.entities.clone();
        core.param_entities = p.core.param_entities.clone();
        core.attlists = p.core.attlists.clone();
        core.param_parsing = p.core.param_parsing;
        core.has_param_refs = p.core.has_param_refs;
        core.external = true;
        core.state = if context.is_some() { State::Content } else { State::Subset };
        let mut n = new_parser(core, Decoder::new(encoding), p.intern.clone());
        n.handlers = p.handlers.clone();
        n.buffer_text = p.buffer_text;
        n.buffer_size = p.buffer_size;
        n.ordered_attributes = p.ordered_attributes;
        n.specified_attributes = p.specified_attributes;
        n.base = p.base.clone();
        n.parent = Some(a[0].clone());
        n
    };
    let t = util::get_type(vm, KEY)?;
    Ok(util::wrap(vm, &t, parser))
}
