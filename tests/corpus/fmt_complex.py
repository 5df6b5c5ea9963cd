# format() of complex numbers: parts formatted alike, the imaginary one signed, str()'s form without a type, and CPython's errors.
for v, s in [(3+4j,'.1f'),(1-2j,'^12'),(1-2j,''),(4j,''),(-0.0+4j,''),(1+2j,'+'),(1.5+2.25j,'10.2e'),(2j,'g'),(1e20+1j,''),(1+2j,'<15'),(complex(float('nan'),float('inf')),''), (1+2j, 'n'), (-1-0j, '.2f'), (0.0-0j, ''), (complex(-0.0, 1), ''), (1.5+2j, '.3'), (1+2j, ' '), (complex(-0.0,-0.0), 'z.1f')]:
    print(repr(format(v, s)), f"{v:>20}")
for s in ['=10', '010', '%', 'd']:
    try: format(1+2j, s)
    except ValueError as e: print(e)
