# literals: numbers, strings, bytes, escapes, raw, triple-quoted, concatenation
print(0x1F, 0o17, 0b1011, 1_000_000, 0x_FF, 1e3, 1E-3, 1.5e+2, .5, 5., 0.0, 1j, 2.5J, 00, 0_0)
print("double", 'single', """triple
quoted""", '''also
triple''')
print("esc: \t|\\|\'|\"|\x41|\101|\u00e9|\U0001F600|\N{SNOWMAN}|\a\b".encode("unicode_escape"))
print(r"raw \n \t \\", R"RAW\d", rb"raw\bytes", br"\x00")
print(b"bytes \x00\xff", B"upper", b'\'', len(b"\x00\x01"))
print("con" "cat" 'en' """ated""", ("multi"
                                  "line"))
print("line one\
 continued")
s = """first
  second\tTab
third"""
print(s.splitlines(), len(s))
print(f"{'nested quotes'}", f'{"other"}', f"{{}}")
print(type(1).__name__, type(1.0).__name__, type(1j).__name__, type("").__name__, type(b"").__name__, type(...).__name__)
print([], [1, ], (), (1,), {}, {1}, {1: 2}, {"a": [1, {"b": (2, 3)}]})
print(True, False, None, ..., NotImplemented)
print(0.1 + 0.2, 1e308 * 10, -1e308 * 10, 123456789 * 987654321, 0xFFFFFFFFFFFFFFFFFFFF)
print("\x00", "\x7f".encode(), "\u0000" == "\x00", "\777"[:0] == "", "\0" == chr(0))
print(len("\N{LATIN SMALL LETTER E WITH ACUTE}"), "\N{EM DASH}", ord("\N{EURO SIGN}"))
print(repr("a\nb"), repr('it\'s'), repr("\"q\""), repr("\x1b[0m"), repr("\u0085"), repr("\U000E0001"))
