"""The lean /search path (lod.web.searches.LeanSearch) answers exactly as the Flask view does,
its answer cache never outlives the build it was made from, and hostile input gets the same 400.

Every request is sent to both WSGI apps over the same build (a real build of the test corpus):
same status, headers and bytes; the lean app must really answer the JSON itself and leave the
HTML page and a path prefix to Flask. Queries are drawn from the index's own answers (a facet
value a first search offers), never hard-coded.
"""

from __future__ import annotations

import gzip
import os
import shutil
from pathlib import Path

import pytest
from werkzeug.test import Client, EnvironBuilder
from werkzeug.wrappers import Request

from lod.search import INDEX_FILE, MAX_QUERY_CHARS, DocumentRecord, FacetValue, IndexWriter, Passage
from lod.web.app import SPARQL_PATH, create_app
from lod.web.searches import Answer, AnswerCache, LeanSearch, searches_of

WORDS = "international cooperation"


def _served(build: Path, into: Path) -> Path:
    """A build folder of `build`'s files (hard links), whose search index a test may replace."""
    shutil.copytree(build, into, copy_function=os.link)
    return into


@pytest.fixture(scope="module")
def apps(corpus_build: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[object, LeanSearch]:
    app = create_app(data=str(corpus_build), store_dir=str(tmp_path_factory.mktemp("store")))
    return app, LeanSearch(app, SPARQL_PATH)


def _both(apps: tuple[object, LeanSearch], path: str, headers: dict[str, str] | None = None,
          method: str = "GET") -> list[tuple[int, list[tuple[str, str]], bytes]]:
    answers = []
    for app in apps:
        response = Client(app).open(path, method=method, headers=headers or {})  # type: ignore[arg-type]
        # Date is the clock's (werkzeug's make_conditional adds it): the two answers may straddle a second
        answered = sorted((k, v) for k, v in response.headers.items() if k != "Date")
        answers.append((response.status_code, answered, response.get_data()))
    return answers


def _lean_answers(lean: LeanSearch, path: str, headers: dict[str, str] | None = None) -> bool:
    return lean.answer(Request(EnvironBuilder(path=path, headers=headers or {}).get_environ())) is not None


def _facet_query(apps: tuple[object, LeanSearch]) -> str:
    """WORDS narrowed by the first value of two facets the index offers for them."""
    view = Client(apps[0]).get("/search", query_string={"q": WORDS, "format": "json"}).json
    assert view["total"] > 0
    (body, *_), (part, *_) = view["facets"]["body"], view["facets"]["part"]
    return f"{body['href']}&part={part['value']}"


def test_the_lean_path_answers_json_like_flask(apps) -> None:
    narrowed = _facet_query(apps)
    paths = ["/search?q=international+cooperation", narrowed, narrowed + "&page=2&size=5",
             "/search?q=%22security+council%22&format=json", "/search?body=ga"]
    for path in paths:
        answers = []
        for headers in ({"Accept-Encoding": "gzip"}, {"Accept": "application/json"}, {}):
            flask_answer, lean_answer = _both(apps, path, headers)
            assert flask_answer == lean_answer, (path, headers)
            assert _lean_answers(apps[1], path, headers), path
            answers.append(flask_answer)
        (_, zipped_headers, zipped), *_, (status, _, body) = answers
        assert status == 200 and body.startswith(b"{")
        if len(body) >= 512:  # lod.web.http's threshold
            assert ("Content-Encoding", "gzip") in zipped_headers and gzip.decompress(zipped) == body
    head = _both(apps, narrowed, method="HEAD")
    assert head[0] == head[1] and head[0][2] == b""


def test_a_known_answer_is_not_modified_on_both_paths(apps) -> None:
    path = _facet_query(apps)
    etag = dict(_both(apps, path)[0][1])["ETag"]
    for answer in _both(apps, path, {"If-None-Match": etag}):
        assert answer[0] == 304


def test_the_page_and_a_path_prefix_are_left_to_flask(apps) -> None:
    lean = apps[1]
    assert not _lean_answers(lean, "/search?q=peace", {"Accept": "text/html"})
    assert not _lean_answers(lean, "/search?q=peace&format=html")
    assert not lean.answer(Request(EnvironBuilder(path="/search", base_url="http://x/lod",
                                                  query_string="q=peace").get_environ()))
    page = Client(lean).get("/search", query_string={"q": WORDS}, headers={"Accept": "text/html"})
    assert page.status_code == 200 and "<mark>" in page.get_data(as_text=True)


@pytest.mark.parametrize("query, status, reason", [
    ({"q": "x" * (MAX_QUERY_CHARS + 1)}, 400, "too long"),
    ({"q": "peace " * 200}, 400, "too long"),
    ({"q": "peace", "colour": "red"}, 400, "unknown parameter 'colour'"),
    ({"q": "peace", "verb": "v" * 401}, 400, "facet value too long"),
    ({"q": "peace", "body": [f"b{i}" for i in range(30)]}, 400, "too many facet values"),
    ({"q": "peace", "page": "-1"}, 400, "page must be"),
    ({"q": "peace", "size": "1e9"}, 400, "size must be"),
    ({"q": "()*"}, 400, "nothing to search for"),
    ({"q": "peace", "format": "xml"}, 406, "offered here"),
])
def test_hostile_input_gets_the_same_clear_error(apps, query, status, reason) -> None:
    path = EnvironBuilder(path="/search", query_string=query).get_environ()["QUERY_STRING"]
    flask_answer, lean_answer = _both(apps, f"/search?{path}")
    assert flask_answer == lean_answer
    assert flask_answer[0] == status and reason in flask_answer[2].decode()
    assert _lean_answers(apps[1], f"/search?{path}")


def test_a_too_long_url_is_flasks_414(apps) -> None:
    path = "/search?q=" + "x" * 20_000
    assert not _lean_answers(apps[1], path)
    assert {a[0] for a in _both(apps, path)} == {414}


def _one_document_index(folder: Path, text: str) -> None:
    """A search index of one document whose only passage is `text` (what a new build may be)."""
    writer = IndexWriter(folder)
    writer.add(DocumentRecord("http://example.org/w", "http://example.org/w/!main", "A/RES/1/1", "T", "2020-01-01",
                              [Passage("", "document", "A/RES/1/1", text, [FacetValue("part", "document", "Document")])]))
    writer.close()


def test_the_cache_answers_again_and_is_emptied_by_a_new_build(corpus_build: Path, tmp_path: Path) -> None:
    data = _served(corpus_build, tmp_path / "out")
    app = create_app(data=str(data), store_dir=str(tmp_path / "store"), client_seconds_per_minute=1000)
    lean, searches = LeanSearch(app, SPARQL_PATH), searches_of(app)
    path = f"/search?q={WORDS.replace(' ', '+')}"
    first = Client(lean).get(path)
    assert first.status_code == 200 and first.json["total"] > 1
    assert len(searches.cache) == 1
    searches.runtime.budget.seconds_per_minute = 0  # a search would now be refused (429) …
    again = Client(lean).get(path)
    assert again.status_code == 200 and again.get_data() == first.get_data()  # … a cached answer is not one

    # a build without an index: never the old answer. Moved away first, as a build replaces the folder:
    # the open index's reader may lock a file in it while it is being emptied (a race under load)
    gone = data / f"{INDEX_FILE}.gone"
    (data / INDEX_FILE).rename(gone)
    shutil.rmtree(gone, ignore_errors=True)
    assert Client(lean).get(path).status_code == 503

    _one_document_index(data / INDEX_FILE, f"Calls for {WORDS} on the matter.")
    searches.runtime.budget.seconds_per_minute = 1000
    fresh = Client(lean).get(path)
    assert fresh.status_code == 200 and fresh.json["total"] == 1 and fresh.headers["ETag"] != first.headers["ETag"]
    assert len(searches.cache) == 1


def test_no_cache_when_the_setting_is_zero(corpus_build: Path, tmp_path: Path) -> None:
    app = create_app(data=str(corpus_build), store_dir=str(tmp_path / "store"), search_cache=0)
    searches = searches_of(app)
    for _ in range(2):
        assert Client(LeanSearch(app, SPARQL_PATH)).get("/search?q=peace").status_code == 200
    assert len(searches.cache) == 0


def test_the_cache_drops_the_least_recently_asked_answer_first() -> None:
    cache = AnswerCache(2)
    answers = {k: Answer.of({"total": n}) for n, k in enumerate([("a",), ("b",), ("c",)])}
    cache.put(1, ("a",), answers[("a",)])
    cache.put(1, ("b",), answers[("b",)])
    assert cache.get(1, ("a",)) is answers[("a",)]  # asked again: "b" is now the oldest
    cache.put(1, ("c",), answers[("c",)])
    assert cache.get(1, ("b",)) is None and cache.get(1, ("a",)) is answers[("a",)] and len(cache) == 2
    assert cache.get(2, ("a",)) is None and len(cache) == 0  # another index version: all gone
