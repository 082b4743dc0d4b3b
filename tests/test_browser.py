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
def test_example_runs_from_the_plain_list_of_examples(browser: webdriver.Chrome, server) -> None:
    """The list of examples under the editor works without the editor: Run gives a results table."""
    wait = WebDriverWait(browser, 20)
    browser.get(server.url + "/sparql")
    examples = browser.find_elements(By.CSS_SELECTOR, "ul.examples details")
    assert len(examples) >= 5
    sponsors = next(d for d in examples if "Sponsors" in d.text)
    sponsors.find_element(By.TAG_NAME, "summary").click()
    assert "docProponent" in sponsors.find_element(By.TAG_NAME, "code").text
    shot(browser, "05-query-page")
    sponsors.find_element(By.CSS_SELECTOR, "a.run-example").click()
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
EDITOR = Path(__file__).resolve().parent.parent / "lod" / "web" / "static" / "vendor" / "yasgui" / "yasgui.min.js"


def test_query_editor_runs_an_example_and_shows_a_table_and_a_chart(browser: webdriver.Chrome, server) -> None:
    if not EDITOR.is_file():
        pytest.skip(f"{EDITOR} is absent: `make install` copies YASGUI from npm into the package")
    from lod.web.queries import EXAMPLES

    wait = WebDriverWait(browser, 20)
    browser.get(server.url + "/sparql")
    wait.until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "#yasgui .CodeMirror")))
    assert not browser.find_element(By.ID, "query-form").is_displayed(), "the editor replaces the plain form"
    tabs = browser.find_elements(By.CSS_SELECTOR, "#yasgui .tabsList .tab")
    assert [t.text.replace("✖", "").strip() for t in tabs] == [e.title for e in EXAMPLES]
    counting = next(t for t in tabs if "How many documents each State sponsored" in t.text)
    counting.find_element(By.TAG_NAME, "a").click()
    active_text = "return document.querySelector('#yasgui .tabPanel.active .CodeMirror').CodeMirror.getValue()"
    wait.until(lambda d: "COUNT(DISTINCT ?work)" in d.execute_script(active_text))
    editor_text = browser.execute_script(active_text)
    # syntax highlighting: keywords and prefixed names are styled tokens
    assert browser.find_elements(By.CSS_SELECTOR, "#yasgui .tabPanel.active .cm-keyword")
    # prefix completion offers our own prefixes (lod.rdf.namespaces)
    browser.execute_script("""const cm = document.querySelector('#yasgui .tabPanel.active .CodeMirror').CodeMirror;
        cm.setValue('PREFIX unr'); cm.setCursor({line: 0, ch: 10}); cm.focus();
        window.lodYasgui.getTab().getYasqe().autocomplete();""")
    hint = wait.until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, ".CodeMirror-hints")))
    assert "unres: <https://w3id.org/un-lod/ontology#>" in hint.text
    browser.execute_script("""const cm = document.querySelector('#yasgui .tabPanel.active .CodeMirror').CodeMirror;
        cm.setValue(arguments[0]);""", editor_text)
    shot(browser, "07-query-editor")
    browser.find_element(By.CSS_SELECTOR, "#yasgui .tabPanel.active .yasqe_queryButton").click()
    wait.until(expected_conditions.presence_of_element_located(
        (By.CSS_SELECTOR, "#yasgui .tabPanel.active .yasr table tbody tr")))
    expected = server.get("/sparql", params={"query": editor_text},
                          headers={"Accept": "application/sparql-results+json"}).json()["results"]["bindings"]
    rows = browser.find_elements(By.CSS_SELECTOR, "#yasgui .tabPanel.active .yasr table tbody tr")
    assert len(rows) == min(len(expected), 50)
    shot(browser, "08-query-editor-table")
    browser.find_element(By.CSS_SELECTOR, "#yasgui .tabPanel.active .yasr .select_chart").click()
    chart = wait.until(expected_conditions.presence_of_element_located(
        (By.CSS_SELECTOR, "#yasgui .tabPanel.active .yasr svg.yasr-chart")))
    desc = chart.find_element(By.TAG_NAME, "desc").get_attribute("textContent")
    first = expected[0]
    assert f"{first['state']['value']}: {first['documents']['value']}" in desc
    assert len(chart.find_elements(By.TAG_NAME, "rect")) == len(expected)
    shot(browser, "09-query-editor-chart")


def test_state_page_and_treaty_page(browser: webdriver.Chrome, server, published_works) -> None:
    """From a resolution to a sponsor's State page, and from a cited treaty to its page."""
    wait = WebDriverWait(browser, 20)
    rows = server.get("/sparql", params={"query": """PREFIX unres: <https://w3id.org/un-lod/ontology#>
SELECT ?work ?state ?treaty WHERE { GRAPH ?work { ?work unres:docProponent ?state . ?p unres:cites ?treaty }
?treaty a unres:Treaty } LIMIT 1"""}, headers={"Accept": "application/sparql-results+json"}).json()["results"]["bindings"]
    work, state, treaty = (rows[0][k]["value"] for k in ("work", "state", "treaty"))
    browser.get(server.url + path_of(work))
    wait.until(expected_conditions.url_contains("/data.html"))
    browser.find_element(By.CSS_SELECTOR, f'ul.sponsors a[href="{path_of(state)}"]').click()
    wait.until(expected_conditions.url_contains("/states/"))
    assert browser.find_element(By.CSS_SELECTOR, f'#h-sponsored ~ table a[href="{path_of(work)}"]').is_displayed()
    assert browser.find_elements(By.CSS_SELECTOR, "svg.chart[role=group]")
    shot(browser, "10-state-page")
    browser.get(server.url + path_of(treaty))
    wait.until(expected_conditions.url_contains("/treaties/"))
    assert browser.find_element(By.CSS_SELECTOR, f'#h-citing ~ table a[href="{path_of(work)}"]').is_displayed()
    browser.find_element(By.CSS_SELECTOR, f'#h-citing ~ table a[href="{path_of(work)}"]').click()
    wait.until(expected_conditions.url_contains(path_of(work)))
    shot(browser, "11-treaty-page-to-resolution")


AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"


def page_kinds(server) -> dict[str, str]:
    """One URL of every kind of page the site serves, found from the data (not hard-coded)."""
    row = server.get("/sparql", params={"query": """PREFIX unres: <https://w3id.org/un-lod/ontology#>
SELECT ?work ?state ?treaty ?session ?cited WHERE { GRAPH ?work { ?work unres:docProponent ?state ; unres:session ?session .
?p unres:cites ?treaty . ?c unres:citesWork ?cited } ?treaty a unres:Treaty
FILTER NOT EXISTS { GRAPH ?cited { ?cited ?x ?y } } } LIMIT 1"""},
                     headers={"Accept": "application/sparql-results+json"}).json()["results"]["bindings"][0]
    work, state, treaty, cited = (row[k]["value"] for k in ("work", "state", "treaty", "cited"))
    return {
        "home": "/", "documents": "/documents", "sponsors": "/sponsors", "treaties": "/treaties",
        "resolution": path_of(work) + "/data.html", "resource": "/resource.html?iri=" + cited,
        "state": server.get(path_of(state), headers={"Accept": "text/html"}).headers["Location"],
        "treaty": server.get(path_of(treaty), headers={"Accept": "text/html"}).headers["Location"],
        "bodies": "/bodies", "body": "/bodies/ga", "sessions": "/sessions",
        "subjects": "/subjects", "sparql": "/sparql",
        "sparql-results": "/sparql?format=html&query=SELECT%20%2A%20WHERE%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D%20LIMIT%205",
        "dumps": "/dumps/", "not-found": "/states/ZZZ",
    }


def test_every_page_kind_passes_axe_without_serious_violations(browser: webdriver.Chrome, server) -> None:
    """axe-core (npm, installed by `npm ci`) on each kind of page: no serious or critical WCAG 2 A/AA
    violation, with what and where when there is one."""
    if not AXE.is_file():
        pytest.skip(f"{AXE} is absent: `npm ci` installs axe-core (a devDependency in package.json)")
    script = AXE.read_text(encoding="utf-8")
    failures = []
    for kind, path in page_kinds(server).items():
        browser.get(server.url + path)
        WebDriverWait(browser, 20).until(lambda d: d.execute_script("return document.readyState") == "complete")
        if kind == "sparql" and EDITOR.is_file():
            WebDriverWait(browser, 20).until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "#yasgui .CodeMirror")))
        browser.execute_script(script)
        failures += axe_failures(browser, kind, path)
        if kind == "sparql" and EDITOR.is_file():  # and the editor's result table and chart
            browser.find_element(By.CSS_SELECTOR, "#yasgui .tabPanel.active .yasqe_queryButton").click()
            WebDriverWait(browser, 20).until(expected_conditions.presence_of_element_located(
                (By.CSS_SELECTOR, "#yasgui .tabPanel.active .yasr table tbody tr")))
            failures += axe_failures(browser, "sparql-editor-table", path)
            browser.find_element(By.CSS_SELECTOR, "#yasgui .tabPanel.active .yasr .select_chart").click()
            failures += axe_failures(browser, "sparql-editor-chart", path)
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang"), kind
    shot(browser, "12-axe-last-page")
    assert not failures, "\n".join(failures)


def axe_failures(browser: webdriver.Chrome, kind: str, path: str) -> list[str]:
    """The serious and critical WCAG 2.1 A/AA violations axe finds on the page as it is now."""
    result = browser.execute_async_script("""const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
               .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))))
               .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));""")
    return [f"{kind} {path}: {v['id']} ({v['impact']}) {v['help']} at {v['nodes']}"
            for v in result if v["impact"] in ("serious", "critical")]


def test_resolution_prints_like_the_uns_layout(browser: webdriver.Chrome, server, published_works) -> None:
    """With print media: no site navigation or pictures, preambular paragraphs unnumbered with their
    opening words in italics, operative paragraphs numbered "1.", footnotes last."""
    rows = server.get("/sparql", params={"query": """PREFIX unres: <https://w3id.org/un-lod/ontology#>
SELECT ?work WHERE { GRAPH ?work { ?p a unres:PreambularParagraph . ?o a unres:OperativeParagraph . ?f a unres:AuthorialNote } } LIMIT 1"""},
                      headers={"Accept": "application/sparql-results+json"}).json()["results"]["bindings"]
    work = rows[0]["work"]["value"]
    browser.get(server.url + path_of(work) + "/data.html")
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not browser.find_element(By.CSS_SELECTOR, "body > header").is_displayed()
        assert not any(f.is_displayed() for f in browser.find_elements(By.TAG_NAME, "figure"))
        preamble = browser.find_elements(By.CSS_SELECTOR, "ol.preamble > li.part")
        assert preamble and not preamble[0].find_element(By.CSS_SELECTOR, ".anchor").is_displayed()
        lead = preamble[0].find_element(By.CSS_SELECTOR, "em.lead")
        assert lead.value_of_css_property("font-style") == "italic"
        number = browser.find_element(By.CSS_SELECTOR, "ol.operative > li.part > .anchor")
        after = browser.execute_script("return getComputedStyle(arguments[0], '::after').content", number)
        assert number.is_displayed() and after == '"."'
        footnotes = browser.find_element(By.CSS_SELECTOR, "ol.footnotes")
        operative = browser.find_element(By.CSS_SELECTOR, "ol.operative")
        assert footnotes.is_displayed() and footnotes.location["y"] > operative.location["y"]
        assert not browser.find_element(By.ID, "h-metadata").is_displayed()
        shot(browser, "13-resolution-print")
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_keyboard_skip_link_and_focusable_pictures(browser: webdriver.Chrome, server) -> None:
    """The first Tab shows the skip link and Enter on it moves on to the content; the links in a
    picture are reached by Tab too, with a visible focus."""
    from selenium.webdriver.common.keys import Keys

    state = server.get("/sparql", params={"query": """PREFIX unres: <https://w3id.org/un-lod/ontology#>
SELECT ?s (COUNT(?w) AS ?n) WHERE { GRAPH ?w { ?w unres:docProponent ?s } } GROUP BY ?s ORDER BY DESC(?n) ?s LIMIT 1"""},
                       headers={"Accept": "application/sparql-results+json"}).json()["results"]["bindings"][0]["s"]["value"]
    browser.get(server.url + "/states/" + state.rsplit("/", 1)[-1])
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    skip = browser.switch_to.active_element
    assert skip.get_attribute("class") == "skip" and skip.location["x"] >= 0 and skip.is_displayed()
    skip.send_keys(Keys.ENTER)
    WebDriverWait(browser, 5).until(expected_conditions.url_contains("#main"))
    for _ in range(200):  # Tab through the page until a link inside a picture has the focus
        browser.switch_to.active_element.send_keys(Keys.TAB)
        focused = browser.switch_to.active_element
        if browser.execute_script("return !!arguments[0].closest('svg.chart')", focused):
            break
    else:
        pytest.fail("no link in a picture is reachable by Tab")
    rect = focused.find_element(By.TAG_NAME, "rect")
    assert rect.value_of_css_property("stroke") in ("rgb(245, 166, 35)", "#f5a623")
    shot(browser, "14-keyboard-focus-in-picture")
