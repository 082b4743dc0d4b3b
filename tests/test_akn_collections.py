"""AKN collections: a file holding several resolutions adopted together (A/RES/77/256 A-B) is
one work per resolution, each with its own symbol, text, AKN file, page and graph; a file per
part (A/RES/77/290 B) stays one document."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from corpora import ABSENT, REAL
from lod.parse import parse_file
from lod.parse.akn import collection_parts, read_akn
from lod.parse.parts import inputs

GA77 = REAL / "ga-akn" / "GAresolutions-main" / "77session" / "English"
pytestmark = pytest.mark.skipif(not GA77.is_dir(), reason=ABSENT)


def one(prefix: str) -> Path:
    found = sorted(p for p in GA77.iterdir() if p.name.startswith(prefix))
    assert found, prefix
    return found[0]


def test_every_collection_of_the_folder_is_found_and_nothing_else() -> None:
    found = {p.name.split("-")[0]: collection_parts(p.read_bytes()) for p in sorted(GA77.iterdir())
             if collection_parts(p.read_bytes())}
    assert found == {"A_RES_77_128": ["A", "B"], "A_RES_77_256 A": ["A", "B"], "A_RES_77_264 A": ["A", "B", "C"]}
    assert inputs(one("A_RES_77_290B")) == [one("A_RES_77_290B")]  # a file per part is one input


def test_each_resolution_of_a_collection_is_read_as_its_own_document() -> None:
    path = one("A_RES_77_264 A-C")
    data = path.read_bytes()
    whole = read_akn(data, path.name)
    parts = [read_akn(data, path.name, p) for p in collection_parts(data)]
    assert [(r.symbol, r.number) for r in parts] == [
        ("A/RES/77/264 A", "77/264 A"), ("A/RES/77/264 B", "77/264 B"), ("A/RES/77/264 C", "77/264 C")]
    assert [r.title for r in parts] == [
        "Budget appropriations for 2023", "Income estimates for 2023", "Financing of appropriations for the year 2023"]
    assert all(any("/77-264" + r.symbol[-1] + "/" in a for a in r.aliases) for r in parts)
    assert not any("/77-264/" in a for r in parts for a in r.aliases)  # the collection's IRIs are not theirs
    # together the parts hold the collection's text, each its own share, none twice
    texts = [[p.text for p in r.operative] for r in parts]
    assert sum(texts, []) == [p.text for p in whole.operative]
    assert all(texts) and len({tuple(t) for t in texts}) == 3
    assert [len(r.tables) for r in parts] == [1, 1, 0] and len(whole.tables) == 2
    assert all(r.meeting == "56th (resumed) plenary meeting" and r.voting and r.adoption_date == "2022-12-30"
               for r in parts)


def test_a_build_publishes_each_resolution_of_a_collection_as_its_own_work(tmp_path: Path) -> None:
    from lod.publish import build

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for prefix in ("A_RES_77_256 A-B", "A_RES_77_290B"):
        (corpus / one(prefix).name).symlink_to(one(prefix))
    report = build(corpus, tmp_path / "out", progress=False, jobs=2)
    out = tmp_path / "out"
    published = {d.symbol: d for d in report.published}
    assert sorted(published) == ["A/RES/77/256 A", "A/RES/77/256 B", "A/RES/77/290 B"], report.failed
    assert published["A/RES/77/256 B"].source == one("A_RES_77_256 A-B").name + "#B"
    works = {d.work for d in published.values()}
    assert len(works) == 3 and all(w.endswith(("77-256_A", "77-256_B", "77-290_B")) for w in works)
    for doc in published.values():
        akn = parse_file(out / doc.akn)  # its own AKN file, read back as that resolution alone
        assert (akn.symbol, akn.title) == (doc.symbol, parse_file(out / doc.akn).title)
        assert (out / "descriptions" / doc.work.split("/", 3)[3] / "data.html.gz").is_file()
    with gzip.open(out / "dumps" / "lod.nq.gz", "rt") as dump:
        graphs = {line.rsplit(" ", 2)[-2].strip("<>") for line in dump}
    assert works <= graphs
    record = json.loads((out / "report.json").read_text())
    assert {d["source"] for d in record["documents"]} >= {one("A_RES_77_256 A-B").name + "#A",
                                                          one("A_RES_77_256 A-B").name + "#B"}
