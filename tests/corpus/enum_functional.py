# enum's functional API (names as a string, a list, pairs, a mapping; start; Flag) and
# the error of decorating a non-class with dataclass.
import enum, dataclasses
Color = enum.Enum("Color", "RED GREEN BLUE")
print(Color.RED, Color.GREEN.value, list(Color), repr(Color.BLUE))
Shape = enum.Enum("Shape", ["CIRCLE", "SQUARE"], start=10)
print(list(Shape), Shape(11))
Animal = enum.Enum("Animal", [("CAT", "meow"), ("DOG", "woof")])
print(Animal.CAT.value, Animal("woof"))
Perm = enum.IntFlag("Perm", "R W X")
print(Perm.R | Perm.W, Perm.X.value)
S = enum.Enum("S", {"A": 1, "B": 2})
print(S.B, S(1))
try:
    dataclasses.dataclass(5)
except Exception as e:
    print(type(e).__name__, e)
