# textwrap: wrap/fill with hyphenated words, em-dashes, long words, indents,
# sentence endings and max_lines; shorten, dedent, indent. Also random.Random's class name.
import textwrap
text = ("The quick brown fox jumps over the lazy dog. Python's memory manager uses "
        "reference counting and a generational, cycle-detecting garbage collector; "
        "well-known tools include tracemalloc, memory_profiler and objgraph.  "
        "Supercalifragilisticexpialidocious-words and e-mail addresses like a-b-c@x.org appear too!")
for w in (10, 20, 33, 50, 70):
    print(textwrap.wrap(text, w))
print(textwrap.fill(text, 40, initial_indent="* ", subsequent_indent="  "))
print(textwrap.wrap(text, 25, break_on_hyphens=False))
print(textwrap.wrap(text, 12, break_long_words=False))
print(textwrap.wrap("a\tb\tc  d\n\ne", 8), textwrap.wrap("  leading and trailing  ", 10), textwrap.wrap("", 5), textwrap.wrap("   ", 5))
print(textwrap.wrap("Hello there.  How are you? Fine.", 15, fix_sentence_endings=True))
print(textwrap.wrap(text, 30, max_lines=3), textwrap.wrap(text, 30, max_lines=1, placeholder="..."))
print(repr(textwrap.shorten("Hello  world!   This is  a test", 20)), repr(textwrap.shorten("Hi there", 8)), repr(textwrap.shorten("Hello world", 11)))
print(repr(textwrap.dedent("    def f():\n        return 1\n    \n    x = 2\n")), repr(textwrap.dedent("  a\n\tb\n")), repr(textwrap.dedent("\n   x\n  y")))
print(repr(textwrap.indent("a\n\nb\n", "> ")), repr(textwrap.indent("a\n b", "+", lambda l: True)))
print(textwrap.wrap("x---y a--b c-d-e -f g- --h", 6), textwrap.wrap("123-456-789 abc-", 5))
try:
    textwrap.wrap("x", 0)
except ValueError as e:
    print(e)
import random
print(type(random.Random(3)), random.Random)
