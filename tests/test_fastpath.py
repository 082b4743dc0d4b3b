"""The lean dereferencing path (lod.web.fastpath) answers exactly as the Flask app does.

Every request is sent to both WSGI apps over the same build: the lean one must give the same
status, headers and body (it shares the handlers and `finish_response`), must really answer the
plain successes itself, and must leave everything else (404, 406, a moved IRI, a path prefix)
to Flask.
"""

from __future__ import annotations

import gzip
from pathlib import Path
from urllib.parse import quote

import pytest
from werkzeug.test import Client, EnvironBuilder
from werkzeug.wrappers import Request

from lod import output
from lod.uri import DEFAULT_BASE
from lod.web.app import SPARQL_PATH, create_app
from lod.web.fastpath import LeanDereferencing

ACCEPTS = ("text/turtle", "application/ld+json", "text/html", "application/n-triples", "*/*",
           "text/turtle;q=0.5, text/html;q=0.9")


@pytest.fixture(scope="module")
def apps(corpus_build: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[object, LeanDereferencing]:
    app = create_app(data=str(corpus_build), store_dir=str(tmp_path_factory.mktemp("store")))
    return app, LeanDereferencing(app, SPARQL_PATH)


@pytest.fixture(scope="module")
def work_paths(corpus_build: Path) -> list[str]:
    """The works the build published, from its symbol table (not hard-coded)."""
    rows = (corpus_build / output.SYMBOLS).read_text(encoding="utf-8").splitlines()
    works = sorted({line.split("\t", 1)[1] for line in rows if "\t" in line})
    assert works
    return [w[len(DEFAULT_BASE):] for w in works if w.startswith(DEFAULT_BASE + "/")][:4]


def _both(apps: tuple[object, LeanDereferencing], path: str, headers: dict[str, str], method: str = "GET"):
    flask_app, lean = apps
    answers = []
    for app in (flask_app, lean):
        response = Client(app).open(path, method=method, headers=headers)  # type: ignore[arg-type]
        # Date is the clock's (werkzeug's make_conditional adds it): the two answers may straddle a second
        answered = sorted((k, v) for k, v in response.headers.items() if k != "Date")
        answers.append((response.status_code, answered, response.get_data()))
    return answers


def _lean_answers(apps: tuple[object, LeanDereferencing], path: str, headers: dict[str, str]) -> bool:
    return apps[1].answer(Request(EnvironBuilder(path=path, headers=headers).get_environ())) is not None


def test_the_lean_path_answers_like_flask(apps, work_paths) -> None:
    for work in work_paths:
        for accept in ACCEPTS:
            flask_answer, lean_answer = _both(apps, work, {"Accept": accept})
            assert flask_answer == lean_answer, (work, accept)
            assert flask_answer[0] == 303 and _lean_answers(apps, work, {"Accept": accept})
            location = dict(flask_answer[1])["Location"]
            for encoding in ("gzip", "identity"):
                headers = {"Accept": accept, "Accept-Encoding": encoding}
                flask_answer, lean_answer = _both(apps, location, headers)
                assert flask_answer == lean_answer, (location, headers)
                assert flask_answer[0] == 200 and _lean_answers(apps, location, headers)
                if encoding == "gzip":
                    assert gzip.decompress(flask_answer[2])
                etag = dict(flask_answer[1])["ETag"]
                conditional = {**headers, "If-None-Match": etag}
                flask_answer, lean_answer = _both(apps, location, conditional)
                assert flask_answer == lean_answer and flask_answer[0] == 304
                flask_answer, lean_answer = _both(apps, location, headers, method="HEAD")
                assert flask_answer == lean_answer and flask_answer[2] == b""
        iri = quote(DEFAULT_BASE + work, safe="")
        flask_answer, lean_answer = _both(apps, f"/resource?iri={iri}", {"Accept": "text/turtle"})
        assert flask_answer == lean_answer and flask_answer[0] == 303


def test_the_lean_path_leaves_errors_and_moved_iris_to_flask(apps, work_paths) -> None:
    work = work_paths[0]
    cases = [
        (work + "/data.xyz", {}),                                     # no such format: 404
        (work, {"Accept": "image/png"}),                              # nothing acceptable: 406
        ("/akn/un/statement/deliberation/un-ga/1900-01-01/999999", {"Accept": "text/turtle"}),  # unknown: 404
        ("/resource", {}),                                            # no IRI: 400
        ("/resource?iri=" + quote("https://example.org/nothing", safe=""), {"Accept": "text/turtle"}),  # 404
        ("/akn/" + "x" * 20_000, {}),                                 # too long a target: 414
    ]
    for path, headers in cases:
        flask_answer, lean_answer = _both(apps, path, headers)
        assert flask_answer == lean_answer, path
        assert flask_answer[0] >= 400, (path, flask_answer[0])
        assert not _lean_answers(apps, path, headers), path
    # a work IRI under a date that is not its own: the moved table answers (301), through Flask
    actor, _, number = work.rsplit("/", 2)
    moved = f"{actor}/1901-01-01/{number}"
    flask_answer, lean_answer = _both(apps, moved, {"Accept": "text/turtle"})
    assert flask_answer == lean_answer
    assert flask_answer[0] in (301, 404) and not _lean_answers(apps, moved, {"Accept": "text/turtle"})
