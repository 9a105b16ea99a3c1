# Single inheritance, overriding, isinstance/issubclass.
class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
    def kind(self):
        return type(self).__name__
class Dog(Animal):
    sound = "woof"
class Puppy(Dog):
    def speak(self):
        return Dog.speak(self) + "!"
class Cat(Animal):
    def __init__(self, name, indoor):
        super().__init__(name)
        self.indoor = indoor
    sound = "meow"
for a in [Animal("x"), Dog("rex"), Puppy("bit"), Cat("tom", True)]:
    print(a.speak(), a.kind())
print(issubclass(Puppy, Animal), issubclass(Animal, Dog), issubclass(Dog, (Cat, Animal)))
print(isinstance(Puppy("p"), Dog), isinstance(Cat("c", 0), Dog), isinstance(3, (str, int)))
print(Puppy.__mro__)
print(Puppy.__bases__, Animal.__subclasses__())
print(issubclass(bool, int), issubclass(int, object), issubclass(type, object), isinstance(type, type))
class MyList(list):
    def total(self):
        return sum(self)
ml = MyList([1, 2, 3])
ml.append(4)
print(ml, ml.total(), type(ml).__name__, len(ml), ml[1:], type(ml[1:]))
class MyInt(int):
    def __repr__(self):
        return f"MyInt({int(self)})"
print(MyInt(5), MyInt(5) + 1, type(MyInt(5) + 1), MyInt("12"))
class MyDict(dict):
    def __missing__(self, key):
        return key * 2
md = MyDict(a=1)
print(md["a"], md["zz"], md)
class MyStr(str):
    pass
print(MyStr("hi").upper(), type(MyStr("hi").upper()), MyStr("x") == "x")
