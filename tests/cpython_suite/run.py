#!/usr/bin/env python3
"""Measure krait on CPython 3.11's own test suite (the stdlib's `test` package).

Usage (run with CPython 3.11, which is also the reference):
    python3 tests/cpython_suite/run.py                      # every test module
    python3 tests/cpython_suite/run.py test_int 'test_dict*' # names or globs
    python3 tests/cpython_suite/run.py -j 2 --timeout 60 --krait path/to/krait

Each selected module runs as `krait -m unittest -v test.<module>` in a fresh temporary
directory (tests write scratch files into the cwd), with a timeout. The same module also
runs once under CPython; CPython's counts are cached in
<target>/cpython_suite/cpython-<version>.json (use --refresh-cpython to redo them), where
<target> is $CARGO_TARGET_DIR or ./target.

A module's status is one of
    ok        unittest printed OK (tests may be skipped)
    fail      unittest ran and reported failures or errors
    import    the module did not import (unittest's _FailedTest, or an exception at import)
    skip      the module raised SkipTest at import (e.g. a missing optional module)
    timeout   killed after --timeout seconds (passes counted from the -v lines so far)
    crash     killed by a signal, a Rust panic, or exited without unittest's summary after
              running tests (e.g. the runner itself failed)

"passed" counts the tests unittest -v reports as "ok" or "expected failure" (a test with a
failing subtest is not a pass). The conformance figure is the sum over modules of krait's
passes, each capped at CPython's, divided by the sum of CPython's passes.
"""
import argparse
import concurrent.futures
import fnmatch
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import sysconfig
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TARGET = os.environ.get("CARGO_TARGET_DIR") or os.path.join(REPO, "target")
STDLIB_TEST = os.path.join(sysconfig.get_path("stdlib"), "test")

RAN_RE = re.compile(rb"^Ran (\d+) tests? in [\d.]+s$", re.M)
RESULT_RE = re.compile(rb"^(OK|FAILED)(?: \((.*)\))?$", re.M)
VERBOSE_OK_RE = re.compile(rb" \.\.\. (?:ok|expected failure)$", re.M)
VERBOSE_ANY_RE = re.compile(rb"^test\w* \(.*\) \.\.\. ", re.M)
FAILED_IMPORT = (b"unittest.loader._FailedTest", b"ImportError: Failed to import test module")


def all_modules():
    names = []
    for entry in sorted(os.listdir(STDLIB_TEST)):
        path = os.path.join(STDLIB_TEST, entry)
        if not entry.startswith("test_"):
            continue
        if entry.endswith(".py"):
            names.append(entry[:-3])
        elif os.path.isdir(path) and os.path.exists(os.path.join(path, "__init__.py")):
            names.append(entry)
    return names


def select(patterns):
    names = all_modules()
    if not patterns:
        return names
    return [n for n in names if any(fnmatch.fnmatchcase(n, p) for p in patterns)]


def run_env():
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONUTF8"] = "1"
    return env


def parse(rc, out, timed_out):
    """The result of one run: a dict with status and counts."""
    res = {"status": "", "run": 0, "failures": 0, "errors": 0, "skipped": 0, "passed": 0}
    ran = RAN_RE.findall(out)
    verdict = RESULT_RE.findall(out)
    if timed_out or not ran or not verdict:
        res["passed"] = len(VERBOSE_OK_RE.findall(out))
        if timed_out:
            res["status"] = "timeout"
        elif b"unittest.case.SkipTest" in out or b"unittest.SkipTest" in out:
            res["status"] = "skip"
        elif rc is not None and rc > 0 and b"Traceback (most recent call last)" in out \
                and b"panicked" not in out and not VERBOSE_ANY_RE.search(out):
            res["status"] = "import"
        else:
            res["status"] = "crash"
        return res
    res["run"] = int(ran[-1])
    word, details = verdict[-1]
    counts = {}
    for item in (details or b"").split(b","):
        key, _, value = item.strip().partition(b"=")
        if value.isdigit():
            counts[key.decode()] = int(value)
    res["failures"] = counts.get("failures", 0)
    res["errors"] = counts.get("errors", 0)
    res["skipped"] = counts.get("skipped", 0)
    # Subtest failures make errors exceed tests run: count the verbose "... ok" lines.
    res["passed"] = min(len(VERBOSE_OK_RE.findall(out)), res["run"] - res["skipped"])
    if any(marker in out for marker in FAILED_IMPORT) and res["run"] == 1:
        res["status"] = "import"
        res["passed"] = 0
    elif word == b"OK" and rc == 0:
        res["status"] = "ok"
    elif rc is not None and rc < 0:
        res["status"] = "crash"
    else:
        res["status"] = "fail"
    return res


def run_module(program, module, timeout):
    """Runs one module under `program`; returns (result dict, combined output)."""
    cwd = tempfile.mkdtemp(prefix="krait_suite_")
    cmd = [program, "-m", "unittest", "-v", "test." + module]
    start = time.monotonic()
    timed_out = False
    try:
        proc = subprocess.Popen(cmd, cwd=cwd, env=run_env(), stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                start_new_session=True)
        try:
            out, _ = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            timed_out = True
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except OSError:
                pass
            out, _ = proc.communicate()
        rc = proc.returncode
    finally:
        shutil.rmtree(cwd, ignore_errors=True)
    res = parse(rc, out, timed_out)
    res["rc"] = rc
    res["seconds"] = round(time.monotonic() - start, 1)
    return res, out


def cpython_cache_path():
    version = "%d.%d.%d" % sys.version_info[:3]
    return os.path.join(TARGET, "cpython_suite", "cpython-%s.json" % version)


def load_cache(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return {}


def save_cache(path, cache):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        json.dump(cache, f, indent=1, sort_keys=True)
    os.replace(tmp, path)


def fmt_row(module, k, c):
    cpy = "-" if c is None else str(c["passed"])
    return "%-32s %-8s %6d %6d %6d %6d %6s %7.1f" % (
        module, k["status"], k["passed"], k["failures"], k["errors"], k["skipped"], cpy,
        k["seconds"])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("modules", nargs="*", help="module names or globs (default: all)")
    ap.add_argument("--krait", default=os.path.join(TARGET, "release", "krait"))
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per module under krait")
    ap.add_argument("--cpython-timeout", type=float, default=600.0)
    ap.add_argument("--refresh-cpython", action="store_true", help="re-run CPython's counts")
    ap.add_argument("--log-dir", help="write each module's krait output to DIR/<module>.txt")
    ap.add_argument("--json", help="write the per-module results to this file")
    args = ap.parse_args()

    if sys.version_info[:2] != (3, 11):
        sys.exit("run this with CPython 3.11 (it is the reference)")
    krait = os.path.abspath(args.krait)
    if not os.path.exists(krait):
        sys.exit("no krait binary at %s (cargo build --release -p krait, or --krait PATH)" % krait)
    modules = select(args.modules)
    if not modules:
        sys.exit("no test module matches %s" % " ".join(args.modules))
    if args.log_dir:
        os.makedirs(args.log_dir, exist_ok=True)

    cache_path = cpython_cache_path()
    cache = {} if args.refresh_cpython else load_cache(cache_path)
    todo_cpython = [m for m in modules if m not in cache]
    results = {}

    def krait_job(module):
        res, out = run_module(krait, module, args.timeout)
        if args.log_dir:
            with open(os.path.join(args.log_dir, module + ".txt"), "wb") as f:
                f.write(out)
        return res

    with concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as pool:
        if todo_cpython:
            print("running %d module(s) under CPython first (cached in %s)"
                  % (len(todo_cpython), cache_path), file=sys.stderr, flush=True)
            futures = {pool.submit(run_module, sys.executable, m, args.cpython_timeout): m
                       for m in todo_cpython}
            for fut in concurrent.futures.as_completed(futures):
                cache[futures[fut]] = fut.result()[0]
            save_cache(cache_path, cache)
        futures = {pool.submit(krait_job, m): m for m in modules}
        print("%-32s %-8s %6s %6s %6s %6s %6s %7s" % (
            "module", "status", "pass", "fail", "error", "skip", "cpy", "secs"))
        for fut in concurrent.futures.as_completed(futures):
            module = futures[fut]
            results[module] = fut.result()
            print(fmt_row(module, results[module], cache.get(module)), flush=True)

    krait_pass = cpy_pass = 0
    statuses = {}
    for m in modules:
        k, c = results[m], cache[m]
        statuses[k["status"]] = statuses.get(k["status"], 0) + 1
        cpy_pass += c["passed"]
        krait_pass += min(k["passed"], c["passed"])
    cpy_ok = sum(1 for m in modules if cache[m]["status"] == "ok")
    print()
    print("modules: %d; " % len(modules)
          + ", ".join("%s %d" % (s, n) for s, n in sorted(statuses.items()))
          + " (CPython: ok %d)" % cpy_ok)
    print("fully passing modules: %d of %d" % (statuses.get("ok", 0), len(modules)))
    pct = 100.0 * krait_pass / cpy_pass if cpy_pass else 0.0
    print("tests passing under krait: %d of the %d CPython passes (%.1f%%)" % (krait_pass, cpy_pass, pct))
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"krait": results, "cpython": {m: cache[m] for m in modules}}, f, indent=1,
                      sort_keys=True)


if __name__ == "__main__":
    main()
