def f(): pass
class C: pass
def g(): ...
if x: pass
