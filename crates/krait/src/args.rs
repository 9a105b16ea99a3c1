//! Command-line parsing with python3's options and messages.

pub const USAGE: &str = "usage: krait [option] ... [-c cmd | -m mod | file | -] [arg] ...
Options (a subset of python3's):
-B     : don't write .pyc files on import
-c cmd : program passed in as string (terminates option list)
-E     : ignore PYTHON* environment variables
-h     : print this help message and exit (also -? or --help)
-I     : isolate Python from the user's environment
-m mod : run library module as a script (terminates option list)
-O     : remove assert and __debug__-dependent statements
-OO    : do -O changes and also discard docstrings
-q     : don't print version and copyright messages on interactive startup
-s     : don't add user site directory to sys.path
-S     : don't imply 'import site' on initialization
-u     : force the stdout and stderr streams to be unbuffered
-V     : print the Python version number and exit (also --version)
-X opt : set implementation-specific option
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]
";

pub enum Command {
    Version,
    Help,
    Code(String),
    Module(String),
    File(String),
    Stdin,
}

pub struct Parsed {
    pub program: String,
    pub command: Command,
    /// `sys.argv`.
    pub script_argv: Vec<String>,
    pub optimize: u8,
    pub no_site: bool,
    pub dont_write_bytecode: bool,
    /// `-E` / `-I`: ignore PYTHON* environment variables.
    pub ignore_environment: bool,
    /// `-X` options, in order (`pycache_prefix=PATH`, ...).
    pub xoptions: Vec<String>,
}

/// Parse `argv` as python3 does; `Err` carries the message for a usage error (exit 2).
pub fn parse_args(argv: &[String]) -> Result<Parsed, String> {
    let program = argv.first().cloned().unwrap_or_else(|| "krait".into());
    let mut p = Parsed { program: program.clone(), command: Command::Stdin, script_argv: vec![String::new()], optimize: 0, no_site: false, dont_write_bytecode: false, ignore_environment: false, xoptions: Vec::new() };
    let mut i = 1;
    while i < argv.len() {
        let a = &argv[i];
        if a == "--version" {
            p.command = Command::Version;
            return Ok(p);
        }
        if a == "--help" {
            p.command = Command::Help;
            return Ok(p);
        }
        if a == "-" || !a.starts_with('-') {
            if a == "-" {
                p.script_argv = argv[i..].to_vec();
            } else {
                p.command = Command::File(a.clone());
                p.script_argv = argv[i..].to_vec();
            }
            return Ok(p);
        }
        let flags: Vec<char> = a[1..].chars().collect();
        let mut j = 0;
        while j < flags.len() {
            match flags[j] {
                'c' | 'm' => {
                    let rest: String = flags[j + 1..].iter().collect();
                    let value = if !rest.is_empty() {
                        rest
                    } else if i + 1 < argv.len() {
                        i += 1;
                        argv[i].clone()
                    } else {
                        return Err(format!("Argument expected for the -{} option\n{}", flags[j], short_usage(&program)));
                    };
                    if flags[j] == 'c' {
                        p.command = Command::Code(value);
                        p.script_argv = std::iter::once("-c".to_string()).chain(argv[i + 1..].iter().cloned()).collect();
                    } else {
                        // runpy replaces the placeholder with the module's file once found.
                        p.script_argv = std::iter::once("-m".to_string()).chain(argv[i + 1..].iter().cloned()).collect();
                        p.command = Command::Module(value);
                    }
                    return Ok(p);
                }
                'V' => {
                    p.command = Command::Version;
                    return Ok(p);
                }
                'h' | '?' => {
                    p.command = Command::Help;
                    return Ok(p);
                }
                'O' => p.optimize += 1,
                'S' => p.no_site = true,
                'B' => p.dont_write_bytecode = true,
                'E' | 'I' => p.ignore_environment = true,
                's' | 'u' | 'q' | 'b' | 'd' | 'i' | 'v' | 'R' | 'P' => {}
                'X' | 'W' => {
                    let rest: String = flags[j + 1..].iter().collect();
                    let value = if !rest.is_empty() {
                        rest
                    } else if i + 1 < argv.len() {
                        i += 1;
                        argv[i].clone()
                    } else {
                        return Err(format!("Argument expected for the -{} option\n{}", flags[j], short_usage(&program)));
                    };
                    if flags[j] == 'X' {
                        p.xoptions.push(value);
                    }
                    break;
                }
                other => return Err(format!("Unknown option: -{other}\n{}", short_usage(&program))),
            }
            j += 1;
        }
        i += 1;
    }
    Ok(p)
}

fn short_usage(program: &str) -> String {
    format!("usage: {program} [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h' for more information.")
}
