# async def / await driven manually (no event loop): coroutine protocol
import types
class Sleep:
    def __init__(self, tag):
        self.tag = tag
    def __await__(self):
        result = yield ("suspend", self.tag)
        return f"resumed {self.tag} with {result}"
async def child(n):
    r = await Sleep(n)
    return r.upper()
async def parent():
    out = []
    for i in range(3):
        out.append(await child(i))
    return out
coro = parent()
print(type(coro).__name__)
value = None
step = 0
try:
    while True:
        req = coro.send(value)
        print("yielded", req)
        step += 1
        value = step * 10
except StopIteration as e:
    print("result", e.value)
async def simple():
    return 42
c = simple()
try:
    c.send(None)
except StopIteration as e:
    print("simple ->", e.value)
async def raiser():
    await Sleep("x")
    raise ValueError("from coroutine")
c = raiser()
print(c.send(None))
try:
    c.send("v")
except ValueError as e:
    print("ValueError:", e)
c = child(9)
c.send(None)
try:
    c.throw(KeyError("thrown"))
except KeyError as e:
    print("KeyError:", e)
c = child(1)
c.close()
print("closed", c.cr_frame)
@types.coroutine
def legacy():
    x = yield "legacy-yield"
    return x * 2
async def uses_legacy():
    return await legacy()
c = uses_legacy()
print(c.send(None))
try:
    c.send(21)
except StopIteration as e:
    print("legacy result", e.value)
class AIter:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n
async def consume():
    out = []
    async for v in AIter(4):
        out.append(v)
    return out
class ACM:
    async def __aenter__(self):
        print("aenter")
        return "ctx"
    async def __aexit__(self, *exc):
        print("aexit", exc[0])
        return False
async def with_ctx():
    async with ACM() as v:
        return v + "!"
for co in (consume(), with_ctx()):
    try:
        co.send(None)
    except StopIteration as e:
        print("->", e.value)
async def agen():
    for i in range(3):
        yield i * i
async def drain():
    return [v async for v in agen()]
d = drain()
try:
    d.send(None)
except StopIteration as e:
    print("async gen ->", e.value)
c = simple()
c.close()
print("unawaited coroutine closed cleanly")
