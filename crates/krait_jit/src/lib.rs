//! The Cranelift JIT tier (later issue); the interpreter runs everything until then.
