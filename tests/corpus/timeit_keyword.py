# timeit (strings and callables, setup, globals, repeat, errors) and keyword.
import timeit, keyword
t = timeit.timeit("x = [i for i in range(10)]", number=100)
print(type(t).__name__, t > 0)
print(len(timeit.repeat("pass", repeat=3, number=10)))
n = [0]
def f(): n[0] += 1
timeit.timeit(f, number=7); print(n[0])
T = timeit.Timer("y = a * 2", setup="a = 21")
print(T.timeit(5) >= 0, isinstance(T.repeat(2, 5), list))
print(timeit.timeit("z = q + 1", globals={"q": 1}, number=3) >= 0)
try:
    timeit.timeit("x = (", number=1)
except SyntaxError as e:
    print("SyntaxError", e.msg)
try:
    timeit.Timer(5)
except ValueError as e:
    print(e)
print(keyword.iskeyword("for"), keyword.iskeyword("match"), keyword.issoftkeyword("match"), len(keyword.kwlist))
