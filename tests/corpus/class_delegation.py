# delegation and proxies with __getattr__, __setattr__, __getattribute__
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_log", [])
    def __getattr__(self, name):
        self._log.append(("get", name))
        return getattr(self._target, name)
    def __setattr__(self, name, value):
        self._log.append(("set", name))
        setattr(self._target, name, value)
    def __len__(self):
        return len(self._target)
class Data:
    def __init__(self):
        self.items = [1, 2, 3]
    def total(self):
        return sum(self.items)
    def __len__(self):
        return len(self.items)
d = Data()
p = Proxy(d)
print(p.total(), p.items, len(p))
p.items = [10, 20]
print(d.items, p.total(), p._log)
try:
    p.missing
except AttributeError as e:
    print("AttributeError:", e)
class ReadOnlyView:
    def __init__(self, obj):
        self.__dict__["_obj"] = obj
    def __getattr__(self, name):
        return getattr(self._obj, name)
    def __setattr__(self, name, value):
        raise AttributeError(f"read-only view: cannot set {name!r}")
    def __delattr__(self, name):
        raise AttributeError(f"read-only view: cannot delete {name!r}")
v = ReadOnlyView(d)
print(v.total())
for action in (lambda: setattr(v, "items", []), lambda: delattr(v, "items")):
    try:
        action()
    except AttributeError as e:
        print("AttributeError:", e)
class Counting:
    def __init__(self):
        self.hits = {}
        self.a = 1
    def __getattribute__(self, name):
        if not name.startswith("__") and name != "hits":
            h = object.__getattribute__(self, "hits")
            h[name] = h.get(name, 0) + 1
        return object.__getattribute__(self, name)
c = Counting()
c.a; c.a; c.hits
try:
    c.b
except AttributeError:
    pass
print(c.hits)
class AttrDict(dict):
    def __getattr__(self, k):
        try:
            return self[k]
        except KeyError:
            raise AttributeError(k) from None
    def __setattr__(self, k, v):
        self[k] = v
ad = AttrDict(x=1)
ad.y = 2
print(ad, ad.x + ad.y, hasattr(ad, "z"), getattr(ad, "z", "default"))
class Fallback:
    real = "real attribute"
    def __getattr__(self, name):
        return f"synthesized {name}"
f = Fallback()
print(f.real, f.virtual, f.__class__.__name__)
try:
    f.__missing_dunder__
except AttributeError as e:
    print("AttributeError for dunder?", e)
