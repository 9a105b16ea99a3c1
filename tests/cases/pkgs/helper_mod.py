"""A helper module imported by the import__ cases."""
print("helper_mod executing, __name__ =", __name__)
CONSTANT = 42
_private = "hidden"
def greet(who):
    return f"hello {who}"
class Thing:
    def __repr__(self):
        return "Thing()"
__all__ = ["CONSTANT", "greet"]
