# Popen: communicate with input, large pipes, wait/poll/kill, pass_fds, inherited pipes.
import os
import signal
import subprocess
import sys

PY = sys.executable

p = subprocess.Popen([PY, "-c", "import sys; data = sys.stdin.read(); sys.stdout.write(data[::-1])"],
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)
out, err = p.communicate(b"0123456789" * 20000)
print(len(out), out[:12], err, p.returncode)

p = subprocess.Popen([PY, "-c", "print(input())"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
print(repr(p.communicate("line of text\n")[0]))

with subprocess.Popen([PY, "-c", "import sys; sys.exit(5)"]) as p:
    pass
print(p.returncode, p.poll())

p = subprocess.Popen(["sleep", "30"])
print(p.poll())
p.send_signal(signal.SIGTERM)
print(p.wait())
p = subprocess.Popen(["sleep", "30"])
p.kill()
print(p.wait())

try:
    subprocess.run(["sleep", "5"], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print("TimeoutExpired", e.cmd)

r, w = os.pipe()
p = subprocess.Popen([PY, "-c", f"import os; os.write({w}, b'via pass_fds')"], pass_fds=(w,))
p.wait()
os.close(w)
print(os.read(r, 100))
os.close(r)

r, w = os.pipe()
os.set_inheritable(w, True)
p = subprocess.Popen([PY, "-c", f"import os\ntry:\n    os.write({w}, b'x')\nexcept OSError as e:\n    print('closed in child', e.errno)"], close_fds=True, stdout=subprocess.PIPE)
print(p.communicate()[0])
os.close(w)
print(os.read(r, 100))
os.close(r)

p = subprocess.Popen([PY, "-c", "import sys; print(sys.argv[1:])", "a b", "c"], stdout=subprocess.PIPE)
print(p.stdout.read())
p.stdout.close()
print(p.wait())
