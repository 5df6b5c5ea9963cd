# a hand-written recursive-descent JSON parser and serializer, checked against json
import json
class ParseError(Exception):
    pass
def parse(s):
    pos = 0
    def ws():
        nonlocal pos
        while pos < len(s) and s[pos] in " \t\n\r":
            pos += 1
    def value():
        nonlocal pos
        ws()
        if pos >= len(s):
            raise ParseError("unexpected end")
        c = s[pos]
        if c == "{":
            pos += 1
            obj = {}
            ws()
            if s[pos] == "}":
                pos += 1
                return obj
            while True:
                ws()
                k = string()
                ws()
                if s[pos] != ":":
                    raise ParseError(f"expected ':' at {pos}")
                pos += 1
                obj[k] = value()
                ws()
                if s[pos] == ",":
                    pos += 1
                elif s[pos] == "}":
                    pos += 1
                    return obj
                else:
                    raise ParseError(f"expected ',' or '}}' at {pos}")
        if c == "[":
            pos += 1
            arr = []
            ws()
            if s[pos] == "]":
                pos += 1
                return arr
            while True:
                arr.append(value())
                ws()
                if s[pos] == ",":
                    pos += 1
                elif s[pos] == "]":
                    pos += 1
                    return arr
                else:
                    raise ParseError(f"expected ',' or ']' at {pos}")
        if c == '"':
            return string()
        for lit, val in (("true", True), ("false", False), ("null", None)):
            if s.startswith(lit, pos):
                pos += len(lit)
                return val
        return number()
    def string():
        nonlocal pos
        if s[pos] != '"':
            raise ParseError(f"expected string at {pos}")
        pos += 1
        out = []
        while s[pos] != '"':
            ch = s[pos]
            if ch == "\\":
                pos += 1
                esc = s[pos]
                if esc == "u":
                    out.append(chr(int(s[pos + 1:pos + 5], 16)))
                    pos += 4
                else:
                    out.append({"n": "\n", "t": "\t", '"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "r": "\r"}[esc])
            else:
                out.append(ch)
            pos += 1
        pos += 1
        return "".join(out)
    def number():
        nonlocal pos
        start = pos
        while pos < len(s) and s[pos] in "+-0123456789.eE":
            pos += 1
        text = s[start:pos]
        if not text:
            raise ParseError(f"unexpected {s[pos]!r} at {pos}")
        return float(text) if any(c in text for c in ".eE") else int(text)
    result = value()
    ws()
    if pos != len(s):
        raise ParseError(f"trailing data at {pos}")
    return result
def dump(v):
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    if isinstance(v, list):
        return "[" + ", ".join(dump(x) for x in v) + "]"
    return "{" + ", ".join(dump(k) + ": " + dump(x) for k, x in v.items()) + "}"
docs = ['{"a": 1, "b": [true, false, null], "c": {"d": "e\\n\\"q\\"", "f": -2.5e3}}',
        '[1, 2, [3, [4, []]], {}]', '"\\u00e9t\\u00e9"', '  42  ', '{"nested": {"deep": {"deeper": [1.5, "x"]}}}']
for d in docs:
    mine = parse(d)
    print(mine == json.loads(d), dump(mine), dump(mine) == json.dumps(mine))
for bad in ['{"a" 1}', '[1, 2', '[1 2]', '{"a": 1} x', '@']:
    try:
        parse(bad)
    except (ParseError, IndexError) as e:
        print(type(e).__name__, e)
big = {"items": [{"id": i, "name": f"item{i}", "tags": ["t%d" % (i % 3)], "price": i * 1.25} for i in range(50)]}
text = json.dumps(big)
print(len(text), parse(text) == big, dump(parse(text)) == text)
