# sys.exit() / sys.exit(0) / sys.exit(None) -> status 0; raise SystemExit(2)
import sys
for arg in (None, 0, 5, "text"):
    try:
        sys.exit(arg)
    except SystemExit as e:
        print(repr(e.code), e.args)
try:
    raise SystemExit(2)
except SystemExit as e:
    print("code", e.code)
print("exiting with 0")
sys.exit()
