# __del__ with inheritance, super().__del__, slots, and objects created in __del__
log = []
class Base:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        log.append("Base.__del__ " + self.name)
class Child(Base):
    def __del__(self):
        log.append("Child.__del__ " + self.name)
        super().__del__()
class NoDel(Base):
    pass
c = Child("c")
del c
n = NoDel("n")
del n
print(log)
log.clear()
class Slotted:
    __slots__ = ("name", "payload")
    def __init__(self, name):
        self.name = name
        self.payload = Base("payload-of-" + name)
    def __del__(self):
        log.append("Slotted.__del__ " + self.name)
s = Slotted("s")
del s
print(log)
log.clear()
class Spawner:
    def __del__(self):
        log.append("spawner dying")
        Base("spawned-in-del")
        log.append("spawner done")
sp = Spawner()
del sp
print(log)
log.clear()
class Chain:
    def __init__(self, i, nxt):
        self.i, self.nxt = i, nxt
    def __del__(self):
        log.append(self.i)
head = None
for i in range(5):
    head = Chain(i, head)
del head
print(log)
log.clear()
class Attr:
    def __init__(self):
        self.x = Base("x")
    def __del__(self):
        log.append("Attr.__del__ sees x: " + self.x.name)
a = Attr()
del a
print(log)
log.clear()
class Ex:
    def __del__(self):
        try:
            raise ValueError("inside __del__")
        except ValueError as e:
            log.append("caught " + str(e))
e = Ex()
del e
print(log)
def make_and_drop():
    objs = [Child("f%d" % i) for i in range(3)]
    return len(objs)
print(make_and_drop(), log[-3:])
