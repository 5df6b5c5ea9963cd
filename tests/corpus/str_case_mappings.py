# title()/capitalize() use titlecase (digraphs, ligatures, Greek with ypogegrammeni),
# casefold() full case folding, from CPython 3.11's Unicode data.
for s in ["ǆungla", "straße", "ﬁne ﬂow", "ᾳ test", "אa b", "ǅ", "hello world", "ŉ x", "1st 2nd"]:
    print(s.title(), s.capitalize(), s.casefold(), s.upper(), s.lower(), s.swapcase())
print("ΣΑΣ".casefold(), "ẞ".casefold(), "ﬃ".casefold())
