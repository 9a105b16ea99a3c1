//! Subscription and membership (PyObject_GetItem / SetItem / DelItem, PySequence_Contains),
//! and `isinstance` / exception instantiation helpers.

use crate::object::{Args, Payload, PyRef, Value};
use crate::types::dict_ops;
use crate::vm::{PyResult, Vm};

impl Vm {
    /// `container[key]`.
    pub fn get_item(&mut self, container: &Value, key: &Value) -> PyResult<Value> {
        if let Value::Obj(o) = container {
            if self.is_exact(o, &self.types.dict) {
                return match dict_ops::get_item(self, o, key)? {
                    Some(v) => Ok(v),
                    None => Err(self.new_key_error(key.clone())),
                };
            }
        }
        let t = self.type_of(container);
        match t.as_type().and_then(|t| t.slots().getitem) {
            Some(f) => f(self, container, key),
            None => {
                if let Value::Obj(o) = container {
                    if let Payload::Type(_) = o.payload {
                        // PyObject_GetItem: `type[X]` is a GenericAlias.
                        if o.is(&self.types.type_) {
                            return Ok(crate::types::generic_alias::new_generic_alias(self, container.clone(), key.clone()));
                        }
                        let name = self.intern("__class_getitem__");
                        if let Some(cgi) = self.get_attr_opt(container, &name)? {
                            return self.call_positional(&cgi, std::slice::from_ref(key));
                        }
                        let n = self.tp_name(o);
                        return Err(self.new_type_error(format!("type '{n}' is not subscriptable")));
                    }
                }
                let n = self.type_name(container);
                Err(self.new_type_error(format!("'{n}' object is not subscriptable")))
            }
        }
    }

    /// `container[key] = value`, or `del container[key]` when `value` is Null.
    pub fn set_item(&mut self, container: &Value, key: &Value, value: Value) -> PyResult<()> {
        if let Value::Obj(o) = container {
            if self.is_exact(o, &self.types.dict) {
                if value.is_null() {
                    return match dict_ops::del_item(self, o, key)? {
                        Some(_) => Ok(()),
                        None => Err(self.new_key_error(key.clone())),
                    };
                }
                return dict_ops::set_item(self, o, key.clone(), value);
            }
        }
        let t = self.type_of(container);
        match t.as_type().and_then(|t| t.slots().setitem) {
            Some(f) => f(self, container, key, value),
            None => {
                let n = self.type_name(container);
                let msg = if value.is_null() {
                    format!("'{n}' object doesn't support item deletion")
                } else {
                    format!("'{n}' object does not support item assignment")
                };
                Err(self.new_type_error(msg))
            }
        }
    }

    /// PyObject_LengthHint: `len(v)`, else `v.__length_hint__()`, else `default`; a
    /// TypeError from either counts as no hint, other errors propagate.
    pub fn length_hint(&mut self, v: &Value, default: usize) -> PyResult<usize> {
        let t = self.type_of(v);
        if let Some(f) = t.as_type().and_then(|t| t.slots().len) {
            match f(self, v) {
                Ok(n) => return Ok(n),
                Err(e) if crate::builtins::err_matches(self, &e, &self.exc.type_error) => {}
                Err(e) => return Err(e),
            }
        }
        let name = self.intern("__length_hint__");
        let Some(hint) = self.lookup_type_attr(&t, &name) else { return Ok(default) };
        let r = match self.call_unbound(&hint, v, &t, Args::positional(&[])) {
            Ok(r) => r,
            Err(e) if crate::builtins::err_matches(self, &e, &self.exc.type_error) => return Ok(default),
            Err(e) => return Err(e),
        };
        if self.is_not_implemented(&r) {
            return Ok(default);
        }
        let n = match r {
            Value::Int(n) => n,
            Value::Bool(b) => b as i64,
            _ => {
                let n = self.type_name(&r);
                return Err(self.new_type_error(format!("'{n}' object cannot be interpreted as an integer")));
            }
        };
        usize::try_from(n).map_err(|_| self.new_value_error("__length_hint__() should return >= 0"))
    }

    /// `len(v)`.
    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        let t = self.type_of(v);
        match t.as_type().and_then(|t| t.slots().len) {
            Some(f) => f(self, v),
            None => {
                let n = self.type_name(v);
                Err(self.new_type_error(format!("object of type '{n}' has no len()")))
            }
        }
    }

    /// `item in container`.
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        if let Value::Obj(o) = container {
            if self.is_exact(o, &self.types.dict) {
                return Ok(dict_ops::get_item(self, o, item)?.is_some());
            }
        }
        let t = self.type_of(container);
        if let Some(f) = t.as_type().and_then(|t| t.slots().contains) {
            return f(self, container, item);
        }
        // _PySequence_IterSearch: a TypeError from iter() names the container.
        let it = match self.iter(container) {
            Ok(it) => it,
            Err(e) if self.is_subtype(&e.0.class(), &self.exc.type_error.clone()) => {
                let n = self.type_name(container);
                return Err(self.new_type_error(format!("argument of type '{n}' is not iterable")));
            }
            Err(e) => return Err(e),
        };
        while let Some(v) = self.next(&it)? {
            if self.eq(&v, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// `isinstance(obj, cls)` where `cls` is a type or a tuple of them.
    pub fn isinstance(&mut self, obj: &Value, cls: &Value) -> PyResult<bool> {
        match cls {
            Value::Obj(c) if c.as_type().is_some() => {
                let t = self.type_of(obj);
                Ok(self.is_subtype(&t, c))
            }
            Value::Obj(c) if c.as_tuple().is_some() => {
                let items = c.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
                for it in &items {
                    if self.isinstance(obj, it)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(self.new_type_error("isinstance() arg 2 must be a type, a tuple of types, or a union")),
        }
    }

    /// The instance to raise for `raise X`: X itself if an exception instance, X() if an
    /// exception class; TypeError otherwise.
    pub fn exception_instance(&mut self, v: &Value) -> PyResult<PyRef> {
        if let Value::Obj(o) = v {
            if matches!(o.payload, Payload::Exception(_)) {
                return Ok(o.clone());
            }
            if o.as_type().is_some() && self.is_subtype(o, &self.exc.base_exception.clone()) {
                let r = self.call_positional(v, &[])?;
                if let Value::Obj(inst) = r {
                    if matches!(inst.payload, Payload::Exception(_)) {
                        return Ok(inst);
                    }
                }
                let n = o.as_type().map(|t| t.name()).unwrap_or_default();
                return Err(self.new_type_error(format!("calling {n} should have returned an instance of BaseException, not something else")));
            }
        }
        Err(self.new_type_error("exceptions must derive from BaseException"))
    }

    /// The `__cause__` for `raise ... from cause`: an exception instance, or an instance
    /// of an exception class (CPython's `do_raise`).
    pub fn exception_cause(&mut self, v: &Value) -> PyResult<PyRef> {
        let ok = match v {
            Value::Obj(o) => matches!(o.payload, Payload::Exception(_)) || (o.as_type().is_some() && self.is_subtype(o, &self.exc.base_exception.clone())),
            _ => false,
        };
        if !ok {
            return Err(self.new_type_error("exception causes must derive from BaseException"));
        }
        self.exception_instance(v)
    }
}
