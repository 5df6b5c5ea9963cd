# uncaught exception class with no message; finally clauses still run
try:
    print("in try")
    raise NotImplementedError
finally:
    print("finally runs before the traceback")
