//! `_io.open` and `_io.open_code`: FileIO, then a buffered class, then TextIOWrapper,
//! as CPython's `_io_open_impl` stacks them.

use super::{io_type, DEFAULT_BUFFER_SIZE};
use crate::modules::util::{i64_arg, str_arg};
use crate::object::Value;
use crate::vm::{PyResult, Vm};

// _io_open_impl
pub fn open(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (file, encoding, errors, newline, closefd, opener) = (&a[0], &a[3], &a[4], &a[5], &a[6], &a[7]);
    if !matches!(file, Value::Int(_)) && file.as_obj().is_none_or(|o| o.as_str().is_none() && !matches!(o.payload, crate::object::Payload::Bytes(_))) {
        let is_pathlike = vm.get_attr_opt_str(file, "__fspath__")?.is_some();
        if !is_pathlike {
            let r = vm.repr(file)?;
            return Err(vm.new_type_error(format!("expected str, bytes or os.PathLike object, not {}", r.as_str().map(|s| s.as_str()).unwrap_or(""))));
        }
    }
    let mode = str_arg(vm, &a[1], "open() argument 'mode'")?;
    let mut buffering = i64_arg(vm, &a[2])?;
    let (mut kinds, mut seen) = (0, String::new());
    let (mut text, mut binary, mut plus, mut reading) = (false, false, false, false);
    for c in mode.chars() {
        if !"rwxabt+".contains(c) || seen.contains(c) {
            return Err(vm.new_value_error(format!("invalid mode: '{mode}'")));
        }
        seen.push(c);
        match c {
            'r' => { kinds += 1; reading = true; }
            'w' | 'x' | 'a' => kinds += 1,
            't' => text = true,
            'b' => binary = true,
            _ => plus = true,
        }
    }
    if text && binary {
        return Err(vm.new_value_error("can't have text and binary mode at once"));
    }
    if kinds != 1 {
        return Err(vm.new_value_error("must have exactly one of create/read/write/append mode"));
    }
    for (v, what) in [(encoding, "an encoding"), (errors, "an errors"), (newline, "a newline")] {
        if binary && !v.is_none() {
            return Err(vm.new_value_error(format!("binary mode doesn't take {what} argument")));
        }
    }
    if binary && buffering == 1 {
        buffering = -1;
    }
    let rawmode: String = mode.chars().filter(|c| !"bt".contains(*c)).collect();
    let fileio = io_type(vm, "FileIO")?;
    let raw_mode = vm.new_str(&rawmode);
    let raw = vm.call_positional(&Value::Obj(fileio), &[file.clone(), raw_mode, closefd.clone(), opener.clone()])?;
    let result = stack(vm, &raw, &mode, buffering, binary, plus, reading, [encoding, errors, newline]);
    if result.is_err() {
        let _ = vm.call_method(&raw, "close", &[]);
    }
    result
}

/// Wrap the raw file in the buffer and text layers the mode asks for.
#[allow(clippy::too_many_arguments)]
fn stack(vm: &mut Vm, raw: &Value, mode: &str, mut buffering: i64, binary: bool, plus: bool, reading: bool, text_args: [&Value; 3]) -> PyResult<Value> {
    let mut line_buffering = false;
    let tty = vm.call_method(raw, "isatty", &[])?;
    let tty = vm.is_true(&tty)?;
    if buffering == 1 || (buffering < 0 && tty) {
        buffering = -1;
        line_buffering = true;
    }
    if buffering < 0 {
        buffering = DEFAULT_BUFFER_SIZE as i64;
    }
    if buffering == 0 {
        if binary {
            return Ok(raw.clone());
        }
        return Err(vm.new_value_error("can't have unbuffered text I/O"));
    }
    let class = if plus { "BufferedRandom" } else if reading { "BufferedReader" } else { "BufferedWriter" };
    let cls = io_type(vm, class)?;
    let buffer = vm.call_positional(&Value::Obj(cls), &[raw.clone(), Value::Int(buffering)])?;
    if binary {
        return Ok(buffer);
    }
    let cls = io_type(vm, "TextIOWrapper")?;
    let [encoding, errors, newline] = text_args;
    let wrapper = vm.call_positional(&Value::Obj(cls), &[buffer, encoding.clone(), errors.clone(), newline.clone(), Value::Bool(line_buffering)])?;
    let key = vm.intern("mode");
    let m = vm.new_str(mode);
    vm.generic_set_attr(&wrapper, &key, m)?;
    Ok(wrapper)
}

/// `open_code(path)`: the file opened for reading in binary mode.
pub fn open_code(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let mode = vm.new_str("rb");
    open(vm, &[a[0].clone(), mode, Value::Int(-1), Value::None, Value::None, Value::None, Value::Bool(true), Value::None])
}
