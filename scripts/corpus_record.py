#!/usr/bin/env python3
"""Regenerate the expected outputs of the differential corpus with CPython.

usage: scripts/corpus_record.py [--interp python3] [NAME ...]
For every tests/corpus/**/X.py (skipping _mod_*), runs it and writes X.out,
X.err and X.code. With NAMEs (substrings of the relative path) only those.
"""
import argparse
import os
import sys
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus_common as cc  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--interp", default="python3")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("names", nargs="*")
    a = ap.parse_args()
    scripts = cc.list_scripts()
    if a.names:
        scripts = [s for s in scripts if any(n in s for n in a.names)]

    def rec(rel):
        out, err, code = cc.run_script(a.interp, rel)
        po, pe, pc = cc.expected_paths(rel)
        with open(po, "wb") as f:
            f.write(out)
        with open(pe, "w", encoding="utf-8") as f:
            f.write(err + "\n" if err else "")
        with open(pc, "w") as f:
            f.write("%d\n" % code)
        return rel, code, err

    with ThreadPoolExecutor(a.jobs) as ex:
        for rel, code, err in ex.map(rec, scripts):
            if code != 0:
                print("%-40s exit %d  %s" % (rel, code, err))
    print("recorded %d scripts" % len(scripts))


if __name__ == "__main__":
    main()
