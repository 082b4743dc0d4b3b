"""The output layout grammar (lod.output): one tiny test per shape, against a real build."""

from __future__ import annotations

import gzip
from pathlib import Path

from lod import output
from lod.formats import HTML, JSONLD, TURTLE
from lod.uri import DEFAULT_BASE

BASE = DEFAULT_BASE
WORK = f"{BASE}/akn/un/statement/deliberation/unga/2015-12-17/70-174"


def test_document_turtle(corpus_build: Path) -> None:
    assert output.document_turtle("A_RES_70_174") == "documents/A_RES_70_174.ttl"
    assert (corpus_build / output.document_turtle(output.AUTHORITIES)).is_file()


def test_dumps(corpus_build: Path) -> None:
    assert output.dump(output.DUMP_NQUADS) == "dumps/lod.nq.gz"
    assert all((corpus_build / output.dump(name)).is_file() for name in output.DUMPS if name != output.DUMP_AKN)


def test_gzip_members(corpus_build: Path) -> None:
    data = "<http://example.org/s> <http://example.org/p> \"é\" .\n".encode() * 50
    member = output.gzip_bytes(data)
    assert member == output.gzip_bytes(data) and member[4:8] == bytes(4)  # same bytes, no timestamp
    assert not member[3] & 0x08  # no file name
    assert gzip.decompress(member + output.gzip_bytes(b"more")) == data + b"more"  # members follow each other
    assert gzip.decompress((corpus_build / output.dump(output.DUMP_NTRIPLES)).read_bytes()).count(b"\n") > 1000


def test_top_files(corpus_build: Path) -> None:
    assert (output.VOID, output.CHECKSUMS, output.REPORT) == ("void.ttl", "SHA256SUMS", "report.json")
    assert all((corpus_build / name).is_file() for name in output.TOP_FILES)
    assert (corpus_build / output.SEARCH_INDEX / "meta.json").is_file()  # the tantivy index folder


def test_work_path() -> None:
    assert output.work_path(WORK, BASE + "/") == "akn/un/statement/deliberation/unga/2015-12-17/70-174"
    assert output.work_path("https://elsewhere.example/akn/x", BASE) is None
    assert output.work_path(f"{BASE}/akn/../../etc", BASE) is None


def test_work_description() -> None:
    path = output.work_path(WORK, BASE)
    assert path is not None
    assert output.work_description(path, TURTLE) == f"descriptions/{path}/data.ttl.gz"
    assert output.work_description(path, HTML) == f"descriptions/{path}/data.html.gz"
    assert output.work_description(path, HTML, "fr") == f"descriptions/{path}/data.fr.html.gz"
    assert output.work_description(path, TURTLE, "fr") == f"descriptions/{path}/data.ttl.gz"  # one graph, all languages


def test_resource_description() -> None:
    iri = f"{BASE}/id/state/AUT"
    found = output.resource_description(iri, JSONLD)
    key = output.resource_key(iri)
    assert found == f"descriptions/resource/{key[:2]}/{key}.jsonld.gz"
    assert output.resource_description(iri + "x", JSONLD) != found


def test_symbol_table_and_digests(corpus_build: Path) -> None:
    symbols = (corpus_build / output.SYMBOLS).read_text(encoding="utf-8").splitlines()
    assert "A/RES/70/174" in {line.split("\t")[0] for line in symbols}
    digests = (corpus_build / output.DESCRIPTION_INPUTS).read_text(encoding="utf-8").splitlines()
    assert all(len(line.split("\t")[0]) == 64 for line in digests)


def test_newest(corpus_build: Path) -> None:
    assert output.NEWEST == "newest.json"
    rows = output.read_newest(corpus_build)
    assert rows and set(rows[0]) == {"work", "symbol", "title", "date"}
    assert output.read_newest(corpus_build / "no-such-folder") is None
