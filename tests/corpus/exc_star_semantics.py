# except* semantics: re-raising, raising new exceptions, leftovers, notes, and the
# constructor's checks.
def run(body):
    try:
        body()
    except BaseException as e:
        print(type(e).__name__, repr(e))


def reraise():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError:
        raise
    except* TypeError as tg:
        print("handled", repr(tg))


def raise_new():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise RuntimeError("new")


def raise_new_and_leftover():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("k")


def naked_reraise():
    try:
        raise ValueError("naked")
    except* ValueError:
        raise


def naked_unmatched():
    try:
        raise ValueError("naked")
    except* TypeError:
        print("not here")


run(reraise)
run(raise_new)
run(raise_new_and_leftover)
run(naked_reraise)
run(naked_unmatched)

eg = ExceptionGroup("notes", [ValueError(1), TypeError(2)])
eg.add_note("a note")
m, r = eg.split(ValueError)
print(m.__notes__, r.__notes__, m.__notes__ is eg.__notes__)
print(eg.split(lambda e: isinstance(e, TypeError)))
print(eg.subgroup((ValueError, TypeError)) is eg)
print(repr(eg.derive([KeyError(0)])))

class MyEG(ExceptionGroup):
    pass

mine = MyEG("mine", [ValueError(1), TypeError(2)])
print(type(mine.split(ValueError)[0]).__name__)

for bad in [("m",), ("m", []), (1, [ValueError()]), ("m", [1]), ("m", 5), ("m", [KeyboardInterrupt()])]:
    try:
        ExceptionGroup(*bad)
    except Exception as e:
        print(type(e).__name__, e)
for bad in [(ValueError,), (ExceptionGroup,), (int,)]:
    try:
        try:
            raise ValueError(1)
        except* bad:
            pass
    except Exception as e:
        print(type(e).__name__, e)
print(isinstance(BaseExceptionGroup("b", [KeyboardInterrupt()]), Exception))
try:
    eg.split(5)
except TypeError as e:
    print("TypeError", e)
