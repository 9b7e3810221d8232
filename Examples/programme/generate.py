#!/usr/bin/env python3
"""Writes Examples/programme/Content/: a fictional programme of 12 invented municipalities, three
evaluation rounds (2020, 2023, 2026), a value for every data point of the 91 U4SSC KPIs in each round,
programme targets and narratives. Every name, value and target is invented.

Deterministic: a fixed seed, sorted output, no dates or paths from the machine. Run it after changing
it and commit its output; `.ci/quality/example` runs it again and requires the same files.
Usage: Examples/programme/generate.py [OUTPUT_FOLDER]   (default: Examples/programme/Content)
"""
import csv
import io
import os
import random
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
FRAMEWORK = os.path.join(ROOT, "Sources", "CityscoreBuiltIn", "framework", "kpis.csv")
SEED = 20260416
ROUNDS = [2020, 2023, 2026]
PROGRAMME = "Northshore smart city programme"
NOTICE = ("Fictional example: every municipality, value, target and text on this site is invented to show what "
          "cityscore does with a programme of cities. None of it describes a real place.")

# Invented municipalities: slug, name, region, population, how far along they start (0–1), how fast
# they move per round (may be negative), and a dimension they are strong in.
CITIES = [
    ("alderhaven", "Alderhaven", "North Coast", 48200, 0.62, 0.06, "Economy"),
    ("birchmouth", "Birchmouth", "North Coast", 21400, 0.48, 0.09, "Environment"),
    ("coldwater-bay", "Coldwater Bay", "Fjord District", 9800, 0.40, 0.10, "Society and Culture"),
    ("dunmere", "Dunmere", "Inland", 67300, 0.70, 0.03, "Economy"),
    ("elmstead", "Elmstead", "Inland", 15600, 0.52, -0.04, "Environment"),
    ("fernholm", "Fernholm", "Fjord District", 31900, 0.58, 0.05, "Society and Culture"),
    ("greyharbour", "Greyharbour", "North Coast", 104500, 0.74, 0.04, "Economy"),
    ("hollowfield", "Hollowfield", "Inland", 7300, 0.36, 0.07, "Environment"),
    ("ironvale", "Ironvale", "Inland", 26800, 0.45, 0.00, "Economy"),
    ("juniper-point", "Juniper Point", "Fjord District", 12100, 0.55, 0.08, "Society and Culture"),
    ("kestrel-sound", "Kestrel Sound", "North Coast", 39700, 0.66, 0.02, "Environment"),
    ("larkspur", "Larkspur", "Fjord District", 18900, 0.50, 0.06, "Society and Culture"),
]

# Programme targets and the plausible spread of values, by unit (and a few KPIs by code):
# (target, low, high) in the KPI's unit. Values are drawn between low and high by how far along a
# city is; where lower is better, low is the best value.
BY_CODE = {
    "EC: ICT: ICT: 2C": (None, 35, 90),  # the framework's U4SSC benchmark (60 %) is used
    "EC: ICT: ICT: 3C": (100000, 55000, 125000),
    "EC: ICT: ICT: 5C": (120, 8, 150),
    "EC: ICT: PS: 2A": (60, 6, 70),
    "EC: P: IN: 1C": (3, 0.4, 3.6),
    "EC: P: IN: 2C": (40, 2, 55),
    "EC: P: EM: 1C": (3, 2.5, 11),
    "EC: P: EM: 2C": (8, 6, 22),
    "EC: I: WS: 3C": (1, 0.5, 9),
    "EC: I: ES: 1C": (0.5, 0.3, 3.5),
    "EC: I: ES: 2C": (45, 30, 320),
    "EC: I: T: 1C": (60, 12, 90),
    "EC: I: T: 3C": (45, 8, 70),
    "EC: I: T: 5A": (1.1, 1.05, 1.9),
    "EC: I: T: 6A": (80, 10, 120),
    "EC: I: T: 7A": (150, 20, 200),
    "EN: EN: AQ: 2C": (2, 1.8, 9),
    "EN: EN: WS: 2C": (120, 110, 260),
    "EN: EN: WS: 3C": (10, 8, 35),
    "EN: EN: EQ: 2A": (5, 3, 30),
    "EN: EN: PSN: 1C": (120, 25, 160),
    "EN: EN: PSN: 4A": (9, 2.5, 14),
    "EN: E: E: 2C": (5000, 4800, 13000),
    "EN: E: E: 3C": (45, 40, 130),
    "EN: E: E: 4A": (95, 85, 260),
    "SC: EH: ED: 3C": (25000, 9000, 32000),
    "SC: EH: H: 1C": (83, 76.5, 84.5),
    "SC: EH: H: 2C": (3, 2, 18),
    "SC: EH: H: 3C": (450, 210, 520),
    "SC: EH: H: 4A": (400, 180, 520),
    "SC: EH: C: 2A": (60, 8, 80),
    "SC: SH: HO: 1C": (0.5, 0.2, 6),
    "SC: SH: HO: 2A": (20, 15, 40),
    "SC: SH: SI: 1C": (1, 0.6, 1.0),
    "SC: SH: SI: 2C": (0.25, 0.22, 0.42),
    "SC: SH: SI: 3C": (5, 3, 16),
    "SC: SH: SA: 1C": (0.05, 0, 1.2),
    "SC: SH: SA: 2C": (0.05, 0.01, 0.9),
    "SC: SH: SA: 4A": (2, 1, 9),
    "SC: SH: SA: 5A": (10, 8, 24),
    "SC: SH: SA: 6C": (200, 90, 240),
    "SC: SH: SA: 7C": (100, 40, 130),
    "SC: SH: SA: 8C": (150, 90, 700),
    "SC: SH: SA: 9C": (2, 1.2, 9),
}
BY_DATAPOINT = {
    ("EN: EN: AQ: 1C", "PM2.5"): (5, 4, 18),
    ("EN: EN: AQ: 1C", "PM10"): (15, 10, 35),
    ("EN: EN: AQ: 1C", "NO2"): (10, 8, 40),
    ("EN: EN: AQ: 1C", "SO2"): (40, 2, 30),
    ("EN: EN: AQ: 1C", "O3"): (100, 45, 120),
    ("EC: I: T: 4A", "private vehicles"): (35, 30, 70),
    ("EC: I: T: 4A", "public transport"): (30, 5, 35),
    ("EC: I: T: 4A", "walking"): (20, 6, 24),
    ("EC: I: T: 4A", "cycling"): (12, 1, 14),
    ("EC: I: T: 4A", "para transport"): (3, 0.2, 3.5),
    ("EN: EN: WA: 1C", "landfill"): (5, 3, 45),
    ("EN: EN: WA: 1C", "burnt"): (1, 0, 6),
    ("EN: EN: WA: 1C", "incinerated"): (20, 15, 45),
    ("EN: EN: WA: 1C", "open dump"): (0.5, 0, 3),
    ("EN: EN: WA: 1C", "recycled"): (65, 20, 70),
    ("EN: EN: WA: 1C", "other"): (3, 1, 9),
    ("EC: ICT: PS: 1A", "number"): (40, 4, 50),
    ("EC: ICT: PS: 1A", "percentage"): (90, 20, 98),
}
# KPIs that many cities find hard to report: a shared data problem for the programme view to show.
HARD = {"EC: P: IN: 1C", "EN: EN: EQ: 2A", "SC: SH: SA: 2C", "EC: I: ES: 2C", "EN: E: E: 4A", "SC: EH: C: 2A"}


def spread(kpi, datapoint, direction):
    if (kpi["code"], datapoint) in BY_DATAPOINT:
        return BY_DATAPOINT[(kpi["code"], datapoint)]
    if kpi["code"] in BY_CODE:
        return BY_CODE[kpi["code"]]
    unit = kpi["unit"].lower()
    if unit.startswith("%") or unit.startswith("percentage"):
        return (95, 30, 99) if direction == "higher" else (5, 3, 30)
    raise SystemExit(f"generate.py: no spread for {kpi['code']} {datapoint or ''} ({kpi['unit']})")


def number(value, target):
    scale = max(abs(target or 0), abs(value))
    if scale >= 1000:
        return f"{value:.0f}"
    if scale >= 20:
        return f"{value:.1f}"
    return f"{value:.2f}"


def items(kpis):
    for kpi in kpis:
        points = [p for p in kpi["datapoints"].split(";") if p] or [None]
        directions = dict(
            (part.split(":")[0].strip(), part.split(":")[1].strip())
            for part in kpi["datapoint_directions"].split(";") if ":" in part)
        for point in points:
            yield kpi, point, directions.get(point, kpi["direction"])


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def csv_text(header, rows):
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return out.getvalue()


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "Content")
    rng = random.Random(SEED)
    with open(FRAMEWORK, encoding="utf-8") as f:
        kpis = list(csv.DictReader(f))
    every = list(items(kpis))

    # Each city's achievement (0–1.1) per item and round: its level, its strong dimension, its pace,
    # and a fixed per-item offset so that weaknesses persist and some are shared across cities.
    shared_weakness = {(k["code"], p): rng.uniform(-0.25, 0.05) for k, p, _ in every}
    results = {r: [] for r in ROUNDS}
    targets = []
    story = {}
    for slug, name, region, population, level, pace, strong in CITIES:
        city_rng = random.Random(f"{SEED}-{slug}")
        story[slug] = {"up": [], "down": []}
        for kpi, point, direction in every:
            code = kpi["code"]
            offset = shared_weakness[(code, point)] + city_rng.uniform(-0.18, 0.18)
            if kpi["dimension"] == strong:
                offset += 0.12
            item_pace = pace + city_rng.uniform(-0.05, 0.05)
            hard = code in HARD
            if direction != "yes-no":
                target, low, high = spread(kpi, point, direction)
                if target is not None:
                    targets.append([slug, code, point or "", number(target, target),
                                    f"{PROGRAMME} target (fictional)", "programme"])
            for i, year in enumerate(ROUNDS):
                reach = max(0.02, min(1.1, level + offset + item_pace * i + city_rng.uniform(-0.03, 0.03)))
                missing_chance = (0.45 if hard else 0.05) * (1.0 - 0.3 * i)
                value_year = year if city_rng.random() > 0.25 else year - 1
                if city_rng.random() < missing_chance:
                    value = "NR"
                elif direction == "yes-no":
                    value = "yes" if reach > 0.55 else "no"
                else:
                    share = max(0.0, min(1.0, reach))
                    if direction == "higher":
                        raw = low + (high - low) * share
                    else:
                        raw = high - (high - low) * share
                    raw = max(0.0, raw)
                    if kpi["unit"].lower().startswith(("%", "percentage")):
                        raw = min(raw, 100.0)
                    value = number(raw, target)
                source = f"{name} municipality, {PROGRAMME} evaluation {year} (fictional)"
                quality = "measured" if city_rng.random() < 0.6 else city_rng.choice(
                    ["survey", "higher-level", "assumptions"])
                verified = "yes" if year < ROUNDS[-1] or city_rng.random() < 0.7 else "no"
                results[year].append([slug, code, point or "", value_year, year, value, "", source, "",
                                      quality if value != "NR" else "", verified if value != "NR" else ""])

    if os.path.isdir(out):
        shutil.rmtree(out)
    header = ["city", "kpi", "datapoint", "year", "round", "value", "unit", "source", "note", "quality", "verified"]
    for year in ROUNDS:
        rows = sorted(results[year], key=lambda r: (r[0], r[1], r[2]))
        write(os.path.join(out, "results", f"round-{year}.csv"), csv_text(header, rows))
    write(os.path.join(out, "targets", "programme.csv"),
          csv_text(["city", "kpi", "datapoint", "target", "note", "kind"], sorted(targets)))
    write(os.path.join(out, "site.yml"), "\n".join([
        f"title: {PROGRAMME} (fictional example)",
        "description: A fictional programme of 12 invented municipalities evaluated against the U4SSC KPIs in "
        "three rounds; every name and value is invented.",
        "baseURL: https://example.org/programme/",
        "language: en",
        "theme: default",
        f"notice: \"{NOTICE}\"",
        "",
    ]))
    write(os.path.join(out, "pages", "index.md"), "\n".join([
        "---",
        f"title: {PROGRAMME}",
        "description: Twelve invented municipalities, three evaluation rounds, every U4SSC KPI. A fictional example.",
        "---",
        "",
        f"The {PROGRAMME} is **fictional**. Its twelve municipalities, their values and the programme's",
        "targets were generated by `Examples/programme/generate.py` to show every feature of cityscore at",
        "full density: three evaluation rounds (2020, 2023 and 2026), a value for every data point of the",
        "91 U4SSC key performance indicators, programme targets, and what moved between rounds.",
        "",
        "Each municipality's page shows its latest round, its scores in every round and what moved up or",
        "down a band; its earlier rounds stay available as pages of their own.",
        "",
    ]))
    write(os.path.join(out, "pages", "about.md"), "\n".join([
        "---",
        "title: About this example",
        "menu: true",
        "weight: 10",
        "---",
        "",
        "Nothing on this site is real. The municipalities do not exist; the values were drawn at random,",
        "with a fixed seed, around programme targets that were invented too. Some indicators are left",
        "unreported by several municipalities on purpose, as a programme's shared data gaps.",
        "",
        "## How the example is made",
        "",
        "`Examples/programme/generate.py` writes this site's `Content/` folder. The repository's CI runs it",
        "again, requires the same files, then checks and builds the site.",
        "",
    ]))
    by_slug = {c[0]: c for c in CITIES}
    for slug, name, region, population, level, pace, strong in CITIES:
        peers = [c[0] for c in CITIES if c[2] == region and c[0] != slug][:2]
        trend = ("has improved steadily" if pace >= 0.06 else "has improved a little" if pace > 0.0
                 else "has held its level" if pace == 0.0 else "has slipped back")
        write(os.path.join(out, "cities", f"{slug}.md"), "\n".join([
            "---",
            f"name: {name}",
            "country: Fictional example",
            f"region: {region}",
            f"population: {population}",
            f"description: \"{name} (fictional): three evaluation rounds against the U4SSC KPIs.\"",
            "peers:",
            *[f"  - {p}" for p in peers],
            "---",
            "",
            f"{name} is an **invented** municipality of {population:,} inhabitants in the {region} of the",
            f"fictional {PROGRAMME}. It was evaluated against every U4SSC key performance indicator in",
            "2020, 2023 and 2026.",
            "",
            "## Where it stands",
            "",
            f"{name} is strongest in {strong}. Across the three rounds it {trend}.",
            "",
            "## About the values",
            "",
            "Every value was generated for this example. Some values of a round refer to the year before",
            "it, as in a real evaluation that gathers figures over two years.",
            "",
        ]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
