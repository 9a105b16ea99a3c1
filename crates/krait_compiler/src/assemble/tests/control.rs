//! Loops and exception handling.
