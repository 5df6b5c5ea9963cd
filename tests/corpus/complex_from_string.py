# complex(str): the forms complex_from_string_inner accepts, underscores, parentheses
# and the errors.
for s in ['3+4j', ' ( 1-2J ) ', 'j', '-j', '+1.5e3j', '1+j', '1e-2-1e3j', 'inf-nanj', '1_0+2_0j', '1__0j', '', '1+2', 'j1', '(1+2j', '1 + 2j', '  5  ', '.5j', '1.j', 'infj', '-Infinityj', '1e5', '0x10', '1e', '1e+', '-', '(j)', '( )', '1+-2j', 'nan', '_1j', '1_j']:
    try: print(repr(s), complex(s))
    except ValueError as e: print(repr(s), 'ValueError:', e)
for a in [('1', 2), (2, '1')]:
    try: complex(*a)
    except TypeError as e: print('TypeError:', e)
