# Ends with a TypeError from calling a function with a missing argument.
def connect(host, port, *, timeout=5):
    return f"{host}:{port}"

print(connect("a", 1))
print(connect("b"))
