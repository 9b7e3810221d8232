#!/usr/bin/env python3
"""Writes Examples/programme/Content/: a fictional programme of 12 invented municipalities, three
evaluation rounds (2020, 2023, 2026), a value for every data point of the 91 U4SSC KPIs in each round,
programme targets, narratives and actions. Every name, value, target and action is invented.

Deterministic: a fixed seed, sorted output, no dates or paths from the machine. Run it after changing
it and commit its output; `.ci/quality/example` runs it again and requires the same files.
Usage: Examples/programme/generate.py [OUTPUT_FOLDER]   (default: Examples/programme/Content)
"""
import collections
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


def item_target(kpi, datapoint, direction):
    """The target an item is scored against: the programme's, else the framework's."""
    if direction == "yes-no":
        return None
    target = spread(kpi, datapoint, direction)[0]
    if target is None and kpi["target"]:
        return float(kpi["target"])
    return target


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

# Actions the municipalities take on their weak KPIs. Keyed by the item an action aims at (KPI
# code, data point): title, the KPIs it targets (a data point as CODE/DATAPOINT), who owns it, its
# SDGs and what it does. A city acts on a few of its weakest items that have an entry here.
ACTIONS = {
    ("EC: I: T: 3C", None): (
        "Safe cycle routes to every school", ["EC: I: T: 3C", "EC: I: T: 4A/cycling"],
        "Roads and transport department", [3, 11],
        "Separated cycle lanes connect every residential area to its school and to the town centre."),
    ("EC: I: T: 4A", "cycling"): (
        "Cycle lanes cleared first in winter", ["EC: I: T: 4A/cycling"], "Roads and transport department", [11, 13],
        "The winter maintenance plan clears and grits the main cycle routes before the roads, so that people "
        "who cycle in summer keep cycling from November to March."),
    ("EC: I: T: 4A", "public transport"): (
        "Buses every ten minutes on the main corridors", ["EC: I: T: 4A/public transport", "EC: I: T: 2A"],
        "Regional transport authority", [11],
        "The three busiest bus lines run every ten minutes from 6 to 20 on weekdays, with bus lanes through "
        "the two junctions where they are delayed most."),
    ("EC: I: T: 4A", "walking"): (
        "Walkable town centre", ["EC: I: T: 4A/walking", "EC: I: UP: 1A"], "Planning department", [3, 11],
        "Wider pavements, shorter crossings and benches every 200 metres on the streets between the station, "
        "the schools and the shops."),
    ("EC: I: T: 1C", None): (
        "Two new bus lines to the outer districts", ["EC: I: T: 1C"], "Regional transport authority", [11],
        "Two new lines serve the districts built since 2010, which today have no bus within a kilometre."),
    ("EC: I: T: 6A", None): (
        "A city bike scheme", ["EC: I: T: 6A"], "Roads and transport department", [3, 11, 13],
        "Forty stations with electric bikes, run by a contractor chosen by public tender."),
    ("EC: I: T: 7A", None): (
        "Car sharing in new housing areas", ["EC: I: T: 7A"], "Planning department", [11, 13],
        "New housing areas may build fewer parking places when they offer shared cars to their residents."),
    ("EC: I: T: 8A", None): (
        "Charging points at every municipal car park", ["EC: I: T: 8A"], "Property department", [7, 13],
        "Fast and slow chargers at the municipality's car parks, and a fleet of electric cars for home care."),
    ("EC: I: T: 5A", None): (
        "Smarter traffic lights on the ring road", ["EC: I: T: 5A", "EC: ICT: T: 3A"],
        "Roads and transport department", [9, 11],
        "Traffic lights that adapt to the traffic and give buses priority at the ring road's eight junctions."),
    ("EN: EN: AQ: 1C", "NO2"): (
        "Low-emission zone in the town centre", ["EN: EN: AQ: 1C/NO2", "EN: EN: AQ: 1C/PM10"],
        "Environment department", [3, 11],
        "Heavy vehicles that do not meet the Euro VI standard pay to enter the town centre on weekdays."),
    ("EN: EN: AQ: 1C", "PM2.5"): (
        "Replacing old wood stoves", ["EN: EN: AQ: 1C/PM2.5"], "Environment department", [3, 7],
        "Households get a grant of half the cost when they replace a wood stove made before 1998 with a "
        "clean-burning one or a heat pump."),
    ("EN: EN: AQ: 1C", "PM10"): (
        "Less road dust in spring", ["EN: EN: AQ: 1C/PM10"], "Roads and transport department", [3, 11],
        "Streets are washed after the winter and studded tyres pay a fee in the town centre."),
    ("EN: EN: AQ: 2C", None): (
        "A climate budget in the annual budget", ["EN: EN: AQ: 2C"], "Finance department", [13],
        "Every department states the emissions its budget causes and how it will cut them, and the council "
        "adopts the climate budget together with the annual budget."),
    ("EN: EN: WA: 1C", "recycled"): (
        "Food waste and plastic sorted at home", ["EN: EN: WA: 1C/recycled", "EN: EN: WA: 1C/incinerated"],
        "Waste company", [11, 12],
        "Every household gets bins for food waste and plastic; the collection fee falls for those who sort."),
    ("EN: EN: WA: 1C", "landfill"): (
        "No more waste to the landfill", ["EN: EN: WA: 1C/landfill"], "Waste company", [11, 12],
        "The municipality's waste goes to recycling or to the regional energy-from-waste plant, and the old "
        "landfill is closed and covered."),
    ("EN: EN: WS: 2C", None): (
        "Finding the leaks in the water network", ["EN: EN: WS: 2C", "EC: I: WS: 3C"], "Water and sewerage utility",
        [6],
        "Zone meters show where water disappears at night; crews search those zones for leaks first."),
    ("EC: I: WS: 3C", None): (
        "Renewing the oldest water mains", ["EC: I: WS: 3C"], "Water and sewerage utility", [6, 9],
        "One per cent of the water network is renewed every year, the cast-iron mains from before 1970 first."),
    ("EC: ICT: WS: 1C", None): (
        "Smart water meters in every home", ["EC: ICT: WS: 1C", "EC: ICT: WS: 2A"], "Water and sewerage utility",
        [6, 9],
        "Meters read remotely every hour let households see their use and the utility see leaks."),
    ("EC: I: ES: 2C", None): (
        "Power lines underground where storms strike", ["EC: I: ES: 2C", "EC: I: ES: 1C"], "Grid company",
        [7, 9],
        "The overhead lines that failed most often in the last five winters are laid in the ground, and the "
        "grid company keeps a repair crew on call in the outer districts."),
    ("EN: EN: WS: 3C", None): (
        "Rainwater for parks and sports fields", ["EN: EN: WS: 3C"], "Parks department", [6, 12],
        "Tanks under the sports fields collect rainwater for watering, instead of drinking water."),
    ("EN: E: E: 1C", None): (
        "Solar panels on municipal roofs", ["EN: E: E: 1C"], "Property department", [7, 13],
        "Solar panels on the twenty largest municipal roofs: schools, sports halls and the town hall."),
    ("EN: E: E: 4A", None): (
        "Energy savings in schools and nursing homes", ["EN: E: E: 4A", "EC: I: B: 2A"], "Property department",
        [7, 13],
        "An energy performance contract: the contractor insulates, replaces lighting and ventilation and is "
        "paid from the savings."),
    ("EN: E: E: 3C", None): (
        "Grants for heat pumps and insulation", ["EN: E: E: 3C"], "Environment department", [7, 13],
        "Homeowners get a grant for a heat pump or extra insulation and free advice from an energy adviser."),
    ("EN: E: E: 2C", None): (
        "Street lighting with LEDs", ["EN: E: E: 2C"], "Roads and transport department", [7, 11],
        "Every street lamp gets an LED and dims at night when nobody passes."),
    ("EN: EN: PSN: 1C", None): (
        "A green belt along the river", ["EN: EN: PSN: 1C"], "Parks department", [11, 15],
        "Former industrial land along the river becomes a park with a path from the harbour to the lake."),
    ("EN: EN: PSN: 2A", None): (
        "A park within 300 metres of every home", ["EN: EN: PSN: 2A"], "Parks department", [11],
        "Small parks on empty lots in the districts that are furthest from a green area."),
    ("EN: EN: PSN: 4A", None): (
        "Open school yards and sports halls", ["EN: EN: PSN: 4A"], "Culture and leisure department", [3, 11],
        "School yards and sports halls stay open to everyone in the evenings, at weekends and in the holidays."),
    ("EN: EN: EQ: 2A", None): (
        "Noise mapping and quiet asphalt", ["EN: EN: EQ: 2A"], "Environment department", [3, 11],
        "A noise map of the whole municipality, and quiet asphalt on the roads where most people are exposed."),
    ("EC: ICT: ICT: 2C", None): (
        "Fibre to the outlying villages", ["EC: ICT: ICT: 2C"], "Digitalisation office", [9, 17],
        "The municipality co-funds fibre where the operators will not build on their own."),
    ("EC: ICT: ICT: 5C", None): (
        "Free Wi-Fi in libraries and squares", ["EC: ICT: ICT: 5C"], "Digitalisation office", [9, 17],
        "Free wireless Internet in the libraries, the town square, the harbour and the bus station."),
    ("EC: ICT: PS: 1A", "number"): (
        "An open data portal", ["EC: ICT: PS: 1A"], "Digitalisation office", [16, 17],
        "The municipality publishes its data sets under an open licence, starting with the ones people ask "
        "for most: budgets, school results, waste and traffic."),
    ("EC: ICT: PS: 2A", None): (
        "Digital first public services", ["EC: ICT: PS: 2A", "EC: ICT: PS: 3A"], "Digitalisation office", [16],
        "The fifty services people use most can be applied for and followed online, with help at the library "
        "for those who need it."),
    ("EC: ICT: T: 1C", None): (
        "Real-time bus information at the stops", ["EC: ICT: T: 1C"], "Regional transport authority", [9, 11],
        "Screens at the busiest stops and an app show when the next bus really comes."),
    ("EC: P: EM: 2C", None): (
        "Summer jobs and apprenticeships for young people", ["EC: P: EM: 2C"], "Employment and welfare office",
        [4, 8],
        "Local employers and the municipality offer summer jobs and apprenticeships to every young person who "
        "applies."),
    ("EC: P: EM: 1C", None): (
        "A job centre with the local employers", ["EC: P: EM: 1C"], "Employment and welfare office", [8],
        "Job seekers are trained for the jobs that local employers cannot fill."),
    ("EC: P: IN: 1C", None): (
        "An innovation fund with the regional university", ["EC: P: IN: 1C", "EC: P: IN: 2C"],
        "Business development office", [9],
        "The fund pays half of research projects that local firms run with the university."),
    ("EC: P: IN: 3A", None): (
        "A start-up hub in the old harbour warehouse", ["EC: P: IN: 3A"], "Business development office", [8, 9],
        "Cheap offices, advice and a shared workshop for new firms."),
    ("SC: EH: ED: 3C", None): (
        "A study centre for distance learning", ["SC: EH: ED: 3C"], "Education department", [4],
        "Rooms, equipment and a coordinator for people who take a university degree from home."),
    ("SC: EH: H: 3C", None): (
        "Recruiting doctors to the outer districts", ["SC: EH: H: 3C"], "Health and care department", [3],
        "A housing offer and a paid specialist training for doctors who work five years in the municipality."),
    ("SC: EH: H: 4A", None): (
        "More short-term care beds", ["SC: EH: H: 4A"], "Health and care department", [3],
        "A new ward for patients who leave hospital but cannot yet go home."),
    ("SC: EH: C: 2A", None): (
        "A new library and culture house", ["SC: EH: C: 2A", "SC: EH: C: 1C"], "Culture and leisure department",
        [4, 11],
        "The library, the culture school and a hall for 300 people under one roof by the town square."),
    ("SC: SH: SI: 5A", None): (
        "A kindergarten place for every child", ["SC: SH: SI: 5A"], "Education department", [4, 5],
        "Two new kindergartens so that every child from one year old gets a place near home."),
    ("SC: SH: SI: 3C", None): (
        "Free school meals and a leisure card", ["SC: SH: SI: 3C"], "Employment and welfare office", [1, 2, 10],
        "A free hot meal at school every day and a card that pays for one leisure activity per child."),
    ("SC: SH: HO: 2A", None): (
        "Affordable rental homes", ["SC: SH: HO: 2A"], "Housing office", [11],
        "The municipality builds 200 rental homes with rents capped at a quarter of a low income."),
    ("SC: SH: SA: 3A", None): (
        "A climate resilience plan", ["SC: SH: SA: 3A"], "Emergency planning office", [11, 13],
        "A plan for floods, landslides and storms: who does what, and which places need protection first."),
    ("SC: SH: SA: 4A", None): (
        "Flood protection for the low-lying districts", ["SC: SH: SA: 4A", "SC: SH: SA: 2C"],
        "Emergency planning office", [11, 13],
        "Higher quays, larger storm drains and no new homes where the sea will reach in 2100."),
    ("SC: SH: SA: 5A", None): (
        "A joint emergency dispatch centre", ["SC: SH: SA: 5A"], "Fire and rescue service", [3, 11],
        "Fire, ambulance and police answer calls from one room and send the nearest unit."),
    ("SC: SH: SA: 9C", None): (
        "Safer crossings near schools", ["SC: SH: SA: 9C"], "Roads and transport department", [3, 11],
        "Raised crossings, 30 km/h zones and better lighting on every school route."),
    ("SC: SH: SA: 8C", None): (
        "Youth workers in the evenings", ["SC: SH: SA: 8C"], "Employment and welfare office", [16],
        "Youth workers and the police walk the town centre together on Friday and Saturday evenings."),
    ("EC: I: B: 1A", None): (
        "Certified sustainable public buildings", ["EC: I: B: 1A"], "Property department", [11, 13],
        "Every new or renovated municipal building is certified to a recognised sustainability standard."),
    ("EC: I: UP: 1A", None): (
        "Wider pavements and lowered kerbs", ["EC: I: UP: 1A"], "Planning department", [10, 11],
        "Pavements at least two metres wide and lowered kerbs at every crossing on the main streets."),
    ("SC: SH: FS: 1A", None): (
        "Local food in school canteens", ["SC: SH: FS: 1A"], "Education department", [2, 12],
        "School canteens buy fruit, vegetables and fish from local producers by public tender."),
}
# Municipalities with no action yet: their weak KPIs all show "no action".
NOT_ACTING = {"ironvale", "hollowfield"}
STOPPED_BECAUSE = [
    "the tender brought no bids within the budget, and the council will decide in the next budget whether "
    "to try again",
    "the landowner withdrew, and the municipality is looking for another site",
    "the regional partner left the project",
]


def band(value, target, direction):
    """The band (1–4) a value earns, as docs/scoring.md computes it; None when it is not scored."""
    if value == "NR":
        return None
    if direction == "yes-no":
        return 4 if value == "yes" else 1
    number = float(value)
    if target is None or (direction == "higher" and target <= 0) or target < 0:
        return None
    if direction == "higher":
        percent = number / target * 100
    else:
        percent = 100 if number <= 0 else target / number * 100
    return 4 if percent >= 95 else 3 if percent >= 66 else 2 if percent >= 33 else 1


def actions(bands, reached, order, kpi_names, out):
    """Writes Content/actions/*.md: each acting city takes a few of its weak items (band 1 or 2 in the
    latest round) that have an entry in ACTIONS, widely shared weaknesses more likely, so the
    programme page shows several cities acting on the same weakness and others not yet; and an
    action that is done on an item where it has since moved up to band 3 or 4."""
    rng = random.Random(f"{SEED}-actions")
    names = {c[0]: c[1] for c in CITIES}
    shared = collections.Counter(item for (city, *item), b in bands.items() if b[-1] is not None and b[-1] <= 2
                                 for item in [tuple(item)])
    written = []
    for slug, name, *_ in CITIES:
        if slug in NOT_ACTING:
            continue
        mine = {item: b for (city, *rest), b in bands.items() if city == slug for item in [tuple(rest)]}
        weak = sorted((item for item, b in mine.items() if b[-1] is not None and b[-1] <= 2 and item in ACTIONS),
                      key=lambda item: order[item])
        # Widely shared weaknesses first, with some chance, so that cities differ in what they take on.
        weight = {item: shared[item] * rng.uniform(0.2, 1.0) for item in weak}
        weak.sort(key=lambda item: (-weight[item], order[item]))
        chosen = []
        wanted = 2 + rng.randrange(3)
        for item in weak:
            if len(chosen) == wanted:
                break
            if rng.random() < 0.35:  # not every weakness gets an action
                continue
            chosen.append((item, "planned" if rng.random() < 0.35 else "in-progress"))
        moved = [item for item, b in sorted(mine.items(), key=lambda kv: order[kv[0]])
                 if item in ACTIONS and b[0] is not None and b[-1] is not None and b[0] <= 2 and b[-1] >= 3
                 and item not in [c[0] for c in chosen]]
        if moved and rng.random() < 0.8:
            chosen.append((moved[rng.randrange(len(moved))], "done"))
        for key, status in chosen:
            written.append((slug, key, status))
    # One planned action in each of a few cities is stopped instead, so that every status shows.
    for index in range(0, len(written), 9):
        slug, key, status = written[index]
        if status != "done":
            written[index] = (slug, key, "stopped")
    used = set()
    for number, (slug, key, status) in enumerate(written):
        title, kpis, owner, sdgs, what = ACTIONS[key]
        file = slugify(f"{slug}-{title}")
        while file in used:
            file += "-2"
        used.add(file)
        code, point = key
        name = names[slug]
        best = max((r[-1], city) for (city, *item), r in reached.items()
                   if tuple(item) == key and city != slug and r[-1] is not None)[1]
        learn = [c for c in names if c != slug and bands[(c, code, point)][-1] == 4]
        start_year = {"done": 2021, "stopped": 2022, "in-progress": 2024, "planned": 2026}[status] + rng.randrange(2)
        start = f"{start_year}-{1 + rng.randrange(12):02d}"
        due_year = start_year + 1 + rng.randrange(3)
        # The example's present is its latest round: what is done or stopped ended before it, what is
        # in progress is due after it.
        if status == "done":
            due_year = min(due_year, ROUNDS[-1] - 1)
        elif status == "in-progress":
            due_year = max(due_year, ROUNDS[-1] + 1)
        due = f"{due_year}-{1 + rng.randrange(12):02d}-{[1, 15, 28][rng.randrange(3)]:02d}"
        if due_year == start_year:
            due = f"{due_year}-12-31"
        kpi_name = kpi_names[code] + (f" ({point})" if point else "")
        lines = ["---", f"city: {slug}", f"title: {title}", "kpis: [" + ", ".join(f'"{k}"' for k in kpis) + "]",
                 f"status: {status}", f"start: {start}", f"due: {due}", f"owner: {owner}"]
        if rng.random() < 0.7:
            budget = rng.randrange(5, 400) * 10000
            lines += [f"budget: {budget}", "currency: EUR"]
        lines += ["sdgs: [" + ", ".join(str(s) for s in sdgs) + "]",
                  f"links: [https://example.org/{slug}/plans/{file.removeprefix(slug + '-')}]", "---", ""]
        body = [what, ""]
        if status == "done":
            body += [f"{name} finished the work in {due_year}. On *{kpi_name}* it has moved from band "
                     f"{bands[(slug, code, point)][0]} in {ROUNDS[0]} to band {bands[(slug, code, point)][-1]} in "
                     f"{ROUNDS[-1]}.", ""]
        else:
            body += [f"In the {ROUNDS[-1]} evaluation {name} reached less than two thirds of the programme's "
                     f"target on *{kpi_name}*. "
                     + (f"{names[learn[0]]} already meets the target, and the two municipalities share what they "
                        "have learnt." if learn else
                        f"No municipality of the programme meets the target yet; {names[best]} comes closest."),
                     ""]
        body += ["## Milestones", "",
                 f"- {start}: " + ("work is to start" if status == "planned" else "work started"),
                 f"- {due}: " + {"done": "the work was finished", "stopped": "the work was to have been finished"}
                 .get(status, "the work is to be finished"), ""]
        if status == "stopped":
            body += ["## Why it stopped", "", f"The work was stopped because {STOPPED_BECAUSE[number % 3]}.", ""]
        write(os.path.join(out, "actions", f"{file}.md"), "\n".join(lines + body))
    statuses = {status for _, _, status in written}
    if statuses != {"planned", "in-progress", "done", "stopped"}:
        raise SystemExit(f"generate.py: the actions have only the statuses {sorted(statuses)}")
    if not any("/" in k for key in {w[1] for w in written} for k in ACTIONS[key][1]):
        raise SystemExit("generate.py: no action targets a data point")
    return len(written)


def slugify(text):
    out = "".join(c if c.isalnum() else "-" for c in text.lower())
    while "--" in out:
        out = out.replace("--", "-")
    return out.strip("-")[:60].rstrip("-")


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "Content")
    rng = random.Random(SEED)
    with open(FRAMEWORK, encoding="utf-8") as f:
        kpis = list(csv.DictReader(f))
    every = list(items(kpis))

    # Each city's achievement (0–1.1) per item and round: its level, its strong dimension, its pace,
    # and a fixed per-item offset so that weaknesses persist and some are shared across cities.
    shared_weakness = {(k["code"], p): rng.uniform(-0.25, 0.05) for k, p, _ in every}
    # On a third of the items one municipality is far ahead of the others: whom to learn from.
    leader = {(k["code"], p): rng.choice(CITIES)[0] for k, p, _ in every if rng.random() < 0.35}
    results = {r: [] for r in ROUNDS}
    targets = []
    story = {}
    reached = collections.defaultdict(list)
    bands = collections.defaultdict(list)
    for slug, name, region, population, level, pace, strong in CITIES:
        city_rng = random.Random(f"{SEED}-{slug}")
        story[slug] = {"up": [], "down": []}
        for kpi, point, direction in every:
            code = kpi["code"]
            offset = shared_weakness[(code, point)] + city_rng.uniform(-0.18, 0.18)
            if leader.get((code, point)) == slug:
                offset += 0.45
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
                # How far along the city is on the item in each round (None: not reported), for actions.
                reached[(slug, code, point)].append(None if value == "NR" else reach)
                bands[(slug, code, point)].append(band(value, item_target(kpi, point, direction), direction))

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
        "91 U4SSC key performance indicators, programme targets, what moved between rounds, and the",
        "actions the municipalities take on their weak indicators.",
        "",
        "Each municipality's page shows its latest round, its scores in every round and what moved up or",
        "down a band, and what it is doing about its weak indicators; its earlier rounds stay available",
        "as pages of their own. The programme page shows which weaknesses the municipalities share, who",
        "is acting on them and who has already solved them.",
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
        "The actions are invented as well. Most municipalities act on a few of the indicators where they",
        "reach less than two thirds of the target, often the same ones as their neighbours; two have no",
        "action yet, so the programme page shows weaknesses nobody is acting on.",
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
    order = {(k["code"], p): i for i, (k, p, _) in enumerate(every)}
    actions(bands, reached, order, {k["code"]: k["name"] for k in kpis}, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
