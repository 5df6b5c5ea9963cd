# Lists release their items last to first (list_dealloc, _list_clear), dicts and sets
# first to last; a list's clear, `*= 0`, slice deletion and a collection's tp_clear all
# follow CPython's order.
import gc

log = []


class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append(self.name)


def show(what):
    print(what, log)
    log.clear()


x = [D(i) for i in range(4)]
del x
show("del list")
x = [D(i) for i in range(4)]
x.clear()
show("list.clear")
x = [D(i) for i in range(4)]
x *= 0
show("list *= 0")
x = [D(i) for i in range(4)]
del x[:]
show("del x[:]")
x = [D(i) for i in range(4)]
x[:] = []
show("x[:] = []")
d = {i: D(i) for i in range(4)}
del d
show("del dict")
d = {i: D(i) for i in range(4)}
d.clear()
show("dict.clear")
t = tuple(D(i) for i in range(4))
del t
show("del tuple")
x = [D(i) for i in range(4)]
x.append(x)
del x
gc.collect()
show("cycle through a list")
