# `from pkg import sub` re-raises a ModuleNotFoundError raised inside `sub`; sysconfig's
# build data and zoneinfo (which reads TZPATH from it) import.
import os, sys, tempfile
d = tempfile.mkdtemp()
os.mkdir(os.path.join(d, 'pkg_fl'))
for name, text in [('__init__.py', ''), ('bad.py', 'import nonexistent_mod_xyz\n'), ('good.py', 'X = 1\n')]:
    with open(os.path.join(d, 'pkg_fl', name), 'w') as f:
        f.write(text)
sys.path.insert(0, d)
try:
    from pkg_fl import bad
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    from pkg_fl import missing
except ImportError as e:
    print(type(e).__name__, str(e).split(' (')[0])
from pkg_fl import good
print(good.X)
import shutil
shutil.rmtree(d)
import sysconfig, zoneinfo, datetime
print(sysconfig.get_config_var('TZPATH') is not None, sysconfig.get_platform().startswith('linux'))
z = zoneinfo.ZoneInfo('Europe/Paris')
print(datetime.datetime(2024, 7, 1, 12, tzinfo=z), datetime.datetime(2024, 1, 1, 12, tzinfo=z).utcoffset(), z)
print(datetime.datetime(2024, 3, 31, 0, 30, tzinfo=datetime.timezone.utc).astimezone(z))
