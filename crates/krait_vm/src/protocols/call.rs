//! Calling (PyObject_Vectorcall): Python functions run in the interpreter, native
//! functions through their bound signature, types construct, anything else via its
//! call slot.

use crate::object::{Args, Payload, Value};
use crate::vm::{PyResult, Vm};

impl Vm {
    /// `callable(*args)` with keywords in `args.kwnames`.
    pub fn call(&mut self, callable: &Value, args: Args<'_>) -> PyResult<Value> {
        let Value::Obj(o) = callable else {
            return Err(self.not_callable(callable));
        };
        match &o.payload {
            Payload::NativeFunction(nf) => {
                if nf.self_.is_null() {
                    // Exactly the positional parameters: pass the arguments through.
                    if args.kwnames.is_empty() && nf.sig.takes_exactly(args.args.len()) {
                        return (nf.func)(self, args.args);
                    }
                    let bound = nf.bind(self, args)?;
                    (nf.func)(self, bound.as_slice())
                } else {
                    let mut all = Vec::with_capacity(args.args.len() + 1);
                    all.push(nf.self_.clone());
                    all.extend_from_slice(args.args);
                    let bound = nf.bind(self, Args { args: &all, kwnames: args.kwnames })?;
                    (nf.func)(self, bound.as_slice())
                }
            }
            Payload::Function(_) => crate::interp::call_function(self, o, args),
            // Calling a class: its metatype's call slot (type_call unless a metaclass
            // overrides __call__).
            Payload::Type(_) => match o.with_class(|m| m.as_type().and_then(|m| m.slots().call)) {
                Some(f) if f as usize != crate::types::typeobject::type_call as crate::object::CallFn as usize => f(self, callable, args),
                _ => crate::types::typeobject::type_call(self, callable, args),
            },
            Payload::Method { func, self_ } => {
                let mut all = Vec::with_capacity(args.args.len() + 1);
                all.push(self_.clone());
                all.extend_from_slice(args.args);
                let func = func.clone();
                self.call(&func, Args { args: &all, kwnames: args.kwnames })
            }
            _ => {
                let slot = o.with_class(|t| t.as_type().and_then(|t| t.slots().call));
                match slot {
                    // _PyObject_MakeTpCall: a `__call__` may lead back here without bound.
                    Some(f) => self.with_recursion_guard(" while calling a Python object", |vm| f(vm, callable, args)),
                    None => Err(self.not_callable(callable)),
                }
            }
        }
    }

    /// `callable(*positional)`.
    pub fn call_positional(&mut self, callable: &Value, args: &[Value]) -> PyResult<Value> {
        self.call(callable, Args::positional(args))
    }

    /// `obj.name(*args)`.
    pub fn call_method(&mut self, obj: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
        let m = self.get_attr_str(obj, name)?;
        self.call_positional(&m, args)
    }

    fn not_callable(&mut self, v: &Value) -> crate::vm::PyErr {
        let n = self.type_name(v);
        self.new_type_error(format!("'{n}' object is not callable"))
    }
}
