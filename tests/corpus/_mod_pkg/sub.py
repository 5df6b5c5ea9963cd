"""A submodule of the helper package."""
print("init submodule", __name__)
Y = 2
