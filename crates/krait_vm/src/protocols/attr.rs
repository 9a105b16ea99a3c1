//! Attribute access (PyObject_GenericGetAttr / SetAttr): MRO lookup, data descriptors,
//! instance dict, non-data descriptors and class attributes.

use crate::object::{Payload, PyRef, Value};
use crate::types::dict_ops;
use crate::vm::{PyResult, Vm};

impl Vm {
    /// Look `name` up along `ty`'s MRO (`_PyType_Lookup`); `None` when absent.
    pub fn lookup_type_attr(&mut self, ty: &PyRef, name: &PyRef) -> Option<Value> {
        let version = crate::types::bootstrap::current_type_version();
        if let Some(hit) = self.type_attr_cache.get(ty, name, version) {
            return hit;
        }
        let hash = self.str_hash(name)?;
        // Dict lookups by str name run no Python code, so the MRO can stay borrowed.
        let found = {
            let mro = ty.as_type()?.mro.borrow();
            mro.iter().find_map(|t| dict_ops::get_str(self, &t.as_type()?.dict, name, hash))
        };
        self.type_attr_cache.put(ty, name, version, found.clone());
        found
    }

    /// `getattr(obj, name)` with an interned name; raises AttributeError when absent.
    pub fn get_attr(&mut self, obj: &Value, name: &PyRef) -> PyResult<Value> {
        // An AttributeError raised by the lookup (a `__getattr__`, a property) is the one
        // reported, with its own message.
        let ty = self.type_of(obj);
        let r = match ty.as_type().and_then(|t| t.slots().getattro) {
            Some(f) => f(self, obj, name)?,
            None => self.generic_get_attr(obj, name)?,
        };
        match r {
            Some(v) => Ok(v),
            None => Err(self.attribute_error_for(obj, name)),
        }
    }

    /// `getattr(obj, name)` by text.
    pub fn get_attr_str(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        let n = self.intern(name);
        self.get_attr(obj, &n)
    }

    /// `getattr(obj, name, <missing>)` by text.
    pub fn get_attr_opt_str(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        let n = self.intern(name);
        self.get_attr_opt(obj, &n)
    }

    /// `getattr(obj, name, <missing>)`: `None` when absent (AttributeError swallowed).
    pub fn get_attr_opt(&mut self, obj: &Value, name: &PyRef) -> PyResult<Option<Value>> {
        let ty = self.type_of(obj);
        let r = match ty.as_type().and_then(|t| t.slots().getattro) {
            Some(f) => f(self, obj, name),
            None => self.generic_get_attr(obj, name),
        };
        // _PyObject_LookupAttr: an AttributeError raised on the way (a property, a
        // module's __getattr__, a class's __getattr__) also means "absent".
        match r {
            Err(e) if self.is_subtype(&e.0.class(), &self.exc.attribute_error.clone()) => Ok(None),
            r => r,
        }
    }

    /// PyObject_GenericGetAttr.
    pub fn generic_get_attr(&mut self, obj: &Value, name: &PyRef) -> PyResult<Option<Value>> {
        let ty = self.type_of(obj);
        let class_attr = self.lookup_type_attr(&ty, name);
        let mut getter = None;
        if let Some(attr) = &class_attr {
            let attr_ty = self.type_of(attr);
            let slots = attr_ty.as_type().map(|t| t.slots()).unwrap_or_default();
            if let Some(get) = slots.descr_get {
                if slots.descr_set.is_some() {
                    return get(self, attr, obj, &Value::Obj(ty)).map(Some);
                }
                getter = Some(get);
            }
        }
        if let Value::Obj(o) = obj {
            let d = o.dict.borrow().clone();
            if let Some(d) = d {
                let hash = self.str_hash(name).unwrap_or(0);
                if let Some(v) = dict_ops::get_str(self, &d, name, hash) {
                    return Ok(Some(v));
                }
            }
        }
        match (class_attr, getter) {
            (Some(attr), Some(get)) => get(self, &attr, obj, &Value::Obj(ty)).map(Some),
            (Some(attr), None) => Ok(Some(attr)),
            _ => Ok(None),
        }
    }

    /// The AttributeError CPython raises for a missing attribute.
    pub fn attribute_error_for(&mut self, obj: &Value, name: &PyRef) -> crate::vm::PyErr {
        let n = name.as_str().map(|s| s.as_str().to_string()).unwrap_or_default();
        let msg = match obj {
            Value::Obj(o) if matches!(o.payload, Payload::Type(_)) => {
                format!("type object '{}' has no attribute '{n}'", o.as_type().map(|t| t.name()).unwrap_or_default())
            }
            Value::Obj(o) if self.is_subtype(&o.class(), &self.types.module.clone()) => {
                // module_getattro: "module 'm' has no attribute 'x'" (by the module's __name__).
                let d = o.dict.borrow().clone();
                let key = self.intern("__name__");
                let modname = d.and_then(|d| {
                    let h = self.str_hash(&key)?;
                    dict_ops::get_str(self, &d, &key, h)
                });
                match modname.filter(|m| m.as_obj().and_then(|o| o.as_str()).is_some()) {
                    Some(m) => format!("module '{}' has no attribute '{n}'", self.str_of(&m)),
                    None => format!("module has no attribute '{n}'"),
                }
            }
            _ => format!("'{}' object has no attribute '{n}'", self.type_name(obj)),
        };
        self.new_attribute_error_for(msg, obj, name)
    }

    /// `setattr(obj, name, value)`; `value` Null deletes.
    pub fn set_attr(&mut self, obj: &Value, name: &PyRef, value: Value) -> PyResult<()> {
        let ty = self.type_of(obj);
        if let Some(f) = ty.as_type().and_then(|t| t.slots().setattro) {
            return f(self, obj, name, value);
        }
        self.generic_set_attr(obj, name, value)
    }

    /// PyObject_GenericSetAttr.
    pub fn generic_set_attr(&mut self, obj: &Value, name: &PyRef, value: Value) -> PyResult<()> {
        let ty = self.type_of(obj);
        let class_attr = self.lookup_type_attr(&ty, name);
        if let Some(attr) = &class_attr {
            let attr_ty = self.type_of(attr);
            if let Some(set) = attr_ty.as_type().and_then(|t| t.slots().descr_set) {
                return set(self, attr, obj, value);
            }
        }
        let Value::Obj(o) = obj else {
            return Err(self.attribute_error_for(obj, name));
        };
        let has_dict = o.dict.borrow().is_some() || ty.as_type().is_some_and(|t| t.has_flag(crate::object::TypeFlags::HAS_DICT));
        if !has_dict {
            // _PyObject_GenericSetAttrWithDict: a plain class attribute cannot be shadowed.
            if class_attr.is_some() {
                let (t, n) = (self.type_name(obj), name.as_str().map(|s| s.as_str().to_string()).unwrap_or_default());
                return Err(self.new_attribute_error(format!("'{t}' object attribute '{n}' is read-only")));
            }
            return Err(self.attribute_error_for(obj, name));
        }
        let d = {
            let mut slot = o.dict.borrow_mut();
            match &*slot {
                Some(d) => d.clone(),
                None => {
                    drop(slot);
                    let d = self.new_dict_ref();
                    slot = o.dict.borrow_mut();
                    *slot = Some(d.clone());
                    d
                }
            }
        };
        if value.is_null() {
            if dict_ops::del_item(self, &d, &Value::Obj(name.clone()))?.is_none() {
                return Err(self.attribute_error_for(obj, name));
            }
            Ok(())
        } else {
            dict_ops::set_item(self, &d, Value::Obj(name.clone()), value)
        }
    }
}
