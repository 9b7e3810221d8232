#!/usr/bin/env python3
"""axe-core (axe-selenium-python) in headless Chromium on one page of every page kind, in light and in
emulated dark mode. Usage: axe.py BASE_URL. Every violation is printed with rule, target and help;
any violation fails."""
import importlib.util
import json
import os
import sys

from axe_selenium_python import Axe

from pagekinds import OTHER_LANGUAGE_PAGES, PAGE_KINDS, chrome, color_scheme

# WCAG 2.0/2.1 A and AA, plus axe's best practices (landmarks, headings, …).
OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}


def axe_script():
    """axe-selenium-python bundles axe-core 3.1 (2018), which misses most of today's rules; the
    axe-playwright-python wheel (installed with --no-deps by .ci/quality/install) carries axe-core 4.x
    as a plain file, which we inject with axe-selenium-python's Axe."""
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec and spec.submodule_search_locations:
        path = os.path.join(list(spec.submodule_search_locations)[0], "axe.min.js")
        if os.path.exists(path):
            return path
    sys.exit("axe: axe-core 4 not found: run .ci/quality/install (pip install --no-deps axe-playwright-python)")


def run_axe(driver):
    axe = Axe(driver, script_url=axe_script())
    axe.inject()
    # Axe.run() passes options alone, which axe-core takes for a context: call axe.run(document, options).
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        f"axe.run(document, {json.dumps(OPTIONS)}).then(done, e => done({{error: String(e)}}));")


def main():
    base = sys.argv[1]
    driver = chrome()
    driver.set_script_timeout(120)
    version = None
    failures = 0
    checked = 0
    incomplete_total = 0
    try:
        for scheme in ("light", "dark"):
            color_scheme(driver, scheme)
            for kind, path in PAGE_KINDS + OTHER_LANGUAGE_PAGES:
                driver.get(base + path)
                # <details> hold chart data tables: open them so their contents are checked too.
                driver.execute_script("document.querySelectorAll('details').forEach(d => d.open = true)")
                results = run_axe(driver)
                if "error" in results:
                    sys.exit(f"axe: axe-core failed on {path}: {results['error']}")
                checked += 1
                version = version or driver.execute_script("return axe.version")
                violations = results["violations"]
                nodes = sum(len(v["nodes"]) for v in violations)
                incomplete = [v for v in results.get("incomplete", []) if v["id"] == "color-contrast"]
                incomplete_total += sum(len(v["nodes"]) for v in incomplete)
                status = "ok" if not violations else f"{len(violations)} rules, {nodes} elements"
                print(f"axe: {scheme:5} {kind:18} {path or '/':31} {status}")
                for v in violations:
                    failures += len(v["nodes"])
                    for node in v["nodes"]:
                        target = " ".join(str(t) for t in node["target"])
                        summary = (node.get("failureSummary") or "").replace("\n", " ")
                        print(f"  {v['id']} ({v['impact']}): {target}\n    {v['help']}: {v['helpUrl']}\n    {summary}")
    finally:
        driver.quit()
    print(f"axe: axe-core {version}, {checked} page checks ({len(PAGE_KINDS)} page kinds, in English and Norwegian, × light and dark), {failures} violations"
          f" ({incomplete_total} contrast checks axe could not decide, not counted)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
