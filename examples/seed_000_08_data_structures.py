# Seed article 000 ("Explain Memory Management In Python: How It Works?"),
# best practice "5. Optimization of Data Structure": sets/dicts for lookups, and
# compact arrays for numbers (the article names NumPy; the standard library's
# array module shows the same idea). The article has no code listing.
import array
import sys

ids = list(range(0, 20_000, 2))
id_set = set(ids)
queries = [5, 10, 19_998, 19_999, 7, 12_345, 4_000]
print("same answers:", [q in id_set for q in queries] == [q in ids for q in queries])
print("found:", [q for q in queries if q in id_set])

lookup = {i: str(i) for i in range(100)}
print(lookup.get(42), lookup.get(420, "missing"))

numbers = list(range(1_000, 11_000))
packed = array.array("q", numbers)
list_bytes = sys.getsizeof(numbers) + sum(sys.getsizeof(n) for n in numbers)
print("list of 10000 ints (with the ints):", list_bytes, "bytes")
print("array('q') of the same:           ", sys.getsizeof(packed), "bytes")
print("equal contents:", packed.tolist() == numbers)
