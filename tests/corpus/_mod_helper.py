# helper module imported by mod_import.py (not a test: name starts with _mod_)
"""Helper module docstring."""
print("_mod_helper is being imported")
VERSION = (1, 2, 3)
_private = "hidden"
counter = 0
def greet(name="world"):
    return "hello, %s" % name
def bump():
    global counter
    counter += 1
    return counter
class Shape:
    sides = 0
    def __init__(self, size):
        self.size = size
    def area(self):
        raise NotImplementedError
    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, self.size)
class Square(Shape):
    sides = 4
    def area(self):
        return self.size ** 2
__all__ = ["greet", "Square", "VERSION"]
if __name__ == "__main__":
    print("never when imported")
