#!/usr/bin/env python3
"""Deterministic generator of synthetic sites for cityscore's benchmarks.

    generate.py markdown N OUT     N free pages of about 5 KB of CommonMark each, written three ways:
                                     OUT/cityscore/  a cityscore site (Content/site.yml, Content/pages/*.md,
                                                     one city without results so the site is valid)
                                     OUT/hugo/       the same pages as a Hugo site with a minimal layout
                                     OUT/all.md      the same Markdown bodies concatenated, for `cmark` alone
    generate.py data N YEARS OUT   a cityscore site with N synthetic cities, every KPI (and data point) of
                                   the framework × YEARS years, local targets for most items, a short
                                   narrative per city
    generate.py programme N YEARS OUT   the same data in a national programme's layout (the serve
                                   benchmark): narratives for every city and dimension, one results file
                                   per city (Content/results/<slug>.csv)

The same arguments always give byte-identical files (fixed seeds, no clock, sorted output).
Only the Python standard library is used.
"""

import csv
import io
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FRAMEWORK = os.path.join(HERE, "..", "Sources", "CityscoreBuiltIn", "framework", "kpis.csv")

WORDS = (
    "city council data indicator target water energy transport housing school health air quality waste "
    "budget citizen service network district coast harbour bridge river park street library broadband "
    "survey report mobility climate resilience emission heat flood planning zoning permit tender cycle "
    "lane tram bus ferry station market tourism culture museum theatre festival youth elderly care "
    "clinic hospital doctor nurse teacher pupil course training skill job company startup innovation "
    "research university campus sensor meter dashboard portal open licence standard method baseline "
    "benchmark trend progress gap goal plan strategy action review audit partner region municipality"
).split()


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def sentence(rng, lo=8, hi=18):
    words = [rng.choice(WORDS) for _ in range(rng.randint(lo, hi))]
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


# ---------------------------------------------------------------------------------------------------------
# markdown N


def page_name(i):
    return "page-%04d" % i


def page_body(rng, i, n):
    """About 5 KB of CommonMark: headings, paragraphs with emphasis, code spans and links to other pages,
    bullet and ordered lists."""
    out = []
    size = 0
    section = 0
    while size < 4500:
        section += 1
        if section == 1:
            out.append("## Overview\n")  # the anchor #overview that links from other pages point to
        else:
            out.append("## Section %d: %s %s\n" % (section, rng.choice(WORDS).capitalize(), rng.choice(WORDS)))
        for _ in range(2):
            parts = []
            for _ in range(rng.randint(3, 5)):
                s = sentence(rng)
                r = rng.random()
                if r < 0.25:
                    w = rng.choice(WORDS)
                    s = s.replace(" " + w + " ", " *" + w + "* ", 1)
                elif r < 0.45:
                    w = rng.choice(WORDS)
                    s = s.replace(" " + w + " ", " **" + w + "** ", 1)
                elif r < 0.6:
                    s = s[:-1] + " with `value_%d = %d`." % (rng.randint(1, 99), rng.randint(0, 9999))
                elif r < 0.8:
                    j = rng.randrange(n)
                    s = s[:-1] + " (see [page %d](%s.md))." % (j, page_name(j))
                parts.append(s)
            out.append(" ".join(parts) + "\n")
        if section % 2 == 1:
            for _ in range(rng.randint(3, 5)):
                j = rng.randrange(n)
                out.append("- %s [%s](%s.md#overview)\n" % (sentence(rng, 4, 8), rng.choice(WORDS), page_name(j)))
        else:
            for k in range(rng.randint(3, 5)):
                out.append("%d. %s _%s_ `%s`\n" % (k + 1, sentence(rng, 4, 8), rng.choice(WORDS), rng.choice(WORDS)))
        out.append("\n")
        if section % 3 == 0:
            out.append("### Details %d\n\n> %s %s\n\n" % (section, sentence(rng), sentence(rng)))
        size = sum(len(x) for x in out)
    return "\n".join(out)


HUGO_CONFIG = """baseURL = "https://example.org/"
title = "Benchmark"
languageCode = "en"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.parser]
  autoHeadingID = true
[markup.goldmark.extensions]
  typographer = true
"""

HUGO_BASEOF = ""
HUGO_SINGLE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} – {{ .Site.Title }}</title>
<meta name="description" content="{{ .Description }}"></head>
<body><main><h1>{{ .Title }}</h1>
{{ .Content }}
</main></body></html>
"""
HUGO_LIST = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} – {{ .Site.Title }}</title></head>
<body><main><h1>{{ .Title }}</h1>
<ul>{{ range .RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
</main></body></html>
"""


def generate_markdown(n, out):
    rng = random.Random(20240801 + n)
    concat = []
    for i in range(n):
        name = page_name(i)
        body = page_body(rng, i, n)
        front = '---\ntitle: "Page %d: %s %s"\ndescription: "Synthetic page %d of %d"\nweight: %d\n---\n\n' % (
            i, rng.choice(WORDS).capitalize(), rng.choice(WORDS), i, n, i + 1)
        write(os.path.join(out, "cityscore", "Content", "pages", name + ".md"), front + body)
        write(os.path.join(out, "hugo", "content", name + ".md"), front + body)
        concat.append(body)
    write(os.path.join(out, "all.md"), "\n".join(concat))
    # cityscore: the rest of a minimal valid site
    write(os.path.join(out, "cityscore", "Content", "site.yml"),
          "title: Markdown benchmark\ndescription: %d synthetic pages\nbaseURL: https://example.org/\n"
          "language: en\ntheme: default\n" % n)
    write(os.path.join(out, "cityscore", "Content", "cities", "bench.md"),
          "---\nname: Bench City\ncountry: Nowhere\n---\n\nA city without results, so the site is valid.\n")
    # hugo
    write(os.path.join(out, "hugo", "config.toml"), HUGO_CONFIG)
    write(os.path.join(out, "hugo", "layouts", "_default", "single.html"), HUGO_SINGLE)
    write(os.path.join(out, "hugo", "layouts", "_default", "list.html"), HUGO_LIST)
    write(os.path.join(out, "hugo", "layouts", "index.html"), HUGO_LIST)


# ---------------------------------------------------------------------------------------------------------
# data N YEARS

SYLLABLES = "ka ri sto van ger ale sund ber gen tro ms bo do mo rana as ker lil le ham ar sor eid vik fjord dal " \
            "strand holm borg by stad havn nes lund torp".split()
COUNTRIES = ["Norway", "Sweden", "Denmark", "Finland", "Iceland", "Tunisia", "Estonia", "Portugal", "Chile", "Kenya"]
QUALITIES = ["measured", "measured", "measured", "survey", "higher-level", "assumptions", "unknown", ""]


def city_name(rng):
    parts = [rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))]
    return "".join(parts).capitalize()


def load_framework():
    with open(FRAMEWORK, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    items = []  # (code, datapoint or "", direction, unit, framework target or None, highest possible value or None)
    for r in rows:
        dps = [d.strip() for d in r["datapoints"].split(";") if d.strip()]
        target = float(r["target"]) if r["target"].strip() else None
        # A data point may have its own direction ("recycled: higher"); the range caps values ("0..1").
        own = dict((p.rsplit(":", 1)[0].strip(), p.rsplit(":", 1)[1].strip())
                   for p in r.get("datapoint_directions", "").split(";") if ":" in p)
        upper = (r.get("range") or "").partition("..")[2].strip()
        for dp in dps or [""]:
            items.append((r["code"], dp, own.get(dp, r["direction"]), r["unit"], target,
                          float(upper) if upper else None))
    return items


def scale_for(unit):
    """A plausible target for a unit."""
    u = unit.lower()
    if "%" in u or "percent" in u:
        return None  # percentages: a target between 50 and 100
    if "100 000" in u or "100,000" in u:
        return 100.0 * 10 ** random.Random(unit).randint(0, 3)
    if "ratio" in u or "coefficient" in u:
        return 1.0
    return 10.0 * 10 ** random.Random(unit).randint(0, 2)


def fmt(x):
    if abs(x) >= 1000:
        return "%.0f" % x
    return ("%.2f" % x).rstrip("0").rstrip(".") or "0"


DIMENSIONS = ("economy", "environment", "society-and-culture")


def generate_data(n, years, out, programme=False):
    """`programme`: a national programme's layout (the serve benchmark): a narrative for every city
    and every dimension, and one results file per city (`results/<slug>.csv`, every year)."""
    rng = random.Random(19 * n + years + (7 if programme else 0))
    items = load_framework()
    site = os.path.join(out, "cityscore")
    first_year = 2024 - years + 1
    slugs = ["city-%04d" % i for i in range(n)]
    write(os.path.join(site, "Content", "site.yml"),
          "title: Data benchmark\ndescription: %d synthetic cities\nbaseURL: https://example.org/scores/\n"
          "language: en\ntheme: default\n" % n)
    write(os.path.join(site, "Content", "pages", "about.md"),
          "---\ntitle: About\n---\n\nSynthetic cities for the benchmark. See the [first city](../cities/city-0000.md).\n")

    # cities and narratives
    for i, slug in enumerate(slugs):
        name = city_name(rng) + (" %d" % i)
        peers = sorted({slugs[(i + k) % n] for k in (1, 2, 3)} - {slug}) if n > 1 else []
        front = ["---", "name: \"%s\"" % name, "country: %s" % rng.choice(COUNTRIES),
                 "region: Region %d" % (i % 17), "population: %d" % rng.randint(5000, 900000)]
        if peers:
            front.append("peers:")
            front += ["  - %s" % p for p in peers]
        front.append("---")
        body = [
            "",
            "%s is a synthetic city of the benchmark. %s" % (name, sentence(rng)),
            "",
            "## Highlights",
            "",
            "- %s" % sentence(rng, 5, 10),
            "- %s" % sentence(rng, 5, 10),
            "- %s See [the about page](../pages/about.md)." % sentence(rng, 5, 10),
            "",
            "## Next steps",
            "",
            sentence(rng) + " " + sentence(rng),
            "",
        ]
        write(os.path.join(site, "Content", "cities", slug + ".md"), "\n".join(front + body))
        for dim in (DIMENSIONS if programme else ("economy",) if i % 10 == 0 else ()):
            title = dim.replace("-", " ").capitalize()
            write(os.path.join(site, "Content", "cities", slug, dim + ".md"),
                  "---\ntitle: %s in %s\n---\n\n%s\n\n%s\n" % (title, name, sentence(rng), sentence(rng)))

    # targets and results
    target_buf = io.StringIO()
    tw = csv.writer(target_buf, lineterminator="\n")
    tw.writerow(["city", "kpi", "datapoint", "target", "note"])
    header = ["city", "kpi", "datapoint", "year", "value", "unit", "source", "quality", "verified"]
    year_bufs = {y: io.StringIO() for y in range(first_year, first_year + years)}
    writers = {y: csv.writer(b, lineterminator="\n") for y, b in year_bufs.items()}
    for w in writers.values():
        w.writerow(header)
    for slug in slugs:
        if programme:
            # every year of this city into one file
            city_buf = io.StringIO()
            one = csv.writer(city_buf, lineterminator="\n")
            one.writerow(header)
            writers = {y: one for y in year_bufs}
        for code, dp, direction, unit, fw_target, highest in items:
            short_unit = "%" if ("%" in unit or unit.lower().startswith("percent")) else unit[:30]
            if direction == "yes-no":
                yes = rng.random() < 0.7
                for y in range(first_year, first_year + years):
                    if rng.random() < 0.1:
                        yes = not yes
                    writers[y].writerow([slug, code, dp, y, "yes" if yes else "no", "", "Synthetic report %d" % y,
                                         rng.choice(QUALITIES), rng.choice(["yes", "no", ""])])
                continue
            base = scale_for(unit)
            target = rng.uniform(50, 100) if base is None else base * rng.uniform(0.5, 2.0)
            if fw_target is None and rng.random() < 0.9:
                tw.writerow([slug, code, dp, fmt(target), "Local goal"])
            elif fw_target is not None:
                target = fw_target
            level = rng.uniform(0.2, 1.3)
            drift = rng.uniform(-0.05, 0.08)
            for y in range(first_year, first_year + years):
                level = max(0.01, level + drift + rng.uniform(-0.03, 0.03))
                if rng.random() < 0.03:
                    value = "NR"
                else:
                    v = target * level if direction == "higher" else target / level
                    if base is None:
                        v = min(v, 100.0)
                    if highest is not None:
                        v = min(v, highest)
                    value = fmt(v)
                writers[y].writerow([slug, code, dp, y, value, short_unit, "Synthetic report %d, p. %d" % (y, rng.randint(1, 90)),
                                     rng.choice(QUALITIES), rng.choice(["yes", "no", ""])])
        if programme:
            write(os.path.join(site, "Content", "results", slug + ".csv"), city_buf.getvalue())
    write(os.path.join(site, "Content", "targets", "goals.csv"), target_buf.getvalue())
    for y, b in year_bufs.items():
        if programme:
            break
        write(os.path.join(site, "Content", "results", "%d.csv" % y), b.getvalue())


def main(argv):
    if len(argv) >= 3 and argv[0] == "markdown":
        generate_markdown(int(argv[1]), argv[2])
    elif len(argv) >= 4 and argv[0] in ("data", "programme"):
        generate_data(int(argv[1]), int(argv[2]), argv[3], programme=argv[0] == "programme")
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
