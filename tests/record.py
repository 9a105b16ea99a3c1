#!/usr/bin/env python3
"""Record (or check) the golden outputs of tests/cases/*.py with CPython 3.11.

Usage (run with CPython 3.11, e.g. `python3 tests/record.py`):
    python3 tests/record.py                 # (re)record every case
    python3 tests/record.py 'math__*' ...   # only cases whose name matches a glob
    python3 tests/record.py --check         # compare, write nothing, exit 1 on mismatch

Run convention (the Rust harness crates/krait/tests/cases.rs does exactly the same):
  * cwd is tests/cases; the program is started as `<python> <case>.py` (relative path),
    stdin is empty (/dev/null).
  * environment: the caller's, minus every PYTHON* variable (KRAIT_* ones such as
    KRAIT_STDLIB pass through to krait), plus
    PYTHONHASHSEED=0, PYTHONDONTWRITEBYTECODE=1, PYTHONUTF8=1.
  * stdout is stored in <case>.out. When the exit code is nonzero or stderr is not empty,
    <case>.err holds the exit code on its first line followed by stderr; otherwise no
    .err file exists.
  * stderr is normalised: the absolute path of tests/cases followed by '/' becomes
    '$CASES/' (CPython 3.11 prints the absolute path of the main script in tracebacks).
  * the CPython version used is written to tests/cpython_version.txt (full runs only).
  * a case that writes files names them _scratch_<case>*; they are deleted after the run.

Recording is reproducible: running it twice changes nothing.
"""
import fnmatch
import os
import platform
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases")
# The exact CPython version the goldens were recorded with (patch releases differ in
# details such as SyntaxError offsets); the harness checks goldens only with this version.
VERSION_FILE = os.path.join(HERE, "cpython_version.txt")
TIMEOUT = 60


def case_names(patterns):
    names = sorted(f[:-3] for f in os.listdir(CASES) if f.endswith(".py") and "__" in f)
    if patterns:
        globs = [p[:-3] if p.endswith(".py") else p for p in patterns]
        names = [n for n in names if any(fnmatch.fnmatchcase(n, g) for g in globs)]
    return names


def case_env():
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1", PYTHONUTF8="1")
    return env


def normalise_stderr(data, cases_dir):
    for prefix in {cases_dir, os.path.realpath(cases_dir)}:
        data = data.replace((prefix + os.sep).encode(), b"$CASES/")
    return data


def remove_scratch(name):
    for f in os.listdir(CASES):
        if f.startswith("_scratch_" + name):
            os.remove(os.path.join(CASES, f))


def run_case(python, name):
    try:
        proc = subprocess.run([python, name + ".py"], cwd=CASES, env=case_env(), stdin=subprocess.DEVNULL,
                              capture_output=True, timeout=TIMEOUT)
    finally:
        remove_scratch(name)
    out = proc.stdout
    err = None
    if proc.returncode != 0 or proc.stderr:
        err = b"%d\n" % proc.returncode + normalise_stderr(proc.stderr, CASES)
    return out, err


def read(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return None


def main(argv):
    check = "--check" in argv
    patterns = [a for a in argv if a != "--check"]
    if sys.version_info[:2] != (3, 11) or platform.python_implementation() != "CPython":
        sys.exit("record.py must run under CPython 3.11 (found %s %s)" % (platform.python_implementation(), sys.version.split()[0]))
    python = sys.executable
    version = platform.python_version()
    recorded = (read(VERSION_FILE) or b"").decode().strip()
    if recorded and recorded != version:
        print("warning: goldens were recorded with CPython %s, this is %s" % (recorded, version), file=sys.stderr)
    if not check and not patterns:
        with open(VERSION_FILE, "w") as f:
            f.write(version + "\n")
    names = case_names(patterns)
    if not names:
        sys.exit("no case matches %r" % patterns)
    changed = []
    for name in names:
        out, err = run_case(python, name)
        if b" at 0x" in out:
            print("warning: %s prints an object address" % name, file=sys.stderr)
        out_path = os.path.join(CASES, name + ".out")
        err_path = os.path.join(CASES, name + ".err")
        if read(out_path) != out or read(err_path) != err:
            changed.append(name)
            if not check:
                with open(out_path, "wb") as f:
                    f.write(out)
                if err is None:
                    if os.path.exists(err_path):
                        os.remove(err_path)
                else:
                    with open(err_path, "wb") as f:
                        f.write(err)
    verb = "differ from CPython" if check else "re-recorded"
    print("%d cases, %d %s%s" % (len(names), len(changed), verb, (": " + ", ".join(changed)) if changed else ""))
    return 1 if (check and changed) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
