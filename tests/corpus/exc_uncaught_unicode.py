# uncaught UnicodeEncodeError message
text = "price: 5€"
print(text.encode("utf-8"))
print(text.encode("latin-1", "replace"))
print(text.encode("ascii"))
