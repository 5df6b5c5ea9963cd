# smoke test: a simple class with __init__, methods, attributes, inheritance
class Animal:
    def __init__(self, name, sound):
        self.name = name
        self.sound = sound
    def speak(self):
        return self.name + " says " + self.sound
class Dog(Animal):
    def __init__(self, name):
        Animal.__init__(self, name, "woof")
    def fetch(self):
        return self.name + " fetches"
a = Animal("cat", "meow")
d = Dog("rex")
print(a.speak())
print(d.speak())
print(d.fetch())
print(isinstance(d, Animal), isinstance(a, Dog))
d.name = "max"
print(d.speak())
class Counter:
    def __init__(self):
        self.n = 0
    def inc(self):
        self.n += 1
        return self.n
c = Counter()
c.inc()
c.inc()
print(c.inc())
