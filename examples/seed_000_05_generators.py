# Seed article 000 ("Explain Memory Management In Python: How It Works?"),
# best practice "1. Use generators and iterators". The article has no code
# listing; this script shows what it describes.
import sys


def read_records(n):
    """Yield one record at a time instead of building them all."""
    for i in range(n):
        yield (i, i * i % 97)  # (id, value)


as_list = [(i, i * i % 97) for i in range(10_000)]
as_generator = read_records(10_000)
print("list of 10000 records:", sys.getsizeof(as_list), "bytes for the list alone")
print("generator:            ", sys.getsizeof(as_generator), "bytes")
print("same total:", sum(v for _, v in as_list) == sum(v for _, v in as_generator))
print("the generator is now exhausted:", next(as_generator, "done"))
