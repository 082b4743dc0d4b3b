"""The pages people browse (States, treaties, bodies, sessions, subjects) and the resolution page's
pictures and points, on the real server over the sample corpus build.

What each page must show is found with SPARQL on the same server, never hard-coded.
"""

from __future__ import annotations

import html
import json
import re
from collections import defaultdict
from pathlib import Path
from urllib.parse import quote, unquote

import pytest
import requests
from rdflib import Graph, URIRef

from server_fixtures import path_of

UNRES = "https://w3id.org/un-lod/ontology#"
HTML = {"Accept": "text/html"}
EDITOR = Path(__file__).resolve().parent.parent / "lod" / "web" / "static" / "vendor" / "yasgui" / "yasgui.min.js"


def sparql_rows(server, query: str) -> list[dict[str, str]]:
    response = server.get("/sparql", params={"query": f"PREFIX unres: <{UNRES}>\n{query}"},
                          headers={"Accept": "application/sparql-results+json"})
    response.raise_for_status()
    return [{k: v["value"] for k, v in b.items()} for b in response.json()["results"]["bindings"]]


def alternates_of(response: requests.Response) -> dict[str, str]:
    """type → URL of every `rel="alternate"` in the Link header."""
    found = {}
    for part in response.headers.get("Link", "").split(","):
        match = re.match(r'\s*<([^>]+)>;\s*rel="alternate";\s*type="([^"]+)"', part)
        if match:
            found[match.group(2)] = match.group(1)
    return found


def section(page: str, heading_id: str) -> str:
    """The HTML of the <section> labelled by the heading with this id."""
    match = re.search(rf'<section aria-labelledby="{heading_id}"[^>]*>(.*?)</section>', page, re.S)
    assert match, f"no section {heading_id}"
    return match.group(1)


def test_state_page_lists_what_it_sponsored_and_links_its_data(server) -> None:
    rows = sparql_rows(server, "SELECT ?state ?work WHERE { GRAPH ?work { ?work unres:docProponent ?state } }")
    by_state: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        by_state[row["state"]].add(row["work"])
    states = [s for s in by_state if "/id/state/" in s]
    assert len(states) >= 3
    for state in states:
        iso3 = state.rsplit("/", 1)[-1]
        response = server.get(f"/states/{iso3}")
        assert response.status_code == 200, iso3
        sponsored = section(response.text, "h-sponsored")
        linked = set(re.findall(r'<a href="(/akn/[^"]+)"', sponsored))
        assert linked == {path_of(w) for w in by_state[state]}, iso3
        turtle_url = alternates_of(response)["text/turtle"]
        assert f'<link rel="alternate" type="text/turtle" href="{html.escape(turtle_url)}"' in response.text
        described = Graph().parse(data=server.get(turtle_url).text, format="turtle")
        assert (URIRef(state), None, None) in described
    # a browser following the State's IRI lands on the page; a data client still gets the data
    assert server.get(path_of(states[0]), headers=HTML).headers["Location"] == f"/states/{states[0][-3:]}"
    assert server.get(path_of(states[0]), headers={"Accept": "text/turtle"}).headers["Location"].startswith("/resource.ttl?iri=")


def test_co_sponsors_chart_counts_shared_documents(server) -> None:
    rows = sparql_rows(server, """SELECT ?a ?b (COUNT(DISTINCT ?work) AS ?n) WHERE {
        GRAPH ?work { ?work unres:docProponent ?a, ?b } FILTER(?a != ?b) } GROUP BY ?a ?b ORDER BY DESC(?n) ?a ?b LIMIT 1""")
    top = rows[0]
    page = server.get("/states/" + top["a"].rsplit("/", 1)[-1]).text
    partners = section(page, "h-partners")
    assert 'role="group"' in partners and 'aria-label="Most frequent co-sponsors of' in partners and "<desc>" in partners
    name = sparql_rows(server, f"SELECT ?l WHERE {{ <{top['b']}> <http://www.w3.org/2004/02/skos/core#prefLabel> ?l }}")[0]["l"]
    assert f"{html.escape(name)}: {top['n']} documents" in partners


def test_treaty_page_lists_citing_documents_oldest_first(server) -> None:
    rows = sparql_rows(server, """SELECT ?treaty ?work (SAMPLE(?d) AS ?date) WHERE {
        ?treaty a unres:Treaty . GRAPH ?work { ?p unres:cites ?treaty } OPTIONAL { ?work unres:docDate ?d } }
        GROUP BY ?treaty ?work""")
    by_treaty: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in rows:
        by_treaty[row["treaty"]].append((row.get("date", ""), row["work"]))
    treaty, works = max(by_treaty.items(), key=lambda kv: len(kv[1]))
    assert len(works) >= 2
    response = server.get(path_of(treaty), headers=HTML, allow_redirects=True)
    assert response.status_code == 200 and "/treaties/" in response.url
    citing = section(response.text, "h-citing")
    linked = re.findall(r'<a href="(/akn/[^"]+)"', citing)
    assert linked == [path_of(w) for _, w in sorted(works)]
    assert 'class="chart bar-chart"' in citing
    assert alternates_of(response)["application/ld+json"].startswith("/resource.jsonld?iri=")
    # named in six languages (lod/data/treaty_names.csv), the page is titled by its English name
    names = {r["tag"]: r["l"] for r in sparql_rows(server, f"SELECT (lang(?l) AS ?tag) ?l WHERE {{ <{treaty}> <http://www.w3.org/2004/02/skos/core#prefLabel> ?l }}")}
    assert len(names) == 6 and f"<h1>{html.escape(names['en'])}" in response.text.replace("\n", "")


def test_session_page_groups_documents_by_committee(server) -> None:
    from lod.bodies import by_key
    from lod.uri import tlc_iri

    assembly = tlc_iri(by_key("ga"))
    rows = sparql_rows(server, f"""SELECT ?work ?session ?committee WHERE {{ GRAPH ?work {{
        ?work unres:actor <{assembly}> ; unres:session ?session
        OPTIONAL {{ ?work unres:docCommittee ?committee }} }} }}""")
    assert rows
    session = rows[0]["session"]
    expected = {path_of(r["work"]) for r in rows if r["session"] == session}
    response = server.get(f"/sessions/ga/{session}")
    assert response.status_code == 200
    assert set(re.findall(r'<a href="(/akn/[^"]+)"', response.text)) == expected
    if rows[0].get("committee"):
        label = sparql_rows(server, f"SELECT ?l WHERE {{ <{rows[0]['committee']}> <http://www.w3.org/2004/02/skos/core#prefLabel> ?l }}")[0]["l"]
        assert re.search(rf'<h2 id="committee-\d+">{re.escape(label)} \(\d+\)</h2>', response.text)
    # its alternate is its own query, with the values bound: the same documents as data
    data = server.get(alternates_of(response)["application/sparql-results+json"])
    assert data.status_code == 200
    assert {path_of(b["work"]["value"]) for b in data.json()["results"]["bindings"]} == expected
    assert f"/sessions/ga/{session}" in server.get("/sessions").text
    assert f"/sessions/ga/{session}" in server.get("/bodies/ga").text


def test_bodies_page_draws_documents_per_year_and_body(server) -> None:
    rows = sparql_rows(server, """SELECT ?year (COUNT(DISTINCT ?work) AS ?n) WHERE {
        GRAPH ?work { ?work unres:actor ?body ; unres:docDate ?d } BIND(YEAR(?d) AS ?year) } GROUP BY ?year""")
    page = server.get("/bodies").text
    assert 'class="chart stacked-columns"' in page
    desc = re.search(r'stacked-columns".*?<desc>(.*?)</desc>', page, re.S).group(1)
    for row in rows:
        assert f"{row['year']}: " in desc
    assert 'href="/bodies/ga"' in page


@pytest.mark.parametrize("path, status, reason", [
    ("/states/XX1", 404, "not an ISO 3166 alpha-3 code"),
    ("/states/ZZZ", 404, "No State"),
    ("/treaties/unts/0000000", 404, "No treaty"),
    ("/bodies/nobody", 404, "No body 'nobody'"),
    ("/sessions/ga/9999", 404, "No documents of the General Assembly at session 9999"),
    ("/subjects?iri=" + quote('http://x/"> } DROP ALL', safe=""), 400, "not an IRI"),
    ("/subjects?iri=" + quote("http://example.org/no-such-subject", safe=""), 404, "No document"),
])
def test_browse_pages_refuse_bad_requests_with_the_reason(server, path: str, status: int, reason: str) -> None:
    response = server.get(path)
    assert response.status_code == status, unquote(path)
    assert reason in response.text


def test_lower_case_state_code_is_redirected(server) -> None:
    code = sparql_rows(server, "SELECT ?s WHERE { GRAPH ?w { ?w unres:docProponent ?s } } LIMIT 1")[0]["s"][-3:]
    response = server.get(f"/states/{code.lower()}")
    assert response.status_code == 301 and response.headers["Location"].endswith(f"/states/{code}")


def test_points_are_printed_once_under_their_chapeau(server) -> None:
    rows = sparql_rows(server, """SELECT ?work ?para ?point ?text WHERE { GRAPH ?work {
        ?point unres:eId ?eid ; unres:text ?text ; <http://purl.org/dc/terms/isPartOf>/<http://purl.org/dc/terms/isPartOf> ?para .
        ?para unres:eId ?peid . FILTER(CONTAINS(?eid, "__point_")) } }""")
    assert rows, "the sample corpus has a paragraph with lettered points"
    pages: dict[str, str] = {}
    for row in rows:
        page = pages.setdefault(row["work"], server.get(path_of(row["work"]) + "/data.html").text)
        plain = html.unescape(re.sub(r"<[^>]+>", "", page))
        assert plain.count(row["text"]) == 1, row["point"]
    para = rows[0]["para"].split("#", 1)[1]
    item = re.search(rf'<li id="{para}".*?<span class="text"[^>]*>(.*?)</span>', pages[rows[0]["work"]], re.S).group(1)
    assert "(a)" not in item, "the chapeau ends where the points begin"


def test_resolution_page_draws_its_citation_neighbourhood(server) -> None:
    row = sparql_rows(server, """SELECT ?citing ?cited (SAMPLE(?s) AS ?symbol) WHERE { GRAPH ?citing { ?c unres:citesWork ?cited }
        GRAPH ?cited { ?cited unres:symbol ?s } FILTER(?citing != ?cited) } GROUP BY ?citing ?cited LIMIT 1""")[0]
    cited_page = server.get(path_of(row["cited"]) + "/data.html").text
    picture = section(cited_page, "h-citations")
    assert 'class="chart citation-graph"' in picture and 'role="group"' in picture and 'aria-label="Citations of' in picture
    assert f'<a href="{path_of(row["citing"])}">' in picture, "the citing document's box links to its page"
    citing_page = server.get(path_of(row["citing"]) + "/data.html").text
    picture = section(citing_page, "h-citations")
    desc = html.unescape(re.search(r"<desc>(.*?)</desc>", picture, re.S).group(1))
    assert row["symbol"] in desc.split(". Cited by")[0], "what it cites is named in the picture's description"
    boxes = set(re.findall(r'<a href="([^"]+)">', picture))
    assert boxes and boxes <= set(re.findall(r'href="([^"]+)"', citing_page.replace(picture, ""))), \
        "every box links to a page the document page links to"


def test_draft_page_shows_its_sponsors_among_the_member_states(server) -> None:
    row = sparql_rows(server, """SELECT ?work (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?work { ?work unres:docProponent ?s }
        FILTER(CONTAINS(STR(?s), "/id/state/")) } GROUP BY ?work ORDER BY DESC(?n) LIMIT 1""")[0]
    page = server.get(path_of(row["work"]) + "/data.html").text
    tiles = re.search(r'<svg[^>]*class="chart state-tiles".*?</svg>', page, re.S).group(0)
    assert f"Sponsors: {row['n']} of 193 Member States" in tiles
    assert tiles.count('fill="#0b4f8a" stroke') == int(row["n"])


def test_query_page_without_the_vendored_editor_keeps_its_plain_form(corpus_build, tmp_path) -> None:
    """Where `make install` could not copy YASGUI (no npm), the page says so and the form works."""
    from lod.web.app import create_app

    app = create_app(data=str(corpus_build), store_dir=str(tmp_path / "store"))
    app.static_folder = str(tmp_path / "static-without-editor")
    client = app.test_client()
    page = client.get("/sparql", headers=HTML).get_data(as_text=True)
    assert 'id="editor-note"' in page and 'id="yasgui"' not in page and "yasgui.min.js" not in page
    assert '<form method="get" action="/sparql" id="query-form">' in page
    answer = client.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"},
                        headers={"Accept": "application/sparql-results+json"})
    assert answer.status_code == 200 and answer.get_json()["boolean"] is True


def test_query_page_offers_the_editor_with_our_prefixes(server) -> None:
    from lod.rdf.namespaces import PREFIXES

    if not EDITOR.is_file():
        pytest.skip(f"{EDITOR} is absent: `make install` copies YASGUI from npm into the package")
    page = server.get("/sparql", headers=HTML).text
    assert 'id="yasgui"' in page and "/static/vendor/yasgui/yasgui.min.js" in page
    prefixes = json.loads(re.search(r'<script type="application/json" id="prefix-data">(.*?)</script>', page, re.S).group(1))
    assert prefixes == {p: str(ns) for p, ns in PREFIXES.items()}
    assert server.get("/static/vendor/yasgui/yasgui.min.js").status_code == 200


@pytest.mark.parametrize("listing, key", [("/bodies", "body"), ("/sessions", "session"), ("/subjects", "subject"),
                                          ("/sponsors", "sponsor"), ("/treaties", "treaty")])
def test_listings_offer_their_query_answer_as_data(server, listing: str, key: str) -> None:
    page = server.get(listing)
    alternates = alternates_of(page)
    assert set(alternates) == {"application/sparql-results+json", "text/csv"}
    data = server.get(alternates["application/sparql-results+json"])
    assert data.status_code == 200 and key in data.json()["head"]["vars"]
    hrefs = set(re.findall(r'<td><a href="([^"]+)"', page.text))
    assert len(hrefs) == len(data.json()["results"]["bindings"])


@pytest.mark.parametrize("listing, fact, page_of", [
    ("/sponsors", "GRAPH ?work { ?work unres:docProponent ?x } FILTER(isIRI(?x))", "/states/"),
    ("/treaties", "?x a unres:Treaty . GRAPH ?work { ?work a unres:Work . ?p unres:cites ?x }", "/treaties/"),
])
def test_listings_count_the_documents_their_pages_list(server, listing: str, fact: str, page_of: str) -> None:
    """Each row of /sponsors and /treaties says how many documents sponsored or cite it: the number
    counted here from the fact itself, and the number of documents its own page lists."""
    rows = sparql_rows(server, f"SELECT ?x (COUNT(DISTINCT ?work) AS ?n) WHERE {{ {fact} }} GROUP BY ?x")
    expected = {r["x"].rsplit("/", 1)[-1]: int(r["n"]) for r in rows}
    page = server.get(listing, headers=HTML).text
    shown = {href: int(n) for href, n in re.findall(r'<td><a href="([^"]+)">[^<]*</a></td><td>(\d+)</td>', page)}
    assert len(expected) >= 3
    assert {href.rsplit("/", 1)[-1]: n for href, n in shown.items() if n} == expected
    href, count = max(((h, n) for h, n in shown.items() if h.startswith(page_of)), key=lambda kv: kv[1])
    listed = section(server.get(href, headers=HTML).text, "h-sponsored" if page_of == "/states/" else "h-citing")
    assert len(set(re.findall(r'<a href="(/akn/[^"]+)"', listed))) == count
