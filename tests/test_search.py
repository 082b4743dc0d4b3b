"""Full-text search: the index `lod build` writes from the real corpus, and `/search` on the real server.

Expected answers come from the published RDF (documents/*.ttl), never from the index itself:
a phrase cut from a paragraph's `unres:text` must find that paragraph's IRI, and the leading
phrase the RDF gives a paragraph must agree with the verb facet that found it.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from lod.rdf.namespaces import UNRES
from lod.search import INDEX_FILE, SearchError, SearchIndex, SearchTimeout
from lod.search.query import MAX_QUERY_CHARS, parse_terms
from lod.search.records import verb_value
from lod.web.search import marked


@pytest.fixture(scope="module")
def index(corpus_build: Path) -> SearchIndex:
    return SearchIndex(corpus_build / INDEX_FILE)


@pytest.fixture(scope="module")
def published(corpus_build: Path) -> Graph:
    """Every published document's graph, merged."""
    graph = Graph()
    for path in sorted((corpus_build / "documents").glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph


def _phrase(text: str, rng: random.Random, words: int = 7) -> str | None:
    """`words` consecutive words from the middle of `text`, plain ones only (no footnote marks)."""
    tokens = text.split()
    if len(tokens) < words + 4:
        return None
    start = rng.randrange(2, len(tokens) - words - 1)
    return " ".join(tokens[start:start + words])


def test_every_published_document_is_in_the_index(corpus_build: Path) -> None:
    report = json.loads((corpus_build / "report.json").read_text())
    works = {d["work"] for d in report["documents"] if d["status"] == "published"}
    assert works and SearchIndex(corpus_build / INDEX_FILE).works() == works


def test_a_phrase_of_a_paragraph_finds_that_paragraph(index: SearchIndex, published: Graph) -> None:
    rng = random.Random(13)
    subjects = set(published.subjects())
    preambular = sorted(set(published.subjects(RDF.type, UNRES.PreambularParagraph)))
    operative = sorted(p for p in set(published.subjects(RDF.type, UNRES.OperativeParagraph))
                       if URIRef(f"{p}__list_1") not in subjects)  # with points, a paragraph is its chapeau
    points = sorted(set(published.subjects(RDF.type, UNRES.Point)))
    assert len(preambular) > 20 and len(operative) > 20 and points
    checked = 0
    for node in rng.sample(preambular, 12) + rng.sample(operative, 12) + rng.sample(points, min(8, len(points))):
        phrase = _phrase(str(published.value(node, UNRES.text)), rng)
        if phrase is None or '"' in phrase:
            continue
        result = index.search(f'"{phrase}"', {}, size=50)
        assert str(node) in [h.iri for h in result.hits], (phrase, str(node))
        marked_words = " ".join(re.findall("\x02(.*?)\x03", result.hits[0].snippet)).lower()
        assert all(re.sub(r"\W", "", w.lower()) in re.sub(r"[^\w ]", "", marked_words)
                   for w in phrase.split() if re.sub(r"\W", "", w)), (phrase, result.hits[0].snippet)
        checked += 1
    assert checked >= 20


def test_a_phrase_is_marked_where_it_occurs_whole_and_a_prefix_where_a_word_starts_so(index: SearchIndex) -> None:
    phrase = index.search('"international cooperation"', {}, size=20)
    assert phrase.total > 0
    spans = [m.lower() for h in phrase.hits for m in re.findall("\x02(.*?)\x03", h.snippet)]
    assert spans and all(re.fullmatch(r"international\W+cooperation", m) for m in spans), spans
    prefix = index.search("cooperat*", {}, size=20)
    words = [m.lower() for h in prefix.hits for m in re.findall("\x02(.*?)\x03", h.snippet)]
    # the prefix is stemmed as the index's words are (FTS5's porter did the same): cooper…
    assert prefix.total >= phrase.total and words and all(w.startswith("cooper") for w in words), words
    assert prefix.total == index.search("cooperation", {}, size=1).total  # its stem: cooperate, cooperative …


def test_words_are_stemmed_and_ranked(index: SearchIndex) -> None:
    one = index.search("request", {}, size=5)
    many = index.search("requests", {}, size=5)
    assert one.total == many.total > 0
    both = index.search("transnational crime", {}, size=50)
    either = index.search("transnational", {}, size=5)
    assert 0 < both.total <= either.total


def test_pages_continue_the_ranking(index: SearchIndex) -> None:
    """The page is ranked apart from the passages it shows: two pages of ten are the first
    twenty, in the same order, with the same highlighted passages."""
    whole = index.search("States international", {}, size=20)
    assert whole.total > 20
    pages = index.search("States international", {}, page=1, size=10).hits + \
        index.search("States international", {}, page=2, size=10).hits
    assert [(h.iri, h.snippet) for h in pages] == [(h.iri, h.snippet) for h in whole.hits]
    assert all("\x02" in h.snippet for h in whole.hits)
    last = index.search("States international", {}, page=-(-whole.total // 10), size=10)
    assert len(last.hits) == whole.total - 10 * (last.page - 1)


def test_the_verb_facet_agrees_with_the_rdf(index: SearchIndex, published: Graph) -> None:
    result = index.search("", {"verb": ["requests"], "part": ["operative"]}, size=50)
    assert result.total > 5
    for hit in result.hits:
        phrase = published.value(URIRef(hit.iri), UNRES.leadingPhrase)
        assert phrase is not None and verb_value(str(phrase)) == "requests", (hit.iri, phrase)


def test_facets_narrow_and_count_exactly(index: SearchIndex) -> None:
    broad = index.search("States", {}, size=5)
    bodies = broad.facets["body"]
    assert len(bodies) >= 2  # the corpus has documents of several organs
    assert sum(b.count for b in bodies) == broad.total  # every passage has one body
    for body in bodies:
        narrowed = index.search("States", {"body": [body.value]}, size=5)
        assert narrowed.total == body.count
        assert [b.value for b in narrowed.facets["body"]] == [body.value]
        assert narrowed.facets["body"][0].selected
    verb = broad.facets["verb"][0]
    both = index.search("States", {"body": [bodies[0].value], "verb": [verb.value]}, size=5)
    assert both.total <= min(bodies[0].count, verb.count)
    alone = index.search("States", {"body": [bodies[0].value]}, size=5)
    assert both.total == next((v.count for v in alone.facets.get("verb", []) if v.value == verb.value), 0)
    # values of one facet are alternatives
    two = index.search("States", {"body": [b.value for b in bodies[:2]]}, size=5)
    assert two.total == bodies[0].count + bodies[1].count


def test_counts_of_a_common_word_are_exact(index: SearchIndex) -> None:
    """Up to FACET_SAMPLE matches every matching passage is counted: one body per passage, so
    the body counts add up to the total, and each facet value narrows to its count."""
    common = index.search("the", {}, size=5)
    assert common.counts_exact and common.total > index.passages // 2
    assert sum(b.count for b in common.facets["body"]) == common.total
    part = common.facets["part"][0]
    assert index.search("the", {"part": [part.value]}, size=5).total == part.count


def test_counts_of_many_matches_come_from_a_sample_marked_approximate(index: SearchIndex, monkeypatch) -> None:
    exact = index.search("States", {}, size=5)
    monkeypatch.setattr("lod.search.index.FACET_SAMPLE", max(2, exact.total // 4))
    sampled = index.search("States", {}, size=5)
    assert exact.counts_exact and not sampled.counts_exact
    assert sampled.total == exact.total and [h.iri for h in sampled.hits] == [h.iri for h in exact.hits]
    estimate = sum(b.count for b in sampled.facets["body"])  # one body per passage, scaled back to the total
    assert abs(estimate - exact.total) <= len(sampled.facets["body"])
    assert sampled.facets["body"] != exact.facets["body"]  # counted on fewer passages, not all of them


def test_hostile_queries_are_text_or_refused(index: SearchIndex) -> None:
    for q in ('NEAR(crime peace, 2)', 'text : crime', '{tags} : x', 'crime AND OR NOT', '"unbalanced', '^crime',
              'crime*', 'x" OR "y', "'; DROP TABLE passage; --", "Ω≈ç√ 😀", "crime - peace + (x"):
        index.search(q, {}, size=5)  # never a query syntax error
    assert parse_terms('a:b NEAR(x) "p q"').phrases == ("a:b", "NEAR(x)", "p q")
    with pytest.raises(SearchError, match="too long"):
        index.search("peace " * MAX_QUERY_CHARS, {})
    with pytest.raises(SearchError, match="unknown facet 'colour'"):
        index.search("peace", {"colour": ["red"]})
    with pytest.raises(SearchError, match="nothing to search for"):
        index.search('*** "" -- ()', {})
    assert index.search("peace", {"body": ["no-such-body"]}).total == 0



def test_a_search_past_its_time_is_stopped(index: SearchIndex) -> None:
    """The clock is looked at between the steps of a search: past the limit, no facet counting
    and no passages are read (any search takes longer than no time)."""
    with pytest.raises(SearchTimeout, match="search-timeout"):
        index.search("the", {}, timeout=0)
    assert index.search("the", {}, timeout=5).total > 0  # the index is usable afterwards


def test_an_index_of_another_version_or_none_is_refused_by_name(corpus_build: Path, tmp_path: Path) -> None:
    copy = tmp_path / INDEX_FILE
    shutil.copytree(corpus_build / INDEX_FILE, copy)
    about = json.loads((copy / "about.json").read_text())
    (copy / "about.json").write_text(json.dumps({**about, "schema": "0"}))
    with pytest.raises(FileNotFoundError, match=f"{copy}: a search index of another lod version"):
        SearchIndex(copy)
    with pytest.raises(FileNotFoundError, match="no search index lod can read"):
        SearchIndex(tmp_path / "elsewhere")


def test_snippets_are_escaped_before_they_are_marked() -> None:
    html = str(marked("a <b>bold</b> & \x02crime\x03"))
    assert html == "a &lt;b&gt;bold&lt;/b&gt; &amp; <mark>crime</mark>"


# --- over HTTP, on the real server --------------------------------------------------------------

def test_search_api_json_and_html(server) -> None:
    response = server.get("/search", params={"q": "international cooperation"})
    assert response.status_code == 200 and response.headers["Content-Type"].startswith("application/json")
    data = response.json()
    assert data["total"] == int(response.headers["X-Result-Count"]) > 0
    hit = next(h for h in data["results"] if "#" in h["iri"])  # a paragraph (a short title may rank first)
    assert "#" in hit["iri"] and hit["href"].endswith(hit["iri"].split("#")[1]) and "<mark>" in hit["snippet_html"]
    facet = data["facets"]["body"][0]
    narrowed = server.get(facet["href"]).json()
    assert narrowed["total"] == facet["count"] and narrowed["filters"] == {"body": [facet["value"]]}

    page = server.get("/search", params={"q": "international cooperation"}, headers={"Accept": "text/html"})
    assert page.status_code == 200 and "text/html" in page.headers["Content-Type"]
    assert "<mark>" in page.text and f'href="{hit["href"]}"' in page.text
    assert 'name="q"' in server.get("/").text  # the home page has a search box


@pytest.mark.parametrize("params, reason", [
    ({"q": "x" * (MAX_QUERY_CHARS + 1)}, "too long"),
    ({"q": "peace", "colour": "red"}, "unknown parameter 'colour'"),
    ({"q": "peace", "page": "0"}, "page must be"),
    ({"q": "peace", "page": "-1"}, "page must be"),
    ({"q": "peace", "size": "100000"}, "size must be"),
    ({"q": "()*", "format": "json"}, "nothing to search for"),
    ({"q": "peace", "format": "json", "verb": "v" * 401}, "facet value too long"),
])
def test_bad_requests_get_400_saying_why(server, params, reason) -> None:
    response = server.get("/search", params=params)
    assert response.status_code == 400 and reason in response.text


def test_fts_syntax_in_q_is_searched_as_text(server) -> None:
    for q in ('NEAR(peace security)', 'text:peace OR tags:x', '"peace', 'peace*'):
        assert server.get("/search", params={"q": q, "format": "json"}).status_code == 200


def test_opensearch_description_is_linked_from_every_page(server, published_works) -> None:
    description = server.get("/opensearch.xml")
    assert description.headers["Content-Type"].startswith("application/opensearchdescription+xml")
    ns = {"os": "http://a9.com/-/spec/opensearch/1.1/"}
    urls = {u.get("type"): u.get("template") for u in ET.fromstring(description.content).findall("os:Url", ns)}
    assert urls["text/html"].startswith(server.url + "/search?q={searchTerms}")
    assert "format=json" in urls["application/json"]
    work = published_works[0]["work"]
    from server_fixtures import path_of

    for path in ("/", "/documents", "/sparql", path_of(work) + "/data.html", "/search?q=peace"):
        page = server.get(path, headers={"Accept": "text/html"})
        assert '<link rel="search" type="application/opensearchdescription+xml" href="/opensearch.xml"' in page.text, path
