#!/usr/bin/env bash
# Runs every pymm_mem test binary under valgrind memcheck, twice:
#  - PYMM_MALLOC=malloc: every object is its own malloc block, so memcheck checks object
#    lifetimes (use after free, double free, leaks) exactly as CPython's PYTHONMALLOC=malloc;
#  - the default pymalloc mode: checks the allocator's own arena and pool handling.
# Fails (exit 1) on any memcheck error or definite leak.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "valgrind not found" >&2; exit 1; }
export PROPTEST_CASES="${PROPTEST_CASES:-16}"
bins=$(cargo test -p pymm_mem --tests --no-run --message-format=json 2>/dev/null \
  | python3 -c 'import json,sys
for l in sys.stdin:
    m = json.loads(l)
    if m.get("reason") == "compiler-artifact" and m.get("executable") and m["target"]["kind"] != ["bin"]:
        print(m["executable"])')
status=0
for mode in malloc pymalloc; do
  for b in $bins; do
    echo "== valgrind ($mode) $(basename "$b")"
    if ! PYMM_MALLOC=$mode valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite \
        --show-leak-kinds=definite "$b" --test-threads=2 -q >/tmp/pymm-valgrind.log 2>&1; then
      cat /tmp/pymm-valgrind.log
      status=1
    else
      grep -E "test result" /tmp/pymm-valgrind.log || true
    fi
  done
done
exit $status
