//! Cells, free variables and the generator prefix.
