# SyntaxError wording and positions for legacy print/exec statements, numbers run
# into names, augmented assignment targets and dict displays missing a colon.
srcs = ["print 'hello'", "print x, y", "exec 'code'", "if 1:\n    print 'a'\n", "x = 1\nprint x\n",
        "1__0", "1.e", "0x1g", "0o8", "0b12", "1_000x", "0777", "00", "0_7", "1.5j2",
        "f() += 1", "1 += 1", "a + b += 1", "None += 1", "a < b += 1", "{} += 1",
        "x = {1: 2, 3}", "x = {1: 2, 3: 4, 5}", "x = {a: [1, 2], b}", "x = {1, 2: 3}", "{1:}",
        "print = 3", "print.x y"]
for src in srcs:
    try:
        compile(src, "<s>", "exec")
        print(repr(src), "compiled")
    except SyntaxError as e:
        print(repr(src), "|", e.msg, "|", e.lineno, e.offset, e.end_lineno, e.end_offset)
