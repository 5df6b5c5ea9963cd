# CPython 3.11 integer string conversion length limit (4300 digits by default)
import sys
print(sys.get_int_max_str_digits(), sys.int_info.default_max_str_digits, sys.int_info.str_digits_check_threshold)
ok = 10 ** 4299
print(len(str(ok)))
big = 10 ** 4300
try:
    str(big)
except ValueError as e:
    print("ValueError:", e)
try:
    int("1" * 4301)
except ValueError as e:
    print("ValueError:", e)
print(len(hex(big)), big.bit_length(), len(format(big, "x")))
sys.set_int_max_str_digits(10000)
print(len(str(big)), sys.get_int_max_str_digits())
sys.set_int_max_str_digits(0)
print(len(str(10 ** 20000)))
try:
    sys.set_int_max_str_digits(100)
except ValueError as e:
    print("ValueError:", e)
sys.set_int_max_str_digits(4300)
try:
    print(f"{big}")
except ValueError as e:
    print("ValueError in f-string:", e)
print(int("9" * 4300) % 1000, len(repr(2 ** 14000)) if False else "skip")
