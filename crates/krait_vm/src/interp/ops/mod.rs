//! Instruction handlers that are not on the hot path, by family. The eval loop calls
//! them with the current frame; each documents its stack effect.

pub mod async_ops;
pub mod attr;
pub mod build;
pub mod calls;
pub mod except_star;
pub mod imports;
pub mod matching;
pub mod names;
pub mod with_stmt;
