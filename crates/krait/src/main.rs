//! The `krait` command: a python3-compatible command line.

mod args;
mod compileall;
mod py_compile;

use args::{parse_args, Command};
use krait_vm::import::pyc_file::looks_like_pyc;
use krait_vm::import::RunModuleError;
use krait_vm::{Value, Vm, VmOptions};
use std::io::Write;
use std::process::ExitCode;

/// mimalloc for the command (embedders choose their own): Python programs allocate and
/// free many small objects, 5-10% faster than glibc malloc on allocation-heavy benchmarks
/// (bench/RESULTS.md); transparent huge pages are off so a small run stays small in RSS.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().collect();
    let parsed = match parse_args(&argv) {
        Ok(p) => p,
        Err(msg) => {
            eprintln!("{msg}");
            return ExitCode::from(2);
        }
    };
    // Deep Python recursion runs on the explicit frame stack, but native code that calls
    // back into Python recurses in Rust: give the interpreter a large stack.
    let child = std::thread::Builder::new().stack_size(512 << 20).spawn(move || run(parsed));
    // Signals go to the interpreter's thread, where they interrupt blocking calls.
    krait_vm::interp::os_signal::block_all_in_this_thread();
    match child.map(|h| h.join()) {
        Ok(Ok(code)) => ExitCode::from(code),
        _ => ExitCode::from(1),
    }
}

fn run(parsed: args::Parsed) -> u8 {
    krait_vm::modules::posix::inherited::adopt_inherited();
    krait_vm::modules::signal::install_startup_handlers();
    let prog = parsed.program.clone();
    let hash_seed = std::env::var("PYTHONHASHSEED").ok().and_then(|s| s.parse::<u64>().ok());
    let env = |key: &str| if parsed.ignore_environment { None } else { std::env::var(key).ok().filter(|v| !v.is_empty()) };
    // sys.path[0]: the script's directory, the current directory's full path for -m,
    // or '' (the current directory) for -c and stdin.
    let path0 = match &parsed.command {
        Command::File(p) => std::path::Path::new(p).parent().map(|d| d.display().to_string()).unwrap_or_default(),
        Command::Module(_) => std::env::current_dir().map(|d| d.display().to_string()).unwrap_or_default(),
        _ => String::new(),
    };
    let dont_write_bytecode = parsed.dont_write_bytecode || env("PYTHONDONTWRITEBYTECODE").is_some();
    let options = VmOptions { argv: parsed.script_argv.clone(), path: vec![path0], optimize: parsed.optimize, no_site: parsed.no_site, dont_write_bytecode, hash_seed, ..Default::default() };
    let mut vm = Vm::new(options);
    krait_stdlib::register(&mut vm);
    // sys.pycache_prefix: -X pycache_prefix=PATH, else PYTHONPYCACHEPREFIX.
    let prefix = parsed.xoptions.iter().rev().find_map(|x| x.strip_prefix("pycache_prefix=")).map(str::to_string).or_else(|| env("PYTHONPYCACHEPREFIX"));
    if let Some(prefix) = prefix {
        let key = vm.intern("pycache_prefix");
        let value = vm.new_str(&prefix);
        let _ = vm.set_attr(&Value::Obj(vm.sys.clone()), &key, value);
    }
    let code = run_command(&mut vm, &parsed, &prog);
    // Py_FinalizeEx: the atexit callbacks run once the program (or its traceback) is done.
    vm.run_atexit();
    // Daemon threads may still hold the interpreter (waiting for its lock, which this
    // thread now keeps): it must outlive them, until the process exits.
    if krait_vm::modules::thread::threads_running() {
        std::mem::forget(vm);
    }
    if krait_vm::modules::signal::unhandled_keyboard_interrupt() {
        // CPython's exit_sigint: die of SIGINT so that the parent sees it (status 130
        // when the signal cannot be delivered).
        let _ = krait_vm::builtins::stdio::flush_stdout();
        krait_vm::interp::os_signal::exit_by_sigint();
        return 130;
    }
    code
}

/// Run what the command line asks for; the exit status.
fn run_command(vm: &mut Vm, parsed: &args::Parsed, prog: &str) -> u8 {
    let (source, filename) = match &parsed.command {
        Command::Version => {
            // A closed stdout is not an error worth a panic (`krait -V | head -0`).
            let _ = writeln!(std::io::stdout(), "Python 3.11.7");
            return 0;
        }
        Command::Help => {
            let _ = write!(std::io::stdout(), "{}", args::USAGE);
            return 0;
        }
        Command::Code(code) => (code.clone(), "<string>".to_string()),
        Command::Module(m) => return run_module(vm, m, &parsed.script_argv[1..]),
        Command::File(path) if looks_like_pyc(std::path::Path::new(path)) => {
            let result = std::fs::read(path).map_err(|e| e.to_string());
            return match result {
                Ok(data) => match vm.run_main_pyc(std::path::Path::new(path), &data) {
                    Ok(_) => 0,
                    Err(e) => vm.report_main_uncaught(&e) as u8,
                },
                Err(e) => {
                    eprintln!("{prog}: can't open file '{path}': {e}");
                    2
                }
            };
        }
        Command::File(path) => match std::fs::read(path) {
            Ok(bytes) => {
                // CPython names the main script by its absolute path (co_filename, tracebacks).
                let abs = std::path::absolute(path).map(|p| p.display().to_string()).unwrap_or_else(|_| path.clone());
                match vm.decode_source(&bytes, &abs, true) {
                    Ok(s) => (s, abs),
                    Err(e) => return vm.report_main_uncaught(&e) as u8,
                }
            }
            Err(e) => {
                let abs = std::path::absolute(path).map(|p| p.display().to_string()).unwrap_or_else(|_| path.clone());
                eprintln!("{prog}: can't open file '{abs}': [Errno {}] {}", e.raw_os_error().unwrap_or(0), errno_text(&e));
                return 2;
            }
        },
        Command::Stdin => {
            let mut s = String::new();
            let _ = std::io::Read::read_to_string(&mut std::io::stdin(), &mut s);
            (s, "<stdin>".to_string())
        }
    };
    match vm.run_main_source(&source, &filename) {
        Ok(_) => 0,
        Err(e) => vm.report_main_uncaught(&e) as u8,
    }
}

/// `-m NAME`: py_compile and compileall natively, any other module through the import
/// system as runpy would; errors are runpy's `<executable>: <message>` (exit 1).
fn run_module(vm: &mut Vm, name: &str, args: &[String]) -> u8 {
    match name {
        "py_compile" => return py_compile::main(vm, args),
        "compileall" => return compileall::main(vm, args),
        _ => {}
    }
    match vm.run_module_as_main(name) {
        Ok(_) => 0,
        Err(RunModuleError::Raised(e)) => vm.report_main_uncaught(&e) as u8,
        Err(RunModuleError::Message(msg)) => {
            let exe = std::env::current_exe().map(|p| p.display().to_string()).unwrap_or_else(|_| "krait".into());
            eprintln!("{exe}: {msg}");
            1
        }
    }
}

/// The strerror text CPython shows for common errnos.
fn errno_text(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "No such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "Permission denied".into(),
        _ => e.to_string(),
    }
}
