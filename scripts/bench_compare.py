#!/usr/bin/env python3
"""Run the bench/ workloads side by side under pymm and CPython.

usage: scripts/bench_compare.py [--pymm PATH] [--python CMD] [-n N] [--only NAME]...
                                [--cpu] [--timeout S] [--list] [--json FILE]

Each workload (bench/*.py) runs N times (default 3) under each interpreter;
the minimum time is kept. The outputs of the two interpreters must be equal
(every workload prints a checksum). Prints a table (workload, python3 s,
pymm s, ratio pymm/python3) and the geometric mean of the ratios (workloads
whose outputs differ are excluded from the mean).
Exit status: 0 ok, 1 an output mismatch or a failed run, 2 pymm not found.
--cpu measures the children's user+sys CPU time instead of wall time (more
stable on a loaded machine). --json FILE also writes the results as JSON.
"""
import argparse
import glob
import json
import math
import os
import resource
import shlex
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")


def workloads():
    return sorted(os.path.splitext(os.path.basename(p))[0]
                  for p in glob.glob(os.path.join(BENCH, "*.py"))
                  if not os.path.basename(p).startswith("_"))


def run_once(cmd, script, timeout, cpu):
    argv = shlex.split(cmd) + [script]
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONIOENCODING="utf-8")
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    try:
        p = subprocess.run(argv, cwd=BENCH, env=env, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "timeout after %ss" % timeout
    t1 = time.perf_counter()
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode != 0:
        err = p.stderr.decode("utf-8", "replace").strip().splitlines()
        return None, "exit %d: %s" % (p.returncode, err[-1] if err else "")
    elapsed = ((r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)) if cpu else (t1 - t0)
    return elapsed, p.stdout


def measure_pair(cmds, script, n, timeout, cpu):
    """Run the interpreters alternately n times (interleaving spreads machine
    noise evenly); return [(best_time or None, output_or_error), ...]."""
    best = [None] * len(cmds)
    outs = [None] * len(cmds)
    failed = [None] * len(cmds)
    for _ in range(n):
        for i, cmd in enumerate(cmds):
            if failed[i]:
                continue
            t, res = run_once(cmd, script, timeout, cpu)
            if t is None:
                failed[i] = res
                continue
            if outs[i] is not None and res != outs[i]:
                failed[i] = "output differs between repetitions"
                continue
            outs[i] = res
            best[i] = t if best[i] is None else min(best[i], t)
    return [(None, failed[i]) if failed[i] else (best[i], outs[i]) for i in range(len(cmds))]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pymm", default=os.path.join(ROOT, "target", "release", "pymm"),
                    help="pymm interpreter (path or command line)")
    ap.add_argument("--python", default="python3", help="reference interpreter")
    ap.add_argument("-n", "--repeat", type=int, default=3)
    ap.add_argument("--only", action="append", default=[],
                    help="run only this workload (repeatable, or comma separated)")
    ap.add_argument("--cpu", action="store_true", help="measure child CPU time, not wall time")
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("--list", action="store_true", help="list the workloads and exit")
    ap.add_argument("--json", metavar="FILE", help="also write the results to FILE as JSON")
    a = ap.parse_args()

    names = workloads()
    if a.list:
        print("\n".join(names))
        return 0
    if a.only:
        wanted = [w.strip() for o in a.only for w in o.split(",") if w.strip()]
        unknown = [w for w in wanted if w not in names]
        if unknown:
            print("unknown workload(s): %s (have: %s)" % (", ".join(unknown), ", ".join(names)))
            return 2
        names = [n for n in names if n in wanted]

    exe = shlex.split(a.pymm)[0] if a.pymm.strip() else ""
    if not exe or not (os.path.isfile(exe) or shutil.which(exe)):
        print("pymm binary not found: %s" % (a.pymm or "(empty)"))
        print("build it first (cargo build --release) or pass --pymm PATH")
        return 2
    if not shutil.which(shlex.split(a.python)[0]):
        print("reference interpreter not found: %s" % a.python)
        return 2

    unit = "cpu s" if a.cpu else "s"
    print("%d repetition(s), min %s; pymm = %s" % (a.repeat, "CPU time" if a.cpu else "wall time", a.pymm))
    header = "%-16s %12s %12s %8s  %s" % ("workload", "python3 " + unit, "pymm " + unit, "ratio", "output")
    print(header)
    print("-" * len(header))
    ratios, failures = [], 0
    rows = []
    for name in names:
        script = name + ".py"
        (tp, outp), (tm, outm) = measure_pair([a.python, a.pymm], script, a.repeat, a.timeout, a.cpu)
        if tp is None or tm is None:
            failures += 1
            why = ("python3: " + outp) if tp is None else ("pymm: " + outm)
            rows.append({"workload": name, "python3": tp, "pymm": tm, "ratio": None, "status": "failed", "error": why})
            print("%-16s %12s %12s %8s  FAILED (%s)" % (
                name, "%.3f" % tp if tp is not None else "-", "%.3f" % tm if tm is not None else "-", "-", why))
            continue
        same = outp == outm
        if not same:
            failures += 1
        ratio = tm / tp if tp > 0 else float("inf")
        if same:  # a wrong answer does not count towards the mean
            ratios.append(ratio)
        rows.append({"workload": name, "python3": tp, "pymm": tm, "ratio": ratio,
                     "status": "ok" if same else "mismatch"})
        print("%-16s %12.3f %12.3f %8.2f  %s" % (name, tp, tm, ratio, "ok" if same else "MISMATCH"))
        if not same:
            print("    python3: %r" % outp.decode("utf-8", "replace").strip()[:200])
            print("    pymm:    %r" % outm.decode("utf-8", "replace").strip()[:200])
        sys.stdout.flush()
    print("-" * len(header))
    gm = None
    if ratios:
        gm = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        print("geometric mean of ratios (pymm/python3) over %d workload(s): %.3f" % (len(ratios), gm))
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"pymm": a.pymm, "python": a.python, "repeat": a.repeat,
                       "measure": "cpu" if a.cpu else "wall", "results": rows,
                       "geomean": gm, "failures": failures}, f, indent=2)
            f.write("\n")
    if failures:
        print("%d workload(s) failed or produced different output" % failures)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
