# cmath: functions on ordinary and special values, errors, constants, conversions.
import cmath, math

def show(f, *a):
    try:
        r = f(*a)
        print(f.__name__, [x if isinstance(x, (int, float, complex, str)) else type(x).__name__ for x in a], r)
    except Exception as e:
        print(f.__name__, [x if isinstance(x, (int, float, complex, str)) else type(x).__name__ for x in a], type(e).__name__, e)

inf, nan = float('inf'), float('nan')
values = [0j, -0.0 + 0j, 1 + 2j, -3.5 - 0.25j, 1e300 + 1e300j, 1e-310 + 1e-310j, 1 + 0j, -1 + 0j, 2j,
          complex(inf, 0), complex(-inf, 1), complex(0, inf), complex(nan, 0), complex(1, nan),
          complex(inf, inf), complex(-inf, nan), 800 + 1j, -800 - 1j, 1j, -1j]
for name in ['sqrt', 'exp', 'log', 'log10', 'cos', 'sin', 'tan', 'acos', 'asin', 'atan',
             'cosh', 'sinh', 'tanh', 'acosh', 'asinh', 'atanh']:
    f = getattr(cmath, name)
    for z in values:
        show(f, z)
for z in values:
    print(z, cmath.phase(z), cmath.isfinite(z), cmath.isnan(z), cmath.isinf(z))
    show(cmath.polar, z)
for r, phi in [(1, 0), (2, math.pi / 3), (-1, -0.0), (inf, 1), (-inf, 0), (0, inf), (1, inf), (nan, 0), (inf, nan)]:
    show(cmath.rect, r, phi)
show(cmath.log, 0, 2)
show(cmath.log, 2, 0)
show(cmath.log, 2, 1)
show(cmath.log, 8, 2)
show(cmath.log, 1j, 1 + 1j)
show(cmath.sqrt, 'x')
show(cmath.sqrt, 4)
show(cmath.sqrt, True)
show(cmath.polar, complex(1e308, 1e308))

class C:
    def __complex__(self):
        return 3 + 4j
class F:
    def __float__(self):
        return 2.25
class Bad:
    def __complex__(self):
        return 1
show(cmath.sqrt, C())
show(cmath.sqrt, F())
show(cmath.sqrt, Bad())
print(cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1j, 1.1j, rel_tol=0.2), cmath.isclose(0j, 1e-10j, abs_tol=1e-9))
show(cmath.isclose, 1, 1, rel_tol=-1)
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.nan, cmath.infj, cmath.nanj)
