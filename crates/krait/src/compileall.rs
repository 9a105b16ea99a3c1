//! `krait -m compileall`: byte-compiling directory trees, natively, with the command line,
//! output lines, exit status and files of CPython 3.11's `Lib/compileall.py`.

use crate::py_compile::{self, py_repr, CompileError};
use krait_vm::import::cache::{self, Invalidation, MAGIC};
use krait_vm::Vm;
use std::path::{Path, PathBuf};

/// The bytes compared by the up-to-date check: magic, flags, mtime.
const TIMESTAMP_PREFIX_LEN: usize = 12;

const USAGE: &str = "usage: compileall.py [-h] [-l] [-r RECURSION] [-f] [-q] [-b] [-d DESTDIR]
                     [-s STRIPDIR] [-p PREPENDDIR] [-x REGEXP] [-i FILE]
                     [-j WORKERS]
                     [--invalidation-mode {checked-hash,timestamp,unchecked-hash}]
                     [-o OPT_LEVELS] [-e DIR] [--hardlink-dupes]
                     [FILE|DIR ...]
";

/// The parsed command line.
#[derive(Default)]
struct Options {
    maxlevels: Option<usize>,
    recursion: Option<usize>,
    force: bool,
    quiet: u8,
    legacy: bool,
    ddir: Option<String>,
    stripdir: Option<String>,
    prependdir: Option<String>,
    flist: Option<String>,
    invalidation: Option<Invalidation>,
    opt_levels: Vec<i64>,
    limit_sl_dest: Option<String>,
    dests: Vec<String>,
}

fn usage_error(msg: &str) -> u8 {
    eprintln!("{USAGE}compileall.py: error: {msg}");
    2
}

fn parse_int(opt: &str, v: &str) -> Result<i64, String> {
    v.trim().parse::<i64>().map_err(|_| format!("argument {opt}: invalid int value: {}", py_repr(v)))
}

/// argparse-style parsing; `Err` is the error message (exit 2).
fn parse(args: &[String]) -> Result<Options, String> {
    let mut o = Options::default();
    let mut unknown = Vec::new();
    let mut i = 0;
    let mut only_positional = false;
    while i < args.len() {
        let a = args[i].as_str();
        i += 1;
        if only_positional || !a.starts_with('-') || a == "-" {
            o.dests.push(a.to_string());
            continue;
        }
        if a == "--" {
            only_positional = true;
            continue;
        }
        // Options with a value: "-r N", "-rN", "--opt=V".
        let (name, inline) = match a.split_once('=') {
            Some((n, v)) if a.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ if !a.starts_with("--") && a.len() > 2 => (a[..2].to_string(), Some(a[2..].to_string())),
            _ => (a.to_string(), None),
        };
        let takes_value = matches!(name.as_str(), "-r" | "-d" | "-s" | "-p" | "-x" | "-i" | "-j" | "--workers" | "--invalidation-mode" | "-o" | "-e");
        if !takes_value {
            // Combined flags like "-qq" or "-lf".
            let flags: Vec<char> = if a.starts_with("--") { Vec::new() } else { a[1..].chars().collect() };
            match a {
                "--hardlink-dupes" => return Err("--hardlink-dupes is not supported by krait".into()),
                "-h" | "--help" => return Err("help".into()),
                _ if !flags.is_empty() && flags.iter().all(|c| "lfqb".contains(*c)) => {
                    for c in flags {
                        match c {
                            'l' => o.maxlevels = Some(0),
                            'f' => o.force = true,
                            'q' => o.quiet = o.quiet.saturating_add(1),
                            _ => o.legacy = true,
                        }
                    }
                }
                _ => unknown.push(a.to_string()),
            }
            continue;
        }
        let value = match inline {
            Some(v) => v,
            None if i < args.len() => {
                i += 1;
                args[i - 1].clone()
            }
            None => return Err(format!("argument {name}: expected one argument")),
        };
        match name.as_str() {
            "-r" => o.recursion = Some(parse_int("-r", &value)?.max(0) as usize),
            "-d" => o.ddir = Some(value),
            "-s" => o.stripdir = Some(value),
            "-p" => o.prependdir = Some(value),
            "-x" => return Err("argument -x: regular expressions are not supported by krait".into()),
            "-i" => o.flist = Some(value),
            "-j" | "--workers" => {
                parse_int("-j/--workers", &value)?;
            }
            "--invalidation-mode" => {
                o.invalidation = Some(match value.as_str() {
                    "timestamp" => Invalidation::Timestamp,
                    "checked-hash" => Invalidation::CheckedHash,
                    "unchecked-hash" => Invalidation::UncheckedHash,
                    _ => {
                        return Err(format!(
                            "argument --invalidation-mode: invalid choice: {} (choose from 'checked-hash', 'timestamp', 'unchecked-hash')",
                            py_repr(&value)
                        ))
                    }
                })
            }
            "-o" => o.opt_levels.push(parse_int("-o", &value)?),
            _ => o.limit_sl_dest = Some(value).filter(|v| !v.is_empty()),
        }
    }
    if !unknown.is_empty() {
        return Err(format!("unrecognized arguments: {}", unknown.join(" ")));
    }
    if o.ddir.is_some() && (o.stripdir.is_some() || o.prependdir.is_some()) {
        return Err("-d cannot be used in combination with -s or -p".into());
    }
    if o.opt_levels.is_empty() {
        o.opt_levels.push(-1);
    }
    o.opt_levels.sort_unstable();
    o.opt_levels.dedup();
    Ok(o)
}

/// `os.path.join(a, b)` on str paths.
fn join(a: &str, b: &str) -> String {
    if b.starts_with('/') || a.is_empty() {
        b.to_string()
    } else if a.ends_with('/') {
        format!("{a}{b}")
    } else {
        format!("{a}/{b}")
    }
}

/// How the purported file name (`dfile`) of a source is derived (-d / -s / -p).
#[derive(Clone, Copy)]
struct Dest<'a> {
    ddir: Option<&'a str>,
    stripdir: Option<&'a str>,
    prependdir: Option<&'a str>,
}

struct Compiler<'a> {
    vm: &'a mut Vm,
    o: &'a Options,
}

impl Compiler<'_> {
    /// The optimization levels as (level for the compiler, level for the cache name).
    fn level(&self, opt: i64) -> u8 {
        if opt < 0 {
            self.vm.options.optimize
        } else {
            opt.min(2) as u8
        }
    }

    /// The purported file name (`dfile`) for a source, from -d / -s / -p.
    fn dfile(fullname: &str, dest: Dest) -> Option<String> {
        let name = fullname.rsplit('/').next().unwrap_or(fullname);
        let mut dfile = dest.ddir.map(|d| join(d, name));
        if let Some(strip) = dest.stripdir {
            let mut parts: Vec<&str> = fullname.split('/').collect();
            for (s, f) in strip.split('/').zip(fullname.split('/')) {
                if s == f {
                    if let Some(pos) = parts.iter().position(|p| *p == s) {
                        parts.remove(pos);
                    }
                }
            }
            dfile = Some(parts.iter().fold(String::new(), |acc, p| join(&acc, p)));
        }
        if let Some(pre) = dest.prependdir {
            dfile = Some(match dfile {
                None => join(pre, fullname),
                Some(d) => join(pre, &d),
            });
        }
        dfile
    }

    /// `compileall.compile_file`: true on success.
    fn compile_file(&mut self, fullname: &str, dest: Dest) -> bool {
        let path = Path::new(fullname);
        if let Some(limit) = &self.o.limit_sl_dest {
            if path.is_symlink() {
                let inside = match (std::fs::canonicalize(limit), std::fs::canonicalize(path)) {
                    (Ok(l), Ok(p)) => p.ancestors().skip(1).any(|a| a == l),
                    _ => false,
                };
                if !inside {
                    return true;
                }
            }
        }
        if !path.is_file() || !fullname.ends_with(".py") {
            return true;
        }
        let mut cfiles: Vec<(u8, PathBuf)> = Vec::new();
        for &opt in &self.o.opt_levels {
            let level = self.level(opt);
            let cfile = if self.o.legacy { Some(PathBuf::from(format!("{fullname}c"))) } else { py_compile::default_cfile(self.vm, path, level) };
            let Some(cfile) = cfile else { return false };
            cfiles.push((level, cfile));
        }
        if !self.o.force && self.up_to_date(path, &cfiles) {
            return true;
        }
        let quiet = self.o.quiet;
        if quiet == 0 {
            println!("Compiling {}...", py_repr(fullname));
        }
        let dfile = Self::dfile(fullname, dest);
        let mode = self.o.invalidation.unwrap_or_else(py_compile::default_invalidation);
        for (level, cfile) in &cfiles {
            if let Err(e) = py_compile::compile(self.vm, path, cfile, dfile.as_deref(), *level, mode) {
                if quiet >= 2 {
                    return false;
                }
                if quiet == 1 {
                    println!("*** Error compiling {}...", py_repr(fullname));
                } else {
                    print!("*** ");
                }
                match e {
                    CompileError::Compile(msg) => println!("{msg}"),
                    CompileError::Os(class, msg) => println!("{class}: {msg}"),
                }
                return false;
            }
        }
        true
    }

    /// Every cache file starts with the magic, zero flags and the source's mtime.
    fn up_to_date(&self, path: &Path, cfiles: &[(u8, PathBuf)]) -> bool {
        let Ok(stat) = cache::stat_source(path) else { return false };
        let mut expect = MAGIC.to_vec();
        expect.extend_from_slice(&0u32.to_le_bytes());
        expect.extend_from_slice(&stat.mtime.to_le_bytes());
        cfiles.iter().all(|(_, c)| std::fs::read(c).is_ok_and(|d| d.len() >= TIMESTAMP_PREFIX_LEN && d[..TIMESTAMP_PREFIX_LEN] == expect[..]))
    }

    /// `compileall.compile_dir` (walking as `_walk_dir`): true when every file compiled.
    fn compile_dir(&mut self, dir: &str, maxlevels: usize, dest: Dest) -> bool {
        if self.o.quiet == 0 {
            println!("Listing {}...", py_repr(dir));
        }
        let mut names: Vec<String> = match std::fs::read_dir(dir) {
            Ok(rd) => rd.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect(),
            Err(_) => {
                if self.o.quiet < 2 {
                    println!("Can't list {}", py_repr(dir));
                }
                Vec::new()
            }
        };
        names.sort();
        let mut success = true;
        for name in names {
            if name == "__pycache__" {
                continue;
            }
            let fullname = join(dir, &name);
            let p = Path::new(&fullname);
            if !p.is_dir() {
                success &= self.compile_file(&fullname, dest);
            } else if maxlevels > 0 && !p.is_symlink() {
                success &= self.compile_dir(&fullname, maxlevels - 1, dest);
            }
        }
        success
    }

    /// `compileall.compile_path`: every sys.path directory but the current one, not recursing.
    fn compile_path(&mut self) -> bool {
        let mut success = true;
        let dirs = self.vm.options.path.clone();
        for dir in dirs.iter().chain(sys_path_rest(self.vm).iter()) {
            if dir.is_empty() || dir == "." {
                if self.o.quiet < 2 {
                    println!("Skipping current directory");
                }
            } else {
                success = success && self.compile_dir(dir, 0, Dest { ddir: None, stripdir: None, prependdir: None });
            }
        }
        success
    }
}

/// `sys.path` entries after the configured ones (the standard library).
fn sys_path_rest(vm: &mut Vm) -> Vec<String> {
    let sys = krait_vm::Value::Obj(vm.sys.clone());
    let Ok(Some(path)) = vm.get_attr_opt_str(&sys, "path") else { return Vec::new() };
    let all: Vec<String> = vm.collect(&path).map(|v| v.iter().map(|e| vm.str_of(e).to_string()).collect()).unwrap_or_default();
    all.into_iter().skip(vm.options.path.len()).collect()
}

/// `python -m compileall ARGS`: returns the exit status.
pub fn main(vm: &mut Vm, args: &[String]) -> u8 {
    let mut o = match parse(args) {
        Ok(o) => o,
        Err(msg) if msg == "help" => {
            print!("{USAGE}");
            return 0;
        }
        Err(msg) => return usage_error(&msg),
    };
    if let Some(flist) = o.flist.clone() {
        let text = if flist == "-" {
            let mut s = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut s).map(|_| s)
        } else {
            std::fs::read_to_string(&flist)
        };
        match text {
            Ok(t) => o.dests.extend(t.lines().map(|l| l.trim().to_string())),
            Err(_) => {
                if o.quiet < 2 {
                    println!("Error reading file list {flist}");
                }
                return 1;
            }
        }
    }
    // -r wins over -l; the default depth is sys.getrecursionlimit().
    let maxlevels = o.recursion.or(o.maxlevels).unwrap_or(1000);
    let dests = o.dests.clone();
    let mut c = Compiler { vm, o: &o };
    let success = if dests.is_empty() {
        c.compile_path()
    } else {
        let mut success = true;
        for dest in &dests {
            let ok = if Path::new(dest).is_file() {
                let d = Dest { ddir: o.ddir.as_deref(), stripdir: o.stripdir.as_deref(), prependdir: o.prependdir.as_deref() };
                c.compile_file(dest, d)
            } else {
                // compile_dir turns -d DIR into stripdir=dest, prependdir=DIR.
                let d = match &o.ddir {
                    Some(ddir) => Dest { ddir: None, stripdir: Some(dest), prependdir: Some(ddir) },
                    None => Dest { ddir: None, stripdir: o.stripdir.as_deref(), prependdir: o.prependdir.as_deref() },
                };
                c.compile_dir(dest, maxlevels, d)
            };
            success &= ok;
        }
        success
    };
    u8::from(!success)
}
