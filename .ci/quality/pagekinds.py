"""One page of every page kind of the demo site (with the gates' fixture action), by name → path below
the site's base URL. Shared by the axe and screenshots gates.

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
