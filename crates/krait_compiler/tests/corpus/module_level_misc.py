import sys as _sys
__all__ = ["f"]
if __name__ == "__main__":
    main()
try:
    import json
except ImportError:
    json = None
