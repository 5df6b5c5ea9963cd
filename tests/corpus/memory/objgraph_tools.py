# objgraph: counting a program's objects, their growth and who keeps them alive.
# (Expected output recorded by CPython 3.11.7 with the objgraph 3.6.2 package:
# PYMM_CORPUS_EXTRA_PATH=<its directory> scripts/corpus_record.py objgraph_tools;
# pymm ships its own objgraph.)
import gc
import io
import objgraph


class Node:
    def __init__(self, name):
        self.name = name
        self.children = []


class Leaky:
    pass


mine = lambda o: type(o).__module__ == "__main__"

cache = {}
objgraph.show_growth(filter=mine)
print("--")
for i in range(5):
    cache[i] = Node("n%d" % i)
leaks = [Leaky() for _ in range(3)]
objgraph.show_growth(filter=mine)
print("--")
objgraph.show_growth(filter=mine)
print("nothing new above")
print(objgraph.count("Node"), objgraph.count("__main__.Node"), len(objgraph.by_type("Leaky")))
objgraph.show_most_common_types(limit=3, filter=mine)
print(objgraph.most_common_types(limit=2, filter=mine))
print(objgraph.typestats(filter=mine))

target = cache[3]
chain = objgraph.find_backref_chain(target, objgraph.is_proper_module)
print([type(o).__name__ for o in chain])
print(chain[0].__name__, chain[-1] is target)
print(objgraph.is_proper_module(objgraph), objgraph.is_proper_module([]))
fwd = objgraph.find_ref_chain(cache, lambda o: isinstance(o, Node) and o.name == "n2")
print([type(o).__name__ for o in fwd])
print(objgraph.at(id(target)) is target, objgraph.at(12345))
print(len(objgraph.at_addrs({id(cache[0]), id(cache[1])})))

# A cycle only the collector can free, seen by get_leaking_objects before it goes.
a = Node("a"); b = Node("b"); a.children.append(b); b.children.append(a)
ids = {id(a), id(b)}
del a, b
print(sorted(o.name for o in gc.get_objects() if id(o) in ids))
gc.collect()
print([o for o in gc.get_objects() if id(o) in ids])

out = io.StringIO()
objgraph.show_refs([cache[1]], max_depth=1, output=out, filter=lambda o: not isinstance(o, type))
text = out.getvalue()
print(text.splitlines()[0], text.count("->") >= 1)
new = objgraph.get_new_ids(limit=0, file=io.StringIO())
x = [Node("x") for _ in range(4)]
new = objgraph.get_new_ids(limit=0, file=io.StringIO())
print(len(new["Node"]))

# The graph around an object, as GraphViz text (addresses left out).
import re
root = {"a": Node("r")}
out = io.StringIO()
objgraph.show_backrefs([root["a"]], max_depth=2, output=out)
print(re.sub(r"o\d+|0x[0-9a-f]+", "#", out.getvalue()))
out = io.StringIO()
objgraph.show_chain(objgraph.find_backref_chain(root["a"], objgraph.is_proper_module), output=out)
print(re.sub(r"o\d+|0x[0-9a-f]+", "#", out.getvalue()))
