"""One page of every page kind of the demo site (with the gates' fixture action), by name → path below
the site's base URL, in both of the demo's languages; and a sample of the fictional programme
example's pages of the kinds rounds and actions bring. Shared by the html, links, axe and
screenshots gates.
Usage: pagekinds.py example-pages CONTENT   prints the example's sample paths, one a line.

The list is pagekinds.json, generated from the route table (PageKind) by the Swift tests
(`CITYSCORE_WRITE_PAGEKINDS=1 swift test --filter AddPageKindTests`; CI fails when it drifts), so a
new page kind is checked here without editing this file. Kinds the gates' site has no page of
(earlier rounds, the changes page) have a null path and are left out."""
import json
import os

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "pagekinds.json"), encoding="utf-8") as _f:
    PAGE_KINDS = [(entry["kind"], entry["path"]) for entry in json.load(_f) if entry["path"] is not None]


# The demo's other language (languages: [en, nb]): the same page kinds under nb/, checked too.
OTHER_LANGUAGE_PAGES = [("nb " + kind, "nb/" + path) for kind, path in PAGE_KINDS if kind != "404"]


def example_pages(content):
    """A sample of the fictional programme's pages (Examples/programme/Content at `content`) with
    every page kind that rounds and actions bring, by name → path below its base URL: the programme
    page, the city with most actions (its page, an earlier round, a dimension), an action of each
    status, and the indicator most actions target. Read from the content, so regenerating the
    example keeps the sample valid."""
    import collections
    import pathlib
    import re

    actions = collections.defaultdict(list)  # status -> action slugs
    by_city = collections.Counter()
    by_kpi = collections.Counter()
    for path in sorted(pathlib.Path(content, "actions").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        fields = dict(re.findall(r"^(\w+): (.*)$", text.split("\n---", 1)[0], re.M))
        actions[fields["status"]].append(path.stem)
        by_city[fields["city"]] += 1
        for target in re.findall(r'"([^"]+)"', fields["kpis"]):
            by_kpi[target.split("/")[0]] += 1
    city = min(by_city, key=lambda c: (-by_city[c], c))
    kpi = min(by_kpi, key=lambda k: (-by_kpi[k], k))
    rounds = sorted(p.name for p in pathlib.Path(content, "results").glob("round-*.csv"))
    earlier = rounds[0].removeprefix("round-").removesuffix(".csv")
    pages = [
        ("example-home", ""),
        ("example-programme", "programme/"),
        ("example-city", f"cities/{city}/"),
        ("example-city-round", f"cities/{city}/{earlier}/"),
        ("example-city-dimension", f"cities/{city}/environment/"),
        ("example-indicator", "indicators/" + re.sub(r"[^a-z0-9]+", "-", kpi.lower()).strip("-") + "/"),
    ]
    for status in ("planned", "in-progress", "done", "stopped"):
        pages.append((f"example-action-{status}", f"actions/{actions[status][0]}/"))
    return pages


def chrome(width=1280, height=900):
    """A headless Chromium driven by Selenium (Debian's chromium and chromium-driver)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--hide-scrollbars", "--force-device-scale-factor=1", f"--window-size={width},{height}",
                "--lang=en-US", "--font-render-hinting=none"):
        options.add_argument(arg)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def color_scheme(driver, scheme):
    """Emulates prefers-color-scheme: `light` or `dark`."""
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"media": "", "features": [{"name": "prefers-color-scheme", "value": scheme}]})


if __name__ == "__main__":
    import sys

    if len(sys.argv) == 3 and sys.argv[1] == "example-pages":
        for _, path in example_pages(sys.argv[2]):
            print(path)
    else:
        sys.exit("usage: pagekinds.py example-pages CONTENT")
