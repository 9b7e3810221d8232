#!/usr/bin/env python3
"""Runs a command and samples the resident memory of it and its child processes.

    rss_poll.py OUT.tsv [--every SECONDS] -- COMMAND ...

Writes one line per sample: CLOCK_MONOTONIC seconds, and the summed VmRSS (KiB) of the command's
children (e.g. cityscore under `perf record -k mono`, whose timestamps use the same clock).
Exits with the command's status.
"""

import os
import subprocess
import sys
import time


def children(pid):
    out = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                out.append(int(entry))
        except (OSError, IndexError, ValueError):
            pass
    return out


def rss(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def main():
    argv = sys.argv[1:]
    if "--" not in argv or not argv or argv[0] == "--":
        sys.stderr.write(__doc__)
        return 2
    split = argv.index("--")
    out_path = argv[0]
    every = 0.05
    if "--every" in argv[:split]:
        every = float(argv[argv.index("--every") + 1])
    child = subprocess.Popen(argv[split + 1:])
    with open(out_path, "w") as out:
        while child.poll() is None:
            pids = children(child.pid) or [child.pid]
            out.write("%.4f\t%d\n" % (time.clock_gettime(time.CLOCK_MONOTONIC), sum(rss(p) for p in pids)))
            time.sleep(every)
    return child.returncode


if __name__ == "__main__":
    sys.exit(main())
