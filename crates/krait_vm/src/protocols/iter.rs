//! Iteration (PyObject_GetIter / PyIter_Next).

use crate::object::{PyRef, Value};
use crate::vm::{PyResult, Vm};

impl Vm {
    /// `iter(v)`: the type's iter slot, else a sequence iterator over `__getitem__`.
    pub fn iter(&mut self, v: &Value) -> PyResult<Value> {
        let ty = self.type_of(v);
        let slots = ty.as_type().map(|t| t.slots()).unwrap_or_default();
        match slots.iter {
            Some(f) => {
                let it = f(self, v)?;
                let it_type = self.type_of(&it);
                if it_type.as_type().and_then(|t| t.slots().next).is_none() {
                    let n = self.type_name(&it);
                    return Err(self.new_type_error(format!("iter() returned non-iterator of type '{n}'")));
                }
                Ok(it)
            }
            None if slots.getitem.is_some() && !ty.as_type().is_some_and(|t| t.has_flag(crate::object::TypeFlags::MAPPING) && !t.has_flag(crate::object::TypeFlags::HEAPTYPE)) => {
                let t = self.seq_iter_type();
                let state = SeqIter { seq: std::cell::RefCell::new(v.clone()), index: std::cell::Cell::new(0) };
                Ok(self.wrap(crate::object::Payload::Native(Box::new(state)), &t))
            }
            None => {
                let n = self.type_name(v);
                Err(self.new_type_error(format!("'{n}' object is not iterable")))
            }
        }
    }

    /// `next(it)`: `None` when exhausted.
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        match self.next_raw(it) {
            Err(e) if self.is_subtype(&e.0.class(), &self.exc.stop_iteration.clone()) => Ok(None),
            other => other,
        }
    }

    /// The iterator's next slot as is: a StopIteration it raises (with its value) is
    /// passed on (builtin `next()` needs it).
    pub fn next_raw(&mut self, it: &Value) -> PyResult<Option<Value>> {
        let ty = self.type_of(it);
        match ty.as_type().and_then(|t| t.slots().next) {
            Some(f) => f(self, it),
            None => {
                let n = self.type_name(it);
                Err(self.new_type_error(format!("'{n}' object is not an iterator")))
            }
        }
    }

    /// Collect an iterable into a Vec.
    pub fn collect(&mut self, iterable: &Value) -> PyResult<Vec<Value>> {
        // Tuples and lists (and subclasses that keep their __iter__) copy their items.
        if let Value::Obj(o) = iterable {
            let own_iter = |vm: &Vm, base: &PyRef| {
                let slot = |t: &PyRef| t.as_type().and_then(|t| t.slots().iter);
                let (mine, theirs) = (o.with_class(|c| slot(c)), slot(base));
                matches!((mine, theirs), (Some(a), Some(b)) if std::ptr::fn_addr_eq(a, b)) || vm.is_exact(o, base)
            };
            if let Some(t) = o.as_tuple().filter(|_| own_iter(self, &self.types.tuple)) {
                return Ok(t.to_vec());
            }
            if let Some(l) = o.as_list().filter(|_| own_iter(self, &self.types.list)) {
                return Ok(l.borrow().clone());
            }
        }
        let it = self.iter(iterable)?;
        let mut out = Vec::new();
        while let Some(v) = self.next(&it)? {
            out.push(v);
        }
        Ok(out)
    }
}

/// The state of a sequence iterator (`iter()` over an object with only `__getitem__`).
struct SeqIter {
    /// The sequence; Null once exhausted.
    seq: std::cell::RefCell<Value>,
    index: std::cell::Cell<i64>,
}

impl Vm {
    /// The `iterator` type (created on first use).
    fn seq_iter_type(&mut self) -> crate::object::PyRef {
        if let Some(t) = &self.seq_iter_type {
            return t.clone();
        }
        let slots = crate::object::Slots {
            iter: Some(|_, v| Ok(v.clone())),
            next: Some(seq_iter_next),
            ..Default::default()
        };
        let t = self.new_builtin_type("iterator", None, slots, 0);
        self.seq_iter_type = Some(t.clone());
        t
    }
}

fn seq_iter_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let Some(st) = it.as_obj().and_then(|o| o.native::<SeqIter>()) else { return Ok(None) };
    let seq = st.seq.borrow().clone();
    if seq.is_null() {
        return Ok(None);
    }
    let i = st.index.get();
    match vm.get_item(&seq, &Value::Int(i)) {
        Ok(v) => {
            st.index.set(i + 1);
            Ok(Some(v))
        }
        Err(e) => {
            let (ie, si) = (vm.exc.index_error.clone(), vm.exc.stop_iteration.clone());
            let c = e.0.class();
            if vm.is_subtype(&c, &ie) || vm.is_subtype(&c, &si) {
                *st.seq.borrow_mut() = Value::Null;
                Ok(None)
            } else {
                Err(e)
            }
        }
    }
}
