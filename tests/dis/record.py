"""Record the expected `python3.11 -m dis FILE.py` output of every tests/dis/*.py as FILE.dis.

Run from anywhere with CPython 3.11: `python3 tests/dis/record.py [NAME.py ...]`.
dis runs with this directory as cwd and the bare file name, so the recorded text holds
no machine-specific path. Code-object addresses (`at 0x7f...`) are normalised to
`at 0x...` here and, identically, by the test that compares krait's output
(crates/krait/tests/dis.rs).
"""
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ADDRESS = re.compile(r" at 0x[0-9a-f]+")


def normalise(text):
    return ADDRESS.sub(" at 0x...", text)


def main():
    assert sys.version_info[:2] == (3, 11), "record with CPython 3.11"
    names = sys.argv[1:] or sorted(n for n in os.listdir(HERE) if n.endswith(".py") and n != "record.py")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = "0"
    for name in names:
        r = subprocess.run([sys.executable, "-m", "dis", name], cwd=HERE, env=env, capture_output=True, text=True)
        if r.returncode != 0:
            print("%s: dis failed:\n%s" % (name, r.stderr), file=sys.stderr)
            continue
        with open(os.path.join(HERE, name[:-3] + ".dis"), "w", encoding="utf-8") as f:
            f.write(normalise(r.stdout))


main()
