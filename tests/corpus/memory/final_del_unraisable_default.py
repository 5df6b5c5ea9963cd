# default unraisable output for a failing __del__ (last stderr line)
class Bad:
    def __del__(self):
        raise KeyError('gone')
b = Bad()
del b
print('after')
