"""`lod build` end to end on the real corpus: dumps, description, checksums, atomicity, bad input."""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from tempfile import TemporaryDirectory

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import RDF, Graph, URIRef
from rdflib.namespace import DCAT, VOID

from lod.publish import BuildError, build, discover, runs
from lod.publish.dumps import write_part
from lod.publish.pipeline import SCRATCH
from lod.publish.runs import DistinctCounter, merge_runs
from lod.publish.statistics import DatasetStatistics
from lod.rdf import namespaces
from lod.vocabulary import VOCABULARIES
from lod.rdf.namespaces import PREFIXES

from corpora import CORPUS, needs_shared  # noqa: E402


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
    assert {str(d).rsplit("/", 1)[1] for d in dumps} == {"lod.ttl", "lod.nt.gz", "lod.nq.gz", "lod.jsonld", "akn.zip"}
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
    # void:vocabulary: the namespaces of the prefix table that the data's predicates and classes use
    vocabularies = {str(v) for v in void.objects(ds, VOID.vocabulary)}
    used = {str(p) for p in void.objects(None, VOID.property)} | {str(c) for c in void.objects(None, VOID["class"])}
    assert vocabularies == set(namespaces.vocabularies(used)) | {v.iri for v in VOCABULARIES}
    assert {str(namespaces.UNRES), str(namespaces.ELI), str(RDF)} <= vocabularies


def test_document_turtle_files_hold_exactly_the_dataset(built: tuple[Path, object]) -> None:
    """Each document's Turtle file (streamed from its run by pyoxigraph, lod.publish.dumps) is
    read back by another parser (rdflib's); together with the authorities they are the dump."""
    out, report = built
    dump = Graph().parse(data=gzip.decompress((out / "dumps/lod.nt.gz").read_bytes()).decode(), format="nt")
    union = Graph()
    for name in [f"{d.slug}.ttl" for d in report.published] + ["authorities.ttl"]:
        document = Graph().parse(out / "documents" / name, format="turtle")
        assert len(document) > 0, name
        assert not set(document) - set(dump), f"{name} holds triples the dump does not"
        union += document
    assert set(union) == set(dump)


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
    assert "search/meta.json" in (out / "SHA256SUMS").read_text()  # the tantivy index folder too


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
    assert not [p for p in tmp_path.iterdir() if p.name.startswith((".out.building-", ".out.old-"))]


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


# --- bounded memory: the dumps are merged from per-document run files on disk -----------------


def _graphs_of(out: Path) -> dict[str, list[str]]:
    """Each named graph's N-Triples lines, read back from the N-Quads dump."""
    graphs: dict[str, list[str]] = {}
    for line in gzip.decompress((out / "dumps/lod.nq.gz").read_bytes()).decode().split("\n")[:-1]:
        head, _, graph = line[:-2].rstrip().rpartition(" <")
        graphs.setdefault(graph[:-1], []).append(head + " .")
    return graphs


def test_merged_dumps_equal_the_in_memory_serialization(built: tuple[Path, object]) -> None:
    """The streamed merge and serializers write what sorting everything in memory would."""
    out, report = built
    graphs = _graphs_of(out)
    merged = sorted({line for lines in graphs.values() for line in lines})
    assert len(merged) == report.triples
    text = "".join(line + "\n" for line in merged)
    assert gzip.decompress((out / "dumps/lod.nt.gz").read_bytes()).decode() == text
    triples = list(ox.parse(text.encode(), format=ox.RdfFormat.N_TRIPLES))
    for name, fmt in (("lod.ttl", ox.RdfFormat.TURTLE), ("lod.jsonld", ox.RdfFormat.JSON_LD)):
        expected = ox.serialize(triples, format=fmt, prefixes=PREFIXES)
        assert (out / "dumps" / name).read_bytes() == expected, name
    # graphs come out in graph-name order, each with its lines sorted
    assert list(graphs) == sorted(graphs)
    assert all(lines == sorted(set(lines)) for lines in graphs.values())


def test_no_scratch_files_are_published(built: tuple[Path, object]) -> None:
    out, report = built
    names = {str(p.relative_to(out)) for p in out.rglob("*")}
    # the vocabularies' N-Triples (vocab/*.nt) are published files, not runs
    assert not [n for n in names if SCRATCH in n or n.endswith((".pickle", ".run"))
                or (n.endswith(".nt") and not n.startswith("vocab/"))]
    ttl = {p.stem for p in (out / "documents").glob("*.ttl")}
    assert ttl == {d.slug for d in report.published} | {"authorities"}


def test_a_many_level_merge_gives_the_same_bytes(
    built: tuple[Path, object], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a fan-in of 2 and 50 objects in memory, every merge level and spill is exercised."""
    out, _ = built
    monkeypatch.setattr(runs, "FAN_IN", 2)
    monkeypatch.setattr(runs, "DISTINCT_BUFFER", 50)
    widest: list[int] = []
    sort_merge = runs._sort_merge

    def recorded(command: str, paths: list[Path], target: Path, *, scratch: Path) -> None:
        widest.append(len(paths))
        sort_merge(command, paths, target, scratch=scratch)

    monkeypatch.setattr(runs, "_sort_merge", recorded)
    again = tmp_path / "again"
    build(CORPUS, again, jobs=1, progress=False, cache=False)
    assert (again / "SHA256SUMS").read_text() == (out / "SHA256SUMS").read_text()
    assert widest and max(widest) <= 2  # no `sort -m` command line grows with the corpus


def _naive_statistics(lines: list[str]) -> dict[str, object]:
    """The VoID counts with a set per term, as the build computed them in memory."""
    split = [(s, p, o.rstrip()[:-1].rstrip()) for s, p, o in (ln.split(" ", 2) for ln in lines)]
    rdf_type, same_as = f"<{RDF.type}>", "<http://www.w3.org/2002/07/owl#sameAs>"
    return {
        "triples": len(lines),
        "subjects": len({s for s, _, _ in split}),
        "objects": len({o for _, _, o in split}),
        "predicates": Counter(p for _, p, _ in split),
        "classes": Counter(o for _, p, o in split if p == rdf_type),
        "wikidata": sum(p == same_as and o.startswith("<http://www.wikidata.org/entity/") for _, p, o in split),
    }


def test_streamed_statistics_match_sets_over_the_dataset(built: tuple[Path, object], tmp_path: Path) -> None:
    out, _ = built
    lines = gzip.decompress((out / "dumps/lod.nt.gz").read_bytes()).decode().split("\n")[:-1]
    naive = _naive_statistics(lines)
    stats = DatasetStatistics(tmp_path)
    stats._objects = DistinctCounter(tmp_path, buffer=997)  # spill many runs
    for line in lines:
        stats.add(line.encode())
    with pytest.raises(ValueError, match="spilled"):  # its items are on disk: only counted
        stats._objects.items()
    assert stats.triples == naive["triples"]
    assert stats.subjects == naive["subjects"]
    assert stats.objects == naive["objects"]
    assert {k.decode(): v for k, v in stats.predicates.items()} == naive["predicates"]
    assert {k.decode(): v for k, v in stats.classes.items()} == naive["classes"]
    assert stats.wikidata_links == naive["wikidata"] > 190
    assert list(tmp_path.iterdir()) == []  # the spilled runs are gone
    with pytest.raises(ValueError, match="sorted"):
        stats.add(lines[0].encode())


def test_the_void_counts_from_the_chunks_are_those_of_sets_over_the_dataset(built: tuple[Path, object]) -> None:
    """The build counts each dump chunk's lines and distinct objects in the chunk's process and
    adds them up (lod.publish.chunks, DatasetStatistics.counted): the dataset's VoID says what
    sets over all its lines say."""
    out, _ = built
    lines = gzip.decompress((out / "dumps/lod.nt.gz").read_bytes()).decode().split("\n")[:-1]
    naive = _naive_statistics(lines)
    void = Graph().parse(out / "void.ttl")
    assert naive["objects"] in {int(o) for o in void.objects(None, VOID.distinctObjects)}
    assert naive["subjects"] in {int(o) for o in void.objects(None, VOID.distinctSubjects)}
    assert naive["triples"] in {int(o) for o in void.objects(None, VOID.triples)}


# N-Triples-like lines: any text without a line break, including tabs and non-ASCII letters
_line = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\n"), min_size=1, max_size=12)


def _write_runs(scratch: Path, documents: list[list[str]]) -> list[Path]:
    """One run file (sorted, unique lines) per document, as the build writes them."""
    paths = [scratch / f"{k}.nt" for k in range(len(documents))]
    for path, lines in zip(paths, documents):
        write_part(path, sorted(set(lines)))
    return paths


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(_line, max_size=30), max_size=12), st.integers(2, 5))
def test_merge_of_runs_is_sorted_set_union(documents: list[list[str]], fan_in: int) -> None:
    with TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        paths = _write_runs(scratch, documents)
        merged = [ln.decode() for ln in merge_runs(paths, scratch, fan_in=fan_in)]
        assert merged == sorted({ln for lines in documents for ln in lines})
        assert sorted(scratch.iterdir()) == sorted(paths)  # inputs kept, intermediate runs deleted
        counter = DistinctCounter(scratch, buffer=3)
        for lines in documents:
            for ln in lines:
                counter.add(ln.encode())
        assert counter.count() == len({ln for lines in documents for ln in lines})


def test_a_failing_dump_writer_raises_in_the_build_and_does_not_hang(tmp_path: Path) -> None:
    from lod.publish.dumps import DocumentPart, write_dataset

    scratch = tmp_path / "scratch"
    scratch.mkdir()
    lines = [f"<http://example.org/s{k}> <http://example.org/p> <http://example.org/o{k}> ." for k in range(5000)]
    run = scratch / "doc.nt"
    write_part(run, sorted(lines))
    parts = [DocumentPart("doc", "http://example.org/graph/doc", run, len(lines))]
    for blocked in ("lod.nt.gz", "lod.nq.gz", "lod.ttl"):  # a thread's, a thread's, the serializer process's
        out = tmp_path / blocked
        (out / "dumps" / blocked).mkdir(parents=True)  # a directory where the dump should go
        with pytest.raises(IsADirectoryError):
            write_dataset(out, parts, scratch)
    write_dataset(tmp_path / "ok", parts, scratch)
    assert gzip.decompress((tmp_path / "ok/dumps/lod.nt.gz").read_bytes()).decode() == "".join(ln + "\n" for ln in sorted(lines))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(_line, max_size=30), max_size=12), st.integers(2, 5), st.booleans())
def test_merge_to_file_with_or_without_sort_is_sorted_set_union(
    documents: list[list[str]], fan_in: int, system_sort: bool
) -> None:
    with TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        paths = _write_runs(scratch, documents)
        target = scratch / "merged.out"
        if system_sort:
            runs.merge_to_file(paths, target, scratch, fan_in=fan_in)
        else:
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(runs.shutil, "which", lambda name: None)
                runs.merge_to_file(paths, target, scratch, fan_in=fan_in)
        expected = "".join(ln + "\n" for ln in sorted({ln for lines in documents for ln in lines}))
        assert target.read_bytes() == expected.encode()
        assert sorted(scratch.iterdir()) == sorted([*paths, target])  # inputs kept, intermediates deleted

def test_runs_become_quads_of_their_graph_whatever_the_line_ends() -> None:
    from lod.publish.dumps import _with_graph

    plain = b'<http://e.org/s> <http://e.org/p> "a .\\n b" .\n<http://e.org/s> <http://e.org/p> <http://e.org/o> .\n'
    odd = plain + b"<http://e.org/s> <http://e.org/p> <http://e.org/o2>.\n<http://e.org/s> <http://e.org/p> _:b1\t. \n"
    for run in (plain, odd):
        quads = list(ox.parse(_with_graph(run, b" <http://e.org/g1> .\n"), format=ox.RdfFormat.N_QUADS))
        assert len(quads) == run.count(b"\n")
        assert {q.graph_name.value for q in quads} == {"http://e.org/g1"}
        assert quads[0].object.value == "a .\n b"


@needs_shared
def test_a_mapping_or_validation_bug_is_reported_against_its_document_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lod.publish import workers as pipeline

    real_map, real_validate = pipeline.map_resolution, pipeline.validate_lines

    def broken_map(res, registry, base):  # type: ignore[no-untyped-def]
        if res.symbol == "A/RES/80/2":
            raise KeyError("mapper bug")
        return real_map(res, registry, base)

    def broken_batch(documents):  # type: ignore[no-untyped-def]
        raise RuntimeError("engine bug")  # the whole batch fails: each document is validated alone

    def broken_validate(lines, source):  # type: ignore[no-untyped-def]
        if source.startswith("A_RES_80_1"):
            raise ValueError("validator bug")
        return real_validate(lines, source)

    monkeypatch.setattr(pipeline, "map_resolution", broken_map)
    monkeypatch.setattr(pipeline, "validate_batch", broken_batch)
    monkeypatch.setattr(pipeline, "validate_lines", broken_validate)
    report = build(CORPUS, tmp_path / "out", jobs=1, progress=False)
    errors = {d.source: d.errors[0] for d in report.documents if d.status == "error"}
    assert errors == {
        "A_RES_80_2.md": "A_RES_80_2.md: internal error while mapping: KeyError: 'mapper bug'",
        "A_RES_80_1.txt": "A_RES_80_1.txt: internal error while validating: ValueError: validator bug",
    }
    assert len(report.published) == len(report.documents) - 2
    assert sorted(p.name for p in (tmp_path / "out" / "documents").iterdir()) == sorted(
        f"{d.slug}.ttl" for d in report.published
    ) + ["authorities.ttl"]


def test_a_fan_in_below_two_is_refused_by_both_merges(tmp_path: Path) -> None:
    paths = _write_runs(tmp_path, [["a"], ["b"], ["c"]])
    with pytest.raises(ValueError, match="fan_in"):
        runs.merge_to_file(paths, tmp_path / "merged", tmp_path, fan_in=1)  # would never shrink the level
    with pytest.raises(ValueError, match="fan_in"):
        list(runs.merge_runs(paths, tmp_path, fan_in=1))


@needs_shared
def test_files_of_one_symbol_with_one_file_name_in_two_folders_are_all_published(tmp_path: Path) -> None:
    """../shared's sc-drafts holds S/2024/400 in both tasks, each as a PDF and a JSON record:
    four files with one symbol and one stem. Each gets a Turtle file of its own; the build once
    gave the fourth the third's name and stopped with nothing published."""
    from corpora import REAL

    corpus = tmp_path / "corpus"
    for task in ("task1/1942", "task2/2531"):
        folder = corpus / task.replace("/", "_")
        folder.mkdir(parents=True)
        for name in ("S_2024_400-EN.pdf", "S_2024_400-EN.json"):
            shutil.copyfile(REAL / "sc-drafts" / task / name, folder / name)
    report = build(corpus, tmp_path / "out", jobs=1, progress=False)
    assert [d.status for d in report.documents] == ["published"] * 4
    slugs = [d.slug for d in report.documents]
    assert len(set(slugs)) == 4 and slugs[0] == "S_2024_400"
    for name in slugs:
        assert (tmp_path / "out" / "documents" / f"{name}.ttl").is_file()
