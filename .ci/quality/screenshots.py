#!/usr/bin/env python3
"""Full-page PNGs of one page of every page kind at 1280 and 390 px wide, light (and with --dark, dark
too), for review by eye. Usage: screenshots.py BASE_URL OUTDIR [--dark] [--max-height PX]."""
import argparse
import base64
import os

from pagekinds import PAGE_KINDS, chrome, color_scheme

WIDTHS = [(1280, False), (390, True)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("outdir")
    parser.add_argument("--dark", action="store_true", help="also in emulated dark mode")
    parser.add_argument("--max-height", type=int, default=9000)
    args = parser.parse_args()
    os.makedirs(args.outdir, exist_ok=True)
    driver = chrome()
    written = 0
    try:
        for scheme in ["light"] + (["dark"] if args.dark else []):
            color_scheme(driver, scheme)
            for width, mobile in WIDTHS:
                for kind, path in PAGE_KINDS:
                    metrics = {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": mobile}
                    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
                    driver.get(args.base + path)
                    height = driver.execute_script(
                        "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)")
                    metrics["height"] = min(int(height), args.max_height)
                    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
                    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": False})
                    suffix = "" if scheme == "light" else "-dark"
                    name = os.path.join(args.outdir, f"{kind}-{width}{suffix}.png")
                    with open(name, "wb") as f:
                        f.write(base64.b64decode(shot["data"]))
                    written += 1
                    print(f"screenshots: {name} ({width}×{metrics['height']})")
    finally:
        driver.quit()
    print(f"screenshots: {written} PNGs in {args.outdir}")


if __name__ == "__main__":
    main()
