"""The web layer sends the build's description files: encodings, validators, mount point, 404s.

These replace the tests of the per-worker cache and the background renderer: a description is
a file of the build (lod.output), so it answers the same on the first request as on the next,
from any worker, without the store.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
from pathlib import Path

import pytest

from lod import output
from lod.formats import HTML, TURTLE
from lod.web import create_app


def _works(data: Path) -> list[tuple[str, str]]:
    report = json.loads((data / output.REPORT).read_text(encoding="utf-8"))
    return sorted({(d["work"], d["symbol"]) for d in report["documents"] if d.get("work") and d.get("symbol")})


@pytest.fixture(scope="module")
def storeless(corpus_build: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The build without its dumps: no store can be loaded, descriptions must still answer."""
    data = tmp_path_factory.mktemp("storeless") / "output"
    shutil.copytree(corpus_build, data)
    for name in (output.DUMP_NQUADS, output.DUMP_NTRIPLES):
        (data / output.dump(name)).unlink()
    return data


@pytest.fixture(scope="module")
def client(storeless: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    app = create_app({"data": str(storeless), "store-dir": str(tmp_path_factory.mktemp("store"))})
    return app.test_client()


def _base(data: Path) -> str:
    return str(json.loads((data / output.REPORT).read_text(encoding="utf-8"))["base"]).rstrip("/")


def test_descriptions_answer_without_the_store(client, storeless: Path) -> None:  # type: ignore[no-untyped-def]
    base = _base(storeless)
    for work, symbol in _works(storeless):
        path = work[len(base):]
        seen = client.get(path, headers={"Accept": "text/turtle"})
        assert seen.status_code == 303 and seen.headers["Location"] == f"{path}/data.ttl"
        answer = client.get(f"{path}/data.ttl")
        assert answer.status_code == 200 and symbol in answer.get_data(as_text=True)
    assert client.get("/sparql?query=ASK{}").status_code >= 500  # the store really is absent


def test_gzip_as_built_and_decompressed_for_others(client, storeless: Path) -> None:  # type: ignore[no-untyped-def]
    base = _base(storeless)
    work = _works(storeless)[0][0]
    relative = output.work_description(output.work_path(work, base) or "", TURTLE)
    stored = (storeless / relative).read_bytes()
    sums = dict(reversed(line.split("  ", 1)) for line in (storeless / output.CHECKSUMS).read_text().splitlines())
    zipped = client.get(f"{work[len(base):]}/data.ttl", headers={"Accept-Encoding": "gzip"})
    assert zipped.headers["Content-Encoding"] == "gzip" and zipped.get_data() == stored
    assert zipped.headers["ETag"].strip('"') == sums[relative] == hashlib.sha256(stored).hexdigest()
    assert "Accept-Encoding" in zipped.headers["Vary"] and zipped.headers["Last-Modified"]
    plain = client.get(f"{work[len(base):]}/data.ttl")
    assert "Content-Encoding" not in plain.headers and plain.get_data() == gzip.decompress(stored)
    assert plain.headers["ETag"] != zipped.headers["ETag"]
    again = client.get(f"{work[len(base):]}/data.ttl", headers={"Accept-Encoding": "gzip",
                                                                 "If-None-Match": zipped.headers["ETag"]})
    assert again.status_code == 304


def test_pages_follow_the_mount_point(client, storeless: Path) -> None:  # type: ignore[no-untyped-def]
    base = _base(storeless)
    path = _works(storeless)[0][0][len(base):] + "/data.html"
    at_root = client.get(path).get_data(as_text=True)
    mounted = client.get(path, base_url="http://localhost/lod/").get_data(as_text=True)
    assert 'href="/static/style.css"' in at_root
    assert 'href="/lod/static/style.css"' in mounted and 'href="/static/style.css"' not in mounted


def test_an_iri_without_description_is_404_saying_so(client, storeless: Path) -> None:  # type: ignore[no-untyped-def]
    answer = client.get("/id/state/NOWHERE", headers={"Accept": "text/turtle"})
    assert answer.status_code == 404 and b"describes nothing" in answer.get_data()
    assert client.get("/resource.ttl?iri=http://example.org/unknown").status_code == 404


def test_symbols_come_from_the_build_table(client, storeless: Path) -> None:  # type: ignore[no-untyped-def]
    base = _base(storeless)
    for work, symbol in _works(storeless):
        answer = client.get(f"/symbol/{symbol}")
        assert answer.status_code == 303 and answer.headers["Location"] == work[len(base):]
    assert client.get("/symbol/A/RES/1/999999").status_code == 404


def test_resources_are_sent_with_their_alternates(client, storeless: Path) -> None:  # type: ignore[no-untyped-def]
    base = _base(storeless)
    iri = f"{base}/id/state/AUT"
    assert (storeless / output.resource_description(iri, HTML)).is_file()
    answer = client.get(f"/resource.ttl?iri={iri}")
    assert answer.status_code == 200 and answer.mimetype == TURTLE.mime
    assert 'rel="alternate"' in answer.headers["Link"] and "/resource.jsonld?iri=" in answer.headers["Link"]
