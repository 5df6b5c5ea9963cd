#!/bin/sh
# Regenerate tests/corpus expected files (X.out / X.err / X.code) with CPython.
exec python3 "$(dirname "$0")/corpus_record.py" --interp "${PYTHON:-python3}" "$@"
