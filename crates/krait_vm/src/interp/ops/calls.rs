//! Call helpers: CALL_FUNCTION_EX, instantiating a Python class without leaving the
//! loop, and the LOAD_METHOD fast path.

use crate::interp::frame::Frame;
use crate::object::{Args, Payload, PyObject, PyRef, TypeFlags, Value};
use crate::vm::{PyResult, Vm};
use krait_bytecode::CodeFlags;

/// CALL of a plain Python class (metaclass `type`, `object.__new__`, a Python `__init__`)
/// in the `NULL, cls, args...` form: makes the instance and returns the frame running
/// `__init__(instance, args...)`, which the loop pushes (its RETURN_VALUE yields the
/// instance). `None` when the call is not of that shape; nothing has been consumed then.
pub fn class_init_frame(vm: &mut Vm, frame: &mut Frame, argc: usize, kwnames: &[Value]) -> PyResult<Option<Box<Frame>>> {
    let sp = frame.sp;
    if !frame.slots[sp - argc - 2].is_null() {
        return Ok(None);
    }
    let Value::Obj(cls) = &frame.slots[sp - argc - 1] else { return Ok(None) };
    let Some(t) = cls.as_type() else { return Ok(None) };
    let slots = t.slots();
    let plain = cls.with_class(|m| m.is(&vm.types.type_))
        && slots.new.is_some_and(crate::types::object::is_object_new)
        && slots.init.is_some_and(crate::types::slot_wrappers::is_slot_init)
        && !t.has_flag(TypeFlags::IS_ABSTRACT);
    if !plain {
        return Ok(None);
    }
    let cls = cls.clone();
    let key = vm.init_name.clone();
    let Some(init) = vm.lookup_type_attr(&cls, &key) else { return Ok(None) };
    let Value::Obj(init) = init else { return Ok(None) };
    let Payload::Function(f) = &init.payload else { return Ok(None) };
    let gen_flags = CodeFlags::GENERATOR | CodeFlags::COROUTINE | CodeFlags::ASYNC_GENERATOR | CodeFlags::ITERABLE_COROUTINE;
    if f.code.borrow().flags() & gen_flags != 0 {
        return Ok(None);
    }
    if vm.frames.len() >= vm.recursion_limit {
        return Err(vm.new_recursion_error("maximum recursion depth exceeded"));
    }
    let payload = crate::types::slots::instance_payload(&cls);
    let instance = Value::Obj(PyRef::new(PyObject::new(cls, payload)));
    // The instance takes the class's stack slot: `self, args...` are then contiguous.
    frame.slots[sp - argc - 1] = instance.clone();
    let mut new_frame = crate::interp::call::make_frame(vm, &init, Args { args: &frame.slots[sp - argc - 1..sp], kwnames })?;
    new_frame.init_self = instance;
    frame.drop_top(argc + 2);
    Ok(Some(new_frame))
}

/// CALL_FUNCTION_EX flags: `(NULL, callable, args-tuple[, kwargs-dict] -- result)`.
pub fn call_function_ex(vm: &mut Vm, frame: &mut Frame, flags: u32) -> PyResult<()> {
    let kwargs = if flags & 1 != 0 { frame.pop() } else { Value::Null };
    let args = frame.pop();
    let func = frame.pop();
    let _null = frame.pop();
    let mut positional = match args.as_obj().and_then(|o| o.as_tuple()) {
        Some(t) => t.to_vec(),
        None => match vm.collect(&args) {
            Ok(v) => v,
            Err(e) if vm.is_subtype(&e.0.class(), &vm.exc.type_error.clone()) => {
                let fname = super::build::func_name(vm, &func);
                let n = vm.type_name(&args);
                return Err(vm.new_type_error(format!("{fname} argument after * must be an iterable, not {n}")));
            }
            Err(e) => return Err(e),
        },
    };
    let mut kwnames = Vec::new();
    if let Value::Obj(d) = &kwargs {
        let pairs: Vec<(Value, Value)> = match d.as_dict() {
            Some(t) => t.borrow().iter().map(|(_, e)| (e.key.clone(), e.value.clone())).collect(),
            None => Vec::new(),
        };
        for (k, v) in pairs {
            if k.as_obj().and_then(|o| o.as_str()).is_none() {
                return Err(vm.new_type_error("keywords must be strings"));
            }
            kwnames.push(k);
            positional.push(v);
        }
    }
    let r = vm.call(&func, Args { args: &positional, kwnames: &kwnames })?;
    frame.push(r);
    Ok(())
}

/// LOAD_METHOD: `(obj -- method, obj)` when the attribute is a plain function found on
/// the type and not shadowed by the instance dict (no bound method is allocated), else
/// `(obj -- NULL, attr)`.
pub fn load_method(vm: &mut Vm, frame: &mut Frame, name: &PyRef) -> PyResult<()> {
    let obj = frame.pop();
    let ty = vm.type_of(&obj);
    if ty.as_type().is_some_and(|t| t.slots().getattro.is_none()) {
        if let Some(attr) = vm.lookup_type_attr(&ty, name) {
            if vm.is_plain_method(&attr) && !instance_dict_has(vm, &obj, name)? {
                frame.push(attr);
                frame.push(obj);
                return Ok(());
            }
        }
    }
    let v = vm.get_attr(&obj, name)?;
    frame.push(Value::Null);
    frame.push(v);
    Ok(())
}

fn instance_dict_has(vm: &mut Vm, obj: &Value, name: &PyRef) -> PyResult<bool> {
    let Value::Obj(o) = obj else { return Ok(false) };
    let d = o.dict.borrow().clone();
    match d {
        Some(d) => {
            let hash = vm.hash(&Value::Obj(name.clone()))?;
            Ok(crate::types::dict_ops::get_str(vm, &d, name, hash).is_some())
        }
        None => Ok(false),
    }
}
