#!/usr/bin/env bash
# Run every example under CPython 3.11 and under pymm and compare the results
# (stdout, stderr and exit status). Exit status 1 if any example differs.
#
#   examples/check.sh                      # all examples
#   examples/check.sh tour seed_001        # only names containing one of these words
#   PYMM=path/to/pymm PYTHON=python3.11 examples/check.sh
set -u

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
PYTHON="${PYTHON:-python3}"
PYMM="${PYMM:-$root/target/release/pymm}"

if [ ! -x "$PYMM" ]; then
    echo "pymm not found at $PYMM (run 'cargo build --release' or set PYMM)" >&2
    exit 2
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

cd "$root"
pass=0
fail=0
for script in examples/*.py; do
    name="$(basename "$script" .py)"
    if [ $# -gt 0 ]; then
        wanted=0
        for word in "$@"; do
            case "$name" in *"$word"*) wanted=1 ;; esac
        done
        [ "$wanted" = 1 ] || continue
    fi
    "$PYTHON" "$script" >"$tmp/py.out" 2>"$tmp/py.err"; py_rc=$?
    "$PYMM" "$script" >"$tmp/mm.out" 2>"$tmp/mm.err"; mm_rc=$?
    if cmp -s "$tmp/py.out" "$tmp/mm.out" && cmp -s "$tmp/py.err" "$tmp/mm.err" && [ "$py_rc" = "$mm_rc" ]; then
        echo "ok    $script"
        pass=$((pass + 1))
    else
        echo "FAIL  $script"
        diff -u --label "python3 stdout" --label "pymm stdout" "$tmp/py.out" "$tmp/mm.out" | head -40
        diff -u --label "python3 stderr" --label "pymm stderr" "$tmp/py.err" "$tmp/mm.err" | head -20
        [ "$py_rc" = "$mm_rc" ] || echo "      exit status: python3 $py_rc, pymm $mm_rc"
        fail=$((fail + 1))
    fi
done

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
