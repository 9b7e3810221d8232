"""One page of every page kind of the demo site (with the gates' fixture action), by name → path below
the site's base URL.
Shared by the axe and screenshots gates."""

PAGE_KINDS = [
    ("home", ""),
    ("cities", "cities/"),
    ("city", "cities/karmoy/"),
    ("city-dimension", "cities/karmoy/economy/"),
    ("dimensions", "dimensions/"),
    ("dimension", "dimensions/environment/"),
    ("indicators", "indicators/"),
    ("indicator", "indicators/ec-ict-ict-1c/"),
    ("methodology", "methodology/"),
    ("programme", "programme/"),
    ("action", "actions/gate-fixture/"),
    ("page", "about/"),
    ("404", "404.html"),
]


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
