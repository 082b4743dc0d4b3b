"""Votes and subjects on the browse pages, from the UN's own AKN4UN files (../shared/corpus/real/ga-akn).

The recorded votes and the subject classification exist only in AKN input, read by lod.parse.akn
(the AKN reader); where that reader or the files are absent the tests skip and say why. What each
page must show is asked of the same store by SPARQL, never hard-coded.
"""

from __future__ import annotations

import html
import importlib.util
import re
import shutil
from collections import Counter
from urllib.parse import urlencode

import pytest
from flask.testing import FlaskClient

from corpora import SHARED
from server_fixtures import path_of

GA_AKN = SHARED / "corpus" / "real" / "ga-akn" / "GAresolutions-main" / "77session" / "English"
UNRES = "https://w3id.org/un-lod/ontology#"
FILES = 40

if importlib.util.find_spec("lod.parse.akn") is None:
    pytest.skip("the AKN reader (lod.parse.akn) is not in this checkout: votes and subjects come from it",
                allow_module_level=True)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> FlaskClient:
    """The first FILES resolutions of session 77, built for real and served by the app."""
    from lod.publish import build
    from lod.web.app import create_app

    corpus = tmp_path_factory.mktemp("ga-akn")
    for source in sorted(GA_AKN.glob("*.xml"))[:FILES]:  # FileNotFoundError → skip where ../shared is absent
        shutil.copy(source, corpus / source.name)
    if not any(corpus.iterdir()):
        raise FileNotFoundError(GA_AKN)
    out = tmp_path_factory.mktemp("out") / "output"
    build(corpus, out, progress=False, jobs=2)
    app = create_app({"data": str(out), "store-dir": str(tmp_path_factory.mktemp("store"))})
    return app.test_client()


def rows(client: FlaskClient, query: str) -> list[dict[str, str]]:
    response = client.get("/sparql", query_string={"query": f"PREFIX unres: <{UNRES}>\n{query}"},
                          headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200, response.get_data(as_text=True)
    return [{k: v["value"] for k, v in b.items()} for b in response.get_json()["results"]["bindings"]]


def test_resolution_page_draws_its_recorded_vote(client: FlaskClient) -> None:
    voted = rows(client, """SELECT ?work ?yes ?no ?abs WHERE { GRAPH ?work { ?work unres:voting ?v .
        ?v unres:votesInFavour ?yes ; unres:votesAgainst ?no ; unres:abstentions ?abs } } LIMIT 3""")
    assert voted, f"a recorded vote among the first {FILES} resolutions of session 77"
    for row in voted:
        page = client.get(path_of(row["work"]) + "/data.html").get_data(as_text=True)
        chart = re.search(r'<svg[^>]*class="chart vote-chart".*?</svg>', page, re.S)
        assert chart, row["work"]
        desc = re.search(r"<desc>(.*?)</desc>", chart.group(0)).group(1)
        assert f"yes: {row['yes']}, no: {row['no']}, abstention: {row['abs']}" in desc


def test_state_page_shows_how_it_voted(client: FlaskClient) -> None:
    votes = rows(client, """SELECT ?state ?work ?choice WHERE { GRAPH ?work {
        ?work unres:voting/unres:hasVote ?v . ?v unres:voter ?state ; unres:voteChoice ?choice } }""")
    by_state: dict[str, dict[str, str]] = {}
    for row in votes:
        by_state.setdefault(row["state"], {})[row["work"]] = row["choice"].rsplit("#Vote", 1)[-1].lower()
    assert by_state, "recorded votes linked to our State IRIs"
    state, cast = max(by_state.items(), key=lambda kv: (len(set(kv[1].values())), kv[0]))
    page = client.get("/states/" + state.rsplit("/", 1)[-1]).get_data(as_text=True)
    section = re.search(r'<section aria-labelledby="h-votes">(.*?)</section>', page, re.S).group(1)
    listed = dict(re.findall(r'<a href="([^"]+)">[^<]*</a></td><td>.*?</td><td class="date">.*?</td><td class="vote-[^"]+">([^<]+)</td>',
                             section, re.S))
    expected = {path_of(w): c.replace("nonvoting", "non-voting") for w, c in cast.items()}
    assert listed == expected
    tally = Counter(expected.values())
    desc = html.unescape(re.search(r"<desc>(.*?)</desc>", section).group(1))
    for choice, count in tally.items():
        assert f"{choice}: {count} votes" in desc


def test_subject_pages_list_their_documents(client: FlaskClient) -> None:
    subjects = rows(client, """SELECT ?subject (COUNT(DISTINCT ?work) AS ?n) WHERE {
        GRAPH ?work { ?work <http://purl.org/dc/terms/subject> ?subject } FILTER(isIRI(?subject)) }
        GROUP BY ?subject ORDER BY DESC(?n) ?subject LIMIT 1""")
    assert subjects, "subjects (SDG, UNBIS, EuroVoc) on the resolutions"
    subject = subjects[0]["subject"]
    listing = client.get("/subjects").get_data(as_text=True)
    assert 'href="/subjects?' + html.escape(urlencode({"iri": subject})) + '"' in listing
    page = client.get("/subjects", query_string={"iri": subject})
    assert page.status_code == 200
    works = {path_of(r["work"]) for r in rows(client, f"""SELECT DISTINCT ?work WHERE {{
        GRAPH ?work {{ ?work <http://purl.org/dc/terms/subject> <{subject}> }} }}""")}
    linked = set(re.findall(r'<a href="(/akn/[^"]+)"', page.get_data(as_text=True)))
    assert linked == works and len(works) == int(subjects[0]["n"])
    assert page.headers["Link"].count('rel="alternate"') >= 4


def test_vote_and_subject_lists_of_the_build_are_the_stores_answers(client: FlaskClient) -> None:
    """lists.sqlite (lod.lists) against the store on AKN input: votes and subjects come only from it."""
    from test_lists import assert_lists_agree

    rt = client.application.extensions["lod"]
    kinds = assert_lists_agree(rt.data, rt.store())
    assert kinds["vote"] >= 100 and kinds["subject"] >= 20 and kinds["session"] >= 1, kinds
    assert kinds["submitter"] >= 3, kinds  # the Sixth Committee's texts a Bureau member submitted


def test_state_page_lists_what_its_representatives_submitted_as_officers(client: FlaskClient) -> None:
    """The Sixth Committee's texts of session 77 that a representative submitted "on behalf of the
    Bureau": each State's page lists them, as the store says (unres:submitterState)."""
    submitted = rows(client, """SELECT ?iso3 (COUNT(DISTINCT ?work) AS ?n) WHERE { GRAPH ?work {
        ?work unres:submitterState ?state } ?state unres:iso3 ?iso3 } GROUP BY ?iso3""")
    assert len(submitted) >= 3, f"officers' drafts among the first {FILES} resolutions of session 77"
    for row in submitted:
        page = client.get(f"/states/{row['iso3']}").get_data(as_text=True)
        section = page.split('id="h-submitted"', 1)[1].split("</section>", 1)[0]
        assert f"Submitted as an officer ({row['n']})" in section
        assert section.count('href="/akn/') == int(row["n"])
