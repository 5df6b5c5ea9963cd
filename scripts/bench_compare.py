#!/usr/bin/env python3
"""Run the bench/ workloads side by side under pymm and CPython.

usage: scripts/bench_compare.py [--pymm PATH] [--python CMD] [--repeat N] [--only NAME]...
                                [--cpu] [--timeout S] [--list] [--json FILE] [--markdown]
                                [--strict] [--no-time]

Each workload (bench/*.py) runs N times (default 3) under each interpreter,
alternately (python3, pymm, python3, pymm, ...), so machine noise hits both
the same way; the minimum time of each is kept. The outputs of the two
interpreters must be equal (every workload prints a checksum line). Prints a
table (workload | python3 s | pymm s | ratio pymm/python3 | output match |
peak RSS of each) and the geometric mean of the ratios over the workloads
that ran correctly (both ran, same output).

Peak RSS is measured per run with GNU /usr/bin/time (%M) when present (the
interpreter then runs as time's child, so its maxrss is its own); otherwise,
or with --no-time, from the child's os.wait4() rusage, whose ru_maxrss on
Linux never reads below the RSS of this script at fork time (~15 MB). The
largest value over the N runs is shown.

Exit status: 0 when the table was produced, even if some workloads failed or
differed (they are listed at the end); with --strict, 1 in that case. 2 when
the pymm binary, the reference interpreter or an --only name is not found.
--cpu measures each child's user+sys CPU time instead of wall time (more
stable on a loaded machine). --json FILE also writes the results as JSON;
--markdown also prints the table as Markdown (for BENCHMARKS.md).
"""
import argparse
import glob
import json
import math
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")


def workloads():
    return sorted(os.path.splitext(os.path.basename(p))[0]
                  for p in glob.glob(os.path.join(BENCH, "*.py"))
                  if not os.path.basename(p).startswith("_"))


class Run:
    """One finished run: wall and CPU seconds, peak RSS (KiB), output or error."""

    def __init__(self, ok, wall=None, cpu=None, maxrss_kib=None, out=b"", error=None):
        self.ok, self.wall, self.cpu, self.maxrss_kib = ok, wall, cpu, maxrss_kib
        self.out, self.error = out, error


GNU_TIME = "/usr/bin/time"


def have_gnu_time():
    if not os.access(GNU_TIME, os.X_OK):
        return False
    try:
        p = subprocess.run([GNU_TIME, "--version"], stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return False
    return b"GNU" in p.stdout


def run_once(cmd, script, timeout, use_time):
    """Run `cmd script` in bench/. With GNU time (use_time), the interpreter is a
    grandchild of this script and time's %M is its own peak RSS. Without it, the
    child's rusage from os.wait4() is used, whose ru_maxrss on Linux starts from
    this (forking) Python process's RSS, about 15 MB, so small peaks read as that."""
    argv = shlex.split(cmd) + [script]
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONIOENCODING="utf-8")
    with tempfile.TemporaryFile() as fout, tempfile.TemporaryFile() as ferr, \
            tempfile.NamedTemporaryFile(prefix="bench_time_") as ftime:
        if use_time:
            argv = [GNU_TIME, "-o", ftime.name, "-f", "%M %U %S"] + argv
        t0 = time.perf_counter()
        p = subprocess.Popen(argv, cwd=BENCH, env=env, stdin=subprocess.DEVNULL,
                             stdout=fout, stderr=ferr, start_new_session=True)
        timed_out = []

        def kill():
            timed_out.append(True)
            try:
                os.killpg(p.pid, 9)  # the whole group: time and the interpreter
            except OSError:
                pass

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            while True:
                try:
                    _, status, ru = os.wait4(p.pid, 0)
                    break
                except InterruptedError:
                    continue
        finally:
            timer.cancel()
        t1 = time.perf_counter()
        rc = p.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        fout.seek(0)
        ferr.seek(0)
        out, err = fout.read(), ferr.read()
        cpu = ru.ru_utime + ru.ru_stime
        rss = ru.ru_maxrss  # KiB on Linux
        if use_time:
            lines = open(ftime.name, "rb").read().decode("utf-8", "replace").strip().splitlines()
            try:
                m, u, s = lines[-1].split()
                rss, cpu = int(m), float(u) + float(s)
            except (IndexError, ValueError):
                pass
            for line in lines[:-1]:
                if line.startswith("Command terminated by signal "):
                    rc = -int(line.split()[-1])
    if timed_out:
        return Run(False, error="timeout after %gs" % timeout, maxrss_kib=None)
    if rc != 0:
        lines = err.decode("utf-8", "replace").strip().splitlines()
        what = ("killed by signal %d" % -rc) if rc < 0 else "exit %d" % rc
        return Run(False, wall=t1 - t0, cpu=cpu, maxrss_kib=rss, out=out,
                   error="%s: %s" % (what, " | ".join(lines[-3:]) if lines else "(no stderr)"))
    return Run(True, wall=t1 - t0, cpu=cpu, maxrss_kib=rss, out=out)


class Result:
    """The N runs of one interpreter on one workload."""

    def __init__(self):
        self.best = None      # min time (wall or cpu)
        self.maxrss = None    # max peak RSS over the runs, KiB
        self.out = None
        self.error = None

    def add(self, run, use_cpu):
        if self.error:
            return
        if not run.ok:
            self.error = run.error
            return
        if self.out is not None and run.out != self.out:
            self.error = "output differs between repetitions"
            return
        self.out = run.out
        t = run.cpu if use_cpu else run.wall
        self.best = t if self.best is None else min(self.best, t)
        self.maxrss = run.maxrss_kib if self.maxrss is None else max(self.maxrss, run.maxrss_kib)


def measure_pair(cmds, script, n, timeout, use_cpu, use_time):
    """Run the interpreters alternately n times; a failed interpreter is not run again."""
    res = [Result() for _ in cmds]
    for _ in range(n):
        for i, cmd in enumerate(cmds):
            if res[i].error is None:
                res[i].add(run_once(cmd, script, timeout, use_time), use_cpu)
    return res


def fmt_t(t):
    return "-" if t is None else "%.3f" % t


def fmt_mb(kib):
    return "-" if kib is None else "%.1f" % (kib / 1024.0)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pymm", default=os.path.join(ROOT, "target", "release", "pymm"),
                    help="pymm interpreter (path or command line; default target/release/pymm)")
    ap.add_argument("--python", default="python3", help="reference interpreter (default python3)")
    ap.add_argument("-n", "--repeat", type=int, default=3, help="runs per interpreter (default 3)")
    ap.add_argument("--only", action="append", default=[],
                    help="run only this workload (repeatable, or comma separated)")
    ap.add_argument("--cpu", action="store_true", help="measure child CPU time, not wall time")
    ap.add_argument("--timeout", type=float, default=300, help="seconds per run (default 300)")
    ap.add_argument("--list", action="store_true", help="list the workloads and exit")
    ap.add_argument("--json", metavar="FILE", help="also write the results to FILE as JSON")
    ap.add_argument("--markdown", action="store_true", help="also print the table as Markdown")
    ap.add_argument("--no-time", action="store_true",
                    help="do not wrap the runs in /usr/bin/time (peak RSS from wait4 instead)")
    ap.add_argument("--strict", action="store_true",
                    help="exit 1 if a workload failed or the outputs differ")
    a = ap.parse_args()

    names = workloads()
    if a.list:
        print("\n".join(names))
        return 0
    if a.only:
        wanted = [w.strip().removesuffix(".py") for o in a.only for w in o.split(",") if w.strip()]
        unknown = [w for w in wanted if w not in names]
        if unknown:
            print("unknown workload(s): %s (have: %s)" % (", ".join(unknown), ", ".join(names)))
            return 2
        names = [n for n in names if n in wanted]
    if a.repeat < 1:
        print("--repeat must be at least 1")
        return 2

    exe = shlex.split(a.pymm)[0] if a.pymm.strip() else ""
    if not exe or not (os.path.isfile(exe) or shutil.which(exe)):
        print("pymm binary not found: %s" % (a.pymm or "(empty)"))
        print("build it first (cargo build --release) or pass --pymm PATH")
        return 2
    if not shutil.which(shlex.split(a.python)[0]):
        print("reference interpreter not found: %s" % a.python)
        return 2

    use_time = not a.no_time and have_gnu_time()
    unit = "cpu s" if a.cpu else "s"
    print("%d repetition(s) each, alternating; min %s; peak RSS = max over the runs (%s)" % (
        a.repeat, "CPU time (user+sys)" if a.cpu else "wall time",
        "GNU time %M" if use_time else "wait4 ru_maxrss, floor = this script's RSS"))
    print("python3 = %s ; pymm = %s" % (a.python, a.pymm))
    cols = ("workload", "python3 " + unit, "pymm " + unit, "ratio (pymm/python3)",
            "output match", "python3 RSS MB", "pymm RSS MB")
    fmt = "%-14s | %13s | %13s | %20s | %-12s | %14s | %11s"
    header = fmt % cols
    print(header)
    print("-" * len(header))
    ratios, rows, problems = [], [], []
    for name in names:
        script = name + ".py"
        rp, rm = measure_pair([a.python, a.pymm], script, a.repeat, a.timeout, a.cpu, use_time)
        row = {"workload": name, "python3": rp.best, "pymm": rm.best, "ratio": None,
               "python3_maxrss_kib": rp.maxrss, "pymm_maxrss_kib": rm.maxrss}
        if rp.error or rm.error:
            why = "; ".join(("%s: %s" % (who, r.error)) for who, r in (("python3", rp), ("pymm", rm)) if r.error)
            row.update(status="failed", error=why)
            match = "FAILED"
            problems.append("%s: %s\n    command: cd bench && %s %s" % (
                name, why, a.pymm if rm.error else a.python, script))
        else:
            same = rp.out == rm.out
            row["ratio"] = rm.best / rp.best if rp.best > 0 else float("inf")
            row["status"] = "ok" if same else "mismatch"
            match = "yes" if same else "NO"
            if same:  # a wrong answer does not count towards the mean
                ratios.append(row["ratio"])
            else:
                problems.append("%s: outputs differ\n    python3: %r\n    pymm:    %r" % (
                    name, rp.out.decode("utf-8", "replace").strip()[:300],
                    rm.out.decode("utf-8", "replace").strip()[:300]))
        row["match"] = match
        rows.append(row)
        print(fmt % (name, fmt_t(rp.best), fmt_t(rm.best),
                     "-" if row["ratio"] is None else "%.2f" % row["ratio"], match,
                     fmt_mb(rp.maxrss), fmt_mb(rm.maxrss)))
        sys.stdout.flush()
    print("-" * len(header))
    gm = None
    if ratios:
        gm = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        print("geometric mean of ratios (pymm/python3) over %d of %d workload(s): %.3f" % (
            len(ratios), len(names), gm))
    else:
        print("geometric mean: n/a (no workload ran correctly)")
    if problems:
        print("%d workload(s) failed or produced different output:" % len(problems))
        for p in problems:
            print("  " + p)
    if a.markdown:
        print()
        print("| workload | python3 %s | pymm %s | ratio (pymm/python3) | output match | python3 peak RSS (MB) | pymm peak RSS (MB) |" % (unit, unit))
        print("|---|---:|---:|---:|:---:|---:|---:|")
        for r in rows:
            print("| %s | %s | %s | %s | %s | %s | %s |" % (
                r["workload"], fmt_t(r["python3"]), fmt_t(r["pymm"]),
                "-" if r["ratio"] is None else "%.2f" % r["ratio"], r["match"],
                fmt_mb(r["python3_maxrss_kib"]), fmt_mb(r["pymm_maxrss_kib"])))
        if gm is not None:
            print("| **geometric mean** (%d workloads) | | | **%.2f** | | | |" % (len(ratios), gm))
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"pymm": a.pymm, "python": a.python, "repeat": a.repeat,
                       "measure": "cpu" if a.cpu else "wall", "results": rows,
                       "geomean": gm, "failures": len(problems)}, f, indent=2)
            f.write("\n")
    return 1 if (problems and a.strict) else 0


if __name__ == "__main__":
    sys.exit(main())
