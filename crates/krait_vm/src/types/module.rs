//! Module objects: a namespace dict with `__name__`, repr, and PEP 562 `__getattr__`.

use crate::object::{Payload, PyObject, PyRef, Value};
use crate::types::dict_ops;
use crate::vm::{PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let t = vm.types.module.clone();
    let mut s = t.as_type().expect("type").slots.borrow_mut();
    s.repr = Some(module_repr);
    s.getattro = Some(module_getattro);
    s.new = Some(|vm, cls, args| {
        let name = args.pos().first().cloned().unwrap_or(Value::None);
        let m = vm.new_module_of(cls, &vm.str_of(&name));
        Ok(Value::Obj(m))
    });
    s.init = Some(module_init);
    drop(s);
    vm.add_methods(&t, "module", &[crate::builtins::introspection::MODULE_DIR]);
}

/// module.__init__(name, doc=None) (module___init___impl).
fn module_init(vm: &mut Vm, m: &Value, args: crate::object::Args<'_>) -> PyResult<()> {
    let a = crate::types::native::bind_static(vm, "(name, doc=None)", "module", args)?;
    if a[0].as_obj().and_then(|o| o.as_str()).is_none() {
        let n = vm.type_name(&a[0]);
        return Err(vm.new_type_error(format!("module.__init__() argument 'name' must be str, not {n}")));
    }
    let Some(d) = m.as_obj().and_then(|o| o.dict.borrow().clone()) else { return Ok(()) };
    for (k, v) in [("__name__", a[0].clone()), ("__doc__", a[1].clone())] {
        let key = Value::Obj(vm.intern(k));
        dict_ops::set_item(vm, &d, key, v)?;
    }
    Ok(())
}

impl Vm {
    /// A new, empty module named `name`.
    pub fn new_module(&mut self, name: &str) -> PyRef {
        let t = self.types.module.clone();
        self.new_module_of(&t, name)
    }

    fn new_module_of(&mut self, cls: &PyRef, name: &str) -> PyRef {
        let d = self.new_dict_ref();
        let m = PyRef::new(PyObject::new(cls.clone(), Payload::Object));
        *m.dict.borrow_mut() = Some(d.clone());
        for (k, v) in [("__name__", self.new_str(name)), ("__doc__", Value::None), ("__package__", Value::None), ("__loader__", Value::None), ("__spec__", Value::None)] {
            let key = Value::Obj(self.intern(k));
            // Interned str keys run no Python code: this cannot fail.
            let _ = dict_ops::set_item(self, &d, key, v);
        }
        m
    }

    /// A module's namespace dict.
    pub fn module_dict(&self, m: &PyRef) -> Option<PyRef> {
        m.dict.borrow().clone()
    }
}

fn module_getattro(vm: &mut Vm, v: &Value, name: &PyRef) -> PyResult<Option<Value>> {
    if name.as_str().is_some_and(|s| s.as_str() == "__dict__") {
        return Ok(v.as_obj().and_then(|o| o.dict.borrow().clone()).map(Value::Obj));
    }
    if let Some(r) = vm.generic_get_attr(v, name)? {
        return Ok(Some(r));
    }
    // PEP 562: a module-level __getattr__.
    let d = v.as_obj().and_then(|o| o.dict.borrow().clone());
    if let Some(d) = d {
        let key = Value::Obj(vm.intern("__getattr__"));
        if let Some(f) = dict_ops::get_item(vm, &d, &key)? {
            return vm.call_positional(&f, &[Value::Obj(name.clone())]).map(Some);
        }
    }
    Ok(None)
}

fn module_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let name = vm.get_attr_str(v, "__name__").map(|n| vm.str_of(&n).to_string()).unwrap_or_else(|_| "?".into());
    let file = vm.get_attr_str(v, "__file__").ok().filter(|f| f.as_obj().and_then(|o| o.as_str()).is_some());
    let text = match file {
        Some(f) => format!("<module '{name}' from '{}'>", vm.str_of(&f)),
        None => format!("<module '{name}' (built-in)>"),
    };
    Ok(vm.new_str(&text))
}
