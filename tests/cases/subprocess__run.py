# subprocess.run / check_output / Popen against a child Python (sys.executable).
import os
import subprocess
import sys

PY = sys.executable

r = subprocess.run([PY, "-c", "print('hi'); import sys; sys.exit(3)"], capture_output=True)
print(r.returncode, r.stdout, r.stderr)

r = subprocess.run([PY, "-c", "import sys; sys.stderr.write('oops\\n')"], capture_output=True, text=True)
print(r.returncode, repr(r.stdout), repr(r.stderr))

r = subprocess.run([PY, "-c", "import sys; print(sys.stdin.read().upper())"], input=b"abc", capture_output=True)
print(r.stdout)

try:
    subprocess.run([PY, "-c", "raise SystemExit(2)"], check=True)
except subprocess.CalledProcessError as e:
    print("CalledProcessError", e.returncode, e.cmd[1:])

try:
    subprocess.run(["definitely-not-a-program-xyz", "arg"])
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e.filename, e.strerror)

try:
    subprocess.run(["/definitely/not/here"])
except OSError as e:
    print(type(e).__name__, e)

try:
    subprocess.run([PY, "-c", "pass"], cwd="/nonexistent-dir-xyz")
except FileNotFoundError as e:
    print("cwd error", e.errno, e.filename)

out = subprocess.check_output([PY, "-c", "import os; print(os.environ['KRAIT_T'], os.getcwd())"],
                              env={"KRAIT_T": "from-env", "PATH": os.environ.get("PATH", "")}, cwd="/")
print(out)

r = subprocess.run([PY, "-c", "import sys; print('out'); sys.stdout.flush(); sys.stderr.write('err\\n')"],
                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
print(repr(r.stdout))

r = subprocess.run([PY, "-c", "pass"], stdout=subprocess.DEVNULL)
print(r.stdout, r.returncode)

print(subprocess.getstatusoutput("echo hello; exit 4"))
print(subprocess.call(["sh", "-c", "exit 7"]))
try:
    subprocess.check_call(["sh", "-c", "exit 1"])
except subprocess.CalledProcessError as e:
    print(e)
