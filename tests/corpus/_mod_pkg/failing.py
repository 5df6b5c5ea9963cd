"""A submodule whose code raises: it must leave sys.modules again."""
Q = 1
raise ValueError("boom")
