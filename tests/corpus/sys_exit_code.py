# sys.exit(3) after output; finally blocks run, SystemExit can be observed
import sys
try:
    sys.exit(7)
except SystemExit as e:
    print("caught SystemExit", e.code)
def work():
    try:
        print("working")
        sys.exit(3)
    finally:
        print("cleanup in finally")
work()
print("not printed")
