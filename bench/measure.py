#!/usr/bin/env python3
"""Runs one command several times and appends its figures to a TSV file.

    measure.py NAME RESULTS.tsv [--runs N] [--budget SECONDS] [--timeout SECONDS] [--clean DIR] -- COMMAND ...

Each run is one child process; wall time comes from a monotonic clock around it, user and system CPU
time and peak resident memory from that child's own rusage (wait4, what /usr/bin/time -v reports).
--clean DIR is removed before every run (outside the timing), so each run writes a fresh output folder.
After the first run, further runs are skipped once the runs so far took more than --budget seconds
(so a slow build is measured once instead of blowing the time limit). A run still going after --timeout
seconds is killed and recorded with exit status 124.

One line per run: name, run, exit status, wall s, user s, sys s, peak RSS KiB.
"""

import argparse
import os
import shutil
import subprocess
import sys
import threading
import time


def main():
    argv = sys.argv[1:]
    if "--" not in argv:
        sys.stderr.write(__doc__)
        return 2
    split = argv.index("--")
    parser = argparse.ArgumentParser()
    parser.add_argument("name")
    parser.add_argument("results")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--budget", type=float, default=60.0)
    parser.add_argument("--timeout", type=float, default=0)
    parser.add_argument("--clean")
    parser.add_argument("--stdout", help="where the command's standard output goes (default: discarded)")
    args = parser.parse_args(argv[:split])
    command = argv[split + 1:]
    spent = 0.0
    with open(args.results, "a") as results:
        for run in range(1, args.runs + 1):
            if run > 1 and spent > args.budget:
                break
            if args.clean:
                shutil.rmtree(args.clean, ignore_errors=True)
            log = open(args.results + ".%s.log" % args.name, "w")
            out = open(args.stdout, "w") if args.stdout else subprocess.DEVNULL
            start = time.perf_counter()
            child = subprocess.Popen(command, stdout=out, stderr=log)
            timer = None
            timed_out = []
            if args.timeout > 0:
                def kill():
                    timed_out.append(True)
                    child.kill()
                timer = threading.Timer(args.timeout, kill)
                timer.start()
            _, status, usage = os.wait4(child.pid, 0)
            wall = time.perf_counter() - start
            if timer:
                timer.cancel()
            child.returncode = 124 if timed_out else os.waitstatus_to_exitcode(status)
            log.close()
            if args.stdout:
                out.close()
            spent += wall
            results.write("%s\t%d\t%d\t%.4f\t%.4f\t%.4f\t%d\n" % (
                args.name, run, child.returncode, wall, usage.ru_utime, usage.ru_stime, usage.ru_maxrss))
            results.flush()
            sys.stderr.write("  %-14s run %d: %6.2f s wall, %6.2f s CPU, %7.0f MiB peak%s\n" % (
                args.name, run, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024,
                "" if child.returncode == 0 else
                "  (killed after the %g s timeout)" % args.timeout if child.returncode == 124 else
                "  (exit %d, see %s)" % (child.returncode, log.name)))
            if child.returncode != 0:
                with open(log.name) as f:
                    sys.stderr.write("".join(f.readlines()[:20]))
                break
    return 0


if __name__ == "__main__":
    sys.exit(main())
