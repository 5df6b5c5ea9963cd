# object.__sizeof__ = basicsize + itemsize * len for var-sized objects
import sys
print(object.__sizeof__(5), int.__basicsize__, int.__itemsize__)
print(object.__sizeof__((1, 2, 3)), tuple.__basicsize__, tuple.__itemsize__)
print(object.__sizeof__(b'abc'), bytes.__basicsize__, bytes.__itemsize__)
print(object.__sizeof__([1, 2]), list.__basicsize__)
print(object.__sizeof__(1.5), float.__basicsize__)
print(object.__sizeof__(10 ** 40), (10 ** 40).__sizeof__())
class C:
    pass
print(object.__sizeof__(C()), C.__basicsize__, C.__itemsize__)
print(dict.__basicsize__, set.__basicsize__, type(None).__basicsize__)
