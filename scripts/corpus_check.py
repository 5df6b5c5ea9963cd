#!/usr/bin/env python3
"""Run the differential corpus under an interpreter and compare with CPython's
recorded outputs.

usage: scripts/corpus_check.py [--interp CMD] [--wishlist] [--groups] [-v] [NAME ...]
  --interp CMD   interpreter command line (default: target/release/pymm)
  --wishlist     also run tests/corpus/wishlist/ (skipped by default)
  --groups       also print pass counts per topic prefix (lang_, type_, ...)
  --timeout S    per-script timeout in seconds (default 30)
  --diff         after a stdout mismatch, print a unified diff (at most 40 lines)
  NAME           only scripts whose relative path contains NAME
Prints one line per failure and finally "N passed, N failed"; exit 1 on any
failure (2 if the interpreter cannot be found).
"""
import argparse
import os
import shlex
import shutil
import sys
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus_common as cc  # noqa: E402


def first_diff(a, b):
    al = a.decode("utf-8", "replace").splitlines()
    bl = b.decode("utf-8", "replace").splitlines()
    for i in range(max(len(al), len(bl))):
        x = al[i] if i < len(al) else "<eof>"
        y = bl[i] if i < len(bl) else "<eof>"
        if x != y:
            return "line %d: expected %r, got %r" % (i + 1, x[:120], y[:120])
    return "trailing newline/bytes differ"


def udiff(a, b, name):
    import difflib
    lines = list(difflib.unified_diff(a.decode("utf-8", "replace").splitlines(),
                                      b.decode("utf-8", "replace").splitlines(),
                                      "expected/" + name, "got/" + name, lineterm=""))
    if len(lines) > 40:
        lines = lines[:40] + ["... (%d more diff lines)" % (len(lines) - 40)]
    return "\n".join("    " + l for l in lines)


def check(interp, rel, timeout=cc.TIMEOUT, diff=False):
    po, pe, pc = cc.expected_paths(rel)
    try:
        with open(po, "rb") as f:
            exp_out = f.read()
        with open(pe, encoding="utf-8") as f:
            exp_err = f.read().strip()
        with open(pc) as f:
            exp_code = int(f.read().strip())
    except OSError:
        return "missing expected files (run scripts/corpus_record.sh)"
    out, err, code = cc.run_script(interp, rel, timeout=timeout)
    problems = []
    if code != exp_code:
        problems.append("exit %d, expected %d" % (code, exp_code))
    if out != exp_out:
        problems.append("stdout " + first_diff(exp_out, out))
        if diff:
            problems.append("\n" + udiff(exp_out, out, rel))
    if err.strip() != exp_err:
        problems.append("stderr last line %r, expected %r" % (err[:160], exp_err[:160]))
    return "; ".join(problems) or None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--interp", default=os.path.join(cc.ROOT, "target", "release", "pymm"))
    ap.add_argument("--wishlist", action="store_true")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--groups", action="store_true")
    ap.add_argument("--diff", action="store_true")
    ap.add_argument("--timeout", type=float, default=cc.TIMEOUT)
    ap.add_argument("names", nargs="*")
    a = ap.parse_args()
    exe = shlex.split(a.interp)[0] if a.interp.strip() else ""
    if not (shutil.which(exe) or os.path.isfile(exe)):
        print("interpreter not found: %s" % a.interp)
        print("0 passed, 0 failed")
        sys.exit(2)
    scripts = cc.list_scripts()
    if not a.wishlist:
        scripts = [s for s in scripts if not s.startswith("wishlist" + os.sep)]
    if a.names:
        scripts = [s for s in scripts if any(n in s for n in a.names)]
    passed = failed = 0
    groups = {}
    with ThreadPoolExecutor(a.jobs) as ex:
        for rel, res in zip(scripts, ex.map(lambda r: check(a.interp, r, a.timeout, a.diff), scripts)):
            g = groups.setdefault(os.path.basename(rel).split("_")[0], [0, 0])
            g[0 if res is None else 1] += 1
            if res is None:
                passed += 1
                if a.verbose:
                    print("PASS %s" % rel)
            else:
                failed += 1
                print("FAIL %s: %s" % (rel, res))
            sys.stdout.flush()
    if a.groups:
        for name in sorted(groups):
            ok, bad = groups[name]
            print("  %-10s %3d/%-3d passed" % (name, ok, ok + bad))
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
