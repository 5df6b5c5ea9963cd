# second helper: imports the first one
import _mod_helper
from _mod_helper import Shape
print("_mod_other is being imported, helper counter =", _mod_helper.counter)
class Triangle(Shape):
    sides = 3
    def area(self):
        return round(self.size ** 2 * 3 ** 0.5 / 4, 6)
def bump_twice():
    _mod_helper.bump()
    return _mod_helper.bump()
