//! Native modules beyond what the VM needs to boot (filled in by later issues).
#![forbid(unsafe_code)]
