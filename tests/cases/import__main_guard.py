# __name__ == "__main__" guard and module-level dunders.
import sys
def main():
    print("main running", __name__)
    return 0
print(__name__, __package__, __spec__ is None, type(__builtins__).__name__, "__file__" in globals())
print(__file__.endswith("import__main_guard.py"), __doc__, sys.modules["__main__"].main is main)
if __name__ == "__main__":
    main()
