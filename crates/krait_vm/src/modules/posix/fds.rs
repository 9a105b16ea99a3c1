//! File descriptors: the interpreter's table of the files opened through `posix.open` and
//! `_io.FileIO`, keyed by their OS descriptor number, plus the standard streams 0-2;
//! `open`, `read`, `write`, `close`, `lseek`, `fstat`, `isatty`, `ftruncate`, `fsync`.
//! Pipes, sockets and duplicated descriptors live in the same table (as `File`s made from
//! the descriptor the system call returned): [`insert_owned`] adds one, [`with_borrowed`]
//! lends any open descriptor to a system call.

use crate::modules::signal::retry_eintr;
use crate::object::GilStatic;
use super::{errno_error, os_error, path_arg};
use crate::builtins::stdio;
use crate::modules::util::{i64_arg, set};
use crate::types::bytes::{buffer_arg, new_bytes};
use crate::object::{PyRef, Value};
use crate::types::native::NativeFn;
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

const EBADF: i32 = 9;
const ESPIPE: i32 = 29;

static FILES: GilStatic<RefCell<HashMap<i64, File>>> = GilStatic::new(|| RefCell::new(HashMap::new()));
/// Standard descriptors (0-2) closed by the program.
static CLOSED_STD: GilStatic<RefCell<HashSet<i64>>> = GilStatic::new(|| RefCell::new(HashSet::new()));

/// An open descriptor: a table file or a standard stream.
pub enum Fd<'a> {
    File(&'a mut File),
    Stdin,
    Stdout,
    Stderr,
}

/// Run `f` on descriptor `fd`; EBADF when it is not open.
pub fn with_fd<R>(fd: i64, f: impl FnOnce(Fd<'_>) -> std::io::Result<R>) -> std::io::Result<R> {
    let std_fd = match fd {
        0 => Some(Fd::Stdin),
        1 => Some(Fd::Stdout),
        2 => Some(Fd::Stderr),
        _ => None,
    };
    if let Some(s) = std_fd {
        if !CLOSED_STD.with(|c| c.borrow().contains(&fd)) {
            return f(s);
        }
    }
    FILES.with(|t| match t.borrow_mut().get_mut(&fd) {
        Some(file) => f(Fd::File(file)),
        None => Err(std::io::Error::from_raw_os_error(EBADF)),
    })
}

/// Add the new descriptor `fd` to the table; returns its number.
pub fn insert_owned(fd: OwnedFd) -> i64 {
    let n = fd.as_raw_fd() as i64;
    FILES.with(|t| t.borrow_mut().insert(n, File::from(fd)));
    n
}

/// Run `f` on descriptor `fd` borrowed for a system call; EBADF when it is not open.
pub fn with_borrowed<R>(fd: i64, f: impl FnOnce(BorrowedFd<'_>) -> std::io::Result<R>) -> std::io::Result<R> {
    with_fd(fd, |d| match d {
        Fd::File(file) => f(file.as_fd()),
        Fd::Stdin => f(std::io::stdin().as_fd()),
        Fd::Stdout => f(std::io::stdout().as_fd()),
        Fd::Stderr => f(std::io::stderr().as_fd()),
    })
}

/// Run `f` on descriptors `fds` borrowed together (for poll); a descriptor that is not
/// open is lent as `None`.
pub fn with_borrowed_many<R>(fds: &[i64], f: impl FnOnce(&[Option<BorrowedFd<'_>>]) -> R) -> R {
    FILES.with(|t| {
        let t = t.borrow();
        let closed = CLOSED_STD.with(|c| c.borrow().clone());
        let lent: Vec<Option<BorrowedFd<'_>>> = fds
            .iter()
            .map(|fd| match fd {
                0..=2 if closed.contains(fd) => None,
                0 => Some(rustix::stdio::stdin()),
                1 => Some(rustix::stdio::stdout()),
                2 => Some(rustix::stdio::stderr()),
                _ => t.get(fd).map(|file| file.as_fd()),
            })
            .collect();
        f(&lent)
    })
}

/// Whether `fd` is open (in the table or a standard stream not closed).
pub fn is_open(fd: i64) -> bool {
    with_fd(fd, |_| Ok(())).is_ok()
}

/// The descriptors of the table (not the standard streams).
pub fn table_fds() -> Vec<i64> {
    FILES.with(|t| t.borrow().keys().copied().collect())
}

/// `dup2(fd, fd2)` (os_dup2_impl): make `fd2` a copy of `fd`, inheritable when asked.
pub fn dup2_fd(fd: i64, fd2: i64, inheritable: bool) -> std::io::Result<i64> {
    use rustix::io::{dup3, fcntl_dupfd_cloexec, fcntl_setfd, DupFlags, FdFlags};
    let tmp = with_borrowed(fd, |b| Ok(fcntl_dupfd_cloexec(b, 0)?))?;
    if fd == fd2 {
        return Ok(fd2);
    }
    let flags = if inheritable { DupFlags::empty() } else { DupFlags::CLOEXEC };
    if (0..=2).contains(&fd2) {
        stdio::flush_stdout()?;
        match fd2 {
            0 => rustix::stdio::dup2_stdin(&tmp)?,
            1 => rustix::stdio::dup2_stdout(&tmp)?,
            _ => rustix::stdio::dup2_stderr(&tmp)?,
        }
        CLOSED_STD.with(|c| c.borrow_mut().remove(&fd2));
        if !inheritable {
            with_borrowed(fd2, |b| Ok(fcntl_setfd(b, FdFlags::CLOEXEC)?))?;
        }
        return Ok(fd2);
    }
    if let Some(file) = FILES.with(|t| t.borrow_mut().remove(&fd2)) {
        let mut owned = OwnedFd::from(file);
        let r = dup3(&tmp, &mut owned, flags);
        FILES.with(|t| t.borrow_mut().insert(fd2, File::from(owned)));
        r?;
        return Ok(fd2);
    }
    // fd2 is not open here: the lowest free descriptor from fd2 on is fd2 itself.
    // The temporary copy may itself have taken the free number fd2.
    let new = if tmp.as_raw_fd() as i64 == fd2 { tmp } else { fcntl_dupfd_cloexec(&tmp, i32::try_from(fd2).map_err(|_| std::io::Error::from_raw_os_error(EBADF))?)? };
    if new.as_raw_fd() as i64 != fd2 {
        return Err(std::io::Error::from_raw_os_error(EBADF));
    }
    if inheritable {
        fcntl_setfd(&new, FdFlags::empty())?;
    }
    Ok(insert_owned(new))
}

/// Open `path` with `os.open` flags and `mode`; returns the new descriptor.
pub fn open_path(path: &Path, flags: i64, mode: u32) -> std::io::Result<i64> {
    let acc = flags & 3;
    let mut o = OpenOptions::new();
    o.read(acc == 0 || acc == 2).write(acc == 1 || acc == 2);
    if flags & 0o2000 != 0 {
        o.append(true);
    }
    let create = flags & 0o100 != 0;
    let excl = flags & 0o200 != 0;
    if create && excl {
        o.create_new(true);
    } else if create {
        o.create(true);
    }
    if flags & 0o1000 != 0 {
        o.truncate(true);
    }
    o.mode(mode);
    let rest = (flags & !(3 | 0o100 | 0o200 | 0o1000 | 0o2000)) as i32;
    o.custom_flags(rest);
    let f = o.open(path)?;
    if f.metadata().is_ok_and(|m| m.is_dir()) && acc != 0 {
        return Err(std::io::Error::from_raw_os_error(21));
    }
    let fd = f.as_raw_fd() as i64;
    FILES.with(|t| t.borrow_mut().insert(fd, f));
    Ok(fd)
}

/// Close descriptor `fd`.
pub fn close_fd(fd: i64) -> std::io::Result<()> {
    if (0..=2).contains(&fd) {
        if fd == 1 {
            stdio::flush_stdout()?;
        }
        return match CLOSED_STD.with(|c| c.borrow_mut().insert(fd)) {
            true => Ok(()),
            false => Err(std::io::Error::from_raw_os_error(EBADF)),
        };
    }
    match FILES.with(|t| t.borrow_mut().remove(&fd)) {
        Some(_) => Ok(()),
        None => Err(std::io::Error::from_raw_os_error(EBADF)),
    }
}

/// Read up to `n` bytes (all remaining when `n` is None).
pub fn read_fd(fd: i64, n: Option<usize>) -> std::io::Result<Vec<u8>> {
    with_fd(fd, |f| {
        let mut buf = Vec::new();
        match (f, n) {
            (Fd::File(file), Some(n)) => {
                buf.resize(n, 0);
                let got = file.read(&mut buf)?;
                buf.truncate(got);
            }
            (Fd::File(file), None) => {
                file.read_to_end(&mut buf)?;
            }
            (Fd::Stdin, Some(n)) => {
                stdio::flush_stdout()?;
                buf.resize(n, 0);
                let got = std::io::stdin().read(&mut buf)?;
                buf.truncate(got);
            }
            (Fd::Stdin, None) => buf = stdio::read_stdin_all()?,
            _ => return Err(std::io::Error::from_raw_os_error(EBADF)),
        }
        Ok(buf)
    })
}

/// Write `data`; returns the number of bytes written.
pub fn write_fd(fd: i64, data: &[u8]) -> std::io::Result<usize> {
    with_fd(fd, |f| match f {
        Fd::File(file) => file.write(data),
        Fd::Stdout => stdio::write_stdout(data).map(|_| data.len()),
        Fd::Stderr => stdio::write_stderr(data).map(|_| data.len()),
        Fd::Stdin => Err(std::io::Error::from_raw_os_error(EBADF)),
    })
}

/// A duplicate of table descriptor `fd` for a blocking call made with the interpreter
/// lock released (so another thread closing `fd` meanwhile cannot pull it away); None
/// when no other thread can run or `fd` is a standard stream.
fn detached(fd: i64) -> Option<std::io::Result<File>> {
    if !crate::interp::gil::active() {
        return None;
    }
    match with_fd(fd, |f| Ok(if let Fd::File(file) = f { Some(file.try_clone()) } else { None })) {
        Ok(dup) => dup,
        Err(e) => Some(Err(e)),
    }
}

/// Run blocking system call `f` on descriptor `fd`, letting other threads run meanwhile
/// (the table is not borrowed during the call: `f` gets a duplicate when threads run).
pub fn blocking<R: Send>(vm: &mut Vm, fd: i64, f: impl FnOnce(BorrowedFd<'_>) -> std::io::Result<R> + Send) -> std::io::Result<R> {
    match detached(fd) {
        None => with_borrowed(fd, f),
        Some(dup) => {
            let file = dup?;
            vm.allow_threads(move || f(file.as_fd()))
        }
    }
}

/// [`with_borrowed_many`] for a blocking call (poll), letting other threads run meanwhile.
pub fn blocking_many<R: Send>(vm: &mut Vm, fds: &[i64], f: impl FnOnce(&[Option<BorrowedFd<'_>>]) -> R + Send) -> R {
    if !crate::interp::gil::active() {
        return with_borrowed_many(fds, f);
    }
    let closed = CLOSED_STD.with(|c| c.borrow().clone());
    // Standard streams are lent as they are; table descriptors as duplicates.
    let dups: Vec<Option<Result<File, i64>>> = fds
        .iter()
        .map(|&fd| match fd {
            0..=2 if !closed.contains(&fd) => Some(Err(fd)),
            _ => detached(fd).and_then(Result::ok).map(Ok),
        })
        .collect();
    vm.allow_threads(move || {
        let lent: Vec<Option<BorrowedFd<'_>>> = dups
            .iter()
            .map(|d| match d {
                Some(Ok(file)) => Some(file.as_fd()),
                Some(Err(0)) => Some(rustix::stdio::stdin()),
                Some(Err(1)) => Some(rustix::stdio::stdout()),
                Some(Err(_)) => Some(rustix::stdio::stderr()),
                None => None,
            })
            .collect();
        f(&lent)
    })
}

/// [`read_fd`] letting other threads run while it waits.
pub fn read_fd_released(vm: &mut Vm, fd: i64, n: Option<usize>) -> std::io::Result<Vec<u8>> {
    let Some(dup) = detached(fd) else { return read_fd(fd, n) };
    let mut file = dup?;
    vm.allow_threads(move || {
        let mut buf = Vec::new();
        match n {
            Some(n) => {
                buf.resize(n, 0);
                let got = file.read(&mut buf)?;
                buf.truncate(got);
            }
            None => {
                file.read_to_end(&mut buf)?;
            }
        }
        Ok(buf)
    })
}

/// [`write_fd`] letting other threads run while it waits.
pub fn write_fd_released(vm: &mut Vm, fd: i64, data: &[u8]) -> std::io::Result<usize> {
    let Some(dup) = detached(fd) else { return write_fd(fd, data) };
    let mut file = dup?;
    vm.allow_threads(move || file.write(data))
}

/// lseek(fd, pos, how).
pub fn seek_fd(fd: i64, pos: i64, how: i64) -> std::io::Result<u64> {
    with_fd(fd, |f| {
        let Fd::File(file) = f else { return Err(std::io::Error::from_raw_os_error(ESPIPE)) };
        let to = match how {
            0 => SeekFrom::Start(u64::try_from(pos).map_err(|_| std::io::Error::from_raw_os_error(22))?),
            1 => SeekFrom::Current(pos),
            2 => SeekFrom::End(pos),
            _ => return Err(std::io::Error::from_raw_os_error(22)),
        };
        file.seek(to)
    })
}

/// Whether `fd` is a terminal.
pub fn isatty_fd(fd: i64) -> bool {
    with_fd(fd, |f| Ok(match f {
        Fd::File(file) => std::io::IsTerminal::is_terminal(&*file),
        _ => stdio::isatty(fd as i32),
    }))
    .unwrap_or(false)
}

/// `fstat(fd)`.
pub fn fstat_fd(vm: &mut Vm, fd: i64) -> PyResult<Value> {
    let md = with_fd(fd, |f| match f {
        Fd::File(file) => file.metadata(),
        _ => std::fs::metadata(format!("/proc/self/fd/{fd}")),
    });
    match md {
        Ok(md) => super::stat::stat_result(vm, &md),
        Err(e) => Err(os_error(vm, &e, None, None)),
    }
}

/// Truncate the file open on `fd` to `len` bytes.
pub fn truncate_fd(fd: i64, len: u64) -> std::io::Result<()> {
    with_fd(fd, |f| match f {
        Fd::File(file) => file.set_len(len),
        _ => Err(std::io::Error::from_raw_os_error(22)),
    })
}

fn open(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let p = path_arg(vm, &a[0], "open")?;
    let flags = i64_arg(vm, &a[1])?;
    let mode = i64_arg(vm, &a[2])?;
    match open_path(&p.path, flags, mode as u32) {
        Ok(fd) => Ok(Value::Int(fd)),
        Err(e) => Err(os_error(vm, &e, Some(&p.orig), None)),
    }
}

fn fd_result<T>(vm: &mut Vm, r: std::io::Result<T>) -> PyResult<T> {
    r.map_err(|e| os_error(vm, &e, None, None))
}

fn read(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (fd, n) = (i64_arg(vm, &a[0])?, i64_arg(vm, &a[1])?);
    if n < 0 {
        return Err(errno_error(vm, 22));
    }
    let r = retry_eintr(vm, |vm| read_fd_released(vm, fd, Some(n as usize)))?;
    let data = fd_result(vm, r)?;
    Ok(new_bytes(vm, data))
}

fn write(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let fd = i64_arg(vm, &a[0])?;
    let data = buffer_arg(vm, &a[1])?;
    let r = retry_eintr(vm, |vm| write_fd_released(vm, fd, &data))?;
    let n = fd_result(vm, r)?;
    Ok(Value::Int(n as i64))
}

/// Add the descriptor functions to `posix`.
pub fn add_functions(vm: &mut Vm, m: &PyRef) {
    let defs: &[(&'static str, &'static str, NativeFn)] = &[
        ("open", "(path, flags, mode=511, *, dir_fd=None)", open),
        ("read", "(fd, length, /)", read),
        ("write", "(fd, data, /)", write),
        ("close", "(fd)", |vm, a| {
            let fd = i64_arg(vm, &a[0])?;
            fd_result(vm, close_fd(fd))?;
            Ok(Value::None)
        }),
        ("lseek", "(fd, position, whence, /)", |vm, a| {
            let (fd, pos, how) = (i64_arg(vm, &a[0])?, i64_arg(vm, &a[1])?, i64_arg(vm, &a[2])?);
            let r = fd_result(vm, seek_fd(fd, pos, how))?;
            Ok(Value::Int(r as i64))
        }),
        ("isatty", "(fd, /)", |vm, a| {
            let fd = i64_arg(vm, &a[0])?;
            Ok(Value::Bool(isatty_fd(fd)))
        }),
        ("ftruncate", "(fd, length, /)", |vm, a| {
            let (fd, len) = (i64_arg(vm, &a[0])?, i64_arg(vm, &a[1])?);
            fd_result(vm, truncate_fd(fd, len.max(0) as u64))?;
            Ok(Value::None)
        }),
        ("fsync", "(fd)", |vm, a| {
            let fd = i64_arg(vm, &a[0])?;
            let r = with_fd(fd, |f| match f {
                Fd::File(file) => file.sync_all(),
                Fd::Stdout => stdio::flush_stdout(),
                _ => Ok(()),
            });
            fd_result(vm, r)?;
            Ok(Value::None)
        }),
        ("device_encoding", "(fd)", |vm, a| {
            let fd = i64_arg(vm, &a[0])?;
            Ok(if isatty_fd(fd) { vm.new_str("UTF-8") } else { Value::None })
        }),
    ];
    for &(name, sig, f) in defs {
        let func = vm.new_native_function(name, "posix", sig, f, Value::Null, false);
        set(vm, m, name, Value::Obj(func));
    }
}
