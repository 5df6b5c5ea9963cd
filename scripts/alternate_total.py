#!/usr/bin/env python3
"""Whole-process wall time of a script under two interpreters, alternating runs (for
workloads that do not report their own time; see alternate.sh for those that do).

usage: python3 scripts/alternate_total.py RUNS INTERP_A INTERP_B SCRIPT [ARGS...]
Prints the fastest and median time of each and the ratio of the fastest (B/A).
"""
import statistics
import subprocess
import sys
import time


def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__.strip().splitlines()[-2].strip())
    n = int(sys.argv[1])
    a, b = sys.argv[2], sys.argv[3]
    script = sys.argv[4:]
    runs = {a: [], b: []}
    for _ in range(n):
        for interp in (a, b):
            t = time.perf_counter()
            subprocess.run([interp] + script, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, check=False)
            runs[interp].append(time.perf_counter() - t)
    ra, rb = runs[a], runs[b]
    print("A min %.3f s median %.3f | B min %.3f s median %.3f | B/A %.3f"
          % (min(ra), statistics.median(ra), min(rb), statistics.median(rb),
             min(rb) / min(ra)))


if __name__ == "__main__":
    main()
