//! The operating-system side of signals: the async-signal-safe handler that records a
//! signal and wakes the interpreter (CPython's `signal_handler`/`trip_signal`), and safe
//! wrappers over the libc calls `_signal` needs (sigaction, masks, timers, waits).
//!
//! The handler only touches atomics, writes one byte to the wakeup descriptor and may
//! forward the signal to the interpreter's main thread; Python handlers run later, when
//! the eval breaker's `SIGNALS` bit is served on the main thread.

use std::io;
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicU64, Ordering};
use std::time::Duration;

/// One more than the highest signal number (Linux).
pub const NSIG: usize = 65;

/// Signals received and not yet served, by number.
static TRIPPED: [AtomicBool; NSIG] = [const { AtomicBool::new(false) }; NSIG];
/// `set_wakeup_fd`'s descriptor (-1: none) and its `warn_on_full_buffer`.
static WAKEUP_FD: AtomicI32 = AtomicI32::new(-1);
static WAKEUP_WARN: AtomicBool = AtomicBool::new(true);
/// errno of the last failed wakeup write (0: none), reported by the main thread.
static WAKEUP_ERROR: AtomicI32 = AtomicI32::new(0);
/// The interpreter's main thread (`pthread_t`; 0 until [`set_main_thread`]).
static MAIN_THREAD: AtomicU64 = AtomicU64::new(0);

/// What a signal does, as sigaction reports it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Action {
    Default,
    Ignore,
    /// krait's handler: the signal is served by a Python handler.
    Python,
    /// Some other handler (installed by native code krait does not know).
    Other,
}

/// Record the calling thread as the one that runs Python signal handlers.
pub fn set_main_thread() {
    MAIN_THREAD.store(current_thread(), Ordering::Relaxed);
}

/// The calling thread's id (`pthread_self`, what `_thread.get_ident` gives).
pub fn current_thread() -> u64 {
    // SAFETY: pthread_self has no preconditions.
    unsafe { libc::pthread_self() as u64 }
}

/// The interpreter's main thread (0 before start-up).
pub fn main_thread() -> u64 {
    MAIN_THREAD.load(Ordering::Relaxed)
}

/// Whether the calling thread is the interpreter's main thread.
pub fn is_main_thread() -> bool {
    main_thread() == current_thread()
}

/// The handler krait installs (CPython's `signal_handler`). Async-signal-safe: atomics,
/// write(2) and pthread_kill(3) only, with errno preserved.
extern "C" fn on_signal(signum: libc::c_int) {
    // SAFETY: __errno_location returns the calling thread's errno slot, valid for the
    // thread's lifetime; reading and restoring it is what a signal handler must do.
    let errno = unsafe { libc::__errno_location() };
    // SAFETY: as above.
    let saved = unsafe { *errno };
    let main = main_thread();
    if main != 0 && main != current_thread() {
        // Another thread caught it: hand it to the main thread so that a blocking call
        // there is interrupted (and a signal the main thread blocks stays pending).
        // SAFETY: `main` is the pthread_t of the interpreter's main thread, which lives
        // as long as the process runs Python code.
        unsafe { libc::pthread_kill(main as libc::pthread_t, signum) };
    } else {
        trip(signum as usize);
    }
    // SAFETY: restoring the errno read above.
    unsafe { *errno = saved };
}

/// Mark `signum` as received and wake the interpreter (CPython's `trip_signal`); also
/// used by `_thread.interrupt_main`.
pub fn trip(signum: usize) {
    let Some(flag) = TRIPPED.get(signum) else { return };
    flag.store(true, Ordering::SeqCst);
    super::breaker::set(super::breaker::SIGNALS);
    let fd = WAKEUP_FD.load(Ordering::Relaxed);
    if fd >= 0 {
        let byte = signum as u8;
        loop {
            // SAFETY: writes one byte from a live local; an invalid fd only fails.
            let r = unsafe { libc::write(fd, (&byte as *const u8).cast(), 1) };
            if r >= 0 {
                break;
            }
            // SAFETY: errno of the failed write, read on this thread.
            let e = unsafe { *libc::__errno_location() };
            if e == libc::EINTR {
                continue;
            }
            if WAKEUP_WARN.load(Ordering::Relaxed) || (e != libc::EAGAIN && e != libc::EWOULDBLOCK) {
                WAKEUP_ERROR.store(e, Ordering::Relaxed);
            }
            break;
        }
    }
}

/// The signals received since the last call, lowest number first.
pub fn take_tripped() -> Vec<usize> {
    (1..NSIG).filter(|&n| TRIPPED[n].swap(false, Ordering::SeqCst)).collect()
}

/// Put back a signal whose handler could not run yet (a handler raised first).
pub fn retrip(signum: usize) {
    if let Some(flag) = TRIPPED.get(signum) {
        flag.store(true, Ordering::SeqCst);
        super::breaker::set(super::breaker::SIGNALS);
    }
}

/// The errno of a failed wakeup-descriptor write since the last call.
pub fn take_wakeup_error() -> Option<i32> {
    Some(WAKEUP_ERROR.swap(0, Ordering::Relaxed)).filter(|&e| e != 0)
}

/// Set the wakeup descriptor (-1: none); the previous one.
pub fn set_wakeup_fd(fd: i32, warn_on_full_buffer: bool) -> i32 {
    WAKEUP_WARN.store(warn_on_full_buffer, Ordering::Relaxed);
    WAKEUP_FD.swap(fd, Ordering::Relaxed)
}

fn check(r: libc::c_int) -> io::Result<libc::c_int> {
    if r < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(r)
    }
}

fn action_of(sa: &libc::sigaction) -> Action {
    match sa.sa_sigaction {
        libc::SIG_DFL => Action::Default,
        libc::SIG_IGN => Action::Ignore,
        h if h == on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t => Action::Python,
        _ => Action::Other,
    }
}

fn query(signum: i32) -> io::Result<libc::sigaction> {
    // SAFETY: sigaction is plain data; all-zero is a valid value to be overwritten.
    let mut old: libc::sigaction = unsafe { std::mem::zeroed() };
    // SAFETY: a null new action only queries; `old` is a valid out pointer.
    check(unsafe { libc::sigaction(signum, std::ptr::null(), &mut old) })?;
    Ok(old)
}

/// What `signum` currently does.
pub fn current_action(signum: i32) -> io::Result<Action> {
    query(signum).map(|sa| action_of(&sa))
}

/// Make `signum` do `action` (CPython's `PyOS_setsig`: SA_ONSTACK, no SA_RESTART, so
/// blocking calls fail with EINTR); the previous action. `Action::Other` is refused.
pub fn set_action(signum: i32, action: Action) -> io::Result<Action> {
    let handler = match action {
        Action::Default => libc::SIG_DFL,
        Action::Ignore => libc::SIG_IGN,
        Action::Python => on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t,
        Action::Other => return Err(io::Error::from_raw_os_error(libc::EINVAL)),
    };
    // SAFETY: sigaction is plain data; all-zero is a valid starting value.
    let mut sa: libc::sigaction = unsafe { std::mem::zeroed() };
    sa.sa_sigaction = handler;
    sa.sa_flags = libc::SA_ONSTACK;
    // SAFETY: sa.sa_mask is a valid sigset_t to initialise.
    unsafe { libc::sigemptyset(&mut sa.sa_mask) };
    // SAFETY: sigaction is plain data; all-zero is a valid value to be overwritten.
    let mut old: libc::sigaction = unsafe { std::mem::zeroed() };
    // SAFETY: valid pointers to a filled-in action and an out action; the handler
    // installed is async-signal-safe (see `on_signal`).
    check(unsafe { libc::sigaction(signum, &sa, &mut old) })?;
    Ok(action_of(&old))
}

/// siginterrupt(signum, flag): whether system calls interrupted by `signum` fail with
/// EINTR (true) or restart (false).
pub fn set_interrupt(signum: i32, interrupt: bool) -> io::Result<()> {
    let mut sa = query(signum)?;
    if interrupt {
        sa.sa_flags &= !libc::SA_RESTART;
    } else {
        sa.sa_flags |= libc::SA_RESTART;
    }
    // SAFETY: re-installs the action just read, with only its flags changed.
    check(unsafe { libc::sigaction(signum, &sa, std::ptr::null_mut()) }).map(drop)
}

fn sigset(signals: &[i32]) -> io::Result<libc::sigset_t> {
    // SAFETY: sigset_t is plain data, initialised by sigemptyset before use.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    // SAFETY: `set` is a valid sigset_t.
    unsafe { libc::sigemptyset(&mut set) };
    for &s in signals {
        // SAFETY: `set` is a valid sigset_t; a bad number only fails.
        check(unsafe { libc::sigaddset(&mut set, s) })?;
    }
    Ok(set)
}

fn members(set: &libc::sigset_t) -> Vec<i32> {
    // SAFETY: `set` is a valid sigset_t; sigismember only reads it.
    (1..NSIG as i32).filter(|&s| unsafe { libc::sigismember(set, s) } == 1).collect()
}

/// pthread_sigmask(how, signals): the previous mask of the calling thread.
pub fn thread_mask(how: i32, signals: &[i32]) -> io::Result<Vec<i32>> {
    let set = sigset(signals)?;
    // SAFETY: sigset_t is plain data to be overwritten.
    let mut old: libc::sigset_t = unsafe { std::mem::zeroed() };
    // SAFETY: valid set pointers; `how` is checked by the call.
    let r = unsafe { libc::pthread_sigmask(how, &set, &mut old) };
    if r != 0 {
        return Err(io::Error::from_raw_os_error(r));
    }
    Ok(members(&old))
}

/// Block every signal that can be blocked in the calling thread (a thread that only
/// waits, so that signals reach the interpreter's thread).
pub fn block_all_in_this_thread() {
    // SAFETY: sigset_t is plain data, filled by sigfillset.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    // SAFETY: `set` is a valid sigset_t; pthread_sigmask accepts a null old mask.
    unsafe {
        libc::sigfillset(&mut set);
        // Faults must stay deliverable where they happen.
        for s in [libc::SIGSEGV, libc::SIGBUS, libc::SIGFPE, libc::SIGILL] {
            libc::sigdelset(&mut set, s);
        }
        libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut());
    }
}

/// sigpending(): the signals pending for the calling thread or the process.
pub fn pending() -> io::Result<Vec<i32>> {
    // SAFETY: sigset_t is plain data to be overwritten.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    // SAFETY: `set` is a valid out pointer.
    check(unsafe { libc::sigpending(&mut set) })?;
    Ok(members(&set))
}

/// sigwait(signals): the number of the signal accepted.
pub fn wait(signals: &[i32]) -> io::Result<i32> {
    let set = sigset(signals)?;
    let mut sig: libc::c_int = 0;
    // SAFETY: valid set and out pointers.
    let r = unsafe { libc::sigwait(&set, &mut sig) };
    if r != 0 {
        return Err(io::Error::from_raw_os_error(r));
    }
    Ok(sig)
}

/// The fields of `siginfo_t` that `signal.struct_siginfo` shows.
pub struct SigInfo {
    pub signo: i32,
    pub code: i32,
    pub errno: i32,
    pub pid: i32,
    pub uid: u32,
    pub status: i32,
    pub band: i64,
}

/// sigwaitinfo(signals) (no timeout) or sigtimedwait(signals, timeout); None when the
/// timeout expired.
pub fn wait_info(signals: &[i32], timeout: Option<Duration>) -> io::Result<Option<SigInfo>> {
    let set = sigset(signals)?;
    // SAFETY: siginfo_t is plain data to be overwritten.
    let mut info: libc::siginfo_t = unsafe { std::mem::zeroed() };
    let r = match timeout {
        None => {
            // SAFETY: valid set and out pointers.
            unsafe { libc::sigwaitinfo(&set, &mut info) }
        }
        Some(t) => {
            let ts = libc::timespec { tv_sec: t.as_secs() as libc::time_t, tv_nsec: t.subsec_nanos() as libc::c_long };
            // SAFETY: valid set, out and timeout pointers.
            unsafe { libc::sigtimedwait(&set, &mut info, &ts) }
        }
    };
    if r < 0 {
        let e = io::Error::last_os_error();
        return if e.raw_os_error() == Some(libc::EAGAIN) { Ok(None) } else { Err(e) };
    }
    // SAFETY: the kernel filled `info`; the kill/sigchld fields are read as ints whatever
    // the signal (the union's members overlap at the same offsets, as CPython reads them).
    let (pid, uid, status) = unsafe { (info.si_pid(), info.si_uid(), info.si_status()) };
    // si_band (a long) overlays si_pid and si_uid on Linux.
    let band = (pid as u32 as i64) | ((uid as i64) << 32);
    Ok(Some(SigInfo { signo: info.si_signo, code: info.si_code, errno: info.si_errno, pid, uid, status, band }))
}

/// alarm(seconds): the seconds left on the previous alarm.
pub fn alarm(seconds: u32) -> u32 {
    // SAFETY: alarm has no memory preconditions.
    unsafe { libc::alarm(seconds) }
}

/// pause(): wait for a signal; always "fails" (with EINTR once a handler ran).
pub fn pause() -> io::Error {
    // SAFETY: pause has no preconditions.
    unsafe { libc::pause() };
    io::Error::last_os_error()
}

/// raise(signum) in the calling thread.
pub fn raise(signum: i32) -> io::Result<()> {
    // SAFETY: raise has no memory preconditions; a bad number only fails.
    let r = unsafe { libc::raise(signum) };
    if r != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

/// pthread_kill(thread, signum).
pub fn thread_kill(thread: u64, signum: i32) -> io::Result<()> {
    // SAFETY: pthread_kill checks the thread id it is given (ESRCH) on glibc for
    // threads that have been joined; krait passes ids Python code obtained.
    let r = unsafe { libc::pthread_kill(thread as libc::pthread_t, signum) };
    if r != 0 {
        return Err(io::Error::from_raw_os_error(r));
    }
    Ok(())
}

fn timeval(secs: f64) -> libc::timeval {
    let secs = secs.max(0.0);
    let whole = secs.trunc();
    let mut usec = ((secs - whole) * 1e6).round() as libc::suseconds_t;
    let mut sec = whole as libc::time_t;
    if usec >= 1_000_000 {
        sec += 1;
        usec -= 1_000_000;
    }
    // A non-zero request shorter than a microsecond still arms the timer.
    if sec == 0 && usec == 0 && secs > 0.0 {
        usec = 1;
    }
    libc::timeval { tv_sec: sec, tv_usec: usec }
}

fn seconds(tv: &libc::timeval) -> f64 {
    tv.tv_sec as f64 + tv.tv_usec as f64 * 1e-6
}

/// setitimer(which, value, interval): the previous (value, interval).
pub fn set_itimer(which: i32, value: f64, interval: f64) -> io::Result<(f64, f64)> {
    let new = libc::itimerval { it_value: timeval(value), it_interval: timeval(interval) };
    // SAFETY: itimerval is plain data to be overwritten.
    let mut old: libc::itimerval = unsafe { std::mem::zeroed() };
    // SAFETY: valid pointers; `which` is checked by the call. libc declares `which` as
    // the glibc enum type, hence the cast.
    check(unsafe { libc::setitimer(which as _, &new, &mut old) })?;
    Ok((seconds(&old.it_value), seconds(&old.it_interval)))
}

/// getitimer(which): the current (value, interval).
pub fn get_itimer(which: i32) -> io::Result<(f64, f64)> {
    // SAFETY: itimerval is plain data to be overwritten.
    let mut cur: libc::itimerval = unsafe { std::mem::zeroed() };
    // SAFETY: a valid out pointer; `which` is checked by the call.
    check(unsafe { libc::getitimer(which as _, &mut cur) })?;
    Ok((seconds(&cur.it_value), seconds(&cur.it_interval)))
}

/// After an uncaught KeyboardInterrupt: die of SIGINT, as CPython's `exit_sigint` does,
/// so that the parent sees the signal. Returns only if the signal did not end us.
pub fn exit_by_sigint() {
    if set_action(libc::SIGINT, Action::Default).is_ok() {
        let _ = thread_mask(libc::SIG_UNBLOCK, &[libc::SIGINT]);
        // SAFETY: kill has no memory preconditions; the default action ends the process.
        unsafe { libc::kill(libc::getpid(), libc::SIGINT) };
    }
}

/// Whether `fd` is in blocking mode (fcntl F_GETFL); EBADF for a closed descriptor.
pub fn fd_is_blocking(fd: i32) -> io::Result<bool> {
    // SAFETY: F_GETFL takes no pointer argument; a bad fd only fails.
    let flags = check(unsafe { libc::fcntl(fd, libc::F_GETFL) })?;
    Ok(flags & libc::O_NONBLOCK == 0)
}

/// Sleep for `d` unless a signal handler interrupts it first (EINTR), for `time.sleep`'s
/// PEP 475 loop.
pub fn sleep(d: Duration) -> io::Result<()> {
    let ts = libc::timespec { tv_sec: d.as_secs().min(libc::time_t::MAX as u64) as libc::time_t, tv_nsec: d.subsec_nanos() as libc::c_long };
    // SAFETY: a valid request pointer; a null remainder pointer is allowed.
    check(unsafe { libc::nanosleep(&ts, std::ptr::null_mut()) }).map(drop)
}

/// Start a child with `spawn(cmd)` giving it the dispositions CPython's _posixsubprocess
/// child starts with: with `restore` (`restore_signals=True`), SIGPIPE and SIGXFSZ at
/// SIG_DFL (`_Py_RestoreSignals`); otherwise as they are here.
///
/// std's spawn resets SIGPIPE itself and, with no pre-exec hook, uses posix_spawn (much
/// faster than fork for a large process): an ignored SIGXFSZ is set to SIG_DFL around
/// the spawn instead of in the child. Only `restore=False` with SIGPIPE ignored needs a
/// hook in the child.
pub fn spawn_with_signals<T>(cmd: &mut std::process::Command, restore: bool, spawn: impl FnOnce(&mut std::process::Command) -> T) -> T {
    use std::os::unix::process::CommandExt;
    if !restore {
        if current_action(libc::SIGPIPE).ok() == Some(Action::Ignore) {
            // SAFETY: the closure runs in the child between fork and exec and only calls
            // signal(2), which is async-signal-safe; it allocates nothing.
            unsafe {
                cmd.pre_exec(|| {
                    libc::signal(libc::SIGPIPE, libc::SIG_IGN);
                    Ok(())
                })
            };
        }
        return spawn(cmd);
    }
    let xfsz_ignored = current_action(libc::SIGXFSZ).ok() == Some(Action::Ignore);
    if xfsz_ignored {
        let _ = set_action(libc::SIGXFSZ, Action::Default);
    }
    let r = spawn(cmd);
    if xfsz_ignored {
        let _ = set_action(libc::SIGXFSZ, Action::Ignore);
    }
    r
}
