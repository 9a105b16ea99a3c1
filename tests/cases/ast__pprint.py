# pprint: nested containers, width, depth, sort_dicts, pformat, dataclasses.
import pprint, re
from dataclasses import dataclass

data = {'name': 'krait', 'versions': list(range(30)), 'nested': {'a': [1, {'b': (2, 3)}], 'c': {4, 5}},
        'text': 'x' * 90, 'tuple': tuple('abcdefghijklmnopqrstuvwxyz'), 'empty': {}}
pprint.pprint(data)
pprint.pprint(data, width=40, depth=2)
pprint.pprint(data, sort_dicts=False, compact=True)
print(pprint.pformat([[1, 2], [3, 4]] * 10, width=30))
print(pprint.saferepr({'r': [1, 2]}), pprint.isreadable([1, 2]), pprint.isrecursive([1]))
l = [1, 2]
l.append(l)
print(re.sub(r'id=\d+', 'id=N', pprint.pformat(l)))
@dataclass
class P:
    x: int
    y: list
pprint.pprint(P(1, list(range(40))))
pprint.pprint(P(1, [2]), width=10)
pp = pprint.PrettyPrinter(indent=4, width=50)
pp.pprint(data['nested'])
pprint.pp({'z': 1, 'a': 2})
