# generator finalisation: finally/with on close, on dealloc, on exhaustion
log = []
class Res:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        log.append("open " + self.name)
        return self
    def __exit__(self, *a):
        log.append("close " + self.name + (" exc=" + a[0].__name__ if a[0] else ""))
def reader(name, n):
    with Res(name):
        for i in range(n):
            yield i
    log.append("after with " + name)
print(list(reader("full", 3)), log)
log.clear()
g = reader("partial", 10)
print(next(g), next(g))
g.close()
print(log)
log.clear()
g = reader("dropped", 10)
next(g)
del g
print("after del", log)
log.clear()
def consume_some():
    for v in reader("loop-break", 10):
        if v == 2:
            break
    log.append("loop ended")
consume_some()
print(log)
log.clear()
def gen_finally():
    try:
        yield 1
        yield 2
    finally:
        log.append("finally")
        print("finally sees", len(log))
for v in gen_finally():
    pass
g = gen_finally()
next(g)
g = None
print(log)
log.clear()
def nested():
    try:
        yield from reader("inner", 5)
    finally:
        log.append("outer finally")
n = nested()
next(n)
n.close()
print(log)
log.clear()
def thrower():
    try:
        yield 1
    except ValueError:
        log.append("handled")
        yield "after"
    finally:
        log.append("thrower finally")
t = thrower()
next(t)
print(t.throw(ValueError), log)
t.close()
print(log)
holder = [reader("in-list", 5)]
next(holder[0])
holder.clear()
print(log)
