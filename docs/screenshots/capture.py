#!/usr/bin/env python3
"""Captures the README's screenshots of the fictional programme example served at BASE_URL into
OUTDIR (see docs/screenshots/capture). Each shot is 1280 px wide, starts at an element of the page
and is at most 1600 px tall, then reduced to 256 colours. The city and the action are the gates'
samples (pagekinds.example_pages: the city with most actions, its first action in progress).
Usage: capture.py BASE_URL OUTDIR CONTENT"""
import base64
import io
import os
import sys

from PIL import Image

from pagekinds import chrome, color_scheme, example_pages

WIDTH = 1280
HEIGHT = 1600
LIMIT = 300_000



def shots(content):
    """Name, page and CSS selector of the element the shot starts at (None: the top of the page)."""
    pages = dict(example_pages(content))
    return [
        ("programme", "programme/", None),
        ("city", pages["example-city"], "#rounds"),
        ("action", pages["example-action-in-progress"], None),
    ]


def capture(driver, url, selector):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": WIDTH, "height": 900, "deviceScaleFactor": 1, "mobile": False})
    driver.get(url)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    top = 0
    if selector:
        top = int(driver.execute_script(
            "const e = document.querySelector(arguments[0]);"
            "return e ? e.getBoundingClientRect().top + window.scrollY - 24 : -1", selector))
        if top < 0:
            sys.exit(f"capture: no element {selector} on {url}")
    clip = {"x": 0, "y": top, "width": WIDTH, "height": min(HEIGHT, height - top), "scale": 1}
    shot = driver.execute_cdp_cmd("Page.captureScreenshot",
                                  {"format": "png", "clip": clip, "captureBeyondViewport": True})
    return Image.open(io.BytesIO(base64.b64decode(shot["data"])))


def main():
    base, out, content = sys.argv[1], sys.argv[2], sys.argv[3]
    driver = chrome(WIDTH, 900)
    try:
        color_scheme(driver, "light")
        for name, path, selector in shots(content):
            image = capture(driver, base + path, selector).convert("RGB")
            small = image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
            target = os.path.join(out, f"{name}.png")
            small.save(target, optimize=True)
            size = os.path.getsize(target)
            print(f"capture: {target} {image.width}×{image.height}, {size // 1000} KB")
            if size > LIMIT:
                sys.exit(f"capture: {target} is {size // 1000} KB, more than {LIMIT // 1000} KB")
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
