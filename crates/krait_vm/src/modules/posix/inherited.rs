//! Descriptors inherited from the parent process (e.g. `subprocess`'s `pass_fds`, or a
//! shell's `3>file`): at start-up they are open but owned by nothing, so they are taken
//! into the descriptor table, where `os.read`, `os.write`, `open(fd)` and sockets find
//! them as CPython's code (which works on raw numbers) expects.
//!
//! This is krait's one use of `unsafe` outside object/ and interp/: turning a descriptor
//! number into an owned descriptor cannot be expressed safely.

use std::os::fd::{FromRawFd, OwnedFd};

/// Take every descriptor above 2 that is open at start-up into the table. Must run
/// before krait itself opens or owns any descriptor (first thing on the VM thread).
pub fn adopt_inherited() {
    let Ok(dir) = std::fs::read_dir("/proc/self/fd") else { return };
    let mut found: Vec<i32> = dir.filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok()).filter(|&n| n > 2).collect();
    // The listing's own descriptor was open while reading: keep only those still open.
    found.retain(|n| std::fs::symlink_metadata(format!("/proc/self/fd/{n}")).is_ok());
    for n in found {
        // SAFETY: `n` is open (checked above, after the directory handle was closed) and,
        // at start-up, no Rust object owns it: the process inherited it, and nothing of
        // krait's has opened a descriptor yet. The table becomes its only owner.
        let fd = unsafe { OwnedFd::from_raw_fd(n) };
        super::fds::insert_owned(fd);
    }
}
