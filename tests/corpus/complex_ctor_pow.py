# complex(real, imag) keeps signed zeros and combines complex parts as complex_new
# does; small integral powers multiply exactly (c_powi).
print(complex(0, -0.0), complex(-0.0, 0), complex(1j, 1j), complex(1+2j, 3), complex(2, 1+1j), complex(), complex(1j), complex(True, False), (3+4j)**2, (1+1j)**-2, (2j)**0, 0j**2, (1+2j)**3.0, (1.5+0.5j)**101)
