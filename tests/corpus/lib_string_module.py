# the pure-Python string module: constants, Template, capwords, Formatter
import string
print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(string.punctuation, repr(string.whitespace), len(string.printable))
print(string.capwords("hello   wide world"), string.capwords("a-b c-d", "-"))
t = string.Template("$who likes ${what}, $$5")
print(t.substitute(who="tim", what="kung pao"), t.safe_substitute(who="ann"))
try:
    t.substitute(who="x")
except KeyError as e:
    print("KeyError:", e)
try:
    string.Template("$1bad").substitute()
except ValueError as e:
    print("ValueError:", e)
f = string.Formatter()
print(f.format("{0}-{name}-{1:>4}", "a", "b", name="n"), list(f.parse("x{0}y{k!r:>3}z")))
class Upper(string.Formatter):
    def format_field(self, value, spec):
        return super().format_field(value, spec).upper()
print(Upper().format("{} and {:>5}", "abc", "de"))
table = str.maketrans(string.ascii_lowercase, string.ascii_lowercase[13:] + string.ascii_lowercase[:13])
print("hello world".translate(table), "uryyb jbeyq".translate(table))
print(sorted(set("Hello, World!") & set(string.ascii_uppercase)), sum(c in string.punctuation for c in "a,b.c!?"))
