"""Checks the demo's report PDFs against the report pages they were printed from.

Usage: reports.py SITE PDFDIR. SITE is the built demo (its cities/<slug>/report/index.html and
report/index.html, and the same under nb/ for each further language); PDFDIR holds <slug>.pdf and
programme.pdf, and each further language's in its folder (nb/). Exits 1 naming every problem.
"""
import html
import html.parser
import os
import re
import subprocess
import sys

problems = []


def problem(text):
    problems.append(text)
    print("reports: " + text, file=sys.stderr)


def run(*args):
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def squash(text):
    return " ".join(text.split())


class ReportPage(html.parser.HTMLParser):
    """The title, and the KPI rows (name, value as shown) of a report page's KPI tables."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.lang = ""
        self.rows = []
        self.cities = []
        self._in_title = False
        self._in_head = True
        self._in_thead = False
        self._table = None  # class of the table we are in
        self._cell = None  # "name", "value" or None
        self._cell_index = -1
        self._skip = 0  # inside <span class="code"> / muted parts of a cell
        self._row = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang", "")
        elif tag == "title" and self._in_head:
            self._in_title = True
        elif tag == "thead":
            self._in_thead = True
        elif tag == "table":
            self._table = a.get("class", "")
        elif tag == "tr" and self._table and "kpi-table" in self._table and not self._in_thead:
            self._row = {"name": "", "value": ""}
            self._cell_index = -1
        elif tag in ("td", "th") and self._row is not None:
            self._cell_index += 1
            self._cell = {1: "name", 2: "value"}.get(self._cell_index)
        elif tag == "span" and self._cell and ("code" in a.get("class", "") or "muted" in a.get("class", "")):
            self._skip += 1
        elif tag == "span" and self._skip:
            self._skip += 1

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        elif tag == "head":
            self._in_head = False
        elif tag == "thead":
            self._in_thead = False
        elif tag == "table":
            self._table = None
        elif tag == "span" and self._skip:
            self._skip -= 1
        elif tag in ("td", "th"):
            self._cell = None
        elif tag == "tr" and self._row is not None:
            if self._row["name"].strip() and self._cell_index >= 2:
                self.rows.append({k: squash(v) for k, v in self._row.items()})
            self._row = None

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        if self._row is not None and self._cell and not self._skip:
            self._row[self._cell] += data


def objects(pdf):
    """Every object of a Skia PDF by number: its text before any stream."""
    out = {}
    for m in re.finditer(rb"(\d+) 0 obj(.*?)endobj", pdf, re.S):
        body = m.group(2)
        if b"stream" in body:
            body = body[: body.index(b"stream")]
        out[int(m.group(1))] = body.decode("latin-1")
    return out


def page_order(objs):
    catalog = next(v for v in objs.values() if "/Type /Catalog" in v)
    root = int(re.search(r"/Pages (\d+) 0 R", catalog).group(1))
    order = []

    def walk(n):
        o = objs[n]
        if "/Type /Pages" in o:
            for kid in re.findall(r"(\d+) 0 R", re.search(r"/Kids \[([^\]]*)\]", o).group(1)):
                walk(int(kid))
        else:
            order.append(n)

    walk(root)
    return {n: i + 1 for i, n in enumerate(order)}


def split_elements(path):
    """Structure elements that must stay on one page (table rows outside the header, figures)
    whose content lies on more than one page: [(kind, pages, text)]."""
    pdf = open(path, "rb").read()
    objs = objects(pdf)
    pages = page_order(objs)
    elems = {n: o for n, o in objs.items() if "/Type /StructElem" in o}

    def kind(o):
        m = re.search(r"/S /(\w+)", o)
        return m.group(1) if m else ""

    def parent(o):
        m = re.search(r"/P (\d+) 0 R", o)
        return int(m.group(1)) if m else None

    def pages_of(n, depth=0):
        o = objs.get(n, "")
        found = {pages[int(p)] for p in re.findall(r"/Pg (\d+) 0 R", o) if int(p) in pages}
        if depth > 60:
            return found
        k = re.search(r"/K (\[.*\]|\d+ 0 R|\d+)", o, re.S)
        if k:
            for child in re.findall(r"(\d+) 0 R", k.group(1)):
                c = int(child)
                if c in elems and c != n:
                    found |= pages_of(c, depth + 1)
        return found

    def is_header_row(o):
        """A row of column headers (a table's thead: Chromium tags no THead)."""
        cells = [elems.get(int(c), "") for c in re.findall(r"(\d+) 0 R", re.search(r"/K (\[[^\]]*\]|\d+ 0 R)", o).group(1))] if re.search(r"/K ", o) else []
        return bool(cells) and all(kind(c) == "TH" and "/Scope /Column" in c for c in cells)

    out = []
    for n, o in elems.items():
        k = kind(o)
        if k not in ("TR", "Figure"):
            continue
        if k == "TR" and is_header_row(o):
            continue  # the header row repeats on every page of its table
        found = pages_of(n)
        if len(found) > 1:
            out.append((k, sorted(found), n))
    return out


def check_pdf_basics(pdf, title, lang):
    catalog = next((o for o in objects(open(pdf, "rb").read()).values() if "/Type /Catalog" in o), "")
    got_lang = re.search(r"/Lang \(([^)]*)\)", catalog)
    if not got_lang or got_lang.group(1) != lang:
        problem(f"{pdf}: document language {got_lang.group(1) if got_lang else None!r}, expected {lang!r}")
    info = run("pdfinfo", pdf)
    got = re.search(r"^Title:\s*(.*)$", info, re.M)
    if not got or got.group(1).strip() != title.strip():
        problem(f"{pdf}: title {got.group(1) if got else None!r}, expected {title!r}")
    if not re.search(r"^Tagged:\s*yes", info, re.M):
        problem(f"{pdf}: not a tagged PDF")
    count = int(re.search(r"^Pages:\s*(\d+)", info, re.M).group(1))
    sizes = run("pdfinfo", "-f", "1", "-l", str(count), pdf)
    not_a4 = [line for line in sizes.splitlines() if re.match(r"Page\s+\d+ size:", line) and "(A4)" not in line]
    if not_a4:
        problem(f"{pdf}: pages that are not A4: {not_a4[:3]}")
    fonts = run("pdffonts", pdf).splitlines()[2:]
    for line in fonts:
        # name type encoding emb sub uni object ID: emb is the 4th column from the right end
        cols = line.split()
        if len(cols) >= 7 and cols[-5] != "yes":
            problem(f"{pdf}: font not embedded: {line}")
    if not fonts:
        problem(f"{pdf}: no fonts listed")
    for kind, pages, obj in split_elements(pdf):
        problem(f"{pdf}: a {'table row' if kind == 'TR' else 'chart'} (object {obj}) is split across pages {pages}")
    return count


def check_language(site, pdfdir, label):
    """The reports of one language: its pages in `site`, its PDFs in `pdfdir`."""
    cities = sorted(os.listdir(os.path.join(site, "cities")))
    cities = [c for c in cities if os.path.exists(os.path.join(site, "cities", c, "report", "index.html"))]
    if not cities:
        problem(f"the demo has no city report pages{label}")
    names = []
    for slug in cities:
        page = ReportPage()
        source = open(os.path.join(site, "cities", slug, "report", "index.html"), encoding="utf-8").read()
        page.feed(source)
        pdf = os.path.join(pdfdir, slug + ".pdf")
        if not os.path.exists(pdf):
            problem(f"{pdf} was not written")
            continue
        count = check_pdf_basics(pdf, html.unescape(page.title), page.lang)
        text = squash(run("pdftotext", "-raw", pdf, "-"))
        missing = [r for r in page.rows if r["name"] not in text or r["value"] not in text]
        for r in missing[:10]:
            problem(f"{pdf}: the KPI {r['name']!r} with its value {r['value']!r} is not in the PDF's text")
        # A city that reported nothing (its summary says "0 of N reported") has no KPI rows.
        if not page.rows and not re.search(r"\b0 (of|av) [0-9,\u00a0\u202f ]+ (reported|rapportert)", source):
            problem(f"{slug}{label}: its report page has no KPI rows")
        print(f"reports: {pdf}: {count} pages, {len(page.rows)} KPI rows found in its text"
              f"{'' if not missing else f', {len(missing)} missing'}")
        names.append(re.sub(r":.*", "", html.unescape(page.title)))
    programme = os.path.join(pdfdir, "programme.pdf")
    if os.path.exists(programme):
        page = ReportPage()
        page.feed(open(os.path.join(site, "report", "index.html"), encoding="utf-8").read())
        count = check_pdf_basics(programme, html.unescape(page.title), page.lang)
        text = squash(run("pdftotext", "-raw", programme, "-"))
        for name in names:
            if name not in text:
                problem(f"{programme}: the city {name!r} is not in it")
        print(f"reports: {programme}: {count} pages, {len(names)} cities named")
    else:
        problem(f"{programme} was not written")


def main():
    site, pdfdir = sys.argv[1], sys.argv[2]
    check_language(site, pdfdir, "")
    # Each further language's pages are in a folder of the site (nb/), its PDFs in the same
    # folder of PDFDIR.
    for folder in sorted(os.listdir(site)):
        if os.path.isfile(os.path.join(site, folder, "report", "index.html")):
            check_language(os.path.join(site, folder), os.path.join(pdfdir, folder), f" ({folder})")
    if problems:
        print(f"reports: {len(problems)} problem(s)", file=sys.stderr)
        sys.exit(1)
    print("reports: every report PDF passed")


main()
