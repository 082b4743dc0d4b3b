"""`lod build` end to end on the real corpus: dumps, description, checksums, atomicity, bad input."""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import RDF, Graph, URIRef
from rdflib.namespace import DCAT, VOID

from lod.publish import BuildError, build, discover

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    out = tmp_path_factory.mktemp("build") / "output"
    report = build(CORPUS, out, jobs=2, progress=False)
    return out, report


def test_every_corpus_document_is_published(built: tuple[Path, object]) -> None:
    out, report = built
    sources = {d.source: d for d in report.documents}
    assert set(sources) == {p.name for p in discover(CORPUS)}
    assert "README.md" not in sources
    failed = {s: d.errors for s, d in sources.items() if d.status != "published"}
    assert failed == {}
    for d in report.published:
        assert (out / "documents" / f"{d.slug}.ttl").is_file()
        assert d.triples > 20


def test_dumps_agree_with_each_other(built: tuple[Path, object]) -> None:
    out, report = built
    nt = gzip.decompress((out / "dumps/lod.nt.gz").read_bytes()).decode()
    triples = {ln for ln in nt.splitlines() if ln}
    assert len(triples) == report.triples
    turtle = Graph().parse(out / "dumps/lod.ttl", format="turtle")
    assert len(turtle) == report.triples
    jsonld = ox.Store()
    jsonld.load(path=str(out / "dumps/lod.jsonld"), format=ox.RdfFormat.JSON_LD)
    assert len(jsonld) == report.triples
    quads = ox.Store()
    quads.load(gzip.decompress((out / "dumps/lod.nq.gz").read_bytes()), format=ox.RdfFormat.N_QUADS)
    graphs = {str(g.value) for g in quads.named_graphs()}
    # one named graph per published document, plus the authorities (States, organs, treaties, groups)
    assert len(graphs) == len(report.published) + 1
    assert {d.work for d in report.published} <= {g.split("#")[0] for g in graphs}
    assert f"{report.base}/graph/authorities" in graphs
    assert (out / "documents" / "authorities.ttl").is_file()


def test_void_and_dcat_describe_the_build(built: tuple[Path, object]) -> None:
    out, report = built
    void = Graph().parse(out / "void.ttl", format="turtle")
    datasets = list(void.subjects(RDF.type, VOID.Dataset))
    assert len(datasets) == 1
    ds = datasets[0]
    assert int(void.value(ds, VOID.triples)) == report.triples
    assert void.value(ds, VOID.sparqlEndpoint) == URIRef(f"{report.base}/sparql")
    dumps = set(void.objects(ds, VOID.dataDump))
    assert {str(d).rsplit("/", 1)[1] for d in dumps} == {"lod.ttl", "lod.nt.gz", "lod.nq.gz", "lod.jsonld"}
    for dist in dumps:
        size = int(void.value(dist, DCAT.byteSize))
        assert size == (out / "dumps" / str(dist).rsplit("/", 1)[1]).stat().st_size
    assert set(void.objects(ds, VOID.exampleResource))
    # the owl:sameAs links to Wikidata (States, organs, treaties) are a counted void:Linkset
    linksets = [s for s in void.objects(ds, VOID.subset) if (s, RDF.type, VOID.Linkset) in void]
    assert len(linksets) == 1
    nt = gzip.decompress((out / "dumps/lod.nt.gz").read_bytes()).decode()
    same_as = [ln for ln in nt.splitlines() if "<http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/Q" in ln]
    assert int(void.value(linksets[0], VOID.triples)) == len(same_as) > 190


def test_checksums_cover_every_file(built: tuple[Path, object]) -> None:
    out, _ = built
    listed = {}
    for line in (out / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split("  ", 1)
        listed[name] = digest
    files = {str(p.relative_to(out)) for p in out.rglob("*") if p.is_file() and p.name != "SHA256SUMS"}
    assert set(listed) == files
    for name, digest in listed.items():
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == digest


def test_same_input_gives_byte_identical_output(built: tuple[Path, object], tmp_path: Path) -> None:
    out, _ = built
    again = tmp_path / "again"
    build(CORPUS, again, jobs=1, progress=False)
    assert (again / "SHA256SUMS").read_text() == (out / "SHA256SUMS").read_text()


def _bad_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS / "A_C.6_80_L.2.txt", corpus)
    shutil.copy(CORPUS / "A_RES_80_1.txt", corpus)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (corpus / "latin1.txt").write_bytes("The General Assembly, Côte d'Ivoire ".encode("latin-1") + b"\x81\x8d\x90" * 50)
    (corpus / "truncated.pdf").write_bytes((CORPUS / "A_RES_73_8.pdf").read_bytes()[:4000])
    (corpus / "shopping.md").write_text("# Shopping list\n\n- eggs\n- milk\n", encoding="utf-8")
    return corpus


def test_bad_input_is_reported_by_name_and_the_rest_is_published(tmp_path: Path) -> None:
    report = build(_bad_corpus(tmp_path), tmp_path / "out", jobs=1, progress=False)
    status = {d.source: d for d in report.documents}
    assert status["A_C.6_80_L.2.txt"].status == "published"
    assert status["A_RES_80_1.txt"].status == "published"
    for bad in ("empty.txt", "binary.txt", "latin1.txt", "truncated.pdf", "shopping.md"):
        assert status[bad].status == "parse-error", bad
        assert status[bad].errors and bad in status[bad].errors[0]
    written = json.loads((tmp_path / "out" / "report.json").read_text())
    assert written["failed"] == 5 and written["published"] == 2


def test_strict_build_fails_and_keeps_the_previous_output(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(CORPUS, out, jobs=1, progress=False)
    before = (out / "SHA256SUMS").read_text()
    with pytest.raises(BuildError, match="empty.txt"):
        build(_bad_corpus(tmp_path), out, strict=True, jobs=1, progress=False)
    assert (out / "SHA256SUMS").read_text() == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.")]


def test_nothing_publishable_keeps_the_previous_output(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(CORPUS, out, jobs=1, progress=False)
    before = (out / "SHA256SUMS").read_text()
    junk = tmp_path / "junk"
    junk.mkdir()
    (junk / "a.txt").write_text("")
    with pytest.raises(BuildError, match="a.txt"):
        build(junk, out, jobs=1, progress=False)
    assert (out / "SHA256SUMS").read_text() == before


def test_cli_build_prints_a_summary_and_names_bad_files(tmp_path: Path) -> None:
    corpus = _bad_corpus(tmp_path)
    run = subprocess.run(
        [sys.executable, "-m", "lod.cli", "build", str(corpus), "--out", str(tmp_path / "o"), "--jobs", "1"],
        capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stderr
    assert "2 published, 5 failed" in run.stdout
    assert "binary.txt" in run.stderr and "empty.txt" in run.stderr
    strict = subprocess.run(
        [sys.executable, "-m", "lod.cli", "build", str(corpus), "--out", str(tmp_path / "o"), "--strict"],
        capture_output=True, text=True, timeout=300,
    )
    assert strict.returncode != 0 and "strict" in strict.stderr
