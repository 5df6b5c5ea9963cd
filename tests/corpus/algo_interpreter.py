# a tiny tokenizer, recursive-descent parser and evaluator for arithmetic with variables
import re
TOKEN = re.compile(r"\s*(?:(\d+\.?\d*)|([A-Za-z_]\w*)|(\*\*|[-+*/%()=,]))")
def tokenize(src):
    pos, out = 0, []
    src = src.rstrip()
    while pos < len(src):
        m = TOKEN.match(src, pos)
        if not m:
            raise SyntaxError(f"bad character {src[pos]!r} at {pos}")
        num, name, op = m.groups()
        out.append(("num", float(num) if "." in num else int(num)) if num else ("name", name) if name else ("op", op))
        pos = m.end()
    return out
class Parser:
    def __init__(self, toks):
        self.toks, self.i = toks, 0
    def peek(self):
        return self.toks[self.i] if self.i < len(self.toks) else (None, None)
    def take(self, val=None):
        t = self.peek()
        if val is not None and t[1] != val:
            raise SyntaxError(f"expected {val!r}, got {t[1]!r}")
        self.i += 1
        return t
    def stmt(self):
        if len(self.toks) > 1 and self.toks[0][0] == "name" and self.toks[1] == ("op", "="):
            name = self.take()[1]
            self.take("=")
            return ("assign", name, self.expr())
        return self.expr()
    def expr(self):
        node = self.term()
        while self.peek()[1] in ("+", "-"):
            node = (self.take()[1], node, self.term())
        return node
    def term(self):
        node = self.factor()
        while self.peek()[1] in ("*", "/", "%"):
            node = (self.take()[1], node, self.factor())
        return node
    def factor(self):
        if self.peek()[1] == "-":
            self.take()
            return ("neg", self.factor())
        base = self.atom()
        if self.peek()[1] == "**":
            self.take()
            return ("**", base, self.factor())
        return base
    def atom(self):
        kind, val = self.take()
        if kind == "num":
            return ("num", val)
        if kind == "name":
            if self.peek()[1] == "(":
                self.take("(")
                args = [self.expr()]
                while self.peek()[1] == ",":
                    self.take()
                    args.append(self.expr())
                self.take(")")
                return ("call", val, args)
            return ("var", val)
        if val == "(":
            e = self.expr()
            self.take(")")
            return e
        raise SyntaxError(f"unexpected {val!r}")
FUNCS = {"max": max, "min": min, "abs": abs, "sqrt": lambda x: x ** 0.5}
def ev(node, env):
    op = node[0]
    if op == "num":
        return node[1]
    if op == "var":
        if node[1] not in env:
            raise NameError(f"undefined variable {node[1]}")
        return env[node[1]]
    if op == "assign":
        env[node[1]] = ev(node[2], env)
        return env[node[1]]
    if op == "neg":
        return -ev(node[1], env)
    if op == "call":
        return FUNCS[node[1]](*[ev(a, env) for a in node[2]])
    a, b = ev(node[1], env), ev(node[2], env)
    return {"+": lambda: a + b, "-": lambda: a - b, "*": lambda: a * b, "/": lambda: a / b,
            "%": lambda: a % b, "**": lambda: a ** b}[op]()
env = {}
program = ["x = 3", "y = x * (2 + 4)", "y - x ** 2", "z = -x ** 2 + 10 % 4", "max(x, y, z) / 4",
           "sqrt(16) + abs(-2.5)", "2 ** 3 ** 2", "w + 1", "1 / (x - 3)", "(1 + 2", "3 $ 4", "big = 2 ** 100", "big % 1000007"]
for line in program:
    try:
        tree = Parser(tokenize(line)).stmt()
        print(f"{line:<22} => {ev(tree, env)!r}")
    except (SyntaxError, NameError, ZeroDivisionError) as e:
        print(f"{line:<22} !! {type(e).__name__}: {e}")
print(sorted(env.items()))
print(Parser(tokenize("a = 1 + 2 * f(3, -b)")).stmt())
