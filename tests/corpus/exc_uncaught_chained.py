# uncaught exception raised from another (last stderr line is the outer one)
def read_config(d):
    try:
        return d["path"]
    except KeyError as e:
        raise RuntimeError("configuration is incomplete") from e
print("starting")
read_config({"x": 1})
