# Oversized padding, widths and byte counts are MemoryError (CPython's failed
# allocation), never a crash; C-int arguments overflow as in CPython.
cases = [
    "'%*d' % (2**62, 1)", "format(1, '1000000000000000d')", "'x'.center(2**62)",
    "'x'.ljust(2**62)", "'x'.rjust(2**62)", "'x'.zfill(2**62)", "(1).to_bytes(2**62, 'big')",
    "'abc'.expandtabs(2**62)", "'a\\tb'.expandtabs(2**31)", "chr(2**40)", "chr(2**70)",
    "divmod(1.0, 0)", "divmod(1, 0.0)", "divmod(True, 0.0)", "divmod(1, 0)",
]
for t in cases:
    try:
        print(t, "->", repr(eval(t)))
    except (MemoryError, OverflowError, ValueError, ZeroDivisionError) as e:
        print(t, "->", type(e).__name__, e)
