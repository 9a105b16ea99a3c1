# _imp._override_frozen_modules_for_tests (used by test.support.import_helper) is a no-op.
import _imp
print(_imp._override_frozen_modules_for_tests(1), _imp._override_frozen_modules_for_tests(0))
try:
    _imp._override_frozen_modules_for_tests("x")
except TypeError as e:
    print(e)
