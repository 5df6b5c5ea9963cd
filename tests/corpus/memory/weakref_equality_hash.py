# ref equality, hashing, ordering
import weakref
class T:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __hash__(self):
        return hash(self.v)
a = T(1); b = T(1); c = T(2)
ra, rb, rc = weakref.ref(a), weakref.ref(b), weakref.ref(c)
print(ra == rb, ra == rc, ra != rc, hash(ra) == hash(1))
try:
    ra < rb
except TypeError as e:
    print("TypeError:", e)
h = hash(rb)
del b
print(ra == rb, rb == rb, h == hash(rb))
del c
try:
    hash(rc)
except TypeError as e:
    print("TypeError:", e)
d = {ra: 'a'}
print(d[weakref.ref(a)])
