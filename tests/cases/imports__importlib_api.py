# importlib's Python machinery over krait's importer (sys.meta_path[0]).
import importlib, importlib.util, sys
m = importlib.import_module("json.decoder")
print(m.__name__)
print(importlib.import_module(".encoder", "json").__name__)
import textwrap
print(importlib.reload(textwrap) is textwrap)
try:
    importlib.import_module("no_such_mod_x")
except ModuleNotFoundError as e:
    print(e, e.name)
try:
    importlib.import_module("json.nope")
except ModuleNotFoundError as e:
    print(e, e.name)
spec = importlib.util.find_spec('tomllib')
print(spec.name, spec.parent, spec.origin.endswith('tomllib/__init__.py'), spec.submodule_search_locations is not None, spec.has_location)
print(importlib.util.find_spec('sys').origin, importlib.util.find_spec('no_such_mod_y'))
mod = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mod)
print(mod.loads('a = 1'))
