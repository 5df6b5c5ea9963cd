# uncaught TypeError from calling with wrong arguments
def area(w, h):
    return w * h
print(area(2, 3))
print(area(w=4, h=5))
print(area(1, 2, 3))
