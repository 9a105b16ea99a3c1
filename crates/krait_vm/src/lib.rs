//! krait_vm: the runtime.
