#!/usr/bin/env python3
"""Edit-to-rebuilt latency of `cityscore serve` on a copy of the demo site.

    serve_latency.py CITYSCORE REPO_ROOT WORKDIR [--edits 5] [--site SITE --edit FILE --url PATH]

Copies the demo site (Content/ and Themes/ of the repository) into WORKDIR, starts
`cityscore serve --site WORKDIR --port P` on 127.0.0.1, waits for the first page, then edits
Content/pages/about.md several times (a unique marker appended each time) and polls /about/ until the
marker is served. Prints two medians, in milliseconds: the rebuild time the server reports ("rebuilt in
N ms", the issue's target) and the time from the write to the first response holding the marker (the
watcher's quiet period + the rebuild + one poll, every 2 ms).
With --site, SITE (a generated site: its Content/, and Themes/ if any) is copied instead, FILE (relative
to it) is edited and PATH polled: a Markdown file gets the marker appended, a CSV file gets it at the
end of the last row's source (with --field value: the last numeric row's value is changed
instead, which changes the city's scores), a template (Themes/default/templates/NAME.mustache, copied from the
repository's theme when the site has none) gets it as a Mustache comment, and the edit counts once the
server reports a new rebuild (and, for Markdown, once PATH shows the marker).
With --initial, a third figure is printed: the first build's time the server reports ("built N pages
in M ms"), the full build a template edit is compared with.
Only 127.0.0.1 is contacted; the server is stopped at the end.
"""

import argparse
import csv
import io
import os
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            return r.read().decode("utf-8", "replace")
    except Exception:
        return None


def is_number(text):
    try:
        float(text)
        return True
    except ValueError:
        return False


def main():
    p = argparse.ArgumentParser()
    p.add_argument("cityscore")
    p.add_argument("root")
    p.add_argument("work")
    p.add_argument("--edits", type=int, default=5)
    p.add_argument("--site", help="a site to copy instead of the demo")
    p.add_argument("--edit", default="Content/pages/about.md", help="the file edited, relative to the site")
    p.add_argument("--url", default="/about/", help="the page polled for the marker")
    p.add_argument("--initial", action="store_true", help="also print the first build's milliseconds")
    p.add_argument("--field", choices=("source", "value"), default="source",
                   help="what a CSV edit changes: a row's source (the scores stay) or its value")
    a = p.parse_args()
    shutil.rmtree(a.work, ignore_errors=True)
    os.makedirs(a.work)
    source = a.site or a.root
    for folder in ("Content", "Themes"):
        if os.path.isdir(os.path.join(source, folder)):
            shutil.copytree(os.path.join(source, folder), os.path.join(a.work, folder))
    page = os.path.join(a.work, a.edit)
    is_csv = page.endswith(".csv")
    is_template = page.endswith(".mustache")
    if is_template and not os.path.exists(page):
        os.makedirs(os.path.dirname(page), exist_ok=True)
        shutil.copyfile(os.path.join(a.root, a.edit), page)
    port = free_port()
    server = subprocess.Popen([a.cityscore, "serve", "--site", a.work, "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=sys.stderr, text=True)
    rebuilds = []
    initial = []

    def read_output():
        for line in server.stdout:
            sys.stderr.write("serve: " + line)
            words = line.split()
            if line.startswith("rebuilt in ") and len(words) >= 3 and words[2].isdigit():
                rebuilds.append(int(words[2]))
            if line.startswith("built ") and len(words) >= 5 and words[4].isdigit():
                initial.append(int(words[4]))

    threading.Thread(target=read_output, daemon=True).start()
    try:
        url = "http://127.0.0.1:%d%s" % (port, a.url)
        deadline = time.monotonic() + 120
        while get(url) is None:
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("serve did not answer on %s" % url)
            time.sleep(0.05)
        with open(page, encoding="utf-8") as f:
            original = f.read()
        times = []
        for i in range(a.edits):
            time.sleep(0.5)
            marker = "benchmark-marker-%d-%d" % (os.getpid(), i)
            if is_template:
                text = original + "{{! %s }}\n" % marker
            elif is_csv:
                rows = list(csv.reader(io.StringIO(original)))
                if a.field == "value":
                    numeric = [r for r in rows[1:] if is_number(r[4])]
                    numeric[-1][4] = "%.2f" % (float(numeric[-1][4]) + 1 + i)
                else:
                    rows[-1][6] += " " + marker
                buf = io.StringIO()
                csv.writer(buf, lineterminator="\n").writerows(rows)
                text = buf.getvalue()
            else:
                text = original + "\n\n" + marker + "\n"
            seen = len(rebuilds)
            start = time.perf_counter()
            with open(page, "w", encoding="utf-8") as f:
                f.write(text)
            deadline = time.monotonic() + 60
            while True:
                if len(rebuilds) > seen:
                    markdown = not (is_csv or is_template)
                    body = get(url) if markdown else ""
                    if body is not None and (not markdown or marker in body):
                        break
                if time.monotonic() > deadline:
                    raise SystemExit("the edit did not reach %s within 60 s" % url)
                time.sleep(0.002)
            times.append((time.perf_counter() - start) * 1000)
        time.sleep(0.2)
        sys.stderr.write("edit -> served, ms: %s\n" % ", ".join("%.0f" % t for t in times))
        sys.stderr.write("rebuilt in, ms (server): %s\n" % ", ".join(str(r) for r in rebuilds))
        if not rebuilds:
            raise SystemExit("the server printed no \"rebuilt in N ms\" line")
        figures = [statistics.median(rebuilds), statistics.median(times)]
        if a.initial:
            figures.append(initial[0] if initial else float("nan"))
        print(" ".join("%.1f" % f for f in figures))
    finally:
        server.terminate()
        try:
            server.wait(timeout=5)
        except subprocess.TimeoutExpired:
            server.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
