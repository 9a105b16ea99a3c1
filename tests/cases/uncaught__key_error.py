# Ends with an uncaught KeyError from a dict subscript inside a function.
config = {"host": "localhost", "port": 8080}

def get_setting(name):
    return config[name]

print(get_setting("host"))
print(get_setting("timeout"))
