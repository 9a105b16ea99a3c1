# Ends with a TypeError in a chained method call; the caret marks the failing call.
class Builder:
    def __init__(self):
        self.parts = []

    def add(self, part):
        self.parts.append(part)
        return self

    def build(self):
        return "-".join(self.parts)

print(Builder().add("a").add("b").build())
print(Builder().add("x").add(3).build())
