//! krait_format: Python 3.11 number and string formatting as pure functions (no VM objects).
#![forbid(unsafe_code)]
