"""Shared helpers for scripts/corpus_record.py and scripts/corpus_check.py.

Layout: tests/corpus/**/X.py is a test (helper modules and helper packages, which
are directories, start with ``_mod_``).
Expected files beside it: X.out (stdout, exact bytes), X.err (last non-empty
line of stderr, or empty) and X.code (exit status, decimal).
Each script is run with the current directory set to tests/corpus and the
script path relative to it (``X.py`` or ``wishlist/X.py``); PYTHONPATH points
at tests/corpus so scripts moved into a subdirectory still find ``_mod_*``.
"""
import os
import shlex
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "tests", "corpus")
TIMEOUT = 30


def list_scripts(corpus=CORPUS):
    out = []
    for dirpath, dirnames, filenames in os.walk(corpus):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith((".", "__", "_mod_")))
        for fn in sorted(filenames):
            if fn.endswith(".py") and not fn.startswith("_mod_"):
                out.append(os.path.relpath(os.path.join(dirpath, fn), corpus))
    return sorted(out)


def child_env():
    env = dict(os.environ)
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONUTF8"] = "1"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONPATH"] = CORPUS
    # Third-party pure-Python packages some scripts compare with (objgraph): a
    # directory holding them, for recording with CPython (pymm ships its own).
    extra = os.environ.get("PYMM_CORPUS_EXTRA_PATH")
    if extra:
        env["PYTHONPATH"] = CORPUS + os.pathsep + extra
    for k in ("PYTHONSTARTUP", "PYTHONINSPECT", "PYTHONWARNINGS"):
        env.pop(k, None)
    return env


def last_line(data):
    text = data.decode("utf-8", "replace")
    lines = [l for l in text.splitlines() if l.strip()]
    return lines[-1].rstrip() if lines else ""


def run_script(interp, rel, corpus=CORPUS, timeout=TIMEOUT):
    """Run one script; return (stdout_bytes, stderr_last_line, exit_code)."""
    argv = shlex.split(interp) + [rel]
    try:
        p = subprocess.run(argv, cwd=corpus, env=child_env(), stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired as e:
        return (e.stdout or b""), "<timeout after %ss>" % timeout, -999
    return p.stdout, last_line(p.stderr), p.returncode


def expected_paths(rel, corpus=CORPUS):
    base = os.path.join(corpus, rel[:-3])
    return base + ".out", base + ".err", base + ".code"
