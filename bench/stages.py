#!/usr/bin/env python3
"""Where a cityscore build spends its time, from a `perf record -g` profile.

    perf script -i perf.data -F tid,time,period,ip,sym | swift demangle --simplified | stages.py [--top N] [--timeline S]

Every sample (any thread) is put in one pipeline stage by the functions on its call stack (the first
rule below that matches any frame wins). Prints:
  - per stage: share of CPU samples, and an estimate of wall time: the run is cut into 10 ms slices,
    each slice belongs to the stage most of its samples are in (a slice without samples, e.g. waiting
    for the disk, to the stage before it), and "cores" is CPU samples / (wall slices x rate), the
    average number of busy cores in that stage;
  - the functions with the largest inclusive and self share of all samples.
"""

import argparse
import collections
import re
import sys

# (stage, substrings of a demangled frame); order matters: the first stage with a matching frame wins.
STAGES = [
    ("write: files (Staging, OutputWriter)", ["OutputWriter.write", "Staging.write", "Staging.commit"]),
    ("render: Markdown (cmark)", ["renderMarkdown", "MarkdownRenderer", "CmarkConverter"]),
    ("render: charts", ["ChartBuilder", "ChartFigure"]),
    ("render: page contexts (Contexts)", ["Contexts."]),
    ("render: templates (Templating)", ["TemplateLibrary.render", "TemplateRenderer.render", "Templates.render"]),
    ("render: compile templates", ["Templates.compile", "TemplateLibrary.compile"]),
    ("render: city JSON (DataFiles.cityJSON)", ["DataFiles.cityJSON"]),
    ("render: results.csv / framework.csv", ["DataFiles.resultsCSV", "DataFiles.frameworkCSV"]),
    ("render: rest (pageList, sitemap, sort)", ["SiteRenderer."]),
    ("read: CSV (CSVReader)", ["CSVReader"]),
    ("read: rest (files, YAML, theme)", ["SiteReader.", "FrontMatter", "ThemeSource"]),
    ("validate: results (ResultsValidator)", ["ResultsValidator"]),
    ("validate: rest", ["SiteValidator.", "TargetsValidator", "DocumentValidator"]),
    ("score (Scorer)", ["Scorer."]),
    ("pipeline: String -> OutputFile bytes", ["Pipeline.render"]),
    ("pipeline: rest (report, free)", ["Pipeline.run", "Build.run"]),
    # perf cannot always unwind from the kernel through Glibc's open/write back into Swift: file
    # creation and writing whose caller was lost still belong to the write stage.
    ("write: files, caller not unwound (kernel)", ["__ext4_new_inode", "ext4_create", "do_filp_open", "vfs_write",
                                                    "do_mkdirat"]),
]
OTHER = "outside the pipeline (start-up, exit, runtime)"

HEADER = re.compile(r"^\s*(\d+)\s+(\d+\.\d+):\s*(\d+)?")


def clean(frame):
    frame = frame.strip()
    # "7f3c... symbol+0x12 (dso)" -> "symbol"
    parts = frame.split(None, 1)
    if len(parts) == 2 and re.fullmatch(r"[0-9a-f]+", parts[0]):
        frame = parts[1]
    frame = re.sub(r"\s+\([^()]*\)$", "", frame)  # (dso)
    frame = re.sub(r"\+0x[0-9a-f]+$", "", frame)
    frame = frame.replace(" (inlined)", "")
    return frame


def samples(lines):
    """(thread id, time, CPU seconds or None, frames leaf first) of each sample of
    `perf script -F tid,time[,period],ip,sym` (the period of a cpu-clock sample is in nanoseconds)."""
    tid, t, w, stack = None, None, None, []
    for line in lines:
        line = line.rstrip("\n")
        if not line.strip():
            continue
        m = None if line.startswith(("\t", " " * 8)) else HEADER.match(line)
        if m:
            if tid is not None:
                yield tid, t, w, stack
            tid, t, stack = int(m.group(1)), float(m.group(2)), []
            w = int(m.group(3)) / 1e9 if m.group(3) else None
        elif tid is not None:
            stack.append(clean(line))
    if tid is not None:
        yield tid, t, w, stack


def stage_of(stack):
    for name, patterns in STAGES:
        for frame in stack:
            for p in patterns:
                if p in frame:
                    return name
    return OTHER


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rate", type=float, default=499,
                    help="perf record -F, used only when the samples carry no period")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--slice", type=float, default=0.01)
    ap.add_argument("--stage", action="append", default=[], metavar="TEXT",
                    help="also list the top functions inside the stages whose name contains TEXT")
    ap.add_argument("--rss", metavar="TSV", help="rss_poll.py samples (CLOCK_MONOTONIC, KiB), for the timeline "
                    "and the peak; the profile must be recorded with perf record -k mono")
    ap.add_argument("--timeline", type=float, default=0, metavar="SECONDS",
                    help="also print, per slice of this length, the busy cores and the main stage")
    a = ap.parse_args()

    total = 0
    by_stage = collections.Counter()
    inclusive = collections.Counter()
    self_ = collections.Counter()
    slices = collections.defaultdict(collections.Counter)
    within = collections.defaultdict(collections.Counter)
    within_total = collections.Counter()
    timeline = collections.defaultdict(collections.Counter)
    t0 = None
    t1 = None
    for tid, t, w, stack in samples(sys.stdin):
        if not stack:
            continue
        w = w if w else 1 / a.rate
        total += w
        st = stage_of(stack)
        by_stage[st] += w
        for f in set(stack):
            inclusive[f] += w
        self_[stack[0]] += w
        for want in a.stage:
            if want in st:
                within_total[want] += w
                for f in set(stack):
                    within[want][f] += w
        t0 = t if t0 is None else min(t0, t)
        t1 = t if t1 is None else max(t1, t)
        slices[int(t / a.slice)][st] += w
        if a.timeline:
            timeline[int(t / a.timeline)][st] += w
    if not total:
        sys.exit("no samples")

    wall = collections.Counter()
    first, last = int(t0 / a.slice), int(t1 / a.slice)
    current = OTHER
    for s in range(first, last + 1):
        if slices.get(s):
            current = slices[s].most_common(1)[0][0]
        wall[current] += 1
    wall_total = (last - first + 1) * a.slice
    order = [n for n, _ in STAGES] + [OTHER]

    print("%.2f CPU s sampled over %.2f s wall (%.2f cores busy on average)" % (total, wall_total, total / wall_total))
    print()
    print("%-44s %7s %8s %8s %6s" % ("stage", "CPU %", "wall s", "wall %", "cores"))
    print("-" * 78)
    for n in order:
        if not by_stage[n] and not wall[n]:
            continue
        w = wall[n] * a.slice
        print("%-44s %6.1f%% %8.2f %7.1f%% %6.2f" % (
            n, 100 * by_stage[n] / total, w, 100 * w / wall_total, by_stage[n] / w if w else 0))
    rss = []
    if a.rss:
        with open(a.rss) as f:
            rss = [(float(x), int(y)) for x, y in (line.split() for line in f if line.strip())]
        peak_t, peak = max(rss, key=lambda r: r[1]) if rss else (0, 0)
        stage_at_peak = slices.get(int(peak_t / a.slice))
        print()
        print("peak RSS %.0f MiB at %.2f s (stage there: %s)" % (
            peak / 1024, peak_t - t0, stage_at_peak.most_common(1)[0][0] if stage_at_peak else "-"))
    if a.timeline:
        print()
        print("timeline (busy cores = CPU seconds sampled in the slice / its length; RSS = largest in the slice):")
        for s in range(int(t0 / a.timeline), int(t1 / a.timeline) + 1):
            c = timeline.get(s, collections.Counter())
            n = sum(c.values())
            top = ", ".join("%s %d%%" % (k.split(" (")[0], 100 * v / n) for k, v in c.most_common(2)) if n else "-"
            r = [kib for t, kib in rss if s * a.timeline <= t < (s + 1) * a.timeline]
            print("  %6.2f s  %4.2f cores  %s  %s" % (
                s * a.timeline - t0, n / a.timeline, ("%5.0f MiB" % (max(r) / 1024)) if r else "", top))
    print()
    print("top functions, inclusive (share of all samples, any thread):")
    shown = 0
    for f, c in inclusive.most_common():
        if shown >= a.top:
            break
        if re.search(r"^(thunk|partial apply|_dispatch|start_thread|clone|__libc|_start|main$|cityscore_main|"
                     r"protocol witness for ParsableCommand|Build.run|Pipeline.run|.*CityscoreCommand.main)", f):
            continue
        if "concurrentPerform" in f or "dispatch_apply" in f or f.startswith(("do_syscall", "entry_SYSCALL")):
            continue
        shown += 1
        print("  %5.1f%%  %s" % (100 * c / total, f[:150]))
    for want in a.stage:
        print()
        print("inside the stages matching %r (%.2f CPU s), top functions inclusive:" % (want, within_total[want]))
        for f, c in within[want].most_common(a.top):
            print("  %5.1f%%  %s" % (100 * c / within_total[want], f[:150]))
    print()
    print("top functions, self:")
    for f, c in self_.most_common(a.top):
        print("  %5.1f%%  %s" % (100 * c / total, f[:150]))


if __name__ == "__main__":
    main()
