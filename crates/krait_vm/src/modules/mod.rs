//! Native modules built into the VM.

pub mod math;
