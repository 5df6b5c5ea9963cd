# json module: dumps/loads round trips (key order preserved, sort_keys, indent)
import json
data = {"name": "pymm", "version": [0, 1], "ok": True, "none": None, "pi": 3.14159, "big": 10 ** 20,
        "nested": {"z": [1, {"a": "b"}], "a": "é€😀"}, "empty": {}, "list": []}
s = json.dumps(data)
print(s)
print(json.dumps(data, sort_keys=True, indent=2))
print(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
back = json.loads(s)
print(back == data, list(back) == list(data), type(back["big"]).__name__)
print(json.loads('[1, 2.5, "x", null, true, false, {"k": [ ]}]'), json.loads('"\\u00e9\\ud83d\\ude00"'))
print(json.dumps([float("inf"), float("-inf")]), json.dumps(1e16), json.dumps(0.1), json.dumps("tab\tquote\""))
for bad in ('{"a": 1,}', "[1, 2", "{'a': 1}", "nul"):
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print("JSONDecodeError:", e.msg, e.pos)
try:
    json.dumps({1, 2})
except TypeError as e:
    print("TypeError:", e)
class P:
    def __init__(self, x):
        self.x = x
print(json.dumps(P(3), default=lambda o: {"P": o.x}), json.dumps({1: "int key", (): 2} if False else {1: "int key"}))
print(json.loads('{"a": 1, "a": 2}'), json.loads("1e400"), json.loads("-0"), json.loads("123456789012345678901234567890"))
