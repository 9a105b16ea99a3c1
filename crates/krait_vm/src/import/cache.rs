//! The bytecode cache of source modules (importlib's `SourceLoader.get_code` and
//! `SourceFileLoader.set_data`): cache paths per PEP 3147/488 and `sys.pycache_prefix`,
//! header validation (timestamp or source hash), and atomic `.pyc` writes.

use super::pyc_file::{code_from_pyc_body, fix_co_filename};
use crate::object::Value;
use crate::vm::{PyResult, Vm};
use krait_bytecode::pyc::{self, PycHeader, Validation};
use krait_bytecode::{marshal, CodeObject};
pub use krait_bytecode::pyc::MAGIC;
pub use krait_compiler::Mode;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};

/// `sys.implementation.cache_tag`.
pub const CACHE_TAG: &str = "krait-311";

/// `py_compile.PycInvalidationMode`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Invalidation {
    Timestamp,
    CheckedHash,
    UncheckedHash,
}

/// What the header of a timestamp pyc records about its source (`path_stats`).
#[derive(Clone, Copy, Debug)]
pub struct SourceStat {
    /// `int(st_mtime) & 0xFFFFFFFF`.
    pub mtime: u32,
    /// `st_size & 0xFFFFFFFF`.
    pub size: u32,
    /// `st_mode`, for the mode of the written pyc (`_calc_mode`).
    pub mode: u32,
}

/// `os.stat(path)` reduced to what a pyc needs.
pub fn stat_source(path: &Path) -> std::io::Result<SourceStat> {
    let meta = std::fs::metadata(path)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Ok(SourceStat { mtime: meta.mtime() as u32, size: meta.size() as u32, mode: meta.mode() })
    }
    #[cfg(not(unix))]
    {
        let mtime = meta.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok()).map_or(0, |d| d.as_secs() as u32);
        Ok(SourceStat { mtime, size: meta.len() as u32, mode: 0o644 })
    }
}

/// A `sys` attribute, if set.
fn sys_attr(vm: &mut Vm, name: &str) -> Option<Value> {
    let sys = Value::Obj(vm.sys.clone());
    vm.get_attr_opt_str(&sys, name).ok().flatten()
}

/// `sys.pycache_prefix` when it is a str.
pub fn pycache_prefix(vm: &mut Vm) -> Option<String> {
    let v = sys_attr(vm, "pycache_prefix")?;
    v.as_obj().and_then(|o| o.as_str()).map(|s| s.as_str().to_string())
}

/// `sys.dont_write_bytecode` (the `-B` option and PYTHONDONTWRITEBYTECODE set it at startup).
pub fn dont_write_bytecode(vm: &mut Vm) -> bool {
    match sys_attr(vm, "dont_write_bytecode") {
        Some(v) => vm.is_true(&v).unwrap_or(true),
        None => vm.options.dont_write_bytecode,
    }
}

/// `_imp.check_hash_based_pycs`: "default", "always" or "never".
fn check_hash_based_pycs(vm: &mut Vm) -> String {
    let key = vm.new_str("_imp");
    let modules = vm.modules.clone();
    let imp = crate::types::dict_ops::get_item(vm, &modules, &key).ok().flatten();
    let mode = imp.and_then(|m| vm.get_attr_opt_str(&m, "check_hash_based_pycs").ok().flatten());
    match mode {
        Some(v) if v.as_obj().and_then(|o| o.as_str()).is_some() => vm.str_of(&v).to_string(),
        _ => "default".to_string(),
    }
}

/// `importlib.util.cache_from_source(source, optimization=…)` for krait's cache tag,
/// honouring `prefix` (`sys.pycache_prefix`): optimization 0 gives no `.opt-` part.
pub fn cache_path(source: &Path, optimize: u8, prefix: Option<&str>) -> Option<PathBuf> {
    let opt = if optimize == 0 { String::new() } else { optimize.to_string() };
    let in_tree = pyc::cache_from_source(source, CACHE_TAG, &opt).ok()?;
    let Some(prefix) = prefix else { return Some(in_tree) };
    let head = source.parent().unwrap_or(Path::new(""));
    let head = std::path::absolute(if head.as_os_str().is_empty() { Path::new(".") } else { head }).ok()?;
    let relative: PathBuf = head.components().filter(|c| matches!(c, std::path::Component::Normal(_))).collect();
    Some(Path::new(prefix).join(relative).join(in_tree.file_name()?))
}

/// The bytes of a pyc for `code` (`_code_to_timestamp_pyc` / `_code_to_hash_pyc`);
/// `source` is needed for the hash modes only.
pub fn pyc_bytes(code: &Rc<CodeObject>, mode: Invalidation, stat: &SourceStat, source: &[u8]) -> Option<Vec<u8>> {
    let validation = match mode {
        Invalidation::Timestamp => Validation::Timestamp { mtime: stat.mtime, size: stat.size },
        Invalidation::CheckedHash | Invalidation::UncheckedHash => {
            Validation::Hash { hash: pyc::source_hash(source), check_source: mode == Invalidation::CheckedHash }
        }
    };
    let body = marshal::dumps_code(code).ok()?;
    Some(pyc::write_pyc(&PycHeader { validation }, &body))
}

/// `_write_atomic`: write to a unique temporary file in the same directory, then rename it
/// over `path`, so a concurrent reader sees the old file or the whole new one. `mode` is the
/// source's mode (`_calc_mode` adds owner write permission). Missing directories are created.
pub fn write_atomic(path: &Path, data: &[u8], mode: u32) -> std::io::Result<()> {
    use std::io::Write;
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(format!(".{}.{n}.tmp", std::process::id()));
    let tmp = PathBuf::from(tmp);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, (mode | 0o200) & 0o666);
    #[cfg(not(unix))]
    let _ = mode;
    let result = options.open(&tmp).and_then(|mut f| f.write_all(data)).and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// The cached code in `data` if it is valid for the source (`SourceLoader.get_code`'s
/// checks); `Err` carries the invalidation mode to keep when rewriting. A corrupt or
/// unverifiable body counts as stale.
fn valid_cached_code(vm: &mut Vm, data: &[u8], stat: &SourceStat, source: &mut LazySource) -> Result<Rc<CodeObject>, Option<Invalidation>> {
    let header = PycHeader::parse(data).map_err(|_| None)?;
    let keep = match header.validation {
        Validation::Timestamp { mtime, size } => {
            if mtime != stat.mtime || size != stat.size {
                return Err(None);
            }
            Invalidation::Timestamp
        }
        Validation::Hash { hash, check_source } => {
            let keep = if check_source { Invalidation::CheckedHash } else { Invalidation::UncheckedHash };
            let policy = check_hash_based_pycs(vm);
            if policy != "never" && (check_source || policy == "always") {
                let Some(bytes) = source.get() else { return Err(Some(keep)) };
                if pyc::source_hash(bytes) != hash {
                    return Err(Some(keep));
                }
            }
            keep
        }
    };
    code_from_pyc_body(&data[pyc::HEADER_LEN..]).map_err(|_| Some(keep))
}

/// The source bytes, read on first use.
struct LazySource<'a> {
    path: &'a Path,
    bytes: Option<std::io::Result<Vec<u8>>>,
}

impl LazySource<'_> {
    fn get(&mut self) -> Option<&[u8]> {
        self.bytes.get_or_insert_with(|| std::fs::read(self.path)).as_deref().ok()
    }
}

/// The code of source module `path` (named `filename` in code objects and tracebacks) at
/// the VM's optimization level: from its valid cache, else compiled and cached (unless
/// bytecode writing is off or the cache location is not writable). Returns the code and the
/// cache path (`__cached__`).
pub fn source_module_code(vm: &mut Vm, path: &Path, filename: &str) -> PyResult<(Rc<CodeObject>, Option<PathBuf>)> {
    let prefix = pycache_prefix(vm);
    let cpath = cache_path(path, vm.options.optimize, prefix.as_deref());
    let stat = stat_source(path).ok();
    let mut source = LazySource { path, bytes: None };
    let mut keep = None;
    if let (Some(cpath), Some(stat)) = (&cpath, &stat) {
        if let Ok(data) = std::fs::read(cpath) {
            match valid_cached_code(vm, &data, stat, &mut source) {
                Ok(code) => return Ok((fix_co_filename(code, filename), Some(cpath.clone()))),
                Err(k) => keep = k,
            }
        }
    }
    let bytes = match source.get() {
        Some(b) => b.to_vec(),
        None => return Err(vm.new_import_error(format!("cannot read {}", path.display()))),
    };
    let text = vm.decode_source(&bytes, filename, false)?;
    let code = vm.compile_raw(&text, filename, Mode::Exec, vm.options.optimize)?;
    if let (Some(cpath), Some(stat)) = (&cpath, &stat) {
        if !dont_write_bytecode(vm) {
            if let Some(data) = pyc_bytes(&code, keep.unwrap_or(Invalidation::Timestamp), stat, &bytes) {
                // A read-only or otherwise unwritable location just means no cache.
                let _ = write_atomic(cpath, &data, stat.mode);
            }
        }
    }
    Ok((code, cpath))
}
