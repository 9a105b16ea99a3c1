//! The process's standard streams at byte level: stdout is block-buffered (line-buffered
//! on a terminal) and flushed before stderr writes, before reading stdin, and when the
//! interpreter thread exits; stderr is unbuffered.

use crate::object::GilStatic;
use std::cell::RefCell;
use std::io::{BufRead, IsTerminal, Read, Write};

/// Flush stdout once this many bytes are buffered.
const LIMIT: usize = 1 << 16;

struct OutBuf {
    buf: Vec<u8>,
    line_buffered: bool,
}

impl OutBuf {
    fn flush(&mut self) -> std::io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let mut out = std::io::stdout().lock();
        let r = out.write_all(&self.buf).and_then(|_| out.flush());
        self.buf.clear();
        r
    }
}

impl Drop for OutBuf {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

static STDOUT: GilStatic<RefCell<OutBuf>> = GilStatic::new(|| RefCell::new(OutBuf { buf: Vec::new(), line_buffered: std::io::stdout().is_terminal() }));

/// Append to stdout's buffer.
pub fn write_stdout(bytes: &[u8]) -> std::io::Result<()> {
    STDOUT.with(|o| {
        let mut o = o.borrow_mut();
        o.buf.extend_from_slice(bytes);
        if o.buf.len() >= LIMIT || (o.line_buffered && bytes.contains(&b'\n')) {
            o.flush()
        } else {
            Ok(())
        }
    })
}

/// Write out whatever stdout has buffered (also called at exit by the command line).
pub fn flush_stdout() -> std::io::Result<()> {
    STDOUT.with(|o| o.borrow_mut().flush())
}

/// Write to stderr (unbuffered), after flushing stdout so the two interleave in order.
pub fn write_stderr(bytes: &[u8]) -> std::io::Result<()> {
    let _ = flush_stdout();
    let mut err = std::io::stderr().lock();
    err.write_all(bytes).and_then(|_| err.flush())
}

/// Read one line from stdin, including its newline, onto `line` (nothing at end of
/// input). A signal interrupting the read is an `Interrupted` error, with what was read
/// so far kept in `line`: the caller runs the signal handlers and calls again (PEP 475).
pub fn read_stdin_line(line: &mut Vec<u8>) -> std::io::Result<()> {
    let _ = flush_stdout();
    let mut input = std::io::stdin().lock();
    loop {
        let buf = input.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        let (n, done) = match memchr::memchr(b'\n', buf) {
            Some(i) => (i + 1, true),
            None => (buf.len(), false),
        };
        line.extend_from_slice(&buf[..n]);
        input.consume(n);
        if done {
            return Ok(());
        }
    }
}

/// The rest of stdin.
pub fn read_stdin_all() -> std::io::Result<Vec<u8>> {
    let _ = flush_stdout();
    let mut all = Vec::new();
    std::io::stdin().lock().read_to_end(&mut all)?;
    Ok(all)
}

/// Whether standard stream `fd` (0, 1, 2) is a terminal.
pub fn isatty(fd: i32) -> bool {
    match fd {
        0 => std::io::stdin().is_terminal(),
        1 => std::io::stdout().is_terminal(),
        _ => std::io::stderr().is_terminal(),
    }
}
