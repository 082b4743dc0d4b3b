"""A real headless Chromium on the real server: what a person sees and clicks.

Screenshots of each step go to tests/artifacts/ (gitignored) for a human to look at.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from corpora import needs_shared
from server_fixtures import path_of

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"

if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
    pytest.skip(f"needs {CHROMIUM} and {CHROMEDRIVER} (make browser-deps installs them)", allow_module_level=True)

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.options import Options  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[webdriver.Chrome]:
    options = Options()
    options.binary_location = str(CHROMIUM)
    profile = tmp_path_factory.mktemp("chromium-profile")
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                f"--user-data-dir={profile}", "--window-size=1280,1600"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    ARTIFACTS.mkdir(exist_ok=True)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def shot(driver: webdriver.Chrome, name: str) -> None:
    path = ARTIFACTS / f"{name}.png"
    assert driver.save_screenshot(str(path))
    assert path.stat().st_size > 1000


def citing_work(server) -> tuple[str, str]:
    """A published work that cites another published work (found with SPARQL, not hard-coded)."""
    query = """PREFIX unres: <https://w3id.org/un-lod/ontology#>
SELECT ?citing ?cited WHERE { GRAPH ?citing { ?c unres:citesWork ?cited } GRAPH ?cited { ?cited unres:symbol ?s }
FILTER(?citing != ?cited) } LIMIT 1"""
    rows = server.get("/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+json"}).json()
    row = rows["results"]["bindings"][0]
    return row["citing"]["value"], row["cited"]["value"]


def test_home_resolution_citation_anchor(browser: webdriver.Chrome, server, published_works) -> None:
    wait = WebDriverWait(browser, 20)
    browser.get(server.url + "/")
    assert "Linked Open Data" in browser.find_element(By.TAG_NAME, "h1").text
    shot(browser, "01-home")

    citing, cited = citing_work(server)
    browser.find_element(By.CSS_SELECTOR, f'a[href="{path_of(citing)}"]').click()
    wait.until(expected_conditions.url_contains("/data.html"))
    assert browser.find_elements(By.CSS_SELECTOR, "ol.operative > li[id^='para_']")
    shot(browser, "02-resolution")

    link = browser.find_element(By.CSS_SELECTOR, f'a[href="{path_of(cited)}"]')
    link.click()
    wait.until(expected_conditions.url_contains(path_of(cited) + "/data.html"))
    cited_by = browser.find_element(By.ID, "h-cited-by").find_element(By.XPATH, "..")
    assert cited_by.find_elements(By.CSS_SELECTOR, f'a[href="{path_of(citing)}"]')
    shot(browser, "03-cited-resolution")

    browser.get(server.url + path_of(citing) + "/!main#para_1")
    wait.until(expected_conditions.url_contains("#para_1"))
    target = browser.execute_script("return document.querySelector(':target') && document.querySelector(':target').id")
    assert target == "para_1"
    assert browser.find_element(By.ID, "para_1").is_displayed()
    shot(browser, "04-paragraph-anchor")


@needs_shared
def test_example_query_on_the_query_page(browser: webdriver.Chrome, server) -> None:
    wait = WebDriverWait(browser, 20)
    browser.get(server.url + "/sparql")
    examples = browser.find_elements(By.CSS_SELECTOR, "ul.examples details")
    assert len(examples) >= 5
    sponsors = next(d for d in examples if "Sponsors" in d.text)
    sponsors.find_element(By.TAG_NAME, "summary").click()
    sponsors.find_element(By.CSS_SELECTOR, "a.edit-example").click()  # JS loads it into the form
    query = browser.find_element(By.ID, "query").get_attribute("value")
    assert "docProponent" in query
    shot(browser, "05-query-page")
    browser.find_element(By.ID, "run").click()
    wait.until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "table.results")))
    rows = browser.find_elements(By.CSS_SELECTOR, "table.results tbody tr")
    assert rows and all(r.find_elements(By.TAG_NAME, "a") for r in rows)
    shot(browser, "06-query-results")


def test_search_facet_paragraph_anchor(browser: webdriver.Chrome, server) -> None:
    """A person types words on the home page, narrows by a verb, and opens a paragraph."""
    wait = WebDriverWait(browser, 20)
    browser.get(server.url + "/")
    box = browser.find_element(By.ID, "home-q")
    box.send_keys("international cooperation")
    box.submit()
    wait.until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "li.hit")))
    assert browser.find_elements(By.CSS_SELECTOR, "li.hit .snippet mark")
    before = browser.find_element(By.ID, "h-results").text
    shot(browser, "07-search-results")

    verb = browser.find_element(By.CSS_SELECTOR, 'section[data-facet="verb"] li a')
    chosen, count = verb.text, verb.find_element(By.XPATH, "following-sibling::span").text
    verb.click()
    wait.until(expected_conditions.url_contains("verb="))
    heading = browser.find_element(By.ID, "h-results").text
    assert heading.startswith(count + " passage") and heading != before
    assert browser.find_element(By.CSS_SELECTOR, 'section[data-facet="verb"] a.selected').text.startswith(chosen)
    shot(browser, "08-search-narrowed")

    hit = browser.find_element(By.CSS_SELECTOR, "li.hit a.passage")
    fragment = hit.get_attribute("href").split("#", 1)[1]
    hit.click()
    wait.until(expected_conditions.url_contains("/data.html"))
    wait.until(expected_conditions.url_contains("#" + fragment))
    target = browser.execute_script("return document.querySelector(':target') && document.querySelector(':target').id")
    assert target == fragment
    assert browser.find_element(By.ID, fragment).is_displayed()
    shot(browser, "09-search-paragraph")
