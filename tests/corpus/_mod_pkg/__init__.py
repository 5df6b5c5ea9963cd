"""A helper package for import_packages.py."""
print("init package", __name__)
X = 1
