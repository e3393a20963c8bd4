# A workspace package: importing it prints once, however often it is imported.
print("mylib: package loaded")
VERSION = (0, 1)
