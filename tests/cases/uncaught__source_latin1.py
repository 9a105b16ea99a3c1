# coding: latin-1
# A traceback shows the failing line decoded by the declaration.
def f():
    raise ValueError("mañana")  # ¡error!
f()
