"""The published dataset conforms to its own shapes under its own ontology.

The build validates each document's graph alone and without inference. Here the whole
dataset the build wrote (dumps/lod.nt.gz, authorities included) is validated at once by
pyshacl with ontology/ as `ont_graph` and RDFS inference, so `unres:Resolution ⊑ unres:Work`
makes every cited-work stub a target of the work shapes: a stub must satisfy them as a work
known by its symbol or number, organ and date (unres:CitedWork), without an expression.
"""

from __future__ import annotations

import gzip
from pathlib import Path

from pyshacl import validate
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH

from corpora import REAL, needs_shared
from lod.rdf.namespaces import UNRES

ROOT = Path(__file__).resolve().parent.parent
DQV_ANNOTATION = URIRef("http://www.w3.org/ns/dqv#QualityAnnotation")
OA_TARGET = URIRef("http://www.w3.org/ns/oa#hasTarget")
OA_BODY = URIRef("http://www.w3.org/ns/oa#hasBody")


def _ontology() -> Graph:
    ont = Graph()
    for name in ("lod.ttl", "verbs.ttl"):
        ont.parse(ROOT / "ontology" / name)
    return ont


def test_sample_dataset_conforms_under_its_ontology(corpus_build: Path) -> None:
    with gzip.open(corpus_build / "dumps" / "lod.nt.gz") as dump:
        data = Graph().parse(dump, format="nt")
    stubs = set(data.subjects(RDF.type, UNRES.CitedWork))
    assert stubs, "the sample corpus cites works outside it: the test must see stubs"
    conforms, report, text = validate(
        data, shacl_graph=Graph().parse(ROOT / "shapes" / "lod-shapes.ttl"), ont_graph=_ontology(),
        inference="rdfs", allow_warnings=True, advanced=True,
    )
    violations = [r for r in report.subjects(SH.resultSeverity, SH.Violation)]
    assert conforms, text
    assert not violations


def test_a_stub_without_expression_is_a_cited_work_not_a_published_work(corpus_build: Path) -> None:
    """The same validation fails once a stub loses its CitedWork type: the shape still asks
    every published work for an expression."""
    with gzip.open(corpus_build / "dumps" / "lod.nt.gz") as dump:
        data = Graph().parse(dump, format="nt")
    stub = sorted(data.subjects(RDF.type, UNRES.CitedWork))[0]
    data.remove((stub, RDF.type, UNRES.CitedWork))
    conforms, report, _ = validate(
        data, shacl_graph=Graph().parse(ROOT / "shapes" / "lod-shapes.ttl"), ont_graph=_ontology(),
        inference="rdfs", allow_warnings=True, advanced=True,
    )
    assert not conforms
    focus = {str(report.value(r, SH.focusNode)) for r in report.subjects(SH.resultSeverity, SH.Violation)}
    assert focus == {str(stub)}


@needs_shared
def test_each_language_has_its_own_quality_annotations() -> None:
    """The six expressions of a work share its component, so a finding of the French text must
    not land on the node of a finding of the English one (two targets, two bodies)."""
    from lod.parse import parse_file
    from lod.quality import findings
    from lod.rdf import WorkRegistry, resolution_lines

    french_path, french = next((path, res) for path in sorted((REAL / "ga-akn").rglob("French/*.xml"))
                               if findings(res := parse_file(path)))
    symbol_part = french_path.name.split("-")[0]  # "E_RES_2022_1-2110515F.xml": the English file is E_RES_2022_1-…E
    english = next(res for path in sorted(french_path.parent.parent.glob(f"English/{symbol_part}-*.xml"))
                   if (res := parse_file(path)).symbol == french.symbol)
    registry = WorkRegistry.from_corpus([english, french])
    merged = Graph()
    for res in (english, french):
        for line in resolution_lines(res, registry, registry.base):
            merged.parse(data=line, format="nt")
    notes = set(merged.subjects(RDF.type, DQV_ANNOTATION))
    assert any("#quality_fra_" in str(n) for n in notes)
    for note in notes:
        assert len(set(merged.objects(note, OA_TARGET))) == 1, note
        body = merged.value(note, OA_BODY)
        assert len(set(merged.objects(body, RDF.value))) == 1, note


AKN_SAMPLE = ("E_RES_2022_16-", "E_RES_2022_11-", "E_RES_2022_24-")
"""Works whose language files disagree on their markup, as the reader leaves them: E/RES/2022/16's
Arabic and Chinese files part its points otherwise than the English (and the Arabic prints (أ)
where English prints (a)); E/RES/2022/11's Arabic prints its third appendix's heading in a
paragraph, its Chinese parts that appendix's points otherwise; E/RES/2022/24's Spanish has a
paragraph more. (E/RES/2022/1 and 2022/5 were such works until lod.parse.akn.repairs read their six
files alike; A/RES/78/3 and 78/4 until their lead-in was read as a paragraph in every language.)"""


@needs_shared
def test_a_built_sample_of_ga_akn_in_six_languages_conforms_under_its_ontology(tmp_path: Path) -> None:
    """Each language file is checked alone by the build; merged, the expressions of one work
    share its portions, which must then have one position and one number (lod.rdf.outline)."""
    from lod.parse import parse_file
    from lod.publish import build
    from lod.rdf.outline import positions

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    files = sorted(p for p in (REAL / "ga-akn").rglob("*.xml") if p.name.startswith(AKN_SAMPLE))
    for path in files:
        (corpus / path.name).symlink_to(path)
    outlines = {}
    for path in files:
        res = parse_file(path)
        outlines.setdefault(res.symbol, set()).add(tuple(sorted(positions(res).items())))
    assert all(len(v) > 1 for v in outlines.values()), "each work of the sample must have expressions that disagree"
    report = build(corpus, tmp_path / "out", progress=False, jobs=2)
    assert len(report.published) == len(files) == 18, [(d.source, d.errors) for d in report.failed]
    with gzip.open(tmp_path / "out" / "dumps" / "lod.nt.gz") as dump:
        data = Graph().parse(dump, format="nt")
    assert any(o.language == "ar" for o in data.objects(None, UNRES.printedNum))
    conforms, _, text = validate(
        data, shacl_graph=Graph().parse(ROOT / "shapes" / "lod-shapes.ttl"), ont_graph=_ontology(),
        inference="rdfs", allow_warnings=True, advanced=True,
    )
    assert conforms, text


@needs_shared
def test_the_outline_places_every_portion_where_the_mapping_does() -> None:
    """lod.rdf.outline.positions and the mapping place portions by the same rules: each
    document alone (its work's order is its own) gets from the mapping exactly the outline's
    positions, tables, points and footnotes included."""
    from lod.parse import parse_file
    from lod.rdf import WorkRegistry, resolution_graph
    from lod.rdf.outline import positions

    names = ("A_RES_77_264 A-C", "E_RES_2021_6-", "E_RES_2022_1-2110515A", "A_RES_78_3_C")
    paths = sorted(p for p in (REAL / "ga-akn").rglob("*.xml") if p.name.startswith(names))
    assert len(paths) == len(names)
    placed: set[str] = set()
    for path in paths:
        res = parse_file(path)
        registry = WorkRegistry.from_corpus([res])
        graph = resolution_graph(res, registry, registry.base)
        mapped = {str(s).partition("#")[2]: int(o) for s, o in graph.subject_objects(UNRES.position) if "#" in str(s)
                  and "#step_" not in str(s)}
        assert mapped == positions(res), path.name
        placed |= {e.split("__")[-1].split("_")[0] for e in mapped}
    assert {"table", "header", "row", "point", "fn", "list"} <= placed
