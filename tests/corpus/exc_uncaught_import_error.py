# uncaught ModuleNotFoundError
import math
print(math.sqrt(81))
import not_a_real_module_for_pymm
