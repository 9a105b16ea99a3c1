//! `_posixsubprocess` (CPython's Modules/_posixsubprocess.c): `fork_exec`, the child
//! launcher behind `subprocess.Popen`, built on `std::process::Command`.
//!
//! The child's standard streams are copies of the descriptors subprocess.py passes;
//! `close_fds` and `pass_fds` are honoured by setting the close-on-exec flags of the
//! table's descriptors around the spawn. An exec failure is reported through the error
//! pipe in the format subprocess.py reads ("OSError:<hex errno>:" plus "noexec" when the
//! working directory was the problem), as CPython's child does.

use crate::util::new_module;
use krait_vm::modules::posix::{fds, path_arg, pipes};
use krait_vm::object::{PyRef, Value};
use krait_vm::types::methods::method;
use krait_vm::{PyResult, Vm};
use std::ffi::OsString;
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};

/// Build the `_posixsubprocess` module.
pub fn make_module(vm: &mut Vm) -> PyRef {
    let (m, _) = new_module(vm, "_posixsubprocess", &[method(
        "fork_exec",
        "(args, executable_list, close_fds, pass_fds, cwd, env, p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write, restore_signals, call_setsid, pgid_to_set, gid, extra_groups, uid, child_umask, preexec_fn, allow_vfork, /)",
        fork_exec,
    )]);
    m
}

/// The byte strings of a sequence of str/bytes/path-like items (fsencode).
fn os_strings(vm: &mut Vm, seq: &Value, what: &str) -> PyResult<Vec<OsString>> {
    let items = vm.collect(seq)?;
    let mut out = Vec::with_capacity(items.len());
    for v in &items {
        out.push(path_arg(vm, v, what)?.path.into_os_string());
    }
    Ok(out)
}

/// An int argument.
fn int(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    crate::util::index_i64(vm, v)?.ok_or_else(|| vm.new_overflow_error("Python int too large to convert to C long"))
}

/// What the child is to be given, gathered from `fork_exec`'s arguments.
struct Plan {
    argv: Vec<OsString>,
    env: Option<Vec<(OsString, OsString)>>,
    cwd: Option<OsString>,
    /// stdin, stdout, stderr: the descriptor to copy, or -1 to inherit.
    stdio: [i64; 3],
    pgid: Option<u32>,
    uid: Option<u32>,
    gid: Option<u32>,
    restore_signals: bool,
}

impl Plan {
    /// A command running `exe`, or the error of copying a standard-stream descriptor.
    fn command(&self, exe: &OsString) -> std::io::Result<Command> {
        let mut prog = exe.clone();
        if !exe.as_bytes().contains(&b'/') {
            // execve runs a bare name relative to the directory; Command would search PATH.
            prog = OsString::from_vec([b"./", exe.as_bytes()].concat());
        }
        let mut c = Command::new(prog);
        if let Some((first, rest)) = self.argv.split_first() {
            c.arg0(first).args(rest);
        }
        if let Some(env) = &self.env {
            c.env_clear().envs(env.iter().map(|(k, v)| (k, v)));
        }
        if let Some(d) = &self.cwd {
            c.current_dir(d);
        }
        let copy = |fd: i64| -> std::io::Result<Stdio> {
            if fd < 0 {
                return Ok(Stdio::inherit());
            }
            fds::with_borrowed(fd, |b| b.try_clone_to_owned()).map(Stdio::from)
        };
        c.stdin(copy(self.stdio[0])?).stdout(copy(self.stdio[1])?).stderr(copy(self.stdio[2])?);
        if let Some(g) = self.pgid {
            c.process_group(g as i32);
        }
        if let Some(u) = self.uid {
            c.uid(u);
        }
        if let Some(g) = self.gid {
            c.gid(g);
        }
        Ok(c)
    }
}

/// Why the child could not start: the errno, and whether it came from the working directory.
struct ChildError(i32, bool);

/// Check that `dir` can become the working directory (what the child's chdir needs).
fn check_cwd(dir: &OsString) -> Result<(), ChildError> {
    let err = |e: std::io::Error| ChildError(e.raw_os_error().unwrap_or(2), true);
    let md = std::fs::metadata(dir).map_err(err)?;
    if !md.is_dir() {
        return Err(ChildError(20, true));
    }
    rustix::fs::access(dir.as_os_str(), rustix::fs::Access::EXEC_OK).map_err(|e| ChildError(e.raw_os_error(), true))
}

/// Spawn the first of `exes` that runs; exec errors as CPython's child reports them
/// (the first error other than ENOENT/ENOTDIR, else the last).
fn spawn(plan: &Plan, exes: &[OsString]) -> Result<u32, ChildError> {
    if let Some(d) = &plan.cwd {
        check_cwd(d)?;
    }
    let (mut saved, mut last) = (0, 2);
    for exe in exes {
        let r = plan.command(exe).and_then(|mut c| krait_vm::interp::os_signal::spawn_with_signals(&mut c, plan.restore_signals, |c| c.spawn()));
        match r {
            Ok(child) => return Ok(child.id()),
            Err(e) => {
                let n = e.raw_os_error().unwrap_or(8);
                if n != 2 && n != 20 && saved == 0 {
                    saved = n;
                }
                last = n;
            }
        }
    }
    Err(ChildError(if saved != 0 { saved } else { last }, false))
}

/// Set the close-on-exec flags the child needs (pass_fds inherited; with close_fds, every
/// other inheritable descriptor closed); returns the descriptors to restore afterwards.
fn prepare_fds(keep: &[i64], close_fds: bool, errpipe_write: i64) -> Vec<(i64, bool)> {
    let mut changed = Vec::new();
    for fd in fds::table_fds() {
        let Ok(inh) = pipes::get_inheritable(fd) else { continue };
        let kept = keep.contains(&fd) && fd != errpipe_write;
        let want = if kept { true } else if close_fds { false } else { inh };
        if want != inh && pipes::set_inheritable(fd, want).is_ok() {
            changed.push((fd, inh));
        }
    }
    changed
}

// subprocess_fork_exec_impl
fn fork_exec(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    if !a[21].is_none() {
        return Err(vm.new_not_implemented_error("subprocess preexec_fn (krait cannot run Python code in the child)"));
    }
    if vm.is_true(&a[15])? {
        return Err(vm.new_not_implemented_error("subprocess start_new_session"));
    }
    if !a[18].is_none() {
        return Err(vm.new_not_implemented_error("subprocess extra_groups"));
    }
    if int(vm, &a[20])? >= 0 {
        return Err(vm.new_not_implemented_error("subprocess umask"));
    }
    let argv = os_strings(vm, &a[0], "fork_exec")?;
    let exes = os_strings(vm, &a[1], "fork_exec")?;
    let close_fds = vm.is_true(&a[2])?;
    let keep = vm.collect(&a[3])?;
    let mut keep_fds = Vec::with_capacity(keep.len());
    for v in &keep {
        keep_fds.push(int(vm, v)?);
    }
    let cwd = if a[4].is_none() { None } else { Some(path_arg(vm, &a[4], "fork_exec")?.path.into_os_string()) };
    let env = if a[5].is_none() {
        None
    } else {
        let items = os_strings(vm, &a[5], "fork_exec")?;
        Some(items.into_iter().filter_map(|kv| {
            let b = kv.as_bytes();
            let i = b.iter().position(|&c| c == b'=')?;
            Some((OsString::from_vec(b[..i].to_vec()), OsString::from_vec(b[i + 1..].to_vec())))
        }).collect())
    };
    let mut n = [0i64; 9];
    for (slot, v) in n.iter_mut().zip(&a[6..14]) {
        *slot = int(vm, v)?;
    }
    let [p2cread, _, _, c2pwrite, _, errwrite, _, errpipe_write, _] = n;
    let opt_id = |vm: &mut Vm, v: &Value| -> PyResult<Option<u32>> {
        if v.is_none() {
            return Ok(None);
        }
        let i = int(vm, v)?;
        u32::try_from(i).map(Some).map_err(|_| vm.new_overflow_error("id out of range"))
    };
    let pg = int(vm, &a[16])?;
    let plan = Plan {
        argv,
        env,
        cwd,
        stdio: [p2cread, c2pwrite, errwrite],
        pgid: if pg >= 0 { Some(pg as u32) } else { None },
        gid: opt_id(vm, &a[17])?,
        uid: opt_id(vm, &a[19])?,
        restore_signals: vm.is_true(&a[14])?,
    };
    let changed = prepare_fds(&keep_fds, close_fds, errpipe_write);
    let r = spawn(&plan, &exes);
    for (fd, inh) in changed {
        let _ = pipes::set_inheritable(fd, inh);
    }
    match r {
        Ok(pid) => Ok(Value::Int(pid as i64)),
        Err(ChildError(errno, noexec)) => {
            let msg = format!("OSError:{errno:x}:{}", if noexec { "noexec" } else { "" });
            let _ = fds::write_fd(errpipe_write, msg.as_bytes());
            // No child is left to wait for (the failed one was reaped by the spawn);
            // subprocess.py's waitpid on this process's own id then finds no child
            // (ChildProcessError, which it ignores) before raising the error above.
            Ok(Value::Int(std::process::id() as i64))
        }
    }
}
