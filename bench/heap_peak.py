#!/usr/bin/env python3
"""Groups heaptrack's peak-memory stacks by pipeline stage.

    heaptrack -o heap cityscore build --site SITE --output OUT
    heaptrack_print -f heap.zst --print-peaks 0 --print-allocators 0 --print-temporary 0 --print-leaks 0 \\
        -F peak.txt --flamegraph-cost-type peak
    swift demangle --simplified < peak.txt | heap_peak.py

Prints the heap in use at the moment of the peak, split by the first rule below that matches a frame of
the allocating call stack.
"""

import collections
import sys

RULES = [
    ("CSVReader.read: CSV tables (records, fields, positions)", "CSVReader.read"),
    ("OutputFile.init: copy of each page String into [UInt8]", "OutputFile.init"),
    ("charts: SVG text (ChartBuilder)", "ChartBuilder"),
    ("templates: rendered page Strings", "TemplateRenderer.render"),
    ("DataFiles.cityJSON: JSON text", "DataFiles.cityJSON"),
    ("DataFiles.resultsCSV: CSV text", "DataFiles.resultsCSV"),
    ("ResultsValidator: observations", "ResultsValidator"),
    ("TargetsValidator", "TargetsValidator"),
    ("SiteValidator: sorted copies", "SiteValidator"),
    ("Scorer: scorecards", "Scorer"),
    ("Contexts: template contexts", "Contexts."),
    ("SiteRenderer: other", "SiteRenderer"),
    ("OutputWriter", "OutputWriter"),
    ("SiteReader: other", "SiteReader"),
]


def main():
    total = 0
    by = collections.Counter()
    for line in sys.stdin:
        stack, _, cost = line.rstrip("\n").rpartition(" ")
        if not cost.isdigit():
            continue
        cost = int(cost)
        total += cost
        for name, pattern in RULES:
            if pattern in stack:
                by[name] += cost
                break
        else:
            by["other"] += cost
    print("heap in use at the peak: %.1f MiB" % (total / 2**20))
    for name, cost in by.most_common():
        if cost / total >= 0.001:
            print("  %-58s %8.1f MiB %5.1f%%" % (name, cost / 2**20, 100 * cost / total))


if __name__ == "__main__":
    main()
