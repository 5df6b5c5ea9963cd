#!/usr/bin/env bash
# Instruction counts (valgrind --tool=callgrind) of the bench/ workloads at reduced sizes,
# pymm against python3, and their ratio. Deterministic: unlike wall or CPU time it does not
# move with the machine's load, so it shows what a change to the interpreter did.
#   scripts/bench_instructions.sh                  # every interpreter workload
#   ONLY="richards nbody" scripts/bench_instructions.sh
#   PYMM=path/to/pymm scripts/bench_instructions.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "valgrind not found" >&2; exit 1; }
PYMM=${PYMM:-target/release/pymm}
# The real interpreter binary (a pyenv shim would be what valgrind counts otherwise).
PY=$(python3 -c 'import os, sys; print(os.path.realpath(sys.executable))')
declare -A SIZE=([binary_trees]=12 [dict_str]=2 [generators]=2 [list_sort]=1 [nbody]=10000
                 [richards]=2 [small_alloc]=2 [gc_collect]=40 [gc_traversal]=5)
count() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null \
    | sed -n 's/.*refs: *\([0-9,]*\).*/\1/p' | tr -d ,
}
printf '%-14s %16s %16s %8s\n' workload "pymm instr" "python3 instr" ratio
for w in ${ONLY:-binary_trees dict_str generators list_sort nbody richards small_alloc}; do
  a=$(count "$PYMM" "bench/$w.py" "${SIZE[$w]}")
  b=$(count "$PY" "bench/$w.py" "${SIZE[$w]}")
  awk -v w="$w" -v a="$a" -v b="$b" 'BEGIN { printf "%-14s %16.0f %16.0f %8.2f\n", w, a, b, a / b }'
done
