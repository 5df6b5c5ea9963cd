# raise SystemExit(4) uncaught -> exit status 4, nothing on stderr
print("raising SystemExit(4)")
raise SystemExit(4)
