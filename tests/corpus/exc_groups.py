# ExceptionGroup and except* (3.11)
eg = ExceptionGroup("batch", [ValueError("v1"), TypeError("t1"), ValueError("v2")])
print(repr(eg), str(eg), len(eg.exceptions), eg.message)
try:
    raise eg
except* ValueError as g:
    print("ValueErrors:", [str(e) for e in g.exceptions], type(g).__name__)
except* TypeError as g:
    print("TypeErrors:", [str(e) for e in g.exceptions])
def process(items):
    errors = []
    for i in items:
        try:
            if i < 0:
                raise ValueError(f"negative {i}")
            if i == 0:
                raise ZeroDivisionError("zero")
        except Exception as e:
            errors.append(e)
    if errors:
        raise ExceptionGroup("processing failed", errors)
try:
    process([1, -2, 0, -5])
except* ZeroDivisionError as g:
    print("zero errors", len(g.exceptions))
except* ValueError as g:
    print("value errors", [e.args[0] for e in g.exceptions])
match_v, rest = eg.split(ValueError)
print(match_v, rest)
print(eg.subgroup(TypeError), eg.subgroup(KeyError))
nested = ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [KeyError("k"), ValueError("b")])])
vs, others = nested.split(ValueError)
print(repr(vs), repr(others))
try:
    try:
        raise nested
    except* KeyError:
        print("handled KeyError part")
except ExceptionGroup as remaining:
    print("remaining:", repr(remaining))
beg = BaseExceptionGroup("base", [KeyboardInterrupt()])
print(type(beg).__name__, type(BaseExceptionGroup("x", [ValueError()])).__name__)
try:
    ExceptionGroup("bad", [])
except ValueError as e:
    print("ValueError:", e)
try:
    raise ValueError("plain")
except* ValueError as g:
    print("plain wrapped:", repr(g))
