"""Bytes per object as tracemalloc sees them, for the object kinds whose layout the
closing notes of issue #3 follow: an exception with its args, and a suspended
generator. Run it with both interpreters:

    python3 scripts/tracemalloc_per_object.py
    target/release/pymm scripts/tracemalloc_per_object.py
"""
import tracemalloc

N = 1000


def per_object(make):
    before = tracemalloc.take_snapshot()
    objs = [make() for _ in range(N)]
    after = tracemalloc.take_snapshot()
    size = sum(st.size_diff for st in after.compare_to(before, 'filename')) / N
    del objs
    return size


def gen():
    yield 1


tracemalloc.start()
print("ValueError('x') with its args: %.1f bytes" % per_object(lambda: ValueError("x")))
print("a suspended generator: %.1f bytes" % per_object(gen))
