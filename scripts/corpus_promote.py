#!/usr/bin/env python3
"""Move wishlist scripts that pymm now passes back into tests/corpus/ (with git mv).

usage: scripts/corpus_promote.py [--interp CMD] [--dry-run]
A script is promoted only when its stdout, last stderr line and exit status all match
the recorded CPython 3.11 output. Demoting a failing script is a manual decision.
"""
import argparse
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus_common as cc  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--interp", default=os.path.join(cc.ROOT, "target", "release", "pymm"))
    ap.add_argument("--dry-run", action="store_true")
    a = ap.parse_args()
    wish = os.path.join(cc.CORPUS, "wishlist")
    promoted = 0
    for rel in cc.list_scripts(wish):
        out, err, code = cc.run_script(a.interp, os.path.join("wishlist", rel))
        o, e, c = cc.expected_paths(os.path.join("wishlist", rel))
        want_err = open(e, encoding="utf-8").read().strip() if os.path.exists(e) else ""
        if out == open(o, "rb").read() and err == want_err and code == int(open(c).read()):
            promoted += 1
            print("promote", rel)
            if not a.dry_run:
                stem = os.path.join(wish, rel[:-3])
                files = [stem + ext for ext in (".py", ".out", ".err", ".code") if os.path.exists(stem + ext)]
                dest = os.path.join(cc.CORPUS, os.path.dirname(rel))
                os.makedirs(dest, exist_ok=True)
                subprocess.run(["git", "mv", *files, dest], check=True)
    print("%d promoted" % promoted)


if __name__ == "__main__":
    main()
