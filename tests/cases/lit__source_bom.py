# A UTF-8 byte order mark starts this file.
print("bom", "é", __doc__)
