#!/bin/bash
# Runs a bench/ script that reports its own time on stderr ("... N ms ...") under two
# interpreters, alternating, and prints the fastest, the median and every run of each.
#
#   scripts/alternate.sh 6 python3 target/release/pymm bench/gc_million.py [args...]
set -euo pipefail
if [ $# -lt 4 ]; then
    echo "usage: $0 RUNS INTERP_A INTERP_B SCRIPT [ARGS...]" >&2
    exit 2
fi
n=$1; a=$2; b=$3; shift 3
for _ in $(seq "$n"); do
    echo "A $("$a" "$@" 2>&1 >/dev/null | grep -o '[0-9.]* ms' | head -1)"
    echo "B $("$b" "$@" 2>&1 >/dev/null | grep -o '[0-9.]* ms' | head -1)"
done | python3 -c "
import statistics, sys
runs = {}
for line in sys.stdin:
    k, v, _ = line.split()
    runs.setdefault(k, []).append(float(v))
names = {'A': sys.argv[1], 'B': sys.argv[2]}
for k in sorted(runs):
    v = sorted(runs[k])
    print('%s: fastest %.1f ms, median %.1f ms, runs %s' % (names[k], v[0], statistics.median(v), v))
" "$a" "$b"
