# The checks of lib__json_native.py again with json's pure-Python fallbacks (no _json).
import sys
sys.modules['_json'] = None
with open('lib__json_native.py') as f:
    exec(f.read())
