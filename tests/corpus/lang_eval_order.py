# evaluation order of operands, arguments, literals and assignment targets
log = []
def v(tag, val=None):
    log.append(tag)
    return tag if val is None else val
def show(label):
    print(label, log)
    log.clear()
v("a", 1) + v("b", 2) * v("c", 3)
show("binary ops:")
v("f", lambda *a, **k: None)(v("arg1"), v("arg2"), k=v("kw"))
show("call:")
{v("k1"): v("v1"), v("k2"): v("v2")}
show("dict literal:")
[v("l1"), v("l2")], (v("t1"), v("t2")), {v("s1", 1), v("s2", 2)}
show("list/tuple/set:")
d = {}
d[v("key")] = v("value")
show("subscript assignment:")
class O:
    pass
o = O()
v("obj", o).attr = v("rhs")
show("attribute assignment:")
x, y = v("first"), v("second")
show("tuple assignment:")
lst = [0, 0]
lst[v("idx", 0)], lst[v("idx2", 1)] = v("r1"), v("r2")
show("multiple targets:")
v("lhs", 1) < v("mid", 2) < v("rhs2", 3)
show("chained comparison:")
v("lhs", 5) < v("mid", 2) < v("never", 3)
show("short-circuited chain:")
v("cond", True) and v("then") or v("else")
show("and/or:")
v("t", 1) if v("test", False) else v("e", 2)
show("conditional expression:")
[v("elt%d" % i) for i in range(2) if v("pred%d" % i, True)]
show("comprehension:")
f"{v('fs1')}{v('fs2')}"
show("f-string:")
a = b = v("chained-assign", [])
show("chained assignment:")
v("seq", [1, 2, 3])[v("lo", 0):v("hi", 2)]
show("slicing:")
def defaults(p=v("default-evaluated-at-def")):
    return p
show("function definition:")
defaults()
show("function call uses stored default:")
@v("decorator", lambda f: f)
def decorated(q=v("default2")):
    pass
show("decorator vs default:")
class K(v("base", object), metaclass=v("meta", type)):
    v("class body")
show("class statement:")
v("x", 2) ** v("y", 3) ** v("z", 2)
show("power (right assoc):")
