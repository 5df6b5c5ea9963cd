# non-ASCII identifiers and strings in source code
π = 3.14159
café = "coffee"
naïve_count = 3
Σ = sum
def größe(länge, breite):
    return länge * breite
class Über:
    ñ = "enye"
    def método(self):
        return "método llamado"
données = {"clé": "valeur", "ключ": "значение", "鍵": "値"}
print(π, café, naïve_count, Σ([1, 2, 3]), größe(3, 4), Über.ñ, Über().método())
print(données, données["鍵"], len(données["ключ"]))
日本 = "Japan"
print(日本, [ord(c) for c in 日本[:1]], "日本" in globals())
ﬁ = "ligature"
print(fi, "fi" in globals(), "ﬁ" in globals())
print(sorted(k for k in globals() if not k.isascii()))
ℌ = "normalised"
print(H)
