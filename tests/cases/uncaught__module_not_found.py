# Ends with ModuleNotFoundError for an import that does not exist.
import sys
print("importing")
import definitely_not_a_real_module_krait
