# exceptions and context managers: __exit__ return values, errors in __exit__, ExitStack
from contextlib import ExitStack, contextmanager, suppress, nullcontext
class CM:
    def __init__(self, name, swallow=False, fail_exit=False):
        self.name, self.swallow, self.fail_exit = name, swallow, fail_exit
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None)
        if self.fail_exit:
            raise RuntimeError("exit of " + self.name + " failed")
        return self.swallow
try:
    with CM("a"), CM("b", swallow=True), CM("c"):
        raise ValueError("inner")
    print("b swallowed it")
except ValueError:
    print("not reached")
try:
    with CM("x", fail_exit=True):
        raise KeyError("original")
except RuntimeError as e:
    print("RuntimeError:", e, "| context:", repr(e.__context__))
with ExitStack() as stack:
    for i in range(3):
        stack.enter_context(CM("stack%d" % i))
    stack.callback(print, "callback registered last runs first")
    print("body of ExitStack")
with ExitStack() as stack:
    stack.enter_context(CM("outer", swallow=True))
    stack.enter_context(CM("inner"))
    raise IndexError("swallowed by outer")
print("after stack")
@contextmanager
def transaction(log):
    log.append("begin")
    try:
        yield log
    except ValueError as e:
        log.append(f"rollback({e})")
    else:
        log.append("commit")
    finally:
        log.append("end")
log = []
with transaction(log):
    log.append("work")
with transaction(log):
    raise ValueError("bad")
print(log)
try:
    with transaction([]) as l:
        raise TypeError("not handled")
except TypeError as e:
    print("TypeError:", e)
with suppress(KeyError, IndexError):
    [][1]
with nullcontext(5) as five:
    print("nullcontext", five)
@contextmanager
def broken():
    yield
    yield
try:
    with broken():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)
@contextmanager
def no_yield():
    if False:
        yield
try:
    with no_yield():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)
