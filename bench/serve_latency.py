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
end of the last row's source, and the edit counts once the server reports a new rebuild (and, for
Markdown, once PATH shows the marker).
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


def main():
    p = argparse.ArgumentParser()
    p.add_argument("cityscore")
    p.add_argument("root")
    p.add_argument("work")
    p.add_argument("--edits", type=int, default=5)
    p.add_argument("--site", help="a site to copy instead of the demo")
    p.add_argument("--edit", default="Content/pages/about.md", help="the file edited, relative to the site")
    p.add_argument("--url", default="/about/", help="the page polled for the marker")
    a = p.parse_args()
    shutil.rmtree(a.work, ignore_errors=True)
    os.makedirs(a.work)
    source = a.site or a.root
    for folder in ("Content", "Themes"):
        if os.path.isdir(os.path.join(source, folder)):
            shutil.copytree(os.path.join(source, folder), os.path.join(a.work, folder))
    page = os.path.join(a.work, a.edit)
    is_csv = page.endswith(".csv")
    port = free_port()
    server = subprocess.Popen([a.cityscore, "serve", "--site", a.work, "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=sys.stderr, text=True)
    rebuilds = []

    def read_output():
        for line in server.stdout:
            sys.stderr.write("serve: " + line)
            words = line.split()
            if line.startswith("rebuilt in ") and len(words) >= 3 and words[2].isdigit():
                rebuilds.append(int(words[2]))

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
            if is_csv:
                rows = list(csv.reader(io.StringIO(original)))
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
                    body = "" if is_csv else get(url)
                    if body is not None and (is_csv or marker in body):
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
        print("%.1f %.1f" % (statistics.median(rebuilds), statistics.median(times)))
    finally:
        server.terminate()
        try:
            server.wait(timeout=5)
        except subprocess.TimeoutExpired:
            server.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
