"""The fast paths of the server say the same as the slow ones: pyoxigraph serialization of a
description, the per-version answer cache, the guard's remembered verdicts."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from lod.store import OxigraphStore
from lod.web import guard
from lod.web.cache import VersionedCache
from lod.web.conneg import JSONLD, NTRIPLES, RDF_FORMATS, RDFXML, TURTLE
from lod.web.describe import (
    compact_iri, describe_work_graph, jsonld_context, resource_description, work_description,
)
from server_fixtures import path_of

from corpora import needs_shared

pytestmark = needs_shared  # the sample corpus alone has too few works with citations between them

UNRES = "https://w3id.org/un-lod/ontology#"
WORKS = f"PREFIX unres: <{UNRES}> SELECT ?w WHERE {{ GRAPH ?w {{ ?w unres:symbol ?s }} }} ORDER BY ?w"
PARSERS = {TURTLE: "turtle", JSONLD: "json-ld", RDFXML: "xml", NTRIPLES: "nt"}


@pytest.fixture(scope="module")
def store(corpus_build: Path, tmp_path_factory: pytest.TempPathFactory) -> OxigraphStore:
    copy = tmp_path_factory.mktemp("cache") / "output"
    shutil.copytree(corpus_build, copy)
    return OxigraphStore.from_build(copy)


@pytest.fixture(scope="module")
def works(store: OxigraphStore) -> list[str]:
    found = [str(row["w"]) for row in store.select(WORKS)]
    assert len(found) >= 3
    return found


def test_fast_description_is_the_rdflib_description(store: OxigraphStore, works: list[str]) -> None:
    for work in works:
        fast = work_description(store, work)
        slow = describe_work_graph(store, work)
        assert len(fast) > 50
        assert isomorphic(fast.graph(), slow), work


@pytest.mark.parametrize("fmt", RDF_FORMATS, ids=lambda f: f.ext)
def test_every_format_round_trips_to_the_same_graph(store: OxigraphStore, works: list[str], fmt) -> None:
    description = work_description(store, works[0])
    parsed = Graph().parse(data=description.serialize(fmt), format=PARSERS[fmt])
    assert isomorphic(parsed, description.graph())


def test_jsonld_is_compacted_with_the_shipped_context(store: OxigraphStore, works: list[str]) -> None:
    document = json.loads(work_description(store, works[0]).serialize(JSONLD))
    assert document["@context"] == jsonld_context()
    nodes = document["@graph"]
    work = next(n for n in nodes if n.get("@id") == compact_iri(works[0]))
    assert "unres:symbol" in work
    assert any(str(t).startswith("unres:") for t in ([work["@type"]] if isinstance(work["@type"], str) else work["@type"]))
    assert not any(key.startswith(UNRES) for node in nodes for key in node)


def test_compact_iri_uses_the_longest_namespace_and_leaves_others() -> None:
    assert compact_iri(UNRES + "Work") == "unres:Work"
    assert compact_iri("http://purl.org/vocab/frbr/core#Work") == "frbrcore:Work"
    assert compact_iri("http://example.org/x") == "http://example.org/x"


def test_resource_description_of_a_cited_work_names_who_cites_it(store: OxigraphStore, works: list[str]) -> None:
    cited = store.select(f"PREFIX unres: <{UNRES}> SELECT DISTINCT ?t WHERE {{ ?c unres:citesWork ?t }} LIMIT 1")
    assert cited, "the corpus has citations"
    description = resource_description(store, str(cited[0]["t"]))
    assert any(o == URIRef(str(cited[0]["t"])) for _, _, o in description.graph())


def test_cache_is_bounded_in_bytes_and_least_recently_used_goes_first() -> None:
    cache: VersionedCache[bytes] = VersionedCache(len, max_bytes=100)
    for key in "abcd":
        assert cache.get("v1", key) is None
        cache.put("v1", key, b"x" * 20)
    assert cache.get("v1", "a") == b"x" * 20  # a is now the most recent
    assert cache.get("v1", "e") is None
    cache.put("v1", "e", b"y" * 20)
    assert cache.get("v1", "f") is None
    cache.put("v1", "f", b"z" * 20)  # 120 bytes: the least recent (b) goes
    assert cache.bytes <= 100
    assert cache.get("v1", "b") is None
    assert cache.get("v1", "a") == b"x" * 20
    cache.put("v1", "huge", b"h" * 60)  # over a quarter of the budget: not kept
    assert cache.get("v1", "huge") is None


def test_a_new_store_version_empties_the_cache_and_late_answers_are_dropped() -> None:
    cache: VersionedCache[str] = VersionedCache(len)
    assert cache.get("old", "k") is None
    cache.put("old", "k", "from the old build")
    assert cache.get("new", "k") is None
    cache.put("old", "k", "computed from the old store while the new one came in")
    assert cache.get("new", "k") is None
    cache.put("new", "k", "from the new build")
    assert cache.get("new", "k") == "from the new build"


@pytest.mark.parametrize("text, status", [
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }", 400),
    ("INSERT DATA { <http://a> <http://b> <http://c> }", 403),
    ("SELECT ?x WHERE {", 400),
])
def test_remembered_refusals_are_still_refusals(text: str, status: int) -> None:
    for _ in range(3):
        with pytest.raises(guard.Rejected) as refused:
            guard.check_query(text)
        assert refused.value.status == status
    assert guard._verdict.cache_info().hits >= 2


def test_remembered_verdicts_keep_the_query_form() -> None:
    text = "ASK { ?s ?p ?o }"
    assert guard.check_query(text) == guard.check_query(text)
    assert guard.check_query(text).kind == "boolean"
    huge = "SELECT * WHERE { ?s ?p ?o } #" + "x" * guard.LONGEST_KEPT
    assert guard.check_query(huge).form == "select"


def test_served_descriptions_repeat_byte_for_byte(server, published_works) -> None:
    """The second answer comes from the cache of the worker that answered: same bytes and ETag."""
    path = path_of(published_works[0]["work"])
    for ext in ("ttl", "jsonld", "html"):
        answers = [server.get(f"{path}/data.{ext}") for _ in range(4)]
        assert {a.status_code for a in answers} == {200}
        assert len({a.content for a in answers}) == 1
        assert len({a.headers["ETag"] for a in answers}) == 1
        assert all(a.headers["Content-Location"] == f"{path}/data.{ext}" for a in answers)
        assert all("rel=\"alternate\"" in a.headers["Link"] for a in answers)


def test_html_pages_do_not_depend_on_string_hashing(store: OxigraphStore, works: list[str]) -> None:
    """Two workers (two hash seeds) must render the same page: same bytes, same ETag."""
    import subprocess
    import sys

    script = (
        "import sys, pprint\nfrom pathlib import Path\nfrom lod.store import OxigraphStore\n"
        "from lod.web.describe import work_description\nfrom lod.web.render import work_page\n"
        "s = OxigraphStore.open_read_only(Path(sys.argv[1]))\n"
        "for w in sys.argv[2:]:\n"
        "    pprint.pprint(work_page(work_description(s, w).graph(), w, 'http://127.0.0.1:8080'))\n"
    )
    pages = {
        subprocess.run([sys.executable, "-c", script, str(store.path), *works], check=True, capture_output=True,
                       env={**__import__("os").environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2", "3")
    }
    assert len(pages) == 1 and len(next(iter(pages))) > 1000


@pytest.mark.parametrize("prerender", [False, True])
def test_prerender_setting_decides_whether_works_are_rendered_in_the_background(
    corpus_build: Path, tmp_path: Path, published_works, prerender: bool
) -> None:
    import shutil

    from lod.web import create_app
    from server_fixtures import path_of

    data = tmp_path / "output"
    shutil.copytree(corpus_build, data)
    app = create_app({"data": str(data), "prerender": prerender})
    response = app.test_client().get(path_of(published_works[0]["work"]) + "/data.ttl")
    assert response.status_code == 200
    assert (app.extensions["lod"].warmer is not None) is prerender
